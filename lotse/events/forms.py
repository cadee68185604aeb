import datetime

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lotse.cases.forms import DateInput
from lotse.core.models import Language
from lotse.core.public import RTL_LANGUAGES, TEXT_LANGUAGE_CHOICES
from lotse.organisations.models import Organisation
from lotse.people.models import Person

from .models import NETWORK_KINDS, Audience, Event, EventKind

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class DateTimeInput(forms.DateTimeInput):
    """The browser's own date and time picker; shown to people as 22.11.2026 18:00."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format=DATETIME_FORMAT)


class EventFilterForm(forms.Form):
    WHEN_CHOICES = [
        ("upcoming", pgettext_lazy("events", "upcoming")),
        ("past", pgettext_lazy("events", "past")),
    ]

    q = forms.CharField(
        label=_("Title"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("all kinds")), *EventKind.choices]
    )
    when = forms.ChoiceField(label=_("When"), required=False, choices=WHEN_CHOICES)


class EventForm(forms.ModelForm):
    # Fields on office-scoped models get their querysets in __init__, inside the scope.
    venue_organisation = forms.ModelChoiceField(
        label=_("Held at (organisation)"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_("Or write the address in the next field."),
    )
    partners = forms.ModelMultipleChoiceField(
        label=_("Partner organisations"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("School, migrant organisation, company … Hold Ctrl to choose several."),
    )
    audiences = forms.MultipleChoiceField(
        label=_("Target groups"),
        choices=Audience.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    starts_at = forms.DateTimeField(
        label=_("Starts"), widget=DateTimeInput, input_formats=[DATETIME_FORMAT]
    )
    ends_at = forms.DateTimeField(
        label=_("Ends"), widget=DateTimeInput, input_formats=[DATETIME_FORMAT], required=False
    )

    class Meta:
        model = Event
        fields = [
            "kind",
            "title",
            "description",
            "starts_at",
            "ends_at",
            "venue_organisation",
            "venue",
            "partners",
            "capacity",
            "audiences",
            "languages",
            "is_public",
            "registration_open",
        ]
        labels = {
            "title": _("Title (German)"),
            "description": _("Description (German)"),
            "venue": _("Address or room"),
            "capacity": _("Seats"),
        }
        help_texts = {"capacity": _("Companions take seats too. Empty: no limit.")}
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "languages": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = Organisation.objects.order_by("name", "id")
        self.fields["venue_organisation"].queryset = organisations
        self.fields["partners"].queryset = organisations
        self.fields["languages"].queryset = Language.objects.all()
        self.fields["capacity"].widget.attrs["min"] = 1
        if self.instance.pk is None:
            kind = self.initial.get("kind")
            if kind in NETWORK_KINDS:
                # By invitation: not on the public calendar unless chosen.
                self.initial.setdefault("is_public", False)

    def clean_capacity(self):
        capacity = self.cleaned_data["capacity"]
        if capacity is not None and capacity < 1:
            raise forms.ValidationError(
                _("Leave the places empty for no limit, or enter 1 or more.")
            )
        return capacity

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The event must end after it starts."))
        return cleaned


class EventTextForm(forms.Form):
    """Title and description in one further language (a fieldset of the event form)."""

    title = forms.CharField(label=_("Title"), required=False, max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, language: str, language_name, **kwargs):
        super().__init__(*args, prefix=f"text-{language}", **kwargs)
        self.language = language
        self.language_name = language_name
        self.fields["title"].label = format_lazy("{} ({})", _("Title"), language_name)
        self.fields["description"].label = format_lazy("{} ({})", _("Description"), language_name)
        attrs = {"lang": language.split("-")[0]}
        if language in RTL_LANGUAGES:
            attrs["dir"] = "rtl"
        for field in self.fields.values():
            field.widget.attrs.update(attrs)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("description", "").strip() and not cleaned.get("title", "").strip():
            self.add_error(
                "title",
                _("Enter a title in this language as well, or leave the description empty."),
            )
        return cleaned


def text_forms(event: Event | None, data=None) -> list[EventTextForm]:
    """One form per further language, filled with the event's texts."""
    existing = {}
    if event is not None and event.pk:
        existing = {text.language: text for text in event.texts.all()}
    forms_ = []
    for code, name in TEXT_LANGUAGE_CHOICES:
        text = existing.get(code)
        initial = {"title": text.title, "description": text.description} if text else {}
        forms_.append(EventTextForm(data, language=code, language_name=name, initial=initial))
    return forms_


class AddPersonForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Person"), queryset=Person.objects.none())
    companions = forms.IntegerField(label=_("Companions"), min_value=0, max_value=20, initial=0)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.all()


class WalkInForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=200, widget=forms.TextInput(attrs={"dir": "auto"})
    )
    companions = forms.IntegerField(
        label=_("Companions"),
        min_value=0,
        max_value=20,
        initial=0,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Please enter the name."))
        return name


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=DateInput)
    end = forms.DateField(label=_("To"), widget=DateInput)

    @classmethod
    def current_year(cls) -> dict:
        year = datetime.date.today().year
        return {"start": datetime.date(year, 1, 1), "end": datetime.date(year, 12, 31)}

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("The end of the period is before its start."))
        return cleaned
