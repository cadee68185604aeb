"""The directory "which guide speaks Tigrinya", and adding and editing a guide."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_scopes import scopes_disabled

from lotse.accounts.models import Role
from lotse.factories import MembershipFactory, PersonFactory, UserFactory
from lotse.guides.models import GuideProfile
from lotse.guides.tests.conftest import language, make_guide


@pytest.fixture
def staff(client, hagen_counsellor):
    client.force_login(hagen_counsellor)
    return client


def _names(response) -> set[str]:
    return {guide.person.full_name for guide in response.context["object_list"]}


def test_the_directory_shows_the_active_guides_of_the_office(
    staff, hamid, saba, osnabrueck_guide, hagen
):
    make_guide(hagen, "Ayşe", "Yıldız", languages=("tr",), active=False)
    response = staff.get(reverse("guides:list"))
    assert _names(response) == {"Hamid Rahimi", "Saba Tesfay"}
    page = response.content.decode()
    assert "Afghanischer Kulturverein Hagen" in page
    assert 'Tigrinya (<span lang="ti" dir="ltr">ትግርኛ</span>)' in page
    assert 'Dari (<span lang="prs" dir="rtl">دری</span>)' in page
    assert "Eritrean families, Ethiopian families" in page and "Wehringhausen" in page
    assert "weekdays after 5 pm" in page and "14.06.2025" in page
    response = staff.get(reverse("guides:list"), {"inactive": "1"})
    assert _names(response) == {"Hamid Rahimi", "Saba Tesfay", "Ayşe Yıldız"}


def test_the_directory_finds_guides_by_language(staff, hamid, saba, hagen):
    make_guide(hagen, "Zahra", "Ahmadi", languages=("fa",))
    response = staff.get(reverse("guides:list"), {"language": "ti"})
    assert _names(response) == {"Saba Tesfay"}
    assert "Guides who speak Tigrinya" in response.content.decode()
    response = staff.get(reverse("guides:list"), {"language": "prs"})
    assert _names(response) == {"Hamid Rahimi"}
    page = response.content.decode()
    # Farsi speakers may help a Dari speaker: the page points to them.
    assert "Show guides who speak Persian (Farsi)" in page
    assert _names(staff.get(reverse("guides:list"), {"language": "fa"})) == {"Zahra Ahmadi"}
    assert _names(staff.get(reverse("guides:list"), {"language": "uk"})) == set()


def test_the_directory_searches_name_community_and_district(staff, hamid, saba):
    assert _names(staff.get(reverse("guides:list"), {"q": "eritrean"})) == {"Saba Tesfay"}
    assert _names(staff.get(reverse("guides:list"), {"q": "Altenhagen"})) == {"Hamid Rahimi"}
    assert _names(staff.get(reverse("guides:list"), {"q": "Rahimi"})) == {"Hamid Rahimi"}


def test_the_directory_needs_no_query_per_guide(staff, hagen, hamid, saba):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert staff.get(reverse("guides:list")).status_code == 200
        return len(queries)

    count()  # the first request of a session reads more (session, content types)
    few = count()
    for n in range(5):
        make_guide(hagen, f"Lotse{n}", "Test", languages=("ar", "tr"))
    assert count() == few


def test_a_person_of_the_office_becomes_a_guide(staff, hagen, osnabrueck, mso):
    person = PersonFactory(office=hagen, given_names="Tesfay", family_name="Haile")
    PersonFactory(office=osnabrueck, given_names="Tesfay", family_name="Osnabrücker")
    login = UserFactory(username="tesfay.hagen")
    MembershipFactory(user=login, office=hagen, role=Role.GUIDE)
    foreign = UserFactory(username="lotse.osnabrueck")
    MembershipFactory(user=foreign, office=osnabrueck, role=Role.GUIDE)
    url = reverse("guides:create")
    form = staff.get(url).content.decode()
    assert reverse("people:create") in form
    assert "tesfay.hagen" in form and "lotse.osnabrueck" not in form
    # The search step shows the people found and saves nothing.
    found = staff.post(url, {"person_query": "Tesfay", "search_person": "1"}).content.decode()
    assert "Tesfay Haile" in found and "Osnabrücker" not in found
    response = staff.post(
        url,
        {
            "person": person.pk,
            "organisation": mso.pk,
            "languages": [language("ti").pk, language("am").pk],
            "communities": "Eritrean families",
            "districts": "Haspe",
            "availability": "Saturdays",
            "qualified_on": "2025-06-14",
            "active": "on",
            "user": login.pk,
        },
    )
    with scopes_disabled():
        guide = GuideProfile.objects.get(person=person)
        person.refresh_from_db()
        assert {lang.code for lang in guide.languages.all()} == {"ti", "am"}
    assert response.url == reverse("guides:detail", args=[guide.pk])
    assert guide.office == hagen and guide.user == login and person.is_guide
    page = staff.get(response.url).content.decode()
    assert "Tesfay Haile" in page and "tesfay.hagen" in page and "14.06.2025" in page


def test_a_guide_is_chosen_from_the_people_page_link(staff, hagen):
    person = PersonFactory(office=hagen, given_names="Olena", family_name="Kovalenko")
    form = staff.get(reverse("guides:create"), {"person": person.pk}).content.decode()
    assert f'value="{person.pk}" checked' in form


def test_the_guide_form_refuses_a_missing_person(staff):
    response = staff.post(reverse("guides:create"), {"active": "on"})
    assert "Choose the person who becomes a guide." in response.content.decode()


def test_a_guide_profile_is_edited(staff, saba):
    url = reverse("guides:edit", args=[saba.pk])
    form = staff.get(url).content.decode()
    assert "Eritrean families" in form and "lotse2.hagen" in form
    response = staff.post(
        url,
        {
            "languages": [language("ti").pk],
            "communities": "Eritrean families",
            "availability": "only mornings",
            "user": saba.user_id,
        },
    )
    assert response.status_code == 302
    with scopes_disabled():
        saba.refresh_from_db()
    assert saba.availability == "only mornings" and saba.active is False
    page = staff.get(reverse("guides:detail", args=[saba.pk])).content.decode()
    assert "only mornings" in page and "History" in page
