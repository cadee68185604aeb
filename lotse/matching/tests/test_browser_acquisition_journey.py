"""From a recommendation to a filled place, in a real browser (Chromium).

Selin counsels in Hagen. The Türkischer Elternverein Hagen recommends the flooring
business of Mr Yılmaz. She starts the acquisition from the company's page (Lotse first
refuses the recommendation without its recommender and keeps what she typed), logs
her call, moves the company on the board with the keyboard until it may train, and
records the Einstiegsqualifizierung (EQ) it offers as a Bodenleger. Hadi Rezaie wants
to become a Bodenleger: his matching profile puts the EQ first, with its reasons in
words; one click suggests him, and the placement goes applied → accepted → started,
which becomes his case's outcome on its own. The channel analytics then show what the
recommendation brought. Every page she sees must pass axe-core's WCAG 2.1 A/AA rules;
on a phone the board must not widen the page.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation
from django_scopes import scopes_disabled

from lotse.browser_testing import (
    assert_no_axe_violations,
    assert_stylesheet_loaded,
    submit_login_form,
)
from lotse.cases.models import OutcomeKind
from lotse.companies.models import Acquisition, ActivityKind, Channel, Stage
from lotse.core.geo import coordinates, distance_km, load_postcodes
from lotse.factories import CaseFactory, OrganisationFactory, PersonFactory, PlaceFactory
from lotse.matching.models import (
    CefrLevel,
    Occupation,
    Place,
    PlaceKind,
    Placement,
    PlacementStatus,
    PlaceStatus,
)
from lotse.matching.reference import load_occupations
from lotse.organisations.models import OrganisationKind

pytestmark = pytest.mark.browser

MSO = "Türkischer Elternverein Hagen"
COMPANY = "Bodenbeläge Yılmaz"
NOTES = "Herr Yılmaz sucht Nachwuchs, Tipp vom Elternabend"
HAUPTSCHULE = "hauptschule"


@pytest.fixture
def reference_data(live_site):
    """Postcodes and occupations (the live server's database is emptied after each test)."""
    with scopes_disabled():
        load_postcodes()
        load_occupations()


def de(message: str) -> str:
    """MESSAGE as the German interface words it (the English one while untranslated)."""
    with translation.override("de"):
        return translation.gettext(message)


def _go(page, url: str) -> None:
    page.goto(url)
    assert_no_axe_violations(page)


def _click(page, selector: str) -> None:
    """Follow a link or press a button that loads a new page; check the new page."""
    with page.expect_navigation():
        page.locator(selector).first.click()
    assert_no_axe_violations(page)


def _link(url: str) -> str:
    return f'main a[href="{url}"]'


def _save(page) -> None:
    """Press the main button of the page's record form."""
    _click(page, "main form.record-form .actions button[type=submit]:not([name])")


def _stage_now(page) -> str:
    return page.locator('.stepper [aria-current="step"] .step-label').inner_text()


def _move_on_board(page, acquisition, stage: str) -> None:
    """Keyboard only: focus the card's stage choice, choose, Tab to “Move”, Enter."""
    select = page.locator(f"#move-{acquisition.pk}")
    select.focus()
    select.select_option(stage)
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert_no_axe_violations(page)
    card = page.locator(f"#acquisition-{acquisition.pk}")
    column = page.locator(".board-column", has=card)
    assert column.locator("h2").get_attribute("id") == f"column-{stage}"


def _change_placement(page, placement, status: str) -> None:
    """From the person's page, through “Change status”, back to the person's page."""
    url = reverse("matching:placement_update", args=[placement.pk]) + "?next=person"
    _click(page, _link(url))
    page.select_option("#id_status", status)
    _save(page)
    assert page.url.endswith(placement.person.get_absolute_url())
    placement.refresh_from_db()
    assert placement.status == status


def test_a_recommended_company_offers_an_eq_place_and_a_young_person_starts_it(
    live_site, reference_data, page, page_360, hagen, hagen_counsellor
):
    today = datetime.date.today()
    start = today + datetime.timedelta(days=30)
    mso = OrganisationFactory(office=hagen, name=MSO, kind=OrganisationKind.MIGRANT_ORG)
    company = OrganisationFactory(
        office=hagen,
        name=COMPANY,
        kind=OrganisationKind.COMPANY,
        postcode="58089",
        migrant_led=True,
    )
    hadi = PersonFactory(
        office=hagen,
        given_names="Hadi",
        family_name="Rezaie",
        is_young_person=True,
        postcode="58135",
        town="Hagen",
    )
    case = CaseFactory(person=hadi, counsellor=hagen_counsellor)
    with scopes_disabled():
        bodenleger = Occupation.objects.get(name="Bodenleger")
        koch = Occupation.objects.get(name="Koch")
    # Another open place, next door to Hadi but not what he wants: the EQ must rank above it.
    PlaceFactory(
        office=hagen,
        kind=PlaceKind.INTERNSHIP,
        company=OrganisationFactory(office=hagen, name="Gasthaus an der Volme"),
        occupation=koch,
        postcode="58135",
        start_date=today + datetime.timedelta(days=14),
    )

    # GIVEN Selin is logged in and opens the company's page
    _go(page, live_site.url + reverse("accounts:login"))
    submit_login_form(page, "beratung.hagen")
    assert_no_axe_violations(page)  # the start page
    _go(page, live_site.url + company.get_absolute_url())
    assert_stylesheet_loaded(page)

    # WHEN she starts the acquisition as a personal recommendation without the recommender
    _click(page, _link(reverse("companies:start_for", args=[company.pk])))
    page.check(f'input[name="channel"][value="{Channel.RECOMMENDATION}"]')
    page.fill("#id_notes", NOTES)
    _save(page)

    # THEN it is refused, naming the missing recommender, and what she entered is kept
    assert page.locator("#error-summary").count() == 1
    assert page.locator("#id_recommended_by_organisation_error").count() == 1
    assert page.is_checked(f'input[name="channel"][value="{Channel.RECOMMENDATION}"]')
    assert page.input_value("#id_notes") == NOTES
    with scopes_disabled():
        assert not Acquisition.objects.filter(company=company).exists()

    # WHEN she names the MSO as the recommender
    page.select_option("#id_recommended_by_organisation", str(mso.pk))
    _save(page)

    # THEN the acquisition is started, identified, recommended by the MSO
    with scopes_disabled():
        acquisition = Acquisition.objects.get(company=company)
    assert page.url == live_site.url + acquisition.get_absolute_url()
    assert acquisition.channel == Channel.RECOMMENDATION
    assert acquisition.recommended_by_organisation == mso
    assert acquisition.notes == NOTES
    assert _stage_now(page) == de(Stage.IDENTIFIED.label)
    assert MSO in page.locator("#details-heading + .details").inner_text()

    # WHEN she logs her phone call
    if page.locator(".log-activity[open]").count() == 0:
        page.locator(".log-activity summary").click()
    page.select_option("#id_kind", ActivityKind.CALL)
    page.fill("#id_date", today.isoformat())
    page.fill("#id_outcome", "Inhaber offen für eine EQ als Bodenleger")
    _click(page, ".log-activity button[type=submit]")

    # THEN the call is listed and the company counts as contacted
    assert (
        "Inhaber offen für eine EQ als Bodenleger"
        in page.locator("section:has(#activities-heading) .history").inner_text()
    )
    assert _stage_now(page) == de(Stage.CONTACTED.label)

    # WHEN she moves it on the board, by keyboard, to counselled and to entitled to train
    _go(page, live_site.url + reverse("companies:board"))
    card = page.locator(f"#acquisition-{acquisition.pk}")
    column = page.locator(".board-column", has=card)
    assert column.locator("h2").get_attribute("id") == f"column-{Stage.CONTACTED}"
    _move_on_board(page, acquisition, Stage.COUNSELLED)
    _move_on_board(page, acquisition, Stage.ENTITLED)
    acquisition.refresh_from_db()
    assert acquisition.stage == Stage.ENTITLED

    # WHEN she records the EQ place, choosing the occupation by typing in the picker
    _go(page, live_site.url + reverse("matching:place_list"))
    _click(page, _link(reverse("matching:place_create")))
    page.select_option("#id_kind", PlaceKind.EQ)
    page.select_option("#id_company", str(company.pk))
    page.locator("#id_occupation").focus()
    page.keyboard.type("Bodenleger")
    assert page.input_value("#id_occupation") == str(bodenleger.pk)
    page.fill("#id_postcode", "58089")
    page.fill("#id_start_date", start.isoformat())
    page.fill("#id_duration", "6 Monate")
    page.fill("#id_seats", "1")
    page.select_option("#id_required_school_certificate", HAUPTSCHULE)
    page.select_option("#id_required_german_level", CefrLevel.B1)
    _save(page)

    # THEN the place is open in Hagen's 58089 and the acquisition offers places
    with scopes_disabled():
        place = Place.objects.get(company=company)
    assert page.url == live_site.url + place.get_absolute_url()
    assert (place.kind, place.occupation, place.postcode) == (PlaceKind.EQ, bodenleger, "58089")
    assert place.start_date == start and place.status == PlaceStatus.OPEN
    assert place.latitude is not None
    _go(page, live_site.url + acquisition.get_absolute_url())
    assert _stage_now(page) == de(Stage.OFFERS_PLACES.label)
    assert page.locator(f'#places-heading ~ ul a[href="{place.get_absolute_url()}"]').count() == 1

    # WHEN she records Hadi's matching profile from his page and looks for places
    _go(page, live_site.url + hadi.get_absolute_url())
    _click(page, _link(reverse("matching:profile", args=[hadi.pk])))
    page.select_option("#id_wish_1", str(bodenleger.pk))
    page.select_option("#id_german_level", CefrLevel.B1)
    page.select_option("#id_school_certificate", HAUPTSCHULE)
    _click(page, 'main form.record-form button[name="then"][value="places"]')

    # THEN the EQ comes first, above the internship next door, with its reasons in words
    assert page.url == live_site.url + reverse("matching:person_places", args=[hadi.pk])
    rows = page.locator("table.ranking tbody tr")
    assert rows.count() == 2
    first = rows.nth(0)
    assert first.locator(f'a[href="{place.get_absolute_url()}"]').count() == 1
    with scopes_disabled():
        km = round(distance_km(coordinates("58135"), coordinates("58089")))
    reasons = first.locator("ul.reasons").first.inner_text()
    assert de("wished occupation: %(occupation)s") % {"occupation": "Bodenleger"} in reasons
    assert de("%(km)s km from home") % {"km": km} in reasons

    # WHEN she suggests him with one click
    _click(page, "table.ranking tbody tr:first-child button[type=submit]")

    # THEN the placement is recorded with its reasons, tied to his open case
    with scopes_disabled():
        placement = Placement.objects.get(person=hadi)
    assert (placement.place, placement.status, placement.case) == (
        place,
        PlacementStatus.SUGGESTED,
        case,
    )
    assert de("wished occupation: %(occupation)s") % {"occupation": "Bodenleger"} in (
        placement.match_reasons
    )
    assert page.url == live_site.url + reverse("matching:person_places", args=[hadi.pk])
    assert page.locator(f'table.ranking a[href="{place.get_absolute_url()}"]').count() == 0
    placements = page.locator("section:has(#placements-heading)").inner_text()
    assert "Bodenleger" in placements and de(PlacementStatus.SUGGESTED.label) in placements

    # WHEN the placement moves on: applied, accepted, started
    _go(page, live_site.url + hadi.get_absolute_url())
    with scopes_disabled():
        for status in (PlacementStatus.APPLIED, PlacementStatus.ACCEPTED, PlacementStatus.STARTED):
            _change_placement(page, placement, status)
        place.refresh_from_db()
    assert place.status == PlaceStatus.FILLED

    # THEN his case shows the EQ as its outcome, without anyone recording it
    _go(page, live_site.url + case.get_absolute_url())
    outcomes = page.locator("#outcomes-heading + ul").inner_text()
    assert de(OutcomeKind.EQ.label) in outcomes
    assert "Bodenleger" in outcomes and COMPANY in outcomes

    # WHEN she looks at the channel analytics for a period that contains today
    _go(page, live_site.url + reverse("companies:analytics"))
    page.fill("#id_start", (today - datetime.timedelta(days=7)).isoformat())
    page.fill("#id_end", (today + datetime.timedelta(days=7)).isoformat())
    _click(page, "main form.filters button[type=submit]")

    # THEN the recommendation brought 1 company, 1 place offered and 1 filled, by the MSO
    stages = len(Stage.values)
    row = page.locator("#channels tbody tr", has_text=de(Channel.RECOMMENDATION.label))
    cells = row.locator("td").all_inner_texts()
    assert cells[0] == "1", cells
    assert cells[1 + stages : 1 + stages + 2] == ["1", "1"], cells
    recommender = page.locator("#recommenders tbody tr", has_text=MSO)
    cells = recommender.locator("td").all_inner_texts()
    assert cells[0] == "1" and cells[1 + stages : 1 + stages + 2] == ["1", "1"], cells
    assert page.locator('main figure.chart svg[role="img"]').count() == 1
    assert page.locator("main figure.chart svg rect.bar").count() > 0

    # AND on a phone the board scrolls by itself without widening the page
    _go(page_360, live_site.url + reverse("accounts:login"))
    submit_login_form(page_360, "beratung.hagen")
    assert_no_axe_violations(page_360)
    _go(page_360, live_site.url + reverse("companies:board"))
    assert page_360.locator(f"#acquisition-{acquisition.pk}").count() == 1
    width = page_360.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, width
