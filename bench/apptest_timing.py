"""Section 1 of the page benchmark: a cold run and warm reruns of each page in AppTest.

Each page is run once with empty caches (the *cold* run, every query executed), then ``runs``
more times with the same URL parameters (the *warm* reruns, every ``fetch`` a cache hit). The
calls of ``ui.data.fetch`` and ``warehouse.run`` are timed on the way, which shows where a slow
page spends its time, and the points of every plotly chart are counted.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import math
import os
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

import warehouse
from bench.charts import spec_points
from bench.generate import ROOT
from bench.run import Log, percentile
from bench.scenarios import ENTRY, Page

APPTEST_TIMEOUT = 300  # seconds for one AppTest run; a cold run on the large model is slow


@dataclass
class Call:
    kind: str  # "fetch" (through the cache) or "query" (executed in DuckDB)
    name: str
    seconds: float
    rows: int | None  # None when the result is not a DataFrame


class CallLog:
    """Times ``ui.data.fetch`` / ``ui.data.explanation`` and ``warehouse.run`` calls."""

    def __init__(self) -> None:
        self.calls: list[Call] = []

    def take(self) -> list[Call]:
        calls, self.calls = self.calls, []
        return calls

    def _wrap(self, kind: str, function: Callable, name_of: Callable[..., str]) -> Callable:
        @functools.wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            result = function(*args, **kwargs)
            rows = len(result) if isinstance(result, pd.DataFrame) else None
            self.calls.append(
                Call(kind, name_of(*args, **kwargs), time.perf_counter() - started, rows)
            )
            return result

        return timed

    @contextlib.contextmanager
    def installed(self) -> Iterator[CallLog]:
        """Replace the functions everywhere they are bound (``ui.state`` imports ``fetch``);
        the pages import them anew on every run, from the patched ``ui.data``."""
        import ui.data

        def query_name(_con: Any, name: str, **_params: Any) -> str:
            return name

        def fetch_name(name: str, **_params: Any) -> str:
            return name

        def explanation_name(*_args: Any, **_kwargs: Any) -> str:
            return "explanation (attainment.explain)"

        replacements = [
            (warehouse.run, self._wrap("query", warehouse.run, query_name)),
            (ui.data.fetch, self._wrap("fetch", ui.data.fetch, fetch_name)),
            (ui.data.explanation, self._wrap("fetch", ui.data.explanation, explanation_name)),
        ]
        patched: list[tuple[Any, str, Any]] = []
        for module in list(sys.modules.values()):
            name = getattr(module, "__name__", "")
            if name.split(".")[0] not in ("ui", "queries", "attainment"):
                continue
            for attribute, value in list(vars(module).items()):
                for original, replacement in replacements:
                    if value is original:
                        patched.append((module, attribute, value))
                        setattr(module, attribute, replacement)
        try:
            yield self
        finally:
            for module, attribute, value in patched:
                setattr(module, attribute, value)


@dataclass
class RerunResult:
    page: Page
    params: dict[str, str]
    cold_ms: float
    warm_ms: list[float]
    exception: str | None = None
    chart_points: list[int] = field(default_factory=list)
    cold_calls: list[Call] = field(default_factory=list)
    warm_calls: list[Call] = field(default_factory=list)
    compile_ms: float = math.nan

    def p(self, q: float) -> float:
        return percentile(self.warm_ms, q)


def compile_ms(scripts: list[Path], repeat: int = 5) -> float:
    """What AppTest adds to every rerun: it gives each run a new ``ScriptCache``, so
    dashboard.py and the page are read, rewritten for "magic" and compiled again (a server
    does that once). The median of ``repeat`` times, in ms."""
    from streamlit import config
    from streamlit.runtime.scriptrunner import magic

    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        for script in scripts:
            body = script.read_text(encoding="utf-8")
            if config.get_option("runner.magicEnabled"):
                body = magic.add_magic(body, str(script))
            compile(body, str(script), "exec", dont_inherit=True)
        times.append((time.perf_counter() - started) * 1000)
    return percentile(times, 50)


@contextlib.contextmanager
def _quiet_bare_mode() -> Iterator[None]:
    """Drop Streamlit's warnings that it runs outside ``streamlit run`` (clearing the caches
    between pages does); a filter, because AppTest resets the loggers' levels."""
    loggers = [
        logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context"),
        logging.getLogger("streamlit.runtime.caching.cache_data_api"),
    ]

    def keep(record: logging.LogRecord) -> bool:
        return record.levelno > logging.WARNING

    for logger in loggers:
        logger.addFilter(keep)
    try:
        yield
    finally:
        for logger in loggers:
            logger.removeFilter(keep)


@contextlib.contextmanager
def _warehouse_env(db: Path) -> Iterator[None]:
    previous = os.environ.get(warehouse.files.ENV)
    os.environ[warehouse.files.ENV] = str(db)
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(warehouse.files.ENV, None)
        else:
            os.environ[warehouse.files.ENV] = previous


def measure_reruns(
    db: Path,
    pages: list[Page],
    params: Callable[[Page], dict[str, str]],
    runs: int,
    log: Log,
) -> list[RerunResult]:
    """Section 1: per page a cold AppTest run (caches cleared) and ``runs`` warm reruns."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    results = []
    with _warehouse_env(db), _quiet_bare_mode(), CallLog().installed() as calls:
        for page in pages:
            st.cache_data.clear()
            st.cache_resource.clear()
            at = AppTest.from_file(str(ENTRY), default_timeout=APPTEST_TIMEOUT)
            page_params = params(page)
            for key, value in page_params.items():
                at.query_params[key] = value
            at.switch_page(page.script)
            calls.take()
            started = time.perf_counter()
            at.run()
            result = RerunResult(page, page_params, (time.perf_counter() - started) * 1000, [])
            result.cold_calls = calls.take()
            if at.exception:
                result.exception = str(at.exception[0].value)[:200]
                log(f"{page.stem}: exception {result.exception}")
                results.append(result)
                continue
            for _ in range(runs):
                started = time.perf_counter()
                at.run()
                result.warm_ms.append((time.perf_counter() - started) * 1000)
            result.warm_calls = calls.take()
            if at.exception:
                result.exception = str(at.exception[0].value)[:200]
            result.chart_points = [spec_points(c.proto.spec) for c in at.get("plotly_chart")]
            result.compile_ms = compile_ms([ENTRY, ROOT / page.script])
            log(
                f"{page.stem}: cold {result.cold_ms:.0f} ms, warm p50 {result.p(50):.0f} ms, "
                f"p95 {result.p(95):.0f} ms"
            )
            results.append(result)
    return results
