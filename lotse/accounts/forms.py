from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    username = forms.CharField(
        label=_("User name or e-mail address"),
        max_length=254,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    error_messages = {
        "invalid_login": _(
            "User name/e-mail address or password is wrong. Please check both and try again."
        ),
        "inactive": _("This account is not active."),
    }


class SwitchOfficeForm(forms.Form):
    office = forms.IntegerField()
