"""Volunteer guides and their inquiries in the JSON API (/api/v1/guides/).

Paths:

* ``/guides/`` – the directory (paged; filters language, active) and adding a guide,
* ``/guides/{id}`` – read a guide with her training record, change her profile (PATCH),
* ``/guides/inquiries`` – the inquiry log: list (paged) and log an inquiry,
* ``/guides/inquiries/{id}`` – read an inquiry,
* ``/guides/inquiries/summary`` – inquiries of a period by topic, language and referral.

Counsellors and leads use every path and see all of the office's guides and inquiries.
A volunteer guide's token reaches only the inquiry log and sees only her own entries:
the scope narrows them (`lotse.accounts.scoping`), the endpoints do not filter by user.
Input is validated by the pages' forms and every write goes through
lotse.guides.services, so rules and messages match; another office's ids answer 404.
"""

import datetime
from functools import partial

from django import forms
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate

from lotse.api.auth import network_auth
from lotse.api.forms import ErrorOut, form_data, invalid, service_error
from lotse.companies.forms import PeriodForm
from lotse.events.api import is_guide, language_ids

from . import services
from .forms import GuideForm, InquiryForm
from .models import GuideProfile, Inquiry, ReferredTo

router = Router(tags=["guides"])

PAGE_SIZE = 25


# --- Schemas -----------------------------------------------------------------------------


class GuideOut(Schema):
    id: int
    person_id: int
    name: str
    user_id: int | None = Field(description="The guide's own login, if she has one")
    organisation_id: int | None = Field(description="Her migrant organisation")
    organisation_name: str | None
    languages: list[str] = Field(description="ISO 639 codes")
    communities: str
    districts: str
    availability: str
    qualified_on: datetime.date | None
    active: bool
    notes: str
    created_at: datetime.datetime
    updated_at: datetime.datetime

    @staticmethod
    def resolve_name(obj):
        return obj.person.full_name

    @staticmethod
    def resolve_organisation_name(obj):
        return obj.organisation.name if obj.organisation_id else None

    @staticmethod
    def resolve_languages(obj):
        return [language.code for language in obj.languages.all()]


class ModuleProgressOut(Schema):
    event_id: int
    title: str
    starts_at: datetime.datetime
    required: bool = Field(description="Required for the qualification")
    attended: bool

    @staticmethod
    def resolve_event_id(obj):
        return obj.module.event_id

    @staticmethod
    def resolve_title(obj):
        return obj.module.event.title

    @staticmethod
    def resolve_starts_at(obj):
        return obj.module.event.starts_at

    @staticmethod
    def resolve_required(obj):
        return obj.module.required


class SeriesProgressOut(Schema):
    series_id: int
    series_name: str
    required_total: int
    required_attended: int
    complete: bool = Field(description="Every required module attended")
    completed_on: datetime.date | None = Field(description="When she qualified in this series")
    modules: list[ModuleProgressOut]

    @staticmethod
    def resolve_series_id(obj):
        return obj.series.pk

    @staticmethod
    def resolve_series_name(obj):
        return obj.series.name

    @staticmethod
    def resolve_completed_on(obj):
        return obj.completion.completed_on if obj.completion else None


class GuideDetailOut(GuideOut):
    training: list[SeriesProgressOut] = Field(
        description="Every training series she took part in, with her modules"
    )

    @staticmethod
    def resolve_training(obj):
        return services.training_record(obj)


class GuidePatch(Schema):
    user: int | None = Field(
        None, description="Her login: a user with the role guide in this office, not yet linked"
    )
    organisation: int | None = Field(None, description="Id of her migrant organisation (MSO)")
    languages: list[str] | None = Field(None, description="ISO 639 codes, e.g. ['ti', 'ar']")
    communities: str | None = None
    districts: str | None = None
    availability: str | None = None
    qualified_on: datetime.date | None = None
    active: bool | None = Field(None, description="Default on creation: yes")
    notes: str | None = None


class GuideIn(GuidePatch):
    person: int | None = Field(
        None, description="Required: id of the person who becomes a guide (no profile yet)"
    )


class InquiryOut(Schema):
    id: int
    guide_id: int
    guide_name: str
    date: datetime.date
    language: str | None = Field(description="ISO 639 code")
    topic_id: int | None
    topic_name: str | None
    community: str
    referred_to: str = Field(description=", ".join(ReferredTo.values))
    institution_id: int | None
    institution_name: str | None
    event_id: int | None
    note: str
    follow_up_wanted: bool = Field(description="The service point should follow up")
    contact_name: str
    contact_phone: str
    contact_email: str
    contact_consent: bool
    follow_up_done_at: datetime.datetime | None
    follow_up_by_id: int | None
    created_at: datetime.datetime

    @staticmethod
    def resolve_guide_name(obj):
        return obj.guide.person.full_name

    @staticmethod
    def resolve_language(obj):
        return obj.language.code if obj.language_id else None

    @staticmethod
    def resolve_topic_name(obj):
        return obj.topic.name if obj.topic_id else None

    @staticmethod
    def resolve_institution_name(obj):
        return obj.institution.name if obj.institution_id else None


class InquiryIn(Schema):
    guide: int | None = Field(
        None, description="Staff: required, an active guide's id. A guide's token: always her own"
    )
    date: datetime.date | None = Field(None, description="Default: today; not in the future")
    language: str | None = Field(None, description="ISO 639 code, e.g. 'ti'")
    topic: int | None = Field(None, description="Topic id (see /api/v1/cases/topics)")
    community: str | None = None
    referred_to: str | None = Field(
        None, description="Default: none (answered herself); " + ", ".join(ReferredTo.values)
    )
    institution: int | None = Field(
        None, description="Required when referred to an institution: its organisation id"
    )
    event: int | None = Field(None, description="An upcoming event's id, when referred to one")
    note: str | None = None
    follow_up_wanted: bool | None = None
    contact_name: str | None = Field(None, description="Only with follow-up and consent")
    contact_phone: str | None = Field(
        None, description="Only with follow-up and consent; a follow-up needs phone or e-mail"
    )
    contact_email: str | None = Field(None, description="Only with follow-up and consent")
    contact_consent: bool | None = Field(
        None, description="The person agreed to pass on the contact data"
    )


class CountOut(Schema):
    label: str
    count: int


class InquirySummaryOut(Schema):
    start: datetime.date
    end: datetime.date
    total: int
    by_topic: list[CountOut]
    by_language: list[CountOut]
    by_referral: list[CountOut]
    follow_ups: int = Field(description="Inquiries where the service point should follow up")

    @staticmethod
    def resolve_by_topic(obj):
        return _counted(obj.by_topic)

    @staticmethod
    def resolve_by_language(obj):
        return _counted(obj.by_language)

    @staticmethod
    def resolve_by_referral(obj):
        return _counted(obj.by_referral)


def _counted(rows) -> list[dict]:
    return [{"label": str(label), "count": count} for label, count in rows]


# --- Helpers -----------------------------------------------------------------------------


def _guides():
    return GuideProfile.objects.select_related("person", "organisation").prefetch_related(
        "languages"
    )


def _inquiries():
    return Inquiry.objects.select_related("guide__person", "language", "topic", "institution")


# --- Guides ------------------------------------------------------------------------------


@router.get(
    "", response=list[GuideOut], summary="The guides directory (paged): who speaks which language"
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def list_guides(
    request,
    language: str | None = Query(None, description="ISO 639 code, e.g. 'ti' for Tigrinya"),
    active: bool | None = Query(None, description="Only active (true) or inactive (false)"),
):
    guides = _guides()
    if language:
        guides = guides.filter(languages__code=language)
    if active is not None:
        guides = guides.filter(active=active)
    return guides.order_by("person__family_name", "person__given_names", "id")


@router.post("", response={201: GuideDetailOut, 400: ErrorOut}, summary="Add a guide")
def create_guide(request, payload: GuideIn):
    form_class = partial(GuideForm, office=request.office)
    values = language_ids(payload.model_dump(exclude_unset=True))
    values.setdefault("active", True)
    form = form_class(data=form_data(form_class, values))
    if not form.is_valid():
        return invalid(form)
    try:
        guide = services.save_guide(form, office=request.office)
    except ValidationError as error:
        return service_error(form, error)
    return Status(201, _guides().get(pk=guide.pk))


@router.get(
    "/{int:guide_id}", response=GuideDetailOut, summary="Read a guide with her training record"
)
def get_guide(request, guide_id: int):
    return get_object_or_404(_guides(), pk=guide_id)


@router.patch(
    "/{int:guide_id}",
    response={200: GuideDetailOut, 400: ErrorOut},
    summary="Change a guide's profile (what is not sent keeps its value)",
)
def update_guide(request, guide_id: int, payload: GuidePatch):
    guide = get_object_or_404(GuideProfile, pk=guide_id)
    form_class = partial(GuideForm, office=request.office)
    values = language_ids(payload.model_dump(exclude_unset=True))
    form = form_class(data=form_data(form_class, values, instance=guide), instance=guide)
    if not form.is_valid():
        return invalid(form)
    try:
        services.save_guide(form)
    except ValidationError as error:
        return service_error(form, error)
    return Status(200, _guides().get(pk=guide_id))


# --- Inquiries ---------------------------------------------------------------------------


@router.get(
    "/inquiries",
    response=list[InquiryOut],
    auth=network_auth,
    summary="The inquiry log (paged, newest first; a guide sees her own entries)",
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def list_inquiries(
    request,
    guide: int | None = Query(None, description="Only this guide's inquiries"),
    follow_up_open: bool = Query(False, description="Only those still to be followed up"),
):
    inquiries = _inquiries()
    if guide is not None:
        inquiries = inquiries.filter(guide_id=guide)
    if follow_up_open:
        inquiries = inquiries.follow_up_open()
    return inquiries.order_by("-date", "-id")


@router.post(
    "/inquiries",
    response={201: InquiryOut, 400: ErrorOut},
    auth=network_auth,
    summary="Log an inquiry (a guide's token logs her own; staff name the guide)",
)
def create_inquiry(request, payload: InquiryIn):
    values = language_ids(payload.model_dump(exclude_unset=True), "language")
    values.setdefault("date", timezone.localdate())
    values.setdefault("referred_to", ReferredTo.NONE)
    own = None
    if is_guide(request):
        # Her own profile: the scope lets a guide's token see no other.
        own = GuideProfile.objects.filter(user=request.user).first()
        if own is None:
            form = forms.Form(data={})
            form.add_error(
                None, _("Your login is not linked to a guide profile yet: ask the service point.")
            )
            return invalid(form)
    form_class = partial(InquiryForm, office=request.office, guide=own)
    form = form_class(data=form_data(form_class, values))
    if not form.is_valid():
        return invalid(form)
    try:
        inquiry = services.log_inquiry(form, guide=own or form.cleaned_data["guide"])
    except ValidationError as error:
        return service_error(form, error)
    return Status(201, _inquiries().get(pk=inquiry.pk))


@router.get(
    "/inquiries/summary",
    response={200: InquirySummaryOut, 400: ErrorOut},
    summary="Inquiries of a period counted by topic, language and referral",
)
def inquiry_summary(
    request,
    start: datetime.date | None = None,
    end: datetime.date | None = None,
):
    """Inquiries from START to END (default: the current calendar year)."""
    today = timezone.localdate()
    values = {
        "start": start or datetime.date(today.year, 1, 1),
        "end": end or datetime.date(today.year, 12, 31),
    }
    form = PeriodForm(data=form_data(PeriodForm, values))
    if not form.is_valid():
        return invalid(form)
    return Status(
        200, services.inquiry_summary(form.cleaned_data["start"], form.cleaned_data["end"])
    )


@router.get(
    "/inquiries/{int:inquiry_id}",
    response=InquiryOut,
    auth=network_auth,
    summary="Read an inquiry (a guide: her own)",
)
def get_inquiry(request, inquiry_id: int):
    return get_object_or_404(_inquiries(), pk=inquiry_id)
