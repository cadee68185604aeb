"""The acquisition pipeline in a real browser: keyboard only, axe-clean, usable at 360 px.

Selin hears from the Afghan cultural association about a flooring business. She starts
the acquisition from the company's page (Lotse first refuses the recommendation without
its recommender), moves the company on the board with the keyboard, logs a visit with a
next step and looks at the channel analytics. On a phone the board scrolls sideways
without widening the page.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation
from django_scopes import scope, scopes_disabled

from lotse.browser_testing import assert_no_axe_violations, assert_stylesheet_loaded, login
from lotse.companies import services
from lotse.companies.models import Acquisition, Channel, Stage
from lotse.factories import OrganisationFactory
from lotse.organisations.models import OrganisationKind

pytestmark = pytest.mark.browser


def de(message: str) -> str:
    """MESSAGE as the German interface words it (the English one while untranslated)."""
    with translation.override("de"):
        return translation.gettext(message)


def _go(page, url):
    page.goto(url)
    assert_no_axe_violations(page)


def test_a_recommended_company_through_the_pipeline_by_keyboard(
    live_site, page, hagen, hagen_counsellor
):
    company = OrganisationFactory(office=hagen, name="Bodenbeläge Rezaie")
    mso = OrganisationFactory(
        office=hagen, name="Afghanischer Kulturverein Hagen", kind=OrganisationKind.MIGRANT_ORG
    )
    login(page, live_site, "beratung.hagen")

    # Start from the company's page; the recommendation without recommender is refused.
    _go(page, live_site.url + company.get_absolute_url())
    with page.expect_navigation():
        page.locator(f'main a[href="{reverse("companies:start_for", args=[company.pk])}"]').click()
    assert_stylesheet_loaded(page)
    assert_no_axe_violations(page)
    page.check(f'input[name="channel"][value="{Channel.RECOMMENDATION}"]')
    with page.expect_navigation():
        page.locator("main form.record-form button.button:not([name])").click()
    assert page.locator("#error-summary").count() == 1
    assert_no_axe_violations(page)
    page.select_option("#id_recommended_by_organisation", str(mso.pk))
    with page.expect_navigation():
        page.locator("main form.record-form button.button:not([name])").click()
    with scopes_disabled():
        acquisition = Acquisition.objects.get(company=company)
    assert page.url == live_site.url + acquisition.get_absolute_url()
    assert acquisition.recommended_by_organisation == mso
    assert_no_axe_violations(page)

    # Move it on the board with the keyboard only: Tab to the select, choose, Enter.
    _go(page, live_site.url + reverse("companies:board"))
    select = page.locator(f"#move-{acquisition.pk}")
    select.focus()
    select.select_option(Stage.COUNSELLED)
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    card = page.locator(f"#acquisition-{acquisition.pk}")
    assert card.count() == 1
    column = page.locator(".board-column", has=card)
    assert column.locator("h2").get_attribute("id") == f"column-{Stage.COUNSELLED}"
    assert_no_axe_violations(page)

    # Log a visit with a next step on the detail page; it shows on the worklist.
    _go(page, live_site.url + acquisition.get_absolute_url())
    current = page.locator('.stepper [aria-current="step"]')
    assert de(Stage.COUNSELLED.label) in current.inner_text()
    if page.locator(".log-activity[open]").count() == 0:
        page.locator(".log-activity summary").click()
    page.select_option("#id_kind", "visit")
    page.fill("#id_outcome", "Inhaber will eine EQ anbieten")
    page.fill("#id_next_step", "Antrag EQ mitbringen")
    page.fill("#id_next_step_due_on", datetime.date.today().isoformat())
    with page.expect_navigation():
        page.locator(".log-activity button[type=submit]").click()
    assert "Antrag EQ mitbringen" in page.locator("main").inner_text()
    assert_no_axe_violations(page)
    _go(page, live_site.url + reverse("core:home"))
    assert "Antrag EQ mitbringen" in page.locator(".worklist").inner_text()

    # The channel analytics, table and chart.
    _go(page, live_site.url + reverse("companies:analytics"))
    assert page.locator('svg[role="img"]').count() == 1
    assert mso.name in page.locator("#recommenders").inner_text()


def test_the_board_scrolls_sideways_on_a_phone(live_site, page_360, hagen, hagen_counsellor):
    with scope(office=[hagen.pk]):
        for index, stage in enumerate(Stage.values):
            acquisition = services.start_acquisition(
                OrganisationFactory(
                    office=hagen, name=f"Handwerksbetrieb mit langem Namen {index}"
                ),
                channel=Channel.COLD_CALL,
                counsellor=hagen_counsellor,
            )
            services.move_to_stage(acquisition, stage, by=hagen_counsellor)
    login(page_360, live_site, "beratung.hagen")
    _go(page_360, live_site.url + reverse("companies:board"))
    page_width = page_360.evaluate("document.documentElement.scrollWidth")
    assert page_width <= 360, page_width
    board = page_360.evaluate(
        "(() => { const b = document.querySelector('.board');"
        " return [b.scrollWidth, b.clientWidth]; })()"
    )
    assert board[0] > board[1], board  # the board itself scrolls
    _go(page_360, live_site.url + reverse("companies:analytics"))
    assert page_360.evaluate("document.documentElement.scrollWidth") <= 360
