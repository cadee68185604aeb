"""Guides, their training and their inquiries. Views and the API call these."""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from lotse.events import notifications
from lotse.events.models import (
    Event,
    EventKind,
    Registration,
    RegistrationSource,
    RegistrationStatus,
)
from lotse.events.services import register

from .models import GuideProfile, Inquiry, SeriesCompletion, TrainingModule, TrainingSeries

# Network meetings the service point plans per year.
MEETINGS_PER_YEAR = 2


@transaction.atomic
def save_guide(form, *, office=None) -> GuideProfile:
    guide = form.save(commit=False)
    if guide.pk is None:
        guide.office = office
    guide.save()
    form.save_m2m()
    person = guide.person
    if not person.is_guide:
        person.is_guide = True
        person.save(update_fields=["is_guide"])
    return guide


@transaction.atomic
def save_series(form, *, office=None) -> TrainingSeries:
    series = form.save(commit=False)
    if series.pk is None:
        series.office = office
    series.save()
    return series


@transaction.atomic
def add_module(series: TrainingSeries, event: Event, *, required: bool = True) -> TrainingModule:
    if event.kind != EventKind.TRAINING_MODULE:
        raise ValidationError(_("Only events of the kind “training module” can be modules."))
    if TrainingModule.objects.filter(event=event).exists():
        raise ValidationError(_("This event is already a module of a training series."))
    return TrainingModule.objects.create(
        office=series.office, series=series, event=event, required=required
    )


@transaction.atomic
def remove_module(module: TrainingModule) -> None:
    module.delete()


@dataclass
class ModuleProgress:
    module: TrainingModule
    attended: bool


@dataclass
class SeriesProgress:
    series: TrainingSeries
    modules: list[ModuleProgress] = field(default_factory=list)
    completion: SeriesCompletion | None = None

    @property
    def required_total(self) -> int:
        return self.series.required_total(sum(1 for m in self.modules if m.module.required))

    @property
    def required_attended(self) -> int:
        return sum(1 for m in self.modules if m.module.required and m.attended)

    @property
    def complete(self) -> bool:
        return self.required_total > 0 and self.required_attended == self.required_total


def _attended_event_ids(guide: GuideProfile, event_ids) -> set[int]:
    return set(
        Registration.objects.filter(person_id=guide.person_id, event_id__in=event_ids)
        .attended()
        .values_list("event_id", flat=True)
    )


def progress(guide: GuideProfile, series: TrainingSeries) -> SeriesProgress:
    modules = list(series.modules.select_related("event"))
    attended = _attended_event_ids(guide, [m.event_id for m in modules])
    return SeriesProgress(
        series=series,
        modules=[ModuleProgress(m, m.event_id in attended) for m in modules],
        completion=SeriesCompletion.objects.filter(guide=guide, series=series).first(),
    )


def training_record(guide: GuideProfile) -> list[SeriesProgress]:
    """Every series the guide took part in (attended or invited to a module)."""
    series_ids = (
        TrainingModule.objects.filter(event__registrations__person_id=guide.person_id)
        .values_list("series_id", flat=True)
        .distinct()
    )
    series_ids = set(series_ids) | set(guide.completions.values_list("series_id", flat=True))
    return [
        progress(guide, series)
        for series in TrainingSeries.objects.filter(pk__in=series_ids).order_by("-starts_on")
    ]


@transaction.atomic
def check_completion(guide: GuideProfile, series: TrainingSeries, today=None):
    """Record the qualification once every required module is attended."""
    state = progress(guide, series)
    if state.completion is not None or not state.complete:
        return state.completion
    today = today or timezone.localdate()
    completion = SeriesCompletion.objects.create(
        office=guide.office, guide=guide, series=series, completed_on=today
    )
    if guide.qualified_on is None:
        guide.qualified_on = today
        guide.save(update_fields=["qualified_on"])
    return completion


def attendance_recorded(registration: Registration) -> None:
    """Called by the events app after a check-in."""
    if registration.person_id is None or registration.event.kind != EventKind.TRAINING_MODULE:
        return
    module = TrainingModule.objects.filter(event_id=registration.event_id).first()
    guide = GuideProfile.objects.filter(person_id=registration.person_id).first()
    if module is None or guide is None:
        return
    check_completion(guide, module.series, today=timezone.localdate(registration.event.starts_at))


@transaction.atomic
def invite_active_guides(event: Event) -> int:
    """Invite every active guide of the office who is not yet on the list; returns how many."""
    already = set(
        event.registrations.active()
        .filter(person__isnull=False)
        .values_list("person_id", flat=True)
    )
    invited = 0
    for guide in GuideProfile.objects.active().select_related("person"):
        if guide.person_id in already:
            continue
        person = guide.person
        registration = register(
            event,
            name=person.full_name,
            email=person.email,
            phone=person.phone,
            person=person,
            source=RegistrationSource.INVITATION,
            status=RegistrationStatus.INVITED,
        )
        if registration.email:
            pk = registration.pk
            transaction.on_commit(lambda pk=pk: notifications.send_invitation(pk), robust=True)
        invited += 1
    return invited


@dataclass
class MeetingPlan:
    year: int
    meetings: list[Event]

    @property
    def missing(self) -> int:
        return max(MEETINGS_PER_YEAR - len(self.meetings), 0)


def meeting_plan(year: int) -> MeetingPlan:
    meetings = Event.objects.filter(kind=EventKind.NETWORK_MEETING, starts_at__year=year).order_by(
        "starts_at"
    )
    return MeetingPlan(year, list(meetings))


@transaction.atomic
def log_inquiry(form, *, guide: GuideProfile) -> Inquiry:
    inquiry = form.save(commit=False)
    if inquiry.pk is None:
        inquiry.guide = guide
        inquiry.office = guide.office
    inquiry.save()
    return inquiry


@transaction.atomic
def mark_followed_up(inquiry: Inquiry, *, user) -> Inquiry:
    inquiry.follow_up_done_at = timezone.now()
    inquiry.follow_up_by = user
    inquiry.save(update_fields=["follow_up_done_at", "follow_up_by"])
    return inquiry


@dataclass
class InquirySummary:
    start: datetime.date
    end: datetime.date
    total: int
    by_topic: list[tuple[str, int]]
    by_language: list[tuple[str, int]]
    by_referral: list[tuple[str, int]]
    follow_ups: int


def inquiry_summary(start: datetime.date, end: datetime.date) -> InquirySummary:
    """Inquiries of the office from START to END (both included), counted three ways."""
    from .models import ReferredTo

    inquiries = Inquiry.objects.filter(date__gte=start, date__lte=end)
    no_topic = _("no topic")
    no_language = _("not recorded")
    by_topic = [
        (row["topic__name"] or no_topic, row["n"])
        for row in inquiries.values("topic__name")
        .annotate(n=Count("id"))
        .order_by("-n", "topic__name")
    ]
    name_field = "language__name_en" if get_language().startswith("en") else "language__name_de"
    by_language = [
        (row[name_field] or no_language, row["n"])
        for row in inquiries.values(name_field).annotate(n=Count("id")).order_by("-n", name_field)
    ]
    by_referral = [
        (ReferredTo(row["referred_to"]).label, row["n"])
        for row in inquiries.values("referred_to").annotate(n=Count("id")).order_by("-n")
    ]
    return InquirySummary(
        start=start,
        end=end,
        total=inquiries.count(),
        by_topic=by_topic,
        by_language=by_language,
        by_referral=by_referral,
        follow_ups=inquiries.filter(follow_up_wanted=True).count(),
    )
