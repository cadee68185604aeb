"""One timeline per person: consultations, referrals, outcomes and events attended, newest first."""

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lotse.events.models import Registration

from .models import Case, Consultation, Outcome, Referral

KINDS = {
    "consultation": _("Consultations"),
    "referral": _("Referrals"),
    "outcome": _("Outcomes"),
    "event": _("Events"),
}
LIMIT = 100


@dataclass
class Entry:
    kind: str
    date: datetime.date
    item: object
    recorded: datetime.datetime | None = None


def timeline_for(person, kinds: set[str] | None = None, limit: int = LIMIT) -> list[Entry]:
    """The newest LIMIT entries of PERSON's cases (and consultations about their cases),
    and the events PERSON attended (with or without a case)."""
    kinds = kinds or set(KINDS)
    entries: list[Entry] = []
    case_ids = list(Case.objects.filter(person=person).values_list("pk", flat=True))
    if case_ids:
        entries += _case_entries(case_ids, kinds, limit)
    if "event" in kinds:
        attended = (
            Registration.objects.filter(person=person, attended=True)
            .select_related("event")
            .order_by("-event__starts_at", "-id")[:limit]
        )
        entries += [
            Entry("event", timezone.localdate(r.event.starts_at), r, recorded=r.event.starts_at)
            for r in attended
        ]
    # Same day: the one recorded last comes first.
    entries.sort(
        key=lambda entry: (entry.date, entry.recorded or entry.item.created_at), reverse=True
    )
    return entries[:limit]


def _case_entries(case_ids: list[int], kinds: set[str], limit: int) -> list[Entry]:
    entries: list[Entry] = []
    if "consultation" in kinds:
        consultations = (
            Consultation.objects.filter(Q(case_id__in=case_ids) | Q(about_case_id__in=case_ids))
            .select_related("case__person", "about_case__person", "language", "counsellor")
            .prefetch_related("topics")
            .order_by("-date", "-id")[:limit]
        )
        entries += [Entry("consultation", c.date, c) for c in consultations]
    if "referral" in kinds:
        referrals = (
            Referral.objects.filter(case_id__in=case_ids)
            .select_related("institution", "case")
            .order_by("-created_on", "-id")[:limit]
        )
        entries += [Entry("referral", r.created_on, r) for r in referrals]
    if "outcome" in kinds:
        outcomes = (
            Outcome.objects.filter(case_id__in=case_ids)
            .select_related("organisation", "case")
            .order_by("-date", "-id")[:limit]
        )
        entries += [Entry("outcome", o.date, o) for o in outcomes]
    return entries
