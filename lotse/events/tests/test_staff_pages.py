"""The events pages as counsellors and leads use them: list, form, detail, registrations.

Named people (lotse/conftest.py): Selin counsels in Hagen, Jana in Osnabrück (she must
get 404 on every Hagen event), Hamid is a volunteer guide and the programme office
reads figures only (both get 403 on the staff pages).
"""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from lotse.events.models import Event, EventKind, EventText, Registration, RegistrationStatus
from lotse.factories import (
    EventFactory,
    GuideProfileFactory,
    OrganisationFactory,
    PersonFactory,
    RegistrationFactory,
)
from lotse.organisations.models import OrganisationKind

NOW = timezone.now()


@pytest.fixture
def client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def logged_in(client, hagen_counsellor):
    client.force_login(hagen_counsellor)
    return client


@pytest.fixture
def evening(hagen):
    return EventFactory(
        office=hagen,
        title="Elternabend Ausbildung",
        kind=EventKind.PARENTS_EVENING,
        starts_at=NOW + datetime.timedelta(days=10),
        capacity=3,
    )


def _page(response) -> str:
    return response.content.decode()


def _event_data(**extra) -> dict:
    start = timezone.localtime(NOW + datetime.timedelta(days=20)).replace(
        hour=18, minute=0, second=0, microsecond=0
    )
    data = {
        "kind": EventKind.SCHOOL_INFO,
        "title": "Infoabend an der Gesamtschule Haspe",
        "description": "Ausbildung in Deutschland: Wege und Hilfen",
        "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (start + datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "venue": "Aula, Kirmesplatz 1",
        "capacity": "40",
        "audiences": ["young_people", "parents"],
        "is_public": "on",
        "registration_open": "on",
    }
    data.update(extra)
    return data


# Who may enter --------------------------------------------------------------------


def _staff_urls(event, registration):
    return [
        reverse("events:list"),
        reverse("events:create"),
        reverse("events:report"),
        reverse("events:detail", args=[event.pk]),
        reverse("events:edit", args=[event.pk]),
        reverse("events:delete", args=[event.pk]),
        reverse("events:checkin", args=[event.pk]),
        reverse("events:add_person", args=[event.pk]),
        reverse("events:walk_in", args=[event.pk]),
        reverse("events:participants_pdf", args=[event.pk]),
        reverse("events:participants_xlsx", args=[event.pk]),
        reverse("events:certificates", args=[event.pk]),
        reverse("events:certificate", args=[registration.pk]),
    ]


def _post_urls(event, registration):
    return [
        reverse("events:check_in", args=[registration.pk]),
        reverse("events:cancel_registration", args=[registration.pk]),
        reverse("events:invite_guides", args=[event.pk]),
    ]


@pytest.mark.parametrize("user", ["hagen_guide", "programme_user"])
def test_guides_and_the_programme_office_get_403(client, request, evening, user):
    registration = RegistrationFactory(event=evening, attended=True)
    client.force_login(request.getfixturevalue(user))
    for url in _staff_urls(evening, registration):
        assert client.get(url).status_code == 403, url
    for url in _post_urls(evening, registration):
        assert client.post(url).status_code == 403, url
    with scopes_disabled():
        registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


def test_another_offices_counsellor_gets_404_on_hagen_events(
    client, osnabrueck_counsellor, evening
):
    registration = RegistrationFactory(event=evening, attended=True, name="Hagener Gast")
    client.force_login(osnabrueck_counsellor)
    for url in _staff_urls(evening, registration)[3:]:
        assert client.get(url).status_code == 404, url
    for url in _post_urls(evening, registration):
        assert client.post(url).status_code == 404, url
    assert "Elternabend Ausbildung" not in _page(client.get(reverse("events:list")))
    with scopes_disabled():
        registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED and registration.attended


def test_not_logged_in_goes_to_the_login(client, evening):
    response = client.get(reverse("events:detail", args=[evening.pk]))
    assert response.status_code == 302 and "login" in response.url


def test_the_lead_sees_the_events_too(client, hagen_colleague, evening):
    client.force_login(hagen_colleague)
    page = _page(client.get(reverse("events:list")))
    assert "Elternabend Ausbildung" in page
    assert 'aria-current="page">Events</a>' in page  # the main navigation entry


# List ---------------------------------------------------------------------------------


def test_the_list_shows_upcoming_events_with_seats_and_waiting_list(logged_in, hagen, evening):
    RegistrationFactory(event=evening, companions=1)
    RegistrationFactory(event=evening, status=RegistrationStatus.WAITLISTED)
    RegistrationFactory(event=evening, status=RegistrationStatus.CANCELLED, companions=5)
    EventFactory(
        office=hagen, title="Ausbildungsmesse 2020", starts_at=NOW - datetime.timedelta(days=400)
    )
    page = _page(logged_in.get(reverse("events:list")))
    assert "Elternabend Ausbildung" in page
    assert "Ausbildungsmesse 2020" not in page
    local = timezone.localtime(evening.starts_at)
    assert local.strftime("%d.%m.%Y %H:%M") in page
    row = page[page.index("Elternabend Ausbildung") :]
    row = row[: row.index("</tr>")]
    assert "2 / 3" in row  # one guest and a companion; the cancelled family is not counted
    assert ">1</td>" in row  # one on the waiting list

    past = _page(logged_in.get(reverse("events:list"), {"when": "past"}))
    assert "Ausbildungsmesse 2020" in past and "Elternabend Ausbildung" not in past


def test_an_event_that_has_just_started_stays_on_the_upcoming_list(logged_in, hagen):
    EventFactory(office=hagen, title="Läuft gerade", starts_at=NOW - datetime.timedelta(hours=1))
    EventFactory(
        office=hagen,
        title="Gestern zu Ende",
        starts_at=NOW - datetime.timedelta(days=1, hours=2),
        ends_at=NOW - datetime.timedelta(days=1),
    )
    upcoming = _page(logged_in.get(reverse("events:list")))
    assert "Läuft gerade" in upcoming and "Gestern zu Ende" not in upcoming
    past = _page(logged_in.get(reverse("events:list"), {"when": "past"}))
    assert "Gestern zu Ende" in past and "Läuft gerade" not in past


def test_the_list_filters_by_kind_and_searches_titles(logged_in, hagen, evening):
    EventFactory(office=hagen, title="Betriebsbesichtigung Bäckerei", kind=EventKind.COMPANY_TOUR)
    by_kind = _page(logged_in.get(reverse("events:list"), {"kind": EventKind.COMPANY_TOUR}))
    assert "Betriebsbesichtigung" in by_kind and "Elternabend Ausbildung" not in by_kind
    found = _page(logged_in.get(reverse("events:list"), {"q": "elternabend"}))
    assert "Elternabend Ausbildung" in found and "Betriebsbesichtigung" not in found


def test_the_list_answers_htmx_with_the_results_only(logged_in, evening):
    response = logged_in.get(
        reverse("events:list"), {"q": "Eltern"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="results"
    )
    page = _page(response)
    assert 'id="results"' in page and "Elternabend Ausbildung" in page
    assert "<html" not in page


def test_the_list_is_paginated_and_needs_the_same_queries_for_many_events(
    logged_in, hagen, django_assert_max_num_queries
):
    for n in range(3):
        event = EventFactory(office=hagen, title=f"Workshop {n}")
        RegistrationFactory(event=event)
    with django_assert_max_num_queries(30) as few:
        assert logged_in.get(reverse("events:list")).status_code == 200
    for n in range(60):
        event = EventFactory(
            office=hagen, title=f"Messe {n}", venue_organisation=OrganisationFactory(office=hagen)
        )
        RegistrationFactory(event=event)
        RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = _page(logged_in.get(reverse("events:list")))
    assert "Page 1 of 3" in page
    assert "63 events" in page


# Create and edit ---------------------------------------------------------------------------


def test_a_counsellor_creates_an_event_with_partners_and_an_arabic_title(logged_in, hagen):
    school = OrganisationFactory(
        office=hagen, name="Gesamtschule Haspe", kind=OrganisationKind.SCHOOL
    )
    mso = OrganisationFactory(
        office=hagen, name="Syrischer Kulturverein", kind=OrganisationKind.MIGRANT_ORG
    )
    with scopes_disabled():
        from lotse.core.models import Language

        arabic = Language.objects.get(code="ar")
    response = logged_in.post(
        reverse("events:create"),
        _event_data(
            venue_organisation=school.pk,
            partners=[school.pk, mso.pk],
            languages=[arabic.pk],
            **{"text-ar-title": "أمسية معلومات عن التدريب المهني", "text-en-title": "Info evening"},
        ),
    )
    with scopes_disabled():
        event = Event.objects.get(title="Infoabend an der Gesamtschule Haspe")
        texts = dict(EventText.objects.filter(event=event).values_list("language", "title"))
        partners = set(event.partners.values_list("name", flat=True))
    assert response.status_code == 302 and response.url == event.get_absolute_url()
    assert event.office == hagen and event.audiences == ["young_people", "parents"]
    assert partners == {"Gesamtschule Haspe", "Syrischer Kulturverein"}
    assert texts == {"ar": "أمسية معلومات عن التدريب المهني", "en": "Info evening"}
    detail = _page(logged_in.get(event.get_absolute_url()))
    assert "Gesamtschule Haspe" in detail and "Syrischer Kulturverein" in detail
    assert "Arabic" in detail and "18:00" in detail


def test_the_form_offers_only_the_offices_organisations(logged_in, hagen, osnabrueck):
    OrganisationFactory(office=hagen, name="Hagener Realschule")
    foreign = OrganisationFactory(office=osnabrueck, name="Osnabrücker Verein")
    page = _page(logged_in.get(reverse("events:create")))
    assert "Hagener Realschule" in page and "Osnabrücker Verein" not in page
    response = logged_in.post(reverse("events:create"), _event_data(partners=[foreign.pk]))
    assert response.status_code == 200 and "error-summary" in _page(response)
    with scopes_disabled():
        assert not Event.objects.exists()


def test_an_end_before_the_start_is_refused_and_the_input_kept(logged_in):
    data = _event_data()
    data["ends_at"] = data["starts_at"].replace("T18:00", "T16:00")
    response = logged_in.post(reverse("events:create"), data)
    page = _page(response)
    assert response.status_code == 200
    assert "error-summary" in page and "The event must end after it starts." in page
    assert 'value="Infoabend an der Gesamtschule Haspe"' in page
    assert "Ausbildung in Deutschland: Wege und Hilfen" in page
    with scopes_disabled():
        assert not Event.objects.exists()


def test_a_translated_description_needs_its_title(logged_in):
    response = logged_in.post(
        reverse("events:create"), _event_data(**{"text-tr-description": "Meslek eğitimi"})
    )
    page = _page(response)
    assert response.status_code == 200
    assert "Enter a title in this language as well" in page and "Meslek eğitimi" in page
    with scopes_disabled():
        assert not Event.objects.exists()


def test_network_kinds_start_off_the_public_calendar(logged_in):
    def public_checkbox(kind):
        page = _page(logged_in.get(reverse("events:create"), {"kind": kind}))
        return re.search(r'<input[^>]*name="is_public"[^>]*>', page).group(0)

    assert "checked" not in public_checkbox(EventKind.NETWORK_MEETING)
    assert "checked" in public_checkbox(EventKind.WORKSHOP)


def test_editing_changes_texts_and_a_larger_capacity_moves_people_up(logged_in, evening):
    RegistrationFactory(event=evening, name="Erste", companions=2)
    waiting = RegistrationFactory(
        event=evening, name="Familie Haile", status=RegistrationStatus.WAITLISTED
    )
    with scopes_disabled():
        EventText.objects.create(office=evening.office, event=evening, language="en", title="Old")
    form = _page(logged_in.get(reverse("events:edit", args=[evening.pk])))
    assert 'value="Elternabend Ausbildung"' in form and 'value="Old"' in form
    start = timezone.localtime(evening.starts_at).strftime("%Y-%m-%dT%H:%M")
    response = logged_in.post(
        reverse("events:edit", args=[evening.pk]),
        _event_data(
            kind=EventKind.PARENTS_EVENING,
            title="Elternabend Ausbildung",
            starts_at=start,
            ends_at="",
            capacity="10",
            **{"text-en-title": "", "text-uk-title": "Батьківський вечір"},
        ),
    )
    assert response.status_code == 302
    with scopes_disabled():
        waiting.refresh_from_db()
        texts = dict(EventText.objects.filter(event=evening).values_list("language", "title"))
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert texts == {"uk": "Батьківський вечір"}


def test_an_event_with_registrations_is_not_deleted(logged_in, evening):
    RegistrationFactory(event=evening)
    page = _page(logged_in.get(reverse("events:delete", args=[evening.pk])))
    assert "cannot be deleted" in page
    response = logged_in.post(reverse("events:delete", args=[evening.pk]), follow=True)
    assert "Close the registration instead of deleting it." in _page(response)
    with scopes_disabled():
        assert Event.objects.filter(pk=evening.pk).exists()


def test_an_event_without_registrations_is_deleted(logged_in, evening):
    RegistrationFactory(event=evening, status=RegistrationStatus.CANCELLED)
    response = logged_in.post(reverse("events:delete", args=[evening.pk]), follow=True)
    assert "Deleted: Elternabend Ausbildung" in _page(response)
    with scopes_disabled():
        assert not Event.objects.filter(pk=evening.pk).exists()


# Detail and registrations ----------------------------------------------------------------


def test_the_detail_page_groups_the_registrations(logged_in, evening):
    RegistrationFactory(
        event=evening,
        name="Ayşe Özdemir",
        companions=1,
        email="ayse@example.org",
        phone="02331 12345",
        consent_photos=True,
    )
    RegistrationFactory(
        event=evening,
        name="Erster Wartender",
        status=RegistrationStatus.WAITLISTED,
        registered_at=NOW,
    )
    RegistrationFactory(
        event=evening,
        name="Zweite Wartende",
        status=RegistrationStatus.WAITLISTED,
        registered_at=NOW + datetime.timedelta(minutes=5),
    )
    RegistrationFactory(event=evening, name="Eingeladener Lotse", status=RegistrationStatus.INVITED)
    RegistrationFactory(event=evening, name="Abgesagt", status=RegistrationStatus.CANCELLED)
    page = _page(logged_in.get(evening.get_absolute_url()))
    confirmed = page[page.index('id="group-confirmed"') : page.index('id="group-waitlisted"')]
    waiting = page[page.index('id="group-waitlisted"') : page.index('id="group-invited"')]
    invited = page[page.index('id="group-invited"') : page.index('id="group-cancelled"')]
    cancelled = page[page.index('id="group-cancelled"') : page.index('id="history-heading"')]
    assert "Ayşe Özdemir" in confirmed and "ayse@example.org" in confirmed
    assert "02331 12345" in confirmed and "photos: yes" in confirmed
    assert waiting.index("Erster Wartender") < waiting.index("Zweite Wartende")
    assert "Eingeladener Lotse" in invited and "Abgesagt" in cancelled
    assert "2 of 3 taken, 1 free" in page


def test_the_detail_page_needs_the_same_queries_for_many_registrations(
    logged_in, hagen, evening, django_assert_max_num_queries
):
    RegistrationFactory(event=evening, person=PersonFactory(office=hagen))
    RegistrationFactory(event=evening, status=RegistrationStatus.WAITLISTED)
    with django_assert_max_num_queries(40) as few:
        logged_in.get(evening.get_absolute_url())
    for n in range(30):
        status = [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED][n % 2]
        RegistrationFactory(
            event=evening, person=PersonFactory(office=hagen), status=status, attended=n % 3 == 0
        )
        RegistrationFactory(event=evening, status=RegistrationStatus.CANCELLED)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = _page(logged_in.get(evening.get_absolute_url()))
    assert page.count('id="registration-') == 62


def test_the_detail_page_shows_the_public_link_in_german(logged_in, evening, settings):
    settings.LOTSE_BASE_URL = "https://lotse.example.org"
    page = _page(logged_in.get(evening.get_absolute_url()))
    link = re.search(r'<input type="text" id="public-link" value="([^"]+)" readonly', page)
    assert link.group(1) == f"https://lotse.example.org/v/hagen/de/{evening.pk}/"
    path = link.group(1).removeprefix("https://lotse.example.org")
    logged_in.logout()
    assert "Elternabend Ausbildung" in _page(logged_in.get(path))  # no login needed


def test_cancelling_moves_the_first_waiting_person_up(logged_in, evening):
    leaving = RegistrationFactory(event=evening, name="Olena Kovalenko", companions=2)
    RegistrationFactory(
        event=evening, name="Tesfay Haile", status=RegistrationStatus.WAITLISTED, registered_at=NOW
    )
    RegistrationFactory(
        event=evening,
        name="Zahra Ahmadi",
        status=RegistrationStatus.WAITLISTED,
        registered_at=NOW + datetime.timedelta(minutes=1),
    )
    response = logged_in.post(reverse("events:cancel_registration", args=[leaving.pk]), follow=True)
    page = _page(response)
    assert "Cancelled: Olena Kovalenko." in page
    assert "Moved up from the waiting list: Tesfay Haile, Zahra Ahmadi." in page
    confirmed = page[page.index('id="group-confirmed"') : page.index('id="group-waitlisted"')]
    assert "Tesfay Haile" in confirmed and "Zahra Ahmadi" in confirmed
    cancelled = page[page.index('id="group-cancelled"') : page.index('id="history-heading"')]
    assert "Olena Kovalenko" in cancelled


def test_cancel_needs_post(logged_in, evening):
    registration = RegistrationFactory(event=evening)
    assert (
        logged_in.get(reverse("events:cancel_registration", args=[registration.pk])).status_code
        == 405
    )


def test_a_known_person_is_found_and_registered(logged_in, hagen, osnabrueck, evening):
    mohammed = PersonFactory(
        office=hagen,
        given_names="Mohammed",
        family_name="Al-Hassan",
        email="m.alhassan@example.org",
        phone="0176 555",
    )
    PersonFactory(office=osnabrueck, given_names="Muhammad", family_name="Fremd")
    found = _page(
        logged_in.get(
            reverse("events:add_person", args=[evening.pk]),
            {"q": "Muhamad"},
            HTTP_HX_REQUEST="true",
            HTTP_HX_TARGET="person-candidates",
        )
    )
    assert "Al-Hassan" in found and "Fremd" not in found and "<html" not in found
    response = logged_in.post(
        reverse("events:add_person", args=[evening.pk]),
        {"person": mohammed.pk, "companions": "1"},
        follow=True,
    )
    page = _page(response)
    assert "Mohammed Al-Hassan is registered." in page
    with scopes_disabled():
        registration = Registration.objects.get(person=mohammed)
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.source == "staff" and registration.email == "m.alhassan@example.org"
    assert registration.companions == 1
    again = _page(
        logged_in.get(reverse("events:add_person", args=[evening.pk]), {"q": "Al-Hassan"})
    )
    assert "already registered" in again
    twice = logged_in.post(
        reverse("events:add_person", args=[evening.pk]), {"person": mohammed.pk, "companions": "0"}
    )
    assert "already registered for the event" in _page(twice)


def test_a_person_of_another_office_cannot_be_registered(logged_in, osnabrueck, evening):
    foreign = PersonFactory(office=osnabrueck)
    response = logged_in.post(
        reverse("events:add_person", args=[evening.pk]), {"person": foreign.pk, "companions": "0"}
    )
    assert response.status_code == 200 and "error-summary" in _page(response)
    with scopes_disabled():
        assert not Registration.objects.exists()


def test_a_full_event_puts_the_known_person_on_the_waiting_list(logged_in, hagen, evening):
    RegistrationFactory(event=evening, companions=2)
    person = PersonFactory(office=hagen, given_names="Piotr", family_name="Nowak")
    response = logged_in.post(
        reverse("events:add_person", args=[evening.pk]),
        {"person": person.pk, "companions": "0"},
        follow=True,
    )
    assert "Piotr Nowak is on the waiting list" in _page(response)


def test_a_walk_in_is_added_and_checked_in(logged_in, evening):
    response = logged_in.post(
        reverse("events:walk_in", args=[evening.pk]),
        {"name": "Frau Haddad", "companions": "2", "next": evening.get_absolute_url()},
        follow=True,
    )
    assert "Frau Haddad is added and checked in." in _page(response)
    with scopes_disabled():
        registration = Registration.objects.get(name="Frau Haddad")
    assert registration.attended and registration.companions == 2


def test_a_walk_in_without_a_name_keeps_the_input(logged_in, evening):
    response = logged_in.post(
        reverse("events:walk_in", args=[evening.pk]), {"name": "  ", "companions": "3"}
    )
    page = _page(response)
    assert response.status_code == 200 and "error-summary" in page and 'value="3"' in page
    with scopes_disabled():
        assert not Registration.objects.exists()


def test_a_walk_in_redirects_only_to_this_site(logged_in, evening):
    response = logged_in.post(
        reverse("events:walk_in", args=[evening.pk]),
        {"name": "Gast", "companions": "0", "next": "https://example.com/"},
    )
    assert response.status_code == 302 and response.url == evening.get_absolute_url()


def test_all_active_guides_are_invited_to_a_network_meeting(logged_in, hagen):
    meeting = EventFactory(office=hagen, kind=EventKind.NETWORK_MEETING, title="Netzwerktreffen")
    GuideProfileFactory(person__office=hagen, person__given_names="Amal")
    GuideProfileFactory(person__office=hagen, person__given_names="Yonas")
    GuideProfileFactory(person__office=hagen, active=False)
    page = _page(logged_in.get(meeting.get_absolute_url()))
    assert "Invite all active guides" in page
    response = logged_in.post(reverse("events:invite_guides", args=[meeting.pk]), follow=True)
    page = _page(response)
    assert "2 guides were invited." in page
    invited = page[page.index('id="group-invited"') : page.index('id="group-cancelled"')]
    assert "Amal" in invited and "Yonas" in invited
    again = logged_in.post(reverse("events:invite_guides", args=[meeting.pk]), follow=True)
    assert "Every active guide is on the list already." in _page(again)


def test_guides_are_not_invited_to_a_parents_evening(logged_in, hagen, evening):
    GuideProfileFactory(person__office=hagen)
    assert "Invite all active guides" not in _page(logged_in.get(evening.get_absolute_url()))
    response = logged_in.post(reverse("events:invite_guides", args=[evening.pk]), follow=True)
    assert "network meetings and training modules only" in _page(response)
    with scopes_disabled():
        assert not Registration.objects.exists()


def test_the_history_shows_changes_of_the_event(logged_in, evening):
    logged_in.post(
        reverse("events:edit", args=[evening.pk]),
        _event_data(
            kind=EventKind.PARENTS_EVENING,
            title="Elternabend Ausbildung – neuer Raum",
            starts_at=timezone.localtime(evening.starts_at).strftime("%Y-%m-%dT%H:%M"),
            ends_at="",
        ),
    )
    page = _page(logged_in.get(evening.get_absolute_url()))
    history = page[page.index('id="history-heading"') :]
    assert "Elternabend Ausbildung – neuer Raum" in history
    assert "Selin" in history or "beratung.hagen" in history
