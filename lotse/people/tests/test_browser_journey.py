"""The counsellor's main journey with people, once more in a real browser (Chromium).

Selin counsels in Hagen. She logs in, records a young man whose documents give his
name in Arabic script and a placeholder date of birth, and later finds him again by
typing the name the way it sounds. Every page she sees must pass axe-core's WCAG 2.1
A/AA rules.
"""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from lotse.browser_testing import (
    assert_no_axe_violations,
    assert_stylesheet_loaded,
    login,
    submit_login_form,
)
from lotse.core.models import Language
from lotse.core.partial_dates import PartialDateField
from lotse.factories import PersonFactory
from lotse.people.models import Person

pytestmark = pytest.mark.browser

NAMES = {
    "#id_given_names": "Mohammed",
    "#id_family_name": "Al-Hassan",
    "#id_given_names_original": "محمد",
    "#id_family_name_original": "الحسن",
}


def _fill_names(page):
    for selector, value in NAMES.items():
        page.fill(selector, value)


def _save(page):
    with page.expect_navigation():
        page.locator("form.record-form [type=submit]").click()


def _person_link(page, person):
    return page.locator(f'#results a[href="{person.get_absolute_url()}"]')


def test_it_records_a_person_with_an_arabic_name_and_finds_them_again(
    live_site, page, hagen, hagen_counsellor
):
    PersonFactory(office=hagen, given_names="Olena", family_name="Kovalenko")

    # GIVEN Selin opens Lotse and is asked to log in
    page.goto(live_site.url + reverse("core:home"))
    assert page.locator("#id_password").is_visible()
    assert_stylesheet_loaded(page)
    assert_no_axe_violations(page)
    submit_login_form(page, "beratung.hagen")
    assert page.url == live_site.url + reverse("core:home")
    assert_no_axe_violations(page)

    # WHEN she adds a person from the people list
    with page.expect_navigation():
        page.locator(f'nav a[href="{reverse("people:list")}"]').click()
    assert_no_axe_violations(page)
    with page.expect_navigation():
        page.locator(f'main a[href="{reverse("people:create")}"]').click()
    assert_no_axe_violations(page)
    _fill_names(page)
    page.fill("#id_birth_date", "01.01.2007")
    page.check("#id_birth_date_placeholder")
    page.check("input[name=kinds][value=young_person]")
    arabic = Language.objects.get(code="ar")
    page.check(f"input[name=languages][value='{arabic.pk}']")
    _save(page)

    # THEN the person page shows him with his name in Arabic script
    with scopes_disabled():
        person = Person.objects.get(family_name="Al-Hassan")
    assert page.url == live_site.url + person.get_absolute_url()
    assert person.office == hagen
    assert str(person.birth_date) == "01.01.2007"
    assert person.birth_date_placeholder
    assert person.kinds == ["young_person"]
    assert list(person.languages.all()) == [arabic]
    heading = page.locator("h1")
    assert "Mohammed Al-Hassan" in heading.inner_text()
    assert heading.locator(".original").inner_text() == "محمد الحسن"
    details = page.locator(".details").inner_text()
    with translation.override("de"):
        placeholder_note = translation.gettext("placeholder from the document")
    assert f"01.01.2007 ({placeholder_note})" in details
    assert arabic.name_de in details
    assert_no_axe_violations(page)

    # WHEN she searches the list for him as his name sounds (the list updates as she types)
    with page.expect_navigation():
        page.locator(f'nav a[href="{reverse("people:list")}"]').click()
    expect(page.locator("#results tbody tr")).to_have_count(2)
    page.fill("#id_q", "muhammad")
    # THEN she finds him, and only him
    expect(page.locator("#results tbody tr")).to_have_count(1)
    expect(_person_link(page, person)).to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]q=muhammad(&|$)"))
    assert_no_axe_violations(page)

    # and another spelling, sent with the Enter key, finds him too
    page.fill("#id_q", "Mohamad")
    with page.expect_navigation():
        page.press("#id_q", "Enter")
    expect(page).to_have_url(re.compile(r"[?&]q=Mohamad(&|$)"))
    expect(page.locator("#results tbody tr")).to_have_count(1)
    expect(_person_link(page, person)).to_be_visible()
    assert_no_axe_violations(page)

    # WHEN she opens the record
    with page.expect_navigation():
        _person_link(page, person).click()
    # THEN it is his
    assert page.url == live_site.url + person.get_absolute_url()
    assert "Mohammed Al-Hassan" in page.locator("h1").inner_text()
    assert_no_axe_violations(page)


def test_it_keeps_list_and_form_usable_on_a_360_px_phone(
    live_site, page_360, hagen, hagen_counsellor
):
    PersonFactory(
        office=hagen,
        given_names="Mohammed Abdulrahman",
        family_name="Al-Hassan-Abdelrahim",
        given_names_original="محمد عبد الرحمن",
        family_name_original="الحسن عبد الرحيم",
        town="Hagen-Hohenlimburg",
    )
    page = page_360
    login(page, live_site, "beratung.hagen")

    for url_name in ("people:list", "people:create"):
        page.goto(live_site.url + reverse(url_name))
        assert_stylesheet_loaded(page)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{url_name} is {width} px wide at 360 px"
        assert_no_axe_violations(page)

    # The form's fields and its button are within reach without scrolling sideways.
    for selector in ("#id_given_names", "#id_birth_date", "form.record-form [type=submit]"):
        box = page.locator(selector).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360, selector


def test_it_shows_what_is_wrong_with_a_date_and_keeps_the_names(
    live_site, page, hagen, hagen_counsellor
):
    login(page, live_site, "beratung.hagen")
    page.goto(live_site.url + reverse("people:create"))
    _fill_names(page)
    page.fill("#id_birth_date", "31.02.2007")
    _save(page)

    summary = page.locator("#error-summary")
    assert summary.is_visible()
    assert summary.locator('a[href="#id_birth_date"]').is_visible()
    # The message as the German interface words it (the English one while untranslated).
    with translation.override("de"):
        expected = str(PartialDateField.default_error_messages["invalid"])
    error = page.locator("#id_birth_date_error")
    assert error.is_visible()
    assert error.inner_text() == expected
    for selector, value in NAMES.items():
        assert page.input_value(selector) == value
    assert page.input_value("#id_birth_date") == "31.02.2007"
    with scopes_disabled():
        assert not Person.objects.exists()
    assert_no_axe_violations(page)


def test_it_answers_404_to_osnabrueck_for_a_hagen_person(
    live_site, page, hagen, osnabrueck_counsellor
):
    person = PersonFactory(office=hagen, given_names="Mohammed", family_name="Al-Hassan")
    login(page, live_site, "beratung.osnabrueck")

    for url in (person.get_absolute_url(), reverse("people:update", args=[person.pk])):
        response = page.goto(live_site.url + url)
        assert response.status == 404
        assert page.locator("h1").is_visible()
        assert "Al-Hassan" not in page.content()
        assert_no_axe_violations(page)
