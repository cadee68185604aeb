"""Registering on the public event page (no login), the waiting list and cancelling by link.

The guests: Amira registers in Arabic, Oksana in Ukrainian, Ali in Turkish.
"""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_scopes import scopes_disabled
from icalendar import Calendar

from lotse.events.models import Registration, RegistrationStatus
from lotse.factories import EventFactory


def translated(language: str, message: str, **values) -> str:
    """MESSAGE in LANGUAGE; fails if the catalogue has no translation for it."""
    with translation.override(language):
        text = gettext(message)
    assert text != message, f"{message!r} is not translated into {language}"
    return text % values if values else text


@pytest.fixture
def event(hagen):
    return EventFactory(
        office=hagen,
        title="Elternabend: Ausbildung in Deutschland",
        capacity=2,
        venue="Aula der Gesamtschule Haspe",
    )


def detail_url(event, lang):
    return reverse("public_events:detail", args=[event.office.slug, lang, event.pk])


def register(client, event, lang, name, email="", **extra):
    data = {"name": name, "email": email, "phone": "", "companions": "0", **extra}
    return client.post(detail_url(event, lang), data)


def registration_of(name) -> Registration:
    with scopes_disabled():
        return Registration.objects.select_related("event").get(name=name)


def calendar_attachment(message) -> Calendar:
    (attachment,) = [a for a in message.attachments if a.mimetype == "text/calendar"]
    content = attachment.content
    return Calendar.from_ical(content.encode() if isinstance(content, str) else content)


def page(response) -> str:
    return response.content.decode()


def test_two_seats_then_the_waiting_list_with_e_mails_in_each_guests_language(
    client, event, django_capture_on_commit_callbacks
):
    """GIVEN an event with 2 places
    WHEN Amira (Arabic), Ali (Turkish) and Oksana (Ukrainian) register one after the other
    THEN the first two have a seat, Oksana is first on the waiting list, and each gets an
    e-mail in her or his language; the confirmations carry the event as a calendar file."""
    with django_capture_on_commit_callbacks(execute=True):
        first = register(client, event, "ar", "Amira Haddad", "amira@example.org")
        second = register(client, event, "tr", "Ali Yılmaz", "ali@example.org")
        third = register(client, event, "uk", "Oksana Kovalenko", "oksana@example.org")

    amira, ali, oksana = (
        registration_of(n) for n in ("Amira Haddad", "Ali Yılmaz", "Oksana Kovalenko")
    )
    assert [amira.status, ali.status, oksana.status] == ["confirmed", "confirmed", "waitlisted"]
    assert (amira.language, ali.language, oksana.language) == ("ar", "tr", "uk")

    # Post/redirect/get: each lands on the page of the registration.
    assert first.status_code == 302
    assert first.headers["Location"] == reverse(
        "public_events:registered", args=["hagen", "ar", amira.token]
    )
    confirmed_page = page(client.get(first.headers["Location"]))
    assert (
        translated("ar", "Your place is confirmed. We look forward to seeing you.")
        in confirmed_page
    )
    assert reverse("public_events:event_ics", args=["hagen", "ar", event.pk]) in confirmed_page
    assert reverse("public_events:cancel", args=["hagen", "ar", amira.token]) in confirmed_page
    waiting_page = page(client.get(third.headers["Location"]))
    assert translated("uk", "You are on the waiting list") in waiting_page
    assert (
        translated("uk", "Your place on the waiting list: %(position)s", position=1) in waiting_page
    )
    assert "event.ics" not in waiting_page  # no calendar entry without a seat
    assert second.status_code == 302

    to = {message.to[0]: message for message in mail.outbox}
    assert len(mail.outbox) == 3
    amira_mail = to["amira@example.org"]
    assert amira_mail.subject == translated(
        "ar", "Registration confirmed: %(title)s", title=event.title
    )
    assert translated("ar", "Hello %(name)s,", name="Amira Haddad") in amira_mail.body
    assert f"/v/hagen/ar/cancel/{amira.token}/" in amira_mail.body
    assert calendar_attachment(amira_mail).walk("VEVENT")[0]["SUMMARY"] == event.title
    ali_mail = to["ali@example.org"]
    assert ali_mail.subject == translated(
        "tr", "Registration confirmed: %(title)s", title=event.title
    )
    assert "Aula der Gesamtschule Haspe" in ali_mail.body
    local_start = timezone.localtime(event.starts_at)
    assert f"{local_start:%d.%m.%Y}" in ali_mail.body and f"{local_start:%H:%M}" in ali_mail.body
    oksana_mail = to["oksana@example.org"]
    assert oksana_mail.subject == translated("uk", "Waiting list: %(title)s", title=event.title)
    assert not oksana_mail.attachments
    assert f"/v/hagen/uk/cancel/{oksana.token}/" in oksana_mail.body


def test_cancelling_by_link_gives_the_seat_to_the_next_on_the_waiting_list(
    client, event, django_capture_on_commit_callbacks
):
    """GIVEN a full event and Oksana on the waiting list
    WHEN Amira opens the cancel link from her e-mail and confirms
    THEN her registration is cancelled, Oksana moves up and is told so in Ukrainian,
    Amira gets the cancellation in Arabic, and cancelling again changes nothing."""
    with django_capture_on_commit_callbacks(execute=True):
        register(client, event, "ar", "Amira Haddad", "amira@example.org")
        register(client, event, "tr", "Ali Yılmaz", "ali@example.org")
        register(client, event, "uk", "Oksana Kovalenko", "oksana@example.org")
    amira = registration_of("Amira Haddad")
    mail.outbox.clear()
    cancel_url = reverse("public_events:cancel", args=["hagen", "ar", amira.token])

    asking = client.get(cancel_url)
    assert asking.status_code == 200
    assert 'dir="rtl"' in page(asking)
    assert translated("ar", "Yes, cancel my registration") in page(asking)
    assert event.title in page(asking) and "Amira Haddad" in page(asking)
    assert registration_of("Amira Haddad").status == RegistrationStatus.CONFIRMED  # GET only asks

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(cancel_url)
    assert response.status_code == 302
    assert translated("ar", "Your registration is cancelled") in page(client.get(cancel_url))
    assert registration_of("Amira Haddad").status == RegistrationStatus.CANCELLED
    assert registration_of("Oksana Kovalenko").status == RegistrationStatus.CONFIRMED

    to = {message.to[0]: message for message in mail.outbox}
    assert set(to) == {"amira@example.org", "oksana@example.org"}
    moved_up = to["oksana@example.org"]
    assert moved_up.subject == translated("uk", "You have a place: %(title)s", title=event.title)
    assert calendar_attachment(moved_up).walk("VEVENT")[0]["SUMMARY"] == event.title
    cancelled = to["amira@example.org"]
    assert cancelled.subject == translated(
        "ar", "Registration cancelled: %(title)s", title=event.title
    )
    assert "/cancel/" not in cancelled.body

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(cancel_url)
    assert again.status_code == 302
    assert mail.outbox == []
    assert registration_of("Oksana Kovalenko").status == RegistrationStatus.CONFIRMED


def test_a_guest_without_e_mail_is_told_to_keep_the_page(client, event):
    response = register(client, event, "de-x-ls", "Hamid Rahimi")
    registered = page(client.get(response.headers["Location"]))
    assert (
        translated(
            "de-x-ls",
            "Please keep the address of this page, for example as a bookmark. "
            "You need it if you want to cancel.",
        )
        in registered
    )
    assert registration_of("Hamid Rahimi").language == "de-x-ls"
    assert mail.outbox == []


def test_companions_and_consents_are_saved_and_nothing_is_ticked_in_advance(client, event):
    form = page(client.get(detail_url(event, "en")))
    assert 'name="consent_contact"' in form and 'name="consent_photos"' in form
    assert "checked" not in form
    register(client, event, "en", "Nadia Karimi", companions="1", consent_photos="on")
    nadia = registration_of("Nadia Karimi")
    assert (nadia.companions, nadia.seats, nadia.status) == (1, 2, RegistrationStatus.CONFIRMED)
    assert (nadia.consent_contact, nadia.consent_photos) == (False, True)
    assert nadia.source == "public"


def test_a_filled_in_trap_field_registers_nobody(client, event, django_capture_on_commit_callbacks):
    """Bots fill in every field, people never see the trap (it is not displayed)."""
    assert 'class="trap"' in page(client.get(detail_url(event, "fa")))
    with django_capture_on_commit_callbacks(execute=True):
        response = register(
            client, event, "fa", "Bot", "bot@example.org", website="http://spam.example"
        )
    assert response.status_code == 200
    assert translated("fa", "Your registration could not be sent. Please try again.") in page(
        response
    )
    with scopes_disabled():
        assert not Registration.objects.exists()
    assert mail.outbox == []


def test_bad_input_keeps_what_was_typed_and_explains_in_turkish(client, event):
    response = register(client, event, "tr", "Ali Yılmaz", "ali.example.org", companions="99")
    assert response.status_code == 200
    html = page(response)
    assert '<html lang="tr" dir="ltr">' in html
    assert (
        translated("tr", "Please enter a complete e-mail address, like name@example.org.") in html
    )
    assert translated("tr", "Please enter a number from 0 to 10.") in html
    assert translated("tr", "Please correct the following:") in html
    assert (
        'value="Ali Yılmaz"' in html and 'value="ali.example.org"' in html and 'value="99"' in html
    )
    with scopes_disabled():
        assert not Registration.objects.exists()


def test_a_missing_name_is_asked_for_in_easy_german(client, event):
    html = page(register(client, event, "de-x-ls", "  "))
    assert translated("de-x-ls", "Please enter your name.") in html


def test_registering_twice_shows_the_services_message_in_the_page_language(client, event):
    register(client, event, "ru", "Irina Petrova", "irina@example.org")
    response = register(client, event, "ru", "Irina Petrova", "irina@example.org")
    assert response.status_code == 200
    html = page(response)
    assert (
        translated("ru", "You are already registered for this event. Please check your e-mail.")
        in html
    )
    assert 'value="irina@example.org"' in html
    with scopes_disabled():
        assert Registration.objects.count() == 1


def test_closed_registration_shows_no_form_and_takes_no_registration(client, hagen):
    event = EventFactory(office=hagen, registration_open=False)
    html = page(client.get(detail_url(event, "fa")))
    assert translated("fa", "Registration for this event is closed.") in html
    assert 'name="name"' not in html
    response = register(client, event, "fa", "Reza Ahmadi")
    assert response.status_code == 200
    with scopes_disabled():
        assert not Registration.objects.exists()


def test_a_past_event_says_so_and_shows_no_form(client, hagen):
    event = EventFactory(office=hagen, starts_at=timezone.now() - datetime.timedelta(days=1))
    html = page(client.get(detail_url(event, "uk")))
    assert translated("uk", "This event has already started.") in html
    assert 'name="name"' not in html


def test_an_event_not_on_the_public_calendar_is_not_found(client, hagen):
    meeting = EventFactory(office=hagen, kind="network_meeting", is_public=False)
    assert client.get(detail_url(meeting, "de")).status_code == 404
    assert register(client, meeting, "de", "Jemand").status_code == 404
    ics = reverse("public_events:event_ics", args=["hagen", "de", meeting.pk])
    assert client.get(ics).status_code == 404


def test_another_offices_event_cannot_be_reached_through_this_offices_address(
    client, hagen, osnabrueck
):
    theirs = EventFactory(office=osnabrueck, title="Infoabend Osnabrück")
    wrong = reverse("public_events:detail", args=["hagen", "de", theirs.pk])
    assert client.get(wrong).status_code == 404
    assert client.post(wrong, {"name": "Jemand"}).status_code == 404
    ics = reverse("public_events:event_ics", args=["hagen", "de", theirs.pk])
    assert client.get(ics).status_code == 404
    right = reverse("public_events:detail", args=["osnabrueck", "de", theirs.pk])
    assert client.get(right).status_code == 200


def test_unknown_office_event_or_link_is_not_found(client, event):
    assert (
        client.get(reverse("public_events:detail", args=["nowhere", "de", event.pk])).status_code
        == 404
    )
    assert (
        client.get(reverse("public_events:detail", args=["hagen", "de", 999999])).status_code == 404
    )
    for name in ("registered", "cancel"):
        assert (
            client.get(
                reverse(f"public_events:{name}", args=["hagen", "de", "no-such-token"])
            ).status_code
            == 404
        )
    assert (
        client.post(
            reverse("public_events:cancel", args=["hagen", "de", "no-such-token"])
        ).status_code
        == 404
    )
    assert client.get("/v/hagen/xx/").status_code == 404  # not a public language


def test_staff_of_another_office_see_the_public_page_like_everyone(
    client, event, osnabrueck_counsellor
):
    """The page's own office scope replaces the visitor's: logged in or not, same page."""
    client.force_login(osnabrueck_counsellor)
    response = client.get(detail_url(event, "de"))
    assert response.status_code == 200
    assert event.title in page(response)


def test_the_event_page_shows_the_event_in_the_chosen_language(client, event):
    from lotse.events.models import EventText

    with scopes_disabled():
        EventText.objects.create(
            event=event, office=event.office, language="ar", title="أمسية لأولياء الأمور"
        )
    arabic = page(client.get(detail_url(event, "ar")))
    assert '<h1 lang="ar"><bdi>أمسية لأولياء الأمور</bdi></h1>' in arabic
    turkish = page(client.get(detail_url(event, "tr")))
    assert f'<h1 lang="de"><bdi>{event.title}</bdi></h1>' in turkish  # falls back to German
    assert ">Place<" in page(client.get(detail_url(event, "en")))
    local_start = timezone.localtime(event.starts_at)
    assert f"{local_start:%d.%m.%Y %H:%M}" in turkish


def test_the_language_switcher_offers_the_same_page_in_every_public_language(client, event):
    html = page(client.get(detail_url(event, "ru")))
    assert response_header_language(client.get(detail_url(event, "ru"))) == "ru"
    for code, lang, name in [
        ("de", "de", "Deutsch"),
        ("de-x-ls", "de", "Leichte Sprache"),
        ("ar", "ar", "العربية"),
        ("fa", "fa", "فارسی / دری"),
    ]:
        assert f'href="{detail_url(event, code)}" lang="{lang}"' in html
        assert f">{name}</a>" in html
    assert (
        f'href="{detail_url(event, "ru")}" lang="ru" hreflang="ru" dir="ltr" aria-current="page"'
        in html
    )


def response_header_language(response) -> str:
    return response.headers["Content-Language"]
