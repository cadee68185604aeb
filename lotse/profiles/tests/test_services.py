"""Application profiles: steps saved, submitted with consent, expired, taken over."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django_scopes import scopes_disabled

from lotse.core.reference import load_languages
from lotse.factories import OccupationFactory, PersonFactory
from lotse.people.models import LanguageSkill, SkillSource
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
def english():
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def languages():
    load_languages()


def _filled(office, **answers):
    profile = services.start_profile(office, language="ar")
    steps = {
        "about": ABOUT,
        "languages": {
            "languages": ["ar", "en"],
            "german": {"listening": "B1", "reading": "A2", "writing": "A2"},
        },
        "school": {"entries": [{"country": "SY", "german_equivalent": "hauptschule"}]},
        "work": {"entries": []},
        "interests": {"likes": "Autos", "skills": "reparieren"},
        "occupations": {"occupations": []},
        "start": {"available_from": "2027-08-01"},
        **answers,
    }
    for step, values in steps.items():
        profile = services.save_step(profile, step, values)
    return profile


def test_every_step_is_kept_and_a_draft_lives_on_after_each_save(hagen, in_hagen):
    with in_hagen:
        profile = services.start_profile(hagen)
        first_expiry = profile.expires_at
        profile = services.save_step(profile, "about", ABOUT)
        profile = services.save_step(profile, "start", {"available_from": ""})
        assert profile.completed_steps == ["about", "start"]
        assert ApplicationProfile.objects.get(pk=profile.pk).step("about")["town"] == "Hagen"
        assert profile.expires_at >= first_expiry
        assert not profile.is_complete


def test_submitting_needs_every_step_and_the_consent(hagen, in_hagen):
    with in_hagen:
        profile = services.start_profile(hagen)
        profile = services.save_step(profile, "about", ABOUT)
        with pytest.raises(ValidationError, match="still open"):
            services.submit(profile, consent_service_point=True, consent_applications=False)
        profile = _filled(hagen)
        with pytest.raises(ValidationError, match="consent"):
            services.submit(profile, consent_service_point=False, consent_applications=True)
        profile = services.submit(profile, consent_service_point=True, consent_applications=False)
        assert profile.status == ProfileStatus.SUBMITTED
        assert profile.expires_at is None
        assert profile.consent_applications is False
        with pytest.raises(ValidationError, match="can no longer change"):
            services.save_step(profile, "about", ABOUT)


def test_unfinished_profiles_are_deleted_when_their_time_is_up(hagen, in_hagen, settings):
    settings.LOTSE_PROFILE_DRAFT_DAYS = 14
    with in_hagen:
        old = services.start_profile(hagen)
        sent = _filled(hagen)
        sent = services.submit(sent, consent_service_point=True, consent_applications=True)
    later = timezone.now() + datetime.timedelta(days=15)
    with scopes_disabled():
        assert services.delete_expired(now=later) == 1
        assert not ApplicationProfile.objects.filter(pk=old.pk).exists()
        assert ApplicationProfile.objects.filter(pk=sent.pk).exists()


def test_possible_matches_find_other_spellings_and_the_same_birthday(hagen, osnabrueck, in_hagen):
    same_name = PersonFactory(office=hagen, given_names="Muhammad", family_name="Al Hasan")
    same_birthday = PersonFactory(
        office=hagen,
        given_names="Rami",
        family_name="Haddad",
        birth_year=2008,
        birth_month=3,
        birth_day=14,
    )
    PersonFactory(office=hagen, given_names="Olena", family_name="Kovalenko")
    PersonFactory(office=osnabrueck, given_names="Mohamed", family_name="Al Hassan")
    with in_hagen:
        profile = _filled(hagen)
        assert set(services.possible_matches(profile)) == {same_name, same_birthday}


def test_taking_over_creates_person_case_languages_and_wishes(hagen, hagen_counsellor, in_hagen):
    mechatronics = OccupationFactory(name="Mechatroniker/-in")
    with in_hagen:
        profile = _filled(hagen, occupations={"occupations": [mechatronics.pk]})
        profile = services.submit(profile, consent_service_point=True, consent_applications=True)
        profile = services.import_as_new_person(profile, user=hagen_counsellor)
        person = profile.person
        assert (person.given_names, person.family_name) == ("Mohammed", "Al-Hassan")
        assert person.given_names_original == "محمد الحسن"
        assert (person.birth_year, person.birth_month, person.birth_day) == (2008, 3, 14)
        assert profile.case.person == person and profile.case.counsellor == hagen_counsellor
        assert set(person.languages.values_list("code", flat=True)) == {"ar", "en", "de"}
        skills = LanguageSkill.objects.filter(person=person).order_by("skill")
        assert [(s.skill, s.level, s.source) for s in skills] == [
            ("listening", "B1", SkillSource.SELF_ASSESSMENT),
            ("reading", "A2", SkillSource.SELF_ASSESSMENT),
            ("writing", "A2", SkillSource.SELF_ASSESSMENT),
        ]
        assert skills[0].assessed_on == timezone.localdate(profile.submitted_at)
        matching = person.matching_profile
        assert matching.german_level == "A2"  # the weakest skill
        assert list(matching.wished_occupations.all()) == [mechatronics]
        assert matching.available_from == datetime.date(2027, 8, 1)
        assert profile.status == ProfileStatus.IMPORTED
        with pytest.raises(ValidationError):
            services.import_as_new_person(profile, user=hagen_counsellor)


def test_linking_to_a_known_person_keeps_her_record(hagen, hagen_counsellor, in_hagen):
    known = PersonFactory(
        office=hagen, given_names="Muhammad", family_name="Alhasan", phone="02331 99"
    )
    with in_hagen:
        profile = _filled(hagen)
        profile = services.submit(profile, consent_service_point=True, consent_applications=True)
        profile = services.link_to_person(profile, known, user=hagen_counsellor)
        known.refresh_from_db()
        assert known.phone == "02331 99" and known.given_names == "Muhammad"
        assert profile.person == known and profile.case is None
        assert LanguageSkill.objects.filter(person=known, language__code="de").count() == 3


def test_a_draft_cannot_be_taken_over(hagen, hagen_counsellor, in_hagen):
    with in_hagen:
        profile = _filled(hagen)
        with pytest.raises(ValidationError, match="submitted"):
            services.import_as_new_person(profile, user=hagen_counsellor)


def test_the_command_deletes_expired_drafts_of_every_office(hagen, osnabrueck, settings):
    from io import StringIO

    from django.core.management import call_command

    with scopes_disabled():
        for office in (hagen, osnabrueck):
            ApplicationProfile.objects.create(
                office=office, expires_at=timezone.now() - datetime.timedelta(minutes=1)
            )
        ApplicationProfile.objects.create(
            office=hagen, expires_at=timezone.now() + datetime.timedelta(days=1)
        )
    out = StringIO()
    call_command("delete-expired-profiles", stdout=out)
    assert out.getvalue().startswith("2 ")
    with scopes_disabled():
        assert ApplicationProfile.objects.count() == 1
