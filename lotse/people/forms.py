from django import forms
from django.utils.translation import gettext_lazy as _

from lotse.core.models import Language
from lotse.core.partial_dates import PartialDateField

from .models import KIND_FIELDS, Gender, Person, PersonKind


class PersonForm(forms.ModelForm):
    birth_date = PartialDateField(
        label=_("Date of birth"),
        required=False,
        help_text=_("DD.MM.YYYY, or MM.YYYY or YYYY if only part of it is known."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    kinds = forms.MultipleChoiceField(
        label=_("Kind"),
        choices=PersonKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Person
        fields = [
            "given_names",
            "family_name",
            "given_names_original",
            "family_name_original",
            "birth_date",
            "birth_date_placeholder",
            "gender",
            "kinds",
            "languages",
            "phone",
            "email",
            "street",
            "postcode",
            "town",
            "notes",
        ]
        widgets = {
            "languages": forms.CheckboxSelectMultiple,
            "given_names_original": forms.TextInput(attrs={"dir": "auto"}),
            "family_name_original": forms.TextInput(attrs={"dir": "auto"}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["languages"].queryset = Language.objects.all()
        self.fields["gender"].initial = Gender.NOT_STATED
        if self.instance.pk:
            birth_date = self.instance.birth_date
            self.initial.setdefault("birth_date", str(birth_date) if birth_date else "")
            self.initial.setdefault("kinds", self.instance.kinds)

    def clean_postcode(self):
        postcode = self.cleaned_data["postcode"].strip()
        if postcode and not (postcode.isdigit() and len(postcode) == 5):
            raise forms.ValidationError(_("A German postcode has five digits, e.g. 58135."))
        return postcode

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("birth_date_placeholder") and not cleaned.get("birth_date"):
            self.add_error(
                "birth_date",
                _("Enter the date from the document if you mark it as a placeholder."),
            )
        return cleaned

    def _post_clean(self):
        super()._post_clean()
        if "birth_date" in self.cleaned_data:
            self.instance.birth_date = self.cleaned_data["birth_date"]
        if "kinds" in self.cleaned_data:
            chosen = set(self.cleaned_data["kinds"])
            for kind, field in KIND_FIELDS.items():
                setattr(self.instance, field, kind in chosen)


class PersonFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        widget=forms.SearchInput(
            attrs={"placeholder": _("Name in any spelling, phone or e-mail"), "autocomplete": "off"}
        ),
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("all"))] + PersonKind.choices
    )
    gender = forms.ChoiceField(
        label=_("Gender"), required=False, choices=[("", _("all"))] + Gender.choices
    )
    language = forms.ModelChoiceField(
        label=_("Language"), required=False, queryset=Language.objects.none(), empty_label=_("all")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].queryset = Language.objects.all()


class LinkPersonForm(forms.Form):
    """Link another person of the office as parent or child."""

    RELATION_CHOICES = [
        ("child", _("is a child of this person")),
        ("parent", _("is a parent of this person")),
    ]

    other = forms.ModelChoiceField(label=_("Person"), queryset=Person.objects.none())
    relation = forms.ChoiceField(label=_("Relation"), choices=RELATION_CHOICES)

    def __init__(self, *args, person: Person, **kwargs):
        super().__init__(*args, **kwargs)
        self.person = person
        self.fields["other"].queryset = Person.objects.exclude(pk=person.pk)
