"""E-mails to people who registered, in the language they registered in.

Called after the transaction commits (and from the reminder task), with the
registration's id; they load it without a request's office scope because the
guest, not a user, is addressed.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_scopes import scopes_disabled

from lotse.core.public import public_language

from .calendar import event_ics
from .models import Registration


def absolute(path: str) -> str:
    return settings.LOTSE_BASE_URL.rstrip("/") + path


def links(registration: Registration) -> dict[str, str]:
    language = public_language(registration.language)
    event = registration.event
    return {
        "event_url": absolute(
            reverse("public_events:detail", args=[event.office.slug, language, event.pk])
        ),
        "cancel_url": absolute(
            reverse("public_events:cancel", args=[event.office.slug, language, registration.token])
        ),
        # The guest's own page (status, calendar file; "I will come" for an invitation),
        # reachable also for events that are not on the public calendar.
        "registration_url": absolute(
            reverse(
                "public_events:registered",
                args=[event.office.slug, language, registration.token],
            )
        ),
    }


def _send(registration_id: int, template: str, *, with_calendar: bool) -> None:
    with scopes_disabled():
        registration = (
            Registration.objects.select_related("event__office", "event__venue_organisation")
            .prefetch_related("event__texts")
            .filter(pk=registration_id)
            .first()
        )
        if registration is None or not registration.email:
            return
        event = registration.event
        language = public_language(registration.language)
        with translation.override(language):
            title, description = event.text_in(language)
            context = {
                "registration": registration,
                "event": event,
                "title": title,
                "office": event.office,
                **links(registration),
            }
            subject = render_to_string(f"events/email/{template}_subject.txt", context)
            body = render_to_string(f"events/email/{template}.txt", context)
        message = EmailMessage(
            subject=" ".join(subject.split()),
            body=body,
            to=[registration.email],
            reply_to=[event.office.email] if event.office.email else None,
        )
        if with_calendar:
            message.attach(
                "veranstaltung.ics",
                event_ics(event, language=language, url=context["event_url"]),
                "text/calendar",
            )
        message.send()


def send_registration(registration_id: int) -> None:
    """Confirmation (with calendar file) or notice of the waiting list."""
    with scopes_disabled():
        status = Registration.objects.filter(pk=registration_id).values_list("status", flat=True)
        status = status.first()
    if status == "confirmed":
        _send(registration_id, "confirmed", with_calendar=True)
    elif status == "waitlisted":
        _send(registration_id, "waitlisted", with_calendar=False)


def send_moved_up(registration_id: int) -> None:
    _send(registration_id, "moved_up", with_calendar=True)


def send_cancelled(registration_id: int) -> None:
    _send(registration_id, "cancelled", with_calendar=False)


def send_reminder(registration_id: int) -> None:
    _send(registration_id, "reminder", with_calendar=True)


def send_invitation(registration_id: int) -> None:
    """Invitation of a guide to a network meeting or training module."""
    _send(registration_id, "invitation", with_calendar=True)
