"""Checking people in at the door on a phone: search, one tap, the count on top."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from lotse.events.models import Registration, RegistrationStatus
from lotse.factories import EventFactory, RegistrationFactory

NOW = timezone.now()


@pytest.fixture
def client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def logged_in(client, hagen_counsellor):
    client.force_login(hagen_counsellor)
    return client


@pytest.fixture
def fair(hagen):
    return EventFactory(
        office=hagen,
        title="Hagener Ausbildungsmesse",
        kind="training_fair",
        starts_at=NOW + datetime.timedelta(hours=1),
        capacity=None,
    )


def _page(response) -> str:
    return response.content.decode()


def _count(page: str) -> str:
    match = re.search(r'<p id="checkin-count"[^>]*>(.*?)</p>', page, re.S)
    return re.sub(r"<[^>]+>", "", match.group(1)).strip()


def test_the_page_lists_active_registrations_with_the_count(logged_in, fair):
    RegistrationFactory(event=fair, name="Ayşe Özdemir", companions=2)
    RegistrationFactory(event=fair, name="Tesfay Haile", status=RegistrationStatus.WAITLISTED)
    RegistrationFactory(event=fair, name="Abgesagt Gast", status=RegistrationStatus.CANCELLED)
    page = _page(logged_in.get(reverse("events:checkin", args=[fair.pk])))
    assert "Ayşe Özdemir" in page and "Tesfay Haile" in page
    assert "Abgesagt Gast" not in page
    assert "waiting list" in page  # the status shows in words
    assert _count(page).startswith("0 of 2 present")
    assert 'name="viewport"' in page and "checkin-button" in page


def test_check_in_and_undo_change_the_count(logged_in, fair, hagen_counsellor):
    ayse = RegistrationFactory(event=fair, name="Ayşe Özdemir", companions=2)
    RegistrationFactory(event=fair, name="Tesfay Haile")
    url = reverse("events:checkin", args=[fair.pk])
    response = logged_in.post(
        reverse("events:check_in", args=[ayse.pk]), {"attended": "1", "next": url}, follow=True
    )
    page = _page(response)
    assert "Ayşe Özdemir is checked in." in page
    assert _count(page).startswith("1 of 2 present · 3 people with companions")
    with scopes_disabled():
        ayse.refresh_from_db()
    assert ayse.attended and ayse.checked_in_by == hagen_counsellor
    # The same tap sent twice (two phones) does not undo it.
    logged_in.post(reverse("events:check_in", args=[ayse.pk]), {"attended": "1"})
    with scopes_disabled():
        ayse.refresh_from_db()
    assert ayse.attended

    response = logged_in.post(
        reverse("events:check_in", args=[ayse.pk]), {"attended": "0", "next": url}, follow=True
    )
    page = _page(response)
    assert "Ayşe Özdemir is no longer checked in." in page
    assert _count(page).startswith("0 of 2 present")


def test_without_a_wanted_state_the_button_toggles(logged_in, fair):
    guest = RegistrationFactory(event=fair)
    logged_in.post(reverse("events:check_in", args=[guest.pk]))
    with scopes_disabled():
        guest.refresh_from_db()
    assert guest.attended
    logged_in.post(reverse("events:check_in", args=[guest.pk]))
    with scopes_disabled():
        guest.refresh_from_db()
    assert not guest.attended


def test_htmx_swaps_the_row_and_the_count(logged_in, fair):
    guest = RegistrationFactory(event=fair, name="Olena Kovalenko")
    response = logged_in.post(
        reverse("events:check_in", args=[guest.pk]),
        {"attended": "1"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET=f"registration-{guest.pk}",
    )
    page = _page(response)
    assert response.status_code == 200 and "<html" not in page
    assert f'id="registration-{guest.pk}"' in page and "Undo" in page and "autofocus" in page
    assert 'hx-swap-oob="innerHTML"' in page and _count(page).startswith("1 of 1 present")


def test_a_cancelled_registration_is_not_checked_in(logged_in, fair):
    gone = RegistrationFactory(event=fair, name="Abgesagt", status=RegistrationStatus.CANCELLED)
    response = logged_in.post(reverse("events:check_in", args=[gone.pk]), follow=True)
    assert "cancelled the registration" in _page(response)
    with scopes_disabled():
        gone.refresh_from_db()
    assert not gone.attended


def test_the_search_finds_names_in_any_spelling_and_script(logged_in, fair):
    RegistrationFactory(event=fair, name="Mohammed Al-Hassan")
    RegistrationFactory(event=fair, name="محمد الحسن")
    RegistrationFactory(event=fair, name="Olena Kovalenko")
    RegistrationFactory(event=fair, name="Ayşe Özdemir")
    url = reverse("events:checkin", args=[fair.pk])
    page = _page(
        logged_in.get(
            url, {"q": "muhamad"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="checkin-results"
        )
    )
    assert "<html" not in page
    assert "Mohammed Al-Hassan" in page and "محمد الحسن" in page
    assert "Kovalenko" not in page
    assert "Ayşe Özdemir" in _page(logged_in.get(url, {"q": "oezdemir"}))
    # Without JavaScript the same search is a plain GET of the page.
    page = _page(logged_in.get(url, {"q": "Olena"}))
    assert "Olena Kovalenko" in page and "Al-Hassan" not in page and "<html" in page
    assert "Nobody of that name is registered" in _page(logged_in.get(url, {"q": "Schmidt"}))


def test_a_walk_in_from_the_door_returns_to_the_check_in(logged_in, fair):
    url = reverse("events:checkin", args=[fair.pk])
    response = logged_in.post(
        reverse("events:walk_in", args=[fair.pk]),
        {"name": "Frau Haddad", "companions": "1", "next": url},
    )
    assert response.status_code == 302 and response.url == url
    page = _page(logged_in.get(url))
    assert "Frau Haddad" in page and _count(page).startswith("1 of 1 present · 2 people")


def test_the_page_stays_small_and_fast_for_a_large_event(
    logged_in, fair, django_assert_max_num_queries
):
    """GIVEN 2,000 registrations on one event
    WHEN the door list opens or is searched
    THEN a fixed number of queries runs and only a screenful of rows is shown."""
    with scopes_disabled():
        Registration.objects.bulk_create(
            [
                Registration(
                    office=fair.office,
                    event=fair,
                    name=f"Gast Nummer {n:04d}",
                    folded_name=f" gast nummer {n:04d}",
                    search_key=f" gst nmr {n:04d}",
                    status=RegistrationStatus.CONFIRMED,
                    source="public",
                    token=f"token-{n}",
                )
                for n in range(2000)
            ]
        )
    RegistrationFactory(event=fair, name="Zahra Ahmadi")
    url = reverse("events:checkin", args=[fair.pk])
    with django_assert_max_num_queries(15):
        page = _page(logged_in.get(url))
    assert page.count('class="checkin-row') == 40
    assert "Search by name to find the others" in page
    assert _count(page).startswith("0 of 2001 present")
    with django_assert_max_num_queries(15):
        found = _page(logged_in.get(url, {"q": "Zahra"}))
    assert found.count('class="checkin-row') == 1 and "Zahra Ahmadi" in found


def test_the_check_in_lookup_uses_an_index(fair, in_hagen):
    """The door list reads the event's rows in name order through (event, folded_name).

    The index exists on every database; SQLite's planner shows that it serves the
    lookup without a sort. (PostgreSQL only uses it with real statistics, which a test
    transaction has not: benchmarks/events.py measures it at 100,000 registrations.)
    """
    from django.db import connection

    (index,) = [i for i in Registration._meta.indexes if i.fields == ["event", "folded_name"]]
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, Registration._meta.db_table)
    assert constraints[index.name]["columns"] == ["event_id", "folded_name"]
    if connection.vendor == "sqlite":
        with in_hagen:
            rows = fair.registrations.filter(status__in=["confirmed", "waitlisted", "invited"])
            plan = rows.order_by("folded_name", "id")[:40].explain()
        # SQLite's index ends with the rowid (id): the order needs no sort at all.
        assert index.name in plan and "TEMP B-TREE" not in plan
