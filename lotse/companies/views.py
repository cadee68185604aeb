import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Min, Q
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import ListView, TemplateView
from django.views.generic.edit import FormView

from lotse.accounts.permissions import OfficeRoleRequiredMixin
from lotse.core.history import history_for
from lotse.core.mixins import SearchStepMixin
from lotse.organisations.models import Organisation, OrganisationKind

from . import services
from .analytics import channel_report
from .forms import (
    AcquisitionForm,
    ActivityForm,
    MoveForm,
    PeriodForm,
    StartAcquisitionForm,
    StatusForm,
)
from .models import Acquisition, AcquisitionStatus, Activity, Channel, Stage

CARDS_PER_STAGE = 30


def _add_error(form, error: ValidationError) -> None:
    """Put a service's error on the form field it names, or on the form as a whole."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            for item in errors:
                form.add_error(name if name in form.fields else None, item)
    else:
        form.add_error(None, error)


def _next_url(request, fallback: str) -> str:
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return fallback


def _with_next_step(queryset):
    """Cards and rows show when the earliest open next step is due."""
    open_step = Q(activities__next_step_done_on__isnull=True) & ~Q(activities__next_step="")
    return (
        queryset.select_related("company", "counsellor")
        .annotate(next_step_due=Min("activities__next_step_due_on", filter=open_step))
        .order_by("company__name", "id")
    )


class AcquisitionFilterMixin(OfficeRoleRequiredMixin):
    """Channel, status, counsellor (and stage) filters of the board and the list."""

    def filtered(self, queryset):
        params = self.request.GET
        self.channel = params.get("channel", "")
        if self.channel in Channel.values:
            queryset = queryset.filter(channel=self.channel)
        self.status = params.get("status", AcquisitionStatus.ACTIVE)
        if self.status in AcquisitionStatus.values:
            queryset = queryset.filter(status=self.status)
        self.mine = params.get("mine", "1") == "1"
        if self.mine:
            queryset = queryset.filter(counsellor=self.request.user)
        self.stage = params.get("stage", "")
        return queryset

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            channel=self.channel,
            status=self.status,
            mine=self.mine,
            stage=self.stage,
            channels=Channel.choices,
            statuses=AcquisitionStatus.choices,
            stages=Stage.choices,
            **kwargs,
        )


class BoardView(AcquisitionFilterMixin, TemplateView):
    """The pipeline by stage; every card has a form to move it (no drag and drop needed)."""

    template_name = "companies/board.html"

    def get_context_data(self, **kwargs):
        queryset = self.filtered(Acquisition.objects.all())
        counts = dict(
            queryset.order_by()
            .values_list("stage")
            .annotate(total=Count("id"))
            .values_list("stage", "total")
        )
        cards = _with_next_step(queryset)
        columns = [
            {
                "stage": value,
                "label": label,
                "total": counts.get(value, 0),
                "cards": list(cards.filter(stage=value)[:CARDS_PER_STAGE])
                if counts.get(value)
                else [],
            }
            for value, label in Stage.choices
        ]
        return super().get_context_data(columns=columns, **kwargs)


class AcquisitionListView(AcquisitionFilterMixin, ListView):
    template_name = "companies/acquisition_list.html"
    paginate_by = 25

    def get_queryset(self):
        queryset = self.filtered(Acquisition.objects.all())
        if self.stage in Stage.values:
            queryset = queryset.filter(stage=self.stage)
        return _with_next_step(queryset).select_related(
            "recommended_by_organisation", "recommended_by_person"
        )


class StartAcquisitionView(SearchStepMixin, OfficeRoleRequiredMixin, FormView):
    """Start acquiring a company: from its page, or choosing one not yet in the pipeline."""

    template_name = "companies/acquisition_start.html"
    form_class = StartAcquisitionForm

    def load_objects(self, **kwargs):
        self.company = None
        if "company_pk" in kwargs:
            self.company = get_object_or_404(
                Organisation, pk=kwargs["company_pk"], kind=OrganisationKind.COMPANY
            )

    def get(self, request, *args, **kwargs):
        existing = self.company and Acquisition.objects.filter(company=self.company).first()
        if existing:
            messages.info(request, _("This company is in the acquisition pipeline already."))
            return redirect(existing)
        return super().get(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "office": self.request.office, "company": self.company}

    def get_initial(self):
        return {"counsellor": self.request.user, "company": self.request.GET.get("company")}

    def get_context_data(self, **kwargs):
        return super().get_context_data(company=self.company, **kwargs)

    def form_valid(self, form):
        company = self.company or form.cleaned_data["company"]
        try:
            acquisition = services.start_acquisition(
                company,
                channel=form.cleaned_data["channel"],
                counsellor=form.cleaned_data["counsellor"],
                by=self.request.user,
                **form.start_data(),
            )
        except ValidationError as error:
            _add_error(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request, _("%(company)s is now in the pipeline.") % {"company": company.name}
        )
        return redirect(acquisition)


class AcquisitionMixin(OfficeRoleRequiredMixin):
    """Loads the acquisition named in the URL through the office scope (another office's → 404)."""

    def load_objects(self, **kwargs):
        self.acquisition = get_object_or_404(
            Acquisition.objects.select_related(
                "company", "counsellor", "recommended_by_organisation", "recommended_by_person"
            ),
            pk=kwargs["pk"],
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(acquisition=self.acquisition, **kwargs)


class AcquisitionDetailView(AcquisitionMixin, TemplateView):
    template_name = "companies/acquisition_detail.html"

    def get_context_data(self, **kwargs):
        acquisition = self.acquisition
        reached = dict(acquisition.stage_changes.values_list("stage", "reached_on"))
        return super().get_context_data(
            stages=[
                {
                    "value": value,
                    "label": label,
                    "reached_on": reached.get(value),
                    "current": value == acquisition.stage,
                }
                for value, label in Stage.choices
            ],
            move_form=MoveForm(initial={"stage": acquisition.stage}),
            activity_form=ActivityForm(),
            activities=acquisition.activities.select_related("by").order_by("-date", "-id")[:50],
            places=acquisition.company.places.select_related("occupation").order_by(
                "start_date", "id"
            )[:50],
            history=history_for(acquisition, [(Activity, "acquisition")])[:10],
            **kwargs,
        )


class AcquisitionUpdateView(SearchStepMixin, AcquisitionMixin, FormView):
    template_name = "companies/acquisition_form.html"
    form_class = AcquisitionForm

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "office": self.request.office,
            "instance": self.acquisition,
        }

    def form_valid(self, form):
        try:
            acquisition = services.save_acquisition(
                form, expected_version=form.cleaned_data.get("version") or 0, by=self.request.user
            )
        except ValidationError as error:
            _add_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The acquisition was saved."))
        return redirect(acquisition)


class AcquisitionStatusView(AcquisitionMixin, FormView):
    """Pause or lose the acquisition with a reason, or make it active again."""

    template_name = "companies/acquisition_status.html"
    form_class = StatusForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.acquisition}

    def form_valid(self, form):
        try:
            acquisition = services.save_acquisition(
                form, expected_version=form.cleaned_data["version"], by=self.request.user
            )
        except ValidationError as error:
            _add_error(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("The acquisition is now %(status)s.") % {"status": acquisition.get_status_display()},
        )
        return redirect(acquisition)


class MoveView(AcquisitionMixin, View):
    """The keyboard way to move a card on the board (or on the detail page)."""

    http_method_names = ["post"]

    def post(self, request, pk):
        acquisition = self.acquisition
        form = MoveForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Please choose a stage."))
        elif form.cleaned_data["stage"] != acquisition.stage:
            try:
                acquisition = services.move_to_stage(
                    acquisition, form.cleaned_data["stage"], by=request.user
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(
                    request,
                    _("%(company)s: now at stage “%(stage)s”.")
                    % {
                        "company": acquisition.company.name,
                        "stage": acquisition.get_stage_display(),
                    },
                )
        next_url = _next_url(request, acquisition.get_absolute_url())
        return redirect(f"{next_url.split('#')[0]}#acquisition-{acquisition.pk}")


class ActivityCreateView(AcquisitionMixin, FormView):
    """Log a call, visit, e-mail or letter; the form also sits on the detail page."""

    template_name = "companies/activity_form.html"
    form_class = ActivityForm

    def form_valid(self, form):
        try:
            services.log_activity(self.acquisition, by=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            _add_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The activity was logged."))
        return redirect(f"{self.acquisition.get_absolute_url()}#activities-heading")


class ActivityDoneView(OfficeRoleRequiredMixin, View):
    http_method_names = ["post"]

    def load_objects(self, **kwargs):
        self.activity = get_object_or_404(
            Activity.objects.select_related("acquisition"), pk=kwargs["pk"]
        )

    def post(self, request, pk):
        activity = self.activity
        if activity.next_step and not activity.next_step_done_on:
            services.complete_activity_step(activity)
            messages.success(request, _("Done: %(step)s") % {"step": activity.next_step})
        if request.POST.get("next") == "worklist":
            return redirect("core:home")
        return redirect(f"{activity.acquisition.get_absolute_url()}#activities-heading")


# The chart: one group of bars per channel.
CHART_SERIES = (
    ("companies", gettext_lazy("companies started")),
    ("offering", gettext_lazy("companies offering places")),
    ("filled", gettext_lazy("places filled")),
)
CHART_WIDTH, CHART_BAR_AREA, CHART_BAR, CHART_GAP, CHART_LABEL, CHART_GROUP_GAP = (
    560,
    470,
    18,
    4,
    22,
    16,
)


def bar_chart(report) -> dict:
    """Geometry of a horizontal bar chart (whole numbers: no decimal commas in SVG)."""
    values = [
        {
            "companies": row.companies,
            "offering": row.reached[Stage.OFFERS_PLACES],
            "filled": row.places_filled,
        }
        for row in report.channels
    ]
    top = max((max(v.values()) for v in values), default=0) or 1
    groups, descriptions, y = [], [], 0
    for row, value in zip(report.channels, values, strict=True):
        y += CHART_LABEL
        bars = []
        for index, (key, label) in enumerate(CHART_SERIES):
            bar_y = y + 6 + index * (CHART_BAR + CHART_GAP)
            width = round(value[key] / top * CHART_BAR_AREA)
            bars.append(
                {
                    "key": key,
                    "label": label,
                    "value": value[key],
                    "y": bar_y,
                    "width": width,
                    "text_x": width + 6,
                    "text_y": bar_y + CHART_BAR - 4,
                }
            )
        groups.append({"label": row.label, "label_y": y, "bars": bars})
        descriptions.append(
            _(
                "%(channel)s: %(companies)s companies started, %(offering)s offer places, "
                "%(filled)s places filled."
            )
            % {"channel": row.label, **value}
        )
        y += 6 + len(CHART_SERIES) * (CHART_BAR + CHART_GAP) + CHART_GROUP_GAP
    return {
        "width": CHART_WIDTH,
        "height": y,
        "bar_height": CHART_BAR,
        "groups": groups,
        "series": CHART_SERIES,
        "description": " ".join(descriptions),
    }


def verdict(report) -> list[str]:
    """The answer to "which way of reaching companies works", in words."""
    rows = [row for row in report.channels if row.companies]
    if not rows:
        return [_("No acquisition was started in this period.")]
    best = max(
        rows,
        key=lambda row: (
            row.places_filled,
            row.rate(Stage.OFFERS_PLACES) or 0,
            row.companies,
        ),
    )
    if not best.places_filled and not best.reached[Stage.OFFERS_PLACES]:
        return [_("None of the companies reached in this period offers places yet.")]
    lines = [
        _(
            "Worked best in this period: %(channel)s. %(offering)s of the %(companies)s "
            "companies reached this way offer places (%(rate)s %%), %(filled)s of their "
            "%(offered)s places are filled."
        )
        % {
            "channel": best.label,
            "offering": best.reached[Stage.OFFERS_PLACES],
            "companies": best.companies,
            "rate": round(100 * best.rate(Stage.OFFERS_PLACES)),
            "filled": best.places_filled,
            "offered": best.places_offered,
        }
    ]
    if report.recommenders and report.recommenders[0].places_filled:
        top = report.recommenders[0]
        lines.append(
            _("The recommender who brought the most filled places: %(name)s (%(filled)s).")
            % {"name": top.label, "filled": top.places_filled}
        )
    return lines


class AnalyticsView(OfficeRoleRequiredMixin, TemplateView):
    """Which way of reaching companies actually yields places, over a chosen period."""

    template_name = "companies/analytics.html"

    def get_context_data(self, **kwargs):
        today = datetime.date.today()
        period = {
            "start": datetime.date(today.year, 1, 1),
            "end": datetime.date(today.year, 12, 31),
        }
        params = self.request.GET
        if "start" in params or "end" in params:
            form = PeriodForm(params)
            period = form.cleaned_data if form.is_valid() else None
        else:
            form = PeriodForm(initial=period)
        context = {"form": form, "stages": Stage.choices}
        if period:
            report = channel_report(period["start"], period["end"])
            context.update(report=report, chart=bar_chart(report), verdict=verdict(report))
        return super().get_context_data(**context, **kwargs)
