"""Events and participants for a period: the figures for the office's reports.

Known people who attended an event but have no counselling case are
"event-only participants": they count as participants without an ESF+
questionnaire (info events up to about a day need none). Attendees without a
person record (walk-ins, public registrations) and the companions they bring
are counted, never named.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, F, Q, Sum
from django.utils import timezone

from lotse.cases.models import Case

from .models import Event, EventKind, Registration, RegistrationStatus


@dataclass
class KindRow:
    kind: str
    label: str
    events: int = 0
    registrations: int = 0
    attendances: int = 0
    present: int = 0


@dataclass
class EventReport:
    start: datetime.date
    end: datetime.date
    kinds: list[KindRow] = field(default_factory=list)
    people_attended: int = 0
    event_only: int = 0
    anonymous_attendances: int = 0
    companions_present: int = 0

    @property
    def events(self) -> int:
        return sum(row.events for row in self.kinds)

    @property
    def registrations(self) -> int:
        return sum(row.registrations for row in self.kinds)

    @property
    def attendances(self) -> int:
        return sum(row.attendances for row in self.kinds)

    @property
    def present(self) -> int:
        return sum(row.present for row in self.kinds)


def _bounds(start: datetime.date, end: datetime.date) -> tuple[datetime.datetime, ...]:
    """From the start of START to the end of END, in the office's time zone."""
    zone = timezone.get_current_timezone()
    since = datetime.datetime.combine(start, datetime.time.min, tzinfo=zone)
    until = datetime.datetime.combine(
        end + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone
    )
    return since, until


def event_report(start: datetime.date, end: datetime.date) -> EventReport:
    """Events starting from START to END (both included) of the office in scope."""
    since, until = _bounds(start, end)
    events = Event.objects.filter(starts_at__gte=since, starts_at__lt=until)
    rows = {value: KindRow(value, label) for value, label in EventKind.choices}
    for kind, total in events.order_by().values_list("kind").annotate(n=Count("id")):
        rows[kind].events = total

    registrations = Registration.objects.filter(
        event__starts_at__gte=since, event__starts_at__lt=until
    )
    attended = Q(attended=True)
    figures = (
        registrations.order_by()
        .values_list("event__kind")
        .annotate(
            registrations=Count("id", filter=~Q(status=RegistrationStatus.CANCELLED)),
            attendances=Count("id", filter=attended),
            present=Sum(F("companions") + 1, filter=attended, default=0),
        )
    )
    for kind, registered, attendances, present in figures:
        row = rows[kind]
        row.registrations, row.attendances, row.present = registered, attendances, present

    present = registrations.filter(attended=True)
    known = present.filter(person__isnull=False)
    with_case = Case.objects.filter(person_id__in=known.values("person_id"))
    anonymous = present.aggregate(
        attendances=Count("id", filter=Q(person__isnull=True)),
        companions=Sum("companions", default=0),
    )
    return EventReport(
        start=start,
        end=end,
        kinds=[row for row in rows.values() if row.events],
        people_attended=known.values("person_id").distinct().count(),
        event_only=known.exclude(person_id__in=with_case.values("person_id"))
        .values("person_id")
        .distinct()
        .count(),
        anonymous_attendances=anonymous["attendances"],
        companions_present=anonymous["companions"],
    )
