"""Company acquisition, places, matching profiles and placements of one office.

What an office gets
    Hagen and Osnabrück: the acquisitions of acquisition_texts.py — companies won by
    cold call, outreach visit and recommendation (by an MSO, a company already won or
    a volunteer guide), at every stage, with their calls and visits and the next
    steps still open (the counsellor's worklist shows them); the places these
    companies offer (orientation days, internships, EQ, apprenticeships); matching
    profiles of young people; placements from "suggested" to "started" and one
    cancelled. Generated offices, and generated companies of any office, get up to
    GENERATED_ACQUISITIONS acquisitions from a generic plan.

Through the services
    Acquisitions, activities, stages and placements go through
    lotse.companies.services and lotse.matching.services, with the day each step
    happened, so the stage history (the channel analytics), the place's status and
    the outcome recorded when a placement starts are the services' own. Places and
    matching profiles, whose services take a submitted form, are written directly,
    located like the place service does.

Deterministic
    Its own `random.Random` per office (slug and scale); fixed size per office.
"""

from __future__ import annotations

import datetime
import random
from collections import Counter

from django.utils import translation
from django_scopes import scope

from lotse.accounts.scoping import office_values
from lotse.companies import services as companies
from lotse.companies.models import STAGE_ORDER, Acquisition, Channel, Entitlement, Stage
from lotse.core.models import Postcode
from lotse.matching import services as matching
from lotse.matching.engine import suggestion_for
from lotse.matching.models import MatchingProfile, Occupation, Place, PlaceKind, Placement

from . import acquisition_texts as texts
from .acquisition_texts import AcquisitionSpec, Act, PlaceSpec


def _weighted(rng: random.Random, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


class AcquisitionBuilder:
    """Writes one office's acquisitions, places and placements (after the cases)."""

    def __init__(self, builder, cases, *, staff, guides, today):
        self.builder = builder
        self.office = builder.office
        self.slug = builder.spec.slug
        self.staff = staff  # users: the counsellor first, the lead last
        self.today = today
        self.rng = random.Random(f"lotse-demo-companies/{self.slug}/{builder.scale}")
        self.counts: Counter = Counter()
        # Name templates of places.py; a generated company may repeat a curated template.
        self.by_name: dict[str, object] = {}
        for draft in builder.orgs:
            self.by_name.setdefault(draft.spec.name, draft)
        self.companies = [draft for draft in builder.orgs if draft.spec.kind == "company"]
        self.msos = [draft for draft in builder.orgs if draft.spec.kind == "migrant_org"]
        self.guides = guides  # (PersonDraft, GuideProfile)
        self.occupations = {o.name: o for o in Occupation.objects.filter(active=True)}
        self.places: dict[str, Place] = {}
        self.placement_plan: list = []
        self.won: list = []  # companies offering places or training: they recommend others
        # Young people in counselling who have no outcome yet: candidates for places.
        featured = {id(d) for d in builder.featured.values()}
        self.young = [
            plan.person
            for plan in cases.plans
            if plan.closed is None
            and not plan.short
            and not plan.outcomes
            and plan.group in ("young_person", "young_refugee")
            and id(plan.person) not in featured
        ]

    def day(self, offset: int) -> datetime.date:
        return self.today + datetime.timedelta(days=offset)

    def start_date(self, start) -> datetime.date:
        if start == "august":
            august = datetime.date(self.today.year, 8, 1)
            return august if self.today < august else august.replace(year=august.year + 1)
        return self.day(start)

    def person(self, key: str):
        if key.startswith("young:"):
            index = int(key.partition(":")[2])
            return self.young[index].person if index < len(self.young) else None
        draft = self.builder.featured.get(key)
        return draft.person if draft is not None else None

    def user(self, who: str):
        return self.staff[-1] if who == "lead" else self.staff[0]

    # -- the whole office

    def build(self) -> None:
        curated = texts.ACQUISITIONS.get(self.slug, ())
        with scope(**office_values(self.office)), translation.override("de"):
            done = set()
            for spec in curated:
                draft = self.by_name.get(spec.company)
                if draft is not None:
                    self.acquisition(spec, draft, self.recommender(spec.recommender))
                    done.add(id(draft))
            generated = [d for d in self.companies if id(d) not in done]
            for draft in generated[: texts.GENERATED_ACQUISITIONS]:
                self.acquisition(*self.generic_spec(draft))
            self.placement_plan = (
                list(texts.PLACEMENTS[self.slug])
                if self.slug in texts.PLACEMENTS
                else self.generic_placements()
            )
            self.profiles()
            self.placements()

    # -- acquisitions

    def recommender(self, ref: str) -> dict:
        if ref.startswith("guide:"):
            community = ref.partition(":")[2]
            for draft, _profile in self.guides:
                if draft.community == community:
                    return {"recommended_by_person": draft.person}
            if self.guides:
                return {"recommended_by_person": self.guides[0][0].person}
        elif ref in self.by_name:
            return {"recommended_by_organisation": self.by_name[ref].organisation}
        if self.msos:
            return {"recommended_by_organisation": self.msos[0].organisation}
        return {}

    def acquisition(self, spec: AcquisitionSpec, draft, recommender: dict) -> None:
        company = draft.organisation
        user = self.user(spec.counsellor)
        channel = spec.channel
        if channel != Channel.RECOMMENDATION:
            recommender = {}
        elif not recommender:
            channel = Channel.COLD_CALL  # nobody who could have recommended it
        acquisition = companies.start_acquisition(
            company,
            channel=channel,
            counsellor=user,
            started_on=self.day(spec.started),
            entitlement=spec.entitlement,
            notes=spec.notes,
            **recommender,
        )
        steps = sorted(
            [(act.day, 0, act) for act in spec.activities]
            + [(day, 1, stage) for stage, day in spec.stages],
            key=lambda step: step[:2],
        )
        for day, order, item in steps:
            if order == 0:
                self.activity(acquisition, item, user)
            else:
                acquisition = companies.move_to_stage(acquisition, item, by=user, on=self.day(day))
        for place in spec.places:
            self.places[place.key] = self.place(company, place)
        if spec.status != "active":
            Acquisition.objects.filter(pk=acquisition.pk).update(
                status=spec.status, status_reason=spec.reason
            )
        if STAGE_ORDER[acquisition.stage] >= STAGE_ORDER[Stage.OFFERS_PLACES]:
            self.won.append(company)
        self.counts["acquisitions"] += 1
        self.counts[f"channel_{channel}"] += 1

    def activity(self, acquisition, act: Act, user) -> None:
        companies.log_activity(
            acquisition,
            by=user,
            kind=act.kind,
            date=self.day(act.day),
            outcome=act.outcome,
            next_step=act.next_step,
            next_step_due_on=self.day(act.due) if act.due is not None else None,
            next_step_done_on=self.day(act.done) if act.done is not None else None,
        )
        self.counts["activities"] += 1
        if act.next_step and act.done is None:
            self.counts["open_company_steps"] += 1

    def generic_spec(self, draft) -> tuple[AcquisitionSpec, object, dict]:
        """A plausible pipeline for a company without a written-out story."""
        rng = self.rng
        channel = _weighted(rng, texts.CHANNEL_WEIGHTS)
        recommender = {}
        if channel == Channel.RECOMMENDATION:
            # An MSO, a guide of the owner's community or a company already won.
            won = [company for company in self.won if company != draft.organisation]
            choice = rng.choice([*(d.organisation for d in self.msos), "guide", *won])
            if choice == "guide":
                recommender = self.recommender(f"guide:{draft.spec.community}")
            else:
                recommender = {"recommended_by_organisation": choice}
        furthest = _weighted(rng, texts.STAGE_WEIGHTS)
        started = -rng.randint(20, 480)
        first, last = STAGE_ORDER[Stage.CONTACTED], STAGE_ORDER[furthest]
        reached = [s for s in Stage.values if first < STAGE_ORDER[s] <= last]
        days = sorted(rng.randint(started + 1, -1) for _ in reached)
        stages = tuple(zip(reached, days, strict=True))
        activities = []
        kind, outcome = rng.choice(texts.GENERIC_OUTCOMES[Stage.CONTACTED])
        activities.append(Act(kind, started, outcome))
        for stage, day in stages:
            kind, outcome = rng.choice(texts.GENERIC_OUTCOMES[stage])
            activities.append(Act(kind, day, outcome))
        status, reason = "active", ""
        if furthest in (Stage.CONTACTED, Stage.COUNSELLED):
            roll = rng.random()
            if roll < 0.1:
                status, reason = "lost", "Kein Interesse an Ausbildung."
            elif roll < 0.2:
                status, reason = "paused", "Später wieder ansprechen."
        if status == "active" and rng.random() < 0.5:
            latest = activities[-1]
            activities[-1] = Act(
                latest.kind,
                latest.day,
                latest.outcome,
                rng.choice(texts.GENERIC_NEXT_STEPS),
                max(latest.day, rng.randint(-5, 14)),
            )
        entitled = STAGE_ORDER[furthest] >= STAGE_ORDER[Stage.ENTITLED]
        entitlement = (
            Entitlement.YES
            if entitled
            else rng.choice((Entitlement.UNKNOWN, Entitlement.NO, Entitlement.AEVO_IN_PROGRESS))
        )
        places = ()
        if last >= STAGE_ORDER[Stage.OFFERS_PLACES]:
            places = (
                PlaceSpec(
                    f"generated:{draft.organisation.pk}",
                    PlaceKind.APPRENTICESHIP,
                    texts.SECTOR_OCCUPATION.get(draft.spec.sector, texts.DEFAULT_OCCUPATION),
                    "august",
                    seats=rng.choice((1, 1, 2)),
                    duration="3 Jahre",
                    german=rng.choice(("", "B1", "B2")),
                ),
            )
        spec = AcquisitionSpec(
            draft.spec.name,
            channel,
            started,
            stages=stages,
            entitlement=entitlement,
            status=status,
            reason=reason,
            activities=tuple(activities),
            places=places,
        )
        return spec, draft, recommender

    # -- places

    def place(self, company, spec: PlaceSpec) -> Place:
        occupation = (
            self.occupations.get(spec.occupation) or self.occupations[texts.DEFAULT_OCCUPATION]
        )
        postcode = company.postcode if len(company.postcode or "") == 5 else ""
        postcode = postcode or self.builder.spec.postcodes[0]
        located = Postcode.objects.filter(code=postcode).first()
        place = Place.objects.create(
            office=self.office,
            kind=spec.kind,
            company=company,
            occupation=occupation,
            postcode=postcode,
            town=located.town if located else company.town,
            latitude=located.latitude if located else None,
            longitude=located.longitude if located else None,
            start_date=self.start_date(spec.start),
            duration=spec.duration,
            seats=spec.seats,
            required_school_certificate=spec.school,
            required_german_level=spec.german,
            description=spec.description,
        )
        self.counts["places"] += 1
        return place

    # -- matching

    def profiles(self) -> None:
        """The featured young people's profiles and four more; wishes fit their placements."""
        specs = list(texts.PROFILES.get(self.slug, ()))
        wishes = [p.occupation.name for p in self.places.values()] or [texts.DEFAULT_OCCUPATION]
        placed = {}
        for placement in self.placement_plan:
            if placement.place in self.places:
                placed.setdefault(placement.person, self.places[placement.place].occupation.name)
        for index in range(4):
            key = f"young:{index}"
            own = [placed[key]] if key in placed else []
            specs.append(
                texts.ProfileSpec(
                    key,
                    tuple(dict.fromkeys([*own, self.rng.choice(wishes)])),
                    self.rng.choice(("A2", "B1", "B1", "B2")),
                    self.rng.choice(("none", "hauptschule", "mittlerer", "foreign")),
                    distance=self.rng.choice((15, 20, 25, 30)),
                )
            )
        for spec in specs:
            person = self.person(spec.person)
            if person is None:
                continue
            profile = MatchingProfile.objects.create(
                office=self.office,
                person=person,
                german_level=spec.german,
                school_certificate=spec.school,
                available_from=self.start_date(spec.available),
                max_distance_km=spec.distance,
            )
            profile.wished_occupations.set(
                [self.occupations[name] for name in spec.wishes if name in self.occupations]
            )
            self.counts["profiles"] += 1

    def placements(self) -> None:
        for spec in self.placement_plan:
            person = self.person(spec.person)
            place = self.places.get(spec.place)
            if person is None or place is None:
                continue
            by = self.staff[0]
            place.refresh_from_db()
            placement = matching.suggest(
                person, place, by=by, reasons=suggestion_for(place, person).explanation
            )
            Placement.objects.filter(pk=placement.pk).update(
                status_changed_on=self.day(spec.suggested)
            )
            for status, day in spec.steps:
                placement = matching.change_placement(
                    placement,
                    status=status,
                    by=by,
                    on=self.day(day),
                    cancelled_by=spec.cancelled_by,
                    cancel_reason=spec.cancel_reason,
                )
            self.counts["placements"] += 1

    def generic_placements(self) -> list:
        """Two young people suggested for the first open places, one has applied."""
        keys = [key for key, place in self.places.items() if place.start_date > self.today]
        return [
            texts.PlacementSpec(
                f"young:{index}",
                key,
                -self.rng.randint(5, 30),
                ((("applied", -self.rng.randint(1, 4)),) if index == 0 else ()),
            )
            for index, key in enumerate(keys[:2])
        ]
