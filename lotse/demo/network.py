"""Events and the volunteer guides network of one office (see services.seed_demo).

What an office gets
    Hagen and Osnabrück: guide profiles for the people of their migrant
    organisations who volunteer as guides (8–10; in Hagen with Hamid Noori, the
    person behind the demo login `lotse.hagen`), two training series of four required
    modules (last year's: the experienced guides qualified; this year's: some
    qualified, some halfway), two network meetings (one held, with attendance; one
    ahead, with invitations), the events of network_texts.py — past ones with
    attendance, walk-ins and people the office knows, coming ones with open
    registration, one of them full with a waiting list, one with its texts in Arabic
    and Turkish — and 24–36 inquiries the guides logged over the last six months, a
    few with a follow-up for the office. Generated offices (benchmarks) get guide
    profiles and inquiries only: registrations through the services cost a few
    milliseconds each, and the events benchmark makes its own events.

Through the services
    Everything goes through lotse.events.services and lotse.guides.services, in the
    office's scope, as a counsellor would do it: seats, the waiting list, moving up
    after a cancellation, invitations and the qualification of a guide after her
    last module are the services' own results. Afterwards only the times the
    services take from the clock are set to when it happened (registered, checked
    in), and e-mail addresses are added to registrations, so that no confirmation
    mail is queued for invented guests.

Deterministic
    Drawn from its own `random.Random` per office (slug and scale), after people,
    organisations and cases. The size does not grow with --scale: an office has
    one programme of events, whatever the number of its people.
"""

from __future__ import annotations

import datetime
import random
from collections import Counter
from contextlib import contextmanager

from django.utils import timezone
from django_scopes import scope

from lotse.accounts.scoping import office_values
from lotse.core.names import folded
from lotse.events import services as events
from lotse.events.models import (
    NETWORK_KINDS,
    Audience,
    Event,
    EventKind,
    Registration,
    RegistrationSource,
    RegistrationStatus,
)
from lotse.guides import services as guides
from lotse.guides.models import GuideProfile, Inquiry, ReferredTo, TrainingSeries
from lotse.organisations.models import Affiliation
from lotse.people.models import Person

from . import names as data_names
from . import network_texts as texts
from .names import COMMUNITIES

MAX_GUIDES = 10
MIN_GUIDES = 8  # Hagen and Osnabrück: parents of MSOs are recruited up to this many
MAX_GUIDES_GENERATED = 6
# Communities whose languages the guides network should cover, in this order.
WANTED_COMMUNITIES = ("syrian", "eritrean", "afghan", "turkish", "kurdish", "russian", "ukrainian")
INQUIRIES = (24, 36)
INQUIRY_DAYS = 180
# Attendance of this year's series: number of the four modules each guide attended, in
# the order of the guides (the demo guide first): 4 = qualified, 2 = halfway.
ATTENDANCE_PATTERN = (4, 4, 2, 3, 4, 2, 1, 4, 2)
CURRENT_SERIES_DAYS = (-300, -279, -258, -237)
EARLIER_SERIES_DAYS = tuple(day - 364 for day in CURRENT_SERIES_DAYS)
MEETING_DAYS = (-160, 25)


def _weighted(rng: random.Random, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


class NetworkBuilder:
    """Writes one office's events and guides network (after OfficeBuilder and CaseBuilder)."""

    def __init__(self, builder, *, staff, guide_user, topic_ids, language_ids, today):
        self.builder = builder
        self.office = builder.office
        self.slug = builder.spec.slug
        self.staff = staff  # users: the counsellor first
        self.guide_user = guide_user
        self.topic_ids = topic_ids
        self.language_ids = language_ids
        self.today = today
        self.rng = random.Random(f"lotse-demo-network/{self.slug}/{builder.scale}")
        self.counts: Counter = Counter()
        self.title = texts.GUIDE_TITLE.get(self.slug, texts.DEFAULT_GUIDE_TITLE)
        # Hagen and Osnabrück; generated offices (benchmarks) get guides and inquiries only.
        self.curated = self.slug in texts.EVENTS
        self.now = timezone.now()
        orgs = builder.orgs
        # Name templates of places.py (the curated organisation first: a generated company
        # may repeat a template) and the organisations' names.
        self.by_name: dict[str, object] = {}
        for draft in orgs:
            self.by_name.setdefault(draft.spec.name, draft.organisation)
        for draft in orgs:
            self.by_name.setdefault(draft.organisation.name, draft.organisation)
        self.msos = [d for d in orgs if d.spec.kind == "migrant_org"]
        self.providers = [d.organisation for d in orgs if d.spec.kind == "provider"]
        self.institutions: dict[str, list] = {}
        for draft in orgs:
            if draft.spec.kind == "institution":
                self.institutions.setdefault(draft.spec.institution_type, []).append(
                    draft.organisation
                )
        self.mso_of: dict[int, object] = {}
        for person, org, _role, _note in builder.affiliations:
            if org.spec.kind == "migrant_org":
                self.mso_of.setdefault(id(person), org.organisation)
        self.guides: list[tuple[object, GuideProfile]] = []  # (PersonDraft, profile)
        self.public_events: list[Event] = []

    # -- helpers

    def day(self, offset: int) -> datetime.date:
        return self.today + datetime.timedelta(days=offset)

    def at(self, offset: int, clock: str) -> datetime.datetime:
        hour, minute = (int(part) for part in clock.split(":"))
        moment = datetime.datetime.combine(self.day(offset), datetime.time(hour, minute))
        return timezone.make_aware(moment)

    def org(self, ref: str):
        """An organisation by name template, or "provider": the office's own provider."""
        if ref == "provider":
            return self.providers[0] if self.providers else None
        for name in (ref, ref.replace("{town}", self.builder.spec.town)):
            if name in self.by_name:
                return self.by_name[name]
        return None

    def institution(self, kind: str):
        pool = self.institutions.get(kind) or self.institutions.get("employment_agency") or []
        return pool[0] if pool else None

    def staff_user(self):
        return self.staff[0] if self.rng.random() < 0.75 else self.staff[-1]

    def mobile(self) -> str:
        prefix = self.rng.choice(("0151", "0157", "0160", "0170", "0176", "0178"))
        return f"{prefix} {self.rng.randint(1000000, 99999999)}"

    def stranger(self, communities: list[str]) -> tuple[str, str, str]:
        """(name, community, e-mail) of a guest the office does not know."""
        rng = self.rng
        if communities:
            key = rng.choice(communities)
        else:
            mix = data_names.MIX.get(self.slug, data_names.DEFAULT_MIX)
            key = rng.choices(list(mix), list(mix.values()))[0]
            if rng.random() < 0.15:
                key = "german"
        community = COMMUNITIES[key]
        given = rng.choice(rng.choice((community.female, community.male))).spellings[0]
        family = rng.choice(community.family).spellings[0]
        name = f"{given} {family}"
        email = f"{folded(given)}.{folded(family)}@example.org".replace(" ", "-")
        return name, key, email

    def language_for(self, community: str, event_languages) -> str:
        code = texts.COMMUNITY_LANGUAGE.get(community, "de")
        if code != "de" and (code in event_languages or self.rng.random() < 0.5):
            return code
        return "de"

    def pool(self, spec) -> tuple[list, list[str]]:
        """Known people who might come to an event of SPEC, and the guests' communities."""
        kind, _, communities = spec.pool.partition(":")
        wanted = [c for c in communities.split(",") if c]
        people = self.builder.people
        if kind == "young":
            drafts = [d for d in people if d.person.is_young_person]
        elif kind == "parents":
            drafts = [d for d in people if d.person.is_parent]
        elif kind == "entrepreneurs":
            drafts = [d for d in people if d.person.is_entrepreneur]
        else:
            drafts = [d for d in people if d.person.is_young_person or d.person.is_parent]
        if wanted:
            drafts = [d for d in drafts if d.community in wanted] or drafts
        self.rng.shuffle(drafts)
        return drafts, wanted

    # -- the whole office

    def build(self) -> None:
        with scope(**office_values(self.office)):
            self.build_guides()
            if self.curated:
                for spec in texts.EVENTS[self.slug]:
                    self.build_event(spec)
                self.build_training()
                self.build_meetings()
            self.build_inquiries()

    # -- events

    def create_event(self, spec, venue) -> Event:
        starts = self.at(spec.day, spec.time)
        event = Event.objects.create(
            office=self.office,
            kind=spec.kind,
            title=spec.title.format(venue=venue.name if venue else "", year=starts.year),
            description=spec.description,
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=spec.hours),
            venue_organisation=venue,
            venue=spec.place,
            capacity=spec.capacity,
            audiences=list(spec.audiences),
            is_public=spec.kind not in NETWORK_KINDS,
            registration_open=True,
            created_by=self.staff[0],
        )
        partners = [self.org(ref) for ref in spec.partners]
        event.partners.set(dict.fromkeys(p for p in partners if p is not None))
        event.languages.set(
            [self.language_ids[c] for c in dict.fromkeys(spec.languages) if c in self.language_ids]
        )
        for language, text_title, description in spec.texts:
            events.save_event_text(
                event, language=language, title=text_title, description=description
            )
        self.counts["events"] += 1
        self.counts["upcoming_events" if spec.day >= 0 else "past_events"] += 1
        if event.is_public:
            self.public_events.append(event)
        return event

    def build_event(self, spec) -> None:
        event = self.create_event(spec, self.org(spec.venue))
        past = spec.day < 0
        drafts, communities = self.pool(spec)
        emails: dict[int, str] = {}
        registrations = []
        walk_ins: set[int] = set()
        with self._still_ahead(event, past):
            for _ in range(spec.guests):
                registrations.append(self.register(event, spec, drafts, communities, emails))
        if past:
            Event.objects.filter(pk=event.pk).update(registration_open=False)
            walk_ins = self.attendance(event, spec, registrations, drafts, communities)
        else:
            confirmed = [r for r in registrations if r.status == RegistrationStatus.CONFIRMED]
            for registration in confirmed[2 : 2 + spec.cancelled]:
                events.cancel(registration, by_guest=True)
        self.set_times(event, emails, walk_ins)

    @contextmanager
    def _still_ahead(self, event: Event, past: bool):
        """A past event's guests registered before it; meanwhile the event lies ahead.

        The service rightly refuses a public registration for an event that has
        started, so a past event is moved a month ahead while its guests register.
        """
        if not past:
            yield
            return
        real = (event.starts_at, event.ends_at)
        ahead = self.now + datetime.timedelta(days=30)
        Event.objects.filter(pk=event.pk).update(starts_at=ahead, ends_at=None)
        try:
            yield
        finally:
            Event.objects.filter(pk=event.pk).update(starts_at=real[0], ends_at=real[1])

    def register(self, event, spec, drafts, communities, emails) -> Registration:
        rng = self.rng
        person = None
        if drafts and rng.random() < spec.known_share:
            draft = drafts.pop()
            person = draft.person
            name, community, email = person.full_name, draft.community, person.email
            phone = person.phone
        else:
            name, community, email = self.stranger(communities)
            phone = self.mobile() if rng.random() < 0.5 else ""
        public = rng.random() < 0.7
        registration = events.register(
            event,
            name=name,
            phone=phone,
            companions=rng.choice(spec.companions),
            language=self.language_for(community, spec.languages),
            consent_contact=rng.random() < 0.6,
            consent_photos=rng.random() < 0.4,
            person=person,
            source=RegistrationSource.PUBLIC if public else RegistrationSource.STAFF,
        )
        if email and (person is not None or (public and rng.random() < 0.6)):
            emails[registration.pk] = email
        self.counts["registrations"] += 1
        return registration

    def attendance(self, event, spec, registrations, drafts, communities) -> set[int]:
        """Check-ins of the registered guests and the walk-ins; returns the walk-ins' ids."""
        rng = self.rng
        walk_ins = set()
        for registration in registrations:
            chance = 0.85 if registration.status == RegistrationStatus.CONFIRMED else 0.25
            if rng.random() < chance:
                events.check_in(registration, user=self.staff_user())
                self.counts["attended"] += 1
        for _ in range(spec.walk_ins):
            person = None
            if drafts and rng.random() < 0.3:
                person = drafts.pop().person
                name = person.full_name
            else:
                name = self.stranger(communities)[0]
            registration = events.add_walk_in(
                event,
                name=name,
                person=person,
                companions=rng.choice(spec.companions),
                user=self.staff_user(),
            )
            walk_ins.add(registration.pk)
            self.counts["registrations"] += 1
            self.counts["walk_ins"] += 1
            self.counts["attended"] += 1
        return walk_ins

    def set_times(self, event: Event, emails: dict[int, str], walk_ins=frozenset()) -> None:
        """When people registered and came, instead of the moment of seeding; e-mail addresses.

        Registrations keep their order (the waiting list's order).
        """
        rng = self.rng
        event = Event.objects.get(pk=event.pk)
        rows = list(event.registrations.order_by("pk"))
        first = event.starts_at - datetime.timedelta(days=rng.randint(21, 35))
        first = min(first, self.now - datetime.timedelta(days=20))
        last = min(event.starts_at, self.now) - datetime.timedelta(hours=2)
        span = max((last - first).total_seconds(), 0)
        ahead = [r for r in rows if r.pk not in walk_ins]
        for index, registration in enumerate(ahead):
            share = (index + rng.random() * 0.5) / max(len(ahead), 1)
            registration.registered_at = first + datetime.timedelta(seconds=span * share)
        for registration in rows:
            if registration.pk in walk_ins:
                registration.registered_at = event.starts_at + datetime.timedelta(
                    minutes=rng.randint(0, 40)
                )
            if registration.attended:
                registration.checked_in_at = max(
                    registration.registered_at,
                    event.starts_at + datetime.timedelta(minutes=rng.randint(-20, 15)),
                )
            registration.email = emails.get(registration.pk, registration.email)
        Registration.objects.bulk_update(rows, ["registered_at", "checked_in_at", "email"])

    # -- guides

    def build_guides(self) -> None:
        featured = self.builder.featured
        demo = featured.get("hamid")
        first = [d for d in featured.values() if d.person.is_guide]
        if demo is not None:
            first.remove(demo)
            first.insert(0, demo)
        others = [d for d in self.builder.people if d.person.is_guide and d not in first]
        drafts = [*first, *others][: MAX_GUIDES if self.curated else MAX_GUIDES_GENERATED]
        if self.curated:
            drafts += self.recruit(drafts, MIN_GUIDES - len(drafts))
        districts = texts.DISTRICTS.get(self.slug, texts.DEFAULT_DISTRICTS)
        rng = self.rng
        for index, draft in enumerate(drafts):
            codes = [*draft.languages, "de"]
            if "prs" in codes:
                codes.append("fa")  # Dari speakers read and speak Farsi too
            # One guide pauses (the last of a long list): she is not invited any more.
            pauses = index == len(drafts) - 1 and len(drafts) >= 6
            profile = GuideProfile.objects.create(
                office=self.office,
                person=draft.person,
                user=self.guide_user if draft is demo else None,
                organisation=self.mso_of.get(id(draft)),
                communities=texts.COMMUNITY_LABELS.get(draft.community, ""),
                districts=", ".join(rng.sample(districts, 2)),
                availability=rng.choice(texts.AVAILABILITY),
                active=not pauses,
                notes="Pausiert zurzeit (Elternzeit)." if pauses else "",
            )
            profile.languages.set(
                [self.language_ids[c] for c in dict.fromkeys(codes) if c in self.language_ids]
            )
            self.guides.append((draft, profile))
        self.counts["guides"] = len(self.guides)

    def recruit(self, guides: list, count: int) -> list:
        """Parents of the MSOs' communities who joined the network, missing languages first.

        Like the guide service, this marks the person as a guide; the MSO membership
        is recorded as the generator records it for its guides.
        """
        covered = {draft.community for draft in guides}
        parents = [d for d in self.builder.people if d.person.is_parent and not d.roles]
        recruits = []
        order = sorted(WANTED_COMMUNITIES, key=lambda key: key in covered)
        for community in order:
            if len(recruits) >= count:
                break
            msos = [d.organisation for d in self.msos if d.spec.community == community]
            candidate = next((d for d in parents if d.community == community), None)
            if not msos or candidate is None:
                continue
            parents.remove(candidate)
            candidate.roles.add("guide")
            candidate.person.is_guide = True
            self.mso_of[id(candidate)] = msos[0]
            Affiliation.objects.create(
                office=self.office,
                person=candidate.person,
                organisation=msos[0],
                role="mso_member",
                note="Elternlotse·in",
            )
            recruits.append(candidate)
        Person.objects.filter(pk__in=[d.person.pk for d in recruits]).update(is_guide=True)
        return recruits

    def build_training(self) -> None:
        """Last year's series (the experienced guides) and this year's."""
        if not self.guides:
            return
        featured = set(map(id, self.builder.featured.values()))
        demo = self.builder.featured.get("hamid")
        veterans = [
            (draft, profile)
            for draft, profile in self.guides
            if id(draft) in featured and draft is not demo
        ]
        rest = [pair for pair in self.guides if pair not in veterans]
        if len(veterans) < 2 and len(rest) > 3:
            veterans.append(rest.pop())
        self.series(EARLIER_SERIES_DAYS, veterans, {id(draft): 4 for draft, _ in veterans})
        attendance = {
            id(draft): ATTENDANCE_PATTERN[i % len(ATTENDANCE_PATTERN)]
            for i, (draft, _) in enumerate(rest)
        }
        self.series(CURRENT_SERIES_DAYS, rest, attendance)
        self.counts["qualified"] = GuideProfile.objects.filter(qualified_on__isnull=False).count()

    def series(self, days, participants, attendance) -> None:
        if not participants:
            return
        year = self.day(days[0]).year
        series = TrainingSeries.objects.create(
            office=self.office,
            name=f"{self.title} {year}",
            description=texts.SERIES_DESCRIPTION,
            starts_on=self.day(days[0]),
        )
        venue = self.providers[0] if self.providers else None
        attends = {
            id(draft): set(self.rng.sample(range(len(days)), attendance[id(draft)]))
            for draft, _ in participants
        }
        # All modules are planned before the first one takes place: the series is
        # complete for a guide once she attended every module of it.
        modules = []
        for day, (title, description) in zip(days, texts.MODULES, strict=True):
            spec = texts.EventSpec(
                EventKind.TRAINING_MODULE,
                day,
                "10:00",
                4,
                title,
                description,
                audiences=(Audience.GUIDES,),
            )
            event = self.create_event(spec, venue)
            guides.add_module(series, event, required=True)
            modules.append(event)
        for number, event in enumerate(modules):
            for draft, _profile in participants:
                registration = events.register(
                    event,
                    name=draft.person.full_name,
                    phone=draft.person.phone,
                    person=draft.person,
                    source=RegistrationSource.INVITATION,
                    status=RegistrationStatus.CONFIRMED,
                )
                self.counts["registrations"] += 1
                if number in attends[id(draft)]:
                    # The last required module qualifies the guide (guides.attendance_recorded).
                    events.check_in(registration, user=self.staff[0])
                    self.counts["attended"] += 1
            Event.objects.filter(pk=event.pk).update(registration_open=False)
            self.set_times(event, {})
        self.counts["series"] += 1

    def build_meetings(self) -> None:
        rng = self.rng
        venue = self.providers[0] if self.providers else None
        for day in MEETING_DAYS:
            when = self.day(day)
            half = 1 if when.month <= 6 else 2
            spec = texts.EventSpec(
                EventKind.NETWORK_MEETING,
                day,
                "17:30",
                2.5,
                f"Netzwerktreffen der {self.title}, {half}. Halbjahr {when.year}",
                texts.MEETING_DESCRIPTION,
                audiences=(Audience.GUIDES,),
                languages=("de",),
            )
            event = self.create_event(spec, venue)
            self.counts["registrations"] += guides.invite_active_guides(event)
            invited = list(event.registrations.filter(status=RegistrationStatus.INVITED))
            for registration in invited:
                if rng.random() < (0.8 if day < 0 else 0.45):
                    registration = events.confirm_invitation(registration)
                    if day < 0 and rng.random() < 0.85:
                        events.check_in(registration, user=self.staff[0])
                        self.counts["attended"] += 1
            if day < 0:
                Event.objects.filter(pk=event.pk).update(registration_open=False)
            self.set_times(event, {})

    # -- inquiries

    def build_inquiries(self) -> None:
        rng = self.rng
        active = [(d, p) for d, p in self.guides if p.active]
        if not active:
            return
        qualified = set(
            GuideProfile.objects.filter(qualified_on__isnull=False).values_list("pk", flat=True)
        )
        # The demo guide logs most (the demo login's own list), qualified guides more than others.
        weights = [3 if p.user_id else 2 if p.pk in qualified else 1 for _d, p in active]
        languages = {
            p.pk: [c for c in d.languages if c not in ("de", "en") and c in self.language_ids]
            for d, p in active
        }
        count = rng.randint(*INQUIRIES)
        days = sorted((-rng.randint(1, INQUIRY_DAYS) for _ in range(count)), reverse=True)
        rows = []
        communities = []
        for day in days:
            draft, guide = rng.choices(active, weights)[0]
            communities.append(draft.community)
            topic = _weighted(rng, texts.INQUIRY_TOPICS)
            own = languages[guide.pk]
            code = rng.choice(own) if own and rng.random() < 0.8 else "de"
            referred = _weighted(rng, texts.INQUIRY_REFERRALS)
            institution = event = None
            if referred == ReferredTo.EVENT:
                date = self.day(day)
                ahead = [
                    e
                    for e in self.public_events
                    if 0 <= (timezone.localdate(e.starts_at) - date).days <= 60
                ]
                if ahead:
                    event = rng.choice(ahead)
                else:
                    referred = ReferredTo.SERVICE_POINT
            if referred == ReferredTo.INSTITUTION:
                institution = self.institution(texts.INQUIRY_INSTITUTIONS[topic])
                if institution is None:
                    referred = ReferredTo.SERVICE_POINT
            rows.append(
                Inquiry(
                    office=self.office,
                    guide=guide,
                    date=self.day(day),
                    language_id=self.language_ids.get(code) if rng.random() < 0.95 else None,
                    topic_id=self.topic_ids.get(topic),
                    community=guide.communities,
                    referred_to=referred,
                    institution=institution,
                    event=event,
                    note=rng.choice(texts.INQUIRY_NOTES[topic]),
                )
            )
        self.follow_ups(rows, communities)
        Inquiry.objects.bulk_create(rows)
        self.counts["inquiries"] += len(rows)

    def follow_ups(self, rows: list[Inquiry], communities: list[str]) -> None:
        """Three recent inquiries await the office's call; two older ones were followed up."""
        rng = self.rng
        recent = rows[:3]
        older = [row for row in rows[3:] if (self.today - row.date).days > 30][:2]
        for row in (*recent, *older):
            community = communities[rows.index(row)]
            name = self.stranger([community])[0]
            row.follow_up_wanted = True
            row.contact_consent = True
            row.contact_name = name
            row.contact_phone = self.mobile()
            row.referred_to = ReferredTo.SERVICE_POINT
            row.institution = row.event = None
            if row in older:
                row.follow_up_done_at = self.at(
                    (row.date - self.today).days + rng.randint(1, 4), "10:30"
                )
                row.follow_up_by = self.staff[0]
            else:
                self.counts["follow_ups_open"] += 1
