"""The guides API: the directory, profiles with their training record, the inquiry log
(a guide's token logs and sees only her own entries) and its summary; scoping and roles."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from django_scopes import scopes_disabled

from lotse.accounts.models import ApiToken, Role
from lotse.cases.models import Topic
from lotse.core.models import Language
from lotse.events import services as event_services
from lotse.events.models import Event, EventKind, RegistrationSource
from lotse.factories import MembershipFactory, OrganisationFactory, PersonFactory, UserFactory
from lotse.guides.models import GuideProfile, Inquiry, TrainingModule, TrainingSeries
from lotse.people.models import Person

JSON = "application/json"
URL = "/api/v1/guides/"
INQUIRIES = "/api/v1/guides/inquiries"
TODAY = timezone.localdate()


def _api(user, office_slug="hagen") -> Client:
    client = Client()
    membership = user.memberships.get(office__slug=office_slug)
    _token, key = ApiToken.objects.issue(membership, "test")
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {key}"
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def make_guide(office, given_names, family_name, *, languages=(), user=None, **extra):
    person = PersonFactory(
        office=office, given_names=given_names, family_name=family_name, is_guide=True
    )
    with scopes_disabled():
        guide = GuideProfile.objects.create(office=office, person=person, user=user, **extra)
        guide.languages.set(Language.objects.filter(code__in=languages))
    return guide


def make_inquiry(guide, **extra) -> Inquiry:
    with scopes_disabled():
        return Inquiry.objects.create(
            office=guide.office, guide=guide, date=extra.pop("date", TODAY), **extra
        )


def shipped_topic(name=None) -> Topic:
    with scopes_disabled():
        topics = Topic.objects.filter(office__isnull=True, active=True)
        return topics.get(name=name) if name else topics.first()


def language(code) -> Language:
    return Language.objects.get(code=code)


@pytest.fixture
def hagen_api(hagen_counsellor):
    return _api(hagen_counsellor)


@pytest.fixture
def hamid(hagen, hagen_guide):
    """The guide with a login ("lotse.hagen"): Dari and Farsi, Afghan families."""
    return make_guide(
        hagen, "Hamid", "Yousefi", languages=["prs", "fa"], user=hagen_guide,
        communities="Afghan families",
    )  # fmt: skip


@pytest.fixture
def senait(hagen):
    """A guide without a login of her own: Tigrinya."""
    return make_guide(hagen, "Senait", "Tesfay", languages=["ti"], communities="Eritrean families")


@pytest.fixture
def mso(hagen):
    return OrganisationFactory(office=hagen, name="Eritreischer Verein Hagen", kind="migrant_org")


# --- Guides ------------------------------------------------------------------------------


def test_add_a_guide_and_read_her_profile(hagen_api, hagen, mso):
    person = PersonFactory(office=hagen, given_names="Senait", family_name="Tesfay")
    login = UserFactory(username="senait.hagen")
    MembershipFactory(user=login, office=hagen, role=Role.GUIDE)
    created = hagen_api.post(
        URL,
        {
            "person": person.pk,
            "user": login.pk,
            "organisation": mso.pk,
            "languages": ["ti", "ar"],
            "communities": "Eritrean families",
            "districts": "Altenhagen, Wehringhausen",
            "availability": "weekdays after 5 pm",
        },
        content_type=JSON,
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["person_id"] == person.pk and body["name"] == "Senait Tesfay"
    assert body["user_id"] == login.pk and body["organisation_name"] == mso.name
    assert sorted(body["languages"]) == ["ar", "ti"]
    assert body["active"] is True and body["qualified_on"] is None
    assert body["training"] == []
    with scopes_disabled():
        assert GuideProfile.objects.get(pk=body["id"]).office == hagen
        assert Person.objects.get(pk=person.pk).is_guide  # marked by the service
    assert hagen_api.get(f"{URL}{body['id']}").json() == body


def test_a_change_keeps_what_is_not_sent(hagen_api, senait):
    url = f"{URL}{senait.pk}"
    changed = hagen_api.patch(url, {"languages": ["ti", "ar"], "active": False}, content_type=JSON)
    assert changed.status_code == 200, changed.content
    body = changed.json()
    assert sorted(body["languages"]) == ["ar", "ti"] and body["active"] is False
    assert body["communities"] == "Eritrean families" and body["person_id"] == senait.person_id
    cleared = hagen_api.patch(url, {"languages": []}, content_type=JSON).json()
    assert cleared["languages"] == [] and cleared["active"] is False


def test_guide_input_is_validated_like_the_page(
    hagen_api, hagen, osnabrueck, senait, hagen_counsellor
):
    person = PersonFactory(office=hagen)
    stranger = PersonFactory(office=osnabrueck)
    company = OrganisationFactory(office=hagen, kind="company")
    cases = [
        ({}, "person"),
        ({"person": senait.person_id}, "person"),  # already a guide
        ({"person": stranger.pk}, "person"),  # another office's person
        ({"person": person.pk, "languages": ["xx"]}, "languages"),
        ({"person": person.pk, "user": hagen_counsellor.pk}, "user"),  # not a guide login
        ({"person": person.pk, "organisation": company.pk}, "organisation"),  # not an MSO
        ({"person": person.pk, "qualified_on": "gestern"}, "qualified_on"),
    ]
    for payload, field in cases:
        response = hagen_api.post(URL, payload, content_type=JSON)
        assert response.status_code == 400, payload
        assert field in response.json()["errors"], (payload, response.json())
    with scopes_disabled():
        assert GuideProfile.objects.count() == 1


def test_the_directory_by_language(hagen_api, hagen, osnabrueck, hamid, senait):
    make_guide(hagen, "Mehmet", "Demir", languages=["tr"], active=False)
    make_guide(osnabrueck, "Abeba", "Haile", languages=["ti"])

    def names(**params):
        response = hagen_api.get(URL, params)
        assert response.status_code == 200
        return [guide["name"] for guide in response.json()["items"]]

    assert names() == ["Mehmet Demir", "Senait Tesfay", "Hamid Yousefi"]  # by family name
    assert names(language="ti") == ["Senait Tesfay"]
    assert names(language="prs") == ["Hamid Yousefi"]
    assert names(active=False) == ["Mehmet Demir"]
    assert names(active=True, language="tr") == []
    assert hagen_api.get(URL).json()["count"] == 3


def test_the_training_record_follows_the_check_ins(hagen_api, hagen, senait):
    starts = timezone.now() + datetime.timedelta(days=7)
    with scopes_disabled():
        series = TrainingSeries.objects.create(office=hagen, name="Elternlotsen 2026")
        registrations = []
        for number in (1, 2):
            event = Event.objects.create(
                office=hagen,
                kind=EventKind.TRAINING_MODULE,
                title=f"Modul {number}",
                starts_at=starts + datetime.timedelta(days=number),
                is_public=False,
            )
            TrainingModule.objects.create(office=hagen, series=series, event=event)
            registrations.append(
                event_services.register(
                    event,
                    name="Senait Tesfay",
                    person=senait.person,
                    source=RegistrationSource.INVITATION,
                )
            )
    url = f"{URL}{senait.pk}"
    hagen_api.post(f"/api/v1/events/registrations/{registrations[0].pk}/check-in")
    record = hagen_api.get(url).json()
    assert record["qualified_on"] is None
    [progress] = record["training"]
    assert progress["series_name"] == "Elternlotsen 2026" and progress["complete"] is False
    assert (progress["required_attended"], progress["required_total"]) == (1, 2)
    assert [m["attended"] for m in progress["modules"]] == [True, False]
    assert progress["completed_on"] is None

    hagen_api.post(f"/api/v1/events/registrations/{registrations[1].pk}/check-in")
    record = hagen_api.get(url).json()
    [progress] = record["training"]
    module_day = timezone.localdate(starts + datetime.timedelta(days=2)).isoformat()
    assert progress["complete"] is True and progress["completed_on"] == module_day
    assert record["qualified_on"] == module_day


# --- Inquiries ---------------------------------------------------------------------------


def test_a_guide_logs_her_own_inquiry(hagen, hagen_guide, hamid, senait):
    jobcenter = OrganisationFactory(
        office=hagen, name="Jobcenter Hagen", kind="institution", institution_type="jobcenter"
    )
    topic = shipped_topic()
    client = _api(hagen_guide)
    response = client.post(
        INQUIRIES,
        {
            "guide": senait.pk,  # ignored: a guide's token logs her own
            "language": "prs",
            "topic": topic.pk,
            "community": "Afghan families",
            "referred_to": "institution",
            "institution": jobcenter.pk,
            "note": "Frage zur Einstiegsqualifizierung",
        },
        content_type=JSON,
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["guide_id"] == hamid.pk and body["guide_name"] == "Hamid Yousefi"
    assert body["date"] == TODAY.isoformat() and body["language"] == "prs"
    assert body["topic_name"] == topic.name and body["institution_name"] == "Jobcenter Hagen"
    assert body["follow_up_wanted"] is False and body["contact_name"] == ""
    with scopes_disabled():
        assert Inquiry.objects.get(pk=body["id"]).office == hagen


def test_a_follow_up_with_the_persons_consent(hagen_guide, hamid):
    client = _api(hagen_guide)
    payload = {
        "follow_up_wanted": True,
        "contact_name": "Frau Ahmadi",
        "contact_phone": "0176 1234567",
    }
    refused = client.post(INQUIRIES, payload, content_type=JSON)
    assert refused.status_code == 400 and "contact_consent" in refused.json()["errors"]
    accepted = client.post(INQUIRIES, {**payload, "contact_consent": True}, content_type=JSON)
    assert accepted.status_code == 201, accepted.content
    assert accepted.json()["contact_phone"] == "0176 1234567"


def test_inquiry_input_is_validated(hagen_guide, hamid):
    client = _api(hagen_guide)
    tomorrow = (TODAY + datetime.timedelta(days=1)).isoformat()
    cases = [
        ({"date": tomorrow}, "date"),
        ({"language": "xx"}, "language"),
        ({"topic": 999999}, "topic"),
        ({"referred_to": "somewhere"}, "referred_to"),
        ({"referred_to": "institution"}, "institution"),
        ({"contact_name": "Frau Ahmadi", "contact_consent": True}, "follow_up_wanted"),
        ({"follow_up_wanted": True, "contact_consent": True}, "contact_phone"),
        ({"follow_up_wanted": True, "contact_email": "kein-at", "contact_consent": True},
         "contact_email"),
    ]  # fmt: skip
    for payload, field in cases:
        response = client.post(INQUIRIES, payload, content_type=JSON)
        assert response.status_code == 400, payload
        assert field in response.json()["errors"], (payload, response.json())
    with scopes_disabled():
        assert not Inquiry.objects.exists()


def test_a_guide_sees_only_her_own_inquiries(hagen_guide, hagen_api, hamid, senait):
    own = make_inquiry(hamid, community="Afghan families")
    other = make_inquiry(senait, community="Eritrean families", follow_up_wanted=True)
    client = _api(hagen_guide)
    listed = client.get(INQUIRIES).json()
    assert listed["count"] == 1 and [i["id"] for i in listed["items"]] == [own.pk]
    # Even when she asks for another guide's entries.
    assert client.get(INQUIRIES, {"guide": senait.pk}).json()["count"] == 0
    assert client.get(f"{INQUIRIES}/{own.pk}").status_code == 200
    assert client.get(f"{INQUIRIES}/{other.pk}").status_code == 404

    staff = hagen_api.get(INQUIRIES).json()
    assert {i["id"] for i in staff["items"]} == {own.pk, other.pk}
    by_guide = hagen_api.get(INQUIRIES, {"guide": senait.pk}).json()
    assert [i["id"] for i in by_guide["items"]] == [other.pk]
    open_follow_ups = hagen_api.get(INQUIRIES, {"follow_up_open": True}).json()
    assert [i["id"] for i in open_follow_ups["items"]] == [other.pk]
    assert hagen_api.get(f"{INQUIRIES}/{other.pk}").json()["guide_name"] == "Senait Tesfay"


def test_staff_log_an_inquiry_for_a_guide_they_name(hagen_api, hagen, senait):
    retired = make_guide(hagen, "Mehmet", "Yılmaz", active=False)
    missing = hagen_api.post(INQUIRIES, {"community": "Eritrean"}, content_type=JSON)
    assert missing.status_code == 400 and "guide" in missing.json()["errors"]
    inactive = hagen_api.post(INQUIRIES, {"guide": retired.pk}, content_type=JSON)
    assert inactive.status_code == 400 and "guide" in inactive.json()["errors"]
    logged = hagen_api.post(INQUIRIES, {"guide": senait.pk, "language": "ti"}, content_type=JSON)
    assert logged.status_code == 201, logged.content
    assert logged.json()["guide_id"] == senait.pk


def test_a_guide_login_without_profile_is_told_so(hagen_guide):
    client = _api(hagen_guide)
    response = client.post(INQUIRIES, {"community": "Afghan families"}, content_type=JSON)
    assert response.status_code == 400
    assert response.json()["errors"]["__all__"][0]["message"] == (
        "Your login is not linked to a guide profile yet: ask the service point."
    )
    assert client.get(INQUIRIES).json()["count"] == 0


def test_the_inquiry_summary(hagen_api, hamid, senait):
    jobs = shipped_topic()
    make_inquiry(hamid, topic=jobs, language=language("prs"))
    make_inquiry(hamid, topic=jobs, language=language("prs"), referred_to="service_point")
    make_inquiry(
        senait,
        language=language("ti"),
        follow_up_wanted=True,
        date=datetime.date(TODAY.year - 1, 12, 31),
    )
    response = hagen_api.get(
        f"{INQUIRIES}/summary",
        {"start": f"{TODAY.year - 1}-12-01", "end": TODAY.isoformat()},
    )
    assert response.status_code == 200, response.content
    summary = response.json()
    assert summary["total"] == 3 and summary["follow_ups"] == 1
    assert summary["by_topic"] == [
        {"label": jobs.name, "count": 2},
        {"label": "no topic", "count": 1},
    ]
    assert summary["by_language"] == [
        {"label": "Dari", "count": 2},
        {"label": "Tigrinya", "count": 1},
    ]
    assert {row["label"]: row["count"] for row in summary["by_referral"]} == {
        "answered myself": 2,
        "the service point": 1,
    }
    this_year = hagen_api.get(f"{INQUIRIES}/summary").json()
    assert this_year["start"] == f"{TODAY.year}-01-01" and this_year["total"] == 2
    reversed_period = hagen_api.get(
        f"{INQUIRIES}/summary", {"start": "2026-06-01", "end": "2026-01-01"}
    )
    assert reversed_period.status_code == 400 and "end" in reversed_period.json()["errors"]


# --- Scoping, roles, documentation -------------------------------------------------------


def test_another_office_gets_404_for_every_id(hagen, osnabrueck_counsellor, senait):
    inquiry = make_inquiry(senait, community="Eritrean families")
    client = _api(osnabrueck_counsellor, "osnabrueck")
    assert client.get(f"{URL}{senait.pk}").status_code == 404
    assert client.get(f"{INQUIRIES}/{inquiry.pk}").status_code == 404
    patched = client.patch(f"{URL}{senait.pk}", {"active": False}, content_type=JSON)
    assert patched.status_code == 404
    assert client.get(URL).json()["count"] == 0
    assert client.get(INQUIRIES).json()["count"] == 0
    assert client.get(f"{INQUIRIES}/summary").json()["total"] == 0
    logged = client.post(INQUIRIES, {"guide": senait.pk}, content_type=JSON)
    assert logged.status_code == 400 and "guide" in logged.json()["errors"]
    senait.refresh_from_db()
    assert senait.active is True


def test_a_guide_token_reaches_only_the_inquiry_log(hagen_guide, hamid, senait):
    client = _api(hagen_guide)
    refused = [
        ("get", URL, None),
        ("get", f"{URL}{hamid.pk}", None),  # not even her own profile here
        ("get", f"{URL}{senait.pk}", None),
        ("post", URL, {"person": senait.person_id}),
        ("patch", f"{URL}{hamid.pk}", {"active": False}),
        ("get", f"{INQUIRIES}/summary", None),
    ]
    for method, url, payload in refused:
        response = getattr(client, method)(url, payload, content_type=JSON)
        assert response.status_code == 403, (method, url, response.status_code)
    hamid.refresh_from_db()
    assert hamid.active is True


def test_the_programme_office_is_refused(programme_user, senait):
    client = _api(programme_user)
    assert client.get(INQUIRIES).status_code == 403
    assert client.post(INQUIRIES, {"guide": senait.pk}, content_type=JSON).status_code == 403
    assert client.get(URL).status_code == 403


def test_a_guides_session_writes_need_csrf(hagen_guide, hamid):
    client = Client(enforce_csrf_checks=True)
    client.force_login(hagen_guide)
    assert client.get(INQUIRIES).status_code == 200
    response = client.post(INQUIRIES, {"community": "Afghan families"}, content_type=JSON)
    assert response.status_code == 403
    with scopes_disabled():
        assert not Inquiry.objects.exists()


def test_openapi_document_lists_the_guide_paths(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    expected = {
        "/api/v1/guides/": {"get", "post"},
        "/api/v1/guides/{guide_id}": {"get", "patch"},
        "/api/v1/guides/inquiries": {"get", "post"},
        "/api/v1/guides/inquiries/{inquiry_id}": {"get"},
        "/api/v1/guides/inquiries/summary": {"get"},
    }
    for path, methods in expected.items():
        assert path in paths, path
        assert set(paths[path]) == methods, path
