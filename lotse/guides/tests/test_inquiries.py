"""The inquiry log as a guide uses it on her phone, and as the service point reads it."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django_scopes import scopes_disabled

from lotse.cases.models import Topic
from lotse.guides.models import Inquiry, ReferredTo
from lotse.guides.tests.conftest import language, make_event, make_inquiry
from lotse.guides.views import current_quarter

TODAY = datetime.date.today()


@pytest.fixture
def guide_client(client, hagen_guide, hamid):
    client.force_login(hagen_guide)
    return client


@pytest.fixture
def counsellor_client(client, hagen_counsellor):
    client.force_login(hagen_counsellor)
    return client


def _topic(name="Ausbildungssuche"):
    with scopes_disabled():
        return Topic.objects.get(name=name, office__isnull=True)


def _post(client, **data):
    return client.post(
        reverse("guides:inquiry_create"),
        {"date": TODAY.isoformat(), "referred_to": ReferredTo.NONE, **data},
    )


def _inquiries():
    with scopes_disabled():
        return list(Inquiry.objects.order_by("id"))


def test_a_guide_logs_an_inquiry_and_finds_it_in_her_list(guide_client, hamid, agentur):
    form = guide_client.get(reverse("guides:inquiry_create")).content.decode()
    assert f'value="{TODAY.isoformat()}"' in form  # date defaults to today
    assert 'value="Afghan families"' in form  # her only community
    # Her own languages come first in the list.
    assert form.index("Dari – دری") < form.index("Albanian")
    response = _post(
        guide_client,
        language=language("prs").pk,
        topic=_topic().pk,
        community="Afghan families",
        referred_to=ReferredTo.INSTITUTION,
        institution=agentur.pk,
        note="Mutter fragt nach Ausbildung für ihren Sohn",
    )
    assert response.status_code == 302
    assert response.url == reverse("guides:inquiry_list")
    [inquiry] = _inquiries()
    assert inquiry.guide == hamid and inquiry.office == hamid.office
    assert inquiry.institution == agentur and not inquiry.follow_up_wanted
    page = guide_client.get(response.url).content.decode()
    assert "Thank you! The inquiry was saved." in page
    assert "Ausbildungssuche" in page and TODAY.strftime("%d.%m.%Y") in page


def test_contact_data_without_consent_are_refused_and_the_input_is_kept(guide_client):
    response = _post(
        guide_client,
        topic=_topic().pk,
        follow_up_wanted="on",
        contact_name="Frau Ahmadi",
        contact_phone="0176 1234567",
        note="möchte einen Termin",
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "error-summary" in page
    assert "Please confirm that the person agreed to pass on the contact data" in page
    assert 'value="Frau Ahmadi"' in page and 'value="0176 1234567"' in page
    assert "möchte einen Termin" in page
    assert "Constraint" not in page  # the form's message, not the database's
    assert _inquiries() == []


def test_contact_data_without_follow_up_are_refused(guide_client):
    response = _post(guide_client, contact_phone="0176 1234567", contact_consent="on")
    assert "Contact data are only passed on for a follow-up" in response.content.decode()
    assert _inquiries() == []


def test_a_follow_up_needs_a_phone_or_an_e_mail_address(guide_client):
    response = _post(
        guide_client, follow_up_wanted="on", contact_name="Frau Ahmadi", contact_consent="on"
    )
    page = response.content.decode()
    assert "For a follow-up the service point needs a phone number or an e-mail address." in page
    assert _inquiries() == []
    response = _post(
        guide_client,
        follow_up_wanted="on",
        contact_email="ahmadi@example.org",
        contact_consent="on",
    )
    assert response.status_code == 302
    [inquiry] = _inquiries()
    assert inquiry.follow_up_wanted and inquiry.contact_consent
    assert inquiry.contact_email == "ahmadi@example.org"


def test_a_referral_to_an_institution_names_it(guide_client, agentur, osnabrueck_agentur):
    form = guide_client.get(reverse("guides:inquiry_create")).content.decode()
    assert "Agentur für Arbeit Hagen" in form
    assert "Agentur für Arbeit Osnabrück" not in form
    response = _post(guide_client, referred_to=ReferredTo.INSTITUTION)
    assert "Which institution did you refer the person to?" in response.content.decode()
    response = _post(
        guide_client, referred_to=ReferredTo.INSTITUTION, institution=osnabrueck_agentur.pk
    )
    assert response.status_code == 200  # another office's institution is no choice
    assert _inquiries() == []


def test_the_form_offers_the_office_topics_and_its_upcoming_events(guide_client, hagen, osnabrueck):
    with scopes_disabled():
        Topic.objects.create(name="Elterncafé Altenhagen", office=hagen)
        Topic.objects.create(name="Osnabrücker Thema", office=osnabrueck)
        Topic.objects.create(name="Abgeschaltet", office=hagen, active=False)
    make_event(hagen, title="Elternabend Realschule Haspe")
    make_event(hagen, title="Vorbei", days=-3)
    make_event(osnabrueck, title="Elternabend Osnabrück")
    form = guide_client.get(reverse("guides:inquiry_create")).content.decode()
    assert "Elterncafé Altenhagen" in form and "Berufsorientierung" in form
    assert "Osnabrücker Thema" not in form and "Abgeschaltet" not in form
    assert "Elternabend Realschule Haspe" in form
    assert "Vorbei" not in form and "Elternabend Osnabrück" not in form


def test_a_guide_sees_only_her_own_inquiries(client, hagen_guide, hamid, saba):
    make_inquiry(hamid, note="Hamids Anfrage", topic=_topic("Bewerbung"))
    other = make_inquiry(saba, note="Sabas Anfrage", topic=_topic("Praktikum"))
    client.force_login(hagen_guide)
    page = client.get(reverse("guides:inquiry_list")).content.decode()
    assert "Bewerbung" in page and "Praktikum" not in page
    assert "1 inquiry" in page
    assert client.get(reverse("guides:inquiry_detail", args=[other.pk])).status_code == 404
    assert client.get(reverse("guides:inquiry_edit", args=[other.pk])).status_code == 404


def test_a_guide_edits_her_inquiry(guide_client, hamid):
    inquiry = make_inquiry(hamid, note="erste Fassung")
    url = reverse("guides:inquiry_edit", args=[inquiry.pk])
    assert "erste Fassung" in guide_client.get(url).content.decode()
    response = guide_client.post(
        url, {"date": TODAY.isoformat(), "referred_to": ReferredTo.SERVICE_POINT, "note": "neu"}
    )
    assert response.status_code == 302
    inquiry.refresh_from_db()
    assert inquiry.note == "neu" and inquiry.referred_to == ReferredTo.SERVICE_POINT


def test_staff_see_all_inquiries_with_the_guide_and_filter_open_follow_ups(
    counsellor_client, hamid, saba
):
    make_inquiry(hamid, topic=_topic("Bewerbung"))
    make_inquiry(
        saba,
        topic=_topic("Praktikum"),
        follow_up_wanted=True,
        contact_phone="0176 555",
        contact_consent=True,
    )
    page = counsellor_client.get(reverse("guides:inquiry_list")).content.decode()
    assert "Hamid Rahimi" in page and "Saba Tesfay" in page
    page = counsellor_client.get(reverse("guides:inquiry_list") + "?follow_up=open").content
    assert b"Saba Tesfay" in page and b"Hamid Rahimi" not in page
    old = (TODAY - datetime.timedelta(days=100)).isoformat()
    page = counsellor_client.get(
        reverse("guides:inquiry_list") + f"?start={old}&end={old}"
    ).content.decode()
    assert "0 inquiries" in page


def test_staff_log_an_inquiry_for_a_guide(counsellor_client, hamid, saba):
    form = counsellor_client.get(reverse("guides:inquiry_create")).content.decode()
    assert "Saba Tesfay" in form
    response = _post(counsellor_client, guide=saba.pk, topic=_topic().pk)
    assert response.status_code == 302
    [inquiry] = _inquiries()
    assert inquiry.guide == saba


def test_a_follow_up_is_on_the_worklist_until_it_is_done(guide_client, hagen_counsellor, hamid):
    _post(
        guide_client,
        topic=_topic().pk,
        follow_up_wanted="on",
        contact_name="Frau Ahmadi",
        contact_phone="0176 1234567",
        contact_consent="on",
    )
    [inquiry] = _inquiries()
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(hagen_counsellor)
    home = client.get(reverse("core:home")).content.decode()
    assert "Inquiries to follow up" in home
    assert "0176 1234567" in home and "Hamid Rahimi" in home
    response = client.post(reverse("guides:inquiry_done", args=[inquiry.pk]), {"next": "worklist"})
    assert response.url == reverse("core:home")
    home = client.get(response.url).content.decode()
    assert "The inquiry is marked as followed up." in home
    assert "Inquiries to follow up" not in home
    inquiry.refresh_from_db()
    assert inquiry.follow_up_by == hagen_counsellor and inquiry.follow_up_done_at


def test_a_guide_cannot_mark_a_follow_up_done(guide_client, hamid):
    inquiry = make_inquiry(
        hamid, follow_up_wanted=True, contact_phone="0176 555", contact_consent=True
    )
    response = guide_client.post(reverse("guides:inquiry_done", args=[inquiry.pk]))
    assert response.status_code == 403
    inquiry.refresh_from_db()
    assert inquiry.follow_up_done_at is None


def test_the_summary_counts_by_topic_language_and_referral(counsellor_client, hamid, saba):
    start, end = current_quarter(TODAY)
    make_inquiry(hamid, date=start, topic=_topic("Bewerbung"), language=language("prs"))
    make_inquiry(
        hamid,
        date=start,
        topic=_topic("Bewerbung"),
        language=language("prs"),
        referred_to=ReferredTo.SERVICE_POINT,
        follow_up_wanted=True,
        contact_phone="0176 555",
        contact_consent=True,
    )
    make_inquiry(saba, date=start, topic=_topic("Praktikum"), language=language("ti"))
    make_inquiry(saba, date=start - datetime.timedelta(days=1), topic=_topic("Praktikum"))
    response = counsellor_client.get(reverse("guides:inquiry_summary"))
    summary = response.context["summary"]
    assert summary.total == 3 and summary.follow_ups == 1
    assert summary.by_topic == [("Bewerbung", 2), ("Praktikum", 1)]
    assert summary.by_language == [("Dari", 2), ("Tigrinya", 1)]
    page = response.content.decode()
    assert "3 inquiries from" in page and "67 %" in page
    assert "The service point was asked to follow up 1 time." in page
    # The period before the quarter holds the fourth inquiry only.
    day = (start - datetime.timedelta(days=1)).isoformat()
    response = counsellor_client.get(reverse("guides:inquiry_summary"), {"start": day, "end": day})
    assert response.context["summary"].total == 1


def test_the_guide_start_page_offers_the_log_first(guide_client, hagen, hamid):
    make_inquiry(hamid, topic=_topic("Bewerbung"))
    make_event(hagen, title="Elternabend Realschule Haspe")
    make_event(hagen, title="Netzwerktreffen", kind="network_meeting", is_public=False)
    page = guide_client.get(reverse("core:home")).content.decode()
    create = reverse("guides:inquiry_create")
    assert page.index(create) < page.index("My last inquiries")
    assert "Bewerbung" in page
    assert "Elternabend Realschule Haspe" in page and "Netzwerktreffen" not in page
    assert reverse("guides:my_record") in page
