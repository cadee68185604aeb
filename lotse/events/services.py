"""Everything that changes events and registrations. Views and the API call these.

Seats are handed out under a lock on the event row (PostgreSQL: SELECT … FOR
UPDATE; SQLite: the IMMEDIATE transaction holds the database's write lock), so
two people asking for the last seat at the same moment get exactly one seat
between them and the other a place on the waiting list.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Case as SqlCase
from django.db.models import F, IntegerField, Q, Sum, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from lotse.core.names import folded, name_keys

from . import notifications
from .models import (
    Event,
    EventText,
    Registration,
    RegistrationSource,
    RegistrationStatus,
)

# A reminder goes out this long before the event starts.
REMINDER_BEFORE = datetime.timedelta(days=1)


def seats_taken(event: Event) -> int:
    return (
        event.registrations.confirmed().aggregate(taken=Sum(F("companions") + 1, default=0))[
            "taken"
        ]
        or 0
    )


def seats_free(event: Event) -> int | None:
    """Free seats, or None when the event has no limit."""
    if event.capacity is None:
        return None
    return max(event.capacity - seats_taken(event), 0)


def _locked(event: Event) -> Event:
    # Locks the event row only (not the office joined for the e-mails).
    return Event.objects.select_for_update(of=("self",)).select_related("office").get(pk=event.pk)


def _fits(event: Event, seats: int) -> bool:
    return event.capacity is None or seats_taken(event) + seats <= event.capacity


@transaction.atomic
def save_event(form, *, office=None, user=None, texts=()) -> Event:
    """Create or change an event from a valid EventForm; frees waiting seats if it grew.

    TEXTS are (language, title, description) for further languages, saved with it.
    """
    event = form.save(commit=False)
    if event.pk is None:
        event.office = office
        event.created_by = user
    event.save()
    form.save_m2m()
    for language, title, description in texts:
        save_event_text(event, language=language, title=title, description=description)
    promoted = _fill_free_seats(_locked(event))
    _notify_promoted(promoted)
    return event


@transaction.atomic
def save_event_text(event: Event, *, language: str, title: str, description: str = ""):
    """Set (or with an empty title remove) the event's text in LANGUAGE."""
    if not title.strip():
        EventText.objects.filter(event=event, language=language).delete()
        return None
    text, _created = EventText.objects.update_or_create(
        event=event,
        language=language,
        defaults={"title": title.strip(), "description": description, "office": event.office},
    )
    return text


@transaction.atomic
def delete_event(event: Event) -> None:
    if event.registrations.exclude(status=RegistrationStatus.CANCELLED).exists():
        raise ValidationError(
            _("The event has registrations. Close the registration instead of deleting it.")
        )
    event.delete()


def _check_open(event: Event, *, staff: bool) -> None:
    if staff:
        return
    if not event.registration_open:
        raise ValidationError(_("Registration for this event is closed."))
    if event.starts_at < timezone.now():
        raise ValidationError(_("This event has already started."))


@transaction.atomic
def register(
    event: Event,
    *,
    name: str,
    email: str = "",
    phone: str = "",
    companions: int = 0,
    language: str = "de",
    consent_contact: bool = False,
    consent_photos: bool = False,
    person=None,
    source: str = RegistrationSource.PUBLIC,
    status: str | None = None,
) -> Registration:
    """Register someone: a confirmed seat while seats last, else the waiting list.

    `status=INVITED` records an invitation (no seat until the guest confirms).
    """
    event = _locked(event)
    _check_open(event, staff=source != RegistrationSource.PUBLIC)
    active = event.registrations.active()
    if person is not None and active.filter(person=person).exists():
        raise ValidationError(_("This person is already registered for the event."))
    if (
        email
        and source == RegistrationSource.PUBLIC
        and active.filter(email__iexact=email, name__iexact=name.strip()).exists()
    ):
        raise ValidationError(
            _("You are already registered for this event. Please check your e-mail.")
        )
    seats = 1 + companions
    if status is None:
        status = (
            RegistrationStatus.CONFIRMED if _fits(event, seats) else RegistrationStatus.WAITLISTED
        )
    try:
        with transaction.atomic():
            registration = Registration.objects.create(
                office=event.office,
                event=event,
                person=person,
                name=name.strip(),
                email=email.strip(),
                phone=phone.strip(),
                companions=companions,
                language=language,
                consent_contact=consent_contact,
                consent_photos=consent_photos,
                source=source,
                status=status,
            )
    except IntegrityError as exc:
        raise ValidationError(_("This person is already registered for the event.")) from exc
    if registration.email and status != RegistrationStatus.INVITED:
        transaction.on_commit(lambda: notifications.send_registration(registration.pk), robust=True)
    _schedule_reminder(registration)
    return registration


def _schedule_reminder(registration: Registration) -> None:
    if not registration.email:
        return
    from .tasks import send_reminder

    event = registration.event
    remind_at = event.starts_at - REMINDER_BEFORE
    if remind_at <= timezone.now():
        return
    transaction.on_commit(
        lambda: send_reminder.using(run_after=remind_at).enqueue(registration.pk), robust=True
    )


def _fill_free_seats(event: Event) -> list[Registration]:
    """Move people up from the waiting list, in order, while their seats fit.

    A family too large for the free seats keeps its place at the top; smaller
    registrations behind it may move up (first fit), so no seat stays empty.
    Needs the event row locked by the caller.
    """
    if event.capacity is None:
        waiting = list(event.registrations.waitlisted())
    else:
        free = event.capacity - seats_taken(event)
        waiting = []
        for registration in event.registrations.waitlisted():
            if free <= 0:
                break
            if registration.seats <= free:
                waiting.append(registration)
                free -= registration.seats
    now = timezone.now()
    for registration in waiting:
        registration.status = RegistrationStatus.CONFIRMED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at"])
    return waiting


def _notify_promoted(promoted: list[Registration]) -> None:
    for registration in promoted:
        if registration.email:
            pk = registration.pk
            transaction.on_commit(lambda pk=pk: notifications.send_moved_up(pk), robust=True)


@transaction.atomic
def cancel(registration: Registration, *, by_guest: bool = False) -> list[Registration]:
    """Cancel a registration; the next people on the waiting list move up.

    Returns the registrations that moved up. Cancelling twice changes nothing.
    """
    event = _locked(registration.event)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == RegistrationStatus.CANCELLED:
        return []
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at"])
    if by_guest and registration.email:
        pk = registration.pk
        transaction.on_commit(lambda: notifications.send_cancelled(pk), robust=True)
    promoted = _fill_free_seats(event)
    _notify_promoted(promoted)
    return promoted


@transaction.atomic
def confirm_invitation(registration: Registration) -> Registration:
    """An invited guest says yes: a seat if one is free, else the waiting list."""
    event = _locked(registration.event)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status != RegistrationStatus.INVITED:
        return registration
    registration.status = (
        RegistrationStatus.CONFIRMED
        if _fits(event, registration.seats)
        else RegistrationStatus.WAITLISTED
    )
    registration.save(update_fields=["status"])
    return registration


@transaction.atomic
def change_companions(registration: Registration, companions: int) -> Registration:
    """Staff change the number of companions; a smaller group frees seats for others."""
    event = _locked(registration.event)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if companions > registration.companions and registration.status == RegistrationStatus.CONFIRMED:
        others = seats_taken(event) - registration.seats
        if event.capacity is not None and others + 1 + companions > event.capacity:
            raise ValidationError(_("Not enough free places for this many companions."))
    registration.companions = companions
    registration.save(update_fields=["companions"])
    _notify_promoted(_fill_free_seats(event))
    return registration


@transaction.atomic
def check_in(registration: Registration, *, user) -> Registration:
    """Mark as present. Someone from the waiting list who came anyway is present too."""
    registration = (
        Registration.objects.select_for_update(of=("self",))
        .select_related("event")
        .get(pk=registration.pk)
    )
    if registration.attended:
        return registration
    if registration.status == RegistrationStatus.CANCELLED:
        raise ValidationError(
            _("This registration was cancelled. Add the person again as a walk-in.")
        )
    registration.attended = True
    registration.checked_in_at = timezone.now()
    registration.checked_in_by = user
    registration.save(update_fields=["attended", "checked_in_at", "checked_in_by"])
    _after_attendance(registration)
    return registration


@transaction.atomic
def undo_check_in(registration: Registration) -> Registration:
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    registration.attended = False
    registration.checked_in_at = None
    registration.checked_in_by = None
    registration.save(update_fields=["attended", "checked_in_at", "checked_in_by"])
    return registration


@transaction.atomic
def add_walk_in(event: Event, *, name: str, user, person=None, companions: int = 0):
    """Someone came without registering: registered by staff and checked in at once."""
    registration = register(
        event,
        name=name,
        person=person,
        companions=companions,
        source=RegistrationSource.STAFF,
        status=RegistrationStatus.CONFIRMED,
    )
    return check_in(registration, user=user)


def _after_attendance(registration: Registration) -> None:
    """Attendance at a training module may complete a guide's qualification."""
    from lotse.guides.services import attendance_recorded

    attendance_recorded(registration)


@dataclass
class ReminderResult:
    sent: bool
    reason: str = ""


@transaction.atomic
def send_reminder(registration: Registration, now=None) -> ReminderResult:
    """Send the reminder for the day before, once, to a confirmed guest of a coming event."""
    now = now or timezone.now()
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    event = registration.event
    if registration.status != RegistrationStatus.CONFIRMED:
        return ReminderResult(False, "not confirmed")
    if registration.reminder_sent_at is not None:
        return ReminderResult(False, "already sent")
    if not registration.email:
        return ReminderResult(False, "no e-mail address")
    if event.starts_at <= now:
        return ReminderResult(False, "event has started")
    if event.starts_at - now > REMINDER_BEFORE + datetime.timedelta(hours=1):
        return ReminderResult(False, "too early")
    registration.reminder_sent_at = now
    registration.save(update_fields=["reminder_sent_at"])
    pk = registration.pk
    transaction.on_commit(lambda: notifications.send_reminder(pk), robust=True)
    return ReminderResult(True)


def due_reminders(now=None):
    """Confirmed registrations of events starting within the next day, not yet reminded."""
    now = now or timezone.now()
    return Registration.objects.filter(
        status=RegistrationStatus.CONFIRMED,
        reminder_sent_at__isnull=True,
        event__starts_at__gt=now,
        event__starts_at__lte=now + REMINDER_BEFORE,
    ).exclude(email="")


def search_registrations(queryset, query: str):
    """Registrations matching every word of QUERY, as lotse.people.services.search_people:
    a name word in any spelling or script, an e-mail address, a phone number."""
    condition = Q()
    closeness = []
    for word in (query or "").split():
        if "@" in word:
            condition &= Q(email__icontains=word)
        elif word.replace("+", "").replace("/", "").replace("-", "").isdigit():
            condition &= Q(phone__contains=word)
        else:
            for key in name_keys(word):
                if key:
                    condition &= Q(search_key__contains=f" {key}")
            closeness.extend(f" {part}" for part in folded(word).split())
    queryset = queryset.filter(condition)
    if closeness:
        exact = Q()
        for part in closeness:
            exact &= Q(folded_name__contains=part)
        queryset = queryset.annotate(
            closeness=SqlCase(
                When(exact, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        ).order_by("closeness", "folded_name", "id")
    return queryset
