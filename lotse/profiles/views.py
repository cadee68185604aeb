"""The counsellor's side of the application profile: review, take over, discard.

Only counsellors and leads enter (the default of OfficeRoleRequiredMixin); every
profile is loaded through the office scope, so another office's profile answers 404.
Nothing is taken over without the counsellor's click: each write is one POST.
"""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import ListView, TemplateView

from lotse.accounts.permissions import OfficeRoleRequiredMixin
from lotse.cases.esf import SchoolCertificate
from lotse.core.levels import Skill
from lotse.core.models import Language
from lotse.core.pdf import pdf_response
from lotse.core.public import PUBLIC_LANGUAGES
from lotse.matching.models import MatchingProfile, Occupation
from lotse.people.models import Person

from . import services
from .models import ApplicationProfile, ProfileStatus
from .pdf import render_profile_pdf

# The form's languages: Easy German is the German entry point, plain German is not offered.
FORM_LANGUAGES = [(code, staff) for code, _own, staff in PUBLIC_LANGUAGES if code != "de"]
FORM_LANGUAGE_NAMES = dict(FORM_LANGUAGES)
DEFAULT_FORM_LANGUAGE = "de-x-ls"

# The list's filters; the first is the default (what waits for review).
FILTERS = (
    (ProfileStatus.SUBMITTED, "-submitted_at"),
    (ProfileStatus.IMPORTED, "-imported_at"),
    (ProfileStatus.DISCARDED, "-updated_at"),
    (ProfileStatus.DRAFT, "-created_at"),
)


def form_language_name(code: str) -> str:
    return str(FORM_LANGUAGE_NAMES.get(code, code))


def _iso_date(value) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def _years(entry: dict) -> str:
    start, end = entry.get("from_year") or "", entry.get("to_year") or ""
    if start and end and start != end:
        return f"{start}–{end}"
    return str(start or end)


def readable_answers(profile: ApplicationProfile) -> dict:
    """The answers as the review page shows them: names instead of codes and ids."""
    about = profile.step("about")
    languages = profile.step("languages")
    codes = list(languages.get("languages", []))
    by_code = {language.code: language for language in Language.objects.filter(code__in=codes)}
    german = languages.get("german", {})
    occupation_ids = profile.step("occupations").get("occupations", [])
    occupations = list(Occupation.objects.filter(pk__in=occupation_ids).order_by("name"))
    certificates = dict(SchoolCertificate.choices)
    return {
        "about": {**about, "birth_date": _iso_date(about.get("birth_date"))},
        "languages": [by_code.get(code, code) for code in codes],
        "german": [
            {"skill": label, "level": german[skill]}
            for skill, label in Skill.choices
            if german.get(skill)
        ],
        "school": [
            {
                **entry,
                "years": _years(entry),
                "german_equivalent": certificates.get(entry.get("german_equivalent"), ""),
            }
            for entry in profile.step("school").get("entries", [])
        ],
        "work": [
            {**entry, "years": _years(entry)} for entry in profile.step("work").get("entries", [])
        ],
        "interests": profile.step("interests"),
        "occupations": occupations,
        "available_from": _iso_date(profile.step("start").get("available_from")),
        "start_answered": "start" in profile.completed_steps,
    }


def resume_link(request, profile: ApplicationProfile) -> tuple[str, bool]:
    """The personal link the young person continues with, absolute; (link, is_url).

    Without the public form's route (not installed) only the token can be shown.
    """
    try:
        path = reverse(
            "public_profiles:resume", args=[profile.office.slug, profile.language, profile.token]
        )
    except NoReverseMatch:
        return profile.token, False
    return request.build_absolute_uri(path), True


class ProfileListView(OfficeRoleRequiredMixin, ListView):
    template_name = "profiles/profile_list.html"
    paginate_by = 25

    def get_queryset(self):
        orderings = dict(FILTERS)
        status = self.request.GET.get("status", "")
        self.status = status if status in orderings else ProfileStatus.SUBMITTED
        return (
            ApplicationProfile.objects.filter(status=self.status)
            .select_related("person")
            .order_by(orderings[self.status], "-id")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for profile in context["object_list"]:
            profile.language_name = form_language_name(profile.language)
        context["status"] = self.status
        context["filters"] = [(status, ProfileStatus(status).label) for status, _o in FILTERS]
        context["form_languages"] = FORM_LANGUAGES
        context["default_language"] = DEFAULT_FORM_LANGUAGE
        context["office_link"] = self.request.build_absolute_uri(
            reverse("public_profiles:start", args=[self.request.office.slug, DEFAULT_FORM_LANGUAGE])
        )
        return context


class InviteView(OfficeRoleRequiredMixin, View):
    """A new empty profile with a personal link the counsellor sends to the young person."""

    http_method_names = ["post"]

    def post(self, request):
        language = request.POST.get("language", DEFAULT_FORM_LANGUAGE)
        if language not in FORM_LANGUAGE_NAMES:
            language = DEFAULT_FORM_LANGUAGE
        profile = services.start_profile(request.office, language=language, invited_by=request.user)
        messages.success(request, _("A personal link was made. Send it to the young person."))
        return redirect("profiles:detail", profile.pk)


class ProfileMixin(OfficeRoleRequiredMixin):
    def load_objects(self, **kwargs):
        self.profile = get_object_or_404(
            ApplicationProfile.objects.select_related(
                "office", "invited_by", "imported_by", "person"
            ),
            pk=kwargs["pk"],
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(profile=self.profile, **kwargs)


class ProfileDetailView(ProfileMixin, TemplateView):
    template_name = "profiles/profile_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        profile = self.profile
        context["answers"] = readable_answers(profile)
        context["language_name"] = form_language_name(profile.language)
        context["can_take_over"] = profile.status == ProfileStatus.SUBMITTED
        context["can_discard"] = profile.status in {ProfileStatus.SUBMITTED, ProfileStatus.DRAFT}
        if profile.status == ProfileStatus.SUBMITTED:
            context["candidates"] = list(services.possible_matches(profile))
        if profile.status == ProfileStatus.DRAFT:
            context["resume_link"], context["resume_is_url"] = resume_link(self.request, profile)
        return context


class ProfilePhotoView(ProfileMixin, View):
    """The photo, only through this view (never a public media URL)."""

    def get(self, request, pk):
        if not self.profile.photo:
            raise Http404
        try:
            photo = self.profile.photo.open("rb")
        except FileNotFoundError as error:
            raise Http404 from error
        response = FileResponse(photo, content_type="image/jpeg")
        response["Cache-Control"] = "private, no-store"
        return response


class ProfilePdfView(ProfileMixin, View):
    """The profile as a printable PDF in Easy German (for the file and applications)."""

    def get(self, request, pk):
        pdf = render_profile_pdf(self.profile, request=request)
        return pdf_response(pdf, f"Bewerbungsprofil {self.profile.display_name}")


class _Snapshot:
    """What a person had before the take-over, to tell the counsellor what was added."""

    def __init__(self, person: Person | None):
        self.languages = set(person.languages.values_list("pk", flat=True)) if person else set()
        self.skills = person.language_skills.count() if person else 0
        self.wishes = self._wishes(person)

    @staticmethod
    def _wishes(person) -> int:
        if person is None:
            return 0
        matching = MatchingProfile.objects.filter(person=person).first()
        return matching.wished_occupations.count() if matching else 0

    def added(self, person: Person) -> list[str]:
        parts = []
        new_languages = person.languages.exclude(pk__in=self.languages)
        if new_languages:
            parts.append(
                _("languages: %(names)s")
                % {"names": ", ".join(language.name for language in new_languages)}
            )
        skills = person.language_skills.count() - self.skills
        if skills:
            parts.append(
                ngettext(
                    "German self-assessment for %(count)d skill",
                    "German self-assessment for %(count)d skills",
                    skills,
                )
                % {"count": skills}
            )
        wishes = self._wishes(person) - self.wishes
        if wishes:
            parts.append(
                ngettext("%(count)d wished occupation", "%(count)d wished occupations", wishes)
                % {"count": wishes}
            )
        return parts


def _error(request, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


class ImportView(ProfileMixin, View):
    """Create a new person and a case from the profile (the button is the confirmation)."""

    http_method_names = ["post"]

    def post(self, request, pk):
        try:
            profile = services.import_as_new_person(self.profile, user=request.user)
        except ValidationError as error:
            _error(request, error)
            return redirect("profiles:detail", pk)
        added = _Snapshot(None).added(profile.person)
        message = _("New person %(name)s with a case was created from the profile.") % {
            "name": profile.person.full_name
        }
        if added:
            message += " " + _("Added: %(what)s.") % {"what": "; ".join(added)}
        messages.success(request, message)
        return redirect(profile.person)


class LinkView(ProfileMixin, View):
    """Attach the profile to an existing person; her record is not overwritten."""

    http_method_names = ["post"]

    def load_objects(self, **kwargs):
        super().load_objects(**kwargs)
        self.person = get_object_or_404(Person.objects.all(), pk=kwargs["person_pk"])

    def post(self, request, pk, person_pk):
        before = _Snapshot(self.person)
        try:
            profile = services.link_to_person(self.profile, self.person, user=request.user)
        except ValidationError as error:
            _error(request, error)
            return redirect("profiles:detail", pk)
        added = before.added(self.person)
        message = _("The profile was linked to %(name)s.") % {"name": self.person.full_name}
        message += " " + (
            _("Added: %(what)s.") % {"what": "; ".join(added)}
            if added
            else _("Nothing new was added to the record.")
        )
        if profile.case is None:
            message += " " + _("There is no open case: open one on the person's page if needed.")
        messages.success(request, message)
        return redirect(self.person)


class DiscardView(ProfileMixin, TemplateView):
    """Asks first; the POST throws the answers and the photo away."""

    template_name = "profiles/profile_confirm_discard.html"

    def post(self, request, pk):
        if self.profile.status not in {ProfileStatus.SUBMITTED, ProfileStatus.DRAFT}:
            messages.error(request, _("Only a profile that was not taken over can be discarded."))
            return redirect("profiles:detail", pk)
        name = self.profile.display_name or _("without a name")
        try:
            services.discard(self.profile)
        except ValidationError as error:
            _error(request, error)
            return redirect("profiles:detail", pk)
        messages.success(request, _("Discarded: %(name)s") % {"name": name})
        return redirect("profiles:list")
