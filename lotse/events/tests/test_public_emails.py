"""E-mails to guests (reminder, invitation) and the page an invited guide answers on."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_scopes import scopes_disabled

from lotse.events import notifications
from lotse.events.models import Registration, RegistrationStatus
from lotse.factories import EventFactory, RegistrationFactory

BERLIN = ZoneInfo("Europe/Berlin")


def translated(language: str, message: str, **values) -> str:
    with translation.override(language):
        text = gettext(message)
    assert text != message, f"{message!r} is not translated into {language}"
    return text % values if values else text


@pytest.fixture
def workshop(hagen):
    hagen.phone = "02331 207-0"
    hagen.save()
    day = timezone.localdate() + datetime.timedelta(days=1)
    return EventFactory(
        office=hagen,
        kind="workshop",
        title="Praktikumsknigge",
        starts_at=datetime.datetime.combine(day, datetime.time(16, 30), tzinfo=BERLIN),
        ends_at=datetime.datetime.combine(day, datetime.time(18, 0), tzinfo=BERLIN),
        venue="Jugendzentrum Wehringhausen",
    )


def test_the_reminder_says_tomorrow_in_the_guests_language_with_date_time_and_cancel_link(
    workshop,
):
    guest = RegistrationFactory(
        event=workshop, name="Dmytro Bondar", email="dmytro@example.org", language="uk"
    )
    notifications.send_reminder(guest.pk)
    (message,) = mail.outbox
    assert message.subject == translated("uk", "Tomorrow: %(title)s", title="Praktikumsknigge")
    body = message.body
    assert (
        translated(
            "uk",
            "We would like to remind you: the event is tomorrow. We look forward to seeing you.",
        )
        in body
    )
    start = timezone.localtime(workshop.starts_at)
    assert f"{start:%d.%m.%Y}" in body and "16:30–18:00" in body
    assert "Jugendzentrum Wehringhausen" in body
    assert f"/v/hagen/uk/cancel/{guest.token}/" in body
    assert "02331 207-0" in body  # the office's phone under the greeting
    assert message.attachments


def test_e_mails_are_plain_text_without_html_escaping(workshop):
    guest = RegistrationFactory(
        event=workshop, name="D'Souza & Söhne", email="dsouza@example.org", language="en"
    )
    notifications.send_registration(guest.pk)
    (message,) = mail.outbox
    assert "Hello D'Souza & Söhne," in message.body
    assert "&amp;" not in message.body and "&#x27;" not in message.body


def test_easy_german_e_mails_use_the_easy_german_texts(workshop):
    guest = RegistrationFactory(
        event=workshop, name="Mariam", email="mariam@example.org", language="de-x-ls"
    )
    notifications.send_registration(guest.pk)
    (message,) = mail.outbox
    assert translated("de-x-ls", "Thank you for your registration. Your place is confirmed.") in (
        message.body
    )
    assert "/v/hagen/de-x-ls/cancel/" in message.body


def test_an_invited_guide_answers_on_her_own_page_even_for_a_meeting_off_the_calendar(
    client, hagen
):
    """GIVEN a network meeting (not on the public calendar) and an invitation to a guide
    WHEN she opens the link from the invitation e-mail and says she will come
    THEN her invitation becomes a confirmed place."""
    meeting = EventFactory(
        office=hagen, kind="network_meeting", title="Netzwerktreffen Frühjahr", is_public=False
    )
    guide = RegistrationFactory(
        event=meeting,
        name="Hamid Rahimi",
        email="hamid@example.org",
        language="fa",
        status=RegistrationStatus.INVITED,
        source="invitation",
    )
    notifications.send_invitation(guide.pk)
    (message,) = mail.outbox
    assert message.subject == translated("fa", "Invitation: %(title)s", title=meeting.title)
    answer_url = reverse("public_events:registered", args=["hagen", "fa", guide.token])
    assert answer_url in message.body
    assert f"/v/hagen/fa/{meeting.pk}/" not in message.body  # that page is not public
    assert f"/v/hagen/fa/cancel/{guide.token}/" in message.body

    html = client.get(answer_url).content.decode()
    assert '<html lang="fa" dir="rtl">' in html
    assert translated("fa", "You are invited") in html
    assert translated("fa", "Yes, I will come") in html
    response = client.post(answer_url)
    assert response.status_code == 302
    with scopes_disabled():
        assert Registration.objects.get(pk=guide.pk).status == RegistrationStatus.CONFIRMED


def test_the_invitation_to_a_public_event_links_its_page_to_share(hagen):
    fair = EventFactory(office=hagen, title="Hagener Ausbildungsmesse")
    guide = RegistrationFactory(
        event=fair, email="lotse@example.org", language="tr", status="invited", source="invitation"
    )
    notifications.send_invitation(guide.pk)
    (message,) = mail.outbox
    assert f"/v/hagen/tr/{fair.pk}/" in message.body
    assert (
        translated(
            "tr",
            "This is the page of the event. You may share it with the people in your community:",
        )
        in message.body
    )
