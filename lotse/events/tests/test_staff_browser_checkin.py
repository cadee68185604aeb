"""The door of a parents' evening in a real browser, on a 360 px phone.

Selin opens the check-in list on her phone, finds Mohammed by typing "Muhamad",
checks him in with one tap (the row and the count change without a page load),
adds a walk-in and downloads the certificates: the PDF contains Mohammed's name.
The event pages pass axe and do not scroll sideways.
"""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled
from pypdf import PdfReader

from lotse.browser_testing import assert_no_axe_violations, assert_stylesheet_loaded, login
from lotse.events.models import Registration, RegistrationStatus
from lotse.factories import EventFactory, OrganisationFactory, RegistrationFactory

pytestmark = pytest.mark.browser


def _no_sideways_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


@pytest.fixture
def evening(hagen):
    school = OrganisationFactory(office=hagen, name="Gesamtschule Haspe")
    event = EventFactory(
        office=hagen,
        title="Elternabend Ausbildung in Deutschland",
        starts_at=timezone.now() + datetime.timedelta(minutes=30),
        venue_organisation=school,
        capacity=2,
    )
    RegistrationFactory(event=event, name="Mohammed Al-Hassan", companions=2, phone="0176 1")
    RegistrationFactory(event=event, name="Olena Kovalenko")
    RegistrationFactory(event=event, name="Tesfay Haile", status=RegistrationStatus.WAITLISTED)
    return event


def test_checking_in_at_the_door_on_a_phone(live_site, page_360, hagen_counsellor, evening):
    page = page_360
    login(page, live_site, "beratung.hagen")
    page.goto(live_site.url + reverse("events:checkin", args=[evening.pk]))
    assert_stylesheet_loaded(page)
    assert_no_axe_violations(page)
    _no_sideways_scroll(page)
    count = page.locator("#checkin-count")
    assert count.inner_text().startswith("0 ")

    page.fill("#checkin-q", "Muhamad")
    page.wait_for_function(
        "document.querySelectorAll('#checkin-results .checkin-row').length === 1"
    )
    row = page.locator(".checkin-row", has_text="Mohammed Al-Hassan")
    url_before = page.url
    button = row.locator("button")
    assert button.bounding_box()["height"] >= 44  # a big touch target
    button.click()
    page.wait_for_function("document.querySelector('.checkin-row.present') !== null")
    assert page.url == url_before  # swapped in place, no page load
    assert count.inner_text().startswith("1 ")
    assert page.evaluate("document.activeElement.closest('.checkin-row') !== null")
    with scopes_disabled():
        assert Registration.objects.get(name="Mohammed Al-Hassan").attended
    assert_no_axe_violations(page)

    # A walk-in from the form below the list.
    page.fill("#id_name", "Frau Haddad")
    with page.expect_navigation():
        page.locator("form:has(#id_name) button[type=submit]").click()
    assert count.inner_text().startswith("2 ")
    assert page.locator(".checkin-row.present", has_text="Frau Haddad").count() == 1

    # The event page on the phone, then the certificates of everyone present.
    page.goto(live_site.url + evening.get_absolute_url())
    assert_no_axe_violations(page)
    _no_sideways_scroll(page)
    response = page.request.get(live_site.url + reverse("events:certificates", args=[evening.pk]))
    assert response.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.body()))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert len(reader.pages) == 2 and "Mohammed Al-Hassan" in text and "Frau Haddad" in text


def test_the_event_pages_pass_axe(live_site, page, hagen_counsellor, evening):
    login(page, live_site, "beratung.hagen")
    for url in (
        reverse("events:list"),
        reverse("events:create"),
        reverse("events:edit", args=[evening.pk]),
        evening.get_absolute_url(),
        reverse("events:add_person", args=[evening.pk]) + "?q=Nobody",
        reverse("events:walk_in", args=[evening.pk]),
        reverse("events:delete", args=[evening.pk]),
        reverse("events:report"),
    ):
        page.goto(live_site.url + url)
        assert_no_axe_violations(page)
    # The form with errors: the summary gets the focus.
    page.goto(live_site.url + reverse("events:create"))
    with page.expect_navigation():
        page.locator("form.record-form button[type=submit]").click()
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert_no_axe_violations(page)
