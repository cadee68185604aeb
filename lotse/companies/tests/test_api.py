"""The companies API: acquisitions through three channels (a recommendation needs its
recommender), stages, optimistic locking, status, activities, channel analytics; office
scoping and roles."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_scopes import scopes_disabled

from lotse.accounts.models import ApiToken
from lotse.companies.models import Acquisition, Activity, Channel, Stage, StageChange
from lotse.factories import (
    AcquisitionFactory,
    ActivityFactory,
    OrganisationFactory,
    PersonFactory,
    PlaceFactory,
    PlacementFactory,
)

TODAY = datetime.date.today()
JSON = "application/json"
URL = "/api/v1/companies/acquisitions"


def _api(user, office_slug="hagen") -> Client:
    client = Client()
    membership = user.memberships.get(office__slug=office_slug)
    _token, key = ApiToken.objects.issue(membership, "test")
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {key}"
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def hagen_api(hagen_counsellor):
    return _api(hagen_counsellor)


@pytest.fixture
def company(hagen):
    return OrganisationFactory(office=hagen, name="Bodenbeläge Rezaie")


@pytest.fixture
def mso(hagen):
    return OrganisationFactory(office=hagen, name="Kulturverein Anatolia", kind="migrant_org")


@pytest.fixture
def acquisition(company, hagen_counsellor):
    return AcquisitionFactory(company=company, counsellor=hagen_counsellor)


def _codes(response, field="__all__"):
    return [error["code"] for error in response.json()["errors"][field]]


def _stages(body):
    return {row["stage"]: row["reached_on"] for row in body["stages"]}


# --- Starting ----------------------------------------------------------------------------


def test_start_by_recommendation_of_an_mso_and_read_it(hagen_api, company, mso, hagen_counsellor):
    created = hagen_api.post(
        URL,
        {
            "company": company.pk,
            "channel": "recommendation",
            "recommended_by_organisation": mso.pk,
            "notes": "Empfehlung beim Sommerfest",
        },
        content_type=JSON,
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["company_id"] == company.pk and body["company_name"] == "Bodenbeläge Rezaie"
    assert body["channel"] == "recommendation" and body["recommender_name"] == mso.name
    assert body["recommended_by_organisation_id"] == mso.pk
    assert body["recommended_by_person_id"] is None
    assert body["counsellor_id"] == hagen_counsellor.pk  # the token's user by default
    assert body["started_on"] == TODAY.isoformat() and body["stage"] == "identified"
    assert body["status"] == "active" and body["version"] == 1
    assert body["activities_count"] == 0 and body["places_count"] == 0
    assert _stages(body) == {
        "identified": TODAY.isoformat(),
        "contacted": None,
        "counselled": None,
        "entitled": None,
        "offers_places": None,
        "trains": None,
    }
    assert hagen_api.get(f"{URL}/{body['id']}").json() == body


def test_start_by_a_persons_recommendation_at_a_later_stage(hagen_api, hagen, company):
    recommender = PersonFactory(office=hagen, given_names="Leyla", family_name="Yılmaz")
    started = TODAY - datetime.timedelta(days=10)
    response = hagen_api.post(
        URL,
        {
            "company": company.pk,
            "channel": "recommendation",
            "recommended_by_person": recommender.pk,
            "started_on": started.isoformat(),
            "stage": "counselled",
        },
        content_type=JSON,
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["recommender_name"] == "Leyla Yılmaz" and body["stage"] == "counselled"
    stages = _stages(body)
    # Skipped stages count as reached, on the day the acquisition started.
    assert [stages[s] for s in ("identified", "contacted", "counselled")] == [
        started.isoformat()
    ] * 3
    assert stages["entitled"] is None


def test_a_recommendation_without_recommender_is_refused(hagen_api, company, mso, hagen):
    refused = hagen_api.post(
        URL, {"company": company.pk, "channel": "recommendation"}, content_type=JSON
    )
    assert refused.status_code == 400 and refused.json()["detail"] == "Invalid input."
    assert "recommended_by_organisation" in refused.json()["errors"]
    person = PersonFactory(office=hagen)
    both = hagen_api.post(
        URL,
        {
            "company": company.pk,
            "channel": "recommendation",
            "recommended_by_organisation": mso.pk,
            "recommended_by_person": person.pk,
        },
        content_type=JSON,
    )
    assert both.status_code == 400 and "recommended_by_person" in both.json()["errors"]
    with scopes_disabled():
        assert not Acquisition.objects.exists()


def test_a_cold_call_keeps_no_recommender(hagen_api, company, mso):
    response = hagen_api.post(
        URL,
        {"company": company.pk, "channel": "cold_call", "recommended_by_organisation": mso.pk},
        content_type=JSON,
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["recommended_by_organisation_id"] is None and body["recommender_name"] is None


def test_starting_validates_like_the_page(hagen_api, hagen, osnabrueck, company, mso):
    elsewhere = OrganisationFactory(office=osnabrueck)
    in_pipeline = AcquisitionFactory(company__office=hagen).company
    tomorrow = (TODAY + datetime.timedelta(days=1)).isoformat()
    cases = [
        ({"channel": "cold_call"}, "company"),
        ({"company": elsewhere.pk, "channel": "cold_call"}, "company"),
        ({"company": mso.pk, "channel": "cold_call"}, "company"),  # not a company
        ({"company": in_pipeline.pk, "channel": "cold_call"}, "company"),
        ({"company": company.pk}, "channel"),
        ({"company": company.pk, "channel": "carrier_pigeon"}, "channel"),
        ({"company": company.pk, "channel": "cold_call", "stage": "famous"}, "stage"),
        ({"company": company.pk, "channel": "cold_call", "started_on": tomorrow}, "started_on"),
        ({"company": company.pk, "channel": "cold_call", "counsellor": 999999}, "counsellor"),
    ]
    for payload, field in cases:
        response = hagen_api.post(URL, payload, content_type=JSON)
        assert response.status_code == 400, payload
        assert field in response.json()["errors"], (payload, response.json())
    with scopes_disabled():
        assert Acquisition.objects.count() == 1


# --- Listing -----------------------------------------------------------------------------


def test_list_is_paged_filtered_and_scoped(hagen_api, hagen, osnabrueck, hagen_counsellor):
    for _number in range(26):
        AcquisitionFactory(company__office=hagen, counsellor=hagen_counsellor)
    recommended = AcquisitionFactory(
        company__office=hagen,
        channel="recommendation",
        recommended_by_organisation=OrganisationFactory(office=hagen, kind="migrant_org"),
        stage="offers_places",
    )
    lost = AcquisitionFactory(
        company__office=hagen, status="lost", status_reason="Betrieb geschlossen"
    )
    AcquisitionFactory(company__office=osnabrueck)

    page = hagen_api.get(URL).json()
    assert page["count"] == 28 and len(page["items"]) == 25
    assert len(hagen_api.get(URL, {"page": 2}).json()["items"]) == 3

    def ids(**params):
        return {item["id"] for item in hagen_api.get(URL, params).json()["items"]}

    assert ids(stage="offers_places") == {recommended.pk}
    assert ids(channel="recommendation") == {recommended.pk}
    assert ids(status="lost") == {lost.pk}
    assert ids(counsellor=lost.counsellor_id) == {lost.pk}
    assert hagen_api.get(URL, {"stage": "famous"}).status_code == 400
    assert hagen_api.get(URL, {"channel": "carrier_pigeon"}).status_code == 400


def test_the_list_shows_when_the_next_step_is_due(hagen_api, acquisition):
    due = TODAY + datetime.timedelta(days=3)
    ActivityFactory(acquisition=acquisition, next_step_due_on=due)
    ActivityFactory(
        acquisition=acquisition,
        next_step_due_on=TODAY - datetime.timedelta(days=5),
        next_step_done_on=TODAY,
    )
    item = hagen_api.get(URL).json()["items"][0]
    assert item["next_step_due_on"] == due.isoformat()


def test_list_query_count_does_not_grow(hagen_api, hagen, hagen_counsellor):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert hagen_api.get(URL).status_code == 200
        return len(queries)

    AcquisitionFactory(company__office=hagen, counsellor=hagen_counsellor)
    few = count_queries()
    for _number in range(5):
        AcquisitionFactory(company__office=hagen)
    AcquisitionFactory(
        company__office=hagen,
        channel="recommendation",
        recommended_by_person=PersonFactory(office=hagen),
    )
    assert count_queries() == few


# --- Changing ----------------------------------------------------------------------------


def test_update_needs_the_version(hagen_api, acquisition):
    response = hagen_api.patch(
        f"{URL}/{acquisition.pk}", {"notes": "ohne Version"}, content_type=JSON
    )
    assert response.status_code == 400 and "version" in response.json()["errors"]
    acquisition.refresh_from_db()
    assert acquisition.notes == "" and acquisition.version == 1


def test_update_keeps_what_it_is_not_sent(hagen_api, acquisition, hagen_colleague):
    response = hagen_api.patch(
        f"{URL}/{acquisition.pk}",
        {"version": 1, "entitlement": "aevo_in_progress", "counsellor": hagen_colleague.pk},
        content_type=JSON,
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["version"] == 2 and body["entitlement"] == "aevo_in_progress"
    assert body["counsellor_id"] == hagen_colleague.pk
    assert body["channel"] == "cold_call" and body["started_on"] == (
        acquisition.started_on.isoformat()
    )


def test_changing_to_a_recommendation_needs_the_recommender(hagen_api, acquisition, mso):
    url = f"{URL}/{acquisition.pk}"
    refused = hagen_api.patch(url, {"version": 1, "channel": "recommendation"}, content_type=JSON)
    assert refused.status_code == 400
    assert "recommended_by_organisation" in refused.json()["errors"]
    accepted = hagen_api.patch(
        url,
        {"version": 1, "channel": "recommendation", "recommended_by_organisation": mso.pk},
        content_type=JSON,
    )
    assert accepted.status_code == 200, accepted.content
    assert accepted.json()["recommender_name"] == mso.name


def test_two_changes_from_the_same_version_the_second_gets_409(hagen_api, acquisition):
    url = f"{URL}/{acquisition.pk}"
    first = hagen_api.patch(
        url, {"version": 1, "notes": "Inhaber hat AEVO begonnen"}, content_type=JSON
    )
    assert first.status_code == 200 and first.json()["version"] == 2
    second = hagen_api.patch(url, {"version": 1, "notes": "Rückruf erbeten"}, content_type=JSON)
    assert second.status_code == 409
    conflict = second.json()
    assert "version 1" in conflict["detail"] and "version 2" in conflict["detail"]
    assert conflict["current_version"] == 2
    assert _codes(second, "version") == ["concurrent_edit"]
    current = hagen_api.get(url).json()
    assert current["notes"] == "Inhaber hat AEVO begonnen" and current["version"] == 2


def test_a_stage_move_in_between_makes_a_change_stale(hagen_api, acquisition):
    url = f"{URL}/{acquisition.pk}"
    moved = hagen_api.post(f"{url}/stage", {"stage": "counselled"}, content_type=JSON)
    assert moved.status_code == 200 and moved.json()["version"] == 2
    stale = hagen_api.patch(url, {"version": 1, "notes": "x"}, content_type=JSON)
    assert stale.status_code == 409 and stale.json()["current_version"] == 2
    assert hagen_api.get(url).json()["stage"] == "counselled"


def test_moving_through_the_stages(hagen_api, acquisition):
    url = f"{URL}/{acquisition.pk}/stage"
    moved = hagen_api.post(url, {"stage": "offers_places"}, content_type=JSON)
    assert moved.status_code == 200, moved.content
    body = moved.json()
    assert body["stage"] == "offers_places"
    stages = _stages(body)
    assert all(stages[s] == TODAY.isoformat() for s in ("identified", "entitled", "offers_places"))
    assert stages["trains"] is None
    assert "stage" in hagen_api.post(url, {}, content_type=JSON).json()["errors"]
    assert "stage" in hagen_api.post(url, {"stage": "famous"}, content_type=JSON).json()["errors"]
    # Back, to correct a mistake: the dates of stages reached stay recorded.
    back = hagen_api.post(url, {"stage": "contacted"}, content_type=JSON).json()
    assert back["stage"] == "contacted" and _stages(back)["offers_places"] == TODAY.isoformat()


def test_pausing_needs_a_reason_and_stops_moves(hagen_api, acquisition):
    url = f"{URL}/{acquisition.pk}/status"
    no_reason = hagen_api.post(url, {"version": 1, "status": "paused"}, content_type=JSON)
    assert no_reason.status_code == 400 and "status_reason" in no_reason.json()["errors"]
    no_version = hagen_api.post(
        url, {"status": "paused", "status_reason": "Inhaber im Urlaub"}, content_type=JSON
    )
    assert no_version.status_code == 400 and "version" in no_version.json()["errors"]
    paused = hagen_api.post(
        url,
        {"version": 1, "status": "paused", "status_reason": "Inhaber bis März im Urlaub"},
        content_type=JSON,
    )
    assert paused.status_code == 200, paused.content
    assert paused.json()["status"] == "paused" and paused.json()["version"] == 2
    assert paused.json()["status_reason"] == "Inhaber bis März im Urlaub"

    move = hagen_api.post(
        f"{URL}/{acquisition.pk}/stage", {"stage": "counselled"}, content_type=JSON
    )
    assert move.status_code == 400 and _codes(move) == ["not_active"]
    stale = hagen_api.post(url, {"version": 1, "status": "active"}, content_type=JSON)
    assert stale.status_code == 409 and stale.json()["current_version"] == 2
    active = hagen_api.post(url, {"version": 2, "status": "active"}, content_type=JSON)
    assert active.status_code == 200
    assert active.json()["status"] == "active" and active.json()["status_reason"] == ""


# --- Activities --------------------------------------------------------------------------


def test_log_an_activity_with_its_next_step(hagen_api, acquisition, hagen_counsellor):
    url = f"{URL}/{acquisition.pk}/activities"
    due = TODAY + datetime.timedelta(days=7)
    created = hagen_api.post(
        url,
        {
            "kind": "visit",
            "outcome": "Inhaber offen für eine EQ",
            "next_step": "Infomaterial zur EQ vorbeibringen",
            "next_step_due_on": due.isoformat(),
        },
        content_type=JSON,
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["date"] == TODAY.isoformat() and body["by_id"] == hagen_counsellor.pk
    assert body["acquisition_id"] == acquisition.pk and body["next_step_done_on"] is None
    assert hagen_api.get(f"/api/v1/companies/activities/{body['id']}").json() == body
    # Any contact moves an identified company on to "contacted".
    detail = hagen_api.get(f"{URL}/{acquisition.pk}").json()
    assert detail["stage"] == "contacted" and detail["activities_count"] == 1
    assert detail["next_step_due_on"] == due.isoformat()

    ActivityFactory(acquisition=acquisition, date=TODAY - datetime.timedelta(days=3))
    listed = hagen_api.get(url).json()
    assert listed["count"] == 2 and listed["items"][0]["id"] == body["id"]

    done_url = f"/api/v1/companies/activities/{body['id']}/done"
    done = hagen_api.post(done_url)
    assert done.status_code == 200 and done.json()["next_step_done_on"] == TODAY.isoformat()
    again = hagen_api.post(done_url)
    assert again.status_code == 400 and _codes(again) == ["no_open_step"]


def test_activity_input_is_validated(hagen_api, acquisition):
    url = f"{URL}/{acquisition.pk}/activities"
    tomorrow = (TODAY + datetime.timedelta(days=1)).isoformat()
    cases = [
        ({}, "kind"),
        ({"kind": "fax"}, "kind"),
        ({"kind": "call", "date": tomorrow}, "date"),
        ({"kind": "call", "next_step": "Anrufen"}, "next_step_due_on"),
        ({"kind": "call", "next_step_due_on": tomorrow}, "next_step"),
        (
            {
                "kind": "call",
                "date": (TODAY - datetime.timedelta(days=2)).isoformat(),
                "next_step": "Anrufen",
                "next_step_due_on": (TODAY - datetime.timedelta(days=3)).isoformat(),
            },
            "next_step_due_on",
        ),
    ]
    for payload, field in cases:
        response = hagen_api.post(url, payload, content_type=JSON)
        assert response.status_code == 400, payload
        assert field in response.json()["errors"], (payload, response.json())
    with scopes_disabled():
        assert not Activity.objects.exists()


# --- Analytics ---------------------------------------------------------------------------


def test_channel_analytics_per_channel_and_recommender(hagen_api, hagen, hagen_counsellor, mso):
    AcquisitionFactory(company__office=hagen, counsellor=hagen_counsellor)  # a cold call
    recommended = hagen_api.post(
        URL,
        {
            "company": OrganisationFactory(office=hagen, name="Autohaus Yılmaz").pk,
            "channel": "recommendation",
            "recommended_by_organisation": mso.pk,
        },
        content_type=JSON,
    ).json()
    hagen_api.post(
        f"{URL}/{recommended['id']}/stage", {"stage": "offers_places"}, content_type=JSON
    )
    with scopes_disabled():
        company = Acquisition.objects.get(pk=recommended["id"]).company
    place = PlaceFactory(office=hagen, company=company, seats=2)
    PlacementFactory(place=place, status="accepted")
    PlacementFactory(place=place, status="suggested")

    response = hagen_api.get(
        "/api/v1/companies/analytics",
        {"start": (TODAY - datetime.timedelta(days=30)).isoformat(), "end": TODAY.isoformat()},
    )
    assert response.status_code == 200, response.content
    report = response.json()
    channels = {row["channel"]: row for row in report["channels"]}
    assert set(channels) == {"cold_call", "outreach_visit", "recommendation"}
    assert channels["cold_call"]["companies"] == 1 and channels["cold_call"]["places_offered"] == 0
    assert channels["cold_call"]["label"] == "cold call (Kaltakquise)"
    row = channels["recommendation"]
    assert row["companies"] == 1 and row["reached"]["offers_places"] == 1
    assert row["rates"]["offers_places"] == 1.0 and row["rates"]["trains"] == 0.0
    assert row["places_offered"] == 2 and row["places_filled"] == 1 and row["fill_rate"] == 0.5
    assert channels["outreach_visit"]["companies"] == 0
    assert channels["outreach_visit"]["rates"]["identified"] is None
    assert [(r["label"], r["places_filled"]) for r in report["recommenders"]] == [(mso.name, 1)]


def test_analytics_period_defaults_and_validation(hagen_api):
    default = hagen_api.get("/api/v1/companies/analytics").json()
    assert default["start"] == f"{TODAY.year}-01-01" and default["end"] == f"{TODAY.year}-12-31"
    reversed_period = hagen_api.get(
        "/api/v1/companies/analytics", {"start": "2026-06-01", "end": "2026-01-01"}
    )
    assert reversed_period.status_code == 400 and "end" in reversed_period.json()["errors"]
    malformed = hagen_api.get("/api/v1/companies/analytics", {"start": "31.02.2026"})
    assert malformed.status_code == 400


# --- Scoping, roles, documentation -------------------------------------------------------


def test_another_office_gets_404_for_every_id(hagen, osnabrueck_counsellor, acquisition):
    activity = ActivityFactory(acquisition=acquisition)
    client = _api(osnabrueck_counsellor, "osnabrueck")
    reads = [
        f"{URL}/{acquisition.pk}",
        f"{URL}/{acquisition.pk}/activities",
        f"/api/v1/companies/activities/{activity.pk}",
    ]
    for url in reads:
        assert client.get(url).status_code == 404, url
    writes = [
        ("patch", f"{URL}/{acquisition.pk}", {"version": 1, "notes": "x"}),
        ("post", f"{URL}/{acquisition.pk}/stage", {"stage": "trains"}),
        ("post", f"{URL}/{acquisition.pk}/status", {"version": 1, "status": "active"}),
        ("post", f"{URL}/{acquisition.pk}/activities", {"kind": "call"}),
        ("post", f"/api/v1/companies/activities/{activity.pk}/done", {}),
    ]
    for method, url, payload in writes:
        response = getattr(client, method)(url, payload, content_type=JSON)
        assert response.status_code == 404, (method, url)
    started = client.post(
        URL, {"company": acquisition.company_id, "channel": "cold_call"}, content_type=JSON
    )
    assert started.status_code == 400 and "company" in started.json()["errors"]
    assert client.get(URL).json()["count"] == 0
    analytics = client.get("/api/v1/companies/analytics").json()
    assert sum(row["companies"] for row in analytics["channels"]) == 0
    acquisition.refresh_from_db()
    activity.refresh_from_db()
    assert acquisition.version == 1 and acquisition.stage == "identified"
    assert activity.next_step_done_on is None
    with scopes_disabled():
        assert not StageChange.objects.filter(acquisition=acquisition, stage="trains").exists()


def test_a_guide_token_is_refused(hagen_guide, acquisition, company):
    client = _api(hagen_guide)
    assert client.get(URL).status_code == 403
    assert client.get(f"{URL}/{acquisition.pk}").status_code == 403
    assert client.get("/api/v1/companies/analytics").status_code == 403
    response = client.post(
        f"{URL}/{acquisition.pk}/activities", {"kind": "call"}, content_type=JSON
    )
    assert response.status_code == 403 and "personal records" in response.json()["detail"]


def test_openapi_document_lists_the_company_paths(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    expected = {
        "/api/v1/companies/acquisitions": {"get", "post"},
        "/api/v1/companies/acquisitions/{acquisition_id}": {"get", "patch"},
        "/api/v1/companies/acquisitions/{acquisition_id}/stage": {"post"},
        "/api/v1/companies/acquisitions/{acquisition_id}/status": {"post"},
        "/api/v1/companies/acquisitions/{acquisition_id}/activities": {"get", "post"},
        "/api/v1/companies/activities/{activity_id}": {"get"},
        "/api/v1/companies/activities/{activity_id}/done": {"post"},
        "/api/v1/companies/analytics": {"get"},
    }
    for path, methods in expected.items():
        assert path in paths, path
        assert set(paths[path]) == methods, path
    assert "409" in paths["/api/v1/companies/acquisitions/{acquisition_id}"]["patch"]["responses"]
    parameters = paths["/api/v1/companies/acquisitions"]["get"]["parameters"]
    stage = next(p for p in parameters if p["name"] == "stage")
    assert stage["schema"]["anyOf"][0]["enum"] == Stage.values
    channel = next(p for p in parameters if p["name"] == "channel")
    assert sorted(channel["schema"]["anyOf"][0]["enum"]) == sorted(Channel.values)
