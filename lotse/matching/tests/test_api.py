"""The matching API: occupations (shared reference data), places, ranked matches with
reasons, placements (reasons from the engine, seats, transitions, the case outcome);
office scoping and roles."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_scopes import scopes_disabled

from lotse.accounts.models import ApiToken
from lotse.cases.models import Outcome
from lotse.companies.models import Stage
from lotse.factories import (
    AcquisitionFactory,
    CaseFactory,
    MatchingProfileFactory,
    OrganisationFactory,
    PersonFactory,
    PlaceFactory,
    PlacementFactory,
)
from lotse.matching.models import Occupation, Place, Placement

TODAY = datetime.date.today()
SOON = TODAY + datetime.timedelta(days=60)
JSON = "application/json"
API = "/api/v1/matching"


def _api(user, office_slug="hagen") -> Client:
    client = Client()
    membership = user.memberships.get(office__slug=office_slug)
    _token, key = ApiToken.objects.issue(membership, "test")
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {key}"
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def occupation(name, kldb_code="25212", **extra):
    return Occupation.objects.create(
        name=name,
        duration_months=36,
        area=extra.pop("area", "hwk"),
        kldb_code=kldb_code,
        source="test",
        source_date=datetime.date(2026, 11, 1),
        **extra,
    )


@pytest.fixture
def hagen_api(hagen_counsellor):
    return _api(hagen_counsellor)


@pytest.fixture
def kfz(db):
    return occupation("Kfz-Mechatroniker (Test)", name_female="Kfz-Mechatronikerin (Test)")


@pytest.fixture
def koch(db):
    return occupation("Koch (Test)", "29302", area="ihk")


@pytest.fixture
def company(hagen):
    return OrganisationFactory(office=hagen, name="Autohaus Yılmaz")


@pytest.fixture
def hadi(hagen):
    return PersonFactory(office=hagen, given_names="Hadi", family_name="Rezaie", postcode="58135")


@pytest.fixture
def profile(hadi, kfz):
    return MatchingProfileFactory(person=hadi, office=hadi.office, wished=[kfz])


@pytest.fixture
def offer(company, kfz):
    return PlaceFactory(office=company.office, company=company, occupation=kfz, kind="eq")


def _codes(response, field="__all__"):
    return [error["code"] for error in response.json()["errors"][field]]


def _place_data(company, occupation, **changes):
    return {
        "kind": "apprenticeship",
        "company": company.pk,
        "occupation": occupation.pk,
        "postcode": "58089",
        "start_date": SOON.isoformat(),
        "duration": "3 Jahre",
        "seats": 2,
        "required_school_certificate": "hauptschule",
        "required_german_level": "B1",
        **changes,
    }


# --- Occupations -------------------------------------------------------------------------


def test_occupations_are_searchable_and_paged(hagen_api, kfz, koch):
    shipped = Occupation.objects.filter(active=True).count()
    occupation("Alter Beruf (Test)", active=False)
    page = hagen_api.get(f"{API}/occupations").json()
    assert page["count"] == shipped and len(page["items"]) == 25

    def names(**params):
        items = hagen_api.get(f"{API}/occupations", params).json()["items"]
        return [item["name"] for item in items]

    assert names(q="mechatronikerin (test)") == ["Kfz-Mechatroniker (Test)"]  # female form
    assert "Koch (Test)" in names(q="293")  # KldB code
    assert "Koch (Test)" not in names(q="293", area="hwk")
    assert names(q="Alter Beruf") == []
    assert names(q="Alter Beruf", include_inactive=True) == ["Alter Beruf (Test)"]
    assert hagen_api.get(f"{API}/occupations", {"area": "moon"}).status_code == 400

    read = hagen_api.get(f"{API}/occupations/{kfz.pk}").json()
    assert read["name_female"] == "Kfz-Mechatronikerin (Test)" and read["kldb_code"] == "25212"
    assert read["duration_months"] == 36 and read["active"] is True
    assert hagen_api.get(f"{API}/occupations/999999").status_code == 404


def test_occupations_are_the_same_for_every_office(osnabrueck_counsellor, kfz, hagen_guide):
    client = _api(osnabrueck_counsellor, "osnabrueck")
    assert client.get(f"{API}/occupations/{kfz.pk}").json()["name"] == kfz.name
    assert client.get(f"{API}/occupations", {"q": "Kfz-Mechatroniker (Test)"}).json()["count"] == 1
    guide = _api(hagen_guide)
    assert guide.get(f"{API}/occupations/{kfz.pk}").status_code == 403


# --- Places ------------------------------------------------------------------------------


def test_add_a_place_located_by_its_postcode(hagen_api, hagen, company, kfz, hagen_counsellor):
    acquisition = AcquisitionFactory(company=company, counsellor=hagen_counsellor)
    created = hagen_api.post(
        f"{API}/places", _place_data(company, kfz, seats=None), content_type=JSON
    )
    assert created.status_code == 400 and "seats" in created.json()["errors"]
    data = _place_data(company, kfz)
    del data["seats"]
    created = hagen_api.post(f"{API}/places", data, content_type=JSON)
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["town"] == "Hagen" and body["postcode"] == "58089"
    assert body["seats"] == 1 and body["seats_taken"] == 0 and body["status"] == "open"
    assert body["company_name"] == "Autohaus Yılmaz"
    assert body["occupation_name"] == "Kfz-Mechatroniker (Test)"
    assert hagen_api.get(f"{API}/places/{body['id']}").json() == body
    with scopes_disabled():
        place = Place.objects.get()
        assert place.office == hagen and place.latitude and place.longitude
    # A company that offers a place has reached "offers places".
    acquisition.refresh_from_db()
    assert acquisition.stage == Stage.OFFERS_PLACES


def test_place_input_is_validated_like_the_page(hagen_api, hagen, osnabrueck, company, kfz):
    mso = OrganisationFactory(office=hagen, kind="migrant_org")
    elsewhere = OrganisationFactory(office=osnabrueck)
    yesterday = (TODAY - datetime.timedelta(days=1)).isoformat()
    cases = [
        (_place_data(company, kfz, postcode="00000"), "postcode"),
        (_place_data(company, kfz, postcode="5813"), "postcode"),
        (_place_data(company, kfz, start_date=yesterday), "start_date"),
        (_place_data(mso, kfz), "company"),
        (_place_data(elsewhere, kfz), "company"),
        ({**_place_data(company, kfz), "occupation": 999999}, "occupation"),
        (_place_data(company, kfz, kind="job"), "kind"),
        (_place_data(company, kfz, seats=0), "seats"),
        (_place_data(company, kfz, required_german_level="D1"), "required_german_level"),
    ]
    for payload, field in cases:
        response = hagen_api.post(f"{API}/places", payload, content_type=JSON)
        assert response.status_code == 400, payload
        assert field in response.json()["errors"], (payload, response.json())
    with scopes_disabled():
        assert not Place.objects.exists()


def test_changing_a_place_keeps_what_is_not_sent(hagen_api, offer):
    url = f"{API}/places/{offer.pk}"
    moved = hagen_api.patch(url, {"postcode": "49088", "seats": 3}, content_type=JSON)
    assert moved.status_code == 200, moved.content
    body = moved.json()
    assert body["town"] == "Osnabrück" and body["seats"] == 3
    assert body["kind"] == "eq" and body["start_date"] == offer.start_date.isoformat()
    PlacementFactory.create_batch(2, place=offer, status="accepted")
    fewer = hagen_api.patch(url, {"seats": 1}, content_type=JSON)
    assert fewer.status_code == 400 and "seats" in fewer.json()["errors"]
    assert hagen_api.get(url).json()["seats_taken"] == 2


def test_the_place_list_filters(hagen_api, hagen, osnabrueck, company, kfz, koch):
    restaurant = OrganisationFactory(office=hagen, name="Restaurant Anatolia")
    eq = PlaceFactory(office=hagen, company=company, occupation=kfz, kind="eq")
    internship = PlaceFactory(office=hagen, company=restaurant, occupation=koch, kind="internship")
    filled = PlaceFactory(office=hagen, company=company, occupation=koch, status="filled")
    PlaceFactory(office=osnabrueck, occupation=kfz)

    def ids(**params):
        response = hagen_api.get(f"{API}/places", params)
        assert response.status_code == 200, response.content
        return {item["id"] for item in response.json()["items"]}

    assert ids() == {eq.pk, internship.pk, filled.pk}
    assert ids(kind="internship") == {internship.pk}
    assert ids(status="filled") == {filled.pk}
    assert ids(status="open") == {eq.pk, internship.pk}
    assert ids(occupation=koch.pk) == {internship.pk, filled.pk}
    assert ids(company=company.pk) == {eq.pk, filled.pk}
    assert ids(q="kfz") == {eq.pk}
    assert hagen_api.get(f"{API}/places", {"status": "lost"}).status_code == 400


def test_place_list_query_count_does_not_grow(hagen_api, hagen, company, kfz):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert hagen_api.get(f"{API}/places").status_code == 200
        return len(queries)

    PlaceFactory(office=hagen, company=company, occupation=kfz)
    few = count_queries()
    for _number in range(5):
        place = PlaceFactory(office=hagen)
        PlacementFactory(place=place, status="accepted")
    assert count_queries() == few


# --- Matches -----------------------------------------------------------------------------


def test_places_for_a_person_ranked_with_reasons(hagen_api, hagen, profile, offer, koch):
    far = PlaceFactory(office=hagen, occupation=koch, postcode="49088")
    full = PlaceFactory(office=hagen, occupation=profile.wished_occupations.first())
    PlacementFactory(place=full, status="accepted")
    response = hagen_api.get(f"{API}/people/{profile.person_id}/places")
    assert response.status_code == 200, response.content
    matches = response.json()
    assert [match["place"]["id"] for match in matches] == [offer.pk, far.pk]  # no free seat
    best = matches[0]
    assert best["score"] == 100 and best["distance_km"] == 0.0
    assert "wished occupation: Kfz-Mechatroniker (Test)" in best["reasons"]
    assert best["warnings"] == []
    assert best["place"]["company_name"] == "Autohaus Yılmaz"
    assert matches[1]["score"] < 100 and matches[1]["warnings"]
    assert any("km from home, more than 25 km" in w for w in matches[1]["warnings"])
    limited = hagen_api.get(f"{API}/people/{profile.person_id}/places", {"limit": 1}).json()
    assert len(limited) == 1
    too_many = hagen_api.get(f"{API}/people/{profile.person_id}/places", {"limit": 500})
    assert too_many.status_code == 400


def test_the_candidates_of_a_place(hagen_api, hagen, profile, offer):
    offer.required_german_level = "B2"
    offer.save()
    other = MatchingProfileFactory(person__office=hagen, person__postcode="49088", wished=[])
    response = hagen_api.get(f"{API}/places/{offer.pk}/candidates")
    assert response.status_code == 200, response.content
    candidates = response.json()
    assert [c["person_id"] for c in candidates] == [profile.person_id, other.person_id]
    first = candidates[0]
    assert first["person_name"] == "Hadi Rezaie" and first["score"] == 94
    assert "German B2 needed, B1 so far" in first["warnings"]
    assert first["distance_km"] == 0.0
    assert candidates[1]["distance_km"] > 100

    offer.status = "withdrawn"
    offer.save()
    assert hagen_api.get(f"{API}/places/{offer.pk}/candidates").json() == []


# --- Placements --------------------------------------------------------------------------


def test_a_suggestion_becomes_a_placement_with_the_engines_reasons(
    hagen_api, profile, offer, hagen_counsellor
):
    case = CaseFactory(person=profile.person, counsellor=hagen_counsellor)
    created = hagen_api.post(
        f"{API}/placements",
        {
            "person": profile.person_id,
            "place": offer.pk,
            "match_reasons": "Vom Client erfunden",
            "status": "started",
        },
        content_type=JSON,
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["status"] == "suggested" and body["case_id"] == case.pk
    assert body["created_by_id"] == hagen_counsellor.pk
    assert body["person_name"] == "Hadi Rezaie" and body["place_kind"] == "eq"
    assert body["match_reasons"].startswith("100 of 100 points\n")
    assert "wished occupation: Kfz-Mechatroniker (Test)" in body["match_reasons"]
    assert "Vom Client erfunden" not in body["match_reasons"]
    assert hagen_api.get(f"{API}/placements/{body['id']}").json() == body

    again = hagen_api.post(
        f"{API}/placements", {"person": profile.person_id, "place": offer.pk}, content_type=JSON
    )
    assert again.status_code == 400 and _codes(again) == ["exists"]
    with scopes_disabled():
        assert Placement.objects.count() == 1

    by_place = hagen_api.get(f"{API}/placements", {"place": offer.pk}).json()
    by_person = hagen_api.get(f"{API}/placements", {"person": profile.person_id}).json()
    assert [p["id"] for p in by_place["items"]] == [p["id"] for p in by_person["items"]]
    assert by_place["count"] == 1
    assert hagen_api.get(f"{API}/placements", {"status": "applied"}).json()["count"] == 0


def test_suggesting_needs_an_open_place_and_both_ids(hagen_api, hagen, hadi, offer):
    missing = hagen_api.post(f"{API}/placements", {"place": offer.pk}, content_type=JSON)
    assert missing.status_code == 400 and "person" in missing.json()["errors"]
    unknown = hagen_api.post(
        f"{API}/placements", {"person": hadi.pk, "place": 999999}, content_type=JSON
    )
    assert unknown.status_code == 400 and "place" in unknown.json()["errors"]
    closed = PlaceFactory(office=hagen, status="withdrawn")
    refused = hagen_api.post(
        f"{API}/placements", {"person": hadi.pk, "place": closed.pk}, content_type=JSON
    )
    assert refused.status_code == 400 and _codes(refused) == ["place_closed"]


def test_a_placement_moves_along_only_the_allowed_way(hagen_api, offer):
    placement = PlacementFactory(place=offer)
    url = f"{API}/placements/{placement.pk}"
    impossible = hagen_api.patch(url, {"status": "started"}, content_type=JSON)
    assert impossible.status_code == 400 and _codes(impossible) == ["transition"]
    assert "cannot become" in impossible.json()["errors"]["__all__"][0]["message"]
    unknown = hagen_api.patch(url, {"status": "hired"}, content_type=JSON)
    assert unknown.status_code == 400 and "status" in unknown.json()["errors"]
    missing = hagen_api.patch(url, {}, content_type=JSON)
    assert missing.status_code == 400 and "status" in missing.json()["errors"]
    future = hagen_api.patch(
        url,
        {"status": "applied", "on": (TODAY + datetime.timedelta(days=1)).isoformat()},
        content_type=JSON,
    )
    assert future.status_code == 400 and "on" in future.json()["errors"]

    applied = hagen_api.patch(url, {"status": "applied"}, content_type=JSON)
    assert applied.status_code == 200, applied.content
    assert applied.json()["status"] == "applied"
    assert applied.json()["status_changed_on"] == TODAY.isoformat()


def test_cancelling_needs_who_and_why(hagen_api, offer):
    placement = PlacementFactory(place=offer, status="applied")
    url = f"{API}/placements/{placement.pk}"
    refused = hagen_api.patch(url, {"status": "cancelled"}, content_type=JSON)
    assert refused.status_code == 400
    assert {"cancelled_by", "cancel_reason"} <= set(refused.json()["errors"])
    cancelled = hagen_api.patch(
        url,
        {
            "status": "cancelled",
            "cancelled_by": "company",
            "cancel_reason": "Betrieb hat jemand anderen genommen",
        },
        content_type=JSON,
    )
    assert cancelled.status_code == 200, cancelled.content
    body = cancelled.json()
    assert body["status"] == "cancelled" and body["cancelled_by"] == "company"
    assert body["cancel_reason"] == "Betrieb hat jemand anderen genommen"
    reopened = hagen_api.patch(url, {"status": "applied"}, content_type=JSON)
    assert reopened.status_code == 400 and _codes(reopened) == ["transition"]


def test_a_full_place_is_refused_and_fills(hagen_api, offer):
    first, second = PlacementFactory.create_batch(2, place=offer, status="interview")
    accepted = hagen_api.patch(
        f"{API}/placements/{first.pk}", {"status": "accepted"}, content_type=JSON
    )
    assert accepted.status_code == 200, accepted.content
    assert hagen_api.get(f"{API}/places/{offer.pk}").json()["status"] == "filled"

    full = hagen_api.patch(
        f"{API}/placements/{second.pk}", {"status": "accepted"}, content_type=JSON
    )
    assert full.status_code == 400 and _codes(full) == ["full"]
    assert "All 1 places are taken." in full.json()["errors"]["__all__"][0]["message"]
    second.refresh_from_db()
    assert second.status == "interview"

    hagen_api.patch(
        f"{API}/placements/{first.pk}",
        {"status": "cancelled", "cancelled_by": "person", "cancel_reason": "umgezogen"},
        content_type=JSON,
    )
    assert hagen_api.get(f"{API}/places/{offer.pk}").json()["status"] == "open"


def test_a_started_apprenticeship_becomes_the_case_outcome(
    hagen_api, hagen, hadi, company, kfz, hagen_counsellor
):
    case = CaseFactory(person=hadi, counsellor=hagen_counsellor)
    acquisition = AcquisitionFactory(
        company=company, counsellor=hagen_counsellor, stage=Stage.OFFERS_PLACES
    )
    apprenticeship = PlaceFactory(
        office=hagen, company=company, occupation=kfz, kind="apprenticeship"
    )
    placement = PlacementFactory(place=apprenticeship, person=hadi, case=case, status="accepted")

    started = hagen_api.patch(
        f"{API}/placements/{placement.pk}", {"status": "started"}, content_type=JSON
    )

    assert started.status_code == 200, started.content
    assert started.json()["status"] == "started"
    with scopes_disabled():
        outcome = Outcome.objects.get(case=case)
    assert outcome.kind == "apprenticeship" and outcome.organisation == company
    assert outcome.occupation == "Kfz-Mechatroniker (Test)" and outcome.date == TODAY
    outcomes = hagen_api.get(f"/api/v1/cases/{case.pk}/outcomes").json()
    assert [item["kind"] for item in outcomes["items"]] == ["apprenticeship"]
    acquisition.refresh_from_db()
    assert acquisition.stage == Stage.TRAINS


# --- Scoping, roles, documentation -------------------------------------------------------


def test_another_office_gets_404_for_every_id(osnabrueck_counsellor, profile, offer):
    placement = PlacementFactory(place=offer, person=profile.person)
    client = _api(osnabrueck_counsellor, "osnabrueck")
    reads = [
        f"{API}/places/{offer.pk}",
        f"{API}/places/{offer.pk}/candidates",
        f"{API}/people/{profile.person_id}/places",
        f"{API}/placements/{placement.pk}",
    ]
    for url in reads:
        assert client.get(url).status_code == 404, url
    writes = [
        ("patch", f"{API}/places/{offer.pk}", {"seats": 5}),
        ("patch", f"{API}/placements/{placement.pk}", {"status": "applied"}),
    ]
    for method, url, payload in writes:
        response = getattr(client, method)(url, payload, content_type=JSON)
        assert response.status_code == 404, (method, url)
    suggested = client.post(
        f"{API}/placements",
        {"person": profile.person_id, "place": offer.pk},
        content_type=JSON,
    )
    assert suggested.status_code == 400
    assert {"person", "place"} <= set(suggested.json()["errors"])
    assert client.get(f"{API}/places").json()["count"] == 0
    assert client.get(f"{API}/placements", {"place": offer.pk}).json()["count"] == 0
    offer.refresh_from_db()
    placement.refresh_from_db()
    assert offer.seats == 1 and placement.status == "suggested"
    with scopes_disabled():
        assert Placement.objects.count() == 1


def test_a_guide_token_is_refused(hagen_guide, profile, offer):
    client = _api(hagen_guide)
    for url in (
        f"{API}/places",
        f"{API}/places/{offer.pk}",
        f"{API}/places/{offer.pk}/candidates",
        f"{API}/people/{profile.person_id}/places",
        f"{API}/placements",
        f"{API}/occupations",
    ):
        assert client.get(url).status_code == 403, url
    response = client.post(
        f"{API}/placements", {"person": profile.person_id, "place": offer.pk}, content_type=JSON
    )
    assert response.status_code == 403 and "personal records" in response.json()["detail"]


def test_openapi_document_lists_the_matching_paths(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    expected = {
        f"{API}/occupations": {"get"},
        f"{API}/occupations/{{occupation_id}}": {"get"},
        f"{API}/places": {"get", "post"},
        f"{API}/places/{{place_id}}": {"get", "patch"},
        f"{API}/places/{{place_id}}/candidates": {"get"},
        f"{API}/people/{{person_id}}/places": {"get"},
        f"{API}/placements": {"get", "post"},
        f"{API}/placements/{{placement_id}}": {"get", "patch"},
    }
    for path, methods in expected.items():
        assert path in paths, path
        assert set(paths[path]) == methods, path
    created = paths[f"{API}/placements"]["post"]["requestBody"]["content"][JSON]["schema"]
    schema_name = created["$ref"].rsplit("/", 1)[-1]
    fields = client.get("/api/v1/openapi.json").json()["components"]["schemas"][schema_name]
    assert set(fields["properties"]) == {"person", "place"}  # no reasons from the client
