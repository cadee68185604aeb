#!/usr/bin/env python
"""Lotse benchmark: people, organisations and counselling cases at scale.

    .venv/bin/python benchmarks/run.py --database sqlite
    .venv/bin/python benchmarks/run.py --database postgres
    .venv/bin/python benchmarks/run.py --database sqlite --offices 4 --scale 2   # quick check

For each scale (the given one and, for comparison, a tenth of it) the runner uses
a database of its own — a SQLite file in the bench data directory, or the
PostgreSQL database `lotse_bench_o<M>_s<K>` — migrates it, seeds it with
`lotse seed-demo --offices M --scale K` unless the data is already there
(`--reseed` forces it; a bench database seeded by an older version of the
benchmark — see measure.SEED_VERSION — is started afresh as with `--reseed`),
and measures with Django's test client (see measure.py).
The table goes to benchmarks/results/<database>.md and to standard output.
See benchmarks/README.md.
"""

import argparse
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from measure import SEED_VERSION  # noqa: E402  (stdlib-only at import time)

DEFAULT_PG = "postgres://lotse:lotse@127.0.0.1:5432"
TARGET_P95_MS = 100


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--database", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--offices", type=int, default=40, help="offices (default 40)")
    parser.add_argument(
        "--scale",
        type=int,
        default=50,
        help="seed-demo --scale: 100 people and 10 organisations per office each (default 50)",
    )
    parser.add_argument(
        "--small-scale",
        type=int,
        default=None,
        help="second, smaller scale to compare with (default scale/10; 0 = none)",
    )
    parser.add_argument("--requests", type=int, default=50, help="timed requests per endpoint")
    parser.add_argument("--warmup", type=int, default=5, help="untimed requests per endpoint")
    parser.add_argument("--reseed", action="store_true", help="drop the bench data and seed again")
    parser.add_argument("--no-history", action="store_true", help="no change-history entries")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=Path(
            os.environ.get("LOTSE_BENCH_DIR", Path(tempfile.gettempdir()) / "lotse-bench")
        ),
        help="where the bench databases (SQLite) and secret keys live",
    )
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get("LOTSE_BENCH_POSTGRES", DEFAULT_PG),
        help=f"server URL without database name (default {DEFAULT_PG})",
    )
    parser.add_argument("--output", type=Path, help="markdown file (default results/<db>.md)")
    return parser.parse_args(argv)


# --------------------------------------------------------------------------- databases


def ensure_postgres(url: str, name: str, reseed: bool) -> str:
    """Create database NAME on the server (dropping it first on --reseed)."""
    import psycopg

    if subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1"], check=False).returncode != 0:
        # A local Debian cluster that is not running yet.
        subprocess.run(["pg_ctlcluster", "15", "main", "start"], check=False)
    with psycopg.connect(f"{url}/postgres", autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", (name,)
        ).fetchone()
        if exists and reseed:
            connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = None
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')
    return f"{url}/{name}"


def outdated(data_dir: Path) -> bool:
    """Whether the bench database was seeded by an older version of the benchmark."""
    state_file = data_dir / "bench-seed.json"
    if not state_file.exists():
        return False
    try:
        state = json.loads(state_file.read_text())
    except ValueError:
        return True
    return state.get("seed_version") != SEED_VERSION


def run_scale(args, scale: int) -> dict:
    label = f"o{args.offices}-s{scale}"
    data_dir = args.data_dir / f"{args.database}-{label}"
    reseed = args.reseed
    if not reseed and outdated(data_dir):
        print(
            f"== {data_dir.name}: seeded by an older version of the benchmark "
            f"(now {SEED_VERSION}, see measure.SEED_VERSION); starting afresh",
            file=sys.stderr,
            flush=True,
        )
        reseed = True
    if reseed and data_dir.exists() and args.database == "sqlite":
        shutil.rmtree(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "static").mkdir(exist_ok=True)  # STATIC_ROOT; WhiteNoise warns without it
    if reseed:
        (data_dir / "bench-seed.json").unlink(missing_ok=True)
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
            args.postgres_url, f"lotse_bench_{label.replace('-', '_')}", reseed
        )
    command = [
        sys.executable,
        str(HERE / "measure.py"),
        "--offices",
        str(args.offices),
        "--scale",
        str(scale),
        "--requests",
        str(args.requests),
        "--warmup",
        str(args.warmup),
    ]
    if args.no_history:
        command.append("--no-history")
    print(f"== {args.database}, {args.offices} offices, scale {scale}", file=sys.stderr, flush=True)
    completed = subprocess.run(command, env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    if completed.returncode != 0:
        sys.exit(f"benchmark at scale {scale} failed (exit {completed.returncode})")
    return json.loads(completed.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------- report


def _n(number: int) -> str:
    return f"{number:,}"


def report(args, runs: list[dict]) -> str:
    big = runs[-1]
    env = big["environment"]
    lines = [
        f"# Lotse benchmark — {env['database']}",
        "",
        f"- Date: {datetime.date.today().isoformat()}",
        f"- Machine: {env['cpu']}, {env['cores']} cores, {env['memory']} RAM; "
        f"Python {env['python']}, Django {env['django']}, {env['database']}",
        f"- Client: Django test client logged in as `beratung.hagen` (counsellor, Hagen); "
        f"{args.requests} timed requests per endpoint after {args.warmup} warm-up requests; "
        "times are server times in the same process (no network); "
        "DEBUG off, `lotse.settings`.",
    ]
    for run in runs:
        data = run["data"]
        totals = run["totals"]
        seeded = (
            f"seeded in {data['seed_seconds']} s" if "seed_seconds" in data else "seeded earlier"
        )
        history = (
            f", {_n(data['history_entries'])} change-history entries"
            if data.get("history_entries")
            else ""
        )
        lines.append(
            f"- Data at scale {run['scale']}: {_n(totals['offices'])} offices, "
            f"{_n(totals['people'])} people, {_n(totals['organisations'])} organisations, "
            f"{_n(totals.get('cases', 0))} cases, {_n(totals.get('consultations', 0))} "
            f"consultations (Hagen: {_n(run['office_people'])} people, "
            f"{_n(run.get('office_cases', 0))} cases, of them "
            f"{_n(run.get('own_open_cases', 0))} open cases of `beratung.hagen`)"
            f"{history}; `seed-demo` {seeded}."
        )
    lines += ["", _table(runs), ""]
    missed = [e for e in big["endpoints"] if e["p95_ms"] >= TARGET_P95_MS]
    constant = all(
        (a["queries_min"], a["queries_max"]) == (b["queries_min"], b["queries_max"])
        for a, b in zip(runs[0]["endpoints"], big["endpoints"], strict=True)
    )
    lines.append(
        f"Target p95 < {TARGET_P95_MS} ms at {_n(big['totals']['people'])} people: "
        + (
            "met by every endpoint."
            if not missed
            else "missed by " + ", ".join(e["endpoint"] for e in missed) + "."
        )
    )
    if len(runs) > 1:
        lines.append(
            "Queries per request: "
            + ("the same at both scales." if constant else "differ between the scales!")
        )
    lines += ["", "<details><summary>Slowest query per endpoint (largest scale)</summary>", ""]
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
    return "\n".join(lines)


def _table(runs: list[dict]) -> str:
    header = ["Endpoint"]
    for run in runs:
        people = _n(run["totals"]["people"])
        header += [f"{people} people: median ms", "p95 ms", "queries"]
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
    small = args.small_scale if args.small_scale is not None else max(1, args.scale // 10)
    scales = [small, args.scale] if small and small != args.scale else [args.scale]
    runs = [run_scale(args, scale) for scale in scales]
    text = report(args, runs)
    output = args.output or HERE / "results" / f"{args.database}.md"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    print(text)
    print(f"(written to {output})", file=sys.stderr)


if __name__ == "__main__":
    main()
