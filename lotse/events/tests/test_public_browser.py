"""In a real browser on a 360 px phone: registering in Arabic until the waiting list,
and a cancellation that moves the next person up. Right-to-left layout and axe checked."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django_scopes import scopes_disabled

from lotse.browser_testing import assert_no_axe_violations, assert_stylesheet_loaded
from lotse.core.models import Language
from lotse.events.models import EventText, Registration, RegistrationStatus
from lotse.factories import EventFactory, OrganisationFactory

pytestmark = pytest.mark.browser


def arabic(message: str, **values) -> str:
    with translation.override("ar"):
        text = gettext(message)
    assert text != message
    return text % values if values else text


def assert_right_to_left(page) -> None:
    """Right to left: the heading hugs the right edge; nothing scrolls sideways."""
    layout = page.evaluate(
        """() => {
            const main = document.querySelector('main').getBoundingClientRect();
            const h1 = document.querySelector('h1');
            const range = document.createRange();
            range.selectNodeContents(h1);
            return {
                direction: getComputedStyle(document.body).direction,
                h1Right: range.getBoundingClientRect().right,
                mainRight: main.right,
                scrollWidth: document.documentElement.scrollWidth,
            };
        }"""
    )
    assert layout["direction"] == "rtl"
    # The heading's text hugs the right edge of the content (padding only), not the left.
    assert layout["mainRight"] - layout["h1Right"] < 24, layout
    assert layout["scrollWidth"] <= 360, layout


def register_in_browser(page, url: str, name: str, email: str) -> None:
    page.goto(url)
    page.get_by_label(arabic("Your name")).fill(name)
    page.get_by_label(arabic("E-mail address")).fill(email)
    with page.expect_navigation():
        page.locator("form.register [type=submit]").click()


def test_arabic_registration_until_the_waiting_list_and_moving_up(page_360, live_site, hagen):
    page = page_360
    school = OrganisationFactory(office=hagen, name="Gesamtschule Haspe")
    event = EventFactory(
        office=hagen,
        title="Elternabend: Ausbildung in Deutschland",
        capacity=1,
        venue="Aula",
        audiences=["parents"],
    )
    with scopes_disabled():
        event.partners.add(school)
        event.languages.add(*Language.objects.filter(code__in=["ar", "de"]))
        EventText.objects.create(
            event=event, office=hagen, language="ar", title="أمسية أولياء الأمور"
        )

    page.goto(live_site.url + reverse("public_events:calendar", args=["hagen", "ar"]))
    assert_stylesheet_loaded(page)
    assert_stylesheet_loaded(page, "/static/core/public.css")
    assert_right_to_left(page)
    assert_no_axe_violations(page)
    with page.expect_navigation():
        page.get_by_role("link", name="أمسية أولياء الأمور").click()
    event_url = page.url
    assert_right_to_left(page)
    assert_no_axe_violations(page)

    register_in_browser(page, event_url, "Amira Haddad", "amira@example.org")
    assert page.get_by_role("heading", level=1).inner_text() == arabic("You are registered")
    assert_right_to_left(page)
    assert_no_axe_violations(page)
    amira_page = page.url

    register_in_browser(page, event_url, "Oksana Kovalenko", "oksana@example.org")
    assert page.get_by_role("heading", level=1).inner_text() == arabic(
        "You are on the waiting list"
    )
    assert arabic("Your place on the waiting list: %(position)s", position=1) in page.inner_text(
        "main"
    )
    assert_no_axe_violations(page)

    page.goto(amira_page)
    with page.expect_navigation():
        page.get_by_role("link", name=arabic("Cancel my registration")).click()
    assert_right_to_left(page)
    assert_no_axe_violations(page)
    with page.expect_navigation():
        page.get_by_role("button", name=arabic("Yes, cancel my registration")).click()
    assert page.get_by_role("heading", level=1).inner_text() == arabic(
        "Your registration is cancelled"
    )

    with scopes_disabled():
        statuses = dict(Registration.objects.values_list("name", "status"))
    assert statuses == {
        "Amira Haddad": RegistrationStatus.CANCELLED,
        "Oksana Kovalenko": RegistrationStatus.CONFIRMED,
    }
    moved_up = [m for m in mail.outbox if m.to == ["oksana@example.org"]][-1]
    assert moved_up.subject == arabic("You have a place: %(title)s", title="أمسية أولياء الأمور")
