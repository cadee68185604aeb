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

Fast at scale
    Records are built in memory per office and written with `bulk_create` in
    batches (search keys computed beforehand, languages through the M2M through
    models), all in one transaction, with office scoping disabled and without
    change history (`disable_auditlog`; bulk_create sends no signals anyway).
    Sizes: PEOPLE_PER_OFFICE × scale people and ORGANISATIONS_PER_OFFICE × scale
    organisations per office (at least the curated organisations), so
    `--offices 40 --scale 50` gives 200,000 people and 20,000 organisations.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from auditlog.context import disable_auditlog
from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django_scopes import scopes_disabled

from lotse.accounts.models import Membership, Office, Role, User
from lotse.accounts.scoping import OfficeScopedModel
from lotse.core.models import Language
from lotse.core.names import folded
from lotse.organisations.models import Affiliation, Organisation
from lotse.people.models import ParentChild, Person

from .generator import ORGANISATIONS_PER_OFFICE, PEOPLE_PER_OFFICE, OfficeBuilder
from .places import DEMO_OFFICE_SLUGS, MAX_OFFICES, office_specs

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
BATCH_SIZE = 5000


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


# --------------------------------------------------------------------------- writing


def _write(builder: OfficeBuilder, language_ids: dict[str, int]) -> None:
    orgs = [draft.organisation for draft in builder.orgs]
    Organisation.objects.bulk_create(orgs, batch_size=BATCH_SIZE)
    people = [draft.person for draft in builder.people]
    for person in people:
        person.refresh_search_keys()
    Person.objects.bulk_create(people, batch_size=BATCH_SIZE)

    office_id = builder.office.pk
    person_through = Person.languages.through
    Person.languages.through.objects.bulk_create(
        [
            person_through(person_id=draft.person.pk, language_id=language_ids[code])
            for draft in builder.people
            for code in dict.fromkeys(draft.languages)
            if code in language_ids
        ],
        batch_size=BATCH_SIZE,
    )
    org_through = Organisation.languages.through
    org_through.objects.bulk_create(
        [
            org_through(organisation_id=draft.organisation.pk, language_id=language_ids[code])
            for draft in builder.orgs
            for code in dict.fromkeys(builder.org_languages(draft))
            if code in language_ids
        ],
        batch_size=BATCH_SIZE,
    )
    ParentChild.objects.bulk_create(
        [
            ParentChild(office_id=office_id, parent_id=parent.person.pk, child_id=child.person.pk)
            for parent, child in dict.fromkeys(builder.links)
        ],
        batch_size=BATCH_SIZE,
    )
    seen = set()
    affiliations = []
    for person, org, role, note in builder.affiliations:
        key = (person.person.pk, org.organisation.pk, role)
        if key in seen:
            continue
        seen.add(key)
        affiliations.append(
            Affiliation(
                office_id=office_id,
                person_id=person.person.pk,
                organisation_id=org.organisation.pk,
                role=role,
                note=note,
            )
        )
    Affiliation.objects.bulk_create(affiliations, batch_size=BATCH_SIZE)


def _clear(office_ids: list[int]) -> None:
    """Delete every office-scoped record of these offices, from whichever app.

    Models are retried until none is left, so that records protected by another
    model's foreign key go once that model's records are gone.
    """
    if not office_ids:
        return
    scoped = [
        model
        for model in apps.get_models()
        if issubclass(model, OfficeScopedModel) and not model._meta.proxy
    ]
    # Links and their M2M rows first: they make the bigger deletions cheaper.
    for model in (Person, Organisation):
        for m2m in model._meta.many_to_many:
            through = m2m.remote_field.through
            if through._meta.auto_created:
                through._base_manager.filter(
                    **{f"{m2m.m2m_field_name()}__office_id__in": office_ids}
                ).delete()
    pending = sorted(scoped, key=lambda m: m not in (ParentChild, Affiliation))
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


def _accounts(offices: dict[str, Office]) -> list[tuple[DemoAccount, list[Office]]]:
    from axes.utils import reset as reset_lockouts

    result = []
    # One hash for all: the demo password is public anyway, and Argon2 takes ~0.4 s a hash.
    password_hash = make_password(DEMO_PASSWORD)
    for account in DEMO_ACCOUNTS:
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
        result.append((account, targets))
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


def seed_demo(
    *, scale: int = 1, offices: int = 2, log: Callable[[str], None] = lambda line: None
) -> SeedSummary:
    """Reset the demo offices and fill them; see the module docstring."""
    if scale < 1:
        raise SeedError("--scale must be at least 1.")
    try:
        specs = office_specs(offices)
    except ValueError as error:
        raise SeedError(str(error)) from None
    started = time.perf_counter()
    counts = {"people": 0, "organisations": 0, "links": 0, "affiliations": 0}
    with transaction.atomic(), scopes_disabled(), disable_auditlog():
        language_ids = dict(Language.objects.values_list("code", "pk"))
        if not language_ids:
            raise SeedError("No languages: run `lotse migrate` first.")

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

        seeded: dict[str, Office] = {}
        for index, spec in enumerate(specs, start=1):
            office_started = time.perf_counter()
            office, _ = Office.objects.update_or_create(
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
            seeded[spec.slug] = office
            builder = OfficeBuilder(spec, office, scale)
            builder.build()
            _write(builder, language_ids)
            counts["people"] += len(builder.people)
            counts["organisations"] += len(builder.orgs)
            counts["links"] += len(builder.links)
            counts["affiliations"] += len(builder.affiliations)
            log(
                f"  [{index}/{len(specs)}] {spec.name}: {len(builder.people):,} people, "
                f"{len(builder.orgs):,} organisations "
                f"({time.perf_counter() - office_started:.1f} s; total {counts['people']:,})"
            )
        accounts = _accounts(seeded)
    return SeedSummary(
        offices=len(specs),
        seconds=time.perf_counter() - started,
        accounts=accounts,
        **counts,
    )


def login_table(summary: SeedSummary) -> str:
    rows = [("user name", "password", "role", "name", "offices")]
    for account, offices in summary.accounts:
        names = ", ".join(o.town for o in offices[:3]) + (
            f" (+{len(offices) - 3})" if len(offices) > 3 else ""
        )
        role = Role(account.role).label
        if account.superuser:
            role = f"{role} (superuser)"
        rows.append(
            (
                account.username,
                DEMO_PASSWORD,
                str(role),
                f"{account.first_name} {account.last_name}",
                names,
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
