"""Benchmark the build, the status engine and the page queries on a generated large model.

    python -m bench.run [--scale large|medium|small|tiny|FRACTION] [--runs 50]

1. Generates (or reuses) the source ``bench/out/source-<scale>/`` (``bench/generate.py``).
2. Build: ``etl.build.build([source], db)`` in a child process, beside the plain DuckDB load
   of the same outcomes (``create table … as select * from read_csv(…)`` + checkpoint into a
   fresh file), each with its wall time and peak RSS.
3. Status: ``compute_status(con)`` on a copy of the built warehouse.
4. Page queries: p50/p95 latency through ``warehouse.run`` on ``open_warehouse``'s cursor, beside
   the same SQL on a plain read-only connection, with varying realistic parameters.

The machine this runs on may be shared and noisy: compare the ratios within one report rather
than absolute times across reports. The report is printed and written to
``bench/out/report-<scale>.md`` (and ``.json``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb

import warehouse
from attainment.compute import compute_status
from attainment.rules import Rules
from bench.generate import GENERATOR_VERSION, OUT, ROOT, SCALES, Size, generate, parse_scale
from etl.schema import GOAL_LEVELS

# The page queries and how a page would call them: name -> parameter maker.
PAGE_QUERIES: tuple[str, ...] = (
    "engine/area_status_counts",
    "engine/org_status_counts",
    "engine/period_status_counts",
    "engine/goal_inputs",
    "engine/goal_status_one",
    "engine/goal_status_for_period",
    "engine/indicator_status_for_period",
    # App queries that read outcomes (directly or through the build's outcome_series).
    "app/summary",
    "app/dq_indicators_without_outcomes",
    "app/dq_outcomes_too_old",
    "app/indicator_period_types",
    "app/indicator_series",
    "app/indicator_targets",
)

TARGETS = {"build_ratio": 0.5, "status_seconds": 2.0, "query_p95_ms": 50.0}

Log = Callable[[str], None]


def log_progress(message: str) -> None:
    print(f"[{dt.datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


# --- measurements ----------------------------------------------------------------------------


def source_for(
    label: str,
    fraction: float,
    out: Path,
    regenerate: bool,
    log: Log,
    goal_fraction: float | None = None,
) -> dict:
    """The generated source folder of this scale, reused when it was made by this generator."""
    source = out / f"source-{label}"
    stamp = source / "GENERATED.json"
    if not regenerate and stamp.exists():
        summary = json.loads(stamp.read_text(encoding="utf-8"))
        size = summary["size"]
        if (
            summary.get("generator_version") == GENERATOR_VERSION
            and size["fraction"] == fraction
            and size.get("goal_fraction", fraction) == (goal_fraction or fraction)
        ):
            log(f"reusing {source} ({summary['rows']['outcomes']:,} outcome rows)")
            return summary | {"path": str(source), "reused": True}
    log(f"generating {source} …")
    summary = generate(source, fraction, goal_fraction=goal_fraction)
    log(f"generated {summary['rows']['outcomes']:,} outcome rows in {summary['seconds']} s")
    return summary | {"path": str(source), "reused": False}


def run_child(command: str, source: Path, db: Path, first_on_path: Path = ROOT) -> dict:
    """Run ``bench.child`` in a fresh process; its result plus the process's peak RSS.

    ``first_on_path`` is searched for packages before the repository, so a folder holding an
    older ``attainment`` and ``queries`` runs that older engine (bench/compare.py).
    """
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.child", command, str(source.resolve()), str(db.resolve())],
        cwd=first_on_path,
        env=os.environ | {"PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    output = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)  # the rusage of this child alone
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"bench.child {command} failed with exit code {proc.returncode}")
    result = json.loads(output)
    result["process_seconds"] = time.perf_counter() - started
    result["peak_rss_mib"] = usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux
    result["cpu_seconds"] = usage.ru_utime + usage.ru_stime
    return result


def build_phases(messages: list[tuple[float, str]]) -> list[tuple[str, float]]:
    """Split the build's wall time by its progress messages (etl/build.py) into phases."""
    marks: list[tuple[str, float]] = []
    seen_compute = False
    for at, message in messages:
        if not marks and ".csv:" in message:
            marks.append(
                ("read and stage sources, outcomes straight in (etl/sources.py, etl/bulk.py)", at)
            )
        elif message.startswith("Bygger lagret"):
            marks.append(("checks (etl/validate.py validate)", at))
        elif message.startswith("Beräknar"):
            marks.append(("warehouse load (schema.sql, load.sql, load_log)", at))
            seen_compute = True
        elif seen_compute and message.startswith("  "):
            marks.append(("status engine + row counts (compute_status)", at))
            seen_compute = False
        elif message.startswith("Klart"):
            marks.append(("checkpoint, fsync, rename", at))
    phases, previous = [], 0.0
    for name, at in marks:
        phases.append((name, at - previous))
        previous = at
    return phases


def measure_build(source: Path, out: Path, plain_runs: int, log: Log) -> dict:
    db = out / "bench.duckdb"
    plain_db = out / "plain.duckdb"
    plains = []
    log("plain DuckDB load …")
    plains.append(run_child("plain", source / "outcomes.csv", plain_db))
    log(f"  {plains[-1]['seconds']:.1f} s")
    log("etl.build.build …")
    built = run_child("build", source, db)
    log(f"  {built['seconds']:.1f} s, peak RSS {built['peak_rss_mib']:.0f} MiB")
    for _ in range(plain_runs - 1):  # after the build too, so noise hits both sides
        log("plain DuckDB load …")
        plains.append(run_child("plain", source / "outcomes.csv", plain_db))
        log(f"  {plains[-1]['seconds']:.1f} s")
    best = min(plains, key=lambda r: r["seconds"])
    rows = built["row_counts"]["outcomes"]
    return {
        "db": str(db),
        "outcome_rows": rows,
        "source_rows": sum(v for k, v in built["row_counts"].items() if k in _SOURCE_TABLES),
        "build": built,
        "plain": best,
        "plain_all_seconds": [r["seconds"] for r in plains],
        "ratio": best["seconds"] / built["seconds"],
        "phases": build_phases(built["messages"]),
    }


_SOURCE_TABLES = (
    "settings", "organisation", "goals", "indicators", "goal_indicators", "targets", "outcomes",
    "assessments",
)  # fmt: skip


def measure_status(db: Path, out: Path, runs: int, log: Log) -> dict:
    copy = out / "status-copy.duckdb"
    shutil.copyfile(db, copy)
    try:
        with duckdb.connect(copy) as con:
            warehouse.script(con, "shared/periods")
            seconds = []
            for n in range(runs):
                started = time.perf_counter()
                compute_status(con)
                seconds.append(time.perf_counter() - started)
                log(f"  compute_status run {n + 1}: {seconds[-1]:.2f} s")
            [(goals, periods, goal_rows, indicator_rows)] = warehouse.rows(
                con, "bench/status_row_counts"
            )
    finally:
        copy.unlink(missing_ok=True)
        Path(f"{copy}.wal").unlink(missing_ok=True)
    return {
        "seconds": seconds,
        "first": seconds[0],
        "median": percentile(seconds, 50),
        "goals": goals,
        "periods": periods,
        "goal_status_rows": goal_rows,
        "indicator_status_rows": indicator_rows,
    }


def query_parameters(
    con: duckdb.DuckDBPyConnection,
    runs: int,
    seed: int = 7,
    needs: Callable[[str], set[str]] = warehouse.parameters,
) -> dict:
    """For each page query, ``runs`` parameter sets such as a user clicking around would give:
    a value for each parameter ``needs(query name)`` lists (by default those the query uses)."""
    rng = random.Random(seed)
    periods = [p for (p,) in warehouse.rows(con, "bench/period_codes")]
    goals = [g for (g,) in warehouse.rows(con, "bench/goal_ids")]
    partly_score = Rules.read(con).partly_score
    levels = list(GOAL_LEVELS[1:5])
    links = warehouse.rows(con, "bench/goal_indicator_links")

    def one(name: str) -> dict[str, Any]:
        params: dict[str, Any] = {}
        # The indicator page: an indicator and one of its goals, shown in one of its period types.
        drawn: list[tuple[str, str]] = []

        def link() -> tuple[str, str]:
            if not drawn:
                drawn.append(rng.choice(links))
            return drawn[0]

        for p in sorted(needs(name)):  # sorted: the same draws in every run
            if p == "period":
                params[p] = rng.choice(periods)
            elif p == "goal_id":
                params[p] = rng.choice(goals)
            elif p == "partly_score":
                params[p] = partly_score
            elif p == "levels":
                params[p] = rng.sample(levels, rng.randint(1, len(levels)))
            elif p == "indicator":
                params[p] = link()[1]
            elif p == "goal":
                params[p] = link()[0]
            elif p == "period_type":
                types = warehouse.run(
                    con, "app/indicator_period_types", indicator=link()[1], period=None
                )
                params[p] = rng.choice(list(types.period_type) or ["year"])
            elif p == "max_points":
                from ui.charts import MAX_POINTS  # imports streamlit: only when needed

                params[p] = MAX_POINTS
            else:
                raise ValueError(f"no parameter maker for ${p} of {name}")
        return params

    return {name: [one(name) for _ in range(runs)] for name in PAGE_QUERIES}


def measure_queries(db: Path, runs: int, log: Log, warmup: int = 3) -> dict:
    app = warehouse.open_read_only(db)
    plain = duckdb.connect(str(db), read_only=True)
    try:
        cur = warehouse.cursor(app)
        all_params = query_parameters(cur, runs + warmup)
        results = {}
        for name, param_sets in all_params.items():
            app_ms, plain_ms, rows = [], [], []
            for n, params in enumerate(param_sets):
                # Alternate which side goes first, so neither always gets the warmer cache.
                for side in ("app", "plain") if n % 2 == 0 else ("plain", "app"):
                    started = time.perf_counter()
                    if side == "app":
                        frame = warehouse.run(cur, name, **params)
                        elapsed = time.perf_counter() - started
                        if n >= warmup:
                            app_ms.append(elapsed * 1000)
                            rows.append(len(frame))
                    else:
                        warehouse.rows(plain, name, **params)
                        elapsed = time.perf_counter() - started
                        if n >= warmup:
                            plain_ms.append(elapsed * 1000)
            results[name] = {
                "runs": len(app_ms),
                "rows_median": percentile(rows, 50),
                "app_p50": percentile(app_ms, 50),
                "app_p95": percentile(app_ms, 95),
                "plain_p50": percentile(plain_ms, 50),
                "plain_p95": percentile(plain_ms, 95),
                "example": param_sets[warmup],
            }
            r = results[name]
            log(f"  {name}: p95 {r['app_p95']:.1f} ms (plain {r['plain_p95']:.1f} ms)")
    finally:
        plain.close()
        app.close()
    return results


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile, interpolating linearly between the closest ranks."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    pos = (len(ordered) - 1) * q / 100
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def machine() -> dict:
    cpu = "unknown"
    with open("/proc/cpuinfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    ram_kib = 0
    with open("/proc/meminfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                ram_kib = int(line.split()[1])
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)),
        "ram_gib": ram_kib / 1024**2,
        "python": platform.python_version(),
        "duckdb": duckdb.__version__,
        "platform": platform.platform(),
        "commit": _commit(),
    }


def _commit() -> str:
    """The checked-out commit, with "+ local changes" when the tree differs from it."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except OSError:
        return "unknown"
    return f"{head or 'unknown'}{' + local changes' if changed else ''}"


# --- the report ------------------------------------------------------------------------------


def _ok(met: bool) -> str:
    return "✅ yes" if met else "❌ no"


def render(results: dict) -> str:
    m, src, b, st, q = (results[k] for k in ("machine", "source", "build", "status", "queries"))
    lines = [
        f"# Röd tråd benchmark — scale `{results['scale']}` (fraction {results['fraction']})",
        "",
        f"- Date: {results['date']}",
        f"- Machine: {m['cpu']}, {m['cores']} cores ({m['usable_cores']} usable), "
        f"{m['ram_gib']:.1f} GiB RAM; {m['platform']}",
        f"- Versions: Python {m['python']}, DuckDB {m['duckdb']}; code at commit {m['commit']}",
        f"- Source: {src['rows']['outcomes']:,} outcome rows, "
        f"{sum(src['rows'].values()):,} rows in all, {src['bytes'] / 1e9:.2f} GB of CSV "
        f"({src['size']['goals']:,} goals, {src['size']['indicators']:,} indicators, "
        f"{src['rows']['targets']:,} targets, {src['size']['subjects']} subjects, "
        f"{src['size']['years']} years)"
        + (" — reused" if src["reused"] else f" — generated in {src['seconds']:.0f} s"),
        "",
        "## Build",
        "",
        "| load | wall time | outcome rows/s | peak RSS | CPU time |",
        "|---|---:|---:|---:|---:|",
        "| plain DuckDB: the file read into a new table (`queries/bench/plain_outcomes.sql`) "
        "+ checkpoint "
        f"(best of {len(b['plain_all_seconds'])}: "
        f"{', '.join(f'{s:.1f}' for s in b['plain_all_seconds'])} s) "
        f"| {b['plain']['seconds']:.1f} s | {b['outcome_rows'] / b['plain']['seconds']:,.0f} "
        f"| {b['plain']['peak_rss_mib']:,.0f} MiB | {b['plain']['cpu_seconds']:.0f} s |",
        f"| `etl.build.build([source], db)` (validation, load, status engine, checkpoint) "
        f"| {b['build']['seconds']:.1f} s | {b['outcome_rows'] / b['build']['seconds']:,.0f} "
        f"| {b['build']['peak_rss_mib']:,.0f} MiB | {b['build']['cpu_seconds']:.0f} s |",
        "",
        f"Build throughput = **{b['ratio']:.0%}** of the plain load "
        f"(target ≥ {TARGETS['build_ratio']:.0%}: {_ok(b['ratio'] >= TARGETS['build_ratio'])}). "
        f"By CPU time, which a busy machine disturbs less: "
        f"{b['plain']['cpu_seconds'] / b['build']['cpu_seconds']:.0%}.",
        "",
        "Build phases (split at the build's progress messages):",
        "",
        "| phase | seconds | share |",
        "|---|---:|---:|",
    ]
    total = b["build"]["seconds"]
    for name, seconds in b["phases"]:
        lines.append(f"| {name} | {seconds:.1f} | {seconds / total:.0%} |")
    lines += [
        "",
        "## Status computation",
        "",
        f"`compute_status(con)` for all {st['goals']:,} goals × {st['periods']} periods "
        f"({st['goal_status_rows']:,} goal_status and {st['indicator_status_rows']:,} "
        "indicator_status rows) on a copy of the built warehouse:",
        "",
        "| first run | median | all runs | target < 2 s |",
        "|---:|---:|---|---|",
        f"| {st['first']:.2f} s | {st['median']:.2f} s "
        f"| {', '.join(f'{s:.2f}' for s in st['seconds'])} "
        f"| {_ok(st['median'] < TARGETS['status_seconds'])} |",
        "",
        "## Page queries",
        "",
        f"Each query {next(iter(q.values()))['runs']} times with varying parameters (periods, "
        "goals, level sets drawn at random), after 3 warm-up runs. *app* = "
        "`warehouse.run(warehouse.cursor(open_read_only(db)), …)` (a DataFrame); *plain* = the "
        "same SQL with `warehouse.rows` (tuples) on `duckdb.connect(db, read_only=True)`.",
        "",
        "| query | rows | app p50 | app p95 | plain p50 | plain p95 | app/plain p95 "
        "| p95 < 50 ms |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for name, r in q.items():
        lines.append(
            f"| `{name.removeprefix('engine/')}` | {r['rows_median']:,.0f} "
            f"| {r['app_p50']:.1f} ms | {r['app_p95']:.1f} ms "
            f"| {r['plain_p50']:.1f} ms | {r['plain_p95']:.1f} ms "
            f"| {r['app_p95'] / r['plain_p95']:.2f} "
            f"| {_ok(r['app_p95'] < TARGETS['query_p95_ms'])} |"
        )
    lines.append("")
    return "\n".join(lines)


def run_benchmark(
    label: str,
    fraction: float,
    out: Path = OUT,
    runs: int = 50,
    status_runs: int = 5,
    plain_runs: int = 2,
    regenerate: bool = False,
    log: Log = log_progress,
) -> tuple[str, dict]:
    """Run every measurement; return the markdown report and the raw results."""
    out.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {
        "scale": label,
        "fraction": fraction,
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
    }
    results["source"] = source_for(label, fraction, out, regenerate, log)
    source = Path(results["source"]["path"])
    results["build"] = measure_build(source, out, plain_runs, log)
    db = Path(results["build"]["db"])
    log("compute_status …")
    results["status"] = measure_status(db, out, status_runs, log)
    log("page queries …")
    results["queries"] = measure_queries(db, runs, log)
    return render(results), results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.run",
        description="Benchmark build, status engine and page queries on a generated model.",
    )
    parser.add_argument(
        "--scale",
        type=parse_scale,
        default=("large", 1.0),
        help=f"{', '.join(f'{k} ({v:g})' for k, v in SCALES.items())} or a fraction of large; "
        f"large ≈ {Size.of(1.0).outcome_rows / 1e6:.0f} M outcome rows (default large)",
    )
    parser.add_argument("--out", type=Path, default=OUT, help=f"work folder ({OUT})")
    parser.add_argument("--runs", type=int, default=50, help="runs per page query (50)")
    parser.add_argument("--status-runs", type=int, default=5, help="compute_status runs (5)")
    parser.add_argument("--plain-runs", type=int, default=2, help="plain DuckDB loads (2)")
    parser.add_argument("--regenerate", action="store_true", help="regenerate the source")
    args = parser.parse_args(argv)
    label, fraction = args.scale
    report, results = run_benchmark(
        label, fraction, args.out, args.runs, args.status_runs, args.plain_runs, args.regenerate
    )
    print(report)
    write_report(args.out / f"report-{label}", report, results)
    return 0


def write_report(stem: Path, report: str, results: dict) -> None:
    """``<stem>.md`` (the report) and ``<stem>.json`` (the raw results)."""
    # Not with_suffix: a stem such as report-0.1 already has a "suffix".
    markdown = stem.parent / f"{stem.name}.md"
    markdown.write_text(report, encoding="utf-8")
    (stem.parent / f"{stem.name}.json").write_text(
        json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8"
    )
    log_progress(f"wrote {markdown}")


if __name__ == "__main__":
    raise SystemExit(main())
