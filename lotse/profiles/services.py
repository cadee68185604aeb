"""Everything that changes application profiles. The public form and the counsellor's
review pages call these; each runs in one transaction.

The answers are kept per step (`ApplicationProfile.answers[step]`), as the step's form
cleaned them, in JSON-friendly values (dates as ISO strings):

* ``about``: given_names, family_name, name_original, birth_date, phone, email, street,
  postcode, town
* ``languages``: ``languages`` — a list of language codes (lotse.core.Language.code);
  ``german`` — {skill: CEFR level} for the five skills of lotse.core.levels.Skill
* ``school``: ``entries`` — [{country, from_year, to_year, certificate, german_equivalent}]
  (german_equivalent: a lotse.matching.models.SchoolCertificate value or "")
* ``work``: ``entries`` — [{what, where, from_year, to_year}]
* ``interests``: likes, skills (free text)
* ``occupations``: ``occupations`` — a list of lotse.matching.Occupation ids
* ``start``: available_from (ISO date or "")

``answers["_unsaved"]`` is no step: {step: {field: raw value}} — what was typed on a step
and kept by autosave before the step was saved (see keep_unsaved_input).
"""

import datetime
import io

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from lotse.cases.models import TargetGroup
from lotse.cases.services import open_case
from lotse.core.levels import CEFR_ORDER
from lotse.core.models import Language
from lotse.core.names import name_keys
from lotse.people.models import LanguageSkill, Person, SkillSource

from .models import STEPS, ApplicationProfile, ProfileStatus

# Input typed on a step but not saved yet: answers[UNSAVED][step] = {field: raw value}.
UNSAVED = "_unsaved"
UNSAVED_MAX_FIELDS = 500
UNSAVED_MAX_CHARS = 5000

# Photos are stored at most this many pixels wide or high.
PHOTO_MAX_SIDE = 1200


def draft_lifetime() -> datetime.timedelta:
    return datetime.timedelta(days=settings.LOTSE_PROFILE_DRAFT_DAYS)


@transaction.atomic
def start_profile(office, *, language: str = "de-x-ls", invited_by=None) -> ApplicationProfile:
    """A new, empty draft; its token is the resume link."""
    return ApplicationProfile.objects.create(
        office=office,
        language=language,
        invited_by=invited_by,
        expires_at=timezone.now() + draft_lifetime(),
    )


def _editable(profile: ApplicationProfile) -> None:
    if profile.status != ProfileStatus.DRAFT:
        raise ValidationError(_("This profile has been sent already and can no longer change."))


@transaction.atomic
def save_step(profile: ApplicationProfile, step: str, answers: dict) -> ApplicationProfile:
    """Store one step's cleaned answers; a draft lives on for the full time after each save."""
    if step not in STEPS:
        raise ValueError(f"unknown step {step!r}")
    profile = ApplicationProfile.objects.select_for_update().get(pk=profile.pk)
    _editable(profile)
    profile.answers = {**profile.answers, step: answers}
    profile.answers.get(UNSAVED, {}).pop(step, None)  # saved properly: the raw input is done
    if step not in profile.completed_steps:
        profile.completed_steps = [s for s in STEPS if s in {*profile.completed_steps, step}]
    profile.expires_at = timezone.now() + draft_lifetime()
    profile.refresh_search_key()
    profile.save()
    return profile


@transaction.atomic
def keep_unsaved_input(profile: ApplicationProfile, step: str, data: dict) -> ApplicationProfile:
    """Keep what is typed on STEP as it is (not checked, the step not marked done), so a
    reload or a lost connection loses nothing. The next proper save of the step drops it.

    DATA: field name → string or list of strings (no files); anything else is left out.
    """
    if step not in STEPS:
        raise ValueError(f"unknown step {step!r}")
    profile = ApplicationProfile.objects.select_for_update().get(pk=profile.pk)
    _editable(profile)
    kept = {}
    for name, value in list(data.items())[:UNSAVED_MAX_FIELDS]:
        if not isinstance(name, str) or len(name) > 100:
            continue
        if isinstance(value, str):
            kept[name] = value[:UNSAVED_MAX_CHARS]
        elif isinstance(value, list | tuple):
            kept[name] = [
                v[:UNSAVED_MAX_CHARS] for v in value[:UNSAVED_MAX_FIELDS] if isinstance(v, str)
            ]
    profile.answers = {**profile.answers, UNSAVED: {**profile.answers.get(UNSAVED, {}), step: kept}}
    profile.expires_at = timezone.now() + draft_lifetime()
    profile.save(update_fields=["answers", "expires_at", "updated_at"])
    return profile


@transaction.atomic
def set_language(profile: ApplicationProfile, language: str) -> ApplicationProfile:
    ApplicationProfile.objects.filter(pk=profile.pk).update(language=language)
    profile.language = language
    return profile


@transaction.atomic
def submit(
    profile: ApplicationProfile, *, consent_service_point: bool, consent_applications: bool
) -> ApplicationProfile:
    """Send the profile to the service point. Keeping it needs the first consent."""
    profile = ApplicationProfile.objects.select_for_update().get(pk=profile.pk)
    _editable(profile)
    missing = [step for step in STEPS if step not in {"photo", "consent"}]
    missing = [step for step in missing if step not in profile.completed_steps]
    if missing:
        raise ValidationError(_("Some steps are still open."), code="steps_missing")
    if not consent_service_point:
        raise ValidationError(
            _("Without your consent the service point cannot keep your profile."),
            code="consent_missing",
        )
    profile.consent_service_point = True
    profile.consent_applications = bool(consent_applications)
    profile.status = ProfileStatus.SUBMITTED
    profile.submitted_at = timezone.now()
    profile.expires_at = None
    profile.completed_steps = [*profile.completed_steps, "consent"]
    # What was typed but never saved (another tab, say) is not part of what was sent.
    profile.answers.pop(UNSAVED, None)
    profile.save()
    return profile


@transaction.atomic
def discard(profile: ApplicationProfile) -> None:
    """The counsellor throws a profile away (e.g. a test or a double); its answers go."""
    profile = ApplicationProfile.objects.select_for_update().get(pk=profile.pk)
    if profile.status in {ProfileStatus.IMPORTED, ProfileStatus.DISCARDED}:
        raise ValidationError(_("Only a profile that was not taken over can be discarded."))
    profile.status = ProfileStatus.DISCARDED
    profile.answers = {}
    if profile.photo:
        profile.photo.delete(save=False)
    profile.save()


def delete_expired(now=None) -> int:
    """Delete unfinished profiles whose time is up (all offices). Returns how many."""
    now = now or timezone.now()
    count = 0
    expired = ApplicationProfile.objects.filter(status=ProfileStatus.DRAFT, expires_at__lt=now)
    for profile in expired.iterator():
        with transaction.atomic():
            if profile.photo:
                profile.photo.delete(save=False)
            profile.delete()
            count += 1
    return count


def possible_matches(profile: ApplicationProfile, limit: int = 10):
    """People of the office who may be the same person: the same names in any spelling
    or script (every name word matches), or the same date of birth."""
    about = profile.about
    condition = Q(pk__in=[])
    keys = [
        key
        for word in (about.get("given_names", ""), about.get("family_name", ""))
        for key in name_keys(word)
        if key
    ]
    if keys:
        by_name = Q()
        for key in keys:
            by_name &= Q(search_key__contains=f" {key}")
        condition |= by_name
    birth = _date(about.get("birth_date"))
    if birth is not None:
        condition |= Q(birth_year=birth.year, birth_month=birth.month, birth_day=birth.day)
    return Person.objects.filter(condition).order_by("family_name", "given_names", "id")[:limit]


def _date(value) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def _check_importable(profile: ApplicationProfile) -> ApplicationProfile:
    profile = ApplicationProfile.objects.select_for_update().get(pk=profile.pk)
    if profile.status != ProfileStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted profile can be taken over."))
    return profile


def _add_languages(profile: ApplicationProfile, person: Person, assessed_on: datetime.date):
    """The languages, and German per skill as a dated self-assessment."""
    answers = profile.step("languages")
    codes = set(answers.get("languages", []))
    german = {skill: level for skill, level in answers.get("german", {}).items() if level}
    if german:
        codes.add("de")
    languages = {language.code: language for language in Language.objects.filter(code__in=codes)}
    person.languages.add(*languages.values())
    if german and "de" in languages:
        LanguageSkill.objects.bulk_create(
            LanguageSkill(
                office_id=person.office_id,
                person=person,
                language=languages["de"],
                skill=skill,
                level=level,
                source=SkillSource.SELF_ASSESSMENT,
                assessed_on=assessed_on,
            )
            for skill, level in sorted(german.items())
            if level in CEFR_ORDER
        )


def _add_matching_profile(profile: ApplicationProfile, person: Person) -> None:
    from lotse.matching.models import MatchingProfile, Occupation

    occupations = list(
        Occupation.objects.filter(pk__in=profile.step("occupations").get("occupations", []))
    )
    available_from = _date(profile.step("start").get("available_from"))
    german = [
        level
        for level in profile.step("languages").get("german", {}).values()
        if level in CEFR_ORDER
    ]
    school = [
        entry.get("german_equivalent")
        for entry in profile.step("school").get("entries", [])
        if entry.get("german_equivalent")
    ]
    if not (occupations or available_from or german or school):
        return
    matching, _created = MatchingProfile.objects.get_or_create(
        person=person, defaults={"office_id": person.office_id}
    )
    if german and not matching.german_level:
        # The weakest skill: a self-assessment should not overstate what a company gets.
        matching.german_level = min(german, key=CEFR_ORDER.__getitem__)
    if school and not matching.school_certificate:
        matching.school_certificate = school[-1]
    if available_from and not matching.available_from:
        matching.available_from = available_from
    matching.save()
    matching.wished_occupations.add(*occupations)


@transaction.atomic
def import_as_new_person(profile: ApplicationProfile, *, user) -> ApplicationProfile:
    """Create the person and a case from the answers (the counsellor confirmed)."""
    profile = _check_importable(profile)
    about = profile.about
    birth = _date(about.get("birth_date"))
    person = Person(
        office_id=profile.office_id,
        given_names=about.get("given_names", "").strip(),
        family_name=about.get("family_name", "").strip(),
        given_names_original=about.get("name_original", "").strip()[:150],
        phone=about.get("phone", ""),
        email=about.get("email", ""),
        street=about.get("street", ""),
        postcode=about.get("postcode", ""),
        town=about.get("town", ""),
        is_young_person=True,
    )
    if birth is not None:
        person.birth_year, person.birth_month, person.birth_day = birth.year, birth.month, birth.day
    person.full_clean(exclude=["office", "languages"], validate_constraints=False)
    person.save()
    case = open_case(person, counsellor=user, target_group=TargetGroup.YOUNG_PERSON)
    return _finish_import(profile, person, case, user)


@transaction.atomic
def link_to_person(profile: ApplicationProfile, person: Person, *, user) -> ApplicationProfile:
    """Attach the profile to an existing person of the office. Her record is not
    overwritten; languages, the German self-assessment and wishes are added."""
    profile = _check_importable(profile)
    if person.office_id != profile.office_id:
        raise ValidationError(_("This person belongs to another office."))
    case = person.cases.open().first()
    return _finish_import(profile, person, case, user)


def _finish_import(profile, person, case, user) -> ApplicationProfile:
    assessed_on = timezone.localdate(profile.submitted_at or timezone.now())
    _add_languages(profile, person, assessed_on)
    _add_matching_profile(profile, person)
    profile.person = person
    profile.case = case
    profile.status = ProfileStatus.IMPORTED
    profile.imported_by = user
    profile.imported_at = timezone.now()
    profile.save()
    return profile


@transaction.atomic
def save_photo(profile: ApplicationProfile, upload) -> ApplicationProfile:
    """Store UPLOAD as the profile's photo (None deletes it).

    The photo is re-encoded as JPEG, turned upright and made smaller; this also drops
    its metadata (e.g. where it was taken).
    """
    profile = ApplicationProfile.objects.select_for_update().get(pk=profile.pk)
    if profile.status != ProfileStatus.DRAFT:
        raise ValidationError(_("This profile has been sent already and can no longer change."))
    old = profile.photo.name if profile.photo else ""
    if upload is None:
        profile.photo = ""
    else:
        upload.seek(0)
        with Image.open(upload) as image:
            image = ImageOps.exif_transpose(image)
            image.thumbnail((PHOTO_MAX_SIDE, PHOTO_MAX_SIDE))
            if image.mode != "RGB":
                background = Image.new("RGB", image.size, "white")
                rgba = image.convert("RGBA")
                background.paste(rgba, mask=rgba.getchannel("A"))
                image = background
            buffer = io.BytesIO()
            image.save(buffer, format="JPEG", quality=85)
        profile.photo.save("photo.jpg", ContentFile(buffer.getvalue()), save=False)
    profile.save(update_fields=["photo", "updated_at"])
    if old and old != profile.photo.name:
        storage = profile.photo.storage
        transaction.on_commit(lambda: storage.delete(old))
    return profile
