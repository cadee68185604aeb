import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from lotse.cases.forms import DateInput, UserChoiceField, counsellors_of
from lotse.organisations.models import Organisation, OrganisationKind
from lotse.people.models import Person
from lotse.people.services import search_people

from .models import Acquisition, AcquisitionStatus, Activity, Channel, Stage

PERSON_CANDIDATES = 20

RECOMMENDER_MISSING = _(
    "A recommendation is recorded only with its recommender: choose the organisation or "
    "the person who recommended the company."
)


class RecommenderFields(forms.Form):
    """Channel and recommender, shared by the start and the edit form.

    The recommending person is found by a search step (an office has thousands of
    people): the search button re-shows the form with the hits as choices.
    """

    # Fields on office-scoped models get their querysets in __init__, inside the scope.
    recommended_by_organisation = forms.ModelChoiceField(
        label=_("Recommended by (organisation)"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_("A migrant organisation (MSO) or a company."),
    )
    recommended_by_person = forms.ModelChoiceField(
        label=_("Recommended by (person)"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.HiddenInput,  # shown as the hits of the search step
    )
    person_query = forms.CharField(label=_("Find the person"), required=False, max_length=100)

    def setup_recommender(self, company=None):
        organisations = Organisation.objects.filter(
            kind__in=[OrganisationKind.MIGRANT_ORG, OrganisationKind.COMPANY]
        ).order_by("name", "id")
        if company is not None:
            organisations = organisations.exclude(pk=company.pk)
        self.fields["recommended_by_organisation"].queryset = organisations
        self.fields["recommended_by_organisation"].label_from_instance = lambda o: (
            f"{o.name} ({o.get_kind_display()})"
        )
        self.fields["recommended_by_person"].queryset = Person.objects.all()

    def chosen_person(self) -> Person | None:
        value = self["recommended_by_person"].value()
        if isinstance(value, Person):
            return value
        if value and str(value).isdigit():
            return Person.objects.filter(pk=value).first()
        return None

    def person_candidates(self) -> list[Person]:
        """The chosen person first, then the hits of the search."""
        chosen = self.chosen_person()
        candidates = [chosen] if chosen else []
        query = (self["person_query"].value() or "").strip()
        if query:
            hits = search_people(Person.objects.all(), query)[:PERSON_CANDIDATES]
            candidates += [person for person in hits if person != chosen]
        return candidates

    @property
    def person_searched(self) -> bool:
        return bool((self["person_query"].value() or "").strip())

    def clean(self):
        cleaned = super().clean()
        organisation = cleaned.get("recommended_by_organisation")
        person = cleaned.get("recommended_by_person")
        if cleaned.get("channel") == Channel.RECOMMENDATION:
            if organisation and person:
                self.add_error(
                    "recommended_by_person",
                    _("Choose either an organisation or a person, not both."),
                )
            elif not organisation and not person:
                self.add_error("recommended_by_organisation", RECOMMENDER_MISSING)
        elif cleaned.get("channel"):
            # Only a recommendation has a recommender.
            cleaned["recommended_by_organisation"] = None
            cleaned["recommended_by_person"] = None
        return cleaned

    def clean_started_on(self):
        started_on = self.cleaned_data["started_on"]
        if started_on and started_on > datetime.date.today():
            raise forms.ValidationError(_("An acquisition cannot start in the future."))
        return started_on


class StartAcquisitionForm(RecommenderFields):
    company = forms.ModelChoiceField(
        label=_("Company"),
        queryset=Organisation.objects.none(),
        help_text=_("Companies not yet in the pipeline."),
    )
    channel = forms.ChoiceField(
        label=_("How did we reach the company?"),
        choices=Channel.choices,
        widget=forms.RadioSelect,
    )
    counsellor = UserChoiceField(label=_("Counsellor in charge"), queryset=None)
    started_on = forms.DateField(
        label=_("Started on"), widget=DateInput, initial=datetime.date.today
    )
    stage = forms.ChoiceField(label=_("Stage"), choices=Stage.choices, initial=Stage.IDENTIFIED)
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    field_order = ["company", "channel"]

    def __init__(self, *args, office, company=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.company = company
        self.setup_recommender(company)
        self.fields["counsellor"].queryset = counsellors_of(office)
        if company is None:
            self.fields["company"].queryset = Organisation.objects.filter(
                kind=OrganisationKind.COMPANY, acquisition__isnull=True
            ).order_by("name", "id")
        else:
            del self.fields["company"]

    def start_data(self) -> dict:
        """Keyword arguments for services.start_acquisition."""
        data = dict(self.cleaned_data)
        for name in ("company", "channel", "counsellor", "person_query"):
            data.pop(name, None)
        return data


class AcquisitionForm(RecommenderFields, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    counsellor = UserChoiceField(label=_("Counsellor in charge"), queryset=None)

    class Meta:
        model = Acquisition
        fields = [
            "channel",
            "recommended_by_organisation",
            "recommended_by_person",
            "entitlement",
            "counsellor",
            "started_on",
            "notes",
        ]
        widgets = {
            "channel": forms.RadioSelect,
            "started_on": DateInput,
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_recommender(self.instance.company)
        self.fields["counsellor"].queryset = counsellors_of(office)
        self.fields["version"].initial = self.instance.version
        self.fields["channel"].choices = Channel.choices  # no empty radio button


class StatusForm(forms.ModelForm):
    """Pause or lose an acquisition (with a reason), or make it active again."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Acquisition
        fields = ["status", "status_reason"]
        widgets = {"status": forms.RadioSelect}
        help_texts = {"status_reason": _("Needed when the acquisition is paused or lost.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status")
        if status and status != AcquisitionStatus.ACTIVE:
            if not (cleaned.get("status_reason") or "").strip():
                self.add_error(
                    "status_reason", _("Please note why the acquisition is paused or lost.")
                )
        elif status == AcquisitionStatus.ACTIVE:
            cleaned["status_reason"] = ""
        return cleaned


class MoveForm(forms.Form):
    stage = forms.ChoiceField(label=_("Move to stage"), choices=Stage.choices)


class ActivityForm(forms.ModelForm):
    class Meta:
        model = Activity
        fields = ["kind", "date", "outcome", "next_step", "next_step_due_on"]
        widgets = {
            "date": DateInput,
            "next_step_due_on": DateInput,
            "outcome": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > datetime.date.today():
            raise forms.ValidationError(
                _("An activity cannot be in the future. Note it as the next step instead.")
            )
        return date

    def clean(self):
        cleaned = super().clean()
        step, due = cleaned.get("next_step"), cleaned.get("next_step_due_on")
        if step and not due:
            self.add_error("next_step_due_on", _("When is the next step due?"))
        if due and not step:
            self.add_error("next_step", _("What is the next step?"))
        if due and cleaned.get("date") and due < cleaned["date"]:
            self.add_error(
                "next_step_due_on", _("The next step cannot be due before the activity.")
            )
        return cleaned


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=DateInput)
    end = forms.DateField(label=_("To"), widget=DateInput)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("The end of the period is before its start."))
        return cleaned
