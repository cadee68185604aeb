"""Participant lists (PDF, XLSX) and certificates of attendance (PDF)."""

import base64
import datetime
import io
import unicodedata

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from lotse.events.models import RegistrationStatus
from lotse.factories import EventFactory, OrganisationFactory, RegistrationFactory

NOW = timezone.now()
# A 1×1 PNG: the office logo.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


@pytest.fixture
def client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def logged_in(client, hagen_counsellor):
    client.force_login(hagen_counsellor)
    return client


@pytest.fixture
def workshop(hagen):
    school = OrganisationFactory(
        office=hagen, name="Cuno-Berufskolleg", street="Victoriastraße 2", postcode="58095"
    )
    return EventFactory(
        office=hagen,
        title="Praktikumsknigge",
        kind="workshop",
        starts_at=NOW - datetime.timedelta(hours=3),
        ends_at=NOW - datetime.timedelta(hours=1),
        venue_organisation=school,
    )


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return unicodedata.normalize("NFKC", "\n".join(page.extract_text() for page in reader.pages))


def _pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def test_the_participant_list_pdf_has_everyone_still_registered(logged_in, workshop):
    RegistrationFactory(
        event=workshop,
        name="Ayşe Özdemir",
        phone="02331 12345",
        email="ayse@example.org",
        companions=1,
        attended=True,
    )
    RegistrationFactory(event=workshop, name="Tesfay Haile", status=RegistrationStatus.WAITLISTED)
    RegistrationFactory(event=workshop, name="Abgesagt Gast", status=RegistrationStatus.CANCELLED)
    response = logged_in.get(reverse("events:participants_pdf", args=[workshop.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    text = _text(response.content)
    assert "KAUSA Servicestelle Hagen" in text and "Praktikumsknigge" in text
    assert "Cuno-Berufskolleg" in text
    assert timezone.localtime(workshop.starts_at).strftime("%d.%m.%Y") in text
    assert "Ayşe Özdemir" in text and "02331 12345" in text and "ayse@example.org" in text
    assert "Tesfay Haile" in text and "Abgesagt Gast" not in text
    assert "Signature" in text


def test_the_participant_list_xlsx_has_real_values(logged_in, workshop):
    guest = RegistrationFactory(
        event=workshop,
        name="Olena Kovalenko",
        phone="0176 111",
        companions=2,
        consent_contact=True,
        attended=True,
        checked_in_at=NOW - datetime.timedelta(hours=3),
    )
    RegistrationFactory(event=workshop, name="Zahra Ahmadi")
    response = logged_in.get(reverse("events:participants_xlsx", args=[workshop.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    workbook = load_workbook(io.BytesIO(response.content))
    rows = list(workbook.worksheets[0].iter_rows(values_only=True))
    assert rows[0][:4] == ("Name", "Companions", "Phone", "E-mail address")
    by_name = {row[0]: row for row in rows[1:]}
    olena = by_name["Olena Kovalenko"]
    assert olena[1] == 2 and olena[2] == "0176 111"
    assert olena[4] is True and olena[5] is False and olena[6] is True
    assert isinstance(olena[9], datetime.datetime)
    local = timezone.localtime(guest.checked_in_at).replace(tzinfo=None, microsecond=0)
    assert olena[10].replace(microsecond=0) == local
    assert by_name["Zahra Ahmadi"][6] is False
    about = dict(workbook.worksheets[1].iter_rows(values_only=True))
    assert about["Title"] == "Praktikumsknigge"
    assert isinstance(about["Starts"], datetime.datetime)


def test_certificates_for_everyone_checked_in_one_page_each(logged_in, workshop):
    RegistrationFactory(event=workshop, name="Mohammed Al-Hassan", attended=True)
    RegistrationFactory(event=workshop, name="Piotr Nowak", attended=True)
    RegistrationFactory(event=workshop, name="Nicht Gekommen")
    response = logged_in.get(reverse("events:certificates", args=[workshop.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert _pages(response.content) == 2
    text = _text(response.content)
    assert "Certificate of attendance" in text and "KAUSA Servicestelle Hagen" in text
    assert "Mohammed Al-Hassan" in text and "Piotr Nowak" in text
    assert "Nicht Gekommen" not in text
    assert "Praktikumsknigge" in text and "Cuno-Berufskolleg" in text
    assert timezone.localtime(workshop.starts_at).strftime("%d.%m.%Y") in text


def test_a_certificate_for_a_name_in_arabic_script(logged_in, workshop):
    guest = RegistrationFactory(event=workshop, name="فاطمة الزهراء", attended=True)
    response = logged_in.get(reverse("events:certificate", args=[guest.pk]))
    assert response.status_code == 200 and _pages(response.content) == 1
    text = _text(response.content)
    assert "فاطمة الزهراء" in text and "Praktikumsknigge" in text
    page = PdfReader(io.BytesIO(response.content)).pages[0]
    fonts = {str(font.get_object()["/BaseFont"]) for font in page["/Resources"]["/Font"].values()}
    assert any("Noto-Sans-Arabic" in font for font in fonts), fonts


def test_no_certificate_without_attendance(logged_in, workshop):
    absent = RegistrationFactory(event=workshop, name="Nicht Gekommen")
    response = logged_in.get(reverse("events:certificate", args=[absent.pk]), follow=True)
    assert response["Content-Type"].startswith("text/html")
    assert "Nicht Gekommen is not checked in" in response.content.decode()
    response = logged_in.get(reverse("events:certificates", args=[workshop.pk]), follow=True)
    assert "Nobody is checked in yet" in response.content.decode()


def test_a_cancelled_registration_gets_no_certificate(logged_in, workshop):
    gone = RegistrationFactory(
        event=workshop, name="Später Abgesagt", attended=True, status=RegistrationStatus.CANCELLED
    )
    response = logged_in.get(reverse("events:certificate", args=[gone.pk]), follow=True)
    assert response["Content-Type"].startswith("text/html")


def test_the_detail_page_links_the_files(logged_in, workshop):
    guest = RegistrationFactory(event=workshop, attended=True)
    page = logged_in.get(workshop.get_absolute_url()).content.decode()
    assert reverse("events:participants_pdf", args=[workshop.pk]) in page
    assert reverse("events:participants_xlsx", args=[workshop.pk]) in page
    assert reverse("events:certificates", args=[workshop.pk]) in page
    assert reverse("events:certificate", args=[guest.pk]) in page


def test_the_office_logo_is_on_the_certificate(logged_in, hagen, workshop, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    hagen.logo.save("hagen.png", ContentFile(PNG))
    guest = RegistrationFactory(event=workshop, name="Piotr Nowak", attended=True)
    response = logged_in.get(reverse("events:certificate", args=[guest.pk]))
    page = PdfReader(io.BytesIO(response.content)).pages[0]
    assert len(page.images) == 1 and "Piotr Nowak" in page.extract_text()
