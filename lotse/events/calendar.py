"""iCalendar (.ics) files: one event for a confirmation e-mail, a feed per office."""

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from .models import RUNNING_WITHOUT_END, Event


def _uid(event: Event) -> str:
    return f"event-{event.pk}@{settings.LOTSE_CALENDAR_DOMAIN}"


def _component(event: Event, language: str, url: str = "") -> CalendarEvent:
    title, description = event.text_in(language)
    component = CalendarEvent()
    component.add("uid", _uid(event))
    component.add("dtstamp", event.updated_at or timezone.now())
    component.add("dtstart", event.starts_at)
    component.add("dtend", event.ends_at or event.starts_at + RUNNING_WITHOUT_END)
    component.add("summary", title)
    if description:
        component.add("description", description)
    if event.place_display:
        component.add("location", event.place_display)
    if url:
        component.add("url", url)
    return component


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Lotse//Veranstaltungen//DE")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    return calendar


def event_ics(event: Event, *, language: str = "de", url: str = "") -> bytes:
    calendar = _calendar(event.office.name)
    calendar.add("method", "PUBLISH")
    calendar.add_component(_component(event, language, url))
    return calendar.to_ical()


def feed_ics(office, events, *, language: str = "de", url_for=None) -> bytes:
    """The office's public calendar: URL_FOR(event) gives each event's page."""
    calendar = _calendar(office.name)
    for event in events:
        calendar.add_component(_component(event, language, url_for(event) if url_for else ""))
    return calendar.to_ical()
