"""What happens in counselling. Pages, the API and commands all call these functions."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from lotse.organisations.models import OrganisationKind
from lotse.privacy.models import ConsentPurpose
from lotse.privacy.services import require_consent

from .models import (
    REFERRAL_TRANSITIONS,
    Case,
    CaseStatus,
    Consultation,
    EsfRecord,
    NextStep,
    Outcome,
    Referral,
    ReferralStatus,
    Topic,
)


class ConcurrentEdit(ValidationError):
    """Somebody else saved the record after this form was opened."""


def _today() -> datetime.date:
    return datetime.date.today()


@transaction.atomic
def open_case(person, *, counsellor, **data) -> Case:
    """Open a case for PERSON in the person's office; one open case per person."""
    case = Case(office_id=person.office_id, person=person, counsellor=counsellor, **data)
    case.full_clean(exclude=["office", "person", "counsellor"], validate_constraints=False)
    try:
        with transaction.atomic():
            case.save()
    except IntegrityError:
        if not Case.objects.open().filter(person=person).exists():
            raise
        raise ValidationError(
            _("%(name)s has an open case already. Continue that case instead.")
            % {"name": person.full_name},
            code="open_case_exists",
        ) from None
    ensure_esf_record(case)
    return case


def ensure_esf_record(case: Case) -> EsfRecord | None:
    """The person's ESF+ record, created at the first case that needs one (re-entry keeps it)."""
    if not case.needs_esf:
        return None
    record, _created = EsfRecord.objects.get_or_create(
        person=case.person,
        defaults={"office_id": case.office_id, "first_case": case, "entry_date": case.opened_on},
    )
    return record


@transaction.atomic
def save_case(form, *, expected_version: int) -> Case:
    """Save an edited case unless somebody else saved it since the form was opened.

    The row is locked while the version is compared, so of two counsellors saving at
    the same moment exactly one succeeds; the other's form is shown again with a
    message and what she typed.
    """
    case = form.instance
    current = Case.objects.select_for_update().get(pk=case.pk)
    if current.version != expected_version:
        raise ConcurrentEdit(
            _(
                "A colleague saved this case while you were editing it. Your changes are "
                "still in the form: compare them with the current case and save again."
            ),
            code="concurrent_edit",
        )
    case = form.save(commit=False)
    if case.closed_on and case.opened_on > case.closed_on:
        raise ValidationError(
            {
                "opened_on": _("The case was closed on %(date)s; it cannot open later.")
                % {"date": case.closed_on.strftime("%d.%m.%Y")}
            },
            code="opened_after_closed",
        )
    case.version = current.version + 1
    case.save()
    form.save_m2m()
    ensure_esf_record(case)
    return case


@transaction.atomic
def close_case(case: Case, *, closed_on: datetime.date, reason: str, expected_version: int):
    """Close CASE: it needs an outcome or a reason."""
    current = Case.objects.select_for_update().get(pk=case.pk)
    if current.version != expected_version:
        raise ConcurrentEdit(
            _("A colleague changed this case in the meantime. Please check it and close again."),
            code="concurrent_edit",
        )
    if not current.is_open:
        raise ValidationError(_("This case is closed already."), code="closed")
    if not reason.strip() and not current.outcomes.exists():
        raise ValidationError(
            _("Record an outcome (Verbleib) first, or give a reason for closing the case."),
            code="outcome_or_reason",
        )
    if closed_on < current.opened_on:
        raise ValidationError(
            _("A case cannot be closed before it was opened."), code="closed_before_opened"
        )
    if closed_on > _today():
        raise ValidationError(_("A case cannot be closed in the future."), code="closed_in_future")
    current.status = CaseStatus.CLOSED
    current.closed_on = closed_on
    current.closing_reason = reason.strip()
    current.version += 1
    current.save()
    esf = EsfRecord.objects.filter(person_id=current.person_id).first()
    if esf is not None and esf.exit_date is None and current.needs_esf:
        esf.exit_date = closed_on
        esf.save(update_fields=["exit_date"])
    return current


@transaction.atomic
def record_consultation(case: Case, form, *, counsellor, next_steps=()) -> Consultation:
    """Save a consultation form for CASE, with the next steps agreed in it."""
    if not case.is_open:
        raise ValidationError(
            _("This case is closed. Open a new case to record a consultation."), code="closed"
        )
    consultation = form.save(commit=False)
    consultation.office_id = case.office_id
    consultation.case = case
    consultation.counsellor = counsellor
    if consultation.about_case_id and consultation.about_case_id == case.pk:
        consultation.about_case = None
    consultation.save()
    form.save_m2m()
    for description, due_on in next_steps:
        NextStep.objects.create(
            office_id=case.office_id,
            case=case,
            consultation=consultation,
            description=description,
            due_on=due_on,
            assigned_to=counsellor,
        )
    return consultation


@transaction.atomic
def save_consultation(form) -> Consultation:
    consultation = form.save()
    return consultation


@transaction.atomic
def save_esf(form) -> EsfRecord:
    """Save the ESF+ questionnaire and derive age band, gender category and ISCED level."""
    record = form.save(commit=False)
    record.derive()
    record.save()
    return record


@transaction.atomic
def add_next_step(case: Case, *, description: str, due_on, assigned_to) -> NextStep:
    return NextStep.objects.create(
        office_id=case.office_id,
        case=case,
        description=description,
        due_on=due_on,
        assigned_to=assigned_to,
    )


@transaction.atomic
def complete_next_step(step: NextStep, on: datetime.date | None = None) -> NextStep:
    step.done_on = on or _today()
    step.save(update_fields=["done_on"])
    return step


@transaction.atomic
def refer(case: Case, *, institution, reason, created_by, shares_personal_data=True, **data):
    """Refer the person of CASE to INSTITUTION.

    Passing on personal data needs the person's consent in force (a guardian's for
    minors); without it the referral is refused with a message saying what is missing.
    """
    if not case.is_open:
        raise ValidationError(
            _("This case is closed. Open a new case to refer the person."), code="closed"
        )
    if data.get("status", ReferralStatus.PLANNED) not in {
        ReferralStatus.PLANNED,
        ReferralStatus.SENT,
    }:
        raise ValidationError(
            {"status": _("A new referral is either planned or sent.")}, code="status"
        )
    if institution.kind != OrganisationKind.INSTITUTION:
        raise ValidationError({"institution": _("Please choose a standard institution.")})
    consent = None
    if shares_personal_data:
        consent = require_consent(case.person, ConsentPurpose.SHARE_WITH_INSTITUTIONS)
    referral = Referral(
        office_id=case.office_id,
        case=case,
        institution=institution,
        reason=reason,
        shares_personal_data=shares_personal_data,
        consent=consent,
        created_by=created_by,
        **data,
    )
    if referral.status == ReferralStatus.SENT and referral.sent_on is None:
        referral.sent_on = referral.created_on
    referral.save()
    return referral


@transaction.atomic
def update_referral(
    referral: Referral,
    *,
    status: str,
    on: datetime.date | None = None,
    feedback: str = "",
    declined_reason: str = "",
    follow_up_on=None,
) -> Referral:
    """Move a referral along planned → sent → accepted/declined → completed (or no feedback)."""
    on = on or _today()
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    if status != referral.status:
        allowed = REFERRAL_TRANSITIONS[ReferralStatus(referral.status)]
        if status not in allowed:
            raise ValidationError(
                _("A referral that is “%(current)s” cannot become “%(new)s”.")
                % {
                    "current": referral.get_status_display(),
                    "new": ReferralStatus(status).label,
                },
                code="transition",
            )
    becomes_declined = status == ReferralStatus.DECLINED and referral.status != status
    if becomes_declined and not (declined_reason.strip() or referral.declined_reason):
        raise ValidationError({"declined_reason": _("Please note why the institution declined.")})
    if status == ReferralStatus.SENT and referral.sent_on is None:
        referral.sent_on = on
    if status in {ReferralStatus.ACCEPTED, ReferralStatus.DECLINED, ReferralStatus.COMPLETED}:
        referral.feedback_on = referral.feedback_on or on
    referral.status = status
    if feedback:
        referral.feedback = feedback
    if declined_reason:
        referral.declined_reason = declined_reason
    if follow_up_on is not None:
        referral.follow_up_on = follow_up_on
    referral.save()
    return referral


@transaction.atomic
def record_outcome(case: Case, **data) -> Outcome:
    outcome = Outcome(office_id=case.office_id, case=case, **data)
    outcome.full_clean(exclude=["office", "case"])
    outcome.save()
    return outcome


@transaction.atomic
def add_topic(office, *, name: str, for_entrepreneurs: bool = False) -> Topic:
    """Add a topic to OFFICE's catalogue (the lead extends the shipped one)."""
    return Topic.objects.create(
        office=office, name=name.strip(), for_entrepreneurs=for_entrepreneurs, position=500
    )


@transaction.atomic
def toggle_topic(topic: Topic) -> Topic:
    if topic.office_id is None:
        raise ValidationError(_("Topics shipped with Lotse stay in the catalogue."))
    topic.active = not topic.active
    topic.save(update_fields=["active"])
    return topic
