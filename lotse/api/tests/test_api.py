import pytest
from django_scopes import scopes_disabled

from lotse.accounts.models import ApiToken
from lotse.factories import OrganisationFactory, PersonFactory
from lotse.people.models import Person


@pytest.fixture
def hagen_api(client, hagen_counsellor):
    _token, key = ApiToken.objects.issue(hagen_counsellor.memberships.get(), "test")
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {key}"
    return client


def test_listing_is_paged_searchable_and_scoped(hagen_api, hagen, osnabrueck):
    for number in range(30):
        PersonFactory(office=hagen, given_names="Tesfay", family_name=f"Haile{number:02d}")
    PersonFactory(office=hagen, given_names="Muhammad", family_name="Al-Hassan")
    PersonFactory(office=osnabrueck, given_names="Mohammed", family_name="Osnabrücker")
    page = hagen_api.get("/api/v1/people/").json()
    assert page["count"] == 31 and len(page["items"]) == 25
    found = hagen_api.get("/api/v1/people/", {"q": "mohammed"}).json()
    assert [p["family_name"] for p in found["items"]] == ["Al-Hassan"]


def test_create_read_update(hagen_api, hagen):
    created = hagen_api.post(
        "/api/v1/people/",
        {
            "given_names": "Olena",
            "family_name": "Kovalenko",
            "family_name_original": "Коваленко",
            "birth_date": "03.2008",
            "gender": "female",
            "kinds": ["young_person"],
            "languages": ["uk", "ru"],
        },
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["birth_date"] == "03.2008" and sorted(body["languages"]) == ["ru", "uk"]
    with scopes_disabled():
        assert Person.objects.get(pk=body["id"]).office == hagen
    changed = hagen_api.patch(
        f"/api/v1/people/{body['id']}", {"town": "Hagen"}, content_type="application/json"
    )
    assert changed.status_code == 200
    read = hagen_api.get(f"/api/v1/people/{body['id']}").json()
    assert read["town"] == "Hagen" and read["family_name_original"] == "Коваленко"
    assert sorted(read["languages"]) == ["ru", "uk"]  # untouched by the partial update


def test_invalid_input_answers_400_with_field_errors(hagen_api):
    response = hagen_api.post(
        "/api/v1/people/",
        {
            "given_names": "",
            "family_name": "X",
            "birth_date": "31.02.2007",
            "email": "nope",
            "languages": ["xx"],
        },
        content_type="application/json",
    )
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert {"given_names", "birth_date", "email", "languages"} <= set(errors)
    wrong_type = hagen_api.post(
        "/api/v1/people/", {"kinds": "parent"}, content_type="application/json"
    )
    assert wrong_type.status_code == 400


def test_another_offices_token_gets_404(client, hagen, osnabrueck_counsellor):
    person = PersonFactory(office=hagen)
    organisation = OrganisationFactory(office=hagen)
    _token, key = ApiToken.objects.issue(osnabrueck_counsellor.memberships.get(), "test")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    assert client.get(f"/api/v1/people/{person.pk}", **headers).status_code == 404
    assert client.get(f"/api/v1/organisations/{organisation.pk}", **headers).status_code == 404
    patch = client.patch(
        f"/api/v1/people/{person.pk}", {"town": "X"}, content_type="application/json", **headers
    )
    assert patch.status_code == 404


def test_no_or_wrong_token_answers_401(client, db):
    assert client.get("/api/v1/people/").status_code == 401
    wrong = client.get("/api/v1/people/", HTTP_AUTHORIZATION="Bearer lotse_wrong")
    assert wrong.status_code == 401


def test_session_writes_need_csrf(hagen_counsellor):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(hagen_counsellor)
    assert client.get("/api/v1/people/").status_code == 200
    response = client.post(
        "/api/v1/people/", {"given_names": "A", "family_name": "B"}, content_type="application/json"
    )
    assert response.status_code == 403


def test_organisations_api(hagen_api, hagen):
    created = hagen_api.post(
        "/api/v1/organisations/",
        {"name": "Jobcenter Hagen", "kind": "institution", "institution_type": "jobcenter"},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    listed = hagen_api.get("/api/v1/organisations/", {"kind": "institution"}).json()
    assert [o["name"] for o in listed["items"]] == ["Jobcenter Hagen"]
    bad = hagen_api.post(
        "/api/v1/organisations/",
        {"name": "Amt", "kind": "institution"},
        content_type="application/json",
    )
    assert bad.status_code == 400 and "institution_type" in bad.json()["errors"]


def test_openapi_document_is_served(client, db):
    document = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/people/" in document["paths"]
    assert "/api/v1/organisations/{organisation_id}" in document["paths"]


def test_api_changes_are_in_the_history_with_the_tokens_user(hagen_api, hagen, hagen_counsellor):
    from auditlog.models import LogEntry

    person = PersonFactory(office=hagen, family_name="Haile")
    hagen_api.patch(
        f"/api/v1/people/{person.pk}", {"town": "Hagen"}, content_type="application/json"
    )
    entry = LogEntry.objects.get_for_object(person).filter(action=LogEntry.Action.UPDATE).get()
    assert entry.actor == hagen_counsellor
    assert entry.changes_dict["town"] == ["", "Hagen"]
