"""Demo and benchmark data: `lotse seed-demo`.

What it does
    Fills the two KAUSA service points of the seeds (Hagen, Osnabrück) — and for
    benchmarks further generated offices in real German towns — with
    organisations (institutions, schools, migrant organisations, providers,
    companies, many of them migrant-led) and people (young people, parents,
    entrepreneurs, volunteer guides, contact persons) with names from the
    communities these offices serve, parent–child links and roles at
    organisations. It creates the demo logins (password `lotse-demo`).

Deterministic
    Every office draws from its own `random.Random` seeded with its slug and the
    scale, and no set or dict order of strings is involved: the same command
    yields the same records (ids and timestamps aside) on every run.

Idempotent: a reset, not an append
    The demo offices are the offices with the slugs `hagen`, `osnabrueck` and
    those of the generated towns (see `office_specs`). Each run deletes every
    record that belongs to one of them (all office-scoped models, whatever app
    they come from), deletes generated offices that this run does not ask for,
    and creates the records anew; other offices are not touched. The demo users
    are created or reset (names, password, memberships; lockouts cleared).
    Running it twice therefore gives exactly the same data, and changes made
    while trying the demo are undone. Do not point it at a database whose real
    offices use these slugs.

Events, guides, companies
    Hagen and Osnabrück get the events of their seed descriptions and the volunteer
    guides network (see network.py), every office the company acquisition with
    places, matching profiles and placements (see acquisitions.py) and its guides'
    inquiries. These are written through the apps' services in the office's scope,
    so seats, waiting lists, qualifications, stage histories and place statuses are
    the services' own. Their size is fixed per office, not scaled: service calls
    cost milliseconds each. The services e-mail guests and queue reminders after
    the commit: while seeding, mail stays in memory and no task is queued
    (`_no_mail_or_tasks`); registrations get their invented addresses only after
    registering, so only the guides' invitations are written (to memory).

Counselling
    Cases, consultations, next steps, referrals with consents, outcomes and ESF+
    records (see counselling.py and, for the Hagen demo people, stories.py), with
    dates relative to the day of seeding so the worklist is alive. The counsellors
    are the demo counsellor and lead of Hagen and Osnabrück and, in each generated
    office, a generated counsellor `beratung.<office slug>` (same password).

Fast at scale
    Records are built in memory per office and written with plain multi-row
    INSERTs and reserved ids (see bulk.py; search keys computed beforehand,
    languages through the M2M through models), all in one transaction, with
    office scoping disabled and without change history (`disable_auditlog`; plain
    INSERTs send no signals anyway); then ANALYZE, so that the query planner
    knows the new sizes.
    Sizes: PEOPLE_PER_OFFICE × scale people and ORGANISATIONS_PER_OFFICE × scale
    organisations per office (at least the curated organisations), so
    `--offices 40 --scale 50` gives 200,000 people and 20,000 organisations, and
    about 110,000 cases with 1,000,000 consultations. Removing the old records also
    goes without signals where it safely can (see `_clear`).
"""

from __future__ import annotations

import datetime
import time
from collections import Counter
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field

from auditlog.context import disable_auditlog
from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.db.models import ProtectedError, RestrictedError
from django.test.utils import override_settings
from django_scopes import scopes_disabled

from lotse.accounts.models import Membership, Office, Role, User
from lotse.accounts.scoping import NetworkScopedModel, OfficeScopedModel
from lotse.cases.models import Topic
from lotse.core.models import Language
from lotse.core.names import folded
from lotse.organisations.models import Affiliation, Organisation
from lotse.people.models import ParentChild, Person

from . import bulk, counselling_texts
from .acquisitions import AcquisitionBuilder
from .bulk import reserve_ids
from .counselling import CaseBuilder
from .generator import ORGANISATIONS_PER_OFFICE, PEOPLE_PER_OFFICE, OfficeBuilder
from .network import NetworkBuilder
from .places import CURATED_ORGS, DEMO_OFFICE_SLUGS, MAX_OFFICES, office_specs

__all__ = [
    "DEMO_ACCOUNTS",
    "DEMO_PASSWORD",
    "MAX_OFFICES",
    "ORGANISATIONS_PER_OFFICE",
    "PEOPLE_PER_OFFICE",
    "SeedError",
    "login_table",
    "seed_demo",
]

DEMO_PASSWORD = "lotse-demo"
DEMO_URL = "http://127.0.0.1:8000"


class SeedError(Exception):
    pass


# --------------------------------------------------------------------------- accounts


@dataclass(frozen=True)
class DemoAccount:
    username: str
    first_name: str
    last_name: str
    role: str
    offices: tuple[str, ...]  # office slugs; ("*",) = every seeded office
    superuser: bool = False

    @property
    def email(self) -> str:
        return f"{folded(self.first_name)}.{folded(self.last_name)}@example.org".replace(" ", "-")


DEMO_ACCOUNTS = (
    DemoAccount("beratung.hagen", "Selin", "Arslan", Role.COUNSELLOR, ("hagen",)),
    DemoAccount("leitung.hagen", "Simone", "Brandt", Role.LEAD, ("hagen",)),
    DemoAccount("lotse.hagen", "Hamid", "Noori", Role.GUIDE, ("hagen",)),
    DemoAccount("beratung.osnabrueck", "Jana", "Wessels", Role.COUNSELLOR, ("osnabrueck",)),
    DemoAccount("leitung.osnabrueck", "Dragana", "Petrović", Role.LEAD, ("osnabrueck",)),
    DemoAccount("programm", "Markus", "Lindner", Role.PROGRAMME, ("*",)),
    DemoAccount("admin", "Andrea", "Vogt", Role.ADMIN, ("*",), superuser=True),
)
# Who counsels in Hagen and Osnabrück: (user name, share of the cases).
OFFICE_COUNSELLORS = {
    "hagen": (("beratung.hagen", 0.75), ("leitung.hagen", 0.25)),
    "osnabrueck": (("beratung.osnabrueck", 0.75), ("leitung.osnabrueck", 0.25)),
}


def generated_counsellor(slug: str) -> DemoAccount:
    """The counsellor of a generated office (offices without curated demo logins)."""
    index = DEMO_OFFICE_SLUGS.index(slug)
    given = counselling_texts.COUNSELLOR_GIVEN
    family = counselling_texts.COUNSELLOR_FAMILY
    return DemoAccount(
        f"beratung.{slug}",
        given[index % len(given)],
        family[(index * 7) % len(family)],
        Role.COUNSELLOR,
        (slug,),
    )


def _generated_usernames(slugs) -> list[str]:
    return [f"beratung.{slug}" for slug in slugs if slug not in CURATED_ORGS]


# --------------------------------------------------------------------------- writing


def _write(builder: OfficeBuilder, language_ids: dict[str, int]) -> None:
    """Write the office's organisations, people, links and roles (see bulk.py)."""
    orgs = [draft.organisation for draft in builder.orgs]
    for org, pk in zip(orgs, reserve_ids(Organisation, len(orgs)), strict=True):
        org.pk = pk
    bulk.insert(Organisation, (org.__dict__ for org in orgs))
    people = [draft.person for draft in builder.people]
    for person, pk in zip(people, reserve_ids(Person, len(people)), strict=True):
        person.pk = pk
        person.refresh_search_keys()
    bulk.insert(Person, (person.__dict__ for person in people))

    office_id = builder.office.pk
    bulk.insert(
        Person.languages.through,
        (
            {"person_id": draft.person.pk, "language_id": language_ids[code]}
            for draft in builder.people
            for code in dict.fromkeys(draft.languages)
            if code in language_ids
        ),
        with_pk=False,
    )
    bulk.insert(
        Organisation.languages.through,
        (
            {"organisation_id": draft.organisation.pk, "language_id": language_ids[code]}
            for draft in builder.orgs
            for code in dict.fromkeys(builder.org_languages(draft))
            if code in language_ids
        ),
        with_pk=False,
    )
    bulk.insert(
        ParentChild,
        (
            {"office_id": office_id, "parent_id": parent.person.pk, "child_id": child.person.pk}
            for parent, child in dict.fromkeys(builder.links)
        ),
        with_pk=False,
    )
    seen = set()
    affiliations = []
    for person, org, role, note in builder.affiliations:
        key = (person.person.pk, org.organisation.pk, role)
        if key in seen:
            continue
        seen.add(key)
        affiliations.append(
            {
                "office_id": office_id,
                "person_id": person.person.pk,
                "organisation_id": org.organisation.pk,
                "role": role,
                "note": note,
            }
        )
    bulk.insert(Affiliation, affiliations, with_pk=False)


def _incoming(model) -> list:
    """The foreign keys pointing at MODEL (as reverse relations), M2M rows included."""
    return [
        field
        for field in model._meta.get_fields(include_hidden=True)
        if field.auto_created and not field.concrete and (field.one_to_many or field.one_to_one)
    ]


def _fast_deletable(model, scoped: set) -> bool:
    """Whether every row pointing at MODEL belongs to a model that is cleared too."""
    return all(
        relation.related_model in scoped or relation.related_model._meta.auto_created
        for relation in _incoming(model)
    )


def _clear(office_ids: list[int]) -> None:
    """Delete every office-scoped record of these offices, from whichever app.

    M2M rows first; then every scoped model that only scoped models point at is
    deleted with one plain DELETE (no signals, no objects loaded: the foreign keys
    are checked at the end of the transaction, when all of them are gone). The
    others go through Django's collector and are retried until none is left, so
    that records protected by another model's foreign key go once that model's
    records are gone.
    """
    if not office_ids:
        return
    scoped = [
        model
        for model in apps.get_models()
        if issubclass(model, OfficeScopedModel | NetworkScopedModel) and not model._meta.proxy
    ]
    scoped_set = set(scoped)
    # M2M rows of scoped models, from either end.
    for model in scoped:
        for relation in _incoming(model):
            through = relation.related_model
            if through._meta.auto_created:
                rows = through._base_manager.filter(
                    **{f"{relation.field.name}__office_id__in": office_ids}
                )
                rows._raw_delete(rows.db)
    pending = []
    for model in scoped:
        if _fast_deletable(model, scoped_set):
            queryset = model._base_manager.filter(office_id__in=office_ids)
            queryset._raw_delete(queryset.db)
        else:
            pending.append(model)
    pending.sort(key=lambda m: m not in (ParentChild, Affiliation))
    while pending:
        remaining = []
        for model in pending:
            try:
                with transaction.atomic():
                    model._base_manager.filter(office_id__in=office_ids).delete()
            except (ProtectedError, RestrictedError):
                remaining.append(model)
        if len(remaining) == len(pending):
            names = ", ".join(m._meta.label for m in remaining)
            raise SeedError(f"Cannot delete the demo offices' records of: {names}")
        pending = remaining


def _accounts(offices: dict[str, Office]) -> list[tuple[tuple[DemoAccount, list[Office]], User]]:
    from axes.utils import reset as reset_lockouts

    result = []
    # One hash for all: the demo password is public anyway, and Argon2 takes ~0.4 s a hash.
    password_hash = make_password(DEMO_PASSWORD)
    generated = [generated_counsellor(slug) for slug in offices if slug not in CURATED_ORGS]
    for account in (*DEMO_ACCOUNTS, *generated):
        targets = (
            list(offices.values())
            if account.offices == ("*",)
            else [offices[slug] for slug in account.offices if slug in offices]
        )
        user, _ = User.objects.get_or_create(username=account.username)
        user.first_name = account.first_name
        user.last_name = account.last_name
        user.email = account.email
        user.is_active = True
        user.is_staff = account.superuser
        user.is_superuser = account.superuser
        user.password = password_hash
        user.save()
        for office in targets:
            Membership.objects.update_or_create(
                user=user, office=office, defaults={"role": account.role}
            )
        Membership.objects.filter(user=user).exclude(office__in=targets).delete()
        reset_lockouts(username=account.username)
        result.append(((account, targets), user))
    return result


@dataclass
class SeedSummary:
    offices: int
    people: int
    organisations: int
    links: int
    affiliations: int
    seconds: float
    accounts: list[tuple[DemoAccount, list[Office]]]
    counselling: Counter = field(default_factory=Counter)
    network: Counter = field(default_factory=Counter)
    companies: Counter = field(default_factory=Counter)


def _counsellors(slug: str, users: dict[str, User]) -> list[tuple[User, float]]:
    names = OFFICE_COUNSELLORS.get(slug) or ((f"beratung.{slug}", 1.0),)
    return [(users[name], share) for name, share in names]


def _guide_user(slug: str, users: dict[str, User]) -> User | None:
    """The demo login of a volunteer guide of the office (Hagen: `lotse.hagen`)."""
    for account in DEMO_ACCOUNTS:
        if account.role == Role.GUIDE and slug in account.offices:
            return users[account.username]
    return None


@contextmanager
def _no_mail_or_tasks():
    """Keep the services' e-mails in memory and queue no task while seeding.

    Registering, inviting and cancelling send e-mails and queue reminders after the
    commit; the demo's guests and guides are invented (example.org addresses).
    """
    with override_settings(
        MAILERS={"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}},
        TASKS={"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}},
    ):
        yield


def seed_demo(
    *,
    scale: int = 1,
    offices: int = 2,
    log: Callable[[str], None] = lambda line: None,
    today: datetime.date | None = None,
) -> SeedSummary:
    """Reset the demo offices and fill them; see the module docstring."""
    if scale < 1:
        raise SeedError("--scale must be at least 1.")
    try:
        specs = office_specs(offices)
    except ValueError as error:
        raise SeedError(str(error)) from None
    today = today or datetime.date.today()
    started = time.perf_counter()
    counts = {"people": 0, "organisations": 0, "links": 0, "affiliations": 0}
    counselling: Counter = Counter()
    network: Counter = Counter()
    companies: Counter = Counter()
    with _no_mail_or_tasks(), transaction.atomic(), scopes_disabled(), disable_auditlog():
        language_ids = dict(Language.objects.values_list("code", "pk"))
        if not language_ids:
            raise SeedError("No languages: run `lotse migrate` first.")
        topic_ids = dict(Topic.objects.filter(office__isnull=True).values_list("name", "pk"))

        existing = {
            office.slug: office for office in Office.objects.filter(slug__in=DEMO_OFFICE_SLUGS)
        }
        if existing:
            log(f"Removing the records of {len(existing)} demo office(s) …")
            _clear([office.pk for office in existing.values()])
        wanted = {spec.slug for spec in specs}
        Office.objects.filter(
            pk__in=[o.pk for s, o in existing.items() if s not in wanted]
        ).delete()
        User.objects.filter(
            username__in=_generated_usernames(s for s in DEMO_OFFICE_SLUGS if s not in wanted)
        ).delete()

        seeded: dict[str, Office] = {}
        for spec in specs:
            seeded[spec.slug], _ = Office.objects.update_or_create(
                slug=spec.slug,
                defaults={
                    "name": spec.name,
                    "town": spec.town,
                    "land": spec.land,
                    "funding_line": spec.funding_line,
                    "contact_name": spec.contact_name,
                    "phone": spec.phone,
                    "email": "",
                    "address": spec.address,
                },
            )
        accounts = _accounts(seeded)
        users = {account.username: user for (account, _), user in accounts}
        accounts = [pair for pair, _ in accounts]

        for index, spec in enumerate(specs, start=1):
            office_started = time.perf_counter()
            office = seeded[spec.slug]
            builder = OfficeBuilder(spec, office, scale)
            builder.build()
            _write(builder, language_ids)
            cases = CaseBuilder(
                builder,
                _counsellors(spec.slug, users),
                topic_ids=topic_ids,
                language_ids=language_ids,
                today=today,
            )
            cases.build()
            cases.write()
            counselling.update(cases.counts)
            staff = [user for user, _share in _counsellors(spec.slug, users)]
            guides = NetworkBuilder(
                builder,
                staff=staff,
                guide_user=_guide_user(spec.slug, users),
                topic_ids=topic_ids,
                language_ids=language_ids,
                today=today,
            )
            guides.build()
            network.update(guides.counts)
            pipeline = AcquisitionBuilder(
                builder, cases, staff=staff, guides=guides.guides, today=today
            )
            pipeline.build()
            companies.update(pipeline.counts)
            counts["people"] += len(builder.people)
            counts["organisations"] += len(builder.orgs)
            counts["links"] += len(builder.links)
            counts["affiliations"] += len(builder.affiliations)
            log(
                f"  [{index}/{len(specs)}] {spec.name}: {len(builder.people):,} people, "
                f"{len(builder.orgs):,} organisations, {cases.counts['cases']:,} cases, "
                f"{cases.counts['consultations']:,} consultations, "
                f"{guides.counts['events']} events, {pipeline.counts['acquisitions']} companies "
                f"in acquisition ({time.perf_counter() - office_started:.1f} s; "
                f"total {counts['people']:,})"
            )
    _update_statistics()
    return SeedSummary(
        offices=len(specs),
        seconds=time.perf_counter() - started,
        accounts=accounts,
        counselling=counselling,
        network=network,
        companies=companies,
        **counts,
    )


def login_table(summary: SeedSummary) -> str:
    rows = [("user name", "password", "role", "name", "offices")]
    fixed = {account.username for account in DEMO_ACCOUNTS}
    generated = [(a, offices) for a, offices in summary.accounts if a.username not in fixed]
    for account, offices in summary.accounts:
        if account.username not in fixed:
            continue
        role = Role(account.role).label
        if account.superuser:
            role = f"{role} (superuser)"
        rows.append(
            (
                account.username,
                DEMO_PASSWORD,
                str(role),
                f"{account.first_name} {account.last_name}",
                _towns(offices),
            )
        )
    if generated:
        rows.append(
            (
                "beratung.<office>",
                DEMO_PASSWORD,
                str(Role(Role.COUNSELLOR).label),
                "one per generated office",
                _towns([office for _, offices in generated for office in offices]),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for number, row in enumerate(rows):
        lines.append(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)).rstrip()
        )
        if number == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)


def _update_statistics() -> None:
    """Fresh planner statistics after the bulk load (ANALYZE, on SQLite and PostgreSQL).

    Without them SQLite, which never gathers statistics on its own, plans the
    office-scoped queries (`office_id IN (…) AND case_id IN (…)`) through the
    office index and reads every row of the office.
    """
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _towns(offices: list[Office]) -> str:
    return ", ".join(o.town for o in offices[:3]) + (
        f" (+{len(offices) - 3})" if len(offices) > 3 else ""
    )
