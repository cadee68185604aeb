"""Every route, every role, another office's ids: scoping cannot be forgotten by a later view.

The test walks the URL configuration. A new route fails `test_every_route_is_classified`
until it is listed below with the objects its URL needs, so nobody can add a page or an
API operation without this test trying it with another office's ids and other roles.
"""

import datetime

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django_scopes import scopes_disabled

from lotse.accounts.models import ApiToken, Role
from lotse.cases.models import Topic
from lotse.factories import (
    AcquisitionFactory,
    ActivityFactory,
    AffiliationFactory,
    CaseFactory,
    ConsentFactory,
    ConsultationFactory,
    EventFactory,
    GuideProfileFactory,
    MembershipFactory,
    NextStepFactory,
    OrganisationFactory,
    OutcomeFactory,
    ParentChildFactory,
    PlaceFactory,
    PlacementFactory,
    ReferralFactory,
    RegistrationFactory,
    UserFactory,
)
from lotse.guides.models import Inquiry, SeriesCompletion, TrainingModule, TrainingSeries

# Routes anybody may open, logged in or not.
PUBLIC_ROUTES = {
    "core:health",
    "accounts:login",
    "accounts:logout",
    "api:openapi-json",
    "set_language",
    "api:api-root",  # answers 404: the interactive docs are off (they would need a CDN)
}
# Routes any logged-in user may open, whatever the role; they show no personal records.
ANY_MEMBER_ROUTES = {"core:home", "accounts:switch_office"}
# Office routes with personal data but no object in the URL.
OFFICE_ROUTES = {
    "people:list",
    "people:create",
    "organisations:list",
    "organisations:create",
    "cases:list",
    "cases:worklist",
    "api:list_people",
    "api:create_person",
    "api:list_organisations",
    "api:create_organisation",
    "api:list_cases",
    "api:create_case",
    "api:list_topics",
    "companies:board",
    "companies:list",
    "companies:start",
    "companies:analytics",
    "matching:place_list",
    "matching:place_create",
    "api:list_acquisitions",
    "api:start_acquisition",
    "api:channel_analytics",
    "api:list_places",
    "api:create_place",
    "api:list_placements",
    "api:create_placement",
    "events:list",
    "events:create",
    "events:report",
    "guides:list",
    "guides:create",
    "guides:series_list",
    "guides:series_create",
    "guides:meetings",
    "guides:inquiry_summary",
    "api:list_guides",
    "api:create_guide",
    "api:inquiry_summary",
    "profiles:list",
    "profiles:invite",
}
# Routes only the office's lead may open (and its counsellors get 403).
LEAD_ROUTES = {"cases:topics", "cases:topic_toggle"}
# Office routes with objects in the URL: which Hagen object fills each URL argument.
OBJECT_ROUTES = {
    "people:detail": {"pk": "person"},
    "people:update": {"pk": "person"},
    "people:delete": {"pk": "person"},
    "people:history": {"pk": "person"},
    "people:link_relative": {"pk": "person"},
    "people:unlink_relative": {"pk": "parent", "link_pk": "link"},
    "organisations:detail": {"pk": "organisation"},
    "organisations:update": {"pk": "organisation"},
    "organisations:delete": {"pk": "organisation"},
    "organisations:history": {"pk": "organisation"},
    "organisations:add_affiliation": {"person_pk": "person"},
    "organisations:remove_affiliation": {"pk": "affiliation"},
    "cases:topic_toggle": {"pk": "topic"},
    "cases:create": {"person_pk": "person"},
    "cases:detail": {"pk": "case"},
    "cases:update": {"pk": "case"},
    "cases:close": {"pk": "case"},
    "cases:consultation_create": {"pk": "case"},
    "cases:consultation_update": {"pk": "case", "consultation_pk": "consultation"},
    "cases:next_step_create": {"pk": "case"},
    "cases:next_step_done": {"pk": "next_step"},
    "cases:referral_create": {"pk": "case"},
    "cases:referral_update": {"pk": "referral"},
    "cases:outcome_create": {"pk": "case"},
    "cases:esf": {"pk": "case"},
    "privacy:consent_create": {"person_pk": "person"},
    "privacy:consent_withdraw": {"pk": "consent"},
    "api:get_person": {"person_id": "person"},
    "api:update_person": {"person_id": "person"},
    "api:get_organisation": {"organisation_id": "organisation"},
    "api:update_organisation": {"organisation_id": "organisation"},
    "api:get_case": {"case_id": "case"},
    "api:update_case": {"case_id": "case"},
    "api:close_case": {"case_id": "case"},
    "api:list_consultations": {"case_id": "case"},
    "api:create_consultation": {"case_id": "case"},
    "api:get_consultation": {"consultation_id": "consultation"},
    "api:list_referrals": {"case_id": "case"},
    "api:create_referral": {"case_id": "case"},
    "api:get_referral": {"referral_id": "referral"},
    "api:update_referral": {"referral_id": "referral"},
    "api:list_outcomes": {"case_id": "case"},
    "api:create_outcome": {"case_id": "case"},
    "api:get_outcome": {"outcome_id": "outcome"},
    "companies:start_for": {"company_pk": "organisation"},
    "companies:detail": {"pk": "acquisition"},
    "companies:update": {"pk": "acquisition"},
    "companies:status": {"pk": "acquisition"},
    "companies:move": {"pk": "acquisition"},
    "companies:activity_create": {"pk": "acquisition"},
    "companies:activity_done": {"pk": "activity"},
    "matching:place_detail": {"pk": "place"},
    "matching:place_update": {"pk": "place"},
    "matching:suggest": {"pk": "place", "person_pk": "person"},
    "matching:profile": {"person_pk": "person"},
    "matching:person_places": {"person_pk": "person"},
    "matching:placement_update": {"pk": "placement"},
    "api:get_acquisition": {"acquisition_id": "acquisition"},
    "api:update_acquisition": {"acquisition_id": "acquisition"},
    "api:change_acquisition_status": {"acquisition_id": "acquisition"},
    "api:move_acquisition": {"acquisition_id": "acquisition"},
    "api:list_activities": {"acquisition_id": "acquisition"},
    "api:log_activity": {"acquisition_id": "acquisition"},
    "api:get_activity": {"activity_id": "activity"},
    "api:complete_activity": {"activity_id": "activity"},
    "api:get_place": {"place_id": "place"},
    "api:update_place": {"place_id": "place"},
    "api:place_candidates": {"place_id": "place"},
    "api:person_places": {"person_id": "person"},
    "api:get_placement": {"placement_id": "placement"},
    "api:update_placement": {"placement_id": "placement"},
    **dict.fromkeys(
        [
            "events:detail",
            "events:edit",
            "events:delete",
            "events:checkin",
            "events:add_person",
            "events:walk_in",
            "events:invite_guides",
            "events:participants_pdf",
            "events:participants_xlsx",
            "events:certificates",
        ],
        {"pk": "event"},
    ),
    "events:check_in": {"pk": "registration"},
    "events:cancel_registration": {"pk": "registration"},
    "events:certificate": {"pk": "registration"},
    "guides:detail": {"pk": "guide"},
    "guides:edit": {"pk": "guide"},
    "guides:series_detail": {"pk": "series"},
    "guides:series_edit": {"pk": "series"},
    "guides:module_add": {"pk": "series"},
    "guides:module_remove": {"pk": "series", "module_pk": "module"},
    "guides:inquiry_done": {"pk": "inquiry"},
    "guides:inquiry_detail": {"pk": "inquiry"},
    "guides:inquiry_edit": {"pk": "inquiry"},
    "guides:certificate": {"pk": "guide", "series_pk": "series"},
    **dict.fromkeys(
        [
            "api:get_event",
            "api:update_event",
            "api:delete_event",
            "api:event_seats",
            "api:list_registrations",
            "api:add_registration",
            "api:list_attendance",
        ],
        {"event_id": "event"},
    ),
    **dict.fromkeys(
        [
            "api:get_registration",
            "api:cancel_registration",
            "api:check_in",
            "api:undo_check_in",
        ],
        {"registration_id": "registration"},
    ),
    "api:get_guide": {"guide_id": "guide"},
    "api:update_guide": {"guide_id": "guide"},
    "api:get_inquiry": {"inquiry_id": "inquiry"},
    **dict.fromkeys(
        [
            "profiles:detail",
            "profiles:photo",
            "profiles:pdf",
            "profiles:import",
            "profiles:discard",
        ],
        {"pk": "profile"},
    ),
    "profiles:link": {"pk": "profile", "person_pk": "person"},
}
# The volunteer network: routes a guide of the office may open too. What she sees there
# is narrowed by the scope to her own inquiries and training record.
GUIDE_ROUTES = {
    "guides:inquiry_list",
    "guides:inquiry_create",
    "guides:my_record",
    "api:list_events",  # public events only
    "api:create_event",  # same path as the list: GET lists, POST is staff only
    "api:list_inquiries",
    "api:create_inquiry",
}
# Guide routes with an object of hers in the URL (also in OBJECT_ROUTES for staff).
GUIDE_OBJECT_ROUTES = {
    "guides:inquiry_detail",
    "guides:inquiry_edit",
    "guides:certificate",
    "api:get_inquiry",
}
# Public event pages (no login) of one office: /v/<office>/<lang>/…
PUBLIC_OFFICE_ROUTES = {
    "public_events:calendar_default": {"office": "slug"},
    "public_events:calendar": {"office": "slug", "lang": "lang"},
    "public_events:feed": {"office": "slug"},
    "public_events:detail": {"office": "slug", "lang": "lang", "pk": "event"},
    "public_events:event_ics": {"office": "slug", "lang": "lang", "pk": "event"},
    "public_events:registered": {"office": "slug", "lang": "lang", "token": "token"},
    "public_events:cancel": {"office": "slug", "lang": "lang", "token": "token"},
    # The application profile's public form: /profil/<office>/<lang>/<token>/…
    "public_profiles:start_default": {"office": "slug"},
    "public_profiles:start": {"office": "slug", "lang": "lang"},
    "public_profiles:resume": {"office": "slug", "lang": "lang", "token": "profile_token"},
    "public_profiles:done": {"office": "slug", "lang": "lang", "token": "profile_token"},
    "public_profiles:pdf": {"office": "slug", "lang": "lang", "token": "profile_token"},
    "public_profiles:step": {
        "office": "slug",
        "lang": "lang",
        "token": "profile_token",
        "step": "step",
    },
}
# Reference data shared by every office (the training occupations): only roles with
# personal data read them, but another office's token reads the same ids.
REFERENCE_ROUTES = {
    "api:list_occupations": {},
    "api:get_occupation": {"occupation_id": "occupation"},
}


def _walk(patterns, namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue  # Django's admin: staff only, guarded by Django itself.
            inner = ":".join(part for part in (namespace, pattern.namespace) if part) or None
            yield from _walk(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def all_routes() -> set[str]:
    return set(_walk(get_resolver().url_patterns))


def test_every_route_is_classified():
    known = (
        PUBLIC_ROUTES
        | ANY_MEMBER_ROUTES
        | OFFICE_ROUTES
        | LEAD_ROUTES
        | set(OBJECT_ROUTES)
        | set(REFERENCE_ROUTES)
        | GUIDE_ROUTES
        | set(PUBLIC_OFFICE_ROUTES)
    )
    unclassified = all_routes() - known
    assert not unclassified, f"Classify these routes in {__name__}: {sorted(unclassified)}"
    assert not (known - all_routes()), "Remove routes that no longer exist"


@pytest.fixture
def hagen_objects(hagen, hagen_colleague, hagen_guide, settings, tmp_path):
    link = ParentChildFactory(parent__office=hagen, parent__given_names="Leyla")
    affiliation = AffiliationFactory(person=link.parent, organisation__office=hagen)
    case = CaseFactory(person=link.child, counsellor=hagen_colleague)
    consultation = ConsultationFactory(case=case)
    acquisition = AcquisitionFactory(company__office=hagen, counsellor=hagen_colleague)
    place = PlaceFactory(office=hagen, company=affiliation.organisation)
    event = EventFactory(office=hagen, kind="training_module")
    guide = GuideProfileFactory(person__office=hagen, user=hagen_guide)
    with scopes_disabled():
        series = TrainingSeries.objects.create(office=hagen, name="Elternlotsen 2026")
        module = TrainingModule.objects.create(office=hagen, series=series, event=event)
        SeriesCompletion.objects.create(
            office=hagen, guide=guide, series=series, completed_on=datetime.date(2026, 6, 1)
        )
        inquiry = Inquiry.objects.create(office=hagen, guide=guide, date=datetime.date.today())
    settings.MEDIA_ROOT = tmp_path
    return {
        "profile": _submitted_profile_with_photo(hagen),
        "event": event,
        "registration": RegistrationFactory(event=event, person=guide.person, attended=True),
        "guide": guide,
        "series": series,
        "module": module,
        "inquiry": inquiry,
        "case": case,
        "consultation": consultation,
        "next_step": NextStepFactory(case=case),
        "referral": ReferralFactory(case=case),
        "outcome": OutcomeFactory(case=case),
        "consent": ConsentFactory(person=link.child),
        "topic": Topic.objects.create(office=hagen, name="Führerschein"),
        "person": link.parent,
        "parent": link.parent,
        "link": link,
        "organisation": affiliation.organisation,
        "affiliation": affiliation,
        "acquisition": acquisition,
        "activity": ActivityFactory(acquisition=acquisition),
        "place": place,
        "placement": PlacementFactory(place=place, person=link.child, case=case),
        "occupation": place.occupation,
    }


def _submitted_profile_with_photo(office):
    from io import BytesIO

    from django.core.files.base import ContentFile
    from PIL import Image

    from lotse.profiles import services as profile_services
    from lotse.profiles.models import STEPS

    buffer = BytesIO()
    Image.new("RGB", (8, 8), "white").save(buffer, format="JPEG")
    with scopes_disabled():
        profile = profile_services.start_profile(office)
        for step in STEPS[:-1]:
            profile = profile_services.save_step(
                profile, step, {"given_names": "Amal", "family_name": "Darwish"}
            )
        profile = profile_services.submit(
            profile, consent_service_point=True, consent_applications=False
        )
        profile.photo.save("photo.jpg", ContentFile(buffer.getvalue()))
    return profile


def _url(route, hagen_objects):
    if route in PUBLIC_OFFICE_ROUTES:
        return _public_url(route, hagen_objects)
    args = OBJECT_ROUTES.get(route) or REFERENCE_ROUTES.get(route, {})
    kwargs = {arg: hagen_objects[key].pk for arg, key in args.items()}
    return reverse(route, kwargs=kwargs)


def _client_for(user, api=False) -> Client:
    client = Client()
    if api:
        token, key = ApiToken.objects.issue(user.memberships.get(), "test")
        client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {key}"
    else:
        client.force_login(user)
    return client


def _request(client, route, url, method):
    if route.startswith("api:") and method == "post":
        method = "patch" if route.startswith("api:update") else "post"
        return getattr(client, method)(url, data={}, content_type="application/json")
    return getattr(client, method)(url)


@pytest.mark.parametrize("route", sorted(OBJECT_ROUTES))
def test_another_office_gets_404(route, hagen_objects, osnabrueck, osnabrueck_counsellor):
    """GET and POST both answer 404 (or 405 where the route has no such method at all)."""
    url = _url(route, hagen_objects)
    user = osnabrueck_counsellor
    if route in LEAD_ROUTES:
        user = UserFactory(username="leitung.osnabrueck")
        MembershipFactory(user=user, office=osnabrueck, role=Role.LEAD)
    client = _client_for(user, api=route.startswith("api:"))
    statuses = {
        method: _request(client, route, url, method).status_code for method in ("get", "post")
    }
    assert set(statuses.values()) <= {404, 405}, (route, statuses)
    assert 404 in statuses.values(), (route, statuses)


@pytest.mark.parametrize(
    "route", sorted(OBJECT_ROUTES | REFERENCE_ROUTES | dict.fromkeys(OFFICE_ROUTES | LEAD_ROUTES))
)
def test_the_own_office_reaches_every_route(
    route, hagen_objects, hagen_counsellor, hagen_colleague
):
    """The ids used above are right: Hagen's own staff get the pages (no vacuous 404)."""
    url = _url(route, hagen_objects)
    user = hagen_colleague if route in LEAD_ROUTES else hagen_counsellor
    client = _client_for(user, api=route.startswith("api:"))
    response = client.get(url)
    assert response.status_code in {200, 405}, (route, response.status_code)


@pytest.mark.parametrize("route", sorted(REFERENCE_ROUTES))
def test_another_office_reads_the_same_reference_data(route, hagen_objects, osnabrueck_counsellor):
    client = _client_for(osnabrueck_counsellor, api=True)
    assert client.get(_url(route, hagen_objects)).status_code == 200, route


@pytest.mark.parametrize("route", sorted(LEAD_ROUTES))
def test_counsellors_are_kept_out_of_lead_routes(route, hagen_objects, hagen_counsellor):
    client = _client_for(hagen_counsellor)
    assert client.get(_url(route, hagen_objects)).status_code in {403, 405}
    assert client.post(_url(route, hagen_objects)).status_code == 403


STAFF_ROUTES = sorted(OBJECT_ROUTES | REFERENCE_ROUTES | dict.fromkeys(OFFICE_ROUTES | LEAD_ROUTES))


@pytest.mark.parametrize(
    ("route", "who"),
    [(route, "programme_user") for route in STAFF_ROUTES + sorted(GUIDE_ROUTES)]
    + [(route, "hagen_guide") for route in STAFF_ROUTES if route not in GUIDE_OBJECT_ROUTES],
)
def test_roles_without_personal_data_are_refused(route, who, hagen_objects, request):
    user = request.getfixturevalue(who)
    api = route.startswith("api:")
    client = Client()
    if api:
        membership = user.memberships.get(office__slug="hagen")
        _token, key = ApiToken.objects.issue(membership, "test")
        client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {key}"
    else:
        client.force_login(user)
    response = client.get(_url(route, hagen_objects))
    assert response.status_code in {403, 404, 405}, (route, who, response.status_code)
    assert response.status_code != 200


@pytest.mark.parametrize("route", STAFF_ROUTES + sorted(GUIDE_ROUTES))
def test_anonymous_is_sent_to_login(route, hagen_objects):
    response = Client().get(_url(route, hagen_objects))
    if route.startswith("api:"):
        assert response.status_code in {401, 405}
    else:
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))


def test_organisation_list_shows_only_own_office(client, hagen, osnabrueck, hagen_counsellor):
    OrganisationFactory(office=hagen, name="Bodenbeläge Rezaie")
    OrganisationFactory(office=osnabrueck, name="Osnabrücker Kfz-Service")
    client.force_login(hagen_counsellor)
    response = client.get(reverse("organisations:list"))
    assert "Bodenbeläge Rezaie" in response.content.decode()
    assert "Osnabrücker Kfz-Service" not in response.content.decode()


def _guide_client(user, route) -> Client:
    client = Client()
    if route.startswith("api:"):
        _token, key = ApiToken.objects.issue(user.memberships.get(), "test")
        client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {key}"
    else:
        client.force_login(user)
    return client


@pytest.mark.parametrize("route", sorted(GUIDE_ROUTES | GUIDE_OBJECT_ROUTES))
def test_a_guide_reaches_her_own_network_routes(route, hagen_objects, hagen_guide):
    response = _guide_client(hagen_guide, route).get(_url(route, hagen_objects))
    assert response.status_code == 200, (route, response.status_code)


@pytest.mark.parametrize("route", sorted(GUIDE_OBJECT_ROUTES))
def test_another_guide_gets_404_for_her_records(route, hagen, hagen_objects):
    colleague = UserFactory(username="lotse2.hagen")
    MembershipFactory(user=colleague, office=hagen, role=Role.GUIDE)
    GuideProfileFactory(person__office=hagen, user=colleague)
    response = _guide_client(colleague, route).get(_url(route, hagen_objects))
    assert response.status_code == 404, (route, response.status_code)


@pytest.mark.parametrize("route", sorted(GUIDE_OBJECT_ROUTES))
def test_a_guide_of_another_office_gets_404(route, osnabrueck, hagen_objects):
    stranger = UserFactory(username="lotse.osnabrueck")
    MembershipFactory(user=stranger, office=osnabrueck, role=Role.GUIDE)
    GuideProfileFactory(person__office=osnabrueck, user=stranger)
    response = _guide_client(stranger, route).get(_url(route, hagen_objects))
    assert response.status_code == 404, (route, response.status_code)


def _public_url(route, hagen_objects, office_slug="hagen", token=None):
    values = {
        "slug": office_slug,
        "lang": "ar",
        "event": hagen_objects["public_event"].pk,
        "token": token or hagen_objects["public_registration"].token,
        "profile_token": token or hagen_objects["public_profile"].token,
        "step": "about",
    }
    kwargs = {arg: values[key] for arg, key in PUBLIC_OFFICE_ROUTES[route].items()}
    return reverse(route, kwargs=kwargs)


@pytest.fixture
def public_objects(hagen_objects, hagen):
    event = EventFactory(office=hagen, title="Hagener Ausbildungsmesse")
    from lotse.profiles import services as profile_services

    return {
        **hagen_objects,
        "public_profile": profile_services.start_profile(hagen),
        "public_event": event,
        "public_registration": RegistrationFactory(event=event, name="Samira"),
    }


@pytest.mark.parametrize("route", sorted(PUBLIC_OFFICE_ROUTES))
def test_public_pages_open_without_login(route, public_objects):
    response = Client().get(_public_url(route, public_objects))
    assert response.status_code in {200, 302}, (route, response.status_code)


@pytest.mark.parametrize(
    "route", sorted(r for r, args in PUBLIC_OFFICE_ROUTES.items() if {"pk", "token"} & set(args))
)
def test_a_record_is_not_reachable_through_another_offices_address(
    route, public_objects, osnabrueck
):
    response = Client().get(_public_url(route, public_objects, office_slug="osnabrueck"))
    assert response.status_code == 404, route


@pytest.mark.parametrize(
    "route", sorted(r for r, args in PUBLIC_OFFICE_ROUTES.items() if "token" in args)
)
def test_an_unknown_registration_token_is_404(route, public_objects):
    response = Client().get(_public_url(route, public_objects, token="nicht-vorhanden"))
    assert response.status_code == 404, route


def test_a_network_only_event_has_no_public_page(hagen_objects):
    """The training module of the fixture is not on the public calendar."""
    url = reverse(
        "public_events:detail",
        kwargs={"office": "hagen", "lang": "de", "pk": hagen_objects["event"].pk},
    )
    with scopes_disabled():
        type(hagen_objects["event"]).objects.filter(pk=hagen_objects["event"].pk).update(
            is_public=False
        )
    assert Client().get(url).status_code == 404
