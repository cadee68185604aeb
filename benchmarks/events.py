#!/usr/bin/env python
"""Lotse events benchmark: 5,000 events and 100,000 registrations in one office.

    .venv/bin/python benchmarks/events.py                        # SQLite
    .venv/bin/python benchmarks/events.py --database postgres
    DATABASE_URL=postgres://lotse:lotse@127.0.0.1:5432/lotse_bench_events \\
        .venv/bin/python benchmarks/events.py                    # PostgreSQL, that server
    .venv/bin/python benchmarks/events.py --scale 0.1 --small-scale 0 --requests 10   # quick

Issue 5 asks for the event list and the check-in search to answer with a p95 below
100 ms on SQLite and PostgreSQL with 5,000 events and 100,000 registrations. The
measured office (Hagen) holds all of that by itself: 5,000 events over five years
(a fifth of them still to come) with 100,000 registrations, among them a training fair
with 2,000 registrations, the others 5–40 each; the 39 other offices together hold as
much again, so that every query has to find the office's rows among the others'.

For each size (the given scale and, for comparison, a tenth of it) the runner uses a
database of its own — SQLite in `<data dir>/s<percent>/`, or the PostgreSQL database
`lotse_bench_events_s<percent>` (with DATABASE_URL set: on that server, and a database
name from it only if it starts with `lotse_bench_events`; no other database is ever
written) — runs `lotse migrate`, generates the data with `bulk_create` unless they are
there already (`--regenerate` forces it), then measures in a fresh process with
Django's test client. Pages that do not exist yet (no URL name) are skipped with a
note. The table goes to benchmarks/results/events-<database>.md and standard output.

Like benchmarks/matching.py, whose helpers it imports, the file is the runner (parent
process) and, with `--worker generate|measure`, the worker the runner starts with the
bench database in its environment.
"""

import argparse
import datetime
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from matching import (  # noqa: E402  (stdlib-only at import time)
    DEFAULT_PG,
    QueryLog,
    _Clock,
    _n,
    _weighted,
    ensure_postgres,
    environment,
    percentile,
    size_label,
)

TARGET_P95_MS = 100
# Raise when generate() writes something new: the bench databases are then made afresh.
DATA_VERSION = 1
STATE_FILE = "bench-events.json"
PG_BASE_NAME = "lotse_bench_events"

OFFICES = 40
MEASURED = "hagen"  # the office with all of the issue's events
USER = "beratung.hagen"
EVENTS = 5_000  # in the measured office; the other offices together as many again
REGISTRATIONS = 100_000  # likewise
FAIR_REGISTRATIONS = 2_000  # the training fair checked in on the day
PER_EVENT = (5, 40)  # registrations of every other event
PEOPLE = 3_000  # people of the measured office; staff added some of them to events
PERSON_SHARE = 0.08  # registrations of the measured office linked to a person
YEARS_PAST, YEARS_AHEAD = 4, 1

KINDS = [
    ("school_info", 22),
    ("parents_evening", 18),
    ("open_day", 10),
    ("company_tour", 10),
    ("training_fair", 2),
    ("workshop", 28),
    ("network_meeting", 3),
    ("training_module", 7),
]
NETWORK = {"network_meeting", "training_module"}
# Title patterns per kind; {school}, {mso}, {company}, {town}, {year}, {n}, {season}.
TITLES = {
    "school_info": [
        "Berufsorientierung an der {school}",
        "Ausbildung statt Warteschleife – Infoveranstaltung {school}",
        "KAoA-Infoveranstaltung: Wege in die Ausbildung ({school})",
    ],
    "parents_evening": [
        "Elternabend: Das duale Ausbildungssystem ({mso})",
        "Elterncafé: Ausbildung in Deutschland",
        "Informationsabend für Eltern – Ausbildung oder Studium?",
    ],
    "open_day": ["Tag der offenen Tür bei {company}", "Ausbildungstag bei {company}"],
    "company_tour": ["Betriebsbesichtigung: {company}", "Betriebserkundung bei {company}"],
    "training_fair": ["Ausbildungsbörse {town} {year}", "Ausbildungsmesse {town} {year}"],
    "workshop": [
        "Praktikumsknigge",
        "Bewerbungstraining: Anschreiben und Lebenslauf",
        "Berufsfelderkundungstag Handwerk",
        "Berufsfelderkundungstag Pflege und Gesundheit",
        "Vorstellungsgespräche üben",
        "Ausbilden im eigenen Betrieb – Workshop für Unternehmerinnen und Unternehmer",
    ],
    "network_meeting": ["Netzwerktreffen der Elternlotsen ({season} {year})"],
    "training_module": ["Elternlotsen-Qualifizierung, Modul {n}: {topic}"],
}
MODULE_TOPICS = [
    "Schulsystem und Übergang Schule–Beruf",
    "Duale Ausbildung",
    "Beratungsstellen vor Ort",
    "Gesprächsführung",
    "Datenschutz und Schweigepflicht",
]
DESCRIPTIONS = {
    "school_info": "Wir stellen Ausbildungsberufe und Wege nach der Schule vor.",
    "parents_evening": "Für Eltern: wie Ausbildung in Deutschland funktioniert, mit Übersetzung.",
    "open_day": "Der Betrieb zeigt seine Ausbildungsplätze; Fragen an die Azubis erwünscht.",
    "company_tour": "Rundgang durch den Betrieb, danach Gespräch mit der Ausbilderin.",
    "training_fair": "Über 60 Betriebe und Schulen stellen Ausbildung und Praktika vor.",
    "workshop": "Praktische Übungen in kleiner Gruppe; bitte Lebenslauf mitbringen.",
    "network_meeting": "Austausch, neue Angebote der Servicestelle, Fallbesprechungen.",
    "training_module": "Modul der Qualifizierung zur Elternlotsin / zum Elternlotsen.",
}
# Titles in further languages for public events (EventText).
TRANSLATED = {
    "en": {
        "school_info": "Career orientation at school",
        "parents_evening": "Parents' evening: vocational training in Germany",
        "open_day": "Open day at a company",
        "company_tour": "Company tour",
        "training_fair": "Training fair",
        "workshop": "Workshop: applying for an apprenticeship",
    },
    "tr": {
        "school_info": "Okulda meslek yönlendirme",
        "parents_evening": "Veli toplantısı: Almanya'da meslek eğitimi",
        "open_day": "Şirkette açık kapı günü",
        "company_tour": "İşletme ziyareti",
        "training_fair": "Meslek eğitimi fuarı",
        "workshop": "Atölye: meslek eğitimi başvurusu",
    },
    "ar": {
        "school_info": "التوجيه المهني في المدرسة",
        "parents_evening": "أمسية لأولياء الأمور: التدريب المهني في ألمانيا",
        "open_day": "يوم مفتوح في شركة",
        "company_tour": "زيارة شركة",
        "training_fair": "معرض التدريب المهني",
        "workshop": "ورشة عمل: التقديم على التدريب المهني",
    },
    "uk": {
        "school_info": "Профорієнтація в школі",
        "parents_evening": "Вечір для батьків: професійне навчання в Німеччині",
        "open_day": "День відкритих дверей у компанії",
        "company_tour": "Екскурсія на підприємство",
        "training_fair": "Ярмарок професійного навчання",
        "workshop": "Воркшоп: як подати заявку на навчання",
    },
}
AUDIENCES = {
    "school_info": ["young_people", "schools"],
    "parents_evening": ["parents"],
    "open_day": ["young_people", "parents"],
    "company_tour": ["young_people"],
    "training_fair": ["young_people", "parents", "schools"],
    "workshop": ["young_people"],
    "network_meeting": ["guides", "msos"],
    "training_module": ["guides"],
}
CAPACITY = {  # (share without a limit, smallest, largest)
    "school_info": (0.5, 30, 120),
    "parents_evening": (0.2, 20, 60),
    "open_day": (0.1, 15, 40),
    "company_tour": (0.0, 10, 25),
    "training_fair": (1.0, 0, 0),
    "workshop": (0.0, 15, 30),
    "network_meeting": (0.6, 40, 40),
    "training_module": (0.0, 15, 25),
}
EVENT_LANGUAGES = ["tr", "ar", "uk", "ru", "prs", "fa", "en", "ti", "kmr"]
# Language of the public page a registration came from, for names in the original script.
SCRIPT_LANGUAGE = {"syrian": "ar", "afghan": "fa", "ukrainian": "uk", "russian": "ru"}
PAGE_LANGUAGE = {"turkish": "tr", "kurdish": "tr", "syrian": "ar", "afghan": "fa"}

# Check-in searches at the fair: (label, query).
CHECKIN_QUERIES = [
    ("Latin name prefix `moha`", "moha"),
    ("without diacritics `ozdemir`", "ozdemir"),
    ("Arabic `محمد`", "محمد"),
    ("Cyrillic `Шевч`", "Шевч"),
    ("two words `ahmad al`", "ahmad al"),
]
LIST_QUERY = "Praktikumsknigge"


# =========================================================================== runner


def parse_args(argv=None):
    database_url = os.environ.get("DATABASE_URL", "")
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument(
        "--database",
        choices=("sqlite", "postgres"),
        default="postgres" if database_url.startswith("postgres") else "sqlite",
        help="default: postgres when DATABASE_URL names a PostgreSQL server, else sqlite",
    )
    parser.add_argument(
        "--scale",
        type=float,
        default=1.0,
        help="1.0 = full size: 5,000 events and 100,000 registrations in the measured office",
    )
    parser.add_argument(
        "--small-scale",
        type=float,
        default=None,
        help="second, smaller size to compare with (default scale/10; 0 = none)",
    )
    parser.add_argument("--requests", type=int, default=50, help="timed requests per endpoint")
    parser.add_argument("--warmup", type=int, default=5, help="untimed requests per endpoint")
    parser.add_argument("--regenerate", action="store_true", help="drop the data, generate anew")
    parser.add_argument(
        "--generate-only", action="store_true", help="prepare the bench databases, measure nothing"
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="cProfile every endpoint at the largest size (automatic for a missed target)",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=Path(
            os.environ.get(
                "LOTSE_BENCH_EVENTS_DIR", Path(tempfile.gettempdir()) / "lotse-bench-events"
            )
        ),
        help="where the bench databases (SQLite), secret keys and state files live",
    )
    parser.add_argument(
        "--postgres-url",
        default=None,
        help="server URL without database name (default: the server of DATABASE_URL, "
        f"else $LOTSE_BENCH_POSTGRES, else {DEFAULT_PG})",
    )
    parser.add_argument("--output", type=Path, help="markdown (default results/events-<db>.md)")
    parser.add_argument("--worker", choices=("generate", "measure"), help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def postgres_target(args) -> tuple[str, str]:
    """(server URL without database, base name of the bench databases)."""
    if args.postgres_url:
        return args.postgres_url.rstrip("/"), PG_BASE_NAME
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        parts = urlsplit(url)
        name = parts.path.lstrip("/")
        base = name if name.startswith(PG_BASE_NAME) else PG_BASE_NAME
        return f"{parts.scheme}://{parts.netloc}", base
    return os.environ.get("LOTSE_BENCH_POSTGRES", DEFAULT_PG), PG_BASE_NAME


def bench_env(data_dir: Path) -> dict:
    """The environment of a worker: Lotse's settings, DEBUG off, the bench data dir."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lotse.settings",
        "DEBUG": "0",
        "LOTSE_STATIC_MANIFEST": "0",
        "ALLOWED_HOSTS": "testserver,127.0.0.1,localhost",
        "LOTSE_DATA_DIR": str(data_dir),
        "LOTSE_LOG_LEVEL": "ERROR",
    }
    env.pop("DATABASE_URL", None)
    return env


def run_worker(env, role: str, arguments: list[str]) -> dict:
    """Run this file as worker ROLE; its last line of output is a JSON object."""
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", role, *arguments]
    completed = subprocess.run(command, env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    if completed.returncode != 0:
        sys.exit(f"worker {role} failed (exit {completed.returncode})")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def stale(data_dir: Path) -> bool:
    """Whether the bench data were generated by an older version of this benchmark."""
    state_file = data_dir / STATE_FILE
    if not state_file.exists():
        return False
    try:
        return json.loads(state_file.read_text()).get("version") != DATA_VERSION
    except ValueError:
        return True


def run_size(args, scale: float, profile: bool) -> dict:
    label = size_label(scale)
    data_dir = args.data_dir / (label if args.database == "sqlite" else f"postgres-{label}")
    regenerate = args.regenerate
    if not regenerate and stale(data_dir):
        regenerate = True
        print(f"== {data_dir}: older data (DATA_VERSION); generating afresh", file=sys.stderr)
    if regenerate and data_dir.exists():
        shutil.rmtree(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "static").mkdir(exist_ok=True)  # STATIC_ROOT; WhiteNoise warns without it
    env = bench_env(data_dir)
    if args.database == "postgres":
        server, base = postgres_target(args)
        env["DATABASE_URL"] = ensure_postgres(server, f"{base}_{label}", regenerate)
    print(f"== {args.database}, scale {scale:g} ({label})", file=sys.stderr, flush=True)
    lotse = Path(sys.executable).with_name("lotse")
    started = time.perf_counter()
    subprocess.run(
        [str(lotse) if lotse.exists() else "lotse", "migrate", "--verbosity", "0"],
        env=env,
        cwd=ROOT,
        check=True,
    )
    migrate_seconds = round(time.perf_counter() - started, 1)
    common = ["--scale", str(scale), "--database", args.database]
    generated = run_worker(env, "generate", common)
    generated.setdefault("migrate_seconds", migrate_seconds)
    if args.generate_only:
        return {"scale": scale, "label": label, "data": generated}
    measure_args = [*common, "--requests", str(args.requests), "--warmup", str(args.warmup)]
    if profile:
        measure_args.append("--profile")
    measured = run_worker(env, "measure", measure_args)
    return {"scale": scale, "label": label, "data": generated, **measured}


def report(args, runs: list[dict]) -> str:
    big = runs[-1]
    env = big["environment"]
    lines = [
        f"# Lotse events benchmark — {env['database']}",
        "",
        f"- Date: {datetime.date.today().isoformat()}",
        f"- Machine: {env['cpu']}, {env['cores']} cores, {env['memory']} RAM; "
        f"Python {env['python']}, Django {env['django']}, {env['database']}",
        f"- Client: Django test client logged in as `{big['user']}` (counsellor, "
        f"{big['office']}); public pages without login; API with a bearer token of the same "
        f"membership; {args.requests} timed requests per endpoint after {args.warmup} "
        "warm-up requests; server times in the same process (no network); DEBUG off, "
        "`lotse.settings`. htmx rows send `HX-Request: true` as htmx does.",
    ]
    for run in runs:
        data, totals, office = run["data"], run["totals"], run["office_totals"]
        timing = ", ".join(f"{k} {v} s" for k, v in data["seconds"].items())
        lines.append(
            f"- Data at scale {run['scale']:g}: {_n(totals['offices'])} offices, "
            f"{_n(totals['events'])} events, {_n(totals['registrations'])} registrations; "
            f"{run['office']}: {_n(office['events'])} events ({_n(office['upcoming'])} "
            f"to come), {_n(office['registrations'])} registrations, the fair "
            f"{_n(office['fair'])}. Generated in {data['total_seconds']} s ({timing})"
            + ("" if data.get("generated_now") else ", by an earlier run")
            + "."
        )
    lines += ["", _table(runs), ""]
    measured = [e for e in big["endpoints"] if not e.get("skipped")]
    missed = [e for e in measured if e["p95_ms"] >= TARGET_P95_MS]
    lines.append(
        f"Target p95 < {TARGET_P95_MS} ms at {_n(big['office_totals']['events'])} events / "
        f"{_n(big['office_totals']['registrations'])} registrations in the office: "
        + (
            "met by every endpoint measured."
            if not missed
            else "missed by " + ", ".join(e["endpoint"] for e in missed) + "."
        )
    )
    skipped = [e for e in big["endpoints"] if e.get("skipped")]
    if skipped:
        lines.append(
            "Not measured: " + "; ".join(f"{e['endpoint']} ({e['skipped']})" for e in skipped) + "."
        )
    if len(runs) > 1:
        grows = [
            b["endpoint"]
            for a, b in zip(runs[0]["endpoints"], big["endpoints"], strict=True)
            if not b.get("skipped") and not a.get("skipped") and b["queries_max"] > a["queries_max"]
        ]
        lines.append(
            "Queries per request: "
            + (
                "do not grow with the data."
                if not grows
                else "grow with the data for " + ", ".join(grows) + "!"
            )
        )
    lines += ["", "<details><summary>Slowest query per endpoint (largest size)</summary>", ""]
    for e in measured:
        lines += [f"**{e['endpoint']}** — {e['slowest_query_ms']} ms", ""]
        lines += ["```sql", e["slowest_query"], "```", ""]
    lines += ["</details>", ""]
    profiles = [e for e in measured if e.get("profile")]
    if profiles:
        lines += ["<details><summary>cProfile (largest size, 10 requests each)</summary>", ""]
        for e in profiles:
            lines += [f"**{e['endpoint']}**", "", "```", e["profile"], "```", ""]
        lines += ["</details>", ""]
    return "\n".join(lines)


def _table(runs: list[dict]) -> str:
    header = ["Endpoint"]
    for run in runs:
        office = run["office_totals"]
        header += [
            f"{_n(office['events'])} events / {_n(office['registrations'])} reg.: median ms",
            "p95 ms",
            "queries",
            "kB",
        ]
    rows = [header, ["---"] + ["---:"] * (len(header) - 1)]
    for index, endpoint in enumerate(runs[0]["endpoints"]):
        row = [endpoint["endpoint"]]
        for run in runs:
            e = run["endpoints"][index]
            if e.get("skipped"):
                row += ["–", "–", "–", "–"]
                continue
            queries = (
                str(e["queries_min"])
                if e["queries_min"] == e["queries_max"]
                else f"{e['queries_min']}–{e['queries_max']}"
            )
            row += [f"{e['median_ms']:.1f}", f"{e['p95_ms']:.1f}", queries, f"{e['kb']:.0f}"]
        rows.append(row)
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)


def main(argv=None):
    args = parse_args(argv)
    if args.worker:
        return worker(args)
    small = args.small_scale if args.small_scale is not None else args.scale / 10
    scales = [small, args.scale] if small and small != args.scale else [args.scale]
    runs = [run_size(args, scale, args.profile and scale == scales[-1]) for scale in scales]
    if args.generate_only:
        print(json.dumps([run["data"] for run in runs], indent=1))
        return
    missed = any(
        not e.get("skipped") and e["p95_ms"] >= TARGET_P95_MS for e in runs[-1]["endpoints"]
    )
    if missed and not args.profile:
        print("== target missed: profiling", file=sys.stderr, flush=True)
        profiled = run_size(args, scales[-1], profile=True)
        for endpoint, again in zip(runs[-1]["endpoints"], profiled["endpoints"], strict=True):
            endpoint["profile"] = again.get("profile", "")
    text = report(args, runs)
    output = args.output or HERE / "results" / f"events-{args.database}.md"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    print(text)
    print(f"(written to {output})", file=sys.stderr)


# =========================================================================== worker


def worker(args):
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lotse.settings")
    django.setup()
    if args.worker == "generate":
        result = prepare(args.scale)
    else:
        # As lotse/wsgi.py does in production.
        from lotse.core.runtime import tune_garbage_collector

        tune_garbage_collector()
        result = {"environment": environment(), **measure(args)}
    print(json.dumps(result))


def sizes(scale: float) -> dict:
    events = max(10, round(EVENTS * scale))
    fair = max(50, round(FAIR_REGISTRATIONS * scale))
    return {
        "events": events,
        "registrations": max(fair + PER_EVENT[0] * (events - 1), round(REGISTRATIONS * scale)),
        "fair": fair,
        "people": max(50, round(PEOPLE * scale)),
    }


def data_present(scale: float) -> bool:
    from django_scopes import scopes_disabled

    from lotse.accounts.models import Office
    from lotse.events.models import Event, Registration

    counts = sizes(scale)
    with scopes_disabled():
        return (
            Office.objects.count() == OFFICES
            and Event.objects.filter(office__slug=MEASURED).count() == counts["events"]
            and Registration.objects.filter(office__slug=MEASURED).count()
            == counts["registrations"]
        )


def prepare(scale: float) -> dict:
    """Generate the data unless the bench database holds them already."""
    state_file = Path(os.environ["LOTSE_DATA_DIR"]) / STATE_FILE
    if state_file.exists() and data_present(scale):
        state = json.loads(state_file.read_text())
        if state.get("version") == DATA_VERSION and state.get("scale") == scale:
            return {**state, "generated_now": False}
    from django.db import connection

    from lotse.accounts.models import Office

    if Office.objects.exists():
        sys.exit(
            "The bench database holds other or older data; run with --regenerate "
            f"(database {connection.settings_dict['NAME']})."
        )
    print(f"Generating scale {scale:g} …", file=sys.stderr, flush=True)
    seconds = generate(scale)
    state = {
        "version": DATA_VERSION,
        "scale": scale,
        "seconds": seconds,
        "total_seconds": round(sum(seconds.values()), 1),
    }
    state_file.write_text(json.dumps(state))
    return {**state, "generated_now": True}


def _split(total: int, weights: list[float]) -> list[int]:
    """TOTAL in whole parts proportional to WEIGHTS (largest remainder)."""
    shares = [total * w / sum(weights) for w in weights]
    parts = [int(s) for s in shares]
    by_remainder = sorted(range(len(shares)), key=lambda i: parts[i] - shares[i])
    for i in by_remainder[: total - sum(parts)]:
        parts[i] += 1
    return parts


def _spread(rng: random.Random, count: int, total: int) -> list[int]:
    """COUNT numbers between PER_EVENT's bounds, most of them small, adding up to TOTAL."""
    low, high = PER_EVENT
    mode = min(max(3 * total / count - low - high, low), high)
    numbers = [round(rng.triangular(low, high, mode)) for _ in range(count)]
    difference = total - sum(numbers)
    while difference:
        i = rng.randrange(count)
        step = 1 if difference > 0 else -1
        if low <= numbers[i] + step <= high:
            numbers[i] += step
            difference -= step
    return numbers


class _Names:
    """Names as the measured office's communities write them (lotse.demo.names).

    Latin spellings with and without diacritics (Özdemir, Ozdemir), and a share in the
    original script (محمد الحسن, Олена Шевченко) as people type them on the public page
    in their language.
    """

    def __init__(self, rng: random.Random):
        from anyascii import anyascii

        from lotse.demo.names import COMMUNITIES, MIX

        self.rng, self.ascii, self.communities = rng, anyascii, COMMUNITIES
        mix = {**MIX[MEASURED], "german": 14}
        self.keys, self.weights = list(mix), list(mix.values())

    def person(self):
        """(community, given Name, family Name, gender)."""
        community = self.communities[self.rng.choices(self.keys, self.weights)[0]]
        female = self.rng.random() < 0.5
        given = self.rng.choice(community.female if female else community.male)
        return community, given, self.rng.choice(community.family), female

    def spelling(self, name) -> str:
        rng = self.rng
        return name.spellings[0] if rng.random() < 0.6 else rng.choice(name.spellings)

    def registration(self) -> tuple[str, str]:
        """(name as registered, language of the page)."""
        rng = self.rng
        community, given, family, _female = self.person()
        if given.original and family.original and rng.random() < community.original_share:
            return f"{given.original} {family.original}", SCRIPT_LANGUAGE.get(community.key, "de")
        name = f"{self.spelling(given)} {self.spelling(family)}"
        if community.transliterate_turkish and rng.random() < 0.25:
            name = self.ascii(name)  # typed on a German keyboard: Ozdemir, Yilmaz
        language = PAGE_LANGUAGE.get(community.key, "de") if rng.random() < 0.3 else "de"
        return name, language


def generate(scale: float) -> dict:
    """40 offices with organisations, events, texts, languages, partners and registrations."""
    from django.db import connection, transaction
    from django.utils import timezone
    from django_scopes import scopes_disabled

    from lotse.accounts.models import Membership, Office, Role, User
    from lotse.demo.places import office_specs
    from lotse.events.models import Event, Registration

    rng = random.Random(5)
    clock = _Clock()
    counts = sizes(scale)
    names = _Names(rng)
    now = timezone.now()
    with transaction.atomic(), scopes_disabled():
        specs = office_specs(OFFICES)
        offices = Office.objects.bulk_create(
            [
                Office(
                    name=spec.name,
                    slug=spec.slug,
                    town=spec.town,
                    land=spec.land,
                    funding_line=spec.funding_line,
                    contact_name=spec.contact_name,
                    phone=spec.phone,
                    address=spec.address,
                )
                for spec in specs
            ]
        )
        users = []
        for office in offices:
            user = User(username=f"beratung.{office.slug}", first_name="Beratung")
            user.set_unusable_password()
            users.append(user)
        users = User.objects.bulk_create(users)
        Membership.objects.bulk_create(
            [
                Membership(user=user, office=office, role=Role.COUNSELLOR)
                for user, office in zip(users, offices, strict=True)
            ]
        )
        counsellor = {office.pk: user for office, user in zip(offices, users, strict=True)}
        clock.lap("offices")

        organisations = _organisations(rng, names, offices, specs)
        clock.lap("organisations")
        measured = next(office for office in offices if office.slug == MEASURED)
        people = _people(names, measured, counts["people"])
        clock.lap("people")

        # Events: the measured office has EVENTS, the others together as many again,
        # big towns more than small ones.
        others = [office for office in offices if office is not measured]
        weights = [rng.uniform(0.4, 2.2) for _ in others]
        planned = {measured.pk: counts["events"]}
        planned.update(
            (office.pk, n)
            for office, n in zip(others, _split(counts["events"], weights), strict=True)
        )
        events, sizes_of = [], {}
        for office in offices:
            for _ in range(planned[office.pk]):
                event = _event(rng, office, organisations[office.pk], now)
                event.created_by = counsellor[office.pk]
                events.append(event)
        # The fair whose check-in is measured: today, 9 to 16 o'clock.
        fair = _event(rng, measured, organisations[measured.pk], now, kind="training_fair")
        today = timezone.localtime(now).replace(minute=0, second=0, microsecond=0)
        fair.title = f"Hagener Ausbildungsmesse {today.year}"
        fair.starts_at, fair.ends_at = today.replace(hour=9), today.replace(hour=16)
        fair.venue_organisation, fair.venue = None, "Stadthalle Hagen, Wasserloses Tal 2"
        fair.registration_open, fair.created_by = True, counsellor[measured.pk]
        events[events.index(next(e for e in events if e.office_id == measured.pk))] = fair
        events.sort(key=lambda e: e.starts_at)  # created about in the order they take place
        events = Event.objects.bulk_create(events, batch_size=2000)
        _event_details(rng, events)
        clock.lap("events")

        for office in offices:
            own = [e for e in events if e.office_id == office.pk]
            total = counts["registrations"] if office is measured else 20 * len(own)
            if office is measured:
                ordinary = [e for e in own if e is not fair]
                numbers = _spread(rng, len(ordinary), total - counts["fair"])
                sizes_of.update((e.pk, n) for e, n in zip(ordinary, numbers, strict=True))
                sizes_of[fair.pk] = counts["fair"]
            else:
                sizes_of.update(
                    (e.pk, n) for e, n in zip(own, _spread(rng, len(own), total), strict=True)
                )
        pending = []
        for event in events:
            pending += _registrations(
                rng,
                names,
                event,
                sizes_of[event.pk],
                now,
                counsellor[event.office_id],
                people if event.office_id == measured.pk else [],
            )
            if len(pending) >= 20_000:
                Registration.objects.bulk_create(pending, batch_size=2000)
                pending = []
        Registration.objects.bulk_create(pending, batch_size=2000)
        clock.lap("registrations")
    # Fresh planner statistics after the bulk load, as seed-demo does (and, on
    # PostgreSQL, as autovacuum would do soon after).
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    clock.lap("analyze")
    return clock.seconds


def _organisations(rng, names, offices, specs) -> dict:
    """The demo's organisations of each office (lotse.demo.places) plus companies."""
    from lotse.demo.places import (
        COMPANY_TEMPLATES,
        CURATED_ORGS,
        LEGAL_FORMS,
        RESTAURANT_PLACES,
        generic_orgs,
    )
    from lotse.organisations.models import Organisation

    rows = []
    for office, spec in zip(offices, specs, strict=True):
        for org in CURATED_ORGS.get(spec.slug) or generic_orgs(spec.town, spec.land):
            if "{" in org.name:
                continue  # named after an owner: the companies below stand for them
            rows.append(
                Organisation(
                    office=office,
                    name=org.name,
                    kind=org.kind,
                    institution_type=org.institution_type,
                    postcode=org.postcode or spec.postcodes[0],
                    town=org.town or spec.town,
                    migrant_led=org.migrant_led,
                )
            )
        for _ in range(40 if spec.slug == MEASURED else 10):
            pattern, sector, chamber, size_classes = rng.choice(COMPANY_TEMPLATES)
            _community, given, family, _female = names.person()
            name = pattern.format(
                family=names.spelling(family),
                given=names.spelling(given),
                place=rng.choice(RESTAURANT_PLACES),
            ) + rng.choice(LEGAL_FORMS)
            rows.append(
                Organisation(
                    office=office,
                    name=name,
                    kind="company",
                    sector=sector,
                    chamber=chamber,
                    size_class=rng.choice(size_classes),
                    postcode=rng.choice(spec.postcodes),
                    town=spec.town,
                    migrant_led=rng.random() < 0.6,
                )
            )
    for row in rows:
        row.search_key = folded_key_of(row.name, row.town)
    rows = Organisation.objects.bulk_create(rows, batch_size=2000)
    by_office: dict[int, dict] = {}
    for row in rows:
        kinds = by_office.setdefault(row.office_id, {})
        kinds.setdefault(row.kind, []).append(row)
    return by_office


def folded_key_of(*texts: str) -> str:
    """Organisation.search_key as Organisation.save() sets it."""
    from lotse.core.names import folded_key

    return folded_key(*texts)[:400]


def _people(names, office, count: int) -> list:
    from lotse.people.models import Person

    rng = names.rng
    people = []
    for _ in range(count):
        community, given, family, female = names.person()
        original = rng.random() < community.original_share and given.original and family.original
        person = Person(
            office=office,
            given_names=names.spelling(given),
            family_name=names.spelling(family),
            given_names_original=given.original if original else "",
            family_name_original=family.original if original else "",
            birth_year=rng.randint(1970, 2010),
            gender="female" if female else "male",
            is_young_person=rng.random() < 0.6,
            is_parent=rng.random() < 0.4,
        )
        person.refresh_search_keys()
        people.append(person)
    return Person.objects.bulk_create(people, batch_size=2000)


def _event(rng, office, organisations: dict, now, kind: str | None = None):
    from django.utils import timezone

    from lotse.events.models import Event

    kind = kind or _weighted(rng, KINDS)
    day = timezone.localtime(now).date() + datetime.timedelta(
        rng.randint(-365 * YEARS_PAST, 365 * YEARS_AHEAD)
    )
    hour = rng.choice([9, 10, 11, 14, 15, 16, 17, 18, 18, 19])
    starts = timezone.make_aware(
        datetime.datetime.combine(day, datetime.time(hour, rng.choice([0, 0, 30]))),
    )
    minutes = {"training_fair": 420, "parents_evening": 120}.get(kind, rng.choice([90, 120, 180]))
    schools = organisations.get("school", [])
    msos = organisations.get("migrant_org", [])
    companies = organisations.get("company", [])
    school, mso, company = rng.choice(schools), rng.choice(msos), rng.choice(companies)
    title = rng.choice(TITLES[kind]).format(
        school=school.name,
        mso=mso.name,
        company=company.name,
        town=office.town,
        year=day.year,
        n=rng.randint(1, len(MODULE_TOPICS)),
        topic=rng.choice(MODULE_TOPICS),
        season="Frühjahr" if day.month < 7 else "Herbst",
    )
    venue_organisation = {"school_info": school, "open_day": company, "company_tour": company}.get(
        kind, mso if kind == "parents_evening" and rng.random() < 0.6 else None
    )
    unlimited, smallest, largest = CAPACITY[kind]
    room = rng.randint(1, 4)
    upcoming = starts >= now
    event = Event(
        office=office,
        kind=kind,
        title=title[:200],
        description=DESCRIPTIONS[kind],
        starts_at=starts,
        ends_at=None if rng.random() < 0.1 else starts + datetime.timedelta(minutes=minutes),
        venue_organisation=venue_organisation,
        venue="" if venue_organisation else f"Servicestelle {office.town}, Raum {room}",
        capacity=None if rng.random() < unlimited else rng.randint(smallest, largest),
        audiences=AUDIENCES[kind],
        is_public=kind not in NETWORK and rng.random() < 0.95,
        registration_open=rng.random() < (0.9 if upcoming else 0.3),
    )
    event.partner_choice = [o for o in (school, mso, company) if rng.random() < 0.3]
    return event


def _event_details(rng, events) -> None:
    """Languages spoken, partner organisations and texts in further languages."""
    from lotse.core.models import Language
    from lotse.events.models import Event, EventText

    languages = dict(Language.objects.values_list("code", "pk"))
    spoken = Event.languages.through
    partners = Event.partners.through
    language_rows, partner_rows, texts = [], [], []
    for event in events:
        codes = {"de", *rng.sample(EVENT_LANGUAGES, rng.choice([0, 1, 1, 2, 3]))}
        language_rows += [
            spoken(event_id=event.pk, language_id=languages[code])
            for code in codes
            if code in languages
        ]
        partner_rows += [
            partners(event_id=event.pk, organisation_id=org.pk)
            for org in getattr(event, "partner_choice", [])
        ]
        if event.is_public and rng.random() < 0.3:
            for language in rng.sample(list(TRANSLATED), rng.randint(1, 3)):
                texts.append(
                    EventText(
                        office_id=event.office_id,
                        event=event,
                        language=language,
                        title=TRANSLATED[language][event.kind],
                    )
                )
    spoken.objects.bulk_create(language_rows, batch_size=4000)
    partners.objects.bulk_create(partner_rows, batch_size=4000)
    EventText.objects.bulk_create(texts, batch_size=2000)


def _registrations(rng, names, event, count: int, now, counsellor, people) -> list:
    """COUNT registrations, in the order they came in: seats while they last, then waiting."""
    from lotse.events.models import Registration

    network = event.kind in NETWORK
    past = event.starts_at < now
    linked = rng.sample(people, min(len(people), round(count * PERSON_SHARE))) if people else []
    opened = event.starts_at - datetime.timedelta(days=rng.randint(14, 60))
    moments = sorted(
        opened + (event.starts_at - opened) * rng.random() * 0.98 for _ in range(count)
    )
    seats, rows = 0, []
    for i, registered_at in enumerate(moments):
        person = linked[i] if i < len(linked) else None
        if person is not None:
            name, language, source = person.full_name, "de", "staff"
        else:
            name, language = names.registration()
            source = "invitation" if network else ("public" if rng.random() < 0.85 else "staff")
        companions = (
            rng.choice([0, 0, 1, 1, 2, 3])
            if event.kind in {"parents_evening", "open_day"}
            else (1 if rng.random() < 0.05 else 0)
        )
        if rng.random() < 0.07:
            status = "cancelled"
        elif network and not past and rng.random() < 0.4:
            status = "invited"
        elif event.capacity is None or seats + 1 + companions <= event.capacity:
            status = "confirmed"
            seats += 1 + companions
        else:
            status = "waitlisted"
        email = ""
        if rng.random() < 0.65:
            local = ".".join(names.ascii(name).lower().split()[:2]) or "gast"
            email = f"{local}{rng.randint(1, 99)}@example.org"
        today = event.starts_at.date() == now.date()
        attended = status == "confirmed" and (
            (past and not today and rng.random() < 0.75) or (today and rng.random() < 0.3)
        )
        registration = Registration(
            office_id=event.office_id,
            event=event,
            person=person,
            name=name,
            email=email,
            phone=f"0{rng.choice([151, 160, 170, 176])} {rng.randint(1000000, 99999999)}"
            if rng.random() < 0.35
            else "",
            companions=companions,
            language=language,
            status=status,
            source=source,
            consent_contact=rng.random() < 0.5,
            consent_photos=rng.random() < 0.4,
            registered_at=registered_at,
            cancelled_at=registered_at + datetime.timedelta(days=1)
            if status == "cancelled"
            else None,
            attended=attended,
            checked_in_at=event.starts_at + datetime.timedelta(minutes=rng.randint(-10, 40))
            if attended
            else None,
            checked_in_by=counsellor if attended else None,
            reminder_sent_at=event.starts_at - datetime.timedelta(days=1)
            if past and email and status == "confirmed"
            else None,
        )
        registration.refresh_search_keys()  # bulk_create skips save()
        rows.append(registration)
    return rows


# --------------------------------------------------------------------------- measuring


def _profile(run, count: int = 10) -> str:
    """cProfile of COUNT calls of RUN(i): Lotse's functions by cumulative time, all by own."""
    import cProfile
    import io
    import pstats
    import re

    profiler = cProfile.Profile()
    for i in range(count):
        profiler.runcall(run, i)
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(r"/lotse/", 16)
    stats.sort_stats("tottime").print_stats(14)
    text = out.getvalue().replace(sys.prefix + "/", "").replace(str(ROOT) + "/", "")
    text = re.sub(r"lib/python3\.\d+/site-packages/", "", text)
    return "\n".join(
        line
        for line in text.splitlines()
        if line.strip() and not line.strip().startswith(("Ordered by", "List reduced"))
    )


def measure(args) -> dict:
    from django.db import connection
    from django.db.models import Count, Q
    from django.test import Client
    from django.urls import NoReverseMatch, Resolver404, resolve, reverse
    from django.utils import timezone
    from django_scopes import scope, scopes_disabled

    from lotse.accounts.models import ApiToken, Membership, Office
    from lotse.accounts.scoping import office_values
    from lotse.events.models import Event, Registration

    membership = Membership.objects.select_related("user", "office").get(
        user__username=USER, office__slug=MEASURED
    )
    user, office = membership.user, membership.office
    ApiToken.objects.filter(membership=membership, name="benchmark").delete()
    _, key = ApiToken.objects.issue(membership, "benchmark")
    now = timezone.now()
    with scopes_disabled():
        totals = {
            "offices": Office.objects.count(),
            "events": Event.objects.count(),
            "registrations": Registration.objects.count(),
        }
    with scope(**office_values(office)):
        events = Event.objects.annotate(n=Count("registrations")).order_by("-n", "id")
        fair = events.first()
        ordinary = list(events.filter(n__lte=PER_EVENT[1]).values_list("pk", flat=True))
        office_totals = {
            "events": Event.objects.count(),
            "upcoming": Event.objects.upcoming(now).count(),
            "registrations": Registration.objects.count(),
            "fair": fair.n,
        }
        past_events = Event.objects.filter(
            Q(ends_at__lt=now) | Q(ends_at__isnull=True, starts_at__lt=now)
        ).count()
    rng = random.Random(1)
    rng.shuffle(ordinary)

    staff, visitor = Client(), Client()
    staff.force_login(user)

    def htmx(target):
        """The headers htmx sends for a request that swaps the element #TARGET."""
        return {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": target}

    api = {"HTTP_AUTHORIZATION": f"Bearer {key}"}

    def page(name, *, args=(), kwargs=None, query="", client=staff, headers=None):
        """(prepare(i) → callable, or None) for the URL NAME; None while it does not exist."""
        try:
            reverse(name, args=[a if not callable(a) else 1 for a in args], kwargs=kwargs)
        except NoReverseMatch:
            return None, f"no URL `{name}` yet"

        def prepare(i):
            path = reverse(name, args=[a(i) if callable(a) else a for a in args], kwargs=kwargs)
            return client, path + query, headers or {}

        return prepare, ""

    def api_path(path, query=""):
        try:
            resolve(path)
        except Resolver404:
            return None, f"no API `{path}` yet"
        return (lambda i: (staff, path + query, api)), ""

    calendar = {"office": office.slug, "lang": "de"}
    endpoints = [
        ("Event list `/events/` (upcoming)", page("events:list")),
        ("Event list `?when=past`", page("events:list", query="?when=past")),
        ("Event list `?when=past&page=last`", page("events:list", query="?when=past&page=last")),
        (f"Event list `?q={LIST_QUERY}`", page("events:list", query=f"?q={LIST_QUERY}")),
        (
            f"Event list `?q={LIST_QUERY}&when=past`",
            page("events:list", query=f"?q={LIST_QUERY}&when=past"),
        ),
        (
            "Event list, htmx `?q=ausbildung&when=past`",
            page("events:list", query="?q=ausbildung&when=past", headers=htmx("results")),
        ),
        ("Check-in, fair, whole page", page("events:checkin", args=[fair.pk])),
        (
            "Check-in, fair, page `?q=moha`",
            page("events:checkin", args=[fair.pk], query="?q=moha"),
        ),
        *(
            (
                f"Check-in, fair, htmx: {label}",
                page(
                    "events:checkin",
                    args=[fair.pk],
                    query="?" + urlencode({"q": query}),
                    headers=htmx("checkin-results"),
                ),
            )
            for label, query in CHECKIN_QUERIES
        ),
        (
            "Check-in, other events (5–40 reg.; varying)",
            page("events:checkin", args=[lambda i: ordinary[i % len(ordinary)]]),
        ),
        ("Event page, fair", page("events:detail", args=[fair.pk])),
        (
            "Public calendar `/v/hagen/de/`",
            page("public_events:calendar", kwargs=calendar, client=visitor),
        ),
        (
            "Public calendar `/v/hagen/ar/`",
            page("public_events:calendar", kwargs={**calendar, "lang": "ar"}, client=visitor),
        ),
        (
            "Public calendar feed `calendar.ics`",
            page("public_events:feed", kwargs={"office": office.slug}, client=visitor),
        ),
        ("API `/api/v1/events/`", api_path("/api/v1/events/")),
        (
            "API `/api/v1/events/?from=<today>`",
            api_path("/api/v1/events/", f"?from={timezone.localdate(now).isoformat()}"),
        ),
        (
            "API registrations of the fair",
            api_path(f"/api/v1/events/{fair.pk}/registrations"),
        ),
    ]
    results = []
    for label, (prepare_call, missing) in endpoints:
        if prepare_call is None:
            print(f"  {label}: skipped, {missing}", file=sys.stderr, flush=True)
            results.append({"endpoint": label, "skipped": missing})
            continue

        def run(i, prepare_call=prepare_call):
            client, path, extra = prepare_call(i)
            response = client.get(path, **extra)
            if response.status_code != 200:
                raise RuntimeError(f"{path}: HTTP {response.status_code}")
            return response

        try:
            for i in range(args.warmup):
                run(i + 10_000)
        except RuntimeError as error:
            print(f"  {label}: skipped, {error}", file=sys.stderr, flush=True)
            results.append({"endpoint": label, "skipped": str(error)})
            continue
        times, queries, sizes_kb, slowest = [], [], [], (0.0, "")
        for i in range(args.requests):
            log = QueryLog()
            with connection.execute_wrapper(log):
                started = time.perf_counter()
                response = run(i)
                elapsed = time.perf_counter() - started
            times.append(elapsed * 1000)
            queries.append(log.count)
            body = b"".join(response) if response.streaming else response.content
            sizes_kb.append(len(body) / 1024)
            if log.slowest[0] >= slowest[0]:
                slowest = log.slowest
        result = {
            "endpoint": label,
            "median_ms": round(statistics.median(times), 1),
            "p95_ms": round(percentile(times, 0.95), 1),
            "max_ms": round(max(times), 1),
            "queries_min": min(queries),
            "queries_max": max(queries),
            "kb": round(statistics.median(sizes_kb), 1),
            "slowest_query_ms": round(slowest[0] * 1000, 1),
            "slowest_query": slowest[1][:2000],
        }
        if args.profile:
            result["profile"] = _profile(run)
        results.append(result)
        print(
            f"  {label}: median {result['median_ms']} ms, p95 {result['p95_ms']} ms, "
            f"{result['queries_min']}–{result['queries_max']} queries, {result['kb']} kB",
            file=sys.stderr,
            flush=True,
        )
    return {
        "user": user.username,
        "office": office.name,
        "totals": totals,
        "office_totals": {**office_totals, "past": past_events},
        "endpoints": results,
    }


if __name__ == "__main__":
    main()
