import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from lotse.core.models import Language
from lotse.factories import (
    CaseFactory,
    OrganisationFactory,
    ParentChildFactory,
    PersonFactory,
)
from lotse.people.models import ParentChild, Person


@pytest.fixture
def logged_in(client, hagen_counsellor):
    client.force_login(hagen_counsellor)
    return client


def _names(response):
    return response.content.decode()


def test_the_list_finds_people_in_any_spelling(logged_in, hagen):
    PersonFactory(office=hagen, given_names="Ayşe", family_name="Özdemir")
    PersonFactory(
        office=hagen,
        given_names="Muhammad",
        family_name="Al-Hassan",
        given_names_original="محمد",
    )
    PersonFactory(office=hagen, given_names="Olena", family_name="Kovalenko")
    for query in ["ozdemir", "Oezdemir", "ÖZDEMIR", "ozd"]:
        page = _names(logged_in.get(reverse("people:list"), {"q": query}))
        assert "Özdemir" in page, query
        assert "Kovalenko" not in page, query
    for query in ["mohammed", "Mohamad", "محمد", "mohammed al-hassan"]:
        page = _names(logged_in.get(reverse("people:list"), {"q": query}))
        assert "Al-Hassan" in page, query
        assert "Özdemir" not in page, query


def test_closer_spellings_come_first(logged_in, hagen):
    PersonFactory(office=hagen, given_names="Mahmoud", family_name="Abbas")
    PersonFactory(office=hagen, given_names="Mohammed", family_name="Zaza")
    page = _names(logged_in.get(reverse("people:list"), {"q": "mohammed"}))
    assert page.index("Zaza") < page.index("Abbas")


def test_the_list_filters_by_kind_and_language_and_pages(logged_in, hagen):
    arabic = Language.objects.get(code="ar")
    parent = PersonFactory(office=hagen, family_name="Elternteil", is_young_person=False)
    parent.is_parent = True
    with scopes_disabled():
        parent.save()
        parent.languages.add(arabic)
    for number in range(30):
        PersonFactory(office=hagen, family_name=f"Jugendlich{number:02d}")
    page = _names(logged_in.get(reverse("people:list"), {"kind": "parent"}))
    assert "Elternteil" in page and "Jugendlich00" not in page
    page = _names(logged_in.get(reverse("people:list"), {"language": arabic.pk}))
    assert "Elternteil" in page and "Jugendlich00" not in page
    first = _names(logged_in.get(reverse("people:list")))
    second = _names(logged_in.get(reverse("people:list"), {"page": 2}))
    assert "31" in first  # count of people shown
    assert "Jugendlich00" in first and "Jugendlich29" in second


def test_htmx_search_returns_only_the_results(logged_in, hagen):
    PersonFactory(office=hagen, family_name="Özdemir")
    response = logged_in.get(
        reverse("people:list"), {"q": "oezdemir"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="results"
    )
    page = _names(response)
    assert "Özdemir" in page
    assert "<header" not in page


def test_creating_a_person_with_original_script_and_partial_date(logged_in, hagen):
    arabic = Language.objects.get(code="ar")
    response = logged_in.post(
        reverse("people:create"),
        {
            "given_names": "Zahra",
            "family_name": "Ahmadi",
            "given_names_original": "زهرا",
            "family_name_original": "احمدی",
            "birth_date": "01.01.2008",
            "birth_date_placeholder": "on",
            "gender": "female",
            "kinds": ["young_person"],
            "languages": [arabic.pk],
            "postcode": "58135",
        },
    )
    with scopes_disabled():
        person = Person.objects.get(family_name="Ahmadi")
    assert response.status_code == 302
    assert response.url == person.get_absolute_url()
    assert person.office == hagen
    assert (person.birth_year, person.birth_month, person.birth_day) == (2008, 1, 1)
    page = _names(logged_in.get(person.get_absolute_url()))
    assert "زهرا" in page
    assert "01.01.2008" in page


def test_bad_input_keeps_what_was_typed_and_explains(logged_in):
    response = logged_in.post(
        reverse("people:create"),
        {
            "given_names": "Tesfay",
            "family_name": "Haile",
            "birth_date": "31.02.2007",
            "gender": "male",
            "email": "tesfay-at-example.org",
            "postcode": "581",
        },
    )
    assert response.status_code == 200
    page = _names(response)
    assert 'value="Tesfay"' in page and 'value="31.02.2007"' in page
    assert "error-summary" in page
    assert "58135" in page  # the postcode message shows an example
    with scopes_disabled():
        assert not Person.objects.filter(family_name="Haile").exists()


def test_editing_records_the_change_in_the_history(logged_in, hagen, hagen_counsellor):
    person = PersonFactory(office=hagen, given_names="Olena", family_name="Kovalenko")
    response = logged_in.post(
        reverse("people:update", args=[person.pk]),
        {"given_names": "Olena", "family_name": "Kowalenko", "gender": "female", "town": "Hagen"},
    )
    assert response.status_code == 302
    history = _names(logged_in.get(reverse("people:history", args=[person.pk])))
    assert "Kovalenko" in history and "Kowalenko" in history
    assert "Selin" in history  # who changed it


def test_deleting_asks_first_then_deletes(logged_in, hagen):
    person = PersonFactory(office=hagen, family_name="Nowak")
    confirm = logged_in.get(reverse("people:delete", args=[person.pk]))
    assert confirm.status_code == 200 and "Nowak" in _names(confirm)
    with scopes_disabled():
        assert Person.objects.filter(pk=person.pk).exists()
    logged_in.post(reverse("people:delete", args=[person.pk]))
    with scopes_disabled():
        assert not Person.objects.filter(pk=person.pk).exists()


def test_linking_parent_and_child_shows_on_both_pages(logged_in, hagen):
    mother = PersonFactory(office=hagen, given_names="Amal", family_name="Haddad")
    son = PersonFactory(office=hagen, given_names="Karim", family_name="Haddad")
    search = logged_in.get(reverse("people:link_relative", args=[mother.pk]), {"q": "karim"})
    assert f'value="{son.pk}"' in _names(search)
    logged_in.post(
        reverse("people:link_relative", args=[mother.pk]), {"other": son.pk, "relation": "child"}
    )
    assert f'href="{son.get_absolute_url()}"' in _names(logged_in.get(mother.get_absolute_url()))
    assert f'href="{mother.get_absolute_url()}"' in _names(logged_in.get(son.get_absolute_url()))
    # The reverse link would be a cycle and is refused with a message.
    response = logged_in.post(
        reverse("people:link_relative", args=[mother.pk]), {"other": son.pk, "relation": "parent"}
    )
    assert response.status_code == 200
    with scopes_disabled():
        assert ParentChild.objects.count() == 1


def test_a_person_of_another_office_cannot_be_linked(logged_in, hagen, osnabrueck):
    mother = PersonFactory(office=hagen)
    stranger = PersonFactory(office=osnabrueck)
    response = logged_in.post(
        reverse("people:link_relative", args=[mother.pk]),
        {"other": stranger.pk, "relation": "child"},
    )
    assert response.status_code == 200
    with scopes_disabled():
        assert not ParentChild.objects.exists()


def test_removing_a_link(logged_in, hagen):
    link = ParentChildFactory(parent__office=hagen)
    logged_in.post(reverse("people:unlink_relative", args=[link.parent_id, link.pk]))
    with scopes_disabled():
        assert not ParentChild.objects.exists()


def test_affiliations_show_on_person_and_organisation(logged_in, hagen):
    person = PersonFactory(office=hagen, given_names="Hadi", family_name="Rezaie")
    company = OrganisationFactory(office=hagen, name="Bodenbeläge Schmidt")
    search = logged_in.get(
        reverse("organisations:add_affiliation", args=[person.pk]), {"q": "boden"}
    )
    assert "Bodenbeläge Schmidt" in _names(search)
    logged_in.post(
        reverse("organisations:add_affiliation", args=[person.pk]),
        {"organisation": company.pk, "role": "apprentice", "note": "EQ seit 2017"},
    )
    assert "Bodenbeläge Schmidt" in _names(logged_in.get(person.get_absolute_url()))
    assert "Rezaie" in _names(logged_in.get(company.get_absolute_url()))


def test_the_guide_sees_no_people(client, hagen, hagen_guide):
    PersonFactory(office=hagen, family_name="Özdemir")
    client.force_login(hagen_guide)
    assert client.get(reverse("people:list")).status_code == 403
    home = _names(client.get(reverse("core:home")))
    assert "Özdemir" not in home
    assert reverse("people:list") not in home


def test_history_shows_links_also_after_they_were_removed(logged_in, hagen):
    mother = PersonFactory(office=hagen, given_names="Amal", family_name="Haddad")
    son = PersonFactory(office=hagen, given_names="Karim", family_name="Haddad")
    logged_in.post(
        reverse("people:link_relative", args=[mother.pk]), {"other": son.pk, "relation": "child"}
    )
    with scopes_disabled():
        link = ParentChild.objects.get()
    logged_in.post(reverse("people:unlink_relative", args=[mother.pk, link.pk]))
    history = _names(logged_in.get(reverse("people:history", args=[son.pk])))
    assert history.count("Haddad, Amal → Haddad, Karim") == 2  # created, then deleted


def test_a_person_with_a_case_is_not_deleted_but_told_why(client, hagen, hagen_counsellor):
    case = CaseFactory(
        person__office=hagen, person__given_names="Rahel", counsellor=hagen_counsellor
    )
    client.force_login(hagen_counsellor)
    response = client.post(
        reverse("people:delete", args=[case.person.pk]), follow=True, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert "cannot be deleted while these records refer to them: cases" in (
        response.content.decode()
    )
    with scopes_disabled():
        assert Person.objects.filter(pk=case.person.pk).exists()


def test_the_person_page_shows_self_assessed_language_levels(logged_in, hagen):
    from lotse.core.reference import load_languages
    from lotse.people.models import LanguageSkill

    load_languages()
    person = PersonFactory(office=hagen)
    with scopes_disabled():
        LanguageSkill.objects.create(
            office=hagen,
            person=person,
            language=Language.objects.get(code="de"),
            skill="reading",
            level="A2",
            source="self_assessment",
            assessed_on="2026-11-20",
        )
    page = logged_in.get(
        reverse("people:detail", args=[person.pk]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "(reading): A2 · self-assessment, 20.11.2026" in page
