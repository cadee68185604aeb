"""The office's public calendar (page and .ics feed) that guides share with their community."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_scopes import scopes_disabled
from icalendar import Calendar

from lotse.events.models import EventText
from lotse.factories import EventFactory, RegistrationFactory

BERLIN = ZoneInfo("Europe/Berlin")


def at(days: int, hour: int = 18) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour, 0), tzinfo=BERLIN)


def page(response) -> str:
    return response.content.decode()


@pytest.fixture
def events(hagen, osnabrueck):
    """Hagen's calendar: two coming events, one past, one by invitation; one of Osnabrück."""
    fair = EventFactory(
        office=hagen,
        kind="training_fair",
        title="Hagener Ausbildungsmesse",
        starts_at=at(30, 10),
        ends_at=at(30, 16),
        capacity=None,
    )
    evening = EventFactory(
        office=hagen, title="Elternabend Duale Ausbildung", starts_at=at(7), capacity=1
    )
    RegistrationFactory(event=evening, status="confirmed")
    with scopes_disabled():
        EventText.objects.create(
            event=evening, office=hagen, language="ar", title="أمسية أولياء الأمور"
        )
    recent = EventFactory(office=hagen, title="Praktikumsknigge", starts_at=at(-10))
    old = EventFactory(office=hagen, title="Betriebsbesichtigung 2025", starts_at=at(-40))
    meeting = EventFactory(
        office=hagen, kind="network_meeting", title="Netzwerktreffen Lotsen", is_public=False
    )
    theirs = EventFactory(office=osnabrueck, title="Infoabend Osnabrück", starts_at=at(5))
    return {
        "fair": fair,
        "evening": evening,
        "recent": recent,
        "old": old,
        "meeting": meeting,
        "theirs": theirs,
    }


def test_the_calendar_lists_the_offices_coming_public_events(client, events):
    response = client.get(reverse("public_events:calendar", args=["hagen", "de"]))
    assert response.status_code == 200
    html = page(response)
    assert "Hagener Ausbildungsmesse" in html and "Elternabend Duale Ausbildung" in html
    for hidden in ("Praktikumsknigge", "Betriebsbesichtigung 2025", "Netzwerktreffen", "Osnabrück"):
        assert hidden not in html
    assert html.index("Elternabend Duale Ausbildung") < html.index("Hagener Ausbildungsmesse")
    evening = events["evening"]
    assert f"{at(7):%d.%m.%Y} 18:00" in html
    assert f"{at(30, 10):%d.%m.%Y} 10:00</time>–<time" in html  # ends the same day: time only
    assert reverse("public_events:detail", args=["hagen", "de", evening.pk]) in html
    assert reverse("public_events:feed", args=["hagen"]) in html


def test_the_calendar_shows_free_places_or_the_waiting_list_in_the_chosen_language(client, events):
    html = page(client.get(reverse("public_events:calendar", args=["hagen", "en"])))
    assert "All places are taken. You can put your name on the waiting list." in html
    assert "Places are free." in html  # the fair has no limit
    with translation.override("uk"):
        full = gettext("All places are taken. You can put your name on the waiting list.")
    ukrainian = page(client.get(reverse("public_events:calendar", args=["hagen", "uk"])))
    assert (
        full in ukrainian
        and full != "All places are taken. You can put your name on the waiting list."
    )


def test_the_arabic_calendar_is_right_to_left_with_arabic_titles(client, events):
    html = page(client.get(reverse("public_events:calendar", args=["hagen", "ar"])))
    assert '<html lang="ar" dir="rtl">' in html
    assert 'lang="ar" dir="auto">أمسية أولياء الأمور</a>' in html
    assert 'lang="de" dir="auto">Hagener Ausbildungsmesse</a>' in html  # no Arabic title: German
    assert "?lang=ar" in html  # the feed in Arabic too


def test_the_office_address_opens_the_german_calendar(client, hagen):
    response = client.get("/v/hagen/")
    assert response.status_code == 302
    assert response.headers["Location"] == reverse("public_events:calendar", args=["hagen", "de"])
    assert client.get("/v/nowhere/").status_code == 404
    assert client.get(reverse("public_events:calendar", args=["nowhere", "de"])).status_code == 404


def test_the_footer_gives_the_offices_contact(client, hagen):
    hagen.address = "Körnerstraße 1, 58095 Hagen"
    hagen.phone = "02331 207-0"
    hagen.email = "kausa@hagen.example"
    hagen.save()
    html = page(client.get(reverse("public_events:calendar", args=["hagen", "tr"])))
    assert "Körnerstraße 1, 58095 Hagen" in html
    assert 'href="tel:02331207-0"' in html
    assert 'href="mailto:kausa@hagen.example"' in html


def test_the_feed_is_valid_icalendar_with_coming_and_recent_public_events(client, events):
    response = client.get(reverse("public_events:feed", args=["hagen"]))
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["X-WR-CALNAME"]) == "KAUSA Servicestelle Hagen"
    summaries = {str(component["SUMMARY"]) for component in calendar.walk("VEVENT")}
    assert summaries == {
        "Hagener Ausbildungsmesse",
        "Elternabend Duale Ausbildung",
        "Praktikumsknigge",
    }
    fair = next(
        c for c in calendar.walk("VEVENT") if str(c["SUMMARY"]) == "Hagener Ausbildungsmesse"
    )
    assert fair.decoded("DTSTART") == at(30, 10)
    assert str(fair["URL"]).endswith(
        reverse("public_events:detail", args=["hagen", "de", events["fair"].pk])
    )


def test_the_feed_in_arabic_has_arabic_titles_and_links_to_arabic_pages(client, events):
    response = client.get(reverse("public_events:feed", args=["hagen"]) + "?lang=ar")
    calendar = Calendar.from_ical(response.content)
    evening = next(c for c in calendar.walk("VEVENT") if "/ar/" in str(c["URL"]))
    summaries = {str(component["SUMMARY"]) for component in calendar.walk("VEVENT")}
    assert "أمسية أولياء الأمور" in summaries
    assert str(evening["URL"]).startswith("http://testserver/v/hagen/ar/")
    # An unknown language gives the German feed instead of an error.
    german = client.get(reverse("public_events:feed", args=["hagen"]) + "?lang=xx")
    assert german.status_code == 200 and "Elternabend Duale Ausbildung" in german.content.decode()


def test_the_feed_of_an_unknown_office_is_not_found(client, events):
    assert client.get(reverse("public_events:feed", args=["nowhere"])).status_code == 404


def test_one_event_as_a_calendar_file(client, events):
    evening = events["evening"]
    response = client.get(reverse("public_events:event_ics", args=["hagen", "ar", evening.pk]))
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/calendar")
    assert "attachment" in response.headers["Content-Disposition"]
    (component,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(component["SUMMARY"]) == "أمسية أولياء الأمور"
    assert component.decoded("DTSTART") == at(7)


def test_a_long_calendar_comes_in_pages(client, hagen):
    for day in range(1, 33):
        EventFactory(office=hagen, title=f"Sprechstunde {day:02d}", starts_at=at(day))
    first = page(client.get(reverse("public_events:calendar", args=["hagen", "en"])))
    assert "Sprechstunde 30" in first and "Sprechstunde 31" not in first
    assert "Later events" in first
    second = page(client.get(reverse("public_events:calendar", args=["hagen", "en"]) + "?page=2"))
    assert "Sprechstunde 31" in second and "Sprechstunde 32" in second
    assert "Earlier events" in second and "Sprechstunde 01" not in second
