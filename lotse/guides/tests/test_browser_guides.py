"""The guides network in a real browser: a guide logs an inquiry on a 360 px phone,
the counsellor reads the directory, the log and the summary. axe-clean throughout.
"""

import datetime

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from lotse.browser_testing import assert_no_axe_violations, assert_stylesheet_loaded, login
from lotse.guides.models import Inquiry, SeriesCompletion, TrainingModule, TrainingSeries
from lotse.guides.tests.conftest import make_event, make_inquiry

pytestmark = pytest.mark.browser


def _fits_the_screen(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{page.url} is {width} px wide"


def _submit(page):
    with page.expect_navigation():
        page.locator("main form.record-form button[type=submit]").click()


def test_a_guide_logs_an_inquiry_on_her_phone(live_site, page_360, hagen, hamid, agentur):
    page = page_360
    make_event(hagen, title="Elternabend Realschule Haspe")
    login(page, live_site, "lotse.hagen")
    assert_stylesheet_loaded(page)
    assert_no_axe_violations(page)
    _fits_the_screen(page)

    # The big button comes first on her start page.
    with page.expect_navigation():
        page.locator(f'main a[href="{reverse("guides:inquiry_create")}"]').first.click()
    assert_no_axe_violations(page)
    _fits_the_screen(page)
    page.select_option("#id_topic", label="Ausbildungssuche")
    page.check('input[name="referred_to"][value="institution"]')
    page.select_option("#id_institution", str(agentur.pk))
    page.fill("#id_note", "Vater fragt nach Ausbildung für seine Tochter")
    page.check("#id_follow_up_wanted")
    page.fill("#id_contact_phone", "0176 1234567")
    _submit(page)

    # Without the person's consent nothing is saved, and nothing typed is lost.
    assert page.locator("#error-summary").count() == 1
    assert page.input_value("#id_contact_phone") == "0176 1234567"
    assert_no_axe_violations(page)
    _fits_the_screen(page)
    page.check("#id_contact_consent")
    _submit(page)

    assert page.url.endswith(reverse("guides:inquiry_list"))
    assert_no_axe_violations(page)
    _fits_the_screen(page)
    with scopes_disabled():
        inquiry = Inquiry.objects.get()
    assert inquiry.guide == hamid and inquiry.contact_consent and inquiry.institution == agentur

    page.goto(live_site.url + reverse("guides:my_record"))
    assert_no_axe_violations(page)
    _fits_the_screen(page)


def test_the_counsellor_s_guides_pages_are_accessible(
    live_site, page, hagen, hagen_counsellor, hamid, saba
):
    with scopes_disabled():
        series = TrainingSeries.objects.create(office=hagen, name="Elternlotsen 2026")
        TrainingModule.objects.create(
            office=hagen,
            series=series,
            event=make_event(hagen, kind="training_module", title="Modul 1", days=-7),
        )
        SeriesCompletion.objects.create(
            office=hagen, guide=saba, series=series, completed_on=datetime.date.today()
        )
    make_event(hagen, kind="network_meeting", title="Netzwerktreffen", days=30)
    inquiry = make_inquiry(
        hamid, follow_up_wanted=True, contact_phone="0176 555", contact_consent=True
    )
    login(page, live_site, "beratung.hagen")
    assert_no_axe_violations(page)  # the start page with the inquiry on the worklist
    for url in [
        reverse("guides:list"),
        reverse("guides:list") + "?language=prs",
        reverse("guides:detail", args=[saba.pk]),
        reverse("guides:create"),
        reverse("guides:edit", args=[hamid.pk]),
        reverse("guides:series_list"),
        reverse("guides:series_detail", args=[series.pk]),
        reverse("guides:module_add", args=[series.pk]),
        reverse("guides:meetings"),
        reverse("guides:inquiry_list"),
        inquiry.get_absolute_url(),
        reverse("guides:inquiry_summary"),
    ]:
        page.goto(live_site.url + url)
        assert page.locator("h1").count() == 1, url
        assert_no_axe_violations(page)
