"""The public registration form (no login), in the language of the page."""

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_COMPANIONS = 10


class RegistrationForm(forms.Form):
    """Name, contact and consents of someone who registers for an event.

    Every consent is an explicit choice: nothing is ticked in advance. The
    `website` field is a trap for bots: it is hidden from people (and from screen
    readers), so a filled-in value means the form was not sent by a person.
    """

    name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        error_messages={"required": _("Please enter your name.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        help_text=_(
            "Optional. We need it to send you the confirmation and to tell you when a place "
            "becomes free."
        ),
        error_messages={
            "invalid": _("Please enter a complete e-mail address, like name@example.org.")
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=50,
        required=False,
        help_text=_("Optional. So that we can call you if something changes."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    companions = forms.IntegerField(
        label=_("How many people come with you?"),
        required=False,
        min_value=0,
        max_value=MAX_COMPANIONS,
        initial=0,
        help_text=_("For example your children or your parents. Enter 0 if you come alone."),
        error_messages={
            "invalid": _("Please enter a number."),
            "min_value": _("Please enter a number from 0 to 10."),
            "max_value": _("Please enter a number from 0 to 10."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    consent_contact = forms.BooleanField(
        label=_("Yes, you may contact me about further offers."),
        required=False,
    )
    consent_photos = forms.BooleanField(
        label=_("Yes, I agree to photos of me at the event."),
        required=False,
    )
    website = forms.CharField(
        label=_("Please leave this field empty."),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_companions(self) -> int:
        return self.cleaned_data.get("companions") or 0

    @property
    def is_from_a_bot(self) -> bool:
        return bool(self.cleaned_data.get("website"))
