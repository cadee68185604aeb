"""The counsellor's worklist: what is due, overdue, or waiting for an answer."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q

from lotse.companies.models import AcquisitionStatus, Activity
from lotse.guides.models import Inquiry
from lotse.profiles.models import ApplicationProfile

from .esf import DATA_DUE_WITHIN_DAYS, ENTRY_REQUIRED, EXIT_REQUIRED, VOLUNTARY_ITEMS
from .models import (
    FEEDBACK_EXPECTED_WITHIN_DAYS,
    Case,
    CaseStatus,
    EsfRecord,
    NextStep,
    Referral,
    ReferralStatus,
)

ROWS_PER_SECTION = 25
UPCOMING_DAYS = 7


@dataclass
class Section:
    rows: list
    total: int


@dataclass
class Worklist:
    today: datetime.date
    next_steps: Section
    follow_ups: Section
    waiting_for_feedback: Section
    esf_incomplete: Section
    company_steps: Section = field(default_factory=lambda: Section(rows=[], total=0))
    inquiries: Section = field(default_factory=lambda: Section(rows=[], total=0))
    profiles: Section = field(default_factory=lambda: Section(rows=[], total=0))
    extra: dict = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        return not any(
            s.total
            for s in (
                self.next_steps,
                self.follow_ups,
                self.waiting_for_feedback,
                self.esf_incomplete,
                self.company_steps,
                self.inquiries,
                self.profiles,
            )
        )


def _section(queryset) -> Section:
    rows = list(queryset[:ROWS_PER_SECTION])
    total = len(rows) if len(rows) < ROWS_PER_SECTION else queryset.count()
    return Section(rows=rows, total=total)


def _blank_any(names) -> Q:
    condition = Q()
    for name in names:
        condition |= (
            Q(**{name: ""})
            if name != "entry_date" and name != "exit_date"
            else Q(**{f"{name}__isnull": True})
        )
    return condition


def worklist_for(user, today: datetime.date | None = None) -> Worklist:
    """The worklist of USER in the current office scope (the scope selects the office)."""
    today = today or datetime.date.today()
    next_steps = (
        NextStep.objects.filter(
            case__status=CaseStatus.OPEN,
            assigned_to=user,
            done_on__isnull=True,
            due_on__lte=today + datetime.timedelta(UPCOMING_DAYS),
        )
        .select_related("case__person")
        .order_by("due_on", "id")
    )
    open_referral = [ReferralStatus.PLANNED, ReferralStatus.SENT, ReferralStatus.ACCEPTED]
    follow_ups = (
        Referral.objects.filter(
            case__counsellor=user, status__in=open_referral, follow_up_on__lte=today
        )
        .select_related("case__person", "institution")
        .order_by("follow_up_on", "id")
    )
    waiting = (
        Referral.objects.filter(
            case__counsellor=user,
            status=ReferralStatus.SENT,
            sent_on__lte=today - datetime.timedelta(FEEDBACK_EXPECTED_WITHIN_DAYS),
        )
        .select_related("case__person", "institution")
        .order_by("sent_on", "id")
    )
    entry_missing = _blank_any(ENTRY_REQUIRED + VOLUNTARY_ITEMS)
    exit_missing = _blank_any(EXIT_REQUIRED)
    # Subqueries, not joins: no duplicate rows (no DISTINCT), and the office's
    # records are filtered against the counsellor's cases through the case index.
    open_cases = Case.objects.filter(
        counsellor=user, status=CaseStatus.OPEN, short_contact=False
    ).values("person_id")
    own_cases = Case.objects.filter(counsellor=user).values("pk")
    esf = (
        EsfRecord.objects.filter(
            Q(person_id__in=open_cases) & entry_missing
            | Q(first_case_id__in=own_cases, exit_date__isnull=False) & exit_missing
        )
        # Fetched by id afterwards: a join here lets PostgreSQL misjudge the rows and
        # scan every case of the database (or start parallel workers) for 25 rows.
        .prefetch_related("person", "first_case")
        .order_by("entry_date", "id")
    )
    company_steps = (
        Activity.objects.filter(
            by=user,
            next_step_done_on__isnull=True,
            next_step_due_on__lte=today + datetime.timedelta(UPCOMING_DAYS),
        )
        .exclude(next_step="")
        .exclude(acquisition__status=AcquisitionStatus.LOST)
        .select_related("acquisition__company")
        .order_by("next_step_due_on", "id")
    )
    # Guides' inquiries the service point was asked to follow up (the whole office's).
    inquiries = (
        Inquiry.objects.follow_up_open()
        .select_related("guide__person", "topic", "language")
        .order_by("-date", "-id")
    )
    # Application profiles young people sent to the office, waiting for review.
    profiles = ApplicationProfile.objects.to_review().order_by("-submitted_at", "-id")
    return Worklist(
        today=today,
        next_steps=_section(next_steps),
        follow_ups=_section(follow_ups),
        waiting_for_feedback=_section(waiting),
        esf_incomplete=_section(esf),
        company_steps=_section(company_steps),
        inquiries=_section(inquiries),
        profiles=_section(profiles),
        extra={"due_within_days": DATA_DUE_WITHIN_DAYS},
    )
