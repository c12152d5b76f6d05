"""Fetch and build of a model of Kolada KPIs at full size, and the rerun after a revision.

    python -m bench.kolada [--kpis 50] [--years 2013-2022] [--municipality 2082] [--rate 0]
                           [--runs 2] [--base COMMIT]

A benchmark, not a test. The stand-in for Kolada (``tools/kolada_server.py``) serves, on
127.0.0.1, the real values of ``../shared/data/real`` for every municipality, län and riket in
v3's shape. The real extract has 17 KPIs; the other ones up to ``--kpis`` are **synthetic, for
load only**: for i = 0, 1, …, KPI ``N99001 + i`` is the real KPI ``i mod 17`` (counted from 0, in
id order) times ``1 + 0.05 × (1 + i // 17)`` (1.05 for N99001–N99017, 1.10 for N99018 on), under
its own id, with a title that says it is synthetic. They are never Kolada's figures.

The model (written into a temporary folder in the interchange format, ``docs/format.md``) has
one indicator per KPI with ``kolada_kpi``, all measuring one nämndmål. Each step is a process of
its own, so its time, CPU and peak RSS are its own (interpreter start and imports included):

1. ``python -m etl kolada fetch --model MODEL --years … --rate R`` into an empty folder: time,
   HTTP requests (the stand-in's count and the command's), pages and bytes, peak RSS;
2. ``python -m etl build MODEL FOLDER``: time, peak RSS, Kolada values and outcomes;
3. one KPI's values for the last year revised on the stand-in (every area and gender, +1 %,
   dated today), and the fetch run again on the same folder: requests, time, peak RSS, the
   revised values that came back; then the build again, with the revisions in
   ``kolada_values``.

``--base COMMIT`` runs both fetches also with the code at that commit (a temporary clone), in
turns with the working tree's, and the report gives the ratios. ``--rate 0``: no pause between
requests, so the figures are our own cost; the command's default of 5 requests a second adds
(requests − 1) / 5 s. Written to ``bench/out/kolada.md`` (and ``.json``).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import re
import sys
import tempfile
from pathlib import Path

import duckdb

import warehouse
from bench.generate import OUT, ROOT
from bench.incremental import checkout
from bench.run import Log, log_progress, machine, save_report
from tools import measure
from tools.kolada_server import VALUES, Kolada, kolada_server

SYNTHETIC_PREFIX = "N99"
REVISION_FACTOR = 1.01


def real_kpis() -> list[str]:
    """The 17 KPIs of the real extract, in id order."""
    folder = VALUES / "datapoints--by--geo--year"
    return sorted(p.name.split("--")[2].upper() for p in folder.glob("*.csv"))


def kpi_set(count: int) -> tuple[list[str], dict[str, tuple[str, float]]]:
    """``count`` KPIs: the real ones first, then the synthetic ones (id -> (real KPI, factor))."""
    real = real_kpis()
    derived = {}
    for i in range(max(0, count - len(real))):
        derived[f"{SYNTHETIC_PREFIX}{i + 1:03}"] = (real[i % len(real)], 1 + 0.05 * (1 + i // 17))
    return real[:count] + list(derived), derived


def write_model(folder: Path, municipality: str, kpis: list[str]) -> Path:
    """A goal model whose indicators are ``kpis``, as CSV files in the interchange format."""
    tables = {
        "settings": [
            {"key": "municipality_code", "value": municipality},
            {"key": "municipality_name", "value": "Kommunen"},
        ],
        "organisation": [
            {"org_id": "KF", "name": "Kommunfullmäktige", "type": "fullmäktige", "parent_id": ""}
        ],
        "goals": [
            {
                "goal_id": "V",
                "title": "Vision",
                "level": "vision",
                "parent_ids": "",
                "responsible": "KF",
            },
            {
                "goal_id": "K1",
                "title": "Kolada-mål",
                "level": "kf-mål",
                "parent_ids": "V",
                "responsible": "KF",
            },
            {
                "goal_id": "N1",
                "title": "Nyckeltalen",
                "level": "nämndmål",
                "parent_ids": "K1",
                "responsible": "KF",
            },
        ],  # fmt: skip
        "indicators": [
            {
                "indicator_id": f"I_{kpi}",
                "title": f"Nyckeltal {kpi}",
                "direction": "higher",
                "source": "kolada",
                "kolada_kpi": kpi,
            }
            for kpi in kpis
        ],  # fmt: skip
        "goal_indicators": [{"goal_id": "N1", "indicator_id": f"I_{kpi}"} for kpi in kpis],
    }
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as file:
            writer = csv.DictWriter(file, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    return folder


def measured(command: list[str], cwd: Path) -> dict:
    """Run ``command`` in ``cwd``: its stdout, wall time, CPU time and peak RSS, its own (the
    stand-in server in this process holds ≈ 250 MB at 50 KPIs, tools/measure.py)."""
    run = measure.measured(command, cwd)
    if run.returncode != 0:
        raise RuntimeError(f"{command[1:4]} in {cwd} failed: {run.stderr.strip()}")
    return {
        "stdout": run.stdout,
        "seconds": run.seconds,
        "cpu_seconds": run.cpu_seconds,
        "peak_rss_mib": run.peak_rss_kib / 1024,  # KiB on Linux
    }


def run_fetch(code: Path, args: list[str], kolada: Kolada) -> dict:
    """``python -m etl kolada fetch ARGS`` with the code in ``code``: wall and CPU time, peak
    RSS, the requests the stand-in saw and what the command says it did."""
    with kolada.lock:
        seen = len(kolada.requests)
    result = measured([sys.executable, "-m", "etl", "kolada", "fetch", *args, "--quiet"], code)
    said = re.search(
        r"Hämtade (\d+) frågor \((\d+) sidor, (\d+) rader\) i (\d+) anrop", result.pop("stdout")
    )
    with kolada.lock:
        result["requests"] = len(kolada.requests) - seen
    for number, name in enumerate(("questions", "pages", "rows", "client_requests"), start=1):
        result[name] = int(said[number]) if said else None
    return result


def run_build(sources: list[Path], db: Path) -> dict:
    """``python -m etl build SOURCES --db DB`` with the working tree's code, measured."""
    result = measured([sys.executable, "-m", "etl", "build", *map(str, sources), "--db", str(db)],
                      ROOT)  # fmt: skip
    result.pop("stdout")
    return result


def revise(kolada: Kolada, kpi: str, year: int) -> int:
    """Every value of ``kpi`` in ``year`` changed by +1 %, dated today; how many."""
    kolada.revisions = {
        (kpi, area, year, gender): round(value * REVISION_FACTOR, 4)
        for (area, when), genders in kolada.values(kpi).items()
        if when == year
        for gender, value in genders.items()
        if value is not None
    }
    kolada.revised_on = dt.datetime.now(dt.UTC).date().isoformat()
    return len(kolada.revisions)


def folder_size(folder: Path) -> tuple[int, int]:
    """(pages, bytes) of a fetched folder."""
    pages = list((folder / "pages").glob("*.json"))
    return len(pages), sum(p.stat().st_size for p in pages)


def built(db: Path) -> dict:
    with duckdb.connect(str(db), read_only=True) as con:
        [(values, revised, outcomes)] = warehouse.rows(con, "bench/kolada/counts")
    return {"kolada_values": values, "revised": revised, "outcomes": outcomes}


def run_benchmark(
    kpis: int = 50,
    years: tuple[int, int] = (2013, 2022),
    municipality: str = "2082",
    rate: float = 0.0,
    runs: int = 2,
    base: str | None = None,
    out: Path = OUT,
    log: Log = log_progress,
) -> tuple[str, dict]:
    """Every measurement; the markdown report and the raw results."""
    ids, derived = kpi_set(kpis)
    out = out.resolve()  # the commands run in the code's folder
    out.mkdir(parents=True, exist_ok=True)
    results: dict = {
        "machine": machine(),
        "started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "load_before": os.getloadavg(),
        "kpis": len(ids),
        "synthetic_kpis": len(derived),
        "years": list(years),
        "municipality": municipality,
        "rate": rate,
        "base": base,
        "runs": {},
        "builds": {},
    }
    revised_kpi, revised_year = ids[0], years[1]
    with tempfile.TemporaryDirectory(prefix="kolada-", dir=out) as temporary:
        work = Path(temporary)
        model = write_model(work / "model", municipality, ids)
        codes = {"base": checkout(base, work), "new": ROOT} if base else {"new": ROOT}
        kolada = Kolada(derived=derived)
        with kolada_server(kolada) as (url, _):
            for run in range(runs):
                kolada.revisions = {}
                folders = {name: work / f"kolada-{name}-{run}" for name in codes}
                for step in ("fetch", "rerun"):
                    if step == "rerun":
                        results["revised_values"] = revise(kolada, revised_kpi, revised_year)
                    for name, code in codes.items():
                        log(f"run {run + 1}: {step} with the {name} code …")
                        args = [
                            "--municipality", municipality, "--model", str(model),
                            "--years", f"{years[0]}-{years[1]}", "--out", str(folders[name]),
                            "--base-url", url, "--rate", str(rate),
                        ]  # fmt: skip
                        measured = run_fetch(code, args, kolada)
                        measured["folder_pages"], measured["folder_bytes"] = folder_size(
                            folders[name]
                        )
                        results["runs"].setdefault(f"{name} / {step}", []).append(measured)
                    log(f"run {run + 1}: build after the {step} …")
                    db = work / f"w-{run}-{step}.duckdb"
                    build = run_build([model, folders["new"]], db)
                    build.update(built(db))
                    results["builds"].setdefault(step, []).append(build)
                    db.unlink()
    results["revised_kpi"], results["revised_year"] = revised_kpi, revised_year
    results["load_after"] = os.getloadavg()
    return report(results), results


def _least(runs: list[dict], key: str) -> float:
    return min(r[key] for r in runs)


def _most(runs: list[dict], key: str) -> float:
    return max(r[key] for r in runs)


def _all(runs: list[dict]) -> str:
    return ", ".join(f"{r['seconds']:.2f}" for r in runs)


def report(results: dict) -> str:
    m = results["machine"]
    first, last = results["years"]
    lines = [
        "# Kolada fetch and build benchmark",
        "",
        f"{results['started']} UTC, code at {m['commit']}; {m['cpu']}, {m['usable_cores']} "
        f"cores, {m['ram_gib']:.1f} GiB RAM; Python {m['python']}, DuckDB {m['duckdb']}. Load "
        f"average {results['load_before'][0]:.1f} before, {results['load_after'][0]:.1f} after.",
        "",
        f"{results['kpis']} KPIs ({results['kpis'] - results['synthetic_kpis']} real, "
        f"{results['synthetic_kpis']} synthetic: real values × a factor, for load only) × every "
        f"area Kolada answers for × {first}–{last}, municipality {results['municipality']}, "
        f"--rate {results['rate']:g}; {len(next(iter(results['runs'].values())))} runs: the least "
        "wall and CPU time count, and the highest peak RSS.",
        "",
        "| step | code | wall time | all runs | CPU time | peak RSS | requests | pages | "
        "rows | folder |",
        "|---|---|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    for case, runs in results["runs"].items():
        code, step = case.split(" / ")
        lines.append(
            f"| {step} | {code} | {_least(runs, 'seconds'):.2f} s | "
            f"{_all(runs)} s | "
            f"{_least(runs, 'cpu_seconds'):.2f} s | {_most(runs, 'peak_rss_mib'):.0f} MiB | "
            f"{runs[-1]['requests']} | {runs[-1]['pages']} | {runs[-1]['rows']:,} | "
            f"{runs[-1]['folder_bytes'] / 2**20:.1f} MiB |"
        )
    for step, builds in results["builds"].items():
        lines.append(
            f"| build after {step} | new | {_least(builds, 'seconds'):.2f} s | "
            f"{_all(builds)} s | "
            f"{_least(builds, 'cpu_seconds'):.2f} s | {_most(builds, 'peak_rss_mib'):.0f} MiB | "
            f"– | – | {builds[-1]['kolada_values']:,} Kolada values | – |"
        )
    if "base / rerun" in results["runs"]:
        lines += ["", "New code against base (least wall and CPU time, highest peak RSS):", ""]
        for step in ("fetch", "rerun"):
            new, old = results["runs"][f"new / {step}"], results["runs"][f"base / {step}"]
            ratios = [_least(new, k) / _least(old, k) for k in ("seconds", "cpu_seconds")]
            rss = _most(new, "peak_rss_mib") / _most(old, "peak_rss_mib")
            lines.append(
                f"- {step}: {ratios[0]:.2f}× the time, {ratios[1]:.2f}× the CPU, {rss:.2f}× the "
                f"memory, {new[-1]['requests']} requests against {old[-1]['requests']}"
            )
    rerun = results["builds"]["rerun"][-1]
    same = "✅" if rerun["revised"] == results["revised_values"] else "❌"
    lines += [
        "",
        f"Revised on the stand-in: {results['revised_values']:,} values of "
        f"{results['revised_kpi']} for {last}; revised in the warehouse after the rerun: "
        f"{rerun['revised']:,} ({same}).",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kpis", type=int, default=50)
    parser.add_argument("--years", default="2013-2022")
    parser.add_argument("--municipality", default="2082")
    parser.add_argument("--rate", type=float, default=0.0)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--base", help="also measure the fetch of this commit")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    first, _, last = args.years.partition("-")
    text, results = run_benchmark(
        args.kpis,
        (int(first), int(last or first)),
        args.municipality,
        args.rate,
        args.runs,
        args.base,
        args.out,
    )
    save_report(text, args.out / "kolada.md")
    (args.out / "kolada.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
