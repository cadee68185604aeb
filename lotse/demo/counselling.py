"""Counselling demo data for one office: cases, consultations, next steps, referrals
with consents, outcomes and ESF+ records (see services.seed_demo).

Who gets a case
    Most young people (young refugees among the communities that came as refugees),
    some parents (their consultations often concern their child's case) and some
    entrepreneurs (training places, AEVO). A few young people came back: an earlier,
    closed case and a new one (the ESF+ record keeps the first entry). The featured
    people of Hagen get the written-out cases of stories.py; Osnabrück's featured
    people always get a case.

Dates relative to the day of seeding
    Cases were opened up to 18 months ago; next steps, follow-ups and referrals are
    spread around today, so the worklist has overdue and due items, referrals
    without feedback for more than 14 days and incomplete or late ESF+ data whenever
    the demo is seeded.

Deterministic
    Drawn from its own `random.Random` per office (slug and scale), after the people
    and organisations, which therefore stay as they were.

Fast at scale
    Everything is built in memory and written with `bulk_create` (topics through the
    M2M through model); `--offices 40 --scale 50` gives about 110,000 cases and
    1,000,000 consultations.
"""

from __future__ import annotations

import datetime
import random
from collections import Counter
from dataclasses import dataclass, field

from lotse.cases.esf import (
    DATA_DUE_WITHIN_DAYS,
    ENTRY_REQUIRED,
    FOLLOW_UP_AFTER_DAYS,
    VOLUNTARY_ITEMS,
    EsfRecord,
)
from lotse.cases.models import Case, CaseStatus, Consultation, NextStep, Outcome, Referral
from lotse.privacy.models import Consent, ConsentForm, ConsentGivenBy, ConsentPurpose
from lotse.privacy.services import is_minor

from . import bulk
from . import counselling_texts as texts
from .bulk import reserve_ids
from .stories import STORIES, Out, Ref, Step, Story, Talk

# Who gets a case.
YOUNG_CASE_SHARE = 0.8
PARENT_CASE_SHARE = 0.12
ENTREPRENEUR_CASE_SHARE = 0.35
RETURNING_SHARE = 0.05  # young people with an earlier, closed case
REFUGEE_COMMUNITIES = ("syrian", "afghan", "eritrean", "ukrainian", "kurdish")
REFUGEE_SHARE = 0.7  # of the young people of these communities
SHORT_CONTACT_SHARE = 0.12
CLOSED_SHARE = 0.2
OPENED_WITHIN_DAYS = 540
# Consultations of a case that is not a short contact: 2 + exponential(mean).
EXTRA_CONSULTATIONS_MEAN = 9.8
MAX_CONSULTATIONS = 40

CHANNELS = (
    ("in_person", 44),
    ("phone", 20),
    ("video", 5),
    ("messenger", 10),
    ("outreach_school", 9),
    ("outreach_mso", 5),
    ("outreach_home", 3),
    ("event", 4),
)
MINUTES = {
    "in_person": (30, 45, 60, 90),
    "phone": (10, 15, 20, 30),
    "video": (20, 30, 45),
    "messenger": (5, 10, 15),
    "outreach_school": (20, 30, 45),
    "outreach_mso": (30, 45, 60),
    "outreach_home": (45, 60, 90),
    "event": (10, 15, 20),
}
# Languages the demo counsellors speak besides German (no interpreter needed).
COUNSELLOR_LANGUAGES = {"beratung.hagen": ("tr",), "leitung.osnabrueck": ("ru",)}


def _weighted(rng: random.Random, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


# --------------------------------------------------------------------------- plans


@dataclass(eq=False, slots=True)
class TalkPlan:
    day: int
    channel: str
    language: str
    topics: tuple[str, ...]
    note: str
    minutes: int
    interpreter: bool
    guide: bool
    about: CasePlan | None = None


@dataclass(eq=False)
class CasePlan:
    person: object  # PersonDraft
    counsellor: object  # User
    group: str
    opened: int
    closed: int | None = None
    closing_reason: str = ""
    short: bool = False
    notes: str = ""
    talks: list[TalkPlan] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    referrals: list[Ref] = field(default_factory=list)
    outcomes: list[Out] = field(default_factory=list)
    esf: str = "complete"
    esf_exit: str = "complete"
    case: Case | None = None


class CaseBuilder:
    """Plans and writes the counselling data of one office (after OfficeBuilder)."""

    def __init__(
        self,
        builder,
        counsellors: list[tuple[object, float]],
        *,
        topic_ids: dict[str, int],
        language_ids: dict[str, int],
        today: datetime.date,
    ):
        self.builder = builder
        self.office = builder.office
        self.slug = builder.spec.slug
        self.counsellors = counsellors
        self.topic_ids = topic_ids
        self.language_ids = language_ids
        self.today = today
        self.rng = random.Random(f"lotse-demo-cases/{self.slug}/{builder.scale}")
        self.plans: list[CasePlan] = []
        self.counts: Counter = Counter()
        by_type: dict[str, list] = {}
        for org in builder.orgs:
            if org.spec.kind == "institution" and org.spec.institution_type:
                by_type.setdefault(org.spec.institution_type, []).append(org)
        self.institutions = by_type
        self.companies = [o for o in builder.orgs if o.spec.kind == "company"]
        self.migrant_companies = [o for o in self.companies if o.spec.migrant_led]
        self.orgs_by_template = {o.spec.name: o for o in builder.orgs}
        self.parents_of: dict[int, list] = {}
        self.children_of: dict[int, list] = {}
        for parent, child in builder.links:
            self.parents_of.setdefault(id(child), []).append(parent)
            self.children_of.setdefault(id(parent), []).append(child)

    def institutions_of(self, kind: str) -> list:
        """The office's institutions of KIND (small offices: the Agentur für Arbeit)."""
        return self.institutions.get(kind) or self.institutions["employment_agency"]

    def day(self, offset: int) -> datetime.date:
        return self.today + datetime.timedelta(days=offset)

    # -- planning

    def build(self) -> None:
        stories = STORIES.get(self.slug, ())
        featured = self.builder.featured
        written = {story.person for story in stories}
        latest_case: dict[int, CasePlan] = {}
        for story in stories:
            plan = self.story_plan(story)
            self.plans.append(plan)
            latest_case[id(plan.person)] = plan
        always = {id(draft) for key, draft in featured.items() if key not in written}
        skip = {id(featured[key]) for key in written if key in featured}

        parents = []
        for draft in self.builder.people:
            if id(draft) in skip:
                continue
            person = draft.person
            roll = self.rng.random()
            if person.is_young_person:
                if roll < YOUNG_CASE_SHARE or id(draft) in always:
                    if self.rng.random() < RETURNING_SHARE:
                        self.plans.append(self.random_plan(draft, earlier=True))
                    plan = self.random_plan(draft)
                    self.plans.append(plan)
                    latest_case[id(draft)] = plan
            elif person.is_entrepreneur:
                if roll < ENTREPRENEUR_CASE_SHARE or id(draft) in always:
                    self.plans.append(self.random_plan(draft, group="entrepreneur"))
            elif person.is_parent and (roll < PARENT_CASE_SHARE or id(draft) in always):
                parents.append(draft)
        # Parents after the young people: their consultations may concern a child's case.
        for draft in parents:
            children = [
                latest_case[id(child)]
                for child in self.children_of.get(id(draft), ())
                if id(child) in latest_case
            ]
            self.plans.append(self.random_plan(draft, group="parent", child_cases=children))
        for story in stories:
            for talk, plan_talk in zip(
                story.talks, self._plan_of(story.person, latest_case).talks, strict=True
            ):
                if talk.about:
                    plan_talk.about = latest_case.get(id(featured[talk.about]))

    def _plan_of(self, key: str, latest_case) -> CasePlan:
        return latest_case[id(self.builder.featured[key])]

    def counsellor(self):
        return _weighted(self.rng, self.counsellors)

    def story_plan(self, story: Story) -> CasePlan:
        counsellor = self.counsellors[0][0] if story.counsellor == "counsellor" else None
        if counsellor is None:
            counsellor = self.counsellors[min(1, len(self.counsellors) - 1)][0]
        return CasePlan(
            person=self.builder.featured[story.person],
            counsellor=counsellor,
            group=story.group,
            opened=story.opened,
            closed=story.closed,
            closing_reason=story.closing_reason,
            short=story.short,
            notes=story.notes,
            talks=[self.story_talk(talk) for talk in story.talks],
            steps=list(story.steps),
            referrals=list(story.referrals),
            outcomes=list(story.outcomes),
            esf=story.esf,
            esf_exit=story.esf_exit,
        )

    @staticmethod
    def story_talk(talk: Talk) -> TalkPlan:
        return TalkPlan(
            day=talk.day,
            channel=talk.channel,
            language=talk.language,
            topics=talk.topics,
            note=talk.note,
            minutes=talk.minutes,
            interpreter=talk.interpreter,
            guide=talk.guide,
        )

    def random_plan(self, draft, *, group=None, earlier=False, child_cases=()) -> CasePlan:
        rng = self.rng
        if group is None:
            group = "young_person"
            if draft.community in REFUGEE_COMMUNITIES and rng.random() < REFUGEE_SHARE:
                group = "young_refugee"
        if earlier:
            opened = -rng.randint(OPENED_WITHIN_DAYS + 60, OPENED_WITHIN_DAYS + 400)
            closed = opened + rng.randint(30, 180)
        else:
            opened = -rng.randint(0, OPENED_WITHIN_DAYS)
            closed = None
            if opened < -60 and rng.random() < CLOSED_SHARE:
                closed = rng.randint(opened + 30, -1)
        short = rng.random() < (SHORT_CONTACT_SHARE if group != "parent" else 0.4)
        plan = CasePlan(
            person=draft,
            counsellor=self.counsellor(),
            group=group,
            opened=opened,
            closed=closed,
            short=short,
            notes=rng.choice(texts.CASE_NOTES) if rng.random() < 0.3 else "",
        )
        end = closed if closed is not None else 0
        if short:
            count = 1
        else:
            count = 2 + min(
                int(rng.expovariate(1 / EXTRA_CONSULTATIONS_MEAN)), MAX_CONSULTATIONS - 2
            )
        days = sorted([opened] + [rng.randint(opened, end) for _ in range(count - 1)])
        for index, day in enumerate(days):
            plan.talks.append(self.random_talk(plan, day, index, child_cases))
        self.plan_steps(plan)
        if not short:
            self.plan_referrals(plan)
        self.plan_outcomes(plan)
        if closed is not None and not plan.outcomes:
            plan.closing_reason = rng.choice(texts.CLOSING_REASONS)
        plan.esf = "complete" if rng.random() < (0.45 if opened > -28 else 0.85) else "incomplete"
        plan.esf_exit = "complete" if rng.random() < 0.75 else "incomplete"
        return plan

    def random_talk(self, plan: CasePlan, day: int, index: int, child_cases) -> TalkPlan:
        rng = self.rng
        channel = _weighted(rng, CHANNELS)
        topics = [_weighted(rng, texts.GROUP_TOPICS[plan.group])]
        if rng.random() < 0.55:
            topics.append(_weighted(rng, texts.GROUP_TOPICS[plan.group]))
        if rng.random() < 0.15:
            topics.append(_weighted(rng, texts.GROUP_TOPICS[plan.group]))
        topics = tuple(dict.fromkeys(topics))
        own = [code for code in plan.person.languages if code != "de"]
        language, interpreter, guide = "de", False, False
        if own and rng.random() < (0.55 if index == 0 else 0.3):
            language = own[0]
            spoken = COUNSELLOR_LANGUAGES.get(plan.counsellor.username, ())
            if language not in spoken:
                roll = rng.random()
                interpreter = roll < 0.55
                guide = not interpreter and roll < 0.85
        note = ""
        if index == 0 or rng.random() < 0.7:
            note = rng.choice(texts.TOPIC_NOTES[topics[0]])
            if index == 0:
                note = "Erstgespräch. " + note
        about = None
        if child_cases and rng.random() < 0.6:
            about = rng.choice(child_cases)
        return TalkPlan(
            day=day,
            channel=channel,
            language=language,
            topics=topics,
            note=note,
            minutes=rng.choice(MINUTES[channel]),
            interpreter=interpreter,
            guide=guide,
            about=about,
        )

    def plan_steps(self, plan: CasePlan) -> None:
        """Done steps after some consultations; one open step for most open cases."""
        rng = self.rng
        end = plan.closed if plan.closed is not None else 0
        for talk in plan.talks[:-1]:
            if rng.random() < 0.22:
                due = talk.day + rng.randint(5, 21)
                done = min(max(talk.day, due + rng.randint(-5, 5)), end)
                plan.steps.append(Step(texts.TOPIC_STEPS[talk.topics[0]], min(due, end), done))
        last = plan.talks[-1]
        if plan.closed is None and not plan.short and rng.random() < 0.75:
            # Overdue, due today, due this week, or later.
            kind = rng.choices(("overdue", "today", "week", "later"), (9, 4, 12, 75))[0]
            due = {
                "overdue": -rng.randint(1, 25),
                "today": 0,
                "week": rng.randint(1, 7),
                "later": rng.randint(8, 60),
            }[kind]
            plan.steps.append(Step(texts.TOPIC_STEPS[last.topics[0]], max(due, last.day)))

    def plan_referrals(self, plan: CasePlan) -> None:
        rng = self.rng
        count = rng.choices((0, 1, 2, 3), (30, 42, 20, 8))[0]
        open_case = plan.closed is None
        end = plan.closed if plan.closed is not None else 0
        for _ in range(count):
            if plan.group == "entrepreneur":
                kind = rng.choice(("ihk", "hwk"))
                reason, shared = texts.ENTREPRENEUR_REFERRAL
            else:
                kind = _weighted(rng, texts.REFERRAL_TARGETS)
                reason, shared = texts.REFERRAL_TEXTS[kind]
            if kind not in self.institutions:
                kind = "employment_agency"
                reason, shared = texts.REFERRAL_TEXTS[kind]
            created = rng.choice(plan.talks).day
            age = -created
            if not open_case:
                status = rng.choices(
                    ("completed", "accepted", "declined", "no_feedback"), (50, 20, 15, 15)
                )[0]
            elif age < 14:
                status = rng.choices(("planned", "sent"), (30, 70))[0]
            else:
                status = rng.choices(
                    ("sent", "accepted", "completed", "declined", "no_feedback", "planned"),
                    (4, 30, 36, 12, 12, 6),
                )[0]
            sent = None if status == "planned" else min(created + rng.randint(0, 3), end)
            feedback_day = None
            if status in ("accepted", "declined", "completed"):
                feedback_day = min(sent + rng.randint(5, 30), end)
            follow_up = None
            if open_case and status in ("planned", "sent", "accepted") and rng.random() < 0.5:
                follow_up = created + rng.randint(14, 60)
                if follow_up <= 0 and rng.random() < 0.7:
                    follow_up = rng.randint(1, 30)  # most follow-ups still ahead
            plan.referrals.append(
                Ref(
                    kind,
                    status,
                    created,
                    reason,
                    sent=sent,
                    feedback_day=feedback_day,
                    follow_up=follow_up,
                    feedback=(
                        rng.choice(texts.FEEDBACK_ACCEPTED)
                        if status == "accepted"
                        else rng.choice(texts.FEEDBACK_COMPLETED)
                        if status == "completed"
                        else ""
                    ),
                    declined_reason=(
                        rng.choice(texts.DECLINED_REASONS) if status == "declined" else ""
                    ),
                    shares=rng.random() < 0.88,
                )
            )
        plan.referrals.sort(key=lambda ref: ref.created)

    def plan_outcomes(self, plan: CasePlan) -> None:
        rng = self.rng
        end = plan.closed if plan.closed is not None else 0
        if plan.group == "entrepreneur":
            if rng.random() < 0.4:
                day = rng.randint(plan.opened, end)
                plan.outcomes.append(
                    Out("other", day, note=rng.choice(texts.ENTREPRENEUR_OUTCOME_NOTES))
                )
            return
        if plan.group == "parent":
            return
        if plan.closed is not None:
            if rng.random() < 0.85:
                kind = rng.choices(
                    (
                        "apprenticeship",
                        "eq",
                        "school",
                        "work",
                        "internship",
                        "unemployed",
                        "unknown",
                        "other",
                    ),
                    (32, 12, 16, 10, 5, 7, 12, 6),
                )[0]
                day = max(plan.opened, plan.closed - rng.randint(0, 20))
                plan.outcomes.append(self.outcome(kind, day))
        elif not plan.short and rng.random() < 0.25:
            kind = rng.choices(("orientation_day", "internship", "eq"), (35, 50, 15))[0]
            plan.outcomes.append(self.outcome(kind, rng.randint(plan.opened, 0)))

    def outcome(self, kind: str, day: int) -> Out:
        rng = self.rng
        if kind not in ("apprenticeship", "eq", "internship", "orientation_day"):
            return Out(kind, day)
        pool = (
            self.migrant_companies
            if self.migrant_companies and rng.random() < 0.7
            else self.companies
        )
        if not pool:
            return Out(kind, day)
        company = rng.choice(pool)
        occupation = ""
        if kind in ("apprenticeship", "eq", "internship"):
            occupation = texts.SECTOR_OCCUPATIONS.get(company.spec.sector, texts.DEFAULT_OCCUPATION)
        return Out(kind, day, company.spec.name, occupation)

    # -- writing

    def write(self) -> None:
        """Turn the plans into rows and write them (ids reserved first, see bulk.py)."""
        office_id = self.office.pk
        day = self.day
        plans = self.plans
        case_ids = iter(reserve_ids(Case, len(plans)))
        first_need: dict[int, CasePlan] = {}
        cases = []
        for plan in plans:
            closed_on = day(plan.closed) if plan.closed is not None else None
            plan.case = Case(
                pk=next(case_ids),
                office_id=office_id,
                person=plan.person.person,
                counsellor=plan.counsellor,
                target_group=plan.group,
                status=CaseStatus.OPEN if closed_on is None else CaseStatus.CLOSED,
                opened_on=day(plan.opened),
                closed_on=closed_on,
                closing_reason=plan.closing_reason,
                short_contact=plan.short,
                notes=plan.notes,
            )
            cases.append(plan.case.__dict__)
            if not plan.short and self.office.esf_enabled:
                known = first_need.get(id(plan.person))
                if known is None or known.opened > plan.opened:
                    first_need[id(plan.person)] = plan

        consultation_ids = iter(reserve_ids(Consultation, sum(len(p.talks) for p in plans)))
        step_ids = iter(reserve_ids(NextStep, sum(len(p.steps) for p in plans)))
        referral_ids = iter(reserve_ids(Referral, sum(len(p.referrals) for p in plans)))
        outcome_ids = iter(reserve_ids(Outcome, sum(len(p.outcomes) for p in plans)))
        shares = sum(1 for p in plans for ref in p.referrals if ref.shares)
        consent_ids = iter(reserve_ids(Consent, shares))
        esf_ids = iter(reserve_ids(EsfRecord, len(first_need)))
        language_ids = self.language_ids
        topic_ids = self.topic_ids
        consultations, topic_rows, steps, referrals, outcomes, consents, esf = (
            [] for _ in range(7)
        )
        consent_of: dict[int, dict] = {}

        for plan in plans:
            case_id = plan.case.pk
            counsellor_id = plan.counsellor.pk
            talks = []
            for talk in plan.talks:
                consultation_id = next(consultation_ids)
                consultations.append(
                    {
                        "id": consultation_id,
                        "office_id": office_id,
                        "case_id": case_id,
                        "about_case_id": talk.about.case.pk if talk.about is not None else None,
                        "date": day(talk.day),
                        "duration_minutes": talk.minutes,
                        "channel": talk.channel,
                        "language_id": language_ids.get(talk.language),
                        "interpreter_present": talk.interpreter,
                        "guide_present": talk.guide,
                        "notes": talk.note,
                        "counsellor_id": counsellor_id,
                    }
                )
                talks.append((talk.day, consultation_id))
                topic_rows.extend(
                    {"consultation_id": consultation_id, "topic_id": topic_ids[name]}
                    for name in talk.topics
                    if name in topic_ids
                )
            for step in plan.steps:
                agreed = None
                for talk_day, consultation_id in talks:
                    if talk_day <= step.due:
                        agreed = consultation_id
                steps.append(
                    {
                        "id": next(step_ids),
                        "office_id": office_id,
                        "case_id": case_id,
                        "consultation_id": agreed,
                        "description": step.description,
                        "due_on": day(step.due),
                        "done_on": day(step.done) if step.done is not None else None,
                        "assigned_to_id": counsellor_id,
                    }
                )
            for ref in plan.referrals:
                consent = None
                if ref.shares:
                    consent = consent_of.get(id(plan.person))
                    if consent is None or consent["given_on"] > day(ref.created):
                        consent = self.consent(plan, day(ref.created)).__dict__
                        consent["id"] = next(consent_ids)
                        consent_of[id(plan.person)] = consent
                        consents.append(consent)
                institution = self.rng.choice(self.institutions_of(ref.institution))
                referrals.append(
                    {
                        "id": next(referral_ids),
                        "office_id": office_id,
                        "case_id": case_id,
                        "institution_id": institution.organisation.pk,
                        "reason": ref.reason,
                        "shares_personal_data": ref.shares,
                        "shared_information": (
                            texts.REFERRAL_TEXTS.get(ref.institution, ("", ""))[1]
                            if ref.shares
                            else ""
                        ),
                        "consent_id": consent["id"] if consent else None,
                        "status": ref.status,
                        "created_on": day(ref.created),
                        "sent_on": day(ref.sent) if ref.sent is not None else None,
                        "follow_up_on": day(ref.follow_up) if ref.follow_up is not None else None,
                        "feedback_on": (
                            day(ref.feedback_day) if ref.feedback_day is not None else None
                        ),
                        "feedback": ref.feedback,
                        "declined_reason": ref.declined_reason,
                        "created_by_id": counsellor_id,
                    }
                )
            for out in plan.outcomes:
                org = self.orgs_by_template.get(out.org) if out.org else None
                outcomes.append(
                    {
                        "id": next(outcome_ids),
                        "office_id": office_id,
                        "case_id": case_id,
                        "kind": out.kind,
                        "date": day(out.day),
                        "organisation_id": org.organisation.pk if org else None,
                        "occupation": out.occupation,
                        "note": out.note,
                    }
                )
            if first_need.get(id(plan.person)) is plan:
                record = self.esf_record(plan)
                record.pk = next(esf_ids)
                esf.append(record.__dict__)

        bulk.insert(Case, cases)
        bulk.insert(Consent, consents)
        bulk.insert(Consultation, consultations)
        bulk.insert(Consultation.topics.through, topic_rows, with_pk=False)
        bulk.insert(NextStep, steps)
        bulk.insert(Referral, referrals)
        bulk.insert(Outcome, outcomes)
        bulk.insert(EsfRecord, esf)
        self.counts.update(
            cases=len(cases),
            consultations=len(consultations),
            consultation_topics=len(topic_rows),
            next_steps=len(steps),
            referrals=len(referrals),
            consents=len(consents),
            outcomes=len(outcomes),
            esf_records=len(esf),
        )

    def consent(self, plan: CasePlan, on: datetime.date) -> Consent:
        """The consent to share data with institutions, recorded before the referral."""
        rng = self.rng
        person = plan.person.person
        given_on = max(
            on - datetime.timedelta(days=rng.choice((0, 0, 0, 1, 7))), plan.case.opened_on
        )
        minor = is_minor(person, given_on) or is_minor(person, self.today)
        guardian = ""
        if minor:
            parents = self.parents_of.get(id(plan.person), [])
            guardian = (
                parents[0].person.full_name if parents else f"Elternteil von {person.given_names}"
            )
        return Consent(
            office=self.office,
            person=person,
            purpose=ConsentPurpose.SHARE_WITH_INSTITUTIONS,
            given_on=given_on,
            form=rng.choices(
                (ConsentForm.WRITTEN, ConsentForm.DIGITAL, ConsentForm.VERBAL), (60, 25, 15)
            )[0],
            given_by=ConsentGivenBy.GUARDIAN if minor else ConsentGivenBy.PERSON,
            guardian_name=guardian,
            recorded_by=plan.counsellor,
        )

    def esf_record(self, plan: CasePlan) -> EsfRecord:
        """The ESF+ questionnaire, complete or with gaps, as of the day of entry."""
        rng = self.rng
        draft = plan.person
        young = plan.group in ("young_person", "young_refugee")
        refugee = plan.group == "young_refugee"
        record = EsfRecord(
            office=self.office,
            person=draft.person,
            first_case=plan.case,
            entry_date=plan.case.opened_on,
        )
        if young:
            record.employment_status = _weighted(
                rng,
                (
                    ("inactive", 55),
                    ("unemployed", 30),
                    ("long_term_unemployed", 5),
                    ("employed", 10),
                ),
            )
            record.school_certificate = _weighted(
                rng,
                (
                    ("none", 10 if not refugee else 15),
                    ("foerderschule", 4),
                    ("hauptschule", 26),
                    ("mittlerer", 26 if not refugee else 10),
                    ("fachhochschulreife", 6),
                    ("abitur", 5),
                    ("foreign", 3 if not refugee else 40),
                ),
            )
            record.vocational_certificate = "none"
        else:
            record.employment_status = (
                "employed"
                if plan.group == "entrepreneur"
                else _weighted(rng, (("employed", 45), ("unemployed", 25), ("inactive", 30)))
            )
            record.school_certificate = _weighted(
                rng, (("hauptschule", 30), ("mittlerer", 25), ("abitur", 15), ("foreign", 30))
            )
            record.vocational_certificate = _weighted(
                rng, (("none", 40), ("apprenticeship", 35), ("master", 10), ("bachelor", 15))
            )
        german = draft.community == "german"
        record.disability = _weighted(rng, (("yes", 4), ("no", 80), ("not_stated", 16)))
        record.third_country_national = (
            "no"
            if german or draft.community == "polish"
            else _weighted(rng, (("yes", 70), ("no", 20), ("not_stated", 10)))
        )
        record.foreign_background = (
            _weighted(rng, (("no", 95), ("yes", 5)))
            if german
            else _weighted(rng, (("yes", 90), ("not_stated", 10)))
        )
        record.minority = _weighted(rng, (("yes", 2), ("no", 75), ("not_stated", 23)))
        record.homeless = _weighted(rng, (("yes", 2), ("no", 88), ("not_stated", 10)))
        record.rural = _weighted(rng, (("yes", 3), ("no", 92), ("not_stated", 5)))
        if plan.esf == "incomplete":
            for name in rng.sample(ENTRY_REQUIRED[1:] + VOLUNTARY_ITEMS, rng.randint(1, 4)):
                setattr(record, name, "")
        record.derive()
        if plan.closed is not None:
            exit_date = plan.case.closed_on
            record.exit_date = exit_date
            if plan.esf_exit == "complete":
                record.exit_employment_status = _weighted(
                    rng, (("employed", 45), ("unemployed", 25), ("inactive", 30))
                )
                record.exit_in_education = _weighted(
                    rng, (("yes", 55), ("no", 40), ("not_stated", 5))
                )
                record.exit_qualification = _weighted(
                    rng, (("yes", 25), ("no", 70), ("not_stated", 5))
                )
                since = (self.today - exit_date).days
                if since > 0:
                    record.immediate_result_on = exit_date + datetime.timedelta(
                        days=min(since, rng.randint(1, DATA_DUE_WITHIN_DAYS))
                    )
                if since > FOLLOW_UP_AFTER_DAYS + 30 and rng.random() < 0.7:
                    record.follow_up_on = exit_date + datetime.timedelta(
                        days=FOLLOW_UP_AFTER_DAYS + rng.randint(0, 30)
                    )
                    record.follow_up_employed = _weighted(
                        rng, (("yes", 50), ("no", 40), ("not_stated", 10))
                    )
        return record
