"""Benchmark the dashboard's pages: reruns, interactions, cold loads, message sizes, chart points.

    python -m bench.pages --db PATH [--label example|large] [--runs 30] [--interactions 20]
                          [--cold-runs 3] [--pages overview,indicator] [--skip-browser]

A benchmark, not a test: it measures and reports, with each figure beside its target.

1. **Warm rerun** (AppTest, in this process; ``bench/apptest_timing.py``): per page a cold run
   with empty caches, then ``--runs`` warm reruns, with the time spent in ``ui.data.fetch`` and
   ``warehouse.run``.
2. **Interaction to render** (Playwright + Debian's Chromium against ``streamlit run``;
   ``bench/browser_timing.py``): ``--interactions`` picks per page and URL-bound selectbox,
   timed in the browser from the input to the end of the render it causes.
3. **Cold load**: a fresh browser context opens the page's URL (``--cold-runs`` times); time to
   the page's title and to the end of the render.
4. **Largest message**: every websocket frame the browser receives during 2 and 3, by page.
5. **Chart points**: points per plotly chart (``bench/charts.py``), from the AppTest runs and
   from every ``plotly_chart`` element in the frames of 2 and 3.

The pages and their realistic but heavy URL parameters come from ``bench/scenarios.py``; the
report (``bench/report.py``) is printed and written to ``bench/out/pages-<label>.md``. The
machine may be shared and noisy; compare figures within one report rather than across reports.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from bench.apptest_timing import measure_reruns
from bench.browser_timing import measure_browser
from bench.generate import OUT
from bench.report import render
from bench.run import Log, log_progress, save_report
from bench.scenarios import registered_pages, scenario
from tools.server import chromium_missing_reason


def run_benchmark(
    db: Path,
    label: str,
    *,
    runs: int = 30,
    interactions: int = 20,
    cold_runs: int = 3,
    only: list[str] | None = None,
    browser: bool = True,
    log: Log = log_progress,
) -> str:
    """Measure and return the markdown report (sections 2–4 only when ``browser``)."""
    load = os.getloadavg()
    pages = [p for p in registered_pages() if not only or p.stem in only]
    plan = scenario(db)
    log(f"pages: {', '.join(p.stem for p in pages)}; parameters {plan.values}")
    reruns = measure_reruns(db, pages, plan.params_for, runs, log)
    measured = None
    if browser:
        reason = chromium_missing_reason()
        if reason:
            log(f"skipping the browser: {reason}")
        else:
            measured = measure_browser(db, pages, plan, interactions, cold_runs, log)
    return render(label, db, plan, reruns, measured, runs, load)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.pages", description=__doc__)
    parser.add_argument("--db", type=Path, required=True, help="the warehouse to measure")
    parser.add_argument("--label", help="names the report (default: the file's stem)")
    parser.add_argument("--runs", type=int, default=30, help="warm AppTest reruns per page")
    parser.add_argument(
        "--interactions", type=int, default=20, help="browser interactions per page and selector"
    )
    parser.add_argument("--cold-runs", type=int, default=3, help="cold loads per page")
    parser.add_argument("--pages", help="comma-separated page stems (default: every page)")
    parser.add_argument("--skip-browser", action="store_true", help="AppTest only")
    parser.add_argument("--out", type=Path, help="default: bench/out/pages-<label>.md")
    args = parser.parse_args(argv)
    db = args.db.resolve()
    if not db.exists():
        parser.error(f"no warehouse at {db}")
    label = args.label or db.stem
    report = run_benchmark(
        db,
        label,
        runs=args.runs,
        interactions=args.interactions,
        cold_runs=args.cold_runs,
        only=args.pages.split(",") if args.pages else None,
        browser=not args.skip_browser,
    )
    save_report(report, args.out or OUT / f"pages-{label}.md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
