"""Autosave of the public application profile: what is typed on a step is kept before
the step is saved, so a reload or a lost connection loses nothing."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django_scopes import scopes_disabled

from lotse.core.reference import load_languages
from lotse.profiles import services
from lotse.profiles.models import ApplicationProfile
from lotse.profiles.pdf import profile_context
from lotse.profiles.tests.utils import EASY, in_office, new_profile, reload, step_url
from lotse.profiles.views import readable_answers

pytestmark = pytest.mark.django_db


ABOUT = {
    "given_names": "Olena",
    "family_name": "Kovalenko",
    "name_original": "Олена Коваленко",
    "birth_date": "2007-05-02",
    "phone": "0176 7654321",
    "email": "olena@example.org",
    "street": "Bahnhofstr. 3",
    "postcode": "58095",
    "town": "Hagen",
}


@pytest.fixture(autouse=True)
def reference_data(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    load_languages()


def value_of(page: str, name: str) -> str | None:
    tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', page)
    value = re.search(r'value="([^"]*)"', tag[0]) if tag else None
    return value[1] if value else None


def checked(page, name) -> list[str]:
    inputs = re.findall(rf'<input[^>]*name="{name}"[^>]*>', page)
    return [re.search(r'value="([^"]*)"', tag)[1] for tag in inputs if " checked" in tag]


def test_autosave_keeps_what_is_typed_even_if_it_is_not_right_yet(client, hagen):
    profile = new_profile(hagen)

    response = client.post(
        step_url(profile, "about"),
        {"given_names": "Olena", "email": "olena-without-at", "autosave": "1"},
    )

    assert response.status_code == 204
    profile = reload(profile)
    assert profile.answers["_unsaved"]["about"]["given_names"] == "Olena"
    assert profile.answers["_unsaved"]["about"]["email"] == "olena-without-at"
    assert "autosave" not in profile.answers["_unsaved"]["about"]
    assert "about" not in profile.answers
    assert "about" not in profile.completed_steps

    # A reload shows the input again, without error messages (nobody sent it yet).
    page = client.get(step_url(profile, "about")).content.decode()
    assert value_of(page, "given_names") == "Olena"
    assert value_of(page, "email") == "olena-without-at"
    assert 'id="error-summary"' not in page
    assert "field-error" not in page


def test_the_unsaved_input_wins_over_the_saved_answers_and_next_clears_it(client, hagen):
    profile = new_profile(hagen, languages={"languages": ["ar"], "german": {"listening": "A2"}})

    # She unticks Arabic, ticks English and Ukrainian, and the connection drops.
    client.post(
        step_url(profile, "languages"),
        {"languages": ["en", "uk"], "german_listening": "B1", "autosave": "1"},
    )
    page = client.get(step_url(profile, "languages")).content.decode()
    assert sorted(checked(page, "languages")) == ["en", "uk"]
    assert checked(page, "german_listening") == ["B1"]

    response = client.post(
        step_url(profile, "languages"), {"languages": ["en", "uk"], "german_listening": "B1"}
    )

    assert response.status_code == 302
    profile = reload(profile)
    assert sorted(profile.answers["languages"]["languages"]) == ["en", "uk"]
    assert "languages" not in profile.answers.get("_unsaved", {})
    # The saved answers are shown again.
    page = client.get(step_url(profile, "languages")).content.decode()
    assert sorted(checked(page, "languages")) == ["en", "uk"]


def test_school_rows_are_kept_as_typed(client, hagen):
    profile = new_profile(hagen)
    management = {
        "school-TOTAL_FORMS": "3",
        "school-INITIAL_FORMS": "0",
        "school-MIN_NUM_FORMS": "0",
        "school-MAX_NUM_FORMS": "3",
    }

    client.post(
        step_url(profile, "school"),
        {**management, "school-0-country": "Ukraine", "school-0-from_year": "20", "autosave": "1"},
    )

    page = client.get(step_url(profile, "school")).content.decode()
    assert value_of(page, "school-0-country") == "Ukraine"
    assert value_of(page, "school-0-from_year") == "20"
    assert "field-error" not in page


def test_the_review_and_the_pdf_ignore_unsaved_input(client, hagen):
    profile = new_profile(hagen, about=ABOUT)
    client.post(step_url(profile, "about"), {**ABOUT, "family_name": "Typo", "autosave": "1"})
    client.post(step_url(profile, "interests"), {"likes": "Fußball", "autosave": "1"})

    profile = reload(profile)
    with in_office(hagen):
        review = readable_answers(profile)
        pdf = profile_context(profile)
    assert review["about"]["family_name"] == "Kovalenko"
    assert pdf["about"]["family_name"] == "Kovalenko"
    assert review["interests"] == {}
    assert profile.completed_steps == ["about"]
    assert profile.display_name == "Olena Kovalenko"


def test_the_photo_and_the_consent_are_not_kept(client, hagen):
    profile = new_profile(hagen)

    for step in ("photo", "consent"):
        response = client.post(
            step_url(profile, step), {"consent_service_point": "yes", "autosave": "1"}
        )
        assert response.status_code == 204
    assert reload(profile).answers.get("_unsaved", {}) == {}


def test_autosave_needs_the_csrf_token(hagen):
    profile = new_profile(hagen)
    client = Client(enforce_csrf_checks=True)

    refused = client.post(step_url(profile, "about"), {"given_names": "X", "autosave": "1"})
    assert refused.status_code == 403

    page = client.get(step_url(profile, "about")).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
    response = client.post(
        step_url(profile, "about"),
        {"given_names": "X", "autosave": "1", "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 204
    assert reload(profile).answers["_unsaved"]["about"] == {"given_names": "X"}


def test_a_sent_profile_refuses_autosave(client, hagen):
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
        with pytest.raises(services.ValidationError):
            services.keep_unsaved_input(profile, "about", {"family_name": "Changed"})

    response = client.post(step_url(profile, "about"), {"family_name": "Changed", "autosave": "1"})

    assert response.status_code == 409
    assert "_unsaved" not in reload(profile).answers


def test_another_offices_profile_is_not_found(client, hagen, osnabrueck):
    profile = new_profile(osnabrueck)

    response = client.post(
        f"/profil/{hagen.slug}/{EASY}/{profile.token}/about/",
        {"given_names": "X", "autosave": "1"},
    )

    assert response.status_code == 404
    assert reload(profile).answers == {}


@pytest.mark.browser
def test_typed_input_survives_a_reload_in_the_browser(page, live_site, hagen):
    page.goto(live_site.url + reverse("public_profiles:start", args=["hagen", "en"]))
    page.get_by_role("button", name="Start").click()
    with scopes_disabled():
        profile = ApplicationProfile.objects.get()

    with page.expect_response(
        lambda response: (
            response.status == 204 and "olena-without-at" in (response.request.post_data or "")
        )
    ):
        page.locator("input[name=given_names]").fill("Olena")
        page.locator("input[name=email]").fill("olena-without-at")

    page.reload()

    assert page.locator("input[name=given_names]").input_value() == "Olena"
    assert page.locator("input[name=email]").input_value() == "olena-without-at"
    with scopes_disabled():
        kept = ApplicationProfile.objects.get(pk=profile.pk).answers["_unsaved"]["about"]
    assert kept["given_names"] == "Olena"


def test_sending_drops_input_that_was_never_saved(hagen):
    from lotse.profiles.models import STEPS

    with scopes_disabled():
        profile = services.start_profile(hagen)
        for step in STEPS[:-1]:
            profile = services.save_step(profile, step, {"given_names": "Amal"})
        services.keep_unsaved_input(profile, "about", {"given_names": "Am"})
        profile = services.submit(profile, consent_service_point=True, consent_applications=False)
        assert "_unsaved" not in profile.answers
