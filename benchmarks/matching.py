#!/usr/bin/env python
"""Lotse matching benchmark: ranked lists with 50,000 young people × 20,000 open places.

    .venv/bin/python benchmarks/matching.py --database sqlite
    .venv/bin/python benchmarks/matching.py --database postgres
    .venv/bin/python benchmarks/matching.py --scale 0.1 --small-scale 0 --requests 10   # quick

Issue 4 asks for the ranked list of one young person (places for a person) or of one
place (candidates for a place) to answer with a p95 below 200 ms on SQLite and
PostgreSQL, with 50,000 young people and 20,000 open places in 40 offices.

For each size (the given scale and, for comparison, a tenth of it) the runner uses a
database of its own — SQLite in `<data dir>/s<percent>/` or the PostgreSQL database
`lotse_bench_matching_s<percent>` — runs `lotse migrate`, generates the data with
`bulk_create` unless they are there already (`--regenerate` forces it), then measures
in a fresh process with Django's test client. The table goes to
benchmarks/results/matching-<database>.md and to standard output.

The file is self-contained: the same script is the runner (parent process) and, with
`--worker generate|measure`, the worker that the runner starts with the bench
database in its environment.
"""

import argparse
import datetime
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
# The same nearest-rank percentile and machine description as `make bench`.
from measure import environment, percentile  # noqa: E402,F401  (stdlib-only at import time)

DEFAULT_PG = "postgres://lotse:lotse@127.0.0.1:5432"
TARGET_P95_MS = 200

# What the generated data contain. Raise it when generate() writes something new:
# the runner then generates a bench database afresh instead of reusing it.
DATA_VERSION = 1
STATE_FILE = "bench-matching.json"

OFFICES = 40
PEOPLE_PER_OFFICE = 1_250  # × 40 = 50,000 young people
PLACES_PER_OFFICE = 500  # × 40 = 20,000 open places
COMPANIES_PER_OFFICE = 50
RADIUS_KM = 30  # people and places live within this distance of the office's town

# 40 real towns (centre coordinates); people and places get real postcodes near them.
TOWNS = [
    ("Hagen", "NW", 51.3671, 7.4633),
    ("Osnabrück", "NI", 52.2799, 8.0472),
    ("Dortmund", "NW", 51.5136, 7.4653),
    ("Essen", "NW", 51.4556, 7.0116),
    ("Duisburg", "NW", 51.4344, 6.7623),
    ("Köln", "NW", 50.9375, 6.9603),
    ("Düsseldorf", "NW", 51.2277, 6.7735),
    ("Bielefeld", "NW", 52.0302, 8.5325),
    ("Münster", "NW", 51.9607, 7.6261),
    ("Wuppertal", "NW", 51.2562, 7.1508),
    ("Bonn", "NW", 50.7374, 7.0982),
    ("Aachen", "NW", 50.7753, 6.0839),
    ("Hannover", "NI", 52.3759, 9.7320),
    ("Braunschweig", "NI", 52.2689, 10.5268),
    ("Oldenburg", "NI", 53.1435, 8.2146),
    ("Bremen", "HB", 53.0793, 8.8017),
    ("Hamburg", "HH", 53.5511, 9.9937),
    ("Kiel", "SH", 54.3233, 10.1228),
    ("Lübeck", "SH", 53.8655, 10.6866),
    ("Rostock", "MV", 54.0924, 12.0991),
    ("Berlin", "BE", 52.5200, 13.4050),
    ("Potsdam", "BB", 52.3906, 13.0645),
    ("Leipzig", "SN", 51.3397, 12.3731),
    ("Dresden", "SN", 51.0504, 13.7373),
    ("Chemnitz", "SN", 50.8278, 12.9214),
    ("Magdeburg", "ST", 52.1205, 11.6276),
    ("Halle (Saale)", "ST", 51.4969, 11.9688),
    ("Erfurt", "TH", 50.9848, 11.0299),
    ("Kassel", "HE", 51.3127, 9.4797),
    ("Frankfurt am Main", "HE", 50.1109, 8.6821),
    ("Wiesbaden", "HE", 50.0782, 8.2398),
    ("Mainz", "RP", 49.9929, 8.2473),
    ("Mannheim", "BW", 49.4875, 8.4660),
    ("Karlsruhe", "BW", 49.0069, 8.4037),
    ("Stuttgart", "BW", 48.7758, 9.1829),
    ("Freiburg im Breisgau", "BW", 47.9990, 7.8421),
    ("Nürnberg", "BY", 49.4521, 11.0767),
    ("München", "BY", 48.1351, 11.5820),
    ("Augsburg", "BY", 48.3705, 10.8978),
    ("Saarbrücken", "SL", 49.2402, 6.9969),
]


def _words(text: str) -> list[str]:
    return text.split()


GIVEN_NAMES = _words(
    "Mohammed Ahmad Ali Omar Yusuf Hassan Ibrahim Mustafa Emre Can Deniz Murat Burak "
    "Elif Ayşe Zeynep Fatma Merve Leyla Amina Fatima Mariam Nour Sara Hana Aylin Selin "
    "Esra Dilara Kübra Tarek Karim Samir Bilal Idris Abdi Amadou Kwame Chidi Tamara "
    "Olena Iryna Oksana Dmytro Andrii Mykola Natalia Anastasia Ivan Sergej Pavel Ewa "
    "Katarzyna Piotr Tomasz Ana Mihai Ioana Andrei Elena Georgi Nikola Dragan Vesna "
    "Lukas Leon Finn Paul Jonas Ben Luca Noah Mia Emma Hannah Lea Lina Marie Sophie "
    "Laura Julia Anna Lena Tim"
)
FAMILY_NAMES = _words(
    "Yılmaz Kaya Demir Şahin Çelik Yıldız Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan "
    "Çetin Kara Koç Kurt Özkan Al-Ahmad Haddad Khalil Mansour Nasser Saleh Hamdan "
    "Darwish Abdullah Rahimi Ahmadi Hosseini Karimi Mohammadi Haidari Diallo Traoré "
    "Mensah Okafor Abebe Tesfaye Kowalski Nowak Wiśniewski Lewandowski Popescu Ionescu "
    "Popa Dimitrov Petrov Ivanov Horvat Jovanović Petrović Shevchenko Kovalenko "
    "Bondarenko Tkachenko Melnyk Müller Schmidt Schneider Fischer Weber Meyer Wagner "
    "Becker Schulz Hoffmann Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann "
    "Schwarz Zimmermann Braun Krüger"
)
COMPANY_WORDS = _words(
    "Bau Elektro Sanitär Kfz Logistik Pflege Handel Gastro Metall Holz Druck Malerei "
    "Bäckerei Friseur Optik Dental Steuer IT Reinigung Garten Dach Fliesen Umzug Versand"
)
COMPANY_FORMS = ["GmbH", "GmbH & Co. KG", "e. K.", "OHG", "UG", "KG"]

KINDS = [("apprenticeship", 50), ("eq", 20), ("internship", 20), ("orientation_day", 10)]
DURATIONS = {
    "apprenticeship": ["3 Jahre", "3,5 Jahre", "2 Jahre"],
    "eq": ["6 Monate", "9 Monate", "12 Monate"],
    "internship": ["2 Wochen", "4 Wochen", "3 Monate"],
    "orientation_day": ["1 Tag", "3 Tage"],
}
GERMAN = [("", 15), ("A1", 5), ("A2", 15), ("B1", 30), ("B2", 25), ("C1", 8), ("C2", 2)]
GERMAN_REQUIRED = [("", 40), ("A2", 15), ("B1", 30), ("B2", 15)]
SCHOOL = [
    ("", 10),
    ("none", 8),
    ("foreign", 12),
    ("foerderschule", 3),
    ("hauptschule", 25),
    ("mittlerer", 25),
    ("fachhochschulreife", 9),
    ("abitur", 8),
]
SCHOOL_REQUIRED = [("", 45), ("hauptschule", 30), ("mittlerer", 20), ("abitur", 5)]
MAX_DISTANCE = [10, 15, 20, 25, 25, 30, 40, 50]


# =========================================================================== runner


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--database", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument(
        "--scale",
        type=float,
        default=1.0,
        help="1.0 = full size: 40 offices with 1,250 young people and 500 open places each",
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
                "LOTSE_BENCH_MATCHING_DIR", Path(tempfile.gettempdir()) / "lotse-bench-matching"
            )
        ),
        help="where the bench databases (SQLite), secret keys and state files live",
    )
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get("LOTSE_BENCH_POSTGRES", DEFAULT_PG),
        help=f"server URL without database name (default {DEFAULT_PG})",
    )
    parser.add_argument("--output", type=Path, help="markdown (default results/matching-<db>.md)")
    parser.add_argument(
        "--engine",
        type=Path,
        help="measure with this copy of lotse/matching/engine.py instead (to try a fix; "
        "its places_for, people_for and suggestion_for replace the engine's)",
    )
    parser.add_argument("--worker", choices=("generate", "measure"), help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def size_label(scale: float) -> str:
    return f"s{round(scale * 100)}"


def ensure_postgres(url: str, name: str, drop: bool) -> str:
    """Create database NAME on the server (dropping it first with --regenerate)."""
    import psycopg

    if subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1"], check=False).returncode != 0:
        subprocess.run(["pg_ctlcluster", "15", "main", "start"], check=False)
    with psycopg.connect(f"{url}/postgres", autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", (name,)
        ).fetchone()
        if exists and drop:
            connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = None
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')
    return f"{url}/{name}"


def _child(env, *arguments) -> dict:
    completed = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), *arguments],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    if completed.returncode != 0:
        sys.exit(f"{' '.join(arguments[:2])} failed (exit {completed.returncode})")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def outdated(data_dir: Path) -> bool:
    """Whether the bench data were generated by an older version of this benchmark."""
    try:
        state = json.loads((data_dir / STATE_FILE).read_text())
    except FileNotFoundError:
        return False
    except ValueError:
        return True
    return state.get("version") != DATA_VERSION


def run_size(args, scale: float, profile: bool, regenerate: bool) -> dict:
    label = size_label(scale)
    # SQLite: the database file lives here; PostgreSQL: only the secret key and state.
    data_dir = args.data_dir / (label if args.database == "sqlite" else f"postgres-{label}")
    if not regenerate and outdated(data_dir):
        regenerate = True
        print(f"== {data_dir}: older data (DATA_VERSION); generating afresh", file=sys.stderr)
    if regenerate and data_dir.exists():
        shutil.rmtree(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "static").mkdir(exist_ok=True)  # STATIC_ROOT; WhiteNoise warns without it
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
    if args.database == "postgres":
        env["DATABASE_URL"] = ensure_postgres(
            args.postgres_url, f"lotse_bench_matching_{label}", regenerate
        )
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
    generated = _child(env, "--worker", "generate", *common)
    if generated["generated_now"]:
        # The migrate that created the tables belongs to the generation time.
        state_file = data_dir / STATE_FILE
        state = json.loads(state_file.read_text())
        state["migrate_seconds"] = generated["migrate_seconds"] = migrate_seconds
        state_file.write_text(json.dumps(state))
    if args.generate_only:
        return {"scale": scale, "label": label, "data": generated}
    measure_args = [*common, "--requests", str(args.requests), "--warmup", str(args.warmup)]
    if profile:
        measure_args.append("--profile")
    if args.engine:
        measure_args += ["--engine", str(args.engine.resolve())]
    measured = _child(env, "--worker", "measure", *measure_args)
    return {"scale": scale, "label": label, "data": generated, **measured}


def _n(number: int) -> str:
    return f"{number:,}"


def report(args, runs: list[dict]) -> str:
    big = runs[-1]
    env = big["environment"]
    lines = [
        f"# Lotse matching benchmark — {env['database']}",
        "",
        f"- Date: {datetime.date.today().isoformat()}",
        f"- Machine: {env['cpu']}, {env['cores']} cores, {env['memory']} RAM; "
        f"Python {env['python']}, Django {env['django']}, {env['database']}",
        f"- Client: Django test client logged in as `{big['user']}` (counsellor, "
        f"{big['office']}); API with a bearer token of the same membership; "
        f"{args.requests} timed requests per endpoint (each for a different young person "
        f"or place of the office) after {args.warmup} warm-up requests; server times in "
        "the same process (no network); DEBUG off, `lotse.settings`. Engine rows: "
        "`engine.places_for` / `engine.people_for` alone, inside the office scope, with the "
        "person / place already loaded (default limit 50).",
    ]
    if args.engine:
        lines.append(
            f"- **Engine replaced** by `{args.engine}` (places_for, people_for, "
            "suggestion_for) — not the engine in lotse/."
        )
    for run in runs:
        data, totals = run["data"], run["totals"]
        timing = ", ".join(f"{k} {v} s" for k, v in data["seconds"].items())
        made = (
            f"`lotse migrate` {data.get('migrate_seconds', '?')} s, then generated in "
            f"{data['total_seconds']} s ({timing})"
            + ("" if data.get("generated_now") else "; generated by an earlier run")
        )
        lines.append(
            f"- Data at scale {run['scale']:g}: {_n(totals['offices'])} offices, "
            f"{_n(totals['young_people'])} young people with a matching profile "
            f"({_n(totals['wishes'])} wished occupations), {_n(totals['companies'])} companies, "
            f"{_n(totals['open_places'])} open places ({_n(totals['places'])} in all), "
            f"{_n(totals['placements'])} placements ({_n(totals['seat_holding'])} holding "
            f"a seat); {run['office']}: {_n(run['office_people'])} young people, "
            f"{_n(run['office_open_places'])} open places. Database: {made}."
        )
    lines += ["", _table(runs), ""]
    missed = [e for e in big["endpoints"] if e["p95_ms"] >= TARGET_P95_MS]
    lines.append(
        f"Target p95 < {TARGET_P95_MS} ms at {_n(big['totals']['young_people'])} young people "
        f"× {_n(big['totals']['open_places'])} open places: "
        + (
            "met by every endpoint."
            if not missed
            else "missed by " + ", ".join(e["endpoint"] for e in missed) + "."
        )
    )
    if len(runs) > 1:
        grows = [
            b["endpoint"]
            for a, b in zip(runs[0]["endpoints"], big["endpoints"], strict=True)
            if b["queries_max"] > a["queries_max"]
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
    for endpoint in big["endpoints"]:
        lines += [
            f"**{endpoint['endpoint']}** — {endpoint['slowest_query_ms']} ms",
            "",
            "```sql",
            endpoint["slowest_query"],
            "```",
            "",
        ]
    lines += ["</details>", ""]
    profiles = [e for e in big["endpoints"] if e.get("profile")]
    if profiles:
        lines += ["<details><summary>cProfile (largest size, 10 requests each)</summary>", ""]
        for endpoint in profiles:
            lines += [f"**{endpoint['endpoint']}**", "", "```", endpoint["profile"], "```", ""]
        lines += ["</details>", ""]
    return "\n".join(lines)


def _table(runs: list[dict]) -> str:
    header = ["Endpoint"]
    for run in runs:
        t = run["totals"]
        header += [
            f"{_n(t['young_people'])} × {_n(t['open_places'])}: median ms",
            "p95 ms",
            "queries",
        ]
    rows = [header, ["---"] + ["---:"] * (len(header) - 1)]
    for index, endpoint in enumerate(runs[0]["endpoints"]):
        row = [endpoint["endpoint"]]
        for run in runs:
            e = run["endpoints"][index]
            queries = (
                str(e["queries_min"])
                if e["queries_min"] == e["queries_max"]
                else f"{e['queries_min']}–{e['queries_max']}"
            )
            row += [f"{e['median_ms']:.1f}", f"{e['p95_ms']:.1f}", queries]
        rows.append(row)
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)


def main(argv=None):
    args = parse_args(argv)
    if args.worker:
        return worker(args)
    small = args.small_scale if args.small_scale is not None else args.scale / 10
    scales = [small, args.scale] if small and small != args.scale else [args.scale]
    runs = [
        run_size(
            args, scale, profile=args.profile and scale == scales[-1], regenerate=args.regenerate
        )
        for scale in scales
    ]
    if args.generate_only:
        print(json.dumps([run["data"] for run in runs], indent=1))
        return
    # A missed target at the largest size: measure again with cProfile for the report.
    if not args.profile and any(e["p95_ms"] >= TARGET_P95_MS for e in runs[-1]["endpoints"]):
        print("== target missed: profiling", file=sys.stderr, flush=True)
        profiled = run_size(args, scales[-1], profile=True, regenerate=False)
        for endpoint, again in zip(runs[-1]["endpoints"], profiled["endpoints"], strict=True):
            endpoint["profile"] = again.get("profile", "")
    text = report(args, runs)
    output = args.output or HERE / "results" / f"matching-{args.database}.md"
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
        if args.engine:
            use_engine(args.engine)
        result = {"environment": environment(), **measure(args)}
    print(json.dumps(result))


def use_engine(path: Path) -> None:
    """Replace the engine's entry points by those of PATH (a changed copy of engine.py)."""
    import importlib.util

    from lotse.matching import engine

    spec = importlib.util.spec_from_file_location("lotse.matching._bench_engine", path)
    candidate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(candidate)
    for name in ("places_for", "people_for", "suggestion_for"):
        setattr(engine, name, getattr(candidate, name))


def per_office(scale: float) -> dict:
    return {
        "people": max(1, round(PEOPLE_PER_OFFICE * scale)),
        "places": max(1, round(PLACES_PER_OFFICE * scale)),
        "companies": max(2, round(COMPANIES_PER_OFFICE * scale)),
    }


def data_present(scale: float) -> bool:
    from django_scopes import scopes_disabled

    from lotse.accounts.models import Office
    from lotse.matching.models import MatchingProfile, Place
    from lotse.people.models import Person

    counts = per_office(scale)
    with scopes_disabled():
        return (
            Office.objects.count() == OFFICES
            and Person.objects.filter(is_young_person=True).count() == OFFICES * counts["people"]
            and MatchingProfile.objects.count() == OFFICES * counts["people"]
            and Place.objects.filter(status="open").count() == OFFICES * counts["places"]
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


class _Clock:
    def __init__(self):
        self.seconds: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.seconds[name] = round(now - self._last, 1)
        self._last = now
        print(f"  {name}: {self.seconds[name]} s", file=sys.stderr, flush=True)


def _weighted(rng: random.Random, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


def _nearby_postcodes(postcodes, lat: float, lon: float):
    """Real postcodes within RADIUS_KM of a town, nearer ones more likely."""
    from lotse.core.geo import distance_km

    near = []
    for row in postcodes:
        d = distance_km((lat, lon), (row[2], row[3]))
        if d <= RADIUS_KM:
            near.append((row, 1 / (1 + d / 8)))
    if not near:
        raise RuntimeError(f"no postcode within {RADIUS_KM} km of {lat}, {lon}")
    return [row for row, _ in near], [weight for _, weight in near]


def generate(scale: float) -> dict:
    """40 offices with young people, matching profiles, companies, places and placements."""
    from django.db import connection, transaction
    from django_scopes import scopes_disabled

    from lotse.accounts.models import Membership, Office, Role, User
    from lotse.core.models import Postcode
    from lotse.core.names import folded_key
    from lotse.matching.models import MatchingProfile, Occupation, Place, Placement
    from lotse.organisations.models import Organisation
    from lotse.people.models import Person

    rng = random.Random(4)
    clock = _Clock()
    counts = per_office(scale)
    today = datetime.date.today()
    batch = 2000
    postcodes = list(Postcode.objects.values_list("code", "town", "latitude", "longitude"))
    occupations = list(Occupation.objects.filter(active=True).values_list("id", flat=True))
    # Some occupations are wished and offered far more often than others.
    popularity = [1 / (rank + 5) for rank in range(len(occupations))]
    rng.shuffle(popularity)

    def occupation():
        return rng.choices(occupations, popularity)[0]

    with transaction.atomic(), scopes_disabled():
        offices = Office.objects.bulk_create(
            [
                Office(
                    name=f"Servicestelle {town}",
                    slug=f"bench-{index:02d}",
                    town=town,
                    land=land,
                    funding_line="JOBSTARTER plus",
                )
                for index, (town, land, _, _) in enumerate(TOWNS[:OFFICES])
            ]
        )
        users = []
        for office in offices:
            user = User(username=f"matching.{office.slug}", first_name="Beratung")
            user.set_unusable_password()
            users.append(user)
        users = User.objects.bulk_create(users)
        Membership.objects.bulk_create(
            [
                Membership(user=user, office=office, role=Role.COUNSELLOR)
                for user, office in zip(users, offices, strict=True)
            ]
        )
        nearby = {
            office.pk: _nearby_postcodes(postcodes, lat, lon)
            for office, (_, _, lat, lon) in zip(offices, TOWNS, strict=False)
        }

        def postcode_near(office):
            rows, weights = nearby[office.pk]
            return rng.choices(rows, weights)[0]

        clock.lap("offices")

        people = []
        for office in offices:
            for _ in range(counts["people"]):
                code, town, _, _ = postcode_near(office)
                person = Person(
                    office=office,
                    given_names=rng.choice(GIVEN_NAMES),
                    family_name=rng.choice(FAMILY_NAMES),
                    birth_year=rng.randint(today.year - 25, today.year - 15),
                    gender=rng.choice(["female", "male", "male", "female", "diverse"]),
                    postcode=code,
                    town=town,
                    is_young_person=True,
                )
                person.refresh_search_keys()
                people.append(person)
        people = Person.objects.bulk_create(people, batch_size=batch)
        clock.lap("people")

        profiles = [
            MatchingProfile(
                office_id=person.office_id,
                person=person,
                german_level=_weighted(rng, GERMAN),
                school_certificate=_weighted(rng, SCHOOL),
                available_from=(
                    None if rng.random() < 0.3 else today + datetime.timedelta(rng.randint(0, 365))
                ),
                max_distance_km=rng.choice(MAX_DISTANCE),
            )
            for person in people
        ]
        profiles = MatchingProfile.objects.bulk_create(profiles, batch_size=batch)
        through = MatchingProfile.wished_occupations.through
        wishes = []
        for profile in profiles:
            chosen = set()
            for _ in range(rng.choice([1, 1, 2, 2, 2, 3])):
                chosen.add(occupation())
            wishes += [
                through(matchingprofile_id=profile.pk, occupation_id=occupation_id)
                for occupation_id in chosen
            ]
        through.objects.bulk_create(wishes, batch_size=batch * 2)
        clock.lap("profiles")

        companies = []
        for office in offices:
            for _ in range(counts["companies"]):
                code, town, _, _ = postcode_near(office)
                name = (
                    f"{rng.choice(FAMILY_NAMES)} {rng.choice(COMPANY_WORDS)} "
                    f"{rng.choice(COMPANY_FORMS)}"
                )
                companies.append(
                    Organisation(
                        office=office,
                        kind="company",
                        name=name,
                        postcode=code,
                        town=town,
                        migrant_led=rng.random() < 0.4,
                        search_key=folded_key(name, town)[:400],
                    )
                )
        companies = Organisation.objects.bulk_create(companies, batch_size=batch)
        companies_of: dict[int, list] = {}
        for company in companies:
            companies_of.setdefault(company.office_id, []).append(company)
        clock.lap("companies")

        def place(office, status="open", seats=None):
            code, town, lat, lon = postcode_near(office)
            kind = _weighted(rng, KINDS)
            return Place(
                office=office,
                kind=kind,
                company=rng.choice(companies_of[office.pk]),
                occupation_id=occupation(),
                # save_place() locates the postcode; bulk_create bypasses it.
                postcode=code,
                town=town,
                latitude=lat,
                longitude=lon,
                start_date=today + datetime.timedelta(rng.randint(7, 400)),
                duration=rng.choice(DURATIONS[kind]),
                seats=seats or rng.choice([1, 1, 1, 2, 2, 3]),
                required_school_certificate=_weighted(rng, SCHOOL_REQUIRED),
                required_german_level=_weighted(rng, GERMAN_REQUIRED),
                status=status,
            )

        places = []
        # Beyond the open places: some filled and withdrawn ones, which matching skips.
        extra = max(1, round(counts["places"] * 0.04))
        for office in offices:
            places += [place(office) for _ in range(counts["places"])]
            places += [place(office, status="filled", seats=1) for _ in range(extra)]
            places += [place(office, status="withdrawn") for _ in range(extra // 2 or 1)]
        places = Place.objects.bulk_create(places, batch_size=batch)
        clock.lap("places")

        # Placements: a seat held in ~5 % of the open places (which stay open: they have
        # more seats), the filled places taken, some on the way, some cancelled.
        people_of: dict[int, list] = {}
        for person in people:
            people_of.setdefault(person.office_id, []).append(person)
        user_of = {user.username: user for user in users}
        placements, used = [], set()

        def placement(place, status, **more):
            candidates = people_of[place.office_id]
            for _ in range(20):
                person = rng.choice(candidates)
                if (place.pk, person.pk) not in used:
                    break
            else:
                return
            if status != "cancelled":
                used.add((place.pk, person.pk))
            placements.append(
                Placement(
                    office_id=place.office_id,
                    place=place,
                    person=person,
                    status=status,
                    status_changed_on=today - datetime.timedelta(rng.randint(0, 90)),
                    match_reasons="Benchmark",
                    created_by=user_of[f"matching.bench-{offices_index[place.office_id]:02d}"],
                    **more,
                )
            )

        offices_index = {office.pk: index for index, office in enumerate(offices)}
        for p in places:
            if p.status == "filled":
                placement(p, rng.choice(["accepted", "started", "started", "completed"]))
            elif p.status == "open":
                roll = rng.random()
                if p.seats > 1 and roll < 0.10:
                    placement(p, rng.choice(["accepted", "started", "completed"]))
                elif roll < 0.18:
                    placement(p, rng.choice(["suggested", "applied", "interview"]))
                elif roll < 0.20:
                    placement(p, "cancelled", cancelled_by="person", cancel_reason="anderer Platz")
        Placement.objects.bulk_create(placements, batch_size=batch)
        clock.lap("placements")
    # Fresh planner statistics after the bulk load, as seed-demo does (and, on
    # PostgreSQL, as autovacuum would do soon after).
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    clock.lap("analyze")
    return clock.seconds


# --------------------------------------------------------------------------- measuring


class QueryLog:
    """Counts the queries of a request and keeps the slowest (timed with perf_counter).

    The time is that of cursor.execute(); SQLite hands most rows over only when they
    are fetched, so for large results the cProfile section tells more.
    """

    def __init__(self):
        self.count = 0
        self.slowest = (0.0, "")

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            elapsed = time.perf_counter() - started
            if elapsed >= self.slowest[0]:
                self.slowest = (elapsed, _short(sql, params))


def _short(sql: str, params) -> str:
    """The query with long column lists and IN lists cut short, and its first parameters."""

    def cut(match):
        text = match.group(2)
        return match.group(1) + (text if len(text) <= 160 else f"{text[:90]} … {text[-50:]}")

    sql = re.sub(r"^(SELECT )(.*?)(?= FROM )", cut, sql, count=1)
    sql = re.sub(r"( GROUP BY )(.*?)(?= HAVING | ORDER BY | LIMIT |$)", cut, sql)
    sql = re.sub(r"IN \((%s(?:, %s)+)\)", lambda m: f"IN (%s × {m.group(1).count('%s')})", sql)
    values = list(params or [])
    more = f" … ({len(values)} in all)" if len(values) > 12 else ""
    return f"{sql}\n-- params: {values[:12]}{more}"


def measure(args) -> dict:
    import cProfile
    import io
    import pstats

    from django.db import connection
    from django.test import Client
    from django_scopes import scope, scopes_disabled

    from lotse.accounts.models import ApiToken, Membership, Office
    from lotse.matching import engine
    from lotse.matching.models import MatchingProfile, Place, Placement
    from lotse.organisations.models import Organisation
    from lotse.people.models import Person

    membership = Membership.objects.select_related("user", "office").get(
        user__username="matching.bench-00"
    )
    user, office = membership.user, membership.office
    ApiToken.objects.filter(membership=membership, name="benchmark").delete()
    _, key = ApiToken.objects.issue(membership, "benchmark")

    with scopes_disabled():
        seat_holding = Placement.objects.filter(status__in=list(engine.SEAT_HOLDING)).count()
        totals = {
            "offices": Office.objects.count(),
            "young_people": MatchingProfile.objects.filter(person__is_young_person=True).count(),
            "wishes": MatchingProfile.wished_occupations.through.objects.count(),
            "companies": Organisation.objects.filter(kind="company").count(),
            "places": Place.objects.count(),
            "open_places": Place.objects.filter(status="open").count(),
            "placements": Placement.objects.count(),
            "seat_holding": seat_holding,
        }
    with scope(office=[office.pk]):
        person_ids = list(
            MatchingProfile.objects.order_by("person_id").values_list("person_id", flat=True)
        )
        place_ids = list(
            Place.objects.filter(status="open").order_by("id").values_list("id", flat=True)
        )
    rng = random.Random(1)
    rng.shuffle(person_ids)
    rng.shuffle(place_ids)

    client = Client()
    client.force_login(user)
    api = {"HTTP_AUTHORIZATION": f"Bearer {key}"}

    def person_at(i):
        return person_ids[i % len(person_ids)]

    def place_at(i):
        return place_ids[i % len(place_ids)]

    def get(path_of):
        """An endpoint requested with the test client (pages: session; API: token)."""

        def prepare(i):
            path = path_of(i)
            extra = api if path.startswith("/api/") else {}

            def request():
                response = client.get(path, **extra)
                assert response.status_code == 200, (path, response.status_code)

            return request

        return prepare, False

    def engine_places(i):
        with scope(office=[office.pk]):
            person = Person.objects.get(pk=person_at(i))
        return lambda: engine.places_for(person)

    def engine_people(i):
        with scope(office=[office.pk]):
            place = Place.objects.select_related("company", "occupation").get(pk=place_at(i))
        return lambda: engine.people_for(place)

    # label, (prepare(i) → the callable that is timed, whether it runs in the office scope)
    endpoints = [
        (
            "Places for a person `/matching/people/<id>/places/`",
            get(lambda i: f"/matching/people/{person_at(i)}/places/"),
        ),
        (
            "Place with candidates `/matching/places/<id>/`",
            get(lambda i: f"/matching/places/{place_at(i)}/"),
        ),
        (
            "API `/api/v1/matching/people/<id>/places`",
            get(lambda i: f"/api/v1/matching/people/{person_at(i)}/places"),
        ),
        (
            "API `/api/v1/matching/places/<id>/candidates`",
            get(lambda i: f"/api/v1/matching/places/{place_at(i)}/candidates"),
        ),
        ("Engine `places_for(person)`", (engine_places, True)),
        ("Engine `people_for(place)`", (engine_people, True)),
    ]
    results = []
    for label, (prepare_call, scoped) in endpoints:
        for i in range(args.warmup):
            function = prepare_call(i + 10_000)
            if scoped:
                with scope(office=[office.pk]):
                    function()
            else:
                function()
        times, queries, slowest = [], [], (0.0, "")
        for i in range(args.requests):
            function = prepare_call(i)
            log = QueryLog()
            with connection.execute_wrapper(log):
                if scoped:
                    with scope(office=[office.pk]):
                        started = time.perf_counter()
                        function()
                        elapsed = time.perf_counter() - started
                else:
                    started = time.perf_counter()
                    function()
                    elapsed = time.perf_counter() - started
            times.append(elapsed * 1000)
            queries.append(log.count)
            if log.slowest[0] >= slowest[0]:
                slowest = log.slowest
        result = {
            "endpoint": label,
            "median_ms": round(statistics.median(times), 1),
            "p95_ms": round(percentile(times, 0.95), 1),
            "max_ms": round(max(times), 1),
            "queries_min": min(queries),
            "queries_max": max(queries),
            "slowest_query_ms": round(slowest[0] * 1000, 1),
            "slowest_query": slowest[1][:2000],
        }
        if args.profile:
            profiler = cProfile.Profile()
            for i in range(10):
                function = prepare_call(i)
                if scoped:
                    with scope(office=[office.pk]):
                        profiler.runcall(function)
                else:
                    profiler.runcall(function)
            out = io.StringIO()
            stats = pstats.Stats(profiler, stream=out)
            stats.sort_stats("cumulative").print_stats(r"/lotse/|ninja/operation|response", 14)
            stats.sort_stats("tottime").print_stats(14)
            text = out.getvalue().replace(sys.prefix + "/", "").replace(str(ROOT) + "/", "")
            text = re.sub(r"lib/python3\.\d+/site-packages/", "", text)
            kept, seen = [], set()
            for line in text.splitlines():
                if not line.strip() or line.strip().startswith(("Ordered by", "List reduced")):
                    continue
                if "function calls" in line:
                    if line in seen:
                        kept.append("")
                        continue
                    seen.add(line)
                kept.append(line)
            result["profile"] = "\n".join(kept)
        results.append(result)
        print(
            f"  {label}: median {result['median_ms']} ms, p95 {result['p95_ms']} ms, "
            f"{result['queries_min']}–{result['queries_max']} queries",
            file=sys.stderr,
            flush=True,
        )
    with scope(office=[office.pk]):
        office_people = MatchingProfile.objects.count()
        office_open_places = Place.objects.filter(status="open").count()
    return {
        "user": user.username,
        "office": office.name,
        "totals": totals,
        "office_people": office_people,
        "office_open_places": office_open_places,
        "endpoints": results,
    }


if __name__ == "__main__":
    main()
