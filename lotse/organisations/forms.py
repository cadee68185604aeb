from django import forms
from django.utils.translation import gettext_lazy as _

from lotse.core.models import Language

from .models import AffiliationRole, Organisation, OrganisationKind


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = [
            "name",
            "kind",
            "institution_type",
            "street",
            "postcode",
            "town",
            "phone",
            "email",
            "website",
            "languages",
            "sector",
            "size_class",
            "migrant_led",
            "chamber",
            "notes",
        ]
        widgets = {
            "languages": forms.CheckboxSelectMultiple,
            "phone": forms.TextInput(attrs={"type": "tel"}),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["languages"].queryset = Language.objects.all()

    def clean_postcode(self):
        postcode = self.cleaned_data["postcode"].strip()
        if postcode and not (postcode.isdigit() and len(postcode) == 5):
            raise forms.ValidationError(_("A German postcode has five digits, e.g. 58135."))
        return postcode

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind == OrganisationKind.INSTITUTION and not cleaned.get("institution_type"):
            self.add_error(
                "institution_type", _("Please choose which kind of institution this is.")
            )
        if kind and kind != OrganisationKind.INSTITUTION:
            cleaned["institution_type"] = ""
        if kind and kind != OrganisationKind.COMPANY:
            # Company details only make sense for companies; don't keep stale values.
            cleaned.update(sector="", size_class="", migrant_led=False, chamber="")
        return cleaned


class OrganisationFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        widget=forms.SearchInput(attrs={"placeholder": _("Name or town"), "autocomplete": "off"}),
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("all"))] + OrganisationKind.choices
    )
    migrant_led = forms.BooleanField(label=_("only migrant-led companies"), required=False)


class AffiliationForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none()
    )
    role = forms.ChoiceField(label=_("Role"), choices=AffiliationRole.choices)
    note = forms.CharField(label=_("Note"), max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.all()
