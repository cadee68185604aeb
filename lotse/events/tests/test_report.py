"""The events report: events, registrations, attendance and event-only participants."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from lotse.events.models import EventKind, RegistrationStatus
from lotse.events.reports import event_report
from lotse.factories import CaseFactory, EventFactory, PersonFactory, RegistrationFactory

ZONE = timezone.get_current_timezone()


def _at(year, month, day, hour=18):
    return datetime.datetime(year, month, day, hour, tzinfo=ZONE)


@pytest.fixture
def client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def spring(hagen, osnabrueck):
    """GIVEN in spring 2026 a parents' evening and a company tour in Hagen:
    Leyla (with a case) and Hadi (without) attend the evening, Hadi also the tour,
    a walk-in with two children attends the evening, Tesfay registered but stayed away,
    Olena cancelled; an evening in January 2025 and one of Osnabrück do not count."""
    leyla = PersonFactory(office=hagen, given_names="Leyla", family_name="Yılmaz")
    CaseFactory(person=leyla)
    hadi = PersonFactory(office=hagen, given_names="Hadi", family_name="Rezaie")
    evening = EventFactory(office=hagen, kind=EventKind.PARENTS_EVENING, starts_at=_at(2026, 3, 12))
    tour = EventFactory(office=hagen, kind=EventKind.COMPANY_TOUR, starts_at=_at(2026, 4, 30, 0))
    RegistrationFactory(event=evening, person=leyla, name="Leyla Yılmaz", attended=True)
    RegistrationFactory(event=evening, person=hadi, name="Hadi Rezaie", attended=True)
    RegistrationFactory(event=evening, name="Walk-in", companions=2, attended=True)
    RegistrationFactory(event=evening, name="Tesfay Haile")
    RegistrationFactory(event=evening, name="Olena", status=RegistrationStatus.CANCELLED)
    RegistrationFactory(event=tour, person=hadi, name="Hadi Rezaie", attended=True)
    old = EventFactory(office=hagen, kind=EventKind.PARENTS_EVENING, starts_at=_at(2025, 1, 20))
    RegistrationFactory(event=old, name="Früher", attended=True)
    elsewhere = EventFactory(office=osnabrueck, starts_at=_at(2026, 3, 12))
    RegistrationFactory(event=elsewhere, name="Osnabrück", attended=True)
    return evening, tour


def test_the_report_counts_events_registrations_and_attendance(spring, in_hagen):
    with in_hagen:
        report = event_report(datetime.date(2026, 1, 1), datetime.date(2026, 6, 30))
    kinds = {row.kind: row for row in report.kinds}
    assert set(kinds) == {EventKind.PARENTS_EVENING, EventKind.COMPANY_TOUR}
    evening = kinds[EventKind.PARENTS_EVENING]
    assert (evening.events, evening.registrations, evening.attendances, evening.present) == (
        1,
        4,
        3,
        5,
    )
    assert report.events == 2 and report.registrations == 5 and report.attendances == 4
    assert report.people_attended == 2  # Leyla and Hadi, Hadi once although twice present
    assert report.event_only == 1  # Hadi has no case
    assert report.anonymous_attendances == 1 and report.companions_present == 2


def test_the_period_includes_its_last_day_in_local_time(spring, in_hagen):
    with in_hagen:
        report = event_report(datetime.date(2026, 4, 30), datetime.date(2026, 4, 30))
    # The tour starts at midnight local time (22:00 UTC the day before).
    assert [row.kind for row in report.kinds] == [EventKind.COMPANY_TOUR]


def test_the_page_defaults_to_the_current_year(client, hagen_counsellor, hagen):
    year = timezone.localdate().year
    EventFactory(office=hagen, kind=EventKind.WORKSHOP, starts_at=_at(year, 6, 1))
    client.force_login(hagen_counsellor)
    page = client.get(reverse("events:report")).content.decode()
    assert f"Events from 01.01.{year} to 31.12.{year}" in page
    assert re.search(r"<th scope=\"row\">workshop</th><td>1</td>", page)


def test_the_page_shows_event_only_participants(client, hagen_colleague, spring):
    client.force_login(hagen_colleague)
    page = client.get(reverse("events:report"), {"start": "2026-01-01", "end": "2026-06-30"})
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page.content.decode()))
    assert "of whom event-only participants (no case) 1" in text
    assert "Known people who attended 2" in text
    assert "Hadi" not in text  # figures, no names


def test_a_period_ending_before_it_starts_is_refused(client, hagen_counsellor):
    client.force_login(hagen_counsellor)
    page = client.get(reverse("events:report"), {"start": "2026-06-30", "end": "2026-01-01"})
    assert "The end of the period is before its start." in page.content.decode()


def test_another_office_sees_only_its_own_figures(client, osnabrueck_counsellor, spring):
    client.force_login(osnabrueck_counsellor)
    page = client.get(reverse("events:report"), {"start": "2026-01-01", "end": "2026-06-30"})
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page.content.decode()))
    assert "Events 1 " in text and "Known people who attended 0" in text
