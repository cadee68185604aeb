"""Cases, consultations, referrals and outcomes in the JSON API (/api/v1/cases/).

Input is validated by the same forms as the pages and every write goes through
lotse.cases.services, so rules and messages match. Records are looked up through
the office-scoped managers: another office's ids answer 404.
"""

import datetime
from functools import partial
from typing import Literal

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate

from lotse.api.forms import ErrorOut, form_data, invalid, required, service_error
from lotse.core.models import Language
from lotse.people.models import Person

from . import services
from .forms import (
    CaseForm,
    CloseCaseForm,
    ConsultationForm,
    OutcomeForm,
    ReferralForm,
    ReferralUpdateForm,
)
from .models import (
    Case,
    Consultation,
    NextStep,
    Outcome,
    Referral,
    ReferralStatus,
    TargetGroup,
    Topic,
)

router = Router(tags=["cases"])

PAGE_SIZE = 25


# --- Schemas -----------------------------------------------------------------------------


class ConflictOut(ErrorOut):
    current_version: int = Field(description="The case's version now: read it again, then retry")


class CaseOut(Schema):
    id: int
    person_id: int
    person_name: str
    counsellor_id: int
    counsellor_name: str
    target_group: str = Field(description=", ".join(TargetGroup.values))
    status: str = Field(description="open or closed")
    opened_on: datetime.date
    closed_on: datetime.date | None
    closing_reason: str
    short_contact: bool
    notes: str
    version: int = Field(description="Send it back with every change (optimistic locking)")
    updated_at: datetime.datetime

    @staticmethod
    def resolve_person_name(obj):
        return obj.person.full_name

    @staticmethod
    def resolve_counsellor_name(obj):
        return obj.counsellor.get_full_name() or obj.counsellor.username


class CaseDetailOut(CaseOut):
    needs_esf: bool = Field(description="Whether the case needs the ESF+ questionnaire")
    consultations_count: int
    last_consultation_on: datetime.date | None
    open_next_steps_count: int
    referrals_count: int
    outcomes_count: int


class CaseIn(Schema):
    person: int | None = Field(None, description="Id of the person (required)")
    target_group: str | None = Field(None, description=", ".join(TargetGroup.values))
    counsellor: int | None = Field(None, description="User id; default: the token's user")
    opened_on: datetime.date | None = Field(None, description="Default: today")
    short_contact: bool | None = None
    notes: str | None = None


class CasePatch(Schema):
    version: int | None = Field(
        None, description="Required: the version the change is based on (optimistic locking)"
    )
    target_group: str | None = None
    counsellor: int | None = Field(None, description="User id")
    opened_on: datetime.date | None = None
    short_contact: bool | None = None
    notes: str | None = None


class CloseIn(Schema):
    version: int | None = Field(None, description="Required: the version the closing is based on")
    closed_on: datetime.date | None = Field(None, description="Default: today")
    reason: str | None = Field(None, description="Required when no outcome is recorded")


class TopicOut(Schema):
    id: int
    name: str
    for_entrepreneurs: bool
    own: bool = Field(description="Added by the office (not shipped with Lotse)")

    @staticmethod
    def resolve_own(obj):
        return obj.office_id is not None


class NextStepOut(Schema):
    id: int
    description: str
    due_on: datetime.date
    done_on: datetime.date | None


class ConsultationOut(Schema):
    id: int
    case_id: int
    about_case_id: int | None
    date: datetime.date
    duration_minutes: int
    channel: str
    language: str | None = Field(description="ISO 639 code")
    interpreter_present: bool
    guide_present: bool
    topics: list[TopicOut]
    notes: str
    counsellor_id: int
    next_steps: list[NextStepOut]
    created_at: datetime.datetime

    @staticmethod
    def resolve_language(obj):
        return obj.language.code if obj.language else None

    @staticmethod
    def resolve_topics(obj):
        return list(obj.topics.all())

    @staticmethod
    def resolve_next_steps(obj):
        return list(obj.next_steps.all())


class ConsultationIn(Schema):
    date: datetime.date | None = Field(None, description="Default: today")
    duration_minutes: int | None = Field(None, description="Default: 30")
    channel: str | None = Field(None, description="Required, e.g. in_person, phone, video")
    language: str | None = Field(None, description="ISO 639 code, e.g. 'ar'")
    interpreter_present: bool | None = None
    guide_present: bool | None = None
    topics: list[int] | None = Field(None, description="Topic ids (see /api/v1/cases/topics)")
    about_case: int | None = Field(None, description="A child's case, for a parent's case")
    notes: str | None = None
    next_step: str | None = Field(None, description="An agreed next step")
    next_step_due_on: datetime.date | None = Field(None, description="Required with next_step")


class ReferralOut(Schema):
    id: int
    case_id: int
    institution_id: int
    institution_name: str
    reason: str
    shares_personal_data: bool
    shared_information: str
    consent_id: int | None
    status: str = Field(description=", ".join(ReferralStatus.values))
    created_on: datetime.date
    sent_on: datetime.date | None
    follow_up_on: datetime.date | None
    feedback_on: datetime.date | None
    feedback: str
    declined_reason: str
    created_by_id: int

    @staticmethod
    def resolve_institution_name(obj):
        return obj.institution.name


class ReferralIn(Schema):
    institution: int | None = Field(None, description="Id of an organisation of kind institution")
    reason: str | None = None
    shares_personal_data: bool = Field(
        True, description="Passing on personal data needs the person's recorded consent"
    )
    shared_information: str | None = None
    status: str = Field("sent", description="planned or sent")
    follow_up_on: datetime.date | None = None


class ReferralPatch(Schema):
    status: str | None = Field(
        None,
        description="planned → sent → accepted / declined → completed, or no_feedback",
    )
    feedback: str | None = None
    declined_reason: str | None = Field(None, description="Required when declined")
    follow_up_on: datetime.date | None = None


class OutcomeOut(Schema):
    id: int
    case_id: int
    kind: str
    date: datetime.date
    organisation_id: int | None
    occupation: str
    note: str


class OutcomeIn(Schema):
    kind: str | None = Field(None, description="Required, e.g. apprenticeship, internship, school")
    date: datetime.date | None = Field(None, description="Default: today")
    organisation: int | None = Field(None, description="Organisation id")
    occupation: str | None = None
    note: str | None = None


# --- Forms and helpers -------------------------------------------------------------------


class CaseOpenForm(CaseForm):
    """The page's case form plus the person, who comes from the URL there."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The queryset is built here, inside the request's office scope.
        self.fields["person"] = forms.ModelChoiceField(
            label=Person._meta.verbose_name, queryset=Person.objects.all()
        )


def _count(model, **filters):
    rows = (
        model.objects.filter(case=OuterRef("pk"), **filters)
        .order_by()
        .values("case")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def _cases():
    return Case.objects.select_related("person", "counsellor")


def _case_detail(case_id: int) -> Case:
    last_consultation = (
        Consultation.objects.filter(case=OuterRef("pk")).order_by("-date").values("date")[:1]
    )
    cases = (
        _cases()
        .select_related("office")
        .annotate(
            consultations_count=_count(Consultation),
            last_consultation_on=Subquery(last_consultation),
            open_next_steps_count=_count(NextStep, done_on__isnull=True),
            referrals_count=_count(Referral),
            outcomes_count=_count(Outcome),
        )
    )
    return get_object_or_404(cases, pk=case_id)


def _consultations():
    return Consultation.objects.select_related("language").prefetch_related("topics", "next_steps")


def _referrals():
    return Referral.objects.select_related("institution")


def _conflict(case_id: int, error: ValidationError, sent: int) -> Status:
    current = Case.objects.values_list("version", flat=True).get(pk=case_id)
    return Status(
        409,
        {
            "detail": (
                f"Conflict: the case was changed by someone else since version {sent} "
                f"(it is at version {current} now). Nothing was saved: read the case "
                "again, apply your changes to it and send them with the current version."
            ),
            "errors": {
                "version": [
                    {"message": message, "code": error.code or ""} for message in error.messages
                ]
            },
            "current_version": current,
        },
    )


# --- Cases -------------------------------------------------------------------------------


@router.get("", response=list[CaseOut], summary="List cases (paged, filterable)")
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def list_cases(
    request,
    status: Literal["open", "closed"] | None = None,
    target_group: Literal["young_person", "parent", "entrepreneur", "young_refugee"] | None = None,
    person: int | None = None,
    counsellor: int | None = None,
):
    cases = _cases()
    if status:
        cases = cases.filter(status=status)
    if target_group:
        cases = cases.filter(target_group=target_group)
    if person is not None:
        cases = cases.filter(person_id=person)
    if counsellor is not None:
        cases = cases.filter(counsellor_id=counsellor)
    return cases.order_by("-opened_on", "-id")


@router.post("", response={201: CaseDetailOut, 400: ErrorOut}, summary="Open a case for a person")
def create_case(request, payload: CaseIn):
    values = payload.model_dump(exclude_unset=True)
    values.setdefault("counsellor", request.user.pk)
    values.setdefault("opened_on", datetime.date.today())
    form = CaseOpenForm(data=form_data(CaseOpenForm, values), office=request.office)
    if not form.is_valid():
        return invalid(form)
    fields = {
        key: value
        for key, value in form.cleaned_data.items()
        if key not in {"version", "counsellor", "person"}
    }
    try:
        case = services.open_case(
            form.cleaned_data["person"], counsellor=form.cleaned_data["counsellor"], **fields
        )
    except ValidationError as error:
        return service_error(form, error)
    return Status(201, _case_detail(case.pk))


@router.get("/topics", response=list[TopicOut], summary="The office's topic catalogue")
def list_topics(request):
    return Topic.objects.active()


@router.get("/{int:case_id}", response=CaseDetailOut, summary="Read a case with its counts")
def get_case(request, case_id: int):
    return _case_detail(case_id)


@router.patch(
    "/{int:case_id}",
    response={200: CaseDetailOut, 400: ErrorOut, 409: ConflictOut},
    summary="Change a case (send the version you read: a stale one answers 409)",
)
def update_case(request, case_id: int, payload: CasePatch):
    case = get_object_or_404(_cases(), pk=case_id)
    case_form = partial(CaseForm, office=request.office)
    values = payload.model_dump(exclude_unset=True)
    form_values = form_data(case_form, values, instance=case)
    # The version must come from the client, never from the stored case.
    form_values["version"] = "" if payload.version is None else payload.version
    form = case_form(data=form_values, instance=case)
    if not form.is_valid():
        return invalid(form)
    if form.cleaned_data["version"] is None:
        return required(form, "version")
    try:
        services.save_case(form, expected_version=form.cleaned_data["version"])
    except services.ConcurrentEdit as error:
        return _conflict(case_id, error, sent=form.cleaned_data["version"])
    except ValidationError as error:
        return service_error(form, error)
    return Status(200, _case_detail(case_id))


@router.post(
    "/{int:case_id}/close",
    response={200: CaseDetailOut, 400: ErrorOut, 409: ConflictOut},
    summary="Close a case (needs an outcome or a reason)",
)
def close_case(request, case_id: int, payload: CloseIn):
    case = get_object_or_404(Case, pk=case_id)
    values = payload.model_dump(exclude_unset=True)
    values.setdefault("closed_on", datetime.date.today())
    form = CloseCaseForm(data=form_data(CloseCaseForm, values))
    if not form.is_valid():
        return invalid(form)
    try:
        services.close_case(
            case,
            closed_on=form.cleaned_data["closed_on"],
            reason=form.cleaned_data["reason"],
            expected_version=form.cleaned_data["version"],
        )
    except services.ConcurrentEdit as error:
        return _conflict(case_id, error, sent=form.cleaned_data["version"])
    except ValidationError as error:
        return service_error(form, error)
    return Status(200, _case_detail(case_id))


# --- Consultations -----------------------------------------------------------------------


@router.get(
    "/{int:case_id}/consultations",
    response=list[ConsultationOut],
    summary="List a case's consultations (paged, newest first)",
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def list_consultations(request, case_id: int):
    case = get_object_or_404(Case, pk=case_id)
    return _consultations().filter(case=case).order_by("-date", "-id")


@router.post(
    "/{int:case_id}/consultations",
    response={201: ConsultationOut, 400: ErrorOut},
    summary="Record a consultation (with an agreed next step)",
)
def create_consultation(request, case_id: int, payload: ConsultationIn):
    case = get_object_or_404(Case, pk=case_id)
    values = payload.model_dump(exclude_unset=True)
    values.setdefault("date", datetime.date.today())
    values.setdefault("duration_minutes", 30)
    if values.get("language"):
        code = values["language"]
        # An unknown code is passed on as such, so the form reports an invalid choice.
        values["language"] = (
            Language.objects.filter(code=code).values_list("pk", flat=True).first() or code
        )
    form_class = partial(ConsultationForm, case=case)
    form = form_class(data=form_data(form_class, values))
    if not form.is_valid():
        return invalid(form)
    try:
        consultation = services.record_consultation(
            case, form, counsellor=request.user, next_steps=form.next_steps()
        )
    except ValidationError as error:
        return service_error(form, error)
    return Status(201, _consultations().get(pk=consultation.pk))


@router.get(
    "/consultations/{int:consultation_id}",
    response=ConsultationOut,
    summary="Read a consultation",
)
def get_consultation(request, consultation_id: int):
    return get_object_or_404(_consultations(), pk=consultation_id)


# --- Referrals ---------------------------------------------------------------------------


@router.get(
    "/{int:case_id}/referrals",
    response=list[ReferralOut],
    summary="List a case's referrals (paged, newest first)",
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def list_referrals(request, case_id: int):
    case = get_object_or_404(Case, pk=case_id)
    return _referrals().filter(case=case).order_by("-created_on", "-id")


@router.post(
    "/{int:case_id}/referrals",
    response={201: ReferralOut, 400: ErrorOut},
    summary="Refer the person to an institution (sharing personal data needs consent)",
)
def create_referral(request, case_id: int, payload: ReferralIn):
    case = get_object_or_404(Case.objects.select_related("person"), pk=case_id)
    # With the defaults: personal data are shared (so consent is checked) unless said otherwise.
    values = payload.model_dump()
    form = ReferralForm(data=form_data(ReferralForm, values))
    if not form.is_valid():
        return invalid(form)
    try:
        referral = services.refer(case, created_by=request.user, **form.cleaned_data)
    except ValidationError as error:
        return service_error(form, error)
    return Status(201, _referrals().get(pk=referral.pk))


@router.get("/referrals/{int:referral_id}", response=ReferralOut, summary="Read a referral")
def get_referral(request, referral_id: int):
    return get_object_or_404(_referrals(), pk=referral_id)


@router.patch(
    "/referrals/{int:referral_id}",
    response={200: ReferralOut, 400: ErrorOut},
    summary="Record the referral's progress: status, feedback, follow-up date",
)
def update_referral(request, referral_id: int, payload: ReferralPatch):
    referral = get_object_or_404(Referral, pk=referral_id)
    # What the request leaves out keeps its stored value (the service would otherwise
    # ask a declined referral's reason again on every later change).
    values = {
        "status": referral.status,
        "feedback": referral.feedback,
        "declined_reason": referral.declined_reason,
        "follow_up_on": referral.follow_up_on,
        **payload.model_dump(exclude_unset=True),
    }
    form = ReferralUpdateForm(data=form_data(ReferralUpdateForm, values))
    if not form.is_valid():
        return invalid(form)
    try:
        services.update_referral(referral, **form.cleaned_data)
    except ValidationError as error:
        return service_error(form, error)
    return Status(200, _referrals().get(pk=referral.pk))


# --- Outcomes ----------------------------------------------------------------------------


@router.get(
    "/{int:case_id}/outcomes",
    response=list[OutcomeOut],
    summary="List a case's outcomes (Verbleib; paged, newest first)",
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def list_outcomes(request, case_id: int):
    case = get_object_or_404(Case, pk=case_id)
    return Outcome.objects.filter(case=case).order_by("-date", "-id")


@router.post(
    "/{int:case_id}/outcomes",
    response={201: OutcomeOut, 400: ErrorOut},
    summary="Record an outcome (Verbleib)",
)
def create_outcome(request, case_id: int, payload: OutcomeIn):
    case = get_object_or_404(Case, pk=case_id)
    values = payload.model_dump(exclude_unset=True)
    values.setdefault("date", datetime.date.today())
    form = OutcomeForm(data=form_data(OutcomeForm, values))
    if not form.is_valid():
        return invalid(form)
    try:
        outcome = services.record_outcome(case, **form.cleaned_data)
    except ValidationError as error:
        return service_error(form, error)
    return Status(201, outcome)


@router.get("/outcomes/{int:outcome_id}", response=OutcomeOut, summary="Read an outcome")
def get_outcome(request, outcome_id: int):
    return get_object_or_404(Outcome, pk=outcome_id)
