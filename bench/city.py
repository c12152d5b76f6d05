"""The status engine at city scale: an earlier commit's engine beside the working tree's.

    python -m bench.city [--scale city|small|medium|large|FRACTION] [--base COMMIT] [--runs 3]

1. Generates (or reuses) the source ``bench/out/source-<scale>/``. ``city`` (the default) is a
   big city's model: ≈ 10,000 goals on 300 indicators and ≈ 4 M outcome rows, so about a
   hundred goals follow each indicator (``bench/generate.py``); the other scales are those of
   ``bench.run``.
2. Builds its warehouse once (``etl.build.build`` in a child process), or reuses it.
3. Extracts the engine of ``--base`` (its ``attainment`` and ``queries`` packages) from git into
   a temporary folder.
4. Runs ``compute_status`` on a fresh copy of the warehouse in a child process per run, the
   base engine and the working tree's in turn (which goes first alternates), each with its wall
   time, CPU time and peak RSS (``os.wait4``, as ``bench.run`` measures the build).
5. Compares the ``indicator_status`` and ``goal_status`` tables of the two engines row by row.

The report is printed and written to ``bench/out/report-city-<scale>.md`` (and ``.json``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any

import duckdb

import queries
from bench.generate import CITY, CITY_FRACTION, CITY_GOAL_FRACTION, OUT, ROOT, parse_scale
from bench.run import TARGETS, Log, _log, _ok, machine, percentile, run_child, source_for

# The last commit before the engine computed each outcome lookup once per series and period.
BASE = "16c004d"
# What makes up "the engine": compute_status and every query file it runs.
ENGINE_PACKAGES = ("attainment", "queries")
MEMORY_TARGET_MIB = 1024
STATUS_TABLES = ("indicator_status", "goal_status")


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
    archive = subprocess.run(
        ["git", "archive", "--format=tar", short, *ENGINE_PACKAGES],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return short


def warehouse_for(source: Path, out: Path, label: str, rebuild: bool, log: Log) -> Path:
    """The built warehouse of the source (its status tables are recomputed by every run)."""
    db = out / f"city-{label}.duckdb"
    stamp = source / "GENERATED.json"
    if not rebuild and db.exists() and db.stat().st_mtime > stamp.stat().st_mtime:
        log(f"reusing {db}")
        return db
    log(f"building {db} …")
    built = run_child("build", source, db)
    log(f"  {built['seconds']:.1f} s")
    return db


def status_tables(db: Path) -> dict[str, Any]:
    """Both status tables of ``db`` as Arrow tables in key order."""
    with duckdb.connect(db, read_only=True) as con:
        return {
            table: con.sql(queries.sql(f"bench/{table}_rows")).to_arrow_table()
            for table in STATUS_TABLES
        }


def compare(base_db: Path, new_db: Path) -> dict[str, dict[str, Any]]:
    """Per status table: its row count under each engine and whether the rows are identical."""
    base, new = status_tables(base_db), status_tables(new_db)
    result = {}
    for table in STATUS_TABLES:
        old_rows, new_rows = base[table], new[table]
        identical = old_rows.schema == new_rows.schema and old_rows.equals(new_rows)
        result[table] = {
            "base_rows": old_rows.num_rows,
            "new_rows": new_rows.num_rows,
            "identical": identical,
        }
    return result


def measure(warehouse: Path, out: Path, base: str, runs: int, log: Log) -> dict[str, Any]:
    """``runs`` child runs of each engine in turn; which goes first alternates."""
    results: dict[str, list[dict]] = {"base": [], "new": []}
    with tempfile.TemporaryDirectory(prefix="engine-") as folder:
        short = extract_engine(base, Path(folder))
        engines = {"base": Path(folder), "new": ROOT}
        for n in range(runs):
            for side in ("base", "new") if n % 2 == 0 else ("new", "base"):
                db = out / f"status-{side}.duckdb"
                result = run_child("status", warehouse, db, first_on_path=engines[side])
                results[side].append(result)
                log(
                    f"  {side} run {n + 1}: {result['seconds']:.2f} s, "
                    f"CPU {result['cpu_seconds']:.1f} s, peak RSS {result['peak_rss_mib']:.0f} MiB"
                )
    same = compare(out / "status-base.duckdb", out / "status-new.duckdb")
    with duckdb.connect(out / "status-new.duckdb", read_only=True) as con:
        [model] = queries.run(con, "bench/status_model").to_dict("records")
    for side in results:
        (out / f"status-{side}.duckdb").unlink(missing_ok=True)
    return {"base_commit": short, "runs": results, "same": same, "model": model}


def summary(runs: list[dict]) -> dict[str, float]:
    return {
        "median_seconds": percentile([r["seconds"] for r in runs], 50),
        "median_cpu_seconds": percentile([r["cpu_seconds"] for r in runs], 50),
        "median_peak_rss_mib": percentile([r["peak_rss_mib"] for r in runs], 50),
        "max_peak_rss_mib": max(r["peak_rss_mib"] for r in runs),
    }


def render(results: dict) -> str:
    m, st, model = results["machine"], results["status"], results["status"]["model"]
    sides = {
        "base": f"commit {st['base_commit']} (before)",
        "new": f"working tree ({m['commit']})",
    }
    lines = [
        f"# Röd tråd status engine — scale `{results['scale']}`",
        "",
        f"- Date: {results['date']}",
        f"- Machine: {m['cpu']}, {m['cores']} cores ({m['usable_cores']} usable), "
        f"{m['ram_gib']:.1f} GiB RAM; {m['platform']}; load average "
        f"{results['load_before']:.1f} before, {results['load_after']:.1f} after",
        f"- Versions: Python {m['python']}, DuckDB {m['duckdb']}",
        f"- Model: {model['goals']:,} goals, {model['indicators']:,} indicators, "
        f"{model['links']:,} goal–indicator links, {model['targets']:,} targets, "
        f"{model['outcomes']:,} outcome rows, {model['periods']} evaluation periods → "
        f"{model['indicator_status_rows']:,} indicator_status and "
        f"{model['goal_status_rows']:,} goal_status rows",
        "",
        "`compute_status(con)` in a child process per run, on a fresh copy of the built "
        "warehouse, the two engines in turn:",
        "",
        "| engine | median wall | median CPU | peak RSS (median, max) | all runs (wall) "
        f"| < {TARGETS['status_seconds']:g} s | < {MEMORY_TARGET_MIB:,} MiB |",
        "|---|---:|---:|---:|---|---|---|",
    ]
    for side, label in sides.items():
        s = summary(st["runs"][side])
        walls = ", ".join(f"{r['seconds']:.2f}" for r in st["runs"][side])
        lines.append(
            f"| {label} | {s['median_seconds']:.2f} s | {s['median_cpu_seconds']:.1f} s "
            f"| {s['median_peak_rss_mib']:,.0f} MiB, {s['max_peak_rss_mib']:,.0f} MiB | {walls} s "
            f"| {_ok(s['median_seconds'] < TARGETS['status_seconds'])} "
            f"| {_ok(s['max_peak_rss_mib'] < MEMORY_TARGET_MIB)} |"
        )
    lines += ["", "| table | rows (before) | rows (now) | identical |", "|---|---:|---:|---|"]
    for table, same in st["same"].items():
        lines.append(
            f"| `{table}` | {same['base_rows']:,} | {same['new_rows']:,} "
            f"| {_ok(same['identical'])} |"
        )
    lines.append("")
    return "\n".join(lines)


def run_city(
    scale: str = CITY,
    base: str = BASE,
    out: Path = OUT,
    runs: int = 3,
    regenerate: bool = False,
    rebuild: bool = False,
    log: Log = _log,
) -> tuple[str, dict]:
    """Measure both engines on the scale's warehouse; return the markdown report and the raw
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
    warehouse = warehouse_for(Path(results["source"]["path"]), out, label, rebuild, log)
    log(f"compute_status, {base} beside the working tree …")
    results["status"] = measure(warehouse, out, base, runs, log)
    results["load_after"] = os.getloadavg()[0]
    return render(results), results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.city", description=__doc__)
    parser.add_argument("--scale", default=CITY, help=f"{CITY} (default) or a bench.run scale")
    parser.add_argument("--base", default=BASE, help=f"the commit to compare with ({BASE})")
    parser.add_argument("--out", type=Path, default=OUT, help=f"work folder ({OUT})")
    parser.add_argument("--runs", type=int, default=3, help="runs of each engine (3)")
    parser.add_argument("--regenerate", action="store_true", help="regenerate the source")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the warehouse")
    args = parser.parse_args(argv)
    report, results = run_city(
        args.scale, args.base, args.out, args.runs, args.regenerate, args.rebuild
    )
    print(report)
    label = results["scale"]
    (args.out / f"report-city-{label}.md").write_text(report, encoding="utf-8")
    (args.out / f"report-city-{label}.json").write_text(
        json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8"
    )
    _log(f"wrote {args.out / f'report-city-{label}.md'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
