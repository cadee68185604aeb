"""Company acquisition: every change goes through these functions (pages, API, commands)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from lotse.organisations.models import OrganisationKind

from .models import (
    STAGE_ORDER,
    Acquisition,
    AcquisitionStatus,
    Activity,
    Channel,
    Stage,
    StageChange,
)


def _today() -> datetime.date:
    return datetime.date.today()


def _record_stages_up_to(acquisition: Acquisition, stage: str, on: datetime.date, by) -> None:
    """Note the day each stage up to STAGE was reached (skipped stages count as reached)."""
    reached = set(acquisition.stage_changes.values_list("stage", flat=True))
    StageChange.objects.bulk_create(
        [
            StageChange(
                office_id=acquisition.office_id,
                acquisition=acquisition,
                stage=earlier,
                reached_on=on,
                by=by,
            )
            for earlier in Stage.values[: STAGE_ORDER[stage] + 1]
            if earlier not in reached
        ]
    )


@transaction.atomic
def start_acquisition(company, *, channel: str, counsellor, by=None, **data) -> Acquisition:
    """Start acquiring COMPANY, recording how the office reached it."""
    if company.kind != OrganisationKind.COMPANY:
        raise ValidationError({"company": _("Only companies are acquired.")}, code="not_company")
    if Acquisition.objects.filter(company=company).exists():
        raise ValidationError(
            _("%(company)s is in the acquisition pipeline already.") % {"company": company},
            code="exists",
        )
    if channel == Channel.RECOMMENDATION and not (
        data.get("recommended_by_organisation") or data.get("recommended_by_person")
    ):
        raise ValidationError(
            {
                "recommended_by_organisation": _(
                    "Who recommended the company? Choose an organisation or a person."
                )
            },
            code="recommender",
        )
    if channel != Channel.RECOMMENDATION:
        data["recommended_by_organisation"] = None
        data["recommended_by_person"] = None
    stage = data.pop("stage", Stage.IDENTIFIED)
    try:
        with transaction.atomic():
            acquisition = Acquisition.objects.create(
                office_id=company.office_id,
                company=company,
                channel=channel,
                counsellor=counsellor,
                stage=stage,
                **data,
            )
    except IntegrityError:  # started by a colleague at the same moment
        raise ValidationError(
            _("%(company)s is in the acquisition pipeline already.") % {"company": company},
            code="exists",
        ) from None
    _record_stages_up_to(acquisition, stage, acquisition.started_on, by or counsellor)
    return acquisition


@transaction.atomic
def move_to_stage(acquisition: Acquisition, stage: str, *, by, on=None) -> Acquisition:
    """Move the company to STAGE (forward or, to correct a mistake, back)."""
    on = on or _today()
    acquisition = Acquisition.objects.select_for_update().get(pk=acquisition.pk)
    if acquisition.stage == stage:
        return acquisition
    if acquisition.status != AcquisitionStatus.ACTIVE:
        raise ValidationError(
            _("This acquisition is %(status)s. Make it active again first.")
            % {"status": acquisition.get_status_display()},
            code="not_active",
        )
    acquisition.stage = stage
    acquisition.version += 1
    acquisition.save()
    _record_stages_up_to(acquisition, stage, on, by)
    return acquisition


@transaction.atomic
def reach_stage_at_least(acquisition: Acquisition, stage: str, *, by, on=None) -> Acquisition:
    """Used when activities, places and placements show a stage was reached.

    Reads the stored row under a lock, so it never moves a company back and never
    loses another change's version, whatever copy the caller holds.
    """
    current = Acquisition.objects.select_for_update().get(pk=acquisition.pk)
    if current.status != AcquisitionStatus.ACTIVE:
        return current  # a paused or lost acquisition is moved on by hand only
    if STAGE_ORDER[current.stage] < STAGE_ORDER[stage]:
        current.stage = stage
        current.version += 1
        current.save(update_fields=["stage", "version", "updated_at"])
    _record_stages_up_to(current, stage, on or _today(), by)
    acquisition.stage, acquisition.version = current.stage, current.version
    return current


@transaction.atomic
def save_acquisition(form, *, expected_version: int, by) -> Acquisition:
    """Save the edit form, refused when somebody else saved in between."""
    current = Acquisition.objects.select_for_update().get(pk=form.instance.pk)
    if current.version != expected_version:
        raise ValidationError(
            _(
                "A colleague saved this acquisition while you were editing it. Your changes "
                "are still in the form: compare and save again."
            ),
            code="concurrent_edit",
        )
    acquisition = form.save(commit=False)
    if acquisition.status != AcquisitionStatus.ACTIVE and not acquisition.status_reason.strip():
        raise ValidationError(
            {"status_reason": _("Please note why the acquisition is paused or lost.")},
            code="reason",
        )
    if acquisition.channel == Channel.RECOMMENDATION and not acquisition.recommender:
        raise ValidationError(
            {
                "recommended_by_organisation": _(
                    "Who recommended the company? Choose an organisation or a person."
                )
            },
            code="recommender",
        )
    acquisition.version = current.version + 1
    acquisition.save()
    if current.stage != acquisition.stage:
        _record_stages_up_to(acquisition, acquisition.stage, _today(), by)
    return acquisition


@transaction.atomic
def log_activity(acquisition: Acquisition, *, by, **data) -> Activity:
    activity = Activity(office_id=acquisition.office_id, acquisition=acquisition, by=by, **data)
    if activity.next_step and not activity.next_step_due_on:
        raise ValidationError(
            {"next_step_due_on": _("When is the next step due?")}, code="due_date"
        )
    activity.full_clean(exclude=["office", "acquisition", "by"])
    activity.save()
    if acquisition.stage == Stage.IDENTIFIED and acquisition.status == AcquisitionStatus.ACTIVE:
        # Any call, visit or letter means the company has been contacted.
        reach_stage_at_least(acquisition, Stage.CONTACTED, by=by, on=activity.date)
    return activity


@transaction.atomic
def complete_activity_step(activity: Activity, on=None) -> Activity:
    if not activity.next_step or activity.next_step_done_on is not None:
        raise ValidationError(_("There is no open next step."), code="no_open_step")
    activity.next_step_done_on = on or _today()
    activity.save(update_fields=["next_step_done_on"])
    return activity
