"""The public application profile (no login): welcome page, one page per step, done.

The secret token in the URL is the resume link. Every page works inside the scope
of the office its URL names, so a token of another office's profile is unknown (404).
Every way off a step saves it first — "next", "back", the stepper and the language
switch — so reload, the back button or a change of language lose nothing. While the
person types, profile.js sends the step's fields with ``autosave=1`` now and then: they
are kept as typed (not checked) until the step is saved, and a reload shows them again.
"""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorDict
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.views import View
from django.views.generic import TemplateView

from lotse.core.pdf import pdf_response
from lotse.core.public import PUBLIC_LANGUAGES, html_lang, is_rtl
from lotse.events.public_views import PublicPageMixin

from . import services
from .forms import (
    DEFAULT_PROFILE_LANGUAGE,
    PROFILE_LANGUAGES,
    STEP_TITLES,
    EntriesStep,
    step_form,
)
from .models import STEPS, ApplicationProfile, ProfileStatus
from .pdf import render_profile_pdf

# Steps whose answers the profile needs before it can be sent.
REQUIRED_STEPS = [step for step in STEPS if step not in {"photo", "consent"}]
CONSENT_FIELDS = ("consent_service_point", "consent_applications")
# Steps whose typed input autosave keeps: not the photo (files are not kept) and not the
# consent (its choices count only when the profile is sent).
AUTOSAVE_STEPS = [step for step in STEPS if step not in {"photo", "consent"}]
# Posted fields that are no input of the step.
NOT_INPUT = {"csrfmiddlewaretoken", "autosave", "action", "go_to", "switch_to"}


def raw_input(post) -> dict:
    """The step's fields as posted: a string, or a list of strings for several values."""
    return {
        name: values[0] if len(values) == 1 else values
        for name, values in post.lists()
        if name not in NOT_INPUT
    }


def unsaved_form(step: str, profile: ApplicationProfile):
    """The step's form showing the input kept by autosave, or None if there is none.

    The form is bound to that input so it shows exactly what was typed (also what is
    not right yet), but without error messages: nobody has sent it yet.
    """
    unsaved = profile.answers.get(services.UNSAVED, {}).get(step)
    if step not in AUTOSAVE_STEPS or not isinstance(unsaved, dict):
        return None
    data = QueryDict(mutable=True)
    for name, value in unsaved.items():
        data.setlist(name, value if isinstance(value, list) else [value])
    form = step_form(step, profile, data)
    if isinstance(form, EntriesStep):
        formset = form.formset
        formset._errors, formset._non_form_errors = [], formset.error_class()
        for row in formset.forms:
            row._errors = ErrorDict()
    else:
        form._errors = ErrorDict()
    return form


def profile_languages(current: str) -> list[dict]:
    """The form's languages with their own names, for the language switcher."""
    return [
        {
            "code": code,
            "name": own_name,
            "lang": html_lang(code),
            "dir": "rtl" if is_rtl(code) else "ltr",
            "current": code == current,
        }
        for code, own_name, _staff_name in PUBLIC_LANGUAGES
        if code in PROFILE_LANGUAGES
    ]


class ProfilePageMixin(PublicPageMixin):
    """A page of the profile form in one of its languages (plain German → Easy German)."""

    def dispatch(self, request, *args, **kwargs):
        if kwargs.get("lang") not in PROFILE_LANGUAGES:
            match = request.resolver_match
            return redirect(
                reverse(match.view_name, kwargs={**kwargs, "lang": DEFAULT_PROFILE_LANGUAGE})
            )
        return super().dispatch(request, *args, **kwargs)

    def url(self, name: str, *args, lang: str | None = None) -> str:
        return reverse(f"public_profiles:{name}", args=[self.office.slug, lang or self.lang, *args])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        languages = profile_languages(self.lang)
        match = self.request.resolver_match
        for language in languages:
            language["url"] = reverse(
                match.view_name, kwargs={**match.kwargs, "lang": language["code"]}
            )
        context["language_links"] = languages
        return context


class StartView(ProfilePageMixin, TemplateView):
    """A short welcome in easy words; the button starts a new profile."""

    template_name = "profiles/public/start.html"

    def post(self, request, *args, **kwargs):
        profile = services.start_profile(self.office, language=self.lang)
        return redirect(self.url("step", profile.token, STEPS[0]))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["step_total"] = len(STEPS)
        return context


class StartDefaultView(View):
    """/profil/<office>/ opens the welcome page in Easy German."""

    def get(self, request, office):
        return redirect("public_profiles:start", office, DEFAULT_PROFILE_LANGUAGE)


class ProfileMixin(ProfilePageMixin):
    """A page reached through a profile's resume link (404 if unknown or another office's)."""

    profile: ApplicationProfile

    def load_objects(self) -> None:
        self.profile = get_object_or_404(
            ApplicationProfile.objects.exclude(status=ProfileStatus.DISCARDED),
            token=self.kwargs["token"],
        )

    @property
    def is_draft(self) -> bool:
        return self.profile.status == ProfileStatus.DRAFT

    def first_open_step(self) -> str:
        done = set(self.profile.completed_steps)
        return next((step for step in STEPS if step not in done), STEPS[-1])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            profile=self.profile,
            resume_address=self.request.build_absolute_uri(self.url("resume", self.profile.token)),
        )
        return context


class ResumeView(ProfileMixin, View):
    """The resume link: continue at the first step not yet answered."""

    def get(self, request, *args, **kwargs):
        if not self.is_draft:
            return redirect(self.url("done", self.profile.token))
        return redirect(self.url("step", self.profile.token, self.first_open_step()))


class DoneView(ProfileMixin, TemplateView):
    """After sending: thanks, what happens next, the link to come back."""

    template_name = "profiles/public/done.html"

    def get(self, request, *args, **kwargs):
        if self.is_draft:
            return redirect(self.url("resume", self.profile.token))
        return super().get(request, *args, **kwargs)


class PdfView(ProfileMixin, View):
    """The printable profile in Easy German, for the person who holds the link."""

    def get(self, request, *args, **kwargs):
        pdf = render_profile_pdf(self.profile, request=request)
        return pdf_response(pdf, "Bewerbungsprofil")


class StepView(ProfileMixin, TemplateView):
    """One step: GET shows it, POST saves it and goes where the pressed button says."""

    template_name = "profiles/public/step.html"

    def load_objects(self) -> None:
        if self.kwargs["step"] not in STEPS:
            raise Http404("unknown step")
        super().load_objects()
        self.step = self.kwargs["step"]

    def get(self, request, *args, **kwargs):
        if not self.is_draft:
            return redirect(self.url("done", self.profile.token))
        initial = None
        if self.step == "consent":
            # Choices carried over a change of language (they are not saved before sending).
            initial = {
                name: request.GET[name]
                for name in CONSENT_FIELDS
                if request.GET.get(name) in {"yes", "no"}
            }
        # Input kept by autosave is newer than the step's saved answers (a save drops it).
        form = unsaved_form(self.step, self.profile)
        if form is None:
            form = step_form(self.step, self.profile, initial=initial)
        return self.render_step(form)

    def post(self, request, *args, **kwargs):
        if request.POST.get("autosave") == "1":
            return self.autosave()
        if not self.is_draft:
            return redirect(self.url("done", self.profile.token))
        switch_to = request.POST.get("switch_to")
        if switch_to not in PROFILE_LANGUAGES:
            switch_to = None
        go_to = request.POST.get("go_to")
        action = request.POST.get("action", "next")
        if switch_to:
            go_to = None  # stay on this step, in the other language
        elif go_to not in STEPS:
            index = STEPS.index(self.step)
            go_to = None
            if action == "back":
                go_to = STEPS[max(index - 1, 0)]
            elif index + 1 < len(STEPS):
                go_to = STEPS[index + 1]
        if self.step == "consent":
            return self.post_consent(switch_to, go_to)

        form = step_form(self.step, self.profile, request.POST, request.FILES)
        if not form.is_valid():
            if switch_to:
                return self.render_in(switch_to, form)
            return self.render_step(form)
        try:
            self.profile = form.save()
        except ValidationError:
            # Only a profile sent meanwhile (in another tab) refuses to change.
            return redirect(self.url("done", self.profile.token))
        language = switch_to or self.lang
        if self.profile.language != language:
            services.set_language(self.profile, language)
        return redirect(self.url("step", self.profile.token, go_to or self.step, lang=language))

    def autosave(self):
        """Keep the typed input of the step; 204, as the page stays as it is.

        409 if the profile was sent already (maybe in another tab): it no longer changes.
        """
        if not self.is_draft:
            return HttpResponse(status=409)
        if self.step in AUTOSAVE_STEPS:
            try:
                services.keep_unsaved_input(self.profile, self.step, raw_input(self.request.POST))
            except ValidationError:
                return HttpResponse(status=409)
        return HttpResponse(status=204)

    def post_consent(self, switch_to, go_to):
        """The last step: send with both choices; leaving it keeps the choices made."""
        if switch_to:
            services.set_language(self.profile, switch_to)
            chosen = {
                name: self.request.POST[name]
                for name in CONSENT_FIELDS
                if self.request.POST.get(name) in {"yes", "no"}
            }
            url = self.url("step", self.profile.token, self.step, lang=switch_to)
            return redirect(f"{url}?{urlencode(chosen)}" if chosen else url)
        if go_to:
            return redirect(self.url("step", self.profile.token, go_to))
        form = step_form(self.step, self.profile, self.request.POST)
        if form.is_valid():
            try:
                self.profile = form.save()
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return redirect(self.url("done", self.profile.token))
        return self.render_step(form)

    def render_in(self, lang: str, form):
        """The step with the typed (not yet valid) input, in another language."""
        self.lang = lang
        self.request.LANGUAGE_CODE = lang
        with translation.override(lang):
            response = self.render_step(form)
            response.render()
        return response

    def render_step(self, form):
        return self.render_to_response(self.get_context_data(form=form))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        step = self.step
        number = STEPS.index(step) + 1
        done = set(self.profile.completed_steps)
        context.update(
            step=step,
            step_title=STEP_TITLES[step],
            step_number=number,
            step_total=len(STEPS),
            steps=[
                {
                    "name": name,
                    "title": STEP_TITLES[name],
                    "number": index,
                    "done": name in done,
                    "current": name == step,
                }
                for index, name in enumerate(STEPS, start=1)
            ],
            step_template=f"profiles/public/steps/{step}.html",
            form_action=self.url("step", self.profile.token, step),
            is_first=number == 1,
            is_last=number == len(STEPS),
            # On a step the switcher is part of the form, so it saves before it switches.
            switch_languages=context["language_links"],
            language_links=[],
        )
        if step == "consent":
            context["open_steps"] = [
                {"name": name, "title": STEP_TITLES[name]}
                for name in REQUIRED_STEPS
                if name not in done
            ]
        return context
