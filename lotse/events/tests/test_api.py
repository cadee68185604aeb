"""The events API: events with their seats, registrations through the seat rules (the last
seat, the waiting list moving up), check-in and attendance; office scoping and roles."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scopes_disabled

from lotse.accounts.models import ApiToken
from lotse.events import services
from lotse.events.models import Event, EventKind, Registration, RegistrationSource
from lotse.factories import OrganisationFactory, PersonFactory

JSON = "application/json"
URL = "/api/v1/events/"
NEXT_MONTH = timezone.now().replace(microsecond=0) + datetime.timedelta(days=30)


def _api(user, office_slug="hagen") -> Client:
    client = Client()
    membership = user.memberships.get(office__slug=office_slug)
    _token, key = ApiToken.objects.issue(membership, "test")
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {key}"
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def make_event(office, **extra) -> Event:
    values = {
        "kind": EventKind.PARENTS_EVENING,
        "title": "Elternabend Ausbildung",
        "starts_at": NEXT_MONTH,
        "capacity": 20,
    } | extra
    with scopes_disabled():
        return Event.objects.create(office=office, **values)


def register(event, name="Gast", **extra) -> Registration:
    with scopes_disabled():
        return services.register(event, name=name, source=RegistrationSource.STAFF, **extra)


def _parse(value: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(value)


@pytest.fixture
def hagen_api(hagen_counsellor):
    return _api(hagen_counsellor)


@pytest.fixture
def event(hagen):
    return make_event(hagen)


# --- Events ------------------------------------------------------------------------------


def test_create_read_change_and_delete_an_event(hagen_api, hagen, hagen_counsellor):
    school = OrganisationFactory(office=hagen, name="Gesamtschule Haspe", kind="school")
    mso = OrganisationFactory(office=hagen, name="Eritreischer Verein", kind="migrant_org")
    created = hagen_api.post(
        URL,
        {
            "kind": "school_info",
            "title": "Ausbildung in Deutschland",
            "starts_at": "2026-11-22T17:00:00+01:00",
            "ends_at": "2026-11-22T19:00:00+01:00",
            "venue_organisation": school.pk,
            "venue": "Aula",
            "partners": [mso.pk],
            "capacity": 40,
            "audiences": ["parents", "young_people"],
            "languages": ["ti", "de"],
        },
        content_type=JSON,
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert _parse(body["starts_at"]) == datetime.datetime(2026, 11, 22, 16, 0, tzinfo=datetime.UTC)
    assert _parse(body["starts_at"]).utcoffset() is not None  # with its time zone
    assert body["place"].startswith("Gesamtschule Haspe") and body["place"].endswith("Aula")
    assert body["partner_ids"] == [mso.pk] and sorted(body["languages"]) == ["de", "ti"]
    assert body["audiences"] == ["parents", "young_people"]
    assert body["is_public"] and body["registration_open"]
    assert body["capacity"] == 40 and body["seats_taken"] == 0 and body["seats_free"] == 40
    assert body["created_by_id"] == hagen_counsellor.pk
    with scopes_disabled():
        assert Event.objects.get(pk=body["id"]).office == hagen
    url = f"{URL}{body['id']}"
    assert hagen_api.get(url).json() == body

    changed = hagen_api.patch(url, {"capacity": None, "title": "Ausbildung?"}, content_type=JSON)
    assert changed.status_code == 200, changed.content
    after = changed.json()
    assert after["capacity"] is None and after["seats_free"] is None
    assert after["title"] == "Ausbildung?" and after["partner_ids"] == [mso.pk]  # kept
    assert sorted(after["languages"]) == ["de", "ti"] and after["starts_at"] == body["starts_at"]

    assert hagen_api.delete(url).status_code == 204
    assert hagen_api.get(url).status_code == 404


def test_a_time_without_zone_is_office_time(hagen_api):
    created = hagen_api.post(
        URL,
        {"kind": "workshop", "title": "Praktikumsknigge", "starts_at": "2026-07-01T10:00:00"},
        content_type=JSON,
    ).json()
    # Berlin is two hours ahead of UTC in July.
    assert _parse(created["starts_at"]) == datetime.datetime(2026, 7, 1, 8, tzinfo=datetime.UTC)


def test_network_meetings_stay_off_the_public_calendar_by_default(hagen_api):
    meeting = hagen_api.post(
        URL,
        {"kind": "network_meeting", "title": "Netzwerktreffen", "starts_at": "2026-10-01T18:00"},
        content_type=JSON,
    ).json()
    assert meeting["is_public"] is False
    opened = hagen_api.post(
        URL,
        {
            "kind": "training_module",
            "title": "Modul 1",
            "starts_at": "2026-10-02T18:00",
            "is_public": True,
        },
        content_type=JSON,
    ).json()
    assert opened["is_public"] is True


def test_event_input_is_validated_like_a_form(hagen_api, osnabrueck):
    elsewhere = OrganisationFactory(office=osnabrueck)
    start = {"kind": "workshop", "title": "Workshop", "starts_at": "2026-10-02T18:00:00+02:00"}
    cases = [
        ({"title": "Ohne Art", "starts_at": start["starts_at"]}, "kind"),
        ({**start, "kind": "party"}, "kind"),
        ({"kind": "workshop", "starts_at": start["starts_at"]}, "title"),
        ({"kind": "workshop", "title": "Ohne Zeit"}, "starts_at"),
        ({**start, "ends_at": "2026-10-02T17:00:00+02:00"}, "ends_at"),
        ({**start, "languages": ["xx"]}, "languages"),
        ({**start, "audiences": ["everybody"]}, "audiences"),
        ({**start, "venue_organisation": elsewhere.pk}, "venue_organisation"),
        ({**start, "partners": [elsewhere.pk]}, "partners"),
        ({**start, "capacity": -1}, "capacity"),
    ]
    for payload, field in cases:
        response = hagen_api.post(URL, payload, content_type=JSON)
        assert response.status_code == 400, payload
        assert response.json()["detail"] == "Invalid input."
        assert field in response.json()["errors"], (payload, response.json())
    malformed = hagen_api.post(URL, {**start, "starts_at": "morgen"}, content_type=JSON)
    assert malformed.status_code == 400 and "starts_at" in malformed.json()["errors"]
    with scopes_disabled():
        assert not Event.objects.exists()


def test_list_is_paged_filtered_and_scoped(hagen_api, hagen, osnabrueck):
    for number in range(26):
        make_event(hagen, title=f"Elternabend {number}")
    fair = make_event(
        hagen,
        kind=EventKind.TRAINING_FAIR,
        title="Hagener Ausbildungsmesse",
        starts_at=datetime.datetime(2027, 3, 14, 9, tzinfo=datetime.UTC),
    )
    make_event(osnabrueck, title="Ausbildungsmesse Osnabrück")

    page = hagen_api.get(URL).json()
    assert page["count"] == 27 and len(page["items"]) == 25
    assert page["items"][0]["starts_at"] <= page["items"][1]["starts_at"]  # soonest first
    assert len(hagen_api.get(URL, {"page": 2}).json()["items"]) == 2

    def titles(**params):
        return [item["title"] for item in hagen_api.get(URL, params).json()["items"]]

    assert titles(kind="training_fair") == [fair.title]
    assert titles(q="messe") == [fair.title]
    assert titles(**{"from": "2027-03-14"}) == [fair.title]
    assert fair.title not in titles(to="2027-03-13")
    assert titles(**{"from": "2027-03-15"}) == []
    assert hagen_api.get(URL, {"kind": "party"}).status_code == 400
    assert hagen_api.get(URL, {"from": "14.03.2027"}).status_code == 400


def test_list_shows_seats_and_its_query_count_does_not_grow(hagen_api, hagen, event):
    register(event, companions=2)
    register(event, name="Abgesagt")
    with scopes_disabled():
        services.cancel(Registration.objects.get(name="Abgesagt"))

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            response = hagen_api.get(URL)
        assert response.status_code == 200
        return len(queries), response.json()

    few, page = count_queries()
    assert page["items"][0]["seats_taken"] == 3 and page["items"][0]["seats_free"] == 17
    for _number in range(5):
        other = make_event(hagen, venue_organisation=OrganisationFactory(office=hagen))
        register(other)
    assert count_queries()[0] == few


def test_deleting_an_event_with_registrations_is_refused(hagen_api, event):
    register(event, name="Ayşe Özdemir")
    response = hagen_api.delete(f"{URL}{event.pk}")
    assert response.status_code == 400
    messages = [error["message"] for error in response.json()["errors"]["__all__"]]
    assert messages == [
        "The event has registrations. Close the registration instead of deleting it."
    ]
    assert hagen_api.get(f"{URL}{event.pk}").status_code == 200


# --- Registrations and seats -------------------------------------------------------------


def test_the_last_seat_and_the_waiting_list(hagen_api, hagen):
    event = make_event(hagen, capacity=1)
    registrations = f"{URL}{event.pk}/registrations"
    first = hagen_api.post(
        registrations,
        {"name": "Ayşe Özdemir", "email": "ayse@example.org", "consent_contact": True},
        content_type=JSON,
    )
    assert first.status_code == 201, first.content
    assert first.json()["status"] == "confirmed" and first.json()["source"] == "staff"
    assert first.json()["consent_contact"] is True and first.json()["consent_photos"] is False
    second = hagen_api.post(registrations, {"name": "Tesfay Haile"}, content_type=JSON)
    assert second.status_code == 201 and second.json()["status"] == "waitlisted"

    seats = hagen_api.get(f"{URL}{event.pk}/seats").json()
    assert seats == {"capacity": 1, "taken": 1, "free": 0, "waiting": 1, "waiting_seats": 1}

    cancelled = hagen_api.post(f"{URL}registrations/{first.json()['id']}/cancel")
    assert cancelled.status_code == 200, cancelled.content
    body = cancelled.json()
    assert body["registration"]["status"] == "cancelled"
    assert body["registration"]["cancelled_at"] is not None
    assert [r["id"] for r in body["moved_up"]] == [second.json()["id"]]
    assert body["moved_up"][0]["status"] == "confirmed"
    moved = hagen_api.get(f"{URL}registrations/{second.json()['id']}").json()
    assert moved["status"] == "confirmed" and moved["promoted_at"] is not None
    seats = hagen_api.get(f"{URL}{event.pk}/seats").json()
    assert seats == {"capacity": 1, "taken": 1, "free": 0, "waiting": 0, "waiting_seats": 0}
    # Cancelling again changes nothing and moves nobody up.
    again = hagen_api.post(f"{URL}registrations/{first.json()['id']}/cancel").json()
    assert again["moved_up"] == []


def test_a_family_takes_seats_with_its_companions(hagen_api, hagen):
    event = make_event(hagen, capacity=3)
    registrations = f"{URL}{event.pk}/registrations"
    family = hagen_api.post(
        registrations, {"name": "Familie Ahmadi", "companions": 2}, content_type=JSON
    ).json()
    assert family["status"] == "confirmed" and family["seats"] == 3
    late = hagen_api.post(registrations, {"name": "Piotr Nowak"}, content_type=JSON).json()
    assert late["status"] == "waitlisted"
    # More seats on the event move the waiting list up.
    grown = hagen_api.patch(f"{URL}{event.pk}", {"capacity": 4}, content_type=JSON)
    assert grown.status_code == 200 and grown.json()["seats_taken"] == 4
    assert hagen_api.get(f"{URL}registrations/{late['id']}").json()["status"] == "confirmed"


def test_add_a_known_person(hagen_api, hagen, event):
    person = PersonFactory(
        office=hagen,
        given_names="Zahra",
        family_name="Ahmadi",
        email="zahra@example.org",
        phone="0176 1234567",
    )
    registrations = f"{URL}{event.pk}/registrations"
    added = hagen_api.post(registrations, {"person": person.pk}, content_type=JSON)
    assert added.status_code == 201, added.content
    body = added.json()
    assert body["person_id"] == person.pk and body["name"] == "Zahra Ahmadi"
    assert body["email"] == "zahra@example.org" and body["phone"] == "0176 1234567"
    twice = hagen_api.post(registrations, {"person": person.pk}, content_type=JSON)
    assert twice.status_code == 400
    assert twice.json()["errors"]["__all__"][0]["message"] == (
        "This person is already registered for the event."
    )


def test_registration_input_is_validated(hagen_api, osnabrueck, event):
    stranger = PersonFactory(office=osnabrueck)
    registrations = f"{URL}{event.pk}/registrations"
    cases = [
        ({}, "name"),
        ({"name": "  "}, "name"),
        ({"person": stranger.pk}, "person"),
        ({"name": "A", "companions": 21}, "companions"),
        ({"name": "A", "companions": -1}, "companions"),
        ({"name": "A", "email": "kein-at"}, "email"),
        ({"name": "A", "language": "xx"}, "language"),
    ]
    for payload, field in cases:
        response = hagen_api.post(registrations, payload, content_type=JSON)
        assert response.status_code == 400, payload
        assert field in response.json()["errors"], (payload, response.json())
    with scopes_disabled():
        assert not Registration.objects.exists()


def test_registrations_are_listed_by_status(hagen_api, hagen):
    event = make_event(hagen, capacity=1)
    confirmed = register(event, name="Erste")
    waiting = register(event, name="Zweite")
    listed = hagen_api.get(f"{URL}{event.pk}/registrations").json()
    assert [r["id"] for r in listed["items"]] == [confirmed.pk, waiting.pk]
    only_waiting = hagen_api.get(f"{URL}{event.pk}/registrations", {"status": "waitlisted"})
    assert [r["name"] for r in only_waiting.json()["items"]] == ["Zweite"]
    bad = hagen_api.get(f"{URL}{event.pk}/registrations", {"status": "maybe"})
    assert bad.status_code == 400


# --- Check-in and attendance -------------------------------------------------------------


def test_check_in_marks_attended_and_shows_in_the_attendance(
    hagen_api, hagen, event, hagen_counsellor
):
    person = PersonFactory(office=hagen, given_names="Olena", family_name="Kovalenko")
    olena = register(event, name="Olena Kovalenko", person=person)
    register(event, name="Nicht gekommen")
    url = f"{URL}registrations/{olena.pk}/check-in"
    checked = hagen_api.post(url)
    assert checked.status_code == 200, checked.content
    body = checked.json()
    assert body["attended"] is True and body["checked_in_by_id"] == hagen_counsellor.pk
    assert _parse(body["checked_in_at"]).utcoffset() is not None

    attendance = hagen_api.get(f"{URL}{event.pk}/attendance").json()
    assert attendance["count"] == 1
    assert attendance["items"] == [
        {
            "registration_id": olena.pk,
            "name": "Olena Kovalenko",
            "person_id": person.pk,
            "companions": 0,
            "checked_in_at": body["checked_in_at"],
            "checked_in_by_id": hagen_counsellor.pk,
        }
    ]
    # A second check-in keeps the first time.
    assert hagen_api.post(url).json()["checked_in_at"] == body["checked_in_at"]

    undone = hagen_api.delete(url)
    assert undone.status_code == 200 and undone.json()["attended"] is False
    assert undone.json()["checked_in_at"] is None
    assert hagen_api.get(f"{URL}{event.pk}/attendance").json()["count"] == 0


# --- Scoping, roles, documentation -------------------------------------------------------


def test_another_office_gets_404_for_every_id(hagen, osnabrueck_counsellor, event):
    registration = register(event, name="Ayşe Özdemir")
    client = _api(osnabrueck_counsellor, "osnabrueck")
    reads = [
        f"{URL}{event.pk}",
        f"{URL}{event.pk}/seats",
        f"{URL}{event.pk}/registrations",
        f"{URL}{event.pk}/attendance",
        f"{URL}registrations/{registration.pk}",
    ]
    for url in reads:
        assert client.get(url).status_code == 404, url
    writes = [
        ("patch", f"{URL}{event.pk}", {"title": "Gekapert"}),
        ("delete", f"{URL}{event.pk}", None),
        ("post", f"{URL}{event.pk}/registrations", {"name": "Eindringling"}),
        ("post", f"{URL}registrations/{registration.pk}/cancel", None),
        ("post", f"{URL}registrations/{registration.pk}/check-in", None),
        ("delete", f"{URL}registrations/{registration.pk}/check-in", None),
    ]
    for method, url, payload in writes:
        response = getattr(client, method)(url, payload, content_type=JSON)
        assert response.status_code == 404, (method, url)
    assert client.get(URL).json()["count"] == 0
    registration.refresh_from_db()
    event.refresh_from_db()
    assert event.title == "Elternabend Ausbildung"
    assert registration.status == "confirmed" and not registration.attended
    with scopes_disabled():
        assert event.registrations.count() == 1


def test_a_guide_lists_the_public_events_and_nothing_else(hagen, hagen_guide, event):
    make_event(hagen, kind=EventKind.NETWORK_MEETING, title="Netzwerktreffen", is_public=False)
    registration = register(event)
    client = _api(hagen_guide)
    listed = client.get(URL)
    assert listed.status_code == 200
    assert [item["title"] for item in listed.json()["items"]] == ["Elternabend Ausbildung"]
    refused = [
        ("get", f"{URL}{event.pk}", None),
        ("get", f"{URL}{event.pk}/seats", None),
        ("get", f"{URL}{event.pk}/registrations", None),
        ("get", f"{URL}{event.pk}/attendance", None),
        ("get", f"{URL}registrations/{registration.pk}", None),
        ("post", URL, {"kind": "workshop", "title": "X", "starts_at": "2026-10-02T18:00"}),
        ("patch", f"{URL}{event.pk}", {"title": "X"}),
        ("delete", f"{URL}{event.pk}", None),
        ("post", f"{URL}{event.pk}/registrations", {"name": "X"}),
        ("post", f"{URL}registrations/{registration.pk}/cancel", None),
        ("post", f"{URL}registrations/{registration.pk}/check-in", None),
        ("delete", f"{URL}registrations/{registration.pk}/check-in", None),
    ]
    for method, url, payload in refused:
        response = getattr(client, method)(url, payload, content_type=JSON)
        assert response.status_code == 403, (method, url, response.status_code)
    registration.refresh_from_db()
    assert registration.status == "confirmed" and not registration.attended


def test_the_programme_office_and_strangers_are_refused(client, programme_user, event):
    programme = _api(programme_user)
    assert programme.get(URL).status_code == 403
    assert programme.get(f"{URL}{event.pk}").status_code == 403
    assert client.get(URL).status_code == 401


def test_session_writes_need_csrf(hagen_counsellor, event):
    client = Client(enforce_csrf_checks=True)
    client.force_login(hagen_counsellor)
    assert client.get(URL).status_code == 200
    response = client.post(f"{URL}{event.pk}/registrations", {"name": "A"}, content_type=JSON)
    assert response.status_code == 403


def test_openapi_document_lists_the_event_paths(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    expected = {
        "/api/v1/events/": {"get", "post"},
        "/api/v1/events/{event_id}": {"get", "patch", "delete"},
        "/api/v1/events/{event_id}/seats": {"get"},
        "/api/v1/events/{event_id}/registrations": {"get", "post"},
        "/api/v1/events/{event_id}/attendance": {"get"},
        "/api/v1/events/registrations/{registration_id}": {"get"},
        "/api/v1/events/registrations/{registration_id}/cancel": {"post"},
        "/api/v1/events/registrations/{registration_id}/check-in": {"post", "delete"},
    }
    for path, methods in expected.items():
        assert path in paths, path
        assert set(paths[path]) == methods, path
    parameters = {p["name"] for p in paths["/api/v1/events/"]["get"]["parameters"]}
    assert {"kind", "from", "to", "q", "page"} <= parameters
