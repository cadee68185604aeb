"""Who may open which guides page: staff everything of their office, a guide her own log."""

import pytest
from django.test import Client
from django.urls import reverse
from django_scopes import scopes_disabled

from lotse.accounts.models import Role
from lotse.factories import MembershipFactory, UserFactory
from lotse.guides.models import SeriesCompletion, TrainingSeries
from lotse.guides.tests.conftest import make_inquiry

# Routes without an object, staff only.
STAFF_ROUTES = [
    "guides:list",
    "guides:create",
    "guides:series_list",
    "guides:series_create",
    "guides:meetings",
    "guides:inquiry_summary",
]
# Routes with a guide, series or inquiry of Hagen in the URL, staff only.
STAFF_OBJECT_ROUTES = {
    "guides:detail": ["guide"],
    "guides:edit": ["guide"],
    "guides:series_detail": ["series"],
    "guides:series_edit": ["series"],
    "guides:module_add": ["series"],
}
GUIDE_ROUTES = ["guides:inquiry_list", "guides:inquiry_create", "guides:my_record"]
GUIDE_OBJECT_ROUTES = {"guides:inquiry_detail": ["inquiry"], "guides:inquiry_edit": ["inquiry"]}


def _client(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


@pytest.fixture
def objects(hagen, hamid):
    with scopes_disabled():
        series = TrainingSeries.objects.create(office=hagen, name="Elternlotsen 2026")
        SeriesCompletion.objects.create(
            office=hagen, guide=hamid, series=series, completed_on="2026-05-01"
        )
    inquiry = make_inquiry(
        hamid, follow_up_wanted=True, contact_phone="0176 555", contact_consent=True
    )
    return {"guide": hamid, "series": series, "inquiry": inquiry}


def _url(route, objects):
    names = STAFF_OBJECT_ROUTES.get(route) or GUIDE_OBJECT_ROUTES.get(route) or []
    return reverse(route, args=[objects[name].pk for name in names])


ALL_PAGES = STAFF_ROUTES + list(STAFF_OBJECT_ROUTES) + GUIDE_ROUTES + list(GUIDE_OBJECT_ROUTES)


@pytest.mark.parametrize("route", ALL_PAGES)
@pytest.mark.parametrize("who", ["hagen_counsellor", "hagen_colleague"])
def test_staff_open_every_page_of_their_office(route, who, objects, request):
    response = _client(request.getfixturevalue(who)).get(_url(route, objects))
    # A counsellor has no training record of her own: "me/" leads to the directory.
    expected = 302 if route == "guides:my_record" else 200
    assert response.status_code == expected, route


@pytest.mark.parametrize("route", STAFF_ROUTES + list(STAFF_OBJECT_ROUTES))
def test_a_guide_is_kept_out_of_the_staff_pages(route, objects, hagen_guide):
    assert _client(hagen_guide).get(_url(route, objects)).status_code == 403


@pytest.mark.parametrize("route", GUIDE_ROUTES + list(GUIDE_OBJECT_ROUTES))
def test_a_guide_opens_her_own_pages(route, objects, hagen_guide):
    assert _client(hagen_guide).get(_url(route, objects)).status_code == 200


@pytest.mark.parametrize("route", ALL_PAGES)
def test_the_programme_office_sees_nothing_here(route, objects, programme_user):
    assert _client(programme_user).get(_url(route, objects)).status_code == 403


@pytest.mark.parametrize("route", ALL_PAGES)
def test_anonymous_is_sent_to_login(route, objects):
    response = Client().get(_url(route, objects))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("route", list(STAFF_OBJECT_ROUTES) + list(GUIDE_OBJECT_ROUTES))
def test_another_office_gets_404_on_hagen_records(route, objects, osnabrueck_counsellor):
    assert _client(osnabrueck_counsellor).get(_url(route, objects)).status_code == 404


def test_another_office_gets_404_on_the_certificate_and_the_follow_up(
    objects, osnabrueck_counsellor, hagen_counsellor
):
    client = _client(osnabrueck_counsellor)
    certificate = reverse("guides:certificate", args=[objects["guide"].pk, objects["series"].pk])
    assert client.get(certificate).status_code == 404
    done = reverse("guides:inquiry_done", args=[objects["inquiry"].pk])
    assert client.post(done).status_code == 404
    with scopes_disabled():
        objects["inquiry"].refresh_from_db()
    assert objects["inquiry"].follow_up_done_at is None
    assert _client(hagen_counsellor).get(certificate).status_code == 200


def test_another_guide_of_the_office_gets_404_on_her_colleague_s_records(objects, saba_user, saba):
    client = _client(saba_user)
    assert client.get(_url("guides:inquiry_detail", objects)).status_code == 404
    certificate = reverse("guides:certificate", args=[objects["guide"].pk, objects["series"].pk])
    assert client.get(certificate).status_code == 404


@pytest.mark.parametrize(
    "route", ["guides:inquiry_list", "guides:inquiry_create", "guides:my_record"]
)
def test_a_guide_without_profile_is_told_what_to_do(route, hagen):
    user = UserFactory(username="neu.lotse")
    MembershipFactory(user=user, office=hagen, role=Role.GUIDE)
    response = _client(user).get(reverse(route))
    assert response.status_code == 200
    assert "ask the service point to link your login" in response.content.decode()


def test_navigation_by_role(objects, hagen_guide, hagen_counsellor):
    guide_page = _client(hagen_guide).get(reverse("core:home")).content.decode()
    assert reverse("guides:inquiry_list") in guide_page
    assert reverse("guides:my_record") in guide_page
    assert f'href="{reverse("guides:list")}"' not in guide_page
    staff_page = _client(hagen_counsellor).get(reverse("core:home")).content.decode()
    assert f'href="{reverse("guides:list")}"' in staff_page
