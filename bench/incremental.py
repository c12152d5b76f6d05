"""Benchmark new outcomes arriving: several outcome sources, and the incremental build.

    python -m bench.incremental [--scale medium] [--base COMMIT] [--runs 2]

A period's new outcomes typically arrive as a source of their own beside the model. From the
generated source of a scale (``bench/generate.py``; ``medium`` ≈ 10 M outcome rows) this makes

- *merged*: the generated folder, every outcome in one ``outcomes.csv``;
- *two sources*: ``model/`` (the model and every outcome but the last tertial's) and ``new/``
  (the last tertial's outcomes, ≈ 2.4 % of the rows): the same rows in two files;

and times, each as ``python -m etl build … --db DB --quiet`` in a process of its own (so its peak
RSS is its own; interpreter start and imports included, as a user sees it):

1. the build of *merged* and of *two sources* into a new file, by the code at ``--base`` (checked
   out in a temporary clone) and by the working tree, taking turns so that the noise of a shared
   machine hits both;
2. the working tree's build of *two sources* over the warehouse built from ``model/`` alone: the
   incremental build, which keeps the outcomes of ``model/outcomes.csv``. Its warehouse is
   compared with the full build's (row count and an order-independent hash of every table).

The report is printed and written to ``bench/out/incremental-<scale>.md`` (and ``.json``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

import warehouse
from bench.generate import FIRST_YEAR, OUT, ROOT, SCALES, YEARS, parse_scale
from bench.run import Log, log_progress, machine, source_for
from etl.build import WAREHOUSE_TABLES

BASE = "5de5a77"  # the commit before several outcome files could take the fast path
NEW_PERIOD = f"{FIRST_YEAR + YEARS - 1}-T3"  # the period whose outcomes arrive last
TARGETS = {"two_sources_ratio": 1.25, "incremental_ratio": 0.25}


def split_source(source: Path, out: Path, log: Log) -> tuple[Path, Path]:
    """``out/model`` (the source without NEW_PERIOD's outcomes) and ``out/new`` (those only),
    made once per generated source."""
    model, new = out / "model", out / "new"
    stamp = out / "SPLIT.json"
    origin = {"source": str(source), "period": NEW_PERIOD, "stamp": _stamp(source)}
    if stamp.exists() and json.loads(stamp.read_text(encoding="utf-8")) == origin:
        return model, new
    log(f"splitting {source / 'outcomes.csv'} at {NEW_PERIOD} …")
    shutil.rmtree(out, ignore_errors=True)
    model.mkdir(parents=True)
    new.mkdir()
    for file in source.glob("*.csv"):
        if file.name != "outcomes.csv":
            shutil.copyfile(file, model / file.name)
    with (
        (source / "outcomes.csv").open(encoding="utf-8") as rows,
        (model / "outcomes.csv").open("w", encoding="utf-8") as kept,
        (new / "outcomes.csv").open("w", encoding="utf-8") as arrived,
    ):
        header = rows.readline()
        kept.write(header)
        arrived.write(header)
        for line in rows:  # indicator_id,period,…: the generator quotes nothing
            (arrived if line.split(",", 2)[1] == NEW_PERIOD else kept).write(line)
    stamp.write_text(json.dumps(origin), encoding="utf-8")
    return model, new


def _stamp(source: Path) -> str:
    st = (source / "outcomes.csv").stat()
    return f"{st.st_size}-{st.st_mtime_ns}"


def checkout(base: str, into: Path) -> Path:
    """The code at ``base`` in a clone of this repository."""
    clone = into / f"base-{base}"
    subprocess.run(["git", "clone", "--quiet", "--no-checkout", str(ROOT), str(clone)], check=True)
    subprocess.run(["git", "-C", str(clone), "checkout", "--quiet", base], check=True)
    return clone


def run_build(code: Path, sources: list[Path], db: Path) -> dict:
    """``python -m etl build SOURCES --db DB`` with the code in ``code``: wall time, CPU time,
    peak RSS and the time of each progress message."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "etl", "build", *map(str, sources), "--db", str(db)],
        cwd=code,
        stdout=subprocess.PIPE,
        text=True,
        env=os.environ | {"PYTHONUNBUFFERED": "1"},
    )
    assert proc.stdout is not None
    messages = [(time.perf_counter() - started, line.rstrip("\n")) for line in proc.stdout]
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"the build in {code} failed: {messages[-3:]}")
    return {
        "seconds": seconds,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "peak_rss_mib": usage.ru_maxrss / 1024,
        "incremental": any(m.startswith("Återanvänder lagret") for _, m in messages),
        "messages": messages,
    }


def fingerprint(db: Path) -> list[list]:
    """Row count and an order-independent hash of every table, the load log without its build
    time."""
    with duckdb.connect(str(db), read_only=True) as con:
        found = warehouse.rows(
            con, "bench/incremental/fingerprint", template={"tables": WAREHOUSE_TABLES}
        )
    return [list(row) for row in found]


def phases(messages: list[tuple[float, str]], total: float) -> list[tuple[str, float]]:
    """The build's wall time split at its progress messages (etl/build.py)."""
    marks = [("interpreter start, imports, hashing the files, the plan", 0.0)]
    computing = False
    for at, message in messages:
        if message.startswith("Återanvänder lagret"):
            marks.append(("copy of the warehouse, what changed removed from it", at))
        elif message.startswith("Läser"):
            marks.append(("read and stage the sources, the fast path", at))
        elif message.startswith("Kontrollerar"):
            marks.append(("checks", at))
        elif message.startswith("Bygger lagret"):
            marks.append(("load", at))
        elif message.startswith("Beräknar"):
            marks.append(("status engine", at))
            computing = True
        elif computing and message.startswith("  "):
            marks.append(("the checkpoint, fsync and rename", at))
            computing = False
        elif message.startswith("Klart"):
            marks.append(("process exit", at))
    ends = [at for _, at in marks[1:]] + [total]
    return [(name, end - at) for (name, at), end in zip(marks, ends, strict=True)]


CASES = (
    ("base", "merged"),
    ("new", "merged"),
    ("base", "two sources"),
    ("new", "two sources"),
    ("new", "incremental"),
)


def run_benchmark(
    label: str,
    fraction: float,
    base: str = BASE,
    runs: int = 2,
    out: Path = OUT,
    log: Log = log_progress,
) -> tuple[str, dict]:
    """Every measurement; the markdown report and the raw results."""
    summary = source_for(label, fraction, out, False, log)
    source = Path(summary["path"])
    work = out / f"incremental-{label}"
    model, new = split_source(source, work / "sources", log)
    inputs = {"merged": [source], "two sources": [model, new], "incremental": [model, new]}
    dbs = work / "db"
    dbs.mkdir(parents=True, exist_ok=True)
    results: dict = {
        "scale": label,
        "fraction": fraction,
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "load_before": os.getloadavg(),
        "base": base,
        "source": summary,
        "new_rows": _rows(new / "outcomes.csv"),
        "runs": {f"{code} / {sources}": [] for code, sources in CASES},
    }
    with tempfile.TemporaryDirectory(prefix="rodtrad-bench-") as tmp:
        log(f"checking out {base} …")
        codes = {"base": checkout(base, Path(tmp)), "new": ROOT}
        previous = dbs / "previous.duckdb"
        log("the warehouse before the new outcomes (model/ alone) …")
        _fresh(previous)
        run_build(ROOT, [model], previous)
        for n in range(runs):
            for code, sources in CASES:
                db = dbs / f"{code}-{sources.replace(' ', '-')}.duckdb"
                _fresh(db)
                if sources == "incremental":
                    shutil.copyfile(previous, db)
                result = run_build(codes[code], inputs[sources], db)
                if result["incremental"] != (sources == "incremental"):
                    raise RuntimeError(f"{code} / {sources}: incremental = {result['incremental']}")
                result["phases"] = phases(result.pop("messages"), result["seconds"])
                results["runs"][f"{code} / {sources}"].append(result)
                log(
                    f"run {n + 1}, {code} / {sources}: {result['seconds']:.1f} s, "
                    f"peak RSS {result['peak_rss_mib']:,.0f} MiB"
                )
    results["load_after"] = os.getloadavg()
    results["same_as_full"] = fingerprint(dbs / "new-incremental.duckdb") == fingerprint(
        dbs / "new-two-sources.duckdb"
    )
    return render(results), results


def _fresh(db: Path) -> None:
    db.unlink(missing_ok=True)
    Path(f"{db}.wal").unlink(missing_ok=True)


def _rows(csv: Path) -> int:
    with csv.open("rb") as f:
        return sum(1 for _ in f) - 1


def _least(runs: list[dict], key: str) -> float:
    return min(r[key] for r in runs)


def render(results: dict) -> str:
    m, src, runs = results["machine"], results["source"], results["runs"]
    wall = {case: _least(found, "seconds") for case, found in runs.items()}
    cpu = {case: _least(found, "cpu_seconds") for case, found in runs.items()}

    def ratio(case: str, reference: str) -> str:
        by_wall, by_cpu = wall[case] / wall[reference], cpu[case] / cpu[reference]
        return f"**{by_wall:.2f}×** by wall time, {by_cpu:.2f}× by CPU time"

    incremental = {
        ref: wall["new / incremental"] / wall[ref] for ref in ("new / two sources", "new / merged")
    }
    new_ratio = cpu["new / two sources"] / cpu["new / merged"]
    lines = [
        f"# New outcomes arriving — scale `{results['scale']}` (fraction {results['fraction']})",
        "",
        f"- Date: {results['date']}; load average {_load(results['load_before'])} before, "
        f"{_load(results['load_after'])} after",
        f"- Machine: {m['cpu']}, {m['cores']} cores, {m['ram_gib']:.1f} GiB RAM; "
        f"Python {m['python']}, DuckDB {m['duckdb']}",
        f"- Code: *base* = {results['base']}, *new* = {m['commit']}",
        f"- Sources: {src['rows']['outcomes']:,} outcome rows; *two sources* = `model/` "
        f"({src['rows']['outcomes'] - results['new_rows']:,} outcome rows and the model) and "
        f"`new/` ({results['new_rows']:,} rows of {NEW_PERIOD})",
        "",
        "Each build is `python -m etl build … --db DB --quiet` in a process of its own "
        f"(interpreter start included), {len(next(iter(runs.values())))} runs of each, taking "
        "turns; the least wall and CPU time of the runs count.",
        "",
        "| code | sources | wall time | all runs | CPU time | peak RSS |",
        "|---|---|---:|---|---:|---:|",
    ]
    for case, found in runs.items():
        code, sources = case.split(" / ")
        if sources == "incremental":
            sources = "two sources, over the warehouse of `model/` (incremental)"
        every = ", ".join(f"{r['seconds']:.1f}" for r in found)
        rss = max(r["peak_rss_mib"] for r in found)
        lines.append(
            f"| {code} | {sources} | {wall[case]:.1f} s | {every} s | {cpu[case]:.1f} s "
            f"| {rss:,.0f} MiB |"
        )
    lines += [
        "",
        f"- Two sources / one merged file: base {ratio('base / two sources', 'base / merged')}; "
        f"new {ratio('new / two sources', 'new / merged')} "
        f"(target ≤ {TARGETS['two_sources_ratio']}× by CPU time, as on the fast path: "
        f"{_ok(new_ratio <= TARGETS['two_sources_ratio'])}).",
        f"- Incremental build / full build of the same two sources: "
        f"{ratio('new / incremental', 'new / two sources')}; / full build of the merged file: "
        f"{ratio('new / incremental', 'new / merged')} (target < "
        f"{TARGETS['incremental_ratio']:.0%} by wall time: "
        f"{_ok(max(incremental.values()) < TARGETS['incremental_ratio'])}).",
        f"- The incremental build's warehouse equals the full build's, table by table: "
        f"{_ok(results['same_as_full'])}.",
        "",
        "Phases of the fastest incremental build and of the fastest full build of the two "
        "sources (new code), split at the build's progress messages:",
        "",
        "| phase | incremental | full |",
        "|---|---:|---:|",
    ]
    fastest = {case: min(found, key=lambda r: r["seconds"]) for case, found in runs.items()}
    full = dict(fastest["new / two sources"]["phases"])
    for name, took in fastest["new / incremental"]["phases"]:
        other = f"{full[name]:.2f} s" if name in full else "–"
        lines.append(f"| {name} | {took:.2f} s | {other} |")
    lines.append("")
    return "\n".join(lines)


def _load(avg: tuple[float, float, float]) -> str:
    return " / ".join(f"{x:.1f}" for x in avg)


def _ok(met: bool) -> str:
    return "✅ yes" if met else "❌ no"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.incremental", description=__doc__)
    parser.add_argument(
        "--scale",
        type=parse_scale,
        default=("medium", SCALES["medium"]),
        help=f"{', '.join(SCALES)} or a fraction of large (default medium)",
    )
    parser.add_argument("--base", default=BASE, help=f"the code to compare with ({BASE})")
    parser.add_argument("--runs", type=int, default=2, help="runs of each build (2)")
    parser.add_argument("--out", type=Path, default=OUT, help=f"work folder ({OUT})")
    args = parser.parse_args(argv)
    label, fraction = args.scale
    report, results = run_benchmark(label, fraction, args.base, args.runs, args.out)
    print(report)
    (args.out / f"incremental-{label}.md").write_text(report, encoding="utf-8")
    (args.out / f"incremental-{label}.json").write_text(
        json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8"
    )
    log_progress(f"wrote {args.out / f'incremental-{label}.md'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
