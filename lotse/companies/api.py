"""Company acquisition in the JSON API (/api/v1/companies/).

Paths:

* ``/companies/acquisitions`` – list (paged; filters stage, channel, status, counsellor)
  and start an acquisition,
* ``/companies/acquisitions/{id}`` – read (with the day each stage was reached) and
  change (PATCH with the version read: a stale one answers 409),
* ``/companies/acquisitions/{id}/stage`` – move the company to a stage,
* ``/companies/acquisitions/{id}/status`` – pause or lose it (with a reason), or make it
  active again (versioned like PATCH),
* ``/companies/acquisitions/{id}/activities`` – calls, visits, e-mails, letters,
* ``/companies/activities/{id}`` and ``/companies/activities/{id}/done`` – one activity,
  and marking its next step done,
* ``/companies/analytics`` – figures per channel and per recommender over a period.

Places, placements, occupations and matches are under /api/v1/matching/.

Input is validated by the same forms as the pages and every write goes through
lotse.companies.services, so rules and messages match. Records are looked up through
the office-scoped managers: another office's ids answer 404.
"""

import datetime
from functools import partial
from typing import Literal

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Count, IntegerField, Min, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate

from lotse.api.forms import ErrorOut, form_data, invalid, required, service_error
from lotse.matching.models import Place

from . import services
from .analytics import channel_report
from .forms import AcquisitionForm, ActivityForm, MoveForm, PeriodForm, StartAcquisitionForm
from .forms import StatusForm as AcquisitionStatusForm
from .models import (
    Acquisition,
    AcquisitionStatus,
    Activity,
    ActivityKind,
    Channel,
    Entitlement,
    Stage,
)

router = Router(tags=["companies"])

PAGE_SIZE = 25

StageValue = Literal["identified", "contacted", "counselled", "entitled", "offers_places", "trains"]
ChannelValue = Literal["cold_call", "outreach_visit", "recommendation"]
StatusValue = Literal["active", "paused", "lost"]


# --- Schemas -----------------------------------------------------------------------------


class ConflictOut(ErrorOut):
    current_version: int = Field(
        description="The acquisition's version now: read it again, then retry"
    )


class StageReachedOut(Schema):
    stage: str
    reached_on: datetime.date | None = Field(description="null: not reached (yet)")


class AcquisitionOut(Schema):
    id: int
    company_id: int
    company_name: str
    stage: str = Field(description=" → ".join(Stage.values))
    channel: str = Field(description=", ".join(Channel.values))
    recommended_by_organisation_id: int | None
    recommended_by_person_id: int | None
    recommender_name: str | None = Field(description="Only for the channel recommendation")
    entitlement: str = Field(description=", ".join(Entitlement.values))
    status: str = Field(description=", ".join(AcquisitionStatus.values))
    status_reason: str
    counsellor_id: int
    counsellor_name: str
    started_on: datetime.date
    notes: str
    next_step_due_on: datetime.date | None = Field(
        description="When the earliest open next step of its activities is due"
    )
    version: int = Field(description="Send it back with every change (optimistic locking)")
    updated_at: datetime.datetime

    @staticmethod
    def resolve_company_name(obj):
        return obj.company.name

    @staticmethod
    def resolve_recommender_name(obj):
        if obj.recommended_by_organisation is not None:
            return obj.recommended_by_organisation.name
        if obj.recommended_by_person is not None:
            return obj.recommended_by_person.full_name
        return None

    @staticmethod
    def resolve_counsellor_name(obj):
        return obj.counsellor.get_full_name() or obj.counsellor.username

    @staticmethod
    def resolve_next_step_due_on(obj):
        return getattr(obj, "next_step_due", None)


class AcquisitionDetailOut(AcquisitionOut):
    stages: list[StageReachedOut] = Field(description="Every stage in order, with its date")
    activities_count: int
    places_count: int = Field(description="Places the company offers (any status)")

    @staticmethod
    def resolve_stages(obj):
        reached = {change.stage: change.reached_on for change in obj.stage_changes.all()}
        return [{"stage": stage, "reached_on": reached.get(stage)} for stage in Stage.values]


class AcquisitionIn(Schema):
    company: int | None = Field(None, description="Id of a company not yet in the pipeline")
    channel: str | None = Field(None, description="Required: " + ", ".join(Channel.values))
    recommended_by_organisation: int | None = Field(
        None, description="A migrant organisation or a company (for a recommendation)"
    )
    recommended_by_person: int | None = Field(
        None, description="Or a person (for a recommendation; not both)"
    )
    counsellor: int | None = Field(None, description="User id; default: the token's user")
    started_on: datetime.date | None = Field(None, description="Default: today")
    stage: str | None = Field(None, description="Default: identified")
    notes: str | None = None


class AcquisitionPatch(Schema):
    version: int | None = Field(
        None, description="Required: the version the change is based on (optimistic locking)"
    )
    channel: str | None = None
    recommended_by_organisation: int | None = Field(
        None, description="Send null to remove it, e.g. when naming a person instead"
    )
    recommended_by_person: int | None = None
    entitlement: str | None = Field(None, description=", ".join(Entitlement.values))
    counsellor: int | None = Field(None, description="User id")
    started_on: datetime.date | None = None
    notes: str | None = None


class StageIn(Schema):
    stage: str | None = Field(None, description="Required: " + ", ".join(Stage.values))


class StatusIn(Schema):
    version: int | None = Field(None, description="Required: the version the change is based on")
    status: str | None = Field(None, description="Required: " + ", ".join(AcquisitionStatus.values))
    status_reason: str | None = Field(None, description="Required when paused or lost")


class ActivityOut(Schema):
    id: int
    acquisition_id: int
    kind: str = Field(description=", ".join(ActivityKind.values))
    date: datetime.date
    by_id: int
    outcome: str
    next_step: str
    next_step_due_on: datetime.date | None
    next_step_done_on: datetime.date | None


class ActivityIn(Schema):
    kind: str | None = Field(None, description="Required: " + ", ".join(ActivityKind.values))
    date: datetime.date | None = Field(None, description="Default: today; not in the future")
    outcome: str | None = None
    next_step: str | None = None
    next_step_due_on: datetime.date | None = Field(None, description="Required with next_step")


class ChannelRowOut(Schema):
    label: str = Field(description="The channel, or the recommender's name")
    channel: str
    companies: int = Field(description="Acquisitions started in the period")
    reached: dict[str, int] = Field(description="Companies that reached each stage by the end")
    rates: dict[str, float | None] = Field(description="reached / companies per stage")
    places_offered: int
    places_filled: int = Field(description="Seats held by accepted, started, completed")
    fill_rate: float | None

    @staticmethod
    def resolve_label(obj):
        return str(obj.label)  # a channel's label is translated lazily

    @staticmethod
    def resolve_rates(obj):
        return {stage: obj.rate(stage) for stage in Stage.values}


class ChannelReportOut(Schema):
    start: datetime.date
    end: datetime.date
    channels: list[ChannelRowOut]
    recommenders: list[ChannelRowOut] = Field(
        description="Each recommender of the channel recommendation, most places filled first"
    )


# --- Helpers -----------------------------------------------------------------------------


def _is_conflict(error: ValidationError) -> bool:
    return not hasattr(error, "error_dict") and "concurrent_edit" in {
        item.code for item in error.error_list
    }


def _conflict(acquisition_id: int, error: ValidationError, sent: int) -> Status:
    current = Acquisition.objects.values_list("version", flat=True).get(pk=acquisition_id)
    return Status(
        409,
        {
            "detail": (
                f"Conflict: the acquisition was changed by someone else since version {sent} "
                f"(it is at version {current} now). Nothing was saved: read the acquisition "
                "again, apply your changes to it and send them with the current version."
            ),
            "errors": {
                "version": [
                    {"message": message, "code": "concurrent_edit"} for message in error.messages
                ]
            },
            "current_version": current,
        },
    )


def _acquisitions():
    open_step = Q(activities__next_step_done_on__isnull=True) & ~Q(activities__next_step="")
    return Acquisition.objects.select_related(
        "company", "counsellor", "recommended_by_organisation", "recommended_by_person"
    ).annotate(next_step_due=Min("activities__next_step_due_on", filter=open_step))


def _acquisition_detail(acquisition_id: int) -> Acquisition:
    activities = (
        Activity.objects.filter(acquisition=OuterRef("pk"))
        .order_by()
        .values("acquisition")
        .annotate(n=Count("pk"))
        .values("n")
    )
    places = (
        Place.objects.filter(company=OuterRef("company_id"))
        .order_by()
        .values("company")
        .annotate(n=Count("pk"))
        .values("n")
    )
    acquisitions = (
        _acquisitions()
        .prefetch_related("stage_changes")
        .annotate(
            activities_count=Coalesce(Subquery(activities, output_field=IntegerField()), 0),
            places_count=Coalesce(Subquery(places, output_field=IntegerField()), 0),
        )
    )
    return get_object_or_404(acquisitions, pk=acquisition_id)


# --- Acquisitions ------------------------------------------------------------------------


@router.get(
    "/acquisitions",
    response=list[AcquisitionOut],
    summary="List acquisitions (paged, filterable; by company name)",
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def list_acquisitions(
    request,
    stage: StageValue | None = None,
    channel: ChannelValue | None = None,
    status: StatusValue | None = None,
    counsellor: int | None = None,
):
    acquisitions = _acquisitions()
    if stage:
        acquisitions = acquisitions.filter(stage=stage)
    if channel:
        acquisitions = acquisitions.filter(channel=channel)
    if status:
        acquisitions = acquisitions.filter(status=status)
    if counsellor is not None:
        acquisitions = acquisitions.filter(counsellor_id=counsellor)
    return acquisitions.order_by("company__name", "id")


@router.post(
    "/acquisitions",
    response={201: AcquisitionDetailOut, 400: ErrorOut},
    summary="Start acquiring a company (a recommendation needs its recommender)",
)
def start_acquisition(request, payload: AcquisitionIn):
    values = payload.model_dump(exclude_unset=True)
    values.setdefault("counsellor", request.user.pk)
    values.setdefault("started_on", datetime.date.today())
    values.setdefault("stage", Stage.IDENTIFIED)
    form = StartAcquisitionForm(data=form_data(StartAcquisitionForm, values), office=request.office)
    if not form.is_valid():
        return invalid(form)
    try:
        acquisition = services.start_acquisition(
            form.cleaned_data["company"],
            channel=form.cleaned_data["channel"],
            counsellor=form.cleaned_data["counsellor"],
            by=request.user,
            **form.start_data(),
        )
    except ValidationError as error:
        return service_error(form, error)
    return Status(201, _acquisition_detail(acquisition.pk))


@router.get(
    "/acquisitions/{int:acquisition_id}",
    response=AcquisitionDetailOut,
    summary="Read an acquisition with the day each stage was reached",
)
def get_acquisition(request, acquisition_id: int):
    return _acquisition_detail(acquisition_id)


@router.patch(
    "/acquisitions/{int:acquisition_id}",
    response={200: AcquisitionDetailOut, 400: ErrorOut, 409: ConflictOut},
    summary="Change an acquisition (send the version you read: a stale one answers 409)",
)
def update_acquisition(request, acquisition_id: int, payload: AcquisitionPatch):
    acquisition = get_object_or_404(_acquisitions(), pk=acquisition_id)
    form_class = partial(AcquisitionForm, office=request.office)
    values = payload.model_dump(exclude_unset=True)
    form_values = form_data(form_class, values, instance=acquisition)
    # The version must come from the client, never from the stored acquisition.
    form_values["version"] = "" if payload.version is None else payload.version
    form = form_class(data=form_values, instance=acquisition)
    if not form.is_valid():
        return invalid(form)
    if form.cleaned_data["version"] is None:
        return required(form, "version")
    try:
        services.save_acquisition(
            form, expected_version=form.cleaned_data["version"], by=request.user
        )
    except ValidationError as error:
        if _is_conflict(error):
            return _conflict(acquisition_id, error, sent=form.cleaned_data["version"])
        return service_error(form, error)
    return Status(200, _acquisition_detail(acquisition_id))


@router.post(
    "/acquisitions/{int:acquisition_id}/status",
    response={200: AcquisitionDetailOut, 400: ErrorOut, 409: ConflictOut},
    summary="Pause or lose an acquisition (with a reason), or make it active again",
)
def change_acquisition_status(request, acquisition_id: int, payload: StatusIn):
    acquisition = get_object_or_404(Acquisition, pk=acquisition_id)
    values = payload.model_dump(exclude_unset=True)
    form = AcquisitionStatusForm(
        data=form_data(AcquisitionStatusForm, values), instance=acquisition
    )
    if not form.is_valid():
        return invalid(form)
    try:
        services.save_acquisition(
            form, expected_version=form.cleaned_data["version"], by=request.user
        )
    except ValidationError as error:
        if _is_conflict(error):
            return _conflict(acquisition_id, error, sent=form.cleaned_data["version"])
        return service_error(form, error)
    return Status(200, _acquisition_detail(acquisition_id))


@router.post(
    "/acquisitions/{int:acquisition_id}/stage",
    response={200: AcquisitionDetailOut, 400: ErrorOut},
    summary="Move the company to a stage (earlier stages count as reached)",
)
def move_acquisition(request, acquisition_id: int, payload: StageIn):
    acquisition = get_object_or_404(Acquisition, pk=acquisition_id)
    form = MoveForm(data=form_data(MoveForm, payload.model_dump(exclude_unset=True)))
    if not form.is_valid():
        return invalid(form)
    try:
        services.move_to_stage(acquisition, form.cleaned_data["stage"], by=request.user)
    except ValidationError as error:
        return service_error(form, error)
    return Status(200, _acquisition_detail(acquisition_id))


# --- Activities --------------------------------------------------------------------------


@router.get(
    "/acquisitions/{int:acquisition_id}/activities",
    response=list[ActivityOut],
    summary="List an acquisition's activities (paged, newest first)",
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def list_activities(request, acquisition_id: int):
    acquisition = get_object_or_404(Acquisition, pk=acquisition_id)
    return Activity.objects.filter(acquisition=acquisition).order_by("-date", "-id")


@router.post(
    "/acquisitions/{int:acquisition_id}/activities",
    response={201: ActivityOut, 400: ErrorOut},
    summary="Log a call, visit, e-mail or letter (with the next step agreed)",
)
def log_activity(request, acquisition_id: int, payload: ActivityIn):
    acquisition = get_object_or_404(Acquisition, pk=acquisition_id)
    values = payload.model_dump(exclude_unset=True)
    values.setdefault("date", datetime.date.today())
    form = ActivityForm(data=form_data(ActivityForm, values))
    if not form.is_valid():
        return invalid(form)
    try:
        activity = services.log_activity(acquisition, by=request.user, **form.cleaned_data)
    except ValidationError as error:
        return service_error(form, error)
    return Status(201, activity)


@router.get("/activities/{int:activity_id}", response=ActivityOut, summary="Read an activity")
def get_activity(request, activity_id: int):
    return get_object_or_404(Activity, pk=activity_id)


@router.post(
    "/activities/{int:activity_id}/done",
    response={200: ActivityOut, 400: ErrorOut},
    summary="Mark the activity's next step done (today)",
)
def complete_activity(request, activity_id: int):
    activity = get_object_or_404(Activity, pk=activity_id)
    try:
        services.complete_activity_step(activity)
    except ValidationError as error:
        return service_error(forms.Form(data={}), error)
    return Status(200, activity)


# --- Analytics ---------------------------------------------------------------------------


@router.get(
    "/analytics",
    response={200: ChannelReportOut, 400: ErrorOut},
    summary="Which channel works: per channel and per recommender, over a period",
)
def channel_analytics(
    request, start: datetime.date | None = None, end: datetime.date | None = None
):
    """Acquisitions started between START and END (default: the current calendar year)."""
    today = datetime.date.today()
    values = {
        "start": start or datetime.date(today.year, 1, 1),
        "end": end or datetime.date(today.year, 12, 31),
    }
    form = PeriodForm(data=form_data(PeriodForm, values))
    if not form.is_valid():
        return invalid(form)
    return Status(200, channel_report(form.cleaned_data["start"], form.cleaned_data["end"]))
