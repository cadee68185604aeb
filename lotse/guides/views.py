"""Pages of the volunteer guides network.

Staff (counsellors, leads) see everything of their office. A volunteer guide
opens only her inquiry log, her training record and her certificates; the
office scope narrows every guide-owned record to her own, so the views never
filter by guide themselves.
"""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView, TemplateView
from django.views.generic.edit import FormView

from lotse.accounts.models import Role
from lotse.accounts.permissions import OfficeRoleRequiredMixin
from lotse.companies.forms import PeriodForm
from lotse.core.history import history_for
from lotse.core.mixins import SearchStepMixin
from lotse.core.models import Language
from lotse.core.pdf import pdf_response
from lotse.events.models import Event, EventKind, Registration, RegistrationStatus
from lotse.people.models import Person
from lotse.people.services import search_people

from . import services
from .certificates import qualification_certificate
from .forms import (
    GuideForm,
    InquiryFilterForm,
    InquiryForm,
    ModuleAddForm,
    SeriesForm,
    language_label,
)
from .models import GuideProfile, Inquiry, SeriesCompletion, TrainingModule, TrainingSeries

STAFF = frozenset({Role.COUNSELLOR, Role.LEAD})
NETWORK = STAFF | {Role.GUIDE}

# Dari and Persian (Farsi) are close enough that a guide of one often helps with the other.
RELATED_LANGUAGES = {"prs": "fa", "fa": "prs"}


def _add_error(form, error: ValidationError) -> None:
    """Put a service's error on the form field it names, or on the form as a whole."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            for item in errors:
                form.add_error(name if name in form.fields else None, item)
    else:
        form.add_error(None, error)


# --- The directory and the guides' profiles (staff) -------------------------------------


class GuideListView(OfficeRoleRequiredMixin, ListView):
    """Which guide speaks Tigrinya, Dari, Turkish …: the directory for counsellors."""

    template_name = "guides/guide_list.html"
    paginate_by = 50

    def get_queryset(self):
        params = self.request.GET
        self.show_inactive = params.get("inactive") == "1"
        self.language_code = params.get("language", "").strip()
        self.query = params.get("q", "").strip()
        guides = GuideProfile.objects.select_related("person", "organisation").prefetch_related(
            "languages"
        )
        if not self.show_inactive:
            guides = guides.active()
        if self.language_code:
            guides = guides.filter(languages__code=self.language_code)
        if self.query:
            people = search_people(Person.objects.all(), self.query).order_by().values("pk")
            guides = guides.filter(
                Q(person__in=people)
                | Q(communities__icontains=self.query)
                | Q(districts__icontains=self.query)
                | Q(organisation__name__icontains=self.query)
            )
        return guides

    def language_options(self):
        """Languages the office's guides speak, with how many guides speak each."""
        through = GuideProfile.languages.through
        guides = GuideProfile.objects.all() if self.show_inactive else GuideProfile.objects.active()
        counts = dict(
            through.objects.filter(guideprofile__in=guides)
            .values_list("language_id")
            .annotate(n=Count("id"))
            .values_list("language_id", "n")
        )
        languages = list(
            Language.objects.filter(Q(pk__in=counts) | Q(code=self.language_code or None))
        )
        options = [
            {"code": lang.code, "label": language_label(lang), "count": counts.get(lang.pk, 0)}
            for lang in languages
        ]
        return sorted(options, key=lambda option: option["label"].casefold())

    def get_context_data(self, **kwargs):
        language = Language.objects.filter(code=self.language_code).first()
        related = Language.objects.filter(code=RELATED_LANGUAGES.get(self.language_code)).first()
        return super().get_context_data(
            query=self.query,
            show_inactive=self.show_inactive,
            language_code=self.language_code,
            language=language,
            related_language=related,
            language_options=self.language_options(),
            **kwargs,
        )


class GuideCreateView(SearchStepMixin, OfficeRoleRequiredMixin, FormView):
    template_name = "guides/guide_form.html"
    form_class = GuideForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "office": self.request.office}

    def get_initial(self):
        return {"person": self.request.GET.get("person"), "active": True}

    def form_valid(self, form):
        try:
            guide = services.save_guide(form, office=self.request.office)
        except ValidationError as error:
            _add_error(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request, _("%(name)s is now a guide.") % {"name": guide.person.full_name}
        )
        return redirect(guide)


class GuideMixin(OfficeRoleRequiredMixin):
    """Loads the guide named in the URL through the office scope (another office's → 404)."""

    def load_objects(self, **kwargs):
        self.guide = get_object_or_404(
            GuideProfile.objects.select_related("person", "organisation", "user"),
            pk=kwargs["pk"],
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(guide=self.guide, **kwargs)


class GuideUpdateView(GuideMixin, FormView):
    template_name = "guides/guide_form.html"
    form_class = GuideForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "office": self.request.office, "instance": self.guide}

    def form_valid(self, form):
        try:
            guide = services.save_guide(form)
        except ValidationError as error:
            _add_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The guide's profile was saved."))
        return redirect(guide)


class GuideDetailView(GuideMixin, TemplateView):
    template_name = "guides/guide_detail.html"

    def get_context_data(self, **kwargs):
        guide = self.guide
        return super().get_context_data(
            record=services.training_record(guide),
            inquiry_count=guide.inquiries.count(),
            open_follow_ups=guide.inquiries.follow_up_open().count(),
            history=history_for(guide)[:10],
            **kwargs,
        )


class CertificateView(OfficeRoleRequiredMixin, View):
    """The qualification certificate; a guide may download her own (the scope hides others)."""

    allowed_roles = NETWORK

    def load_objects(self, **kwargs):
        self.guide = get_object_or_404(
            GuideProfile.objects.select_related("person", "office"), pk=kwargs["pk"]
        )
        self.series = get_object_or_404(TrainingSeries, pk=kwargs["series_pk"])

    def get(self, request, *args, **kwargs):
        state = services.progress(self.guide, self.series)
        if state.completion is None:
            raise Http404("The guide has not completed this series.")
        pdf = qualification_certificate(self.guide, state)
        name = _("Certificate %(name)s %(series)s") % {
            "name": self.guide.person.full_name,
            "series": self.series.name,
        }
        return pdf_response(pdf, name)


# --- Training series (staff) ------------------------------------------------------------


class SeriesListView(OfficeRoleRequiredMixin, ListView):
    template_name = "guides/series_list.html"
    paginate_by = 25

    def get_queryset(self):
        return TrainingSeries.objects.annotate(
            module_count=Count("modules", distinct=True),
            completion_count=Count("completions", distinct=True),
        ).order_by("-starts_on", "-id")


class SeriesCreateView(OfficeRoleRequiredMixin, FormView):
    template_name = "guides/series_form.html"
    form_class = SeriesForm

    def form_valid(self, form):
        series = services.save_series(form, office=self.request.office)
        messages.success(self.request, _("The training series was created. Now add its modules."))
        return redirect(series)


class SeriesMixin(OfficeRoleRequiredMixin):
    def load_objects(self, **kwargs):
        self.series = get_object_or_404(TrainingSeries, pk=kwargs["pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(series=self.series, **kwargs)


class SeriesUpdateView(SeriesMixin, FormView):
    template_name = "guides/series_form.html"
    form_class = SeriesForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.series}

    def form_valid(self, form):
        series = services.save_series(form)
        messages.success(self.request, _("The training series was saved."))
        return redirect(series)


def _module_state(attended: bool | None, event: Event, now) -> str:
    """attended, missed (over and absent), registered (still to come), none (not on the list)."""
    if attended:
        return "attended"
    if attended is None:
        return "none"
    return "missed" if event.starts_at < now else "registered"


def progress_table(series: TrainingSeries, modules: list[TrainingModule]) -> list[dict]:
    """Every guide invited to or registered for a module of SERIES × its modules.

    Three queries whatever the number of guides: registrations, guides, completions.
    """
    event_ids = [module.event_id for module in modules]
    on_list: dict[int, dict[int, bool]] = {}
    registrations = (
        Registration.objects.filter(event_id__in=event_ids, person__guide_profile__isnull=False)
        .filter(Q(attended=True) | ~Q(status=RegistrationStatus.CANCELLED))
        .values_list("person_id", "event_id", "attended")
    )
    for person_id, event_id, attended in registrations:
        events = on_list.setdefault(person_id, {})
        events[event_id] = events.get(event_id, False) or attended
    completions = dict(
        SeriesCompletion.objects.filter(series=series).values_list("guide_id", "completed_on")
    )
    guides = GuideProfile.objects.filter(
        Q(person_id__in=list(on_list)) | Q(pk__in=list(completions))
    ).select_related("person")
    now = timezone.now()
    required_total = series.required_total(sum(1 for module in modules if module.required))
    rows = []
    for guide in guides:
        events = on_list.get(guide.person_id, {})
        cells = [
            {
                "module": module,
                "state": _module_state(events.get(module.event_id), module.event, now),
            }
            for module in modules
        ]
        rows.append(
            {
                "guide": guide,
                "cells": cells,
                "required_attended": sum(
                    1 for cell in cells if cell["module"].required and cell["state"] == "attended"
                ),
                "required_total": required_total,
                "completed_on": completions.get(guide.pk),
            }
        )
    return rows


class SeriesDetailView(SeriesMixin, TemplateView):
    template_name = "guides/series_detail.html"

    def get_context_data(self, **kwargs):
        modules = list(self.series.modules.select_related("event"))
        return super().get_context_data(
            modules=modules,
            rows=progress_table(self.series, modules),
            history=history_for(self.series, [(TrainingModule, "series")])[:10],
            **kwargs,
        )


class ModuleAddView(SeriesMixin, FormView):
    """Add one of the office's training-module events that is in no series yet."""

    template_name = "guides/module_add.html"
    form_class = ModuleAddForm

    def form_valid(self, form):
        try:
            module = services.add_module(
                self.series, form.cleaned_data["event"], required=form.cleaned_data["required"]
            )
        except ValidationError as error:
            _add_error(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request, _("“%(module)s” is now a module of the series.") % {"module": module}
        )
        return redirect(self.series)


class ModuleRemoveView(SeriesMixin, View):
    """Take a module out of the series; the event and its attendance stay."""

    http_method_names = ["post"]

    def post(self, request, pk, module_pk):
        module = get_object_or_404(
            TrainingModule.objects.select_related("event"), pk=module_pk, series=self.series
        )
        title = module.event.title
        services.remove_module(module)
        messages.success(
            request, _("“%(module)s” is no longer a module of the series.") % {"module": title}
        )
        return redirect(self.series)


# --- Network meetings (staff) -----------------------------------------------------------


class MeetingsView(OfficeRoleRequiredMixin, TemplateView):
    """The network meetings of a year, with who was invited, said yes and came."""

    template_name = "guides/meetings.html"

    def get_context_data(self, **kwargs):
        this_year = timezone.localdate().year
        try:
            year = int(self.request.GET.get("year", this_year))
        except ValueError:
            year = this_year
        year = min(max(year, 2000), this_year + 10)
        plan = services.meeting_plan(year)
        counts = {
            row["event_id"]: row
            for row in Registration.objects.filter(event__in=[m.pk for m in plan.meetings])
            .values("event_id")
            .annotate(
                invited=Count("id", filter=Q(status=RegistrationStatus.INVITED)),
                confirmed=Count("id", filter=Q(status=RegistrationStatus.CONFIRMED)),
                attended=Count("id", filter=Q(attended=True)),
            )
        }
        empty = {"invited": 0, "confirmed": 0, "attended": 0}
        meetings = [{"event": m, **counts.get(m.pk, empty)} for m in plan.meetings]
        return super().get_context_data(
            year=year,
            plan=plan,
            meetings=meetings,
            per_year=services.MEETINGS_PER_YEAR,
            active_guides=GuideProfile.objects.active().count(),
            create_kind=EventKind.NETWORK_MEETING,
            **kwargs,
        )


# --- Inquiries: guides log their own, staff see all of the office -----------------------


class NetworkPageMixin(OfficeRoleRequiredMixin):
    """Pages staff and the office's volunteer guides share."""

    allowed_roles = NETWORK

    def load_objects(self, **kwargs):
        self.is_staff = self.request.membership.role in STAFF
        self.profile = None
        if not self.is_staff:
            self.profile = (
                GuideProfile.objects.filter(user=self.request.user)
                .select_related("person", "organisation")
                .first()
            )
        self.load_records(**kwargs)

    def load_records(self, **kwargs) -> None:
        """The records named in the URL, loaded through the scope."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(is_staff=self.is_staff, profile=self.profile, **kwargs)


class NeedsProfileMixin:
    """A guide whose login is not linked to a guide profile yet gets an explanation."""

    def dispatch(self, request, *args, **kwargs):
        if not self.is_staff and self.profile is None:
            return TemplateResponse(request, "guides/no_profile.html")
        return super().dispatch(request, *args, **kwargs)


class InquiryMixin(NetworkPageMixin):
    def load_records(self, **kwargs):
        self.inquiry = get_object_or_404(
            Inquiry.objects.select_related(
                "guide__person", "language", "topic", "institution", "event", "follow_up_by"
            ),
            pk=kwargs["pk"],
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(inquiry=self.inquiry, **kwargs)


class InquiryListView(NetworkPageMixin, NeedsProfileMixin, ListView):
    template_name = "guides/inquiry_list.html"
    paginate_by = 25

    def get_queryset(self):
        inquiries = Inquiry.objects.select_related("guide__person", "language", "topic")
        self.filter_form = InquiryFilterForm(self.request.GET or None)
        if self.filter_form.is_valid():
            data = self.filter_form.cleaned_data
            follow_up = data["follow_up"]
            if follow_up == "open":
                inquiries = inquiries.follow_up_open()
            elif follow_up == "done":
                inquiries = inquiries.filter(follow_up_done_at__isnull=False)
            elif follow_up == "none":
                inquiries = inquiries.filter(follow_up_wanted=False)
            if data["start"]:
                inquiries = inquiries.filter(date__gte=data["start"])
            if data["end"]:
                inquiries = inquiries.filter(date__lte=data["end"])
        return inquiries

    def get_context_data(self, **kwargs):
        return super().get_context_data(filter_form=self.filter_form, **kwargs)


class InquiryCreateView(NetworkPageMixin, NeedsProfileMixin, FormView):
    template_name = "guides/inquiry_form.html"
    form_class = InquiryForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "office": self.request.office, "guide": self.profile}

    def form_valid(self, form):
        guide = self.profile or form.cleaned_data["guide"]
        try:
            services.log_inquiry(form, guide=guide)
        except ValidationError as error:
            _add_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Thank you! The inquiry was saved."))
        return redirect("guides:inquiry_list")


class InquiryDetailView(InquiryMixin, TemplateView):
    template_name = "guides/inquiry_detail.html"

    def get_context_data(self, **kwargs):
        history = history_for(self.inquiry)[:10] if self.is_staff else []
        return super().get_context_data(history=history, **kwargs)


class InquiryUpdateView(InquiryMixin, FormView):
    template_name = "guides/inquiry_form.html"
    form_class = InquiryForm

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "office": self.request.office,
            "instance": self.inquiry,
        }

    def form_valid(self, form):
        try:
            inquiry = services.log_inquiry(form, guide=self.inquiry.guide)
        except ValidationError as error:
            _add_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The inquiry was saved."))
        return redirect(inquiry)


class InquiryDoneView(OfficeRoleRequiredMixin, View):
    """Staff record that the service point followed the inquiry up."""

    http_method_names = ["post"]

    def load_objects(self, **kwargs):
        self.inquiry = get_object_or_404(Inquiry, pk=kwargs["pk"])

    def post(self, request, pk):
        inquiry = self.inquiry
        if not inquiry.follow_up_wanted:
            messages.info(request, _("No follow-up was asked for this inquiry."))
        elif inquiry.follow_up_done_at is not None:
            messages.info(request, _("This inquiry was followed up already."))
        else:
            services.mark_followed_up(inquiry, user=request.user)
            messages.success(request, _("The inquiry is marked as followed up."))
        if request.POST.get("next") == "worklist":
            return redirect("core:home")
        return redirect(inquiry)


def current_quarter(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    first_month = 3 * ((today.month - 1) // 3) + 1
    start = datetime.date(today.year, first_month, 1)
    if first_month == 10:
        end = datetime.date(today.year, 12, 31)
    else:
        end = datetime.date(today.year, first_month + 3, 1) - datetime.timedelta(days=1)
    return start, end


def _with_share(rows: list[tuple[str, int]], total: int) -> list[dict]:
    return [
        {"label": label, "count": count, "percent": round(100 * count / total) if total else 0}
        for label, count in rows
    ]


class InquirySummaryView(OfficeRoleRequiredMixin, TemplateView):
    """Inquiries of a period by topic, language and referral."""

    template_name = "guides/inquiry_summary.html"

    def get_context_data(self, **kwargs):
        start, end = current_quarter(timezone.localdate())
        params = self.request.GET
        if "start" in params or "end" in params:
            form = PeriodForm(params)
            period = form.cleaned_data if form.is_valid() else None
        else:
            form = PeriodForm(initial={"start": start, "end": end})
            period = {"start": start, "end": end}
        context = {"form": form}
        if period:
            summary = services.inquiry_summary(period["start"], period["end"])
            total = summary.total
            context.update(
                summary=summary,
                tables=[
                    ("topic", _("By topic"), _("Topic"), _with_share(summary.by_topic, total)),
                    (
                        "language",
                        _("By language"),
                        _("Language"),
                        _with_share(summary.by_language, total),
                    ),
                    (
                        "referral",
                        _("By referral"),
                        _("Referred to"),
                        _with_share(summary.by_referral, total),
                    ),
                ],
            )
        return super().get_context_data(**context, **kwargs)


class MyRecordView(NetworkPageMixin, NeedsProfileMixin, TemplateView):
    """The guide's own page: her profile, her training record and certificates."""

    template_name = "guides/my_record.html"

    def get(self, request, *args, **kwargs):
        if self.is_staff:
            return redirect("guides:list")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        guide = self.profile
        return super().get_context_data(
            record=services.training_record(guide),
            languages=list(guide.languages.all()),
            inquiry_count=Inquiry.objects.count(),
            **kwargs,
        )
