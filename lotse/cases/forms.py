import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from lotse.accounts.models import PERSONAL_DATA_ROLES
from lotse.core.models import Language
from lotse.organisations.models import Organisation, OrganisationKind

from .esf import ENTRY_REQUIRED, EXIT_REQUIRED, VOLUNTARY_ITEMS, EsfRecord
from .models import (
    REFERRAL_TRANSITIONS,
    Case,
    CaseStatus,
    Consultation,
    Outcome,
    Referral,
    ReferralStatus,
    Topic,
)


class DateInput(forms.DateInput):
    """The browser's own date picker; shown to people as 22.11.2026."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def counsellors_of(office):
    return (
        get_user_model()
        .objects.filter(
            memberships__office=office, memberships__role__in=PERSONAL_DATA_ROLES, is_active=True
        )
        .order_by("first_name", "last_name", "username")
    )


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.username


class CaseForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    counsellor = UserChoiceField(label=_("Counsellor in charge"), queryset=None)

    class Meta:
        model = Case
        fields = ["target_group", "counsellor", "opened_on", "short_contact", "notes"]
        widgets = {"opened_on": DateInput, "notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["counsellor"].queryset = counsellors_of(office)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version

    def clean_opened_on(self):
        opened_on = self.cleaned_data["opened_on"]
        if opened_on > datetime.date.today():
            raise forms.ValidationError(_("A case cannot be opened in the future."))
        return opened_on


class CloseCaseForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    closed_on = forms.DateField(label=_("Closed on"), widget=DateInput, initial=datetime.date.today)
    reason = forms.CharField(
        label=_("Reason for closing"),
        required=False,
        max_length=300,
        help_text=_("Needed when no outcome (Verbleib) is recorded."),
    )


class ConsultationForm(forms.ModelForm):
    # Fields on office-scoped models get their querysets in __init__, inside the scope.
    about_case = forms.ModelChoiceField(
        label=_("Concerns the case of"),
        queryset=Case.objects.none(),
        required=False,
        help_text=_("For a parent's consultation about their child: the child's case."),
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Topics"),
        queryset=Topic.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    next_step = forms.CharField(label=_("What is to be done"), required=False, max_length=300)
    next_step_due_on = forms.DateField(label=_("Due on"), required=False, widget=DateInput)

    class Meta:
        model = Consultation
        fields = [
            "date",
            "duration_minutes",
            "channel",
            "language",
            "interpreter_present",
            "guide_present",
            "topics",
            "about_case",
            "notes",
        ]
        widgets = {
            "date": DateInput,
            "topics": forms.CheckboxSelectMultiple,
            "notes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, case: Case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        self.fields["topics"].queryset = Topic.objects.active()
        self.fields["language"].queryset = Language.objects.all()
        # A parent's consultation may concern a child's case.
        children_cases = Case.objects.filter(
            person__parent_links__parent_id=case.person_id, status=CaseStatus.OPEN
        ).select_related("person")
        self.fields["about_case"].queryset = children_cases
        self.fields["about_case"].label_from_instance = lambda c: c.person.full_name
        if not children_cases.exists():
            del self.fields["about_case"]

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > datetime.date.today():
            raise forms.ValidationError(_("A consultation cannot be in the future."))
        if date < self.case.opened_on:
            raise forms.ValidationError(_("The case was opened later than this date."))
        return date

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("next_step") and not cleaned.get("next_step_due_on"):
            self.add_error("next_step_due_on", _("When is the next step due?"))
        return cleaned

    def next_steps(self):
        if self.cleaned_data.get("next_step"):
            return [(self.cleaned_data["next_step"], self.cleaned_data["next_step_due_on"])]
        return []


class NextStepForm(forms.Form):
    description = forms.CharField(label=_("Next step"), max_length=300)
    due_on = forms.DateField(label=_("Due on"), widget=DateInput)


class InstitutionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        kind = obj.get_institution_type_display()
        return f"{obj.name} ({kind})" if kind else obj.name


class ReferralForm(forms.ModelForm):
    institution = InstitutionChoiceField(label=_("Institution"), queryset=None)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[
            (ReferralStatus.PLANNED, ReferralStatus.PLANNED.label),
            (ReferralStatus.SENT, ReferralStatus.SENT.label),
        ],
        initial=ReferralStatus.SENT,
    )

    class Meta:
        model = Referral
        fields = [
            "institution",
            "reason",
            "shares_personal_data",
            "shared_information",
            "status",
            "follow_up_on",
        ]
        widgets = {
            "follow_up_on": DateInput,
            "shared_information": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institution"].queryset = Organisation.objects.filter(
            kind=OrganisationKind.INSTITUTION
        ).order_by("name")


class ReferralUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ReferralStatus.choices)

    def __init__(self, *args, current_status=None, **kwargs):
        super().__init__(*args, **kwargs)
        if current_status is not None:
            # Offer only the statuses this referral may move to (and keeping it).
            allowed = {current_status, *REFERRAL_TRANSITIONS[ReferralStatus(current_status)]}
            self.fields["status"].choices = [
                (value, label) for value, label in ReferralStatus.choices if value in allowed
            ]

    feedback = forms.CharField(
        label=_("Feedback"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    declined_reason = forms.CharField(label=_("Reason for declining"), required=False)
    follow_up_on = forms.DateField(label=_("Follow up on"), required=False, widget=DateInput)


class OutcomeForm(forms.ModelForm):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), required=False
    )

    class Meta:
        model = Outcome
        fields = ["kind", "date", "organisation", "occupation", "note"]
        widgets = {"date": DateInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > datetime.date.today() + datetime.timedelta(days=366):
            raise forms.ValidationError(_("Please check the date: it is more than a year ahead."))
        return date


class EsfForm(forms.ModelForm):
    class Meta:
        model = EsfRecord
        fields = [
            *ENTRY_REQUIRED,
            *VOLUNTARY_ITEMS,
            *EXIT_REQUIRED,
            "immediate_result_on",
            "follow_up_on",
            "follow_up_employed",
        ]
        widgets = {
            "entry_date": DateInput,
            "exit_date": DateInput,
            "immediate_result_on": DateInput,
            "follow_up_on": DateInput,
        }

    def clean(self):
        cleaned = super().clean()
        entry, leaving = cleaned.get("entry_date"), cleaned.get("exit_date")
        if entry and leaving and leaving < entry:
            self.add_error("exit_date", _("The date of leaving is before the date of entry."))
        return cleaned


class TopicForm(forms.ModelForm):
    class Meta:
        model = Topic
        fields = ["name", "for_entrepreneurs"]

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        self.office = office

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if Topic.objects.filter(name__iexact=name).exists():
            raise forms.ValidationError(_("This topic exists already."))
        return name
