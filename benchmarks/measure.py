"""One benchmark run against one database; started by benchmarks/run.py.

Reads the database from the environment (DATABASE_URL / LOTSE_DATA_DIR, as Lotse
does), migrates, seeds `seed-demo --offices M --scale K` unless the data is there,
adds a change history like the one real use leaves, then measures the pages with
Django's test client and prints one JSON object as the last line of its output.
"""

import argparse
import json
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

# What the bench data contain. Raise it when seed-demo or add_history change what
# they write: run.py then starts the bench database afresh instead of reusing it.
# 1: people and organisations (issue 2); 2: counselling cases (issue 3);
# 3: seed-demo ends with ANALYZE.
SEED_VERSION = 4


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--offices", type=int, required=True)
    parser.add_argument("--scale", type=int, required=True)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--no-history", action="store_true")
    return parser.parse_args(argv)


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lotse.settings")
    import django

    django.setup()


# --------------------------------------------------------------------------- data


def expected_people(offices: int, scale: int) -> int:
    from lotse.demo.services import PEOPLE_PER_OFFICE

    return PEOPLE_PER_OFFICE * scale * offices


def data_present(offices: int, scale: int) -> bool:
    from django_scopes import scopes_disabled

    from lotse.accounts.models import Office, User
    from lotse.cases.models import Case, Consultation
    from lotse.people.models import Person

    with scopes_disabled():
        return (
            Office.objects.count() == offices
            and Person.objects.count() == expected_people(offices, scale)
            and User.objects.filter(username="beratung.hagen").exists()
            and Case.objects.filter(counsellor__username="beratung.hagen").exists()
            and Consultation.objects.exists()
        )


def add_history() -> int:
    """One 'created' log entry per record, as creating them through Lotse would leave.

    The person page shows the latest entries of the person and of its links
    (parent/child, roles at organisations), the case page those of the case;
    without entries these queries would look cheaper than they are in real use.
    Cases, consultations, next steps, referrals, consents, outcomes and ESF+ records
    get their entry too, so that the log has the size real use gives it (about
    2 million entries at full size). Written with plain INSERTs (lotse.demo.bulk).
    """
    from auditlog.models import LogEntry
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from django_scopes import scopes_disabled

    from lotse.accounts.models import User
    from lotse.cases.models import Case, Consultation, EsfRecord, NextStep, Outcome, Referral
    from lotse.demo import bulk
    from lotse.organisations.models import Affiliation, Organisation
    from lotse.people.models import ParentChild, Person
    from lotse.privacy.models import Consent

    actor = User.objects.get(username="beratung.hagen")
    now = timezone.now()

    def plain(label):
        return (("id",), lambda row: ({}, f"{label} {row[0]}"))

    sources = [
        (Person, ("id", "family_name"), lambda row: ({}, row[1])),
        (Organisation, ("id", "name"), lambda row: ({}, row[1])),
        (
            ParentChild,
            ("id", "parent_id", "child_id"),
            lambda row: ({"parent": row[1], "child": row[2]}, f"link {row[0]}"),
        ),
        (
            Affiliation,
            ("id", "person_id", "organisation_id"),
            lambda row: ({"person": row[1], "organisation": row[2]}, f"role {row[0]}"),
        ),
        (Case, *plain("case")),
        (Consultation, *plain("consultation")),
        (NextStep, *plain("next step")),
        (Referral, *plain("referral")),
        (Consent, *plain("consent")),
        (Outcome, *plain("outcome")),
        (EsfRecord, *plain("ESF+")),
    ]
    count = 0
    with transaction.atomic(), scopes_disabled():
        writer = bulk.RowWriter(LogEntry, with_pk=False)
        for model, fields, describe in sources:
            content_type_id = ContentType.objects.get_for_model(model).pk

            def entries(model=model, fields=fields, describe=describe, type_id=content_type_id):
                rows = model._base_manager.order_by("id").values_list(*fields)
                for row in rows.iterator(5000):
                    additional, text = describe(row)
                    yield {
                        "content_type_id": type_id,
                        "object_pk": str(row[0]),
                        "object_id": row[0],
                        "object_repr": text,
                        "action": LogEntry.Action.CREATE,
                        "changes_text": "",
                        "changes": {"id": ["None", str(row[0])]},
                        "actor_id": actor.pk,
                        "timestamp": now,
                        "additional_data": additional or None,
                    }

            count += writer.insert(entries())
    return count


def clear_history() -> None:
    """The bench database is the benchmark's own: its change history starts afresh."""
    from auditlog.models import LogEntry

    entries = LogEntry.objects.all()
    entries._raw_delete(entries.db)


def analyse():
    """PostgreSQL: fresh statistics, as autovacuum would have them after a bulk load."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def prepare(args) -> dict:
    from django.core.management import call_command

    info = {"seeded_now": False, "seed_version": SEED_VERSION}
    data_dir = Path(os.environ["LOTSE_DATA_DIR"])
    state_file = data_dir / "bench-seed.json"
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    info["migrate_seconds"] = round(time.perf_counter() - started, 1)
    if data_present(args.offices, args.scale) and state_file.exists():
        state = json.loads(state_file.read_text())
        if state.get("seed_version") == SEED_VERSION:
            info.update(state)
            return info
    print(f"Seeding --offices {args.offices} --scale {args.scale} …", file=sys.stderr, flush=True)
    started = time.perf_counter()
    call_command("seed-demo", offices=args.offices, scale=args.scale, verbosity=0)
    info["seed_seconds"] = round(time.perf_counter() - started, 1)
    info["history_entries"] = 0
    clear_history()
    if not args.no_history:
        started = time.perf_counter()
        info["history_entries"] = add_history()
        info["history_seconds"] = round(time.perf_counter() - started, 1)
    analyse()
    state_file.write_text(json.dumps({k: v for k, v in info.items() if k != "seeded_now"}))
    info["seeded_now"] = True
    return info


# --------------------------------------------------------------------------- measuring


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    rank = max(1, round(share * len(ordered) + 0.5))
    return ordered[min(rank, len(ordered)) - 1]


def measure(args) -> dict:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django_scopes import scope, scopes_disabled

    from lotse.accounts.models import ApiToken, Membership, Office, User
    from lotse.cases.models import Case, Consultation
    from lotse.organisations.models import Organisation
    from lotse.people.models import Person

    user = User.objects.get(username="beratung.hagen")
    membership = Membership.objects.get(user=user, office__slug="hagen")
    office = membership.office
    ApiToken.objects.filter(membership=membership, name="benchmark").delete()
    _, key = ApiToken.objects.issue(membership, "benchmark")

    with scopes_disabled():
        totals = {
            "offices": Office.objects.count(),
            "people": Person.objects.count(),
            "organisations": Organisation.objects.count(),
            "cases": Case.objects.count(),
            "consultations": Consultation.objects.count(),
        }
    with scope(office=[office.pk]):
        office_people = Person.objects.count()
        ids = list(Person.objects.order_by("id").values_list("id", flat=True))
        office_cases = Case.objects.count()
        own_open_cases = Case.objects.filter(counsellor=user, status="open").count()
        case_ids = list(Case.objects.order_by("id").values_list("id", flat=True))
        with_cases = sorted(set(Case.objects.values_list("person_id", flat=True)))
    rng = random.Random(1)
    rng.shuffle(ids)
    rng.shuffle(case_ids)
    rng.shuffle(with_cases)
    last_page = max(1, -(-office_people // 25))
    last_case_page = max(1, -(-office_cases // 25))

    client = Client()
    client.force_login(user)
    api = {"HTTP_AUTHORIZATION": f"Bearer {key}"}

    endpoints = [
        ("Person list `/people/`", lambda i: ("/people/", {})),
        (
            "Person list, last page (`?page=<last>`)",
            lambda i: (f"/people/?page={last_page}", {}),
        ),
        ("Search `/people/?q=mohammed`", lambda i: ("/people/?q=mohammed", {})),
        ("Search `/people/?q=oezdemir`", lambda i: ("/people/?q=oezdemir", {})),
        (
            "Person detail `/people/<id>/` (varying ids)",
            lambda i: (f"/people/{ids[i % len(ids)]}/", {}),
        ),
        ("API list `/api/v1/people/`", lambda i: ("/api/v1/people/", api)),
        ("API search `/api/v1/people/?q=mohammed`", lambda i: ("/api/v1/people/?q=mohammed", api)),
        ("Organisation list `/organisations/`", lambda i: ("/organisations/", {})),
        # Issue 3: counselling.
        ("Case list `/cases/` (own open cases)", lambda i: ("/cases/", {})),
        (
            "Case list, all `/cases/?mine=0&status=all`",
            lambda i: ("/cases/?mine=0&status=all", {}),
        ),
        (
            "Case list, all, last page",
            lambda i: (f"/cases/?mine=0&status=all&page={last_case_page}", {}),
        ),
        ("Start page `/` (worklist)", lambda i: ("/", {})),
        (
            "Person with cases `/people/<id>/` (timeline; varying)",
            lambda i: (f"/people/{with_cases[i % len(with_cases)]}/", {}),
        ),
        (
            "Case detail `/cases/<id>/` (varying)",
            lambda i: (f"/cases/{case_ids[i % len(case_ids)]}/", {}),
        ),
    ]
    results = []
    for label, request in endpoints:
        for i in range(args.warmup):
            path, extra = request(i + 10_000)
            response = client.get(path, **extra)
            assert response.status_code == 200, (path, response.status_code)
        times, queries, slowest = [], [], (0.0, "")
        for i in range(args.requests):
            path, extra = request(i)
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(path, **extra)
                elapsed = time.perf_counter() - started
            assert response.status_code == 200, (path, response.status_code)
            times.append(elapsed * 1000)
            queries.append(len(captured.captured_queries))
            for query in captured.captured_queries:
                if float(query["time"]) >= slowest[0]:
                    slowest = (float(query["time"]), query["sql"])
        results.append(
            {
                "endpoint": label,
                "median_ms": round(statistics.median(times), 1),
                "p95_ms": round(percentile(times, 0.95), 1),
                "max_ms": round(max(times), 1),
                "queries_min": min(queries),
                "queries_max": max(queries),
                "slowest_query_ms": round(slowest[0] * 1000, 1),
                "slowest_query": slowest[1][:1500],
            }
        )
        print(
            f"  {label}: median {results[-1]['median_ms']} ms, p95 {results[-1]['p95_ms']} ms, "
            f"{min(queries)}–{max(queries)} queries",
            file=sys.stderr,
            flush=True,
        )
    return {
        "totals": totals,
        "office_people": office_people,
        "office_cases": office_cases,
        "own_open_cases": own_open_cases,
        "endpoints": results,
    }


def environment() -> dict:
    import django
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            database = f"PostgreSQL {cursor.fetchone()[0].split()[0]}"
        else:
            cursor.execute("select sqlite_version()")
            database = f"SQLite {cursor.fetchone()[0]}"
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kib / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return {
        "database": database,
        "python": platform.python_version(),
        "django": django.get_version(),
        "cpu": cpu or platform.processor(),
        "cores": os.cpu_count(),
        "memory": memory,
    }


def main(argv=None):
    args = parse_args(argv)
    setup_django()
    result = {"offices": args.offices, "scale": args.scale, "requests": args.requests}
    result["data"] = prepare(args)
    result["environment"] = environment()
    result.update(measure(args))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
