"""Occupations, places, placements and matches in the JSON API (/api/v1/matching/).

Paths:

* ``/matching/occupations`` and ``/matching/occupations/{id}`` – the recognised training
  occupations (reference data shipped with Lotse, the same for every office; searchable),
* ``/matching/places`` and ``/matching/places/{id}`` – places companies offer: list
  (paged, filterable), add, read, change,
* ``/matching/places/{id}/candidates`` – young people for a place, best first,
* ``/matching/people/{id}/places`` – open places for a young person, best first,
* ``/matching/placements`` and ``/matching/placements/{id}`` – a young person on the way
  into a place: list (per place or per person), suggest, read, move along.

Acquisitions and their activities are under /api/v1/companies/.

Input is validated by the same forms as the pages and every write goes through
lotse.matching.services, so rules and messages match. The reasons kept with a placement
are computed by the matching engine, never taken from the client. Records are looked up
through the office-scoped managers: another office's ids answer 404.
"""

import datetime
from typing import Literal

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate

from lotse.api.forms import ErrorOut, form_data, invalid, service_error
from lotse.cases.esf import SchoolCertificate
from lotse.people.models import Person

from . import engine, services
from .forms import PlaceForm, PlacementStatusForm
from .models import (
    SEAT_HOLDING,
    CancelledBy,
    CefrLevel,
    Occupation,
    OccupationArea,
    Place,
    PlaceKind,
    Placement,
    PlacementStatus,
    PlaceStatus,
)
from .views import stored_reasons

router = Router(tags=["matching"])

PAGE_SIZE = 25
MATCHES_SHOWN = 25

PlaceKindValue = Literal["orientation_day", "internship", "eq", "apprenticeship"]
PlaceStatusValue = Literal["open", "filled", "withdrawn"]
PlacementStatusValue = Literal[
    "suggested", "applied", "interview", "accepted", "started", "completed", "cancelled"
]
AreaValue = Literal["ihk", "hwk", "liberal", "public", "agriculture", "housekeeping", "seafaring"]


# --- Schemas -----------------------------------------------------------------------------


class OccupationOut(Schema):
    id: int
    name: str
    name_female: str = Field(description="The female form, where official")
    duration_months: int
    area: str = Field(description=", ".join(OccupationArea.values))
    kldb_code: str = Field(description="KldB 2010 (five digits), blank where not certain")
    description: str
    source: str
    source_date: datetime.date
    active: bool = Field(description="Currently recognised")


class PlaceOut(Schema):
    id: int
    kind: str = Field(description=", ".join(PlaceKind.values))
    company_id: int
    company_name: str
    occupation_id: int
    occupation_name: str
    postcode: str
    town: str
    start_date: datetime.date
    duration: str
    seats: int
    seats_taken: int = Field(description="Held by accepted, started or completed placements")
    required_school_certificate: str = Field(
        description="Blank: none required; else " + ", ".join(SchoolCertificate.values)
    )
    required_german_level: str = Field(description="Blank: none required; else CEFR A1–C2")
    status: str = Field(description=", ".join(PlaceStatus.values))
    description: str
    created_at: datetime.datetime
    updated_at: datetime.datetime

    @staticmethod
    def resolve_company_name(obj):
        return obj.company.name

    @staticmethod
    def resolve_occupation_name(obj):
        return obj.occupation.name

    @staticmethod
    def resolve_seats_taken(obj):
        taken = getattr(obj, "taken", None)
        if taken is None:
            taken = obj.placements.filter(status__in=SEAT_HOLDING).count()
        return taken


class PlaceIn(Schema):
    kind: str | None = Field(None, description="Required: " + ", ".join(PlaceKind.values))
    company: int | None = Field(None, description="Required: id of a company")
    occupation: int | None = Field(
        None, description="Required: id of a training occupation (see /matching/occupations)"
    )
    postcode: str | None = Field(None, description="Required: a German postcode")
    start_date: datetime.date | None = Field(None, description="Required; not in the past")
    duration: str | None = Field(None, description="e.g. 2 weeks, 6 months, 3 years")
    seats: int | None = Field(None, description="Default on creation: 1")
    required_school_certificate: str | None = None
    required_german_level: str | None = Field(None, description=", ".join(CefrLevel.values))
    status: str | None = Field(None, description="Default on creation: open")
    description: str | None = None


class PlacementOut(Schema):
    id: int
    place_id: int
    place_kind: str
    occupation_name: str
    company_name: str
    person_id: int
    person_name: str
    case_id: int | None
    status: str = Field(description=", ".join(PlacementStatus.values))
    status_changed_on: datetime.date
    cancelled_by: str = Field(description="Blank, or " + ", ".join(CancelledBy.values))
    cancel_reason: str
    match_reasons: str = Field(
        description="Why it was suggested, one line each (computed by the matching engine)"
    )
    created_by_id: int
    created_at: datetime.datetime

    @staticmethod
    def resolve_place_kind(obj):
        return obj.place.kind

    @staticmethod
    def resolve_occupation_name(obj):
        return obj.place.occupation.name

    @staticmethod
    def resolve_company_name(obj):
        return obj.place.company.name

    @staticmethod
    def resolve_person_name(obj):
        return obj.person.full_name


class PlacementIn(Schema):
    person: int | None = Field(None, description="Required: id of the young person")
    place: int | None = Field(None, description="Required: id of an open place")


class PlacementPatch(Schema):
    status: str | None = Field(
        None,
        description=(
            "Required: suggested → applied → interview → accepted → started → completed, "
            "or cancelled"
        ),
    )
    on: datetime.date | None = Field(None, description="Since when; default today")
    cancelled_by: str | None = Field(
        None, description="Required when cancelled: " + ", ".join(CancelledBy.values)
    )
    cancel_reason: str | None = Field(None, description="Required when cancelled")


class MatchOut(Schema):
    score: int = Field(description="0–100")
    distance_km: float | None = Field(description="From the person's home; null if unknown")
    reasons: list[str] = Field(description="What fits, in words")
    warnings: list[str] = Field(description="What to check, in words")

    @staticmethod
    def resolve_distance_km(obj):
        return None if obj.distance is None else round(obj.distance, 1)


class CandidateOut(MatchOut):
    person_id: int
    person_name: str

    @staticmethod
    def resolve_person_id(obj):
        return obj.person.pk

    @staticmethod
    def resolve_person_name(obj):
        return obj.person.full_name


class PlaceMatchOut(MatchOut):
    place: PlaceOut


# --- Forms and helpers -------------------------------------------------------------------


class PlacementCreateForm(forms.Form):
    """The person and the place, which come from the URL on the pages."""

    person = forms.ModelChoiceField(label=Person._meta.verbose_name, queryset=Person.objects.none())
    place = forms.ModelChoiceField(label=Place._meta.verbose_name, queryset=Place.objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Office-scoped querysets are built here, inside the request's office scope.
        self.fields["person"].queryset = Person.objects.all()
        self.fields["place"].queryset = Place.objects.select_related("company", "occupation")


class PlacementChangeForm(PlacementStatusForm):
    """The page's form, accepting every status: the service explains an impossible move."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = PlacementStatus.choices


def _places():
    return Place.objects.select_related("company", "occupation").annotate(
        taken=Count("placements", filter=Q(placements__status__in=SEAT_HOLDING))
    )


def _placements():
    return Placement.objects.select_related("place__company", "place__occupation", "person")


# --- Occupations -------------------------------------------------------------------------


@router.get(
    "/occupations",
    response=list[OccupationOut],
    summary="List training occupations (paged, searchable; shared by all offices)",
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def list_occupations(
    request,
    q: str | None = Query(None, description="Part of the name (either form) or KldB code start"),
    area: AreaValue | None = None,
    include_inactive: bool = Query(False, description="Also those no longer recognised"),
):
    occupations = Occupation.objects.all()
    if not include_inactive:
        occupations = occupations.filter(active=True)
    if area:
        occupations = occupations.filter(area=area)
    if query := (q or "").strip():
        occupations = occupations.filter(
            Q(name__icontains=query)
            | Q(name_female__icontains=query)
            | Q(kldb_code__startswith=query)
        )
    return occupations.order_by("name", "id")


@router.get(
    "/occupations/{int:occupation_id}", response=OccupationOut, summary="Read an occupation"
)
def get_occupation(request, occupation_id: int):
    return get_object_or_404(Occupation, pk=occupation_id)


# --- Places ------------------------------------------------------------------------------


@router.get("/places", response=list[PlaceOut], summary="List places (paged, filterable)")
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def list_places(
    request,
    kind: PlaceKindValue | None = None,
    status: PlaceStatusValue | None = None,
    occupation: int | None = None,
    company: int | None = None,
    q: str | None = Query(None, description="Part of the occupation's name or KldB code start"),
):
    places = _places()
    if kind:
        places = places.filter(kind=kind)
    if status:
        places = places.filter(status=status)
    if occupation is not None:
        places = places.filter(occupation_id=occupation)
    if company is not None:
        places = places.filter(company_id=company)
    if query := (q or "").strip():
        places = places.filter(
            Q(occupation__name__icontains=query)
            | Q(occupation__name_female__icontains=query)
            | Q(occupation__kldb_code__startswith=query)
        )
    return places.order_by("start_date", "id")


@router.post(
    "/places",
    response={201: PlaceOut, 400: ErrorOut},
    summary="Add a place a company offers (located by its postcode)",
)
def create_place(request, payload: PlaceIn):
    values = payload.model_dump(exclude_unset=True)
    values.setdefault("seats", 1)
    values.setdefault("status", PlaceStatus.OPEN)
    form = PlaceForm(data=form_data(PlaceForm, values))
    if not form.is_valid():
        return invalid(form)
    try:
        place = services.save_place(form, office=request.office, by=request.user)
    except ValidationError as error:
        return service_error(form, error)
    return Status(201, _places().get(pk=place.pk))


@router.get("/places/{int:place_id}", response=PlaceOut, summary="Read a place")
def get_place(request, place_id: int):
    return get_object_or_404(_places(), pk=place_id)


@router.patch(
    "/places/{int:place_id}",
    response={200: PlaceOut, 400: ErrorOut},
    summary="Change a place (what is not sent keeps its value)",
)
def update_place(request, place_id: int, payload: PlaceIn):
    place = get_object_or_404(Place, pk=place_id)
    values = payload.model_dump(exclude_unset=True)
    form = PlaceForm(data=form_data(PlaceForm, values, instance=place), instance=place)
    if not form.is_valid():
        return invalid(form)
    try:
        services.save_place(form, by=request.user)
    except ValidationError as error:
        return service_error(form, error)
    return Status(200, _places().get(pk=place_id))


# --- Matches -----------------------------------------------------------------------------


@router.get(
    "/places/{int:place_id}/candidates",
    response=list[CandidateOut],
    summary="Young people for a place, best first (empty unless the place is open)",
)
def place_candidates(
    request, place_id: int, limit: int = Query(MATCHES_SHOWN, ge=1, le=engine.LIMIT)
):
    place = get_object_or_404(Place.objects.select_related("company", "occupation"), pk=place_id)
    if place.status != PlaceStatus.OPEN:
        return []
    return engine.people_for(place, limit=limit)


@router.get(
    "/people/{int:person_id}/places",
    response=list[PlaceMatchOut],
    summary="Open places with a free seat for a young person, best first",
)
def person_places(
    request, person_id: int, limit: int = Query(MATCHES_SHOWN, ge=1, le=engine.LIMIT)
):
    person = get_object_or_404(Person, pk=person_id)
    return engine.places_for(person, limit=limit)


# --- Placements --------------------------------------------------------------------------


@router.get(
    "/placements",
    response=list[PlacementOut],
    summary="List placements (paged, newest first), per place or per person",
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def list_placements(
    request,
    place: int | None = None,
    person: int | None = None,
    status: PlacementStatusValue | None = None,
):
    placements = _placements()
    if place is not None:
        placements = placements.filter(place_id=place)
    if person is not None:
        placements = placements.filter(person_id=person)
    if status:
        placements = placements.filter(status=status)
    return placements.order_by("-created_at", "-id")


@router.post(
    "/placements",
    response={201: PlacementOut, 400: ErrorOut},
    summary="Suggest a young person for a place (the engine's reasons are kept with it)",
)
def create_placement(request, payload: PlacementIn):
    form = PlacementCreateForm(data=form_data(PlacementCreateForm, payload.model_dump()))
    if not form.is_valid():
        return invalid(form)
    person, place = form.cleaned_data["person"], form.cleaned_data["place"]
    suggestion = engine.suggestion_for(place, person)
    try:
        placement = services.suggest(
            person, place, by=request.user, reasons=stored_reasons(suggestion)
        )
    except ValidationError as error:
        return service_error(form, error)
    return Status(201, _placements().get(pk=placement.pk))


@router.get("/placements/{int:placement_id}", response=PlacementOut, summary="Read a placement")
def get_placement(request, placement_id: int):
    return get_object_or_404(_placements(), pk=placement_id)


@router.patch(
    "/placements/{int:placement_id}",
    response={200: PlacementOut, 400: ErrorOut},
    summary="Move a placement along (a started one becomes the case's outcome)",
)
def update_placement(request, placement_id: int, payload: PlacementPatch):
    placement = get_object_or_404(Placement, pk=placement_id)
    values = payload.model_dump(exclude_unset=True)
    values.setdefault("on", datetime.date.today())
    form = PlacementChangeForm(
        data=form_data(PlacementChangeForm, values), current_status=placement.status
    )
    if not form.is_valid():
        return invalid(form)
    data = form.cleaned_data
    cancelling = data["status"] == PlacementStatus.CANCELLED
    try:
        services.change_placement(
            placement,
            status=data["status"],
            by=request.user,
            on=data["on"],
            cancelled_by=data["cancelled_by"] if cancelling else "",
            cancel_reason=data["cancel_reason"] if cancelling else "",
        )
    except ValidationError as error:
        return service_error(form, error)
    return Status(200, _placements().get(pk=placement_id))
