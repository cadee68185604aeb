"""A counsellor reviews the application profiles young people sent and takes them over.

Selin (counsellor in Hagen) sees Hagen's profiles on her worklist, reads the answers,
checks the possible existing persons and either creates a new person with a case or
links the profile to someone already known. Jana (Osnabrück) gets 404 for all of it;
guides and the programme get 403.
"""

import io

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django_scopes import scopes_disabled
from PIL import Image

from lotse.cases.models import Case
from lotse.core.reference import load_languages
from lotse.factories import OccupationFactory, PersonFactory
from lotse.people.models import LanguageSkill, Person, SkillSource
from lotse.profiles import services
from lotse.profiles.models import ApplicationProfile, ProfileStatus

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
def languages():
    load_languages()


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _client(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


@pytest.fixture
def selin(hagen_counsellor):
    return _client(hagen_counsellor)


@pytest.fixture
def mechatroniker():
    return OccupationFactory(name="Mechatroniker/-in")


def make_profile(office, *, about=ABOUT, submit=True, occupations=(), language="ar"):
    """A profile filled in step by step through the services, as the public form does."""
    with scopes_disabled():
        profile = services.start_profile(office, language=language)
        steps = {
            "about": about,
            "languages": {
                "languages": ["ar", "en"],
                "german": {"listening": "B1", "reading": "A2", "writing": "A2"},
            },
            "school": {
                "entries": [
                    {
                        "country": "Syrien",
                        "from_year": 2014,
                        "to_year": 2022,
                        "certificate": "9. Klasse",
                        "german_equivalent": "hauptschule",
                    }
                ]
            },
            "work": {
                "entries": [{"what": "Praktikum Kfz", "where": "Autohaus Hagen", "from_year": 2024}]
            },
            "interests": {"likes": "Autos", "skills": "reparieren"},
            "occupations": {"occupations": [occupation.pk for occupation in occupations]},
            "start": {"available_from": "2027-08-01"},
        }
        for step, answers in steps.items():
            profile = services.save_step(profile, step, answers)
        if submit:
            profile = services.submit(
                profile, consent_service_point=True, consent_applications=False
            )
        return profile


def _reload(profile) -> ApplicationProfile:
    with scopes_disabled():
        return ApplicationProfile.objects.get(pk=profile.pk)


def _jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "teal").save(buffer, "JPEG")
    return buffer.getvalue()


def _with_photo(profile) -> ApplicationProfile:
    with scopes_disabled():
        profile.photo.save("passbild.jpg", ContentFile(_jpeg()))
    return profile


def test_the_list_shows_hagens_submitted_profiles_not_osnabruecks(selin, hagen, osnabrueck):
    profile = make_profile(hagen)
    make_profile(osnabrueck, about={**ABOUT, "given_names": "Olena", "family_name": "Kovalenko"})
    make_profile(hagen, about={**ABOUT, "given_names": "Zahra"}, submit=False)
    page = selin.get(reverse("profiles:list")).content.decode()
    table = page.split("<table")[1].split("</table>")[0]
    assert "Mohammed Al-Hassan" in table
    assert profile.submitted_at.strftime("%d.%m.%Y") in table
    assert "<td>Arabic</td>" in table  # the language the form was filled in
    assert "Kovalenko" not in page
    assert "Zahra" not in page  # still being filled in: not yet to review
    drafts = selin.get(reverse("profiles:list"), {"status": "draft"}).content.decode()
    assert "Zahra" in drafts and "Mohammed" not in drafts


def test_another_office_gets_404_for_every_profile_page(hagen, osnabrueck_counsellor):
    profile = _with_photo(make_profile(hagen))
    person = PersonFactory(office=hagen, given_names="Muhammad", family_name="Al Hasan")
    jana = _client(osnabrueck_counsellor)
    for route in ("detail", "photo", "discard"):
        assert jana.get(reverse(f"profiles:{route}", args=[profile.pk])).status_code == 404
    for url in (
        reverse("profiles:import", args=[profile.pk]),
        reverse("profiles:link", args=[profile.pk, person.pk]),
        reverse("profiles:discard", args=[profile.pk]),
    ):
        assert jana.post(url).status_code == 404
    assert "Al-Hassan" not in jana.get(reverse("profiles:list")).content.decode()
    assert _reload(profile).status == ProfileStatus.SUBMITTED


def test_linking_to_another_offices_person_is_404(selin, hagen, osnabrueck):
    profile = make_profile(hagen)
    stranger = PersonFactory(office=osnabrueck, given_names="Mohammed", family_name="Al-Hassan")
    response = selin.post(reverse("profiles:link", args=[profile.pk, stranger.pk]))
    assert response.status_code == 404
    assert _reload(profile).status == ProfileStatus.SUBMITTED


@pytest.mark.parametrize("who", ["hagen_guide", "programme_user"])
def test_guides_and_the_programme_are_kept_out(who, request, hagen):
    profile = _with_photo(make_profile(hagen))
    person = PersonFactory(office=hagen)
    client = _client(request.getfixturevalue(who))
    for url in (
        reverse("profiles:list"),
        reverse("profiles:detail", args=[profile.pk]),
        reverse("profiles:photo", args=[profile.pk]),
        reverse("profiles:discard", args=[profile.pk]),
    ):
        assert client.get(url).status_code == 403, url
    for url in (
        reverse("profiles:invite"),
        reverse("profiles:import", args=[profile.pk]),
        reverse("profiles:link", args=[profile.pk, person.pk]),
        reverse("profiles:discard", args=[profile.pk]),
    ):
        assert client.post(url).status_code == 403, url
    assert _reload(profile).status == ProfileStatus.SUBMITTED


def test_the_review_page_shows_the_answers_and_possible_existing_persons(
    selin, hagen, mechatroniker
):
    profile = make_profile(hagen, occupations=[mechatroniker])
    known = PersonFactory(
        office=hagen,
        given_names="Muhammad",
        family_name="Al Hasan",
        birth_year=2008,
        birth_month=3,
        town="Hagen-Haspe",
    )
    PersonFactory(office=hagen, given_names="Olena", family_name="Kovalenko")
    page = selin.get(reverse("profiles:detail", args=[profile.pk])).content.decode()
    # The answers, readable.
    assert "14.03.2008" in page
    assert "محمد الحسن" in page
    assert "Arabic, English" in page
    assert "Listening" in page and "B1" in page  # German self-assessment per skill
    assert "Hauptschulabschluss" in page  # the German equivalent by name, not its code
    assert "Praktikum Kfz" in page and "Autohaus Hagen" in page
    assert "Mechatroniker/-in" in page  # occupations by name, not id
    assert "01.08.2027" in page
    assert "No photo." in page
    # Possible existing persons: similar name; the partial date as the people pages show it.
    assert reverse("profiles:link", args=[profile.pk, known.pk]) in page
    assert "03.2008" in page and "Hagen-Haspe" in page
    assert "Kovalenko" not in page
    assert reverse("profiles:import", args=[profile.pk]) in page


def test_the_photo_is_served_only_through_the_checked_view(selin, hagen):
    profile = _with_photo(make_profile(hagen))
    page = selin.get(reverse("profiles:detail", args=[profile.pk])).content.decode()
    photo_url = reverse("profiles:photo", args=[profile.pk])
    assert f'src="{photo_url}"' in page
    assert profile.photo.name not in page  # never the file's media path
    response = selin.get(photo_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == _jpeg()


def test_creating_a_new_person_and_case_from_the_profile(selin, hagen, hagen_counsellor):
    profile = make_profile(hagen)
    response = selin.post(reverse("profiles:import", args=[profile.pk]))
    with scopes_disabled():
        person = Person.objects.get(family_name="Al-Hassan")
        case = Case.objects.get(person=person)
        skills = list(LanguageSkill.objects.filter(person=person))
    assert response.status_code == 302
    assert response.url == person.get_absolute_url()
    assert case.counsellor == hagen_counsellor
    assert person.town == "Hagen" and person.birth_day == 14
    assert {skill.source for skill in skills} == {SkillSource.SELF_ASSESSMENT}
    assert len(skills) == 3
    profile = _reload(profile)
    assert profile.status == ProfileStatus.IMPORTED and profile.person == person
    page = selin.get(response.url).content.decode()
    assert "New person Mohammed Al-Hassan with a case was created" in page
    assert "German self-assessment for 3 skills" in page
    # Taken over once only: a second click does not create a second person.
    again = selin.post(reverse("profiles:import", args=[profile.pk]), follow=True)
    assert "Only a submitted profile can be taken over." in again.content.decode()
    with scopes_disabled():
        assert Person.objects.filter(family_name="Al-Hassan").count() == 1


def test_linking_the_profile_to_a_person_already_known(selin, hagen, hagen_colleague):
    profile = make_profile(hagen)
    known = PersonFactory(
        office=hagen, given_names="Muhammad", family_name="Al Hasan", phone="0231 999"
    )
    simone = _client(hagen_colleague)  # the lead may take over too
    response = simone.post(reverse("profiles:link", args=[profile.pk, known.pk]))
    assert response.status_code == 302
    assert response.url == known.get_absolute_url()
    with scopes_disabled():
        known.refresh_from_db()
        assert known.phone == "0231 999"  # her record is not overwritten
        assert known.language_skills.count() == 3
        assert Person.objects.filter(office=hagen).count() == 1  # nobody new
    assert _reload(profile).person == known
    page = simone.get(response.url).content.decode()
    assert "The profile was linked to Muhammad Al Hasan." in page
    assert "Arabic" in page and "no open case" in page


def test_discarding_asks_first_then_throws_the_answers_away(selin, hagen):
    profile = _with_photo(make_profile(hagen))
    url = reverse("profiles:discard", args=[profile.pk])
    confirm = selin.get(url).content.decode()
    assert "Discard the profile of Mohammed Al-Hassan?" in confirm
    assert _reload(profile).status == ProfileStatus.SUBMITTED  # asking changes nothing
    response = selin.post(url, follow=True)
    assert response.redirect_chain[-1][0] == reverse("profiles:list")
    assert "Discarded: Mohammed Al-Hassan" in response.content.decode()
    profile = _reload(profile)
    assert profile.status == ProfileStatus.DISCARDED
    assert profile.answers == {} and not profile.photo
    assert selin.get(reverse("profiles:photo", args=[profile.pk])).status_code == 404
    discarded = selin.get(reverse("profiles:list"), {"status": "discarded"}).content.decode()
    assert reverse("profiles:detail", args=[profile.pk]) in discarded


def test_a_taken_over_profile_cannot_be_discarded(selin, hagen):
    profile = make_profile(hagen)
    selin.post(reverse("profiles:import", args=[profile.pk]))
    response = selin.post(reverse("profiles:discard", args=[profile.pk]), follow=True)
    assert "Only a profile that was not taken over can be discarded." in (response.content.decode())
    profile = _reload(profile)
    assert profile.status == ProfileStatus.IMPORTED and profile.answers


def test_a_profile_still_being_filled_in_cannot_be_taken_over(selin, hagen):
    draft = make_profile(hagen, submit=False)
    page = selin.get(reverse("profiles:detail", args=[draft.pk])).content.decode()
    assert reverse("profiles:import", args=[draft.pk]) not in page
    response = selin.post(reverse("profiles:import", args=[draft.pk]), follow=True)
    assert response.status_code == 200
    assert "Only a submitted profile can be taken over." in response.content.decode()
    with scopes_disabled():
        assert not Person.objects.exists()
    assert _reload(draft).status == ProfileStatus.DRAFT


def test_the_worklist_shows_new_profiles_until_they_are_taken_over(selin, hagen, osnabrueck):
    profile = make_profile(hagen)
    make_profile(osnabrueck, about={**ABOUT, "given_names": "Olena", "family_name": "Kovalenko"})
    home = selin.get(reverse("core:home")).content.decode()
    worklist = home.split('id="worklist-heading"')[1]
    assert "New application profiles" in worklist
    assert reverse("profiles:detail", args=[profile.pk]) in worklist
    assert "Kovalenko" not in worklist
    selin.post(reverse("profiles:import", args=[profile.pk]))
    worklist = selin.get(reverse("core:home")).content.decode().split('id="worklist-heading"')[1]
    assert "New application profiles" not in worklist


def test_a_personal_link_is_made_for_the_chosen_language(selin, hagen, hagen_counsellor):
    response = selin.post(reverse("profiles:invite"), {"language": "uk"})
    with scopes_disabled():
        profile = ApplicationProfile.objects.get()
    assert profile.language == "uk" and profile.invited_by == hagen_counsellor
    assert profile.status == ProfileStatus.DRAFT
    assert response.url == reverse("profiles:detail", args=[profile.pk])
    page = selin.get(response.url).content.decode()
    link = reverse("public_profiles:resume", args=["hagen", "uk", profile.token])
    assert f'value="http://testserver{link}"' in page  # the absolute link, ready to copy
    assert "Ukrainian" in page


def test_the_list_offers_the_offices_link_as_a_qr_code(selin, hagen):
    page = selin.get(reverse("profiles:list")).content.decode()
    link = "http://testserver" + reverse("public_profiles:start", args=["hagen", "de-x-ls"])
    assert f'value="{link}"' in page
    section = page.split('id="office-link-heading"')[1]
    assert '<svg role="img" aria-label="' in section and "<path" in section


def test_every_step_shows_the_resume_link_with_its_qr_code(client, hagen):
    with scopes_disabled():
        profile = services.start_profile(hagen)
    page = client.get(
        reverse("public_profiles:step", args=["hagen", "de-x-ls", profile.token, "about"])
    ).content.decode()
    section = page.split('id="resume-heading"')[1]
    assert profile.token in section and '<svg role="img" aria-label="' in section
