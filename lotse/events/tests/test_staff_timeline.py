"""Attendance at events appears on the person's timeline, with or without a case."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from lotse.events.models import EventKind
from lotse.factories import (
    CaseFactory,
    EventFactory,
    PersonFactory,
    ReferralFactory,
    RegistrationFactory,
)

ZONE = timezone.get_current_timezone()


@pytest.fixture
def client(client, hagen_counsellor):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    client.force_login(hagen_counsellor)
    return client


def _timeline(client, person, **params) -> str:
    page = client.get(person.get_absolute_url(), params).content.decode()
    return page[page.index('id="timeline-heading"') :]


def test_an_event_only_participant_has_the_event_on_the_timeline(client, hagen):
    hadi = PersonFactory(office=hagen, given_names="Hadi", family_name="Rezaie")
    fair = EventFactory(
        office=hagen,
        title="Hagener Ausbildungsmesse",
        kind=EventKind.TRAINING_FAIR,
        starts_at=datetime.datetime(2026, 9, 19, 23, 30, tzinfo=ZONE),
    )
    RegistrationFactory(event=fair, person=hadi, name="Hadi Rezaie", attended=True, companions=1)
    absent = EventFactory(office=hagen, title="Elternabend verpasst")
    RegistrationFactory(event=absent, person=hadi, name="Hadi Rezaie")
    timeline = _timeline(client, hadi)
    assert "Hagener Ausbildungsmesse" in timeline and "19.09.2026" in timeline
    assert reverse("events:detail", args=[fair.pk]) in timeline
    assert "Event attended" in timeline and "with 1 companion" in timeline
    assert "Elternabend verpasst" not in timeline  # registered, not attended


def test_events_take_their_place_among_the_case_entries(client, hagen):
    case = CaseFactory(person__office=hagen)
    today = timezone.localdate()
    ReferralFactory(case=case, reason="Anerkennungsberatung", created_on=today)
    workshop = EventFactory(
        office=hagen,
        title="Praktikumsknigge",
        kind=EventKind.WORKSHOP,
        starts_at=timezone.now() - datetime.timedelta(days=3),
    )
    RegistrationFactory(event=workshop, person=case.person, attended=True)
    timeline = _timeline(client, case.person)
    assert timeline.index("Anerkennungsberatung") < timeline.index("Praktikumsknigge")
    only_events = _timeline(client, case.person, timeline="event")
    assert "Praktikumsknigge" in only_events and "Anerkennungsberatung" not in only_events
    no_events = _timeline(client, case.person, timeline="referral")
    assert "Praktikumsknigge" not in no_events and "Anerkennungsberatung" in no_events
