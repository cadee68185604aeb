"""Events, registrations and attendance in the JSON API (/api/v1/events/).

Paths:

* ``/events/`` – list (paged; filters kind, from, to, q) and create,
* ``/events/{id}`` – read, change (PATCH), delete (refused while it has registrations),
* ``/events/{id}/seats`` – capacity, seats taken, free seats, the waiting list,
* ``/events/{id}/registrations`` – list (paged; status filter) and add someone: a seat
  while seats last, else the waiting list,
* ``/events/{id}/attendance`` – who came,
* ``/events/registrations/{id}`` – read a registration,
* ``/events/registrations/{id}/cancel`` – cancel it; the waiting list moves up,
* ``/events/registrations/{id}/check-in`` – POST marks present, DELETE takes it back.

Counsellors and leads use every path. The office's volunteer guides may list its public
events (to promote them), nothing else here. Input is validated by the pages' forms (or,
for adding someone, a form for what the pages split in two) and every write goes through
lotse.events.services, so rules, seats and messages match. Records are
looked up through the scoped managers: another office's ids answer 404. Date-times are
ISO 8601 with their time zone; a time sent without one is taken as office time
(Europe/Berlin).
"""

import datetime
from typing import Annotated, Literal

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Count, F, Sum
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate

from lotse.accounts.models import Role
from lotse.api.auth import network_auth
from lotse.api.forms import ErrorOut, form_data, invalid, service_error
from lotse.core.models import Language
from lotse.core.public import PUBLIC_LANGUAGES
from lotse.people.models import Person

from . import services
from .forms import EventForm
from .models import (
    NETWORK_KINDS,
    Audience,
    Event,
    EventKind,
    Registration,
    RegistrationSource,
    RegistrationStatus,
)

router = Router(tags=["events"])

PAGE_SIZE = 25

EventKindValue = Literal[
    "school_info",
    "parents_evening",
    "open_day",
    "company_tour",
    "training_fair",
    "workshop",
    "network_meeting",
    "training_module",
]
RegistrationStatusValue = Literal["confirmed", "waitlisted", "invited", "cancelled"]


def is_guide(request) -> bool:
    return request.membership.role == Role.GUIDE


def _day_start(day: datetime.date) -> datetime.datetime:
    """Local midnight of DAY: compared with starts_at directly, so the index is used."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


# --- Schemas -----------------------------------------------------------------------------


class EventTextOut(Schema):
    language: str
    title: str
    description: str


class EventOut(Schema):
    id: int
    kind: str = Field(description=", ".join(EventKind.values))
    title: str
    description: str
    texts: list[EventTextOut] = Field(description="Title and description in further languages")
    starts_at: datetime.datetime
    ends_at: datetime.datetime | None
    venue_organisation_id: int | None
    venue: str
    place: str = Field(description="The organisation (with its address) and the venue, in words")
    partner_ids: list[int] = Field(description="Partner organisations (schools, MSOs, companies)")
    capacity: int | None = Field(description="null: no limit")
    seats_taken: int = Field(description="Confirmed registrations with their companions")
    seats_free: int | None = Field(description="null: no limit")
    audiences: list[str] = Field(description=", ".join(Audience.values))
    languages: list[str] = Field(description="Languages spoken at the event (ISO 639 codes)")
    is_public: bool = Field(description="On the public calendar")
    registration_open: bool
    created_by_id: int | None
    created_at: datetime.datetime
    updated_at: datetime.datetime

    @staticmethod
    def resolve_texts(obj):
        return list(obj.texts.all())

    @staticmethod
    def resolve_place(obj):
        return obj.place_display

    @staticmethod
    def resolve_partner_ids(obj):
        return [partner.pk for partner in obj.partners.all()]

    @staticmethod
    def resolve_seats_free(obj):
        if obj.capacity is None:
            return None
        return max(obj.capacity - obj.seats_taken, 0)

    @staticmethod
    def resolve_languages(obj):
        return [language.code for language in obj.languages.all()]


class EventIn(Schema):
    kind: str | None = Field(None, description="Required: " + ", ".join(EventKind.values))
    title: str | None = Field(None, description="Required (German)")
    description: str | None = None
    starts_at: datetime.datetime | None = Field(
        None, description="Required; ISO 8601, e.g. 2026-11-22T17:00:00+01:00"
    )
    ends_at: datetime.datetime | None = Field(None, description="After the start")
    venue_organisation: int | None = Field(None, description="Id of the organisation it is at")
    venue: str | None = Field(None, description="Address or room")
    partners: list[int] | None = Field(None, description="Organisation ids")
    capacity: int | None = Field(None, description="Seats (1 or more); null: no limit")
    audiences: list[str] | None = Field(None, description=", ".join(Audience.values))
    languages: list[str] | None = Field(None, description="ISO 639 codes, e.g. ['ar', 'de']")
    is_public: bool | None = Field(
        None, description="Default on creation: yes, except network meetings and training modules"
    )
    registration_open: bool | None = Field(None, description="Default on creation: yes")


class SeatsOut(Schema):
    capacity: int | None = Field(description="null: no limit")
    taken: int = Field(description="Seats of confirmed registrations, companions included")
    free: int | None = Field(description="null: no limit")
    waiting: int = Field(description="Registrations on the waiting list")
    waiting_seats: int = Field(description="Seats the waiting list would need")


class RegistrationOut(Schema):
    id: int
    event_id: int
    person_id: int | None
    name: str
    email: str
    phone: str
    companions: int
    seats: int = Field(description="1 + companions")
    language: str
    status: str = Field(description=", ".join(RegistrationStatus.values))
    source: str = Field(description=", ".join(RegistrationSource.values))
    consent_contact: bool
    consent_photos: bool
    registered_at: datetime.datetime
    promoted_at: datetime.datetime | None = Field(description="Moved up from the waiting list")
    cancelled_at: datetime.datetime | None
    attended: bool
    checked_in_at: datetime.datetime | None
    checked_in_by_id: int | None


class RegistrationIn(Schema):
    person: int | None = Field(
        None, description="Id of a known person (name, e-mail and phone default to theirs)"
    )
    name: str | None = Field(None, description="Required unless a person is given")
    email: str | None = None
    phone: str | None = None
    companions: int | None = Field(None, description="People coming along (0–20); default 0")
    language: str | None = Field(
        None, description="For e-mails: " + ", ".join(code for code, _own, _n in PUBLIC_LANGUAGES)
    )
    consent_contact: bool | None = Field(None, description="May be contacted about further offers")
    consent_photos: bool | None = Field(None, description="Agrees to photos")


class CancelOut(Schema):
    registration: RegistrationOut
    moved_up: list[RegistrationOut] = Field(
        description="Registrations that moved up from the waiting list into the freed seats"
    )


class AttendanceOut(Schema):
    registration_id: int
    name: str
    person_id: int | None
    companions: int
    checked_in_at: datetime.datetime | None
    checked_in_by_id: int | None

    @staticmethod
    def resolve_registration_id(obj):
        return obj.pk


# --- Forms and helpers -------------------------------------------------------------------


def language_ids(values: dict, field: str = "languages") -> dict:
    """VALUES with the ISO codes of FIELD as the ids the page forms take.

    Unknown codes are passed on as such, so the form reports them as invalid choices.
    """
    if values.get(field):
        codes = values[field] if isinstance(values[field], list) else [values[field]]
        known = dict(Language.objects.filter(code__in=codes).values_list("code", "pk"))
        ids = [known.get(code, code) for code in codes]
        values[field] = ids if isinstance(values[field], list) else ids[0]
    return values


class RegistrationForm(forms.Form):
    """Someone staff add to an event: a known person, or just a name."""

    person = forms.ModelChoiceField(queryset=Person.objects.none(), required=False)
    name = forms.CharField(max_length=200, required=False)
    email = forms.EmailField(required=False)
    phone = forms.CharField(max_length=50, required=False)
    companions = forms.IntegerField(min_value=0, max_value=20, required=False)
    language = forms.ChoiceField(
        choices=[(code, name) for code, _own, name in PUBLIC_LANGUAGES], required=False
    )
    consent_contact = forms.BooleanField(required=False)
    consent_photos = forms.BooleanField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.all()

    def clean(self):
        cleaned = super().clean()
        person = cleaned.get("person")
        if person is not None:
            for field, value in (
                ("name", person.full_name),
                ("email", person.email),
                ("phone", person.phone),
            ):
                if not cleaned.get(field):
                    cleaned[field] = value
        if not cleaned.get("name", "").strip() and "person" not in self.errors:
            self.add_error("name", _("Give a name or choose a known person."))
        return cleaned


def _events():
    return (
        Event.objects.with_seats_taken()
        .select_related("venue_organisation")
        .prefetch_related("texts", "partners", "languages")
    )


def _event(event_id: int) -> Event:
    return get_object_or_404(_events(), pk=event_id)


def _registration(registration_id: int) -> Registration:
    return get_object_or_404(Registration, pk=registration_id)


# --- Events ------------------------------------------------------------------------------


@router.get(
    "",
    response=list[EventOut],
    auth=network_auth,
    summary="List events (paged, soonest first; guides: the public ones)",
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def list_events(
    request,
    kind: EventKindValue | None = None,
    date_from: Annotated[
        datetime.date | None, Query(None, alias="from", description="Starting on or after")
    ] = None,
    date_to: Annotated[
        datetime.date | None, Query(None, alias="to", description="Starting on or before")
    ] = None,
    q: str | None = Query(None, description="Part of the title"),
):
    events = _events()
    if is_guide(request):
        events = events.public()
    if kind:
        events = events.filter(kind=kind)
    if date_from:
        events = events.filter(starts_at__gte=_day_start(date_from))
    if date_to:
        events = events.filter(starts_at__lt=_day_start(date_to + datetime.timedelta(days=1)))
    if query := (q or "").strip():
        events = events.filter(title__icontains=query)
    return events.order_by("starts_at", "id")


@router.post("", response={201: EventOut, 400: ErrorOut}, summary="Create an event")
def create_event(request, payload: EventIn):
    values = language_ids(payload.model_dump(exclude_unset=True))
    values.setdefault("is_public", values.get("kind") not in NETWORK_KINDS)
    values.setdefault("registration_open", True)
    form = EventForm(data=form_data(EventForm, values))
    if not form.is_valid():
        return invalid(form)
    try:
        event = services.save_event(form, office=request.office, user=request.user)
    except ValidationError as error:
        return service_error(form, error)
    return Status(201, _event(event.pk))


@router.get("/{int:event_id}", response=EventOut, summary="Read an event")
def get_event(request, event_id: int):
    return _event(event_id)


@router.patch(
    "/{int:event_id}",
    response={200: EventOut, 400: ErrorOut},
    summary="Change an event (what is not sent keeps its value; more seats move people up)",
)
def update_event(request, event_id: int, payload: EventIn):
    event = get_object_or_404(Event, pk=event_id)
    values = language_ids(payload.model_dump(exclude_unset=True))
    form = EventForm(data=form_data(EventForm, values, instance=event), instance=event)
    if not form.is_valid():
        return invalid(form)
    try:
        services.save_event(form)
    except ValidationError as error:
        return service_error(form, error)
    return Status(200, _event(event_id))


@router.delete(
    "/{int:event_id}",
    response={204: None, 400: ErrorOut},
    summary="Delete an event (refused while it has registrations: close them instead)",
)
def delete_event(request, event_id: int):
    event = get_object_or_404(Event, pk=event_id)
    try:
        services.delete_event(event)
    except ValidationError as error:
        return service_error(forms.Form(data={}), error)
    return Status(204, None)


@router.get(
    "/{int:event_id}/seats",
    response=SeatsOut,
    summary="Seats of an event: capacity, taken, free and the waiting list",
)
def event_seats(request, event_id: int):
    event = get_object_or_404(Event, pk=event_id)
    waiting = event.registrations.waitlisted().aggregate(
        n=Count("id"), seats=Sum(F("companions") + 1, default=0)
    )
    return {
        "capacity": event.capacity,
        "taken": services.seats_taken(event),
        "free": services.seats_free(event),
        "waiting": waiting["n"],
        "waiting_seats": waiting["seats"],
    }


# --- Registrations -----------------------------------------------------------------------


@router.get(
    "/{int:event_id}/registrations",
    response=list[RegistrationOut],
    summary="List an event's registrations (paged, in the order they came in)",
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def list_registrations(request, event_id: int, status: RegistrationStatusValue | None = None):
    event = get_object_or_404(Event, pk=event_id)
    registrations = Registration.objects.filter(event=event)
    if status:
        registrations = registrations.filter(status=status)
    return registrations.order_by("registered_at", "id")


@router.post(
    "/{int:event_id}/registrations",
    response={201: RegistrationOut, 400: ErrorOut},
    summary="Add someone to an event: confirmed while seats last, else waitlisted",
)
def add_registration(request, event_id: int, payload: RegistrationIn):
    event = get_object_or_404(Event, pk=event_id)
    form = RegistrationForm(
        data=form_data(RegistrationForm, payload.model_dump(exclude_unset=True))
    )
    if not form.is_valid():
        return invalid(form)
    data = form.cleaned_data
    try:
        registration = services.register(
            event,
            name=data["name"],
            email=data["email"],
            phone=data["phone"],
            companions=data["companions"] or 0,
            language=data["language"] or "de",
            consent_contact=data["consent_contact"],
            consent_photos=data["consent_photos"],
            person=data["person"],
            source=RegistrationSource.STAFF,
        )
    except ValidationError as error:
        return service_error(form, error)
    return Status(201, registration)


@router.get(
    "/registrations/{int:registration_id}",
    response=RegistrationOut,
    summary="Read a registration",
)
def get_registration(request, registration_id: int):
    return _registration(registration_id)


@router.post(
    "/registrations/{int:registration_id}/cancel",
    response=CancelOut,
    summary="Cancel a registration; people on the waiting list move up into its seats",
)
def cancel_registration(request, registration_id: int):
    registration = _registration(registration_id)
    moved_up = services.cancel(registration)
    registration.refresh_from_db()
    return {"registration": registration, "moved_up": moved_up}


@router.post(
    "/registrations/{int:registration_id}/check-in",
    response=RegistrationOut,
    summary="Mark the registered person as present (attended)",
)
def check_in(request, registration_id: int):
    return services.check_in(_registration(registration_id), user=request.user)


@router.delete(
    "/registrations/{int:registration_id}/check-in",
    response=RegistrationOut,
    summary="Take a check-in back (not present after all)",
)
def undo_check_in(request, registration_id: int):
    return services.undo_check_in(_registration(registration_id))


# --- Attendance --------------------------------------------------------------------------


@router.get(
    "/{int:event_id}/attendance",
    response=list[AttendanceOut],
    summary="Who came: the registrations checked in (paged, in check-in order)",
)
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def list_attendance(request, event_id: int):
    event = get_object_or_404(Event, pk=event_id)
    return Registration.objects.filter(event=event).attended().order_by("checked_in_at", "id")
