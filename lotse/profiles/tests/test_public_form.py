"""The public application profile form: a young person fills it in alone, without login.

Messages are compared with the catalogue of the page's language (gettext under that
language), so these tests stay true when the translators fill in the catalogues.
"""

import io
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.html import escape
from PIL import Image

from lotse.core.reference import load_languages
from lotse.factories import OccupationFactory
from lotse.profiles import services
from lotse.profiles.models import STEPS, ApplicationProfile, ProfileStatus
from lotse.profiles.tests.utils import EASY, in_office, new_profile, reload, step_url

pytestmark = pytest.mark.django_db


ABOUT = {
    "given_names": "Mohammed",
    "family_name": "Al-Hassan",
    "name_original": "محمد الحسن",
    "birth_date": "2008-03-14",
    "phone": "0176 1234567",
    "email": "mohammed@example.org",
    "street": "Elberfelder Str. 1",
    "postcode": "58095",
    "town": "Hagen",
}


@pytest.fixture(autouse=True)
def reference_data(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    load_languages()


@pytest.fixture
def occupations():
    return [
        OccupationFactory(name="Kfz-Mechatroniker", description="Sie reparieren Autos."),
        OccupationFactory(name="Koch", description="Sie kochen in einem Restaurant."),
        OccupationFactory(name="Friseur"),
        OccupationFactory(name="Elektroniker"),
    ]


def message(text, lang=EASY):
    with translation.override(lang):
        return escape(translation.gettext(text))


def entries(prefix, rows):
    data = {
        f"{prefix}-TOTAL_FORMS": "3",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "3",
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{name}": value for name, value in row.items()})
    return data


def checked(page, name) -> list[str]:
    """The values of the inputs called NAME that are checked on PAGE."""
    inputs = re.findall(rf'<input[^>]*name="{name}"[^>]*>', page)
    return [re.search(r'value="([^"]*)"', tag)[1] for tag in inputs if " checked" in tag]


def photo_file(name="me.png", image_format="PNG", size=(40, 50)):
    buffer = io.BytesIO()
    mode = "RGB" if image_format == "JPEG" else "RGBA"
    Image.new(mode, size, "red").save(buffer, format=image_format)
    content_type = "image/png" if image_format == "PNG" else "image/jpeg"
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


def test_it_completes_the_whole_profile_in_easy_german(client, hagen, occupations):
    start = client.get(f"/profil/{hagen.slug}/{EASY}/")
    assert start.status_code == 200
    assert 'lang="de"' in start.content.decode()

    response = client.post(f"/profil/{hagen.slug}/{EASY}/")
    with in_office(hagen):
        profile = ApplicationProfile.objects.get()
    assert profile.language == EASY
    assert response.url == step_url(profile, "about")

    answers = {
        "about": ABOUT,
        "languages": {
            "languages": ["ar", "en"],
            "german_listening": "B1",
            "german_reading": "A2",
            "german_spoken_interaction": "B1",
            "german_spoken_production": "A2",
            "german_writing": "",
        },
        "school": entries(
            "school",
            [
                {
                    "country": "Syrien",
                    "from_year": "2014",
                    "to_year": "2020",
                    "certificate": "Grundschule",
                    "german_equivalent": "",
                },
                {"country": "Deutschland", "from_year": "2021", "german_equivalent": "hauptschule"},
            ],
        ),
        "work": entries("work", [{"what": "Praktikum", "where": "Autohaus Meier"}]),
        "interests": {"likes": "Autos, Fußball", "skills": "Fahrräder reparieren"},
        "occupations": {"occupations": [occupations[0].pk, occupations[1].pk]},
        "start": {"when": "date", "available_from": "2027-08-01"},
        "photo": {"photo": photo_file()},
    }
    for index, step in enumerate(STEPS[:-1]):
        page = client.get(step_url(profile, step))
        assert page.status_code == 200
        response = client.post(step_url(profile, step), {**answers[step], "action": "next"})
        assert response.status_code == 302, (step, response.content.decode()[:3000])
        assert response.url == step_url(profile, STEPS[index + 1])

    response = client.post(
        step_url(profile, "consent"),
        {"consent_service_point": "yes", "consent_applications": "no", "action": "next"},
    )
    assert response.url == f"/profil/hagen/{EASY}/{profile.token}/done/"

    profile = reload(profile)
    assert profile.status == ProfileStatus.SUBMITTED
    assert profile.consent_service_point is True
    assert profile.consent_applications is False
    assert profile.answers["about"] == ABOUT
    assert profile.answers["languages"] == {
        "languages": ["ar", "en"],
        "german": {
            "listening": "B1",
            "reading": "A2",
            "spoken_interaction": "B1",
            "spoken_production": "A2",
            "writing": "",
        },
    }
    assert profile.answers["school"] == {
        "entries": [
            {
                "country": "Syrien",
                "from_year": 2014,
                "to_year": 2020,
                "certificate": "Grundschule",
                "german_equivalent": "",
            },
            {
                "country": "Deutschland",
                "from_year": 2021,
                "to_year": None,
                "certificate": "",
                "german_equivalent": "hauptschule",
            },
        ]
    }
    assert profile.answers["work"] == {
        "entries": [
            {"what": "Praktikum", "where": "Autohaus Meier", "from_year": None, "to_year": None}
        ]
    }
    assert profile.answers["interests"] == {
        "likes": "Autos, Fußball",
        "skills": "Fahrräder reparieren",
    }
    assert profile.answers["occupations"] == {"occupations": [occupations[0].pk, occupations[1].pk]}
    assert profile.answers["start"] == {"available_from": "2027-08-01"}
    # The photo is kept as a JPEG without its metadata, whatever was uploaded.
    with Image.open(profile.photo.path) as stored:
        assert stored.format == "JPEG"

    done = client.get(f"/profil/hagen/{EASY}/{profile.token}/done/")
    assert done.status_code == 200
    assert f"http://testserver/profil/hagen/{EASY}/{profile.token}/" in done.content.decode()


def test_each_step_shows_what_was_saved_and_where_it_stands(client, hagen):
    profile = new_profile(hagen, about=ABOUT)

    page = client.get(step_url(profile, "about")).content.decode()

    assert 'value="Al-Hassan"' in page
    assert 'value="2008-03-14"' in page
    assert 'aria-current="step"' in page
    with translation.override(EASY):
        progress = translation.gettext("Step %(step_number)s of %(step_total)s") % {
            "step_number": 1,
            "step_total": len(STEPS),
        }
    assert progress in page
    # The resume link, absolute, to save for later.
    assert f'value="http://testserver/profil/hagen/{EASY}/{profile.token}/"' in page


def test_german_plain_opens_the_form_in_easy_german(client, hagen):
    response = client.get("/profil/hagen/de/")
    assert response.url == f"/profil/hagen/{EASY}/"
    assert client.get("/profil/hagen/").url == f"/profil/hagen/{EASY}/"


def test_a_wrong_date_gives_a_clear_message_and_keeps_the_input(client, hagen):
    profile = new_profile(hagen)

    response = client.post(
        step_url(profile, "about", "en"), {**ABOUT, "birth_date": "31.02.2008", "action": "next"}
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert message("Please write the date like this: 14.03.2008.", "en") in page
    assert 'value="Mohammed"' in page
    assert 'value="31.02.2008"' in page
    assert "about" not in reload(profile).completed_steps


def test_a_date_typed_by_hand_is_understood(client, hagen):
    profile = new_profile(hagen)

    client.post(step_url(profile, "about"), {**ABOUT, "birth_date": "14.03.2008"})

    assert reload(profile).answers["about"]["birth_date"] == "2008-03-14"


def test_an_email_without_at_gives_a_clear_message_in_the_chosen_language(client, hagen):
    profile = new_profile(hagen)

    response = client.post(
        step_url(profile, "about", "ar"), {**ABOUT, "email": "mohammed.example.org"}
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert 'dir="rtl"' in page
    assert message("An e-mail address needs an @. Like this: name@example.org.", "ar") in page
    assert 'value="mohammed.example.org"' in page
    assert 'value="Elberfelder Str. 1"' in page
    assert reload(profile).answers == {}


def test_a_file_that_is_no_photo_is_refused(client, hagen):
    profile = new_profile(hagen, about=ABOUT)
    upload = SimpleUploadedFile("cv.pdf", b"%PDF-1.4 not a photo", content_type="application/pdf")

    response = client.post(step_url(profile, "photo", "tr"), {"photo": upload})

    assert response.status_code == 200
    assert message("This file is not a photo. Please choose a JPEG or PNG file.", "tr") in (
        response.content.decode()
    )
    profile = reload(profile)
    assert not profile.photo
    assert "photo" not in profile.completed_steps
    assert profile.answers["about"] == ABOUT


def test_a_photo_in_another_format_is_refused(client, hagen):
    profile = new_profile(hagen)

    response = client.post(
        step_url(profile, "photo"), {"photo": photo_file("me.gif", image_format="GIF")}
    )

    assert message("This file is not a photo. Please choose a JPEG or PNG file.") in (
        response.content.decode()
    )
    assert not reload(profile).photo


def test_an_oversize_photo_is_refused(client, hagen):
    profile = new_profile(hagen)
    upload = SimpleUploadedFile(
        "big.jpg", b"\xff" * (5 * 1024 * 1024 + 1), content_type="image/jpeg"
    )

    response = client.post(step_url(profile, "photo", "uk"), {"photo": upload})

    assert response.status_code == 200
    assert message("This photo is too big. It may have at most 5 MB.", "uk") in (
        response.content.decode()
    )
    assert not reload(profile).photo


def test_the_photo_can_be_deleted_again(client, hagen, django_capture_on_commit_callbacks):
    profile = new_profile(hagen)
    client.post(step_url(profile, "photo"), {"photo": photo_file("me.jpg", "JPEG")})
    stored = reload(profile).photo
    assert stored
    path = Path(stored.path)
    assert path.exists()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(step_url(profile, "photo"), {"remove": "on"})

    assert not reload(profile).photo
    assert not path.exists()


def test_switching_the_language_saves_what_was_typed(client, hagen):
    profile = new_profile(hagen)

    response = client.post(step_url(profile, "about"), {**ABOUT, "switch_to": "ar"})

    assert response.url == step_url(profile, "about", "ar")
    profile = reload(profile)
    assert profile.language == "ar"
    assert profile.answers["about"]["family_name"] == "Al-Hassan"
    page = client.get(response.url).content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert 'value="Al-Hassan"' in page


def test_switching_the_language_keeps_input_that_is_not_right_yet(client, hagen):
    profile = new_profile(hagen)

    response = client.post(
        step_url(profile, "about"), {**ABOUT, "email": "no-at-sign", "switch_to": "fa"}
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fa" dir="rtl">' in page
    assert 'value="no-at-sign"' in page
    assert 'value="Mohammed"' in page
    assert message("An e-mail address needs an @. Like this: name@example.org.", "fa") in page
    # The next press of a button goes on in the new language.
    assert f'action="{step_url(profile, "about", "fa")}"' in page


def test_the_consent_choices_survive_a_change_of_language(client, hagen):
    profile = new_profile(hagen)

    response = client.post(
        step_url(profile, "consent"), {"consent_service_point": "yes", "switch_to": "ru"}
    )

    page = client.get(response.url).content.decode()
    assert checked(page, "consent_service_point") == ["yes"]
    assert checked(page, "consent_applications") == []


def test_back_saves_the_step_too(client, hagen):
    profile = new_profile(hagen, about=ABOUT)

    response = client.post(
        step_url(profile, "interests"), {"likes": "Musik", "skills": "", "action": "back"}
    )

    assert response.url == step_url(profile, "work")
    assert reload(profile).answers["interests"] == {"likes": "Musik", "skills": ""}


def test_the_stepper_saves_and_jumps_to_the_chosen_step(client, hagen):
    profile = new_profile(hagen)

    response = client.post(
        step_url(profile, "interests"), {"likes": "Musik", "skills": "", "go_to": "about"}
    )

    assert response.url == step_url(profile, "about")
    assert "interests" in reload(profile).completed_steps


def test_at_most_three_occupations(client, hagen, occupations):
    profile = new_profile(hagen)

    response = client.post(
        step_url(profile, "occupations"), {"occupations": [o.pk for o in occupations]}
    )

    page = response.content.decode()
    assert message("Please choose at most 3 occupations.") in page
    assert "Sie reparieren Autos." in page
    assert len(checked(page, "occupations")) == 4
    assert "occupations" not in reload(profile).completed_steps


def test_starting_now_or_from_a_date(client, hagen):
    profile = new_profile(hagen)

    response = client.post(step_url(profile, "start"), {"when": "date", "available_from": ""})
    assert message("Please write the date.") in response.content.decode()

    client.post(step_url(profile, "start"), {"when": "now"})
    assert reload(profile).answers["start"] == {"available_from": ""}


def test_the_resume_link_opens_the_first_step_not_answered(client, hagen):
    profile = new_profile(hagen, about=ABOUT, languages={"languages": [], "german": {}})

    response = client.get(f"/profil/hagen/en/{profile.token}/")

    assert response.url == step_url(profile, "school", "en")


def test_consent_is_asked_with_nothing_chosen_and_a_no_is_explained(client, hagen):
    profile = new_profile(
        hagen,
        about=ABOUT,
        languages={"languages": [], "german": {}},
        school={"entries": []},
        work={"entries": []},
        interests={"likes": "", "skills": ""},
        occupations={"occupations": []},
        start={"available_from": ""},
    )

    page = client.get(step_url(profile, "consent")).content.decode()
    assert checked(page, "consent_service_point") == []
    assert checked(page, "consent_applications") == []

    response = client.post(
        step_url(profile, "consent"),
        {"consent_service_point": "no", "consent_applications": "yes", "action": "next"},
    )
    assert message("Without your consent the service point cannot keep your profile.") in (
        response.content.decode()
    )
    assert reload(profile).status == ProfileStatus.DRAFT


def test_sending_with_open_steps_names_them(client, hagen):
    profile = new_profile(hagen, about=ABOUT)

    response = client.post(
        step_url(profile, "consent"),
        {"consent_service_point": "yes", "consent_applications": "yes", "action": "next"},
    )

    page = response.content.decode()
    assert message("Some steps are still open.") in page
    assert 'name="go_to" value="languages"' in page
    assert reload(profile).status == ProfileStatus.DRAFT


def test_an_unknown_token_is_not_found(client, hagen):
    assert client.get(step_url(new_profile(hagen), "nonsense")).status_code == 404
    assert client.get(f"/profil/hagen/{EASY}/not-a-token/about/").status_code == 404
    assert client.get(f"/profil/hagen/{EASY}/not-a-token/").status_code == 404
    assert client.post(f"/profil/hagen/{EASY}/not-a-token/about/", ABOUT).status_code == 404


def test_another_offices_profile_is_not_found_under_this_office(client, hagen, osnabrueck):
    profile = new_profile(osnabrueck)
    foreign = f"/profil/hagen/{EASY}/{profile.token}/"

    assert client.get(foreign + "about/").status_code == 404
    assert client.post(foreign + "about/", ABOUT).status_code == 404
    assert client.get(foreign).status_code == 404
    assert client.get(foreign + "done/").status_code == 404
    assert reload(profile).answers == {}


def test_a_sent_profile_cannot_be_changed(client, hagen):
    profile = new_profile(
        hagen,
        about=ABOUT,
        languages={"languages": [], "german": {}},
        school={"entries": []},
        work={"entries": []},
        interests={"likes": "", "skills": ""},
        occupations={"occupations": []},
        start={"available_from": ""},
    )
    with in_office(hagen):
        services.submit(profile, consent_service_point=True, consent_applications=False)
    done = f"/profil/hagen/{EASY}/{profile.token}/done/"

    assert client.get(step_url(profile, "about")).url == done
    assert client.get(f"/profil/hagen/{EASY}/{profile.token}/").url == done
    response = client.post(step_url(profile, "about"), {**ABOUT, "family_name": "Changed"})
    assert response.url == done
    assert reload(profile).answers["about"]["family_name"] == "Al-Hassan"


def test_the_done_page_of_an_unfinished_profile_sends_back_to_the_form(client, hagen):
    profile = new_profile(hagen)

    response = client.get(f"/profil/hagen/{EASY}/{profile.token}/done/")

    assert response.url == f"/profil/hagen/{EASY}/{profile.token}/"
