"""The cases API: open, read, change (optimistic locking), close; consultations, referrals
(consent), outcomes; office scoping and roles."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_scopes import scopes_disabled

from lotse.accounts.models import ApiToken
from lotse.cases.models import Case, NextStep, Referral, TargetGroup, Topic
from lotse.factories import (
    CaseFactory,
    ConsentFactory,
    ConsultationFactory,
    InstitutionFactory,
    OrganisationFactory,
    OutcomeFactory,
    PersonFactory,
    ReferralFactory,
)

TODAY = datetime.date.today()
JSON = "application/json"


def _api(user, office_slug="hagen") -> Client:
    client = Client()
    membership = user.memberships.get(office__slug=office_slug)
    _token, key = ApiToken.objects.issue(membership, "test")
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {key}"
    return client


@pytest.fixture
def hagen_api(hagen_counsellor):
    return _api(hagen_counsellor)


@pytest.fixture
def olena(hagen):
    return PersonFactory(office=hagen, given_names="Olena", family_name="Kovalenko")


@pytest.fixture
def olenas_case(olena, hagen_counsellor):
    return CaseFactory(person=olena, counsellor=hagen_counsellor)


@pytest.fixture
def agentur(hagen):
    return InstitutionFactory(office=hagen, name="Agentur für Arbeit Hagen")


def _codes(response, field="__all__"):
    return [error["code"] for error in response.json()["errors"][field]]


# --- Cases -------------------------------------------------------------------------------


def test_open_a_case_and_read_it(hagen_api, olena, hagen_counsellor):
    created = hagen_api.post(
        "/api/v1/cases/",
        {"person": olena.pk, "target_group": "young_refugee", "notes": "Kam über die Schule"},
        content_type=JSON,
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["person_id"] == olena.pk and body["person_name"] == "Olena Kovalenko"
    assert body["counsellor_id"] == hagen_counsellor.pk  # the token's user by default
    assert body["opened_on"] == TODAY.isoformat() and body["closed_on"] is None
    assert body["status"] == "open" and body["version"] == 1
    assert body["consultations_count"] == 0 and body["last_consultation_on"] is None
    read = hagen_api.get(f"/api/v1/cases/{body['id']}").json()
    assert read == body


def test_a_second_open_case_for_the_same_person_is_refused(hagen_api, olenas_case, olena):
    response = hagen_api.post(
        "/api/v1/cases/",
        {"person": olena.pk, "target_group": "young_person"},
        content_type=JSON,
    )
    assert response.status_code == 400
    assert response.json()["detail"] == "Invalid input."
    assert _codes(response) == ["open_case_exists"]
    with scopes_disabled():
        assert Case.objects.filter(person=olena).count() == 1


def test_opening_a_case_validates_like_the_page(hagen_api, osnabrueck, olena):
    stranger = PersonFactory(office=osnabrueck)
    cases = [
        ({"target_group": "young_person"}, "person"),
        ({"person": stranger.pk, "target_group": "young_person"}, "person"),
        ({"person": olena.pk, "target_group": "pensioner"}, "target_group"),
        ({"person": olena.pk}, "target_group"),
        (
            {
                "person": olena.pk,
                "target_group": "parent",
                "opened_on": (TODAY + datetime.timedelta(days=1)).isoformat(),
            },
            "opened_on",
        ),
    ]
    for payload, field in cases:
        response = hagen_api.post("/api/v1/cases/", payload, content_type=JSON)
        assert response.status_code == 400, payload
        assert field in response.json()["errors"], (payload, response.json())
    malformed = hagen_api.post(
        "/api/v1/cases/", {"person": olena.pk, "opened_on": "31.02.2026"}, content_type=JSON
    )
    assert malformed.status_code == 400 and "opened_on" in malformed.json()["errors"]


def test_list_is_paged_filtered_and_scoped(hagen_api, hagen, osnabrueck, hagen_counsellor):
    hagen_colleague = CaseFactory(person__office=hagen).counsellor
    for _number in range(27):
        CaseFactory(person__office=hagen, counsellor=hagen_counsellor)
    parent_case = CaseFactory(
        person__office=hagen, counsellor=hagen_counsellor, target_group=TargetGroup.PARENT
    )
    closed = CaseFactory(
        person__office=hagen,
        counsellor=hagen_counsellor,
        status="closed",
        closed_on=TODAY,
        closing_reason="Umzug",
    )
    CaseFactory(person__office=osnabrueck)

    page = hagen_api.get("/api/v1/cases/").json()
    assert page["count"] == 30 and len(page["items"]) == 25
    second = hagen_api.get("/api/v1/cases/", {"page": 2}).json()
    assert len(second["items"]) == 5

    def ids(**params):
        return {item["id"] for item in hagen_api.get("/api/v1/cases/", params).json()["items"]}

    assert ids(status="closed") == {closed.pk}
    assert ids(target_group="parent") == {parent_case.pk}
    assert ids(person=parent_case.person_id) == {parent_case.pk}
    assert len(ids(counsellor=hagen_colleague.pk)) == 1
    assert hagen_api.get("/api/v1/cases/", {"status": "lost"}).status_code == 400


def test_the_filter_values_are_the_target_groups(client, db):
    document = client.get("/api/v1/openapi.json").json()
    parameters = document["paths"]["/api/v1/cases/"]["get"]["parameters"]
    target_group = next(p for p in parameters if p["name"] == "target_group")
    assert sorted(target_group["schema"]["anyOf"][0]["enum"]) == sorted(TargetGroup.values)


def test_list_query_count_does_not_grow(hagen_api, hagen, hagen_counsellor):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert hagen_api.get("/api/v1/cases/").status_code == 200
        return len(queries)

    CaseFactory(person__office=hagen, counsellor=hagen_counsellor)
    few = count_queries()
    for _number in range(10):
        CaseFactory(person__office=hagen)
    assert count_queries() == few


def test_update_needs_the_version(hagen_api, olenas_case):
    response = hagen_api.patch(
        f"/api/v1/cases/{olenas_case.pk}", {"notes": "ohne Version"}, content_type=JSON
    )
    assert response.status_code == 400 and "version" in response.json()["errors"]
    olenas_case.refresh_from_db()
    assert olenas_case.notes == "" and olenas_case.version == 1


def test_update_keeps_what_it_is_not_sent(hagen_api, olenas_case, hagen_colleague):
    response = hagen_api.patch(
        f"/api/v1/cases/{olenas_case.pk}",
        {"version": 1, "counsellor": hagen_colleague.pk, "short_contact": True},
        content_type=JSON,
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["version"] == 2 and body["counsellor_id"] == hagen_colleague.pk
    assert body["short_contact"] is True
    assert body["target_group"] == "young_person"
    assert body["opened_on"] == olenas_case.opened_on.isoformat()


def test_two_changes_from_the_same_version_the_second_gets_409(hagen_api, olenas_case):
    url = f"/api/v1/cases/{olenas_case.pk}"
    first = hagen_api.patch(
        url, {"version": 1, "notes": "Praktikum bei Rezaie vereinbart"}, content_type=JSON
    )
    assert first.status_code == 200 and first.json()["version"] == 2
    second = hagen_api.patch(
        url, {"version": 1, "notes": "Sprachkurs B1 angefragt"}, content_type=JSON
    )
    assert second.status_code == 409
    conflict = second.json()
    assert "version 1" in conflict["detail"] and "version 2" in conflict["detail"]
    assert conflict["current_version"] == 2
    assert [error["code"] for error in conflict["errors"]["version"]] == ["concurrent_edit"]
    # Nothing is lost: the first change stands, and the second can be sent again.
    current = hagen_api.get(url).json()
    assert current["notes"] == "Praktikum bei Rezaie vereinbart" and current["version"] == 2
    retry = hagen_api.patch(
        url,
        {"version": 2, "notes": current["notes"] + "; Sprachkurs B1 angefragt"},
        content_type=JSON,
    )
    assert retry.status_code == 200 and retry.json()["version"] == 3
    assert retry.json()["notes"] == "Praktikum bei Rezaie vereinbart; Sprachkurs B1 angefragt"


def test_closing_needs_an_outcome_or_a_reason(hagen_api, olenas_case):
    url = f"/api/v1/cases/{olenas_case.pk}/close"
    missing = hagen_api.post(url, {"version": 1}, content_type=JSON)
    assert missing.status_code == 400 and _codes(missing) == ["outcome_or_reason"]
    no_version = hagen_api.post(url, {"reason": "Umzug"}, content_type=JSON)
    assert no_version.status_code == 400 and "version" in no_version.json()["errors"]
    before_opening = hagen_api.post(
        url,
        {"version": 1, "reason": "Umzug", "closed_on": "2000-01-01"},
        content_type=JSON,
    )
    assert before_opening.status_code == 400 and "__all__" in before_opening.json()["errors"]

    closed = hagen_api.post(url, {"version": 1, "reason": "Umzug nach Dortmund"}, content_type=JSON)
    assert closed.status_code == 200, closed.content
    body = closed.json()
    assert body["status"] == "closed" and body["closed_on"] == TODAY.isoformat()
    assert body["closing_reason"] == "Umzug nach Dortmund" and body["version"] == 2
    stale = hagen_api.post(url, {"version": 1, "reason": "nochmal"}, content_type=JSON)
    assert stale.status_code == 409 and stale.json()["current_version"] == 2
    again = hagen_api.post(url, {"version": 2, "reason": "nochmal"}, content_type=JSON)
    assert again.status_code == 400


def test_an_outcome_then_closing_without_a_reason(hagen_api, olenas_case, hagen):
    company = OrganisationFactory(office=hagen, name="Bodenbeläge Rezaie")
    recorded = hagen_api.post(
        f"/api/v1/cases/{olenas_case.pk}/outcomes",
        {"kind": "apprenticeship", "organisation": company.pk, "occupation": "Bodenlegerin"},
        content_type=JSON,
    )
    assert recorded.status_code == 201, recorded.content
    outcome = recorded.json()
    assert outcome["date"] == TODAY.isoformat() and outcome["organisation_id"] == company.pk
    assert hagen_api.get(f"/api/v1/cases/outcomes/{outcome['id']}").json() == outcome
    listed = hagen_api.get(f"/api/v1/cases/{olenas_case.pk}/outcomes").json()
    assert [item["id"] for item in listed["items"]] == [outcome["id"]]
    assert hagen_api.get(f"/api/v1/cases/{olenas_case.pk}").json()["outcomes_count"] == 1

    closed = hagen_api.post(
        f"/api/v1/cases/{olenas_case.pk}/close", {"version": 1}, content_type=JSON
    )
    assert closed.status_code == 200 and closed.json()["status"] == "closed"


def test_outcome_input_is_validated(hagen_api, olenas_case, osnabrueck):
    url = f"/api/v1/cases/{olenas_case.pk}/outcomes"
    assert "kind" in hagen_api.post(url, {}, content_type=JSON).json()["errors"]
    elsewhere = OrganisationFactory(office=osnabrueck)
    response = hagen_api.post(
        url, {"kind": "work", "organisation": elsewhere.pk}, content_type=JSON
    )
    assert response.status_code == 400 and "organisation" in response.json()["errors"]


# --- Consultations -----------------------------------------------------------------------


def test_record_and_read_a_consultation(hagen_api, olenas_case, hagen_counsellor):
    with scopes_disabled():
        topics = list(Topic.objects.filter(office__isnull=True).order_by("position")[:2])
    url = f"/api/v1/cases/{olenas_case.pk}/consultations"
    due = TODAY + datetime.timedelta(days=7)
    created = hagen_api.post(
        url,
        {
            "channel": "phone",
            "duration_minutes": 45,
            "language": "uk",
            "interpreter_present": True,
            "topics": [topic.pk for topic in topics],
            "notes": "Lebenslauf besprochen",
            "next_step": "Zeugnisse übersetzen lassen",
            "next_step_due_on": due.isoformat(),
        },
        content_type=JSON,
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["date"] == TODAY.isoformat() and body["language"] == "uk"
    assert [topic["id"] for topic in body["topics"]] == [topic.pk for topic in topics]
    assert body["counsellor_id"] == hagen_counsellor.pk and body["case_id"] == olenas_case.pk
    assert [(s["description"], s["due_on"]) for s in body["next_steps"]] == [
        ("Zeugnisse übersetzen lassen", due.isoformat())
    ]
    with scopes_disabled():
        step = NextStep.objects.get(case=olenas_case)
        assert step.assigned_to == hagen_counsellor

    assert hagen_api.get(f"/api/v1/cases/consultations/{body['id']}").json() == body
    ConsultationFactory(case=olenas_case, date=TODAY - datetime.timedelta(days=3))
    listed = hagen_api.get(url).json()
    assert listed["count"] == 2 and listed["items"][0]["id"] == body["id"]
    case = hagen_api.get(f"/api/v1/cases/{olenas_case.pk}").json()
    assert case["consultations_count"] == 2 and case["open_next_steps_count"] == 1
    assert case["last_consultation_on"] == TODAY.isoformat()


def test_consultation_input_is_validated(hagen_api, olenas_case):
    url = f"/api/v1/cases/{olenas_case.pk}/consultations"
    cases = [
        ({}, "channel"),
        ({"channel": "carrier_pigeon"}, "channel"),
        ({"channel": "phone", "language": "xx"}, "language"),
        ({"channel": "phone", "topics": [999999]}, "topics"),
        ({"channel": "phone", "next_step": "Anrufen"}, "next_step_due_on"),
        ({"channel": "phone", "date": "2000-01-01"}, "date"),  # before the case was opened
    ]
    for payload, field in cases:
        response = hagen_api.post(url, payload, content_type=JSON)
        assert response.status_code == 400, payload
        assert field in response.json()["errors"], (payload, response.json())
    assert hagen_api.get(url).json()["count"] == 0


def test_no_consultation_on_a_closed_case(hagen_api, hagen):
    closed = CaseFactory(person__office=hagen, status="closed", closed_on=TODAY)
    response = hagen_api.post(
        f"/api/v1/cases/{closed.pk}/consultations", {"channel": "phone"}, content_type=JSON
    )
    assert response.status_code == 400 and "__all__" in response.json()["errors"]


# --- Referrals ---------------------------------------------------------------------------


def test_a_referral_sharing_data_needs_consent(hagen_api, olenas_case, olena, agentur):
    url = f"/api/v1/cases/{olenas_case.pk}/referrals"
    payload = {
        "institution": agentur.pk,
        "reason": "Berufsberatung",
        "shared_information": "Lebenslauf, Zeugnisse",
    }
    refused = hagen_api.post(url, payload, content_type=JSON)
    assert refused.status_code == 400
    assert _codes(refused) == ["consent"]
    assert "Olena Kovalenko" in refused.json()["errors"]["__all__"][0]["message"]
    with scopes_disabled():
        assert not Referral.objects.exists()

    consent = ConsentFactory(person=olena)
    accepted = hagen_api.post(url, payload, content_type=JSON)
    assert accepted.status_code == 201, accepted.content
    body = accepted.json()
    assert body["consent_id"] == consent.pk and body["shares_personal_data"] is True
    assert body["status"] == "sent" and body["sent_on"] == TODAY.isoformat()
    assert body["institution_name"] == "Agentur für Arbeit Hagen"
    assert hagen_api.get(f"/api/v1/cases/referrals/{body['id']}").json() == body
    assert hagen_api.get(url).json()["count"] == 1


def test_a_referral_without_personal_data_needs_no_consent(hagen_api, olenas_case, agentur):
    response = hagen_api.post(
        f"/api/v1/cases/{olenas_case.pk}/referrals",
        {
            "institution": agentur.pk,
            "reason": "Hinweis auf die Sprechstunde",
            "shares_personal_data": False,
            "status": "planned",
            "follow_up_on": (TODAY + datetime.timedelta(days=14)).isoformat(),
        },
        content_type=JSON,
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["consent_id"] is None and body["status"] == "planned" and body["sent_on"] is None


def test_a_withdrawn_consent_does_not_count(hagen_api, olenas_case, olena, agentur):
    ConsentFactory(
        person=olena,
        given_on=TODAY - datetime.timedelta(days=30),
        withdrawn_on=TODAY - datetime.timedelta(days=1),
    )
    response = hagen_api.post(
        f"/api/v1/cases/{olenas_case.pk}/referrals",
        {"institution": agentur.pk, "reason": "Jobcenter"},
        content_type=JSON,
    )
    assert response.status_code == 400 and _codes(response) == ["consent"]


def test_referral_input_is_validated(hagen_api, olenas_case, hagen, osnabrueck):
    url = f"/api/v1/cases/{olenas_case.pk}/referrals"
    company = OrganisationFactory(office=hagen)
    elsewhere = InstitutionFactory(office=osnabrueck)
    agentur = InstitutionFactory(office=hagen)
    cases = [
        ({"reason": "x", "shares_personal_data": False}, "institution"),
        ({"institution": company.pk, "reason": "x", "shares_personal_data": False}, "institution"),
        (
            {"institution": elsewhere.pk, "reason": "x", "shares_personal_data": False},
            "institution",
        ),
        ({"institution": agentur.pk, "shares_personal_data": False}, "reason"),
        (
            {
                "institution": agentur.pk,
                "reason": "x",
                "shares_personal_data": False,
                "status": "completed",
            },
            "status",
        ),
    ]
    for payload, field in cases:
        response = hagen_api.post(url, payload, content_type=JSON)
        assert response.status_code == 400, payload
        assert field in response.json()["errors"], (payload, response.json())


def test_referral_progress(hagen_api, olenas_case):
    referral = ReferralFactory(case=olenas_case)
    url = f"/api/v1/cases/referrals/{referral.pk}"
    follow_up = (TODAY + datetime.timedelta(days=10)).isoformat()
    only_date = hagen_api.patch(url, {"follow_up_on": follow_up}, content_type=JSON)
    assert only_date.status_code == 200, only_date.content
    assert only_date.json()["status"] == "sent" and only_date.json()["follow_up_on"] == follow_up

    declined = hagen_api.patch(url, {"status": "declined"}, content_type=JSON)
    assert declined.status_code == 400 and "declined_reason" in declined.json()["errors"]

    accepted = hagen_api.patch(
        url, {"status": "accepted", "feedback": "Termin am Montag"}, content_type=JSON
    )
    assert accepted.status_code == 200
    body = accepted.json()
    assert body["status"] == "accepted" and body["feedback_on"] == TODAY.isoformat()
    assert body["feedback"] == "Termin am Montag" and body["follow_up_on"] == follow_up

    impossible = hagen_api.patch(url, {"status": "planned"}, content_type=JSON)
    assert impossible.status_code == 400 and _codes(impossible) == ["transition"]
    unknown = hagen_api.patch(url, {"status": "lost"}, content_type=JSON)
    assert unknown.status_code == 400 and "status" in unknown.json()["errors"]
    referral.refresh_from_db()
    assert referral.status == "accepted"


def test_a_declined_referral_keeps_its_reason_on_later_changes(hagen_api, olenas_case):
    referral = ReferralFactory(case=olenas_case)
    url = f"/api/v1/cases/referrals/{referral.pk}"
    declined = hagen_api.patch(
        url, {"status": "declined", "declined_reason": "Nicht zuständig"}, content_type=JSON
    )
    assert declined.status_code == 200, declined.content
    later = hagen_api.patch(url, {"feedback": "Rückruf vom Jobcenter"}, content_type=JSON)
    assert later.status_code == 200, later.content
    body = later.json()
    assert (
        body["declined_reason"] == "Nicht zuständig" and body["feedback"] == "Rückruf vom Jobcenter"
    )


# --- Scoping, roles, documentation -------------------------------------------------------


def test_another_office_gets_404_for_every_id(hagen, osnabrueck_counsellor, hagen_counsellor):
    case = CaseFactory(person__office=hagen, counsellor=hagen_counsellor)
    consultation = ConsultationFactory(case=case)
    referral = ReferralFactory(case=case)
    outcome = OutcomeFactory(case=case)
    client = _api(osnabrueck_counsellor, "osnabrueck")
    reads = [
        f"/api/v1/cases/{case.pk}",
        f"/api/v1/cases/{case.pk}/consultations",
        f"/api/v1/cases/{case.pk}/referrals",
        f"/api/v1/cases/{case.pk}/outcomes",
        f"/api/v1/cases/consultations/{consultation.pk}",
        f"/api/v1/cases/referrals/{referral.pk}",
        f"/api/v1/cases/outcomes/{outcome.pk}",
    ]
    for url in reads:
        assert client.get(url).status_code == 404, url
    writes = [
        ("patch", f"/api/v1/cases/{case.pk}", {"version": 1, "notes": "x"}),
        ("post", f"/api/v1/cases/{case.pk}/close", {"version": 1, "reason": "x"}),
        ("post", f"/api/v1/cases/{case.pk}/consultations", {"channel": "phone"}),
        ("post", f"/api/v1/cases/{case.pk}/referrals", {"reason": "x"}),
        ("post", f"/api/v1/cases/{case.pk}/outcomes", {"kind": "work"}),
        ("patch", f"/api/v1/cases/referrals/{referral.pk}", {"status": "accepted"}),
    ]
    for method, url, payload in writes:
        response = getattr(client, method)(url, payload, content_type=JSON)
        assert response.status_code == 404, (method, url)
    opened = client.post(
        "/api/v1/cases/", {"person": case.person_id, "target_group": "parent"}, content_type=JSON
    )
    assert opened.status_code == 400 and "person" in opened.json()["errors"]
    assert client.get("/api/v1/cases/").json()["count"] == 0
    case.refresh_from_db()
    referral.refresh_from_db()
    assert case.version == 1 and case.status == "open" and referral.status == "sent"


def test_a_guide_token_is_refused(hagen_guide, olenas_case):
    client = _api(hagen_guide)
    assert client.get("/api/v1/cases/").status_code == 403
    assert client.get(f"/api/v1/cases/{olenas_case.pk}").status_code == 403
    response = client.post(
        f"/api/v1/cases/{olenas_case.pk}/consultations", {"channel": "phone"}, content_type=JSON
    )
    assert response.status_code == 403
    assert "personal records" in response.json()["detail"]


def test_topics_are_the_offices_catalogue(hagen_api, hagen, osnabrueck):
    with scopes_disabled():
        Topic.objects.create(name="Hagener Thema", office=hagen)
        Topic.objects.create(name="Osnabrücker Thema", office=osnabrueck)
        shipped = Topic.objects.filter(office__isnull=True, active=True).count()
    topics = hagen_api.get("/api/v1/cases/topics").json()
    names = [topic["name"] for topic in topics]
    assert len(topics) == shipped + 1
    assert "Hagener Thema" in names and "Osnabrücker Thema" not in names


def test_openapi_document_lists_the_case_paths(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in [
        "/api/v1/cases/",
        "/api/v1/cases/topics",
        "/api/v1/cases/{case_id}",
        "/api/v1/cases/{case_id}/close",
        "/api/v1/cases/{case_id}/consultations",
        "/api/v1/cases/consultations/{consultation_id}",
        "/api/v1/cases/{case_id}/referrals",
        "/api/v1/cases/referrals/{referral_id}",
        "/api/v1/cases/{case_id}/outcomes",
        "/api/v1/cases/outcomes/{outcome_id}",
    ]:
        assert path in paths, path
    assert set(paths["/api/v1/cases/{case_id}"]) == {"get", "patch"}
    assert "409" in paths["/api/v1/cases/{case_id}"]["patch"]["responses"]
