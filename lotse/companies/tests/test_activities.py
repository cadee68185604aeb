"""Calls, visits and letters with a company, and their next steps on the worklist."""

import datetime

import pytest
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from lotse.companies import services
from lotse.companies.models import Activity, Channel, Stage
from lotse.factories import OrganisationFactory

TODAY = datetime.date.today()


@pytest.fixture
def logged_in(client, hagen_counsellor):
    client.force_login(hagen_counsellor)
    return client


@pytest.fixture
def acquisition(hagen, hagen_counsellor):
    company = OrganisationFactory(office=hagen, name="Friseursalon Ahmadi")
    with scope(office=[hagen.pk]):
        return services.start_acquisition(
            company, channel=Channel.OUTREACH_VISIT, counsellor=hagen_counsellor
        )


def _page(response):
    return response.content.decode()


def test_a_logged_call_with_a_next_step_lands_on_the_worklist_until_done(logged_in, acquisition):
    """GIVEN a company just identified
    WHEN the counsellor logs a call with a next step due tomorrow
    THEN the company counts as contacted, the step is on her worklist,
    and "done" takes it off again."""
    detail = _page(logged_in.get(acquisition.get_absolute_url()))
    assert reverse("companies:activity_create", args=[acquisition.pk]) in detail
    response = logged_in.post(
        reverse("companies:activity_create", args=[acquisition.pk]),
        {
            "kind": "call",
            "date": TODAY.isoformat(),
            "outcome": "Frau Ahmadi hat Interesse an einer EQ",
            "next_step": "Infomaterial EQ vorbeibringen",
            "next_step_due_on": (TODAY + datetime.timedelta(days=1)).isoformat(),
        },
    )
    assert response.status_code == 302
    with scopes_disabled():
        activity = Activity.objects.get(acquisition=acquisition)
        acquisition.refresh_from_db()
    assert acquisition.stage == Stage.CONTACTED
    home = _page(logged_in.get(reverse("core:home")))
    assert "Company next steps" in home
    assert "Infomaterial EQ vorbeibringen" in home and "Friseursalon Ahmadi" in home
    done = logged_in.post(
        reverse("companies:activity_done", args=[activity.pk]), {"next": "worklist"}
    )
    assert done.status_code == 302 and done.url == reverse("core:home")
    with scopes_disabled():
        activity.refresh_from_db()
    assert activity.next_step_done_on == TODAY
    worklist = _page(logged_in.get(reverse("core:home"))).split('id="worklist-heading"')[1]
    assert "Company next steps" not in worklist
    detail = _page(logged_in.get(acquisition.get_absolute_url()))
    assert "<s>Infomaterial EQ vorbeibringen</s>" in detail


def test_a_next_step_needs_a_due_date(logged_in, acquisition):
    response = logged_in.post(
        reverse("companies:activity_create", args=[acquisition.pk]),
        {"kind": "visit", "date": TODAY.isoformat(), "next_step": "Rückruf"},
    )
    assert response.status_code == 200
    assert "When is the next step due?" in _page(response)
    with scopes_disabled():
        assert not Activity.objects.exists()


def test_activities_are_shown_newest_first(logged_in, acquisition, hagen_counsellor):
    with scope(office=[acquisition.office_id]):
        services.log_activity(
            acquisition,
            by=hagen_counsellor,
            kind="letter",
            date=TODAY - datetime.timedelta(days=5),
            outcome="Brief geschickt",
        )
        services.log_activity(
            acquisition, by=hagen_counsellor, kind="visit", date=TODAY, outcome="Besuch vor Ort"
        )
    page = _page(logged_in.get(acquisition.get_absolute_url()))
    assert page.index("Besuch vor Ort") < page.index("Brief geschickt")


def test_steps_of_a_colleague_stay_on_her_worklist(
    client, acquisition, hagen_counsellor, hagen_colleague
):
    with scope(office=[acquisition.office_id]):
        services.log_activity(
            acquisition,
            by=hagen_colleague,
            kind="email",
            next_step="Angebot nachfassen",
            next_step_due_on=TODAY,
        )
    client.force_login(hagen_counsellor)
    assert "Angebot nachfassen" not in _page(client.get(reverse("core:home")))
    client.force_login(hagen_colleague)
    assert "Angebot nachfassen" in _page(client.get(reverse("core:home")))
