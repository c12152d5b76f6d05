"""An earlier commit's status engine and page queries beside the working tree's, in one run.

    python -m bench.compare [--scale city|tiny|small|medium|large|FRACTION] [--base COMMIT]
                            [--runs 3] [--query-runs 50] [--build-runs 0]

1. Generates (or reuses) the source ``bench/out/source-<scale>/``. ``city`` (the default) is a
   big city's model: ≈ 10,000 goals on 300 indicators and ≈ 4 M outcome rows, so about a
   hundred goals follow each indicator (``bench/generate.py``); the other scales are those of
   ``bench.run``.
2. Builds its warehouse with the working tree (``etl.build.build`` in a child process), or
   reuses the one built before.
3. Extracts the engine of ``--base`` (its ``attainment`` and ``queries`` packages) from git into
   a temporary folder.
4. Engine: runs ``compute_status`` on a fresh copy of the warehouse in a child process per run,
   the base engine and the working tree's in turn (which goes first alternates), each with its
   wall time, CPU time and peak RSS (``os.wait4``, as ``bench.run`` measures the build), then
   compares the two engines' ``indicator_status`` and ``goal_status`` row by row.
5. Page queries: each query of ``bench.run.PAGE_QUERIES`` that the base also has, its base text
   and its working-tree text in turn on the same warehouse and cursor, with the same
   parameters (drawn as ``bench.run`` draws them), checking that both give the same frame.
6. With ``--build-runs N``: the whole build of the source (``python -m etl build``, as
   ``bench.incremental`` runs it) by the code at ``--base`` (a temporary clone) and by the
   working tree, N times each in turn.

The report is printed and written to ``bench/out/compare-<scale>.md`` (and ``.json``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import subprocess
import tarfile
import tempfile
import time
from pathlib import Path
from typing import Any

import duckdb

import warehouse
from bench.generate import CITY, CITY_FRACTION, CITY_GOAL_FRACTION, OUT, ROOT, parse_scale
from bench.incremental import checkout, run_build
from bench.run import (
    PAGE_QUERIES,
    TARGETS,
    Log,
    _ok,
    log_progress,
    machine,
    percentile,
    query_parameters,
    run_child,
    source_for,
    write_report,
)

# The last commit before the engine made each outcome lookup once per series and period.
BASE = "16c004d"
# What makes up the engine and the page queries: compute_status, every query file, and the door
# that runs them (a package since the door was split out of queries/; older commits lack it).
ENGINE_PACKAGES = ("attainment", "queries", "warehouse")
MEMORY_TARGET_MIB = 1024
STATUS_TABLES = ("indicator_status", "goal_status")
SIDES = ("base", "new")


def scale_of(text: str) -> tuple[str, float, float | None]:
    """``city`` → ("city", 0.1, 10.0); any scale of bench.run → (label, fraction, None)."""
    if text == CITY:
        return CITY, CITY_FRACTION, CITY_GOAL_FRACTION
    return (*parse_scale(text), None)


def extract_engine(commit: str, folder: Path) -> str:
    """Write the engine packages of ``commit`` into ``folder``; return the commit's short hash."""
    short = subprocess.run(
        ["git", "rev-parse", "--short", f"{commit}^{{commit}}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    present = subprocess.run(
        ["git", "ls-tree", "--name-only", short],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    archive = subprocess.run(
        ["git", "archive", "--format=tar", short, *(p for p in ENGINE_PACKAGES if p in present)],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return short


def warehouse_for(source: Path, out: Path, label: str, rebuild: bool, log: Log) -> Path:
    """The warehouse built from the source (its status tables are recomputed by every run)."""
    db = out / f"compare-{label}.duckdb"
    stamp = source / "GENERATED.json"
    if not rebuild and db.exists() and db.stat().st_mtime > stamp.stat().st_mtime:
        log(f"reusing {db}")
        return db
    log(f"building {db} …")
    built = run_child("build", source, db)
    log(f"  {built['seconds']:.1f} s")
    return db


# --- the engine ------------------------------------------------------------------------------


def status_tables(db: Path) -> dict[str, Any]:
    """Both status tables of ``db`` as Arrow tables in key order."""
    with duckdb.connect(db, read_only=True) as con:
        return {table: warehouse.run(con, f"bench/{table}_rows") for table in STATUS_TABLES}


def compare_status(base_db: Path, new_db: Path) -> dict[str, dict[str, Any]]:
    """Per status table: its row count under each engine, whether the rows are identical in the
    base's columns, and the columns the working tree added (compared by nothing: the base has
    no value to compare them with). The rows are in key order, so added columns at the end do
    not reorder them."""
    base, new = status_tables(base_db), status_tables(new_db)
    result = {}
    for table in STATUS_TABLES:
        columns = list(base[table].columns)
        added = [c for c in new[table].columns if c not in columns]
        result[table] = {
            "base_rows": len(base[table]),
            "new_rows": len(new[table]),
            "identical": set(columns) <= set(new[table].columns)
            and base[table].equals(new[table][columns]),
            "added_columns": added,
        }
    return result


def measure_engines(
    built: Path, out: Path, engines: dict[str, Path], runs: int, log: Log
) -> dict[str, Any]:
    """``runs`` child runs of each engine in turn; which goes first alternates."""
    results: dict[str, list[dict]] = {side: [] for side in SIDES}
    for n in range(runs):
        for side in SIDES if n % 2 == 0 else SIDES[::-1]:
            db = out / f"status-{side}.duckdb"
            result = run_child("status", built, db, first_on_path=engines[side])
            result["load"] = os.getloadavg()[0]
            results[side].append(result)
            log(
                f"  {side} engine, run {n + 1}: {result['seconds']:.2f} s, "
                f"CPU {result['status_cpu_seconds']:.1f} s, "
                f"peak RSS {result['peak_rss_mib']:.0f} MiB"
            )
    same = compare_status(out / "status-base.duckdb", out / "status-new.duckdb")
    with duckdb.connect(out / "status-new.duckdb", read_only=True) as con:
        [model] = warehouse.run(con, "bench/status_model").to_dict("records")
    for side in SIDES:
        (out / f"status-{side}.duckdb").unlink(missing_ok=True)
    return {"runs": results, "same": same, "model": model}


def engine_summary(runs: list[dict]) -> dict[str, float]:
    return {
        "median_seconds": percentile([r["seconds"] for r in runs], 50),
        "median_cpu_seconds": percentile([r["status_cpu_seconds"] for r in runs], 50),
        "median_peak_rss_mib": percentile([r["peak_rss_mib"] for r in runs], 50),
        "max_peak_rss_mib": max(r["peak_rss_mib"] for r in runs),
    }


# --- the build -------------------------------------------------------------------------------


def measure_builds(source: Path, out: Path, base: str, runs: int, log: Log) -> dict[str, list]:
    """``python -m etl build SOURCE`` by the code at ``base`` and by the working tree, in turn."""
    results: dict[str, list] = {side: [] for side in SIDES}
    with tempfile.TemporaryDirectory(prefix="rodtrad-compare-") as tmp:
        log(f"checking out {base} …")
        codes = {"base": checkout(base, Path(tmp)), "new": ROOT}
        for n in range(runs):
            for side in SIDES if n % 2 == 0 else SIDES[::-1]:
                db = out / f"build-{side}.duckdb"
                for path in (db, Path(f"{db}.wal"), db.with_suffix(".public.duckdb")):
                    path.unlink(missing_ok=True)
                built = run_build(codes[side], [source], db)
                db.unlink(missing_ok=True)
                run = {k: built[k] for k in ("seconds", "cpu_seconds", "peak_rss_mib")}
                results[side].append(run | {"load": os.getloadavg()[0]})
                log(
                    f"  {side} build, run {n + 1}: {run['seconds']:.1f} s, CPU "
                    f"{run['cpu_seconds']:.1f} s, peak RSS {run['peak_rss_mib']:,.0f} MiB"
                )
    return results


# --- the page queries ------------------------------------------------------------------------


def measure_pages(
    db: Path, base_queries: Path, runs: int, log: Log, warmup: int = 3
) -> dict[str, dict[str, Any]]:
    """Base and working-tree text of each page query in turn, on one cursor, same parameters."""

    def base_needs(name: str) -> set[str]:
        if not (base_queries / f"{name}.sql").exists():
            return set()
        return warehouse.parameters_in(base_queries, name)

    def only(params: dict[str, Any], needed: set[str]) -> dict[str, Any]:
        return {p: v for p, v in params.items() if p in needed}

    con = warehouse.open_read_only(db)
    try:
        cur = warehouse.cursor(con)
        results = {}
        # Parameters for both texts of a query (a parameter may have been added or dropped since
        # the base); each text gets those it uses.
        needs = {name: warehouse.parameters(name) | base_needs(name) for name in PAGE_QUERIES}
        for name, param_sets in query_parameters(cur, runs + warmup, needs=needs.get).items():
            if not (base_queries / f"{name}.sql").exists():
                continue
            base_uses, new_uses = base_needs(name), warehouse.parameters(name)
            run = {
                "base": lambda params, n=name, u=base_uses: warehouse.run_other(
                    cur, base_queries, n, **only(params, u)
                ),
                "new": lambda params, n=name, u=new_uses: warehouse.run(cur, n, **only(params, u)),
            }
            ms: dict[str, list[float]] = {side: [] for side in SIDES}
            rows, differing, reshaped = [], 0, False
            for n, params in enumerate(param_sets):
                frames = {}
                # Alternate which side goes first, so neither always gets the warmer cache.
                for side in SIDES if n % 2 == 0 else SIDES[::-1]:
                    started = time.perf_counter()
                    frames[side] = run[side](params)
                    if n >= warmup:
                        ms[side].append((time.perf_counter() - started) * 1000)
                # A query whose columns changed on purpose since the base (e.g. one histogram
                # column for several counts) is timed but cannot be compared row by row.
                if list(frames["base"].columns) != list(frames["new"].columns):
                    reshaped = True
                else:
                    differing += not frames["base"].equals(frames["new"])
                rows.append(len(frames["new"]))
            results[name] = {
                "runs": len(ms["new"]),
                "rows_median": percentile(rows, 50),
                "differing": differing,
                "reshaped": reshaped,
                "unchanged": warehouse.sql_in(base_queries, name) == warehouse.sql(name),
                **{f"{side}_p50": percentile(ms[side], 50) for side in SIDES},
                **{f"{side}_p95": percentile(ms[side], 95) for side in SIDES},
            }
            r = results[name]
            log(f"  {name}: p95 {r['base_p95']:.1f} → {r['new_p95']:.1f} ms")
    finally:
        con.close()
    return results


# --- the report ------------------------------------------------------------------------------


def render(results: dict) -> str:
    m, model = results["machine"], results["engine"]["model"]
    base = results["base_commit"]
    loads = [r["load"] for side in SIDES for r in results["engine"]["runs"][side] if "load" in r]
    lines = [
        f"# Röd tråd: {base} beside the working tree — scale `{results['scale']}`",
        "",
        f"- Date: {results['date']}",
        f"- Machine: {m['cpu']}, {m['cores']} cores ({m['usable_cores']} usable), "
        f"{m['ram_gib']:.1f} GiB RAM; {m['platform']}; load average (1 min) "
        f"{results['load_before']:.1f} before, {results['load_after']:.1f} after"
        + (f", {min(loads):.1f}–{max(loads):.1f} after the engine runs" if loads else ""),
        f"- Versions: Python {m['python']}, DuckDB {m['duckdb']}",
        f"- Model: {model['goals']:,} goals, {model['indicators']:,} indicators, "
        f"{model['links']:,} goal–indicator links, {model['targets']:,} targets, "
        f"{model['outcomes']:,} outcome rows, {model['periods']} evaluation periods → "
        f"{model['indicator_status_rows']:,} indicator_status and "
        f"{model['goal_status_rows']:,} goal_status rows",
        "",
        *_render_engine(results),
        *_render_pages(results),
        *_render_builds(results),
    ]
    return "\n".join(lines)


def _labels(results: dict) -> dict[str, str]:
    return {
        "base": f"commit {results['base_commit']} (before)",
        "new": f"working tree ({results['machine']['commit']})",
    }


def _render_engine(results: dict) -> list[str]:
    lines = [
        "## Status engine",
        "",
        "`compute_status(con)` in a child process per run, on a fresh copy of the built "
        "warehouse, the two engines in turn. CPU: of `compute_status` alone (both cores).",
        "",
        "| engine | median wall | median CPU | peak RSS (median, max) | all runs (wall) "
        f"| < {TARGETS['status_seconds']:g} s | < {MEMORY_TARGET_MIB:,} MiB |",
        "|---|---:|---:|---:|---|---|---|",
    ]
    summary = {side: engine_summary(results["engine"]["runs"][side]) for side in SIDES}
    for side, label in _labels(results).items():
        s = summary[side]
        walls = ", ".join(f"{r['seconds']:.2f}" for r in results["engine"]["runs"][side])
        lines.append(
            f"| {label} | {s['median_seconds']:.2f} s | {s['median_cpu_seconds']:.1f} s "
            f"| {s['median_peak_rss_mib']:,.0f} MiB, {s['max_peak_rss_mib']:,.0f} MiB "
            f"| {walls} s | {_ok(s['median_seconds'] < TARGETS['status_seconds'])} "
            f"| {_ok(s['max_peak_rss_mib'] < MEMORY_TARGET_MIB)} |"
        )
    ratio = {k: summary["new"][k] / summary["base"][k] for k in summary["new"]}
    lines += [
        "",
        f"Now / before: **{ratio['median_seconds']:.2f}×** the median wall time, "
        f"{ratio['median_cpu_seconds']:.2f}× the CPU time, "
        f"{ratio['median_peak_rss_mib']:.2f}× the peak RSS.",
        "",
        "| table | rows (before) | rows (now) | identical in the columns before | columns added |",
        "|---|---:|---:|---|---|",
    ]
    for table, same in results["engine"]["same"].items():
        added = ", ".join(f"`{c}`" for c in same.get("added_columns", [])) or "none"
        lines.append(
            f"| `{table}` | {same['base_rows']:,} | {same['new_rows']:,} "
            f"| {_ok(same['identical'])} | {added} |"
        )
    return [*lines, ""]


def _render_pages(results: dict) -> list[str]:
    pages = results["pages"]
    lines = [
        "## Page queries",
        "",
        f"Each query's text at {results['base_commit']} and in the working tree in turn, "
        f"{next(iter(pages.values()))['runs'] if pages else 0} parameter sets after 3 warm-ups, "
        "through `warehouse.cursor(open_read_only(db))` (a DataFrame). *Same output*: the two "
        "frames are equal for every parameter set; *other columns*: the query's columns changed "
        "since the base (timed, not compared).",
        "",
        "| query | before p50 | before p95 | now p50 | now p95 | now / before p50 | same output "
        f"| now p95 < {TARGETS['query_p95_ms']:g} ms |",
        "|---|---:|---:|---:|---:|---:|---|---|",
    ]
    for name, r in pages.items():
        note = " (unchanged)" if r["unchanged"] else ""
        lines.append(
            f"| `{name}`{note} | {r['base_p50']:.1f} ms | {r['base_p95']:.1f} ms "
            f"| {r['new_p50']:.1f} ms | {r['new_p95']:.1f} ms "
            f"| {r['new_p50'] / r['base_p50']:.2f} | {_same(r)} "
            f"| {_ok(r['new_p95'] < TARGETS['query_p95_ms'])} |"
        )
    return [*lines, ""]


def _render_builds(results: dict) -> list[str]:
    builds = results.get("builds")
    if not builds:
        return []
    lines = [
        "## Build",
        "",
        "`python -m etl build SOURCE --db DB` in a process of its own (interpreter start "
        "included), the two codes in turn; the median of the runs.",
        "",
        "| code | median wall | median CPU | peak RSS (max) | all runs (wall) |",
        "|---|---:|---:|---:|---|",
    ]
    median = {
        side: {k: percentile([r[k] for r in builds[side]], 50) for k in builds[side][0]}
        for side in SIDES
    }
    for side, label in _labels(results).items():
        walls = ", ".join(f"{r['seconds']:.1f}" for r in builds[side])
        rss = max(r["peak_rss_mib"] for r in builds[side])
        lines.append(
            f"| {label} | {median[side]['seconds']:.1f} s | {median[side]['cpu_seconds']:.1f} s "
            f"| {rss:,.0f} MiB | {walls} s |"
        )
    lines += [
        "",
        f"Now / before: **{median['new']['seconds'] / median['base']['seconds']:.2f}×** the "
        f"median wall time, {median['new']['cpu_seconds'] / median['base']['cpu_seconds']:.2f}× "
        "the CPU time.",
        "",
    ]
    return lines


def _same(result: dict[str, Any]) -> str:
    if result.get("reshaped"):
        return "other columns"
    return _ok(result["differing"] == 0)


def run_compare(
    scale: str = CITY,
    base: str = BASE,
    out: Path = OUT,
    runs: int = 3,
    query_runs: int = 50,
    regenerate: bool = False,
    rebuild: bool = False,
    build_runs: int = 0,
    log: Log = log_progress,
) -> tuple[str, dict]:
    """Measure both sides on the scale's warehouse; return the markdown report and the raw
    results."""
    label, fraction, goal_fraction = scale_of(scale)
    out.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {
        "scale": label,
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "load_before": os.getloadavg()[0],
    }
    results["source"] = source_for(label, fraction, out, regenerate, log, goal_fraction)
    built = warehouse_for(Path(results["source"]["path"]), out, label, rebuild, log)
    with tempfile.TemporaryDirectory(prefix="base-") as folder:
        results["base_commit"] = extract_engine(base, Path(folder))
        log(f"compute_status, {results['base_commit']} beside the working tree …")
        engines = {"base": Path(folder), "new": ROOT}
        results["engine"] = measure_engines(built, out, engines, runs, log)
        log("page queries …")
        results["pages"] = measure_pages(built, Path(folder) / "queries", query_runs, log)
    if build_runs:
        log("the build …")
        source = Path(results["source"]["path"])
        results["builds"] = measure_builds(source, out, base, build_runs, log)
    results["load_after"] = os.getloadavg()[0]
    return render(results), results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.compare", description=__doc__)
    parser.add_argument("--scale", default=CITY, help=f"{CITY} (default) or a bench.run scale")
    parser.add_argument("--base", default=BASE, help=f"the commit to compare with ({BASE})")
    parser.add_argument("--out", type=Path, default=OUT, help=f"work folder ({OUT})")
    parser.add_argument("--runs", type=int, default=3, help="compute_status runs per engine (3)")
    parser.add_argument("--query-runs", type=int, default=50, help="runs per page query (50)")
    parser.add_argument("--regenerate", action="store_true", help="regenerate the source")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the warehouse")
    parser.add_argument(
        "--build-runs", type=int, default=0, help="whole builds by each code (0: none)"
    )
    args = parser.parse_args(argv)
    report, results = run_compare(
        args.scale,
        args.base,
        args.out,
        args.runs,
        args.query_runs,
        args.regenerate,
        args.rebuild,
        args.build_runs,
    )
    print(report)
    write_report(args.out / f"compare-{results['scale']}", report, results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
