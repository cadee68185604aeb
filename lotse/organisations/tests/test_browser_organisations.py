"""Organisations and a person's role there, in a real browser (Chromium).

Selin records the garage Ayşe Özdemir owns and links her to it; the person page then
shows the relation. Every page she sees must pass axe-core's WCAG 2.1 A/AA rules.
"""

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from lotse.browser_testing import assert_no_axe_violations, login
from lotse.factories import PersonFactory
from lotse.organisations.models import Affiliation, Organisation

pytestmark = pytest.mark.browser


def test_it_records_a_company_and_the_owners_role_there(live_site, page, hagen, hagen_counsellor):
    person = PersonFactory(office=hagen, given_names="Ayşe", family_name="Özdemir")
    login(page, live_site, "beratung.hagen")

    # WHEN she adds a migrant-led company from the organisations list
    with page.expect_navigation():
        page.locator(f'nav a[href="{reverse("organisations:list")}"]').click()
    assert_no_axe_violations(page)
    with page.expect_navigation():
        page.locator(f'main a[href="{reverse("organisations:create")}"]').click()
    assert_no_axe_violations(page)
    page.fill("#id_name", "Özdemir Kfz-Technik GmbH")
    page.select_option("#id_kind", "company")
    page.fill("#id_town", "Hagen")
    page.fill("#id_sector", "Kfz-Handwerk")
    page.select_option("#id_size_class", "small")
    page.check("#id_migrant_led")
    page.select_option("#id_chamber", "hwk")
    with page.expect_navigation():
        page.locator("form.record-form [type=submit]").click()

    # THEN the organisation's page shows it
    with scopes_disabled():
        company = Organisation.objects.get(name="Özdemir Kfz-Technik GmbH")
    assert page.url == live_site.url + company.get_absolute_url()
    assert (company.office, company.migrant_led, company.size_class) == (hagen, True, "small")
    assert "Özdemir Kfz-Technik GmbH" in page.locator("h1").inner_text()
    assert_no_axe_violations(page)

    # WHEN she records Ayşe as its owner, finding the company by a plain spelling
    page.goto(live_site.url + person.get_absolute_url())
    with page.expect_navigation():
        page.locator(
            f'a[href="{reverse("organisations:add_affiliation", args=[person.pk])}"]'
        ).click()
    assert_no_axe_violations(page)
    page.fill("#id_q", "ozdemir")
    with page.expect_navigation():
        page.press("#id_q", "Enter")
    assert_no_axe_violations(page)
    page.check(f"#org-{company.pk}")
    page.select_option("#id_role", "owner")
    with page.expect_navigation():
        page.locator("main form[method=post] [type=submit]").click()

    # THEN her page shows the relation
    assert page.url == live_site.url + person.get_absolute_url()
    with scopes_disabled():
        assert Affiliation.objects.filter(
            person=person, organisation=company, role="owner"
        ).exists()
    assert page.locator(f'main a[href="{company.get_absolute_url()}"]').is_visible()
    assert_no_axe_violations(page)
