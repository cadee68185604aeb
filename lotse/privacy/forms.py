import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from lotse.cases.forms import DateInput

from .models import Consent


class ConsentForm(forms.ModelForm):
    class Meta:
        model = Consent
        fields = ["purpose", "given_on", "form", "given_by", "guardian_name", "note"]
        widgets = {"given_on": DateInput, "given_by": forms.RadioSelect, "form": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["given_on"].initial = datetime.date.today

    def clean_given_on(self):
        given_on = self.cleaned_data["given_on"]
        if given_on > datetime.date.today():
            raise forms.ValidationError(_("A consent cannot be dated in the future."))
        return given_on

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("given_by") == "guardian" and not cleaned.get("guardian_name"):
            self.add_error(
                "guardian_name", _("Please name the parent or guardian who gave the consent.")
            )
        return cleaned
