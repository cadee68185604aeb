"""The printable application profile in Easy German, and the pictograms of the steps."""

import io
import unicodedata
import xml.etree.ElementTree as ET

import pytest
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import timezone, translation
from PIL import Image
from pypdf import PdfReader

from lotse.core.reference import load_languages
from lotse.factories import OccupationFactory
from lotse.profiles import services
from lotse.profiles.models import STEPS
from lotse.profiles.pdf import (
    PICTOGRAM_DIR,
    pictogram_data_url,
    profile_context,
    render_profile_pdf,
)

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"
ARABIC_NAME = "محمد الحسن"

ABOUT = {
    "given_names": "Mohammed",
    "family_name": "Al-Hassan",
    "name_original": ARABIC_NAME,
    "birth_date": "2008-03-14",
    "phone": "0176 1234567",
    "email": "mohammed@example.org",
    "street": "Elberfelder Str. 1",
    "postcode": "58095",
    "town": "Hagen",
}


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def languages():
    load_languages()


def _image(format_="PNG", size=(120, 160), colour=(40, 90, 140)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format=format_)
    return buffer.getvalue()


def _full_profile(office, *, language="ar"):
    """A profile filled in (in Arabic) following the answers schema of the services."""
    mechatronics = OccupationFactory(name="Mechatroniker/-in", description="Du baust Maschinen.")
    car = OccupationFactory(name="Kfz-Mechatroniker/-in")
    profile = services.start_profile(office, language=language)
    steps = {
        "about": ABOUT,
        "languages": {
            "languages": ["ar", "en"],
            "german": {
                "listening": "B1",
                "reading": "A2",
                "spoken_interaction": "A2",
                "spoken_production": "",
                "writing": "A1",
            },
        },
        "school": {
            "entries": [
                {
                    "country": "Syrien",
                    "from_year": 2014,
                    "to_year": 2020,
                    "certificate": "شهادة التعليم الأساسي",
                    "german_equivalent": "hauptschule",
                }
            ]
        },
        "work": {
            "entries": [
                {"what": "Praktikum", "where": "Autohaus Hagen", "from_year": 2024, "to_year": None}
            ]
        },
        "interests": {"likes": "Autos\nFußball", "skills": "Fahrräder reparieren"},
        "occupations": {"occupations": [car.pk, mechatronics.pk]},
        "start": {"available_from": "2027-08-01"},
    }
    for step, values in steps.items():
        profile = services.save_step(profile, step, values)
    return profile


def _text(pdf: bytes) -> str:
    assert pdf.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    # Shaped Arabic may come back as presentation forms: back to the letters.
    return unicodedata.normalize("NFKC", text)


def test_it_prints_the_answers_in_easy_german_whatever_the_form_language(hagen, in_hagen):
    hagen.logo.save("logo.png", ContentFile(_image(size=(200, 60))))
    with in_hagen:
        profile = _full_profile(hagen)
        with translation.override("en"):
            pdf = render_profile_pdf(profile)
            # The caller's language is back after rendering.
            assert translation.get_language() == "en"
    text = _text(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    assert hagen.name in text
    assert "Mohammed Al-Hassan" in text
    assert "Kfz-Mechatroniker/-in" in text
    assert "Mechatroniker/-in" in text
    assert "Du baust Maschinen." in text
    for level in ("B1", "A2", "A1"):
        assert level in text
    assert "14.03.2008" in text
    assert "01.08.2027" in text
    assert "Autohaus Hagen" in text
    assert "Fahrräder reparieren" in text
    # The language names in German, as the whole profile.
    assert "Arabisch" in text
    assert "Englisch" in text
    # The name in original script comes back as Arabic letters in reading order.
    assert ARABIC_NAME in text


def test_the_german_self_assessment_is_marked_and_dated(hagen, in_hagen):
    with in_hagen:
        profile = _full_profile(hagen)
        profile = services.submit(profile, consent_service_point=True, consent_applications=True)
        with translation.override("de-x-ls"):
            html = render_to_string("profiles/pdf/profile.html", profile_context(profile))
    submitted = timezone.localdate(profile.submitted_at).strftime("%d.%m.%Y")
    assert "Self-assessment" in html or "Selbst" in html
    assert submitted in html
    # A skill she did not rate is left out instead of guessed.
    assert html.count('class="level"') == 4


def test_a_profile_with_a_photo_renders(hagen, in_hagen):
    with in_hagen:
        profile = _full_profile(hagen)
        profile.photo.save("photo.jpg", ContentFile(_image("JPEG")))
        pdf = render_profile_pdf(profile)
    reader = PdfReader(io.BytesIO(pdf))
    images = [image for page in reader.pages for image in page.images]
    assert any(image.image.size == (120, 160) for image in images)


def test_an_almost_empty_profile_renders(hagen, in_hagen):
    with in_hagen:
        profile = services.start_profile(hagen)
        profile = services.save_step(profile, "about", {"given_names": "Olena"})
        text = _text(render_profile_pdf(profile))
    assert "Olena" in text


@pytest.mark.parametrize("name", [*STEPS, "done"])
def test_every_pictogram_is_a_small_svg_with_a_viewbox(name):
    path = PICTOGRAM_DIR / f"{name}.svg"
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox") == "0 0 48 48"
    assert root.get("stroke") == "currentColor"
    assert root.find(f".//{SVG}text") is None
    assert path.stat().st_size < 2000


def test_every_shipped_pictogram_file_parses():
    files = sorted(PICTOGRAM_DIR.glob("*.svg"))
    assert {path.stem for path in files} >= set(STEPS)
    for path in files:
        assert ET.parse(path).getroot().get("viewBox")


def test_the_pictogram_include_is_decorative_and_sized():
    html = render_to_string("profiles/public/_pictogram.html", {"name": "languages"})
    assert 'src="/static/profiles/pictograms/languages.svg"' in html
    assert 'alt=""' in html
    assert 'width="48"' in html and 'height="48"' in html


def test_the_pdf_pictograms_are_data_urls_in_the_heading_colour():
    url = pictogram_data_url("consent")
    assert url.startswith("data:image/svg+xml;base64,")
    with pytest.raises(ValueError):
        pictogram_data_url("../secrets")


def test_the_pdf_is_offered_to_the_link_holder_and_to_the_counsellor(
    client, hagen, hagen_counsellor
):
    """After sending, the young person downloads the PDF with her link; the counsellor
    from the review page. Both contain the name."""
    from io import BytesIO

    from django.urls import reverse
    from django_scopes import scopes_disabled
    from pypdf import PdfReader

    from lotse.profiles import services
    from lotse.profiles.models import STEPS

    with scopes_disabled():
        profile = services.start_profile(hagen)
        for step in STEPS[:-1]:
            profile = services.save_step(
                profile, step, {"given_names": "Amal", "family_name": "Darwish"}
            )
        profile = services.submit(profile, consent_service_point=True, consent_applications=True)
    done = client.get(reverse("public_profiles:done", args=["hagen", "ar", profile.token]))
    pdf_url = reverse("public_profiles:pdf", args=["hagen", "ar", profile.token])
    assert pdf_url in done.content.decode()
    for response in (
        client.get(pdf_url),
        _logged_in(client, hagen_counsellor).get(reverse("profiles:pdf", args=[profile.pk])),
    ):
        assert response["Content-Type"] == "application/pdf"
        text = "".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)
        assert "Amal Darwish" in text


def _logged_in(client, user):
    client.force_login(user)
    return client
