"""Benchmark the dashboard's pages: reruns, interactions, cold loads, message sizes, chart points.

    python -m bench.pages --db PATH [--label example|large] [--runs 30] [--interactions 20]
                          [--cold-runs 3] [--pages overview,indicator] [--skip-browser]

A benchmark, not a test: it measures and reports, with each figure beside its target.

1. **Warm rerun** (AppTest, in this process): each page is run once with empty caches (the
   *cold* run, every query executed), then ``--runs`` more times with the same URL parameters
   (the *warm* reruns, every ``fetch`` a cache hit). Calls of ``ui.data.fetch`` and
   ``queries.run`` are timed on the way, which shows where a slow page spends its time.
2. **Interaction to render** (Playwright + Debian's Chromium against ``streamlit run``): pick
   another value in a URL-bound selectbox (the sidebar's period, or the page's goal, nämnd or
   indicator), ``--interactions`` times per page and selector. Half the picks are values the
   session has not shown yet, the other half revisit them. Measured in the browser, from the
   ``pointerdown`` on the option to the end of the render it causes: the last websocket message
   or visible DOM change before the app is idle (script state ``notRunning``, no stale
   element, every plotly chart drawn) and quiet.
3. **Cold load**: a fresh browser context (empty browser cache) opens the page's URL; time to
   the page's title (first meaningful content) and to the end of the render (as in 2), from
   navigation start. The first
   run of a page is also the server's first run of that page with these parameters.
4. **Largest message**: every websocket frame the browser receives during 2 and 3, by page.
5. **Chart points**: points per plotly chart (the sum over traces of ``len(x)``, or of ``ids``
   / ``labels`` / ``values`` for a trace without ``x``), from the AppTest runs and from every
   ``plotly_chart`` element in the frames of 2 and 3.

The URL parameters are realistic but heavy: the latest period, the goal with most indicators,
the nämnd responsible for most goals and the indicator with most outcome rows. A goal or an
indicator is chosen in two steps on its page (``ui.state.select_in_area``): its URL names the
first area it lies under too, and its interactions pick other goals or indicators of that area.
The report is printed and written to ``bench/out/pages-<label>.md``. The machine may be shared
and noisy; compare figures within one report rather than across reports.
"""

from __future__ import annotations

import argparse
import ast
import base64
import contextlib
import datetime as dt
import functools
import importlib.metadata
import json
import logging
import math
import os
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlparse

import numpy as np
import pandas as pd

import queries
from bench.run import machine, percentile
from tools.server import CHROMIUM, CHROMIUM_ARGS, chromium_missing_reason, streamlit_server

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
ENTRY = ROOT / "dashboard.py"

TARGET_RERUN_P95_MS = 150.0
TARGET_INTERACTION_P95_MS = 500.0
TARGET_MESSAGE_BYTES = 5_000_000  # 5 MB
TARGET_CHART_POINTS = 10_000

# The URL parameters each page reads, in the order its selectors appear. A page missing here
# (a new one) is measured without parameters.
PAGE_PARAMS: dict[str, tuple[str, ...]] = {
    "overview": ("period",),
    "goal_chain": ("period", "goal"),
    "committees": ("period", "namnd"),
    "over_time": ("goal",),
    "indicator": ("period", "indicator"),
    "data_quality": ("period",),
    "start": (),
}
RERUN = "rerun"  # the interaction of a page without a selector: Streamlit's R shortcut

APPTEST_TIMEOUT = 300  # seconds for one AppTest run; a cold run on the large model is slow
BROWSER_TIMEOUT_MS = 180_000
VIEWPORT = {"width": 1400, "height": 1000}

# Heavy but real choices for the URL parameters (see the module docstring).
HEAVIEST = {
    "goal": "select goal_id from goal_indicators group by all order by count(*) desc, goal_id",
    "namnd": "select org_id from goal_responsibility group by all order by count(*) desc, org_id",
    "indicator": (
        "select indicator_id from outcomes group by all order by count(*) desc, indicator_id"
    ),
}

Log = Callable[[str], None]


def _log(message: str) -> None:
    print(f"[{dt.datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


# --- the pages and their parameters ---------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """One page as dashboard.py registers it with ``st.Page``."""

    script: str  # "pages/overview.py"
    title: str  # "Översikt"
    default: bool = False

    @property
    def stem(self) -> str:
        return Path(self.script).stem

    @property
    def url_path(self) -> str:
        """The page's URL path: the default page lives at the root."""
        return "" if self.default else self.stem

    @property
    def params(self) -> tuple[str, ...]:
        return PAGE_PARAMS.get(self.stem, ())


def registered_pages(entry: Path = ENTRY) -> list[Page]:
    """The ``st.Page(...)`` calls of dashboard.py, in order (read with ``ast``, not run)."""
    pages = []
    for node in ast.walk(ast.parse(entry.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "Page"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            script = str(node.args[0].value)
            title = _keyword(node, "title", Path(script).stem)
            pages.append(Page(script, str(title), bool(_keyword(node, "default", False))))
    return pages


def _keyword(call: ast.Call, name: str, default: Any) -> Any:
    """The constant value of keyword ``name`` in ``call``, else ``default``."""
    for keyword in call.keywords:
        if keyword.arg == name and isinstance(keyword.value, ast.Constant):
            return keyword.value.value
    return default


@dataclass(frozen=True)
class Option:
    """A value of a URL parameter, and how to pick it in its selectbox in the browser."""

    value: str  # the id in the URL
    search: str  # typed into the selectbox to filter its options
    pattern: str  # a regular expression that matches this option's text only


# Goals and indicators are picked in two steps (ui.state.select_in_area): the URL names the
# area too, and an interaction picks another goal or indicator of that area.
AREA_PARAM = "area"


@dataclass
class Scenario:
    """The URL parameters the pages are measured with, and the values interactions pick."""

    values: dict[str, str]
    options: dict[str, list[Option]]
    areas: dict[str, str] = field(default_factory=dict)  # goal/indicator → the value's area

    def params_for(self, page: Page) -> dict[str, str]:
        params = {}
        for p in page.params:
            if p in self.areas:
                params[AREA_PARAM] = self.areas[p]
            if p in self.values:
                params[p] = self.values[p]
        return params


def scenario(db: Path) -> Scenario:
    """Realistic, heavy parameters from the warehouse ``db`` (see the module docstring)."""
    from ui.state import area_param

    con = queries.open_warehouse(db)
    try:
        cur = queries.cursor(con)
        periods = queries.run(cur, "app/periods")
        orgs = queries.run(cur, "app/committee_options")
        heaviest = {p: cur.execute(q).fetchone() for p, q in HEAVIEST.items()}
        values: dict[str, str] = {}
        if not periods.empty:
            default = periods.loc[periods.is_default, "period"]
            values["period"] = str(default.iloc[0] if not default.empty else periods.period.iloc[0])
        for param, row in heaviest.items():
            if row is not None:
                values[param] = str(row[0])
        # A goal or indicator is picked among those of its area (the first, as the page opens
        # a link without one), the options the page offers.
        areas: dict[str, str] = {}
        in_area: dict[str, list[str]] = {"goal": [], "indicator": []}
        for param in in_area:
            if param in values:
                [area, *_] = queries.run(
                    cur, f"app/{param}_areas", **{param: values[param]}
                ).area_id
                areas[param] = area_param(area)
                in_area[param] = list(
                    queries.run(cur, f"app/area_{param}s", area=area)[f"{param}_id"]
                )
    finally:
        con.close()
    options = {
        "period": [
            Option(p, label, f"^{re.escape(label)}$")
            for p, label in zip(periods.period, periods.label, strict=True)
        ],
        "goal": [Option(g, g, rf"· {re.escape(g)}( |$)") for g in in_area["goal"]],
        "namnd": [
            Option(o, name, f"^{re.escape(name)}$")
            for o, name in zip(orgs.org_id, orgs.name, strict=True)
        ],
        "indicator": [Option(i, i, f"^{re.escape(i)} · ") for i in in_area["indicator"]],
    }
    return Scenario(values, options, areas)


def interaction_values(options: list[Option], current: str | None, count: int) -> list[Option]:
    """``count`` picks, none equal to the one before it: ``ceil(count / 2)`` distinct values
    spread over the list, then the same again (first visits, then revisits)."""
    others = [o for o in options if o.value != current]
    if not others or count <= 0:
        return []
    wanted = max(1, math.ceil(count / 2))
    step = max(1, len(others) // wanted)
    distinct = others[::step][:wanted]
    if len(distinct) == 1:  # alternate with the current value, if it can be picked back
        back = [o for o in options if o.value == current]
        if not back:
            return distinct  # a single pick: picking the same value again reruns nothing
        distinct += back
    return [distinct[i % len(distinct)] for i in range(count)]


def url_for(base: str, page: Page, params: dict[str, str]) -> str:
    query = f"?{urlencode(params)}" if params else ""
    return f"{base}/{page.url_path}{query}"


# --- plotly figures -------------------------------------------------------------------------


def _array_length(value: Any) -> int:
    """The length of a plotly data array: a JSON list, or a typed array (``bdata``)."""
    if isinstance(value, list | tuple):
        return len(value)
    if isinstance(value, dict) and "bdata" in value:
        shape = value.get("shape")
        if shape:
            return int(str(shape).split(",")[0])
        raw = base64.b64decode(value["bdata"])
        return len(raw) // np.dtype(value.get("dtype", "f8")).itemsize
    return 0


def chart_points(figure: dict) -> int:
    """The plotted points of a figure: per trace ``len(x)``, or ``ids`` / ``labels`` /
    ``values`` / ``y`` for a trace without ``x`` (e.g. a sunburst)."""
    total = 0
    for trace in figure.get("data", []):
        for key in ("x", "ids", "labels", "values", "y"):
            if key in trace and trace[key] is not None:
                total += _array_length(trace[key])
                break
    return total


def spec_points(spec: str) -> int:
    """The points of a figure given as JSON (``PlotlyChart.spec``)."""
    return chart_points(json.loads(spec))


# --- 1. AppTest: cold run and warm reruns ---------------------------------------------------


@dataclass
class Call:
    kind: str  # "fetch" (through the cache) or "query" (executed in DuckDB)
    name: str
    seconds: float
    rows: int | None  # None when the result is not a DataFrame


class CallLog:
    """Times ``ui.data.fetch`` / ``ui.data.explanation`` and ``queries.run`` calls."""

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
            (queries.run, self._wrap("query", queries.run, query_name)),
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
    previous = os.environ.get(queries.WAREHOUSE_ENV)
    os.environ[queries.WAREHOUSE_ENV] = str(db)
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(queries.WAREHOUSE_ENV, None)
        else:
            os.environ[queries.WAREHOUSE_ENV] = previous


def measure_reruns(
    db: Path,
    pages: list[Page],
    params: Callable[[Page], dict[str, str]],
    runs: int,
    log: Log = _log,
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


# --- 2–5. the browser -----------------------------------------------------------------------

# Installed in every document before Streamlit's own scripts. Records, in the page's
# performance.now() time (0 = navigation start): the last user input (pointerdown or keydown),
# when the main title first appeared, when the last websocket message reached the page's
# scripts, and the last visible change in the app's DOM (inside #root but not in the header,
# whose status widget fades out after a run, nor in a canvas's fallback content; dropdowns and
# tooltips live outside #root). ``__rt.idle()`` is true when Streamlit's script state is
# "notRunning", no element is stale and every plotly chart has drawn. A data grid draws on its
# canvas: its last DOM change is the canvas being sized, just before it is painted.
TRACKER = """
(() => {
  const rt = window.__rt = {input: null, titleAt: null, messageAt: 0, changeAt: 0};
  for (const type of ["pointerdown", "keydown"]) {
    addEventListener(type, (e) => { rt.input = e.timeStamp; }, true);
  }
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", () => { rt.messageAt = performance.now(); });
    }
  };
  const inApp = (record) => {
    const node = record.target.nodeType === 1 ? record.target : record.target.parentElement;
    if (!node || !node.closest("#root") || node.closest('[data-testid="stHeader"]')) {
      return false;
    }
    // A canvas's children are fallback content that is never shown: the data grid keeps
    // its accessibility table there and updates it a moment after drawing the grid.
    const canvas = node.closest("canvas");
    return !canvas || (node === canvas && record.type === "attributes");
  };
  new MutationObserver((records) => {
    const now = performance.now();
    if (rt.titleAt === null && document.querySelector('[data-testid="stMain"] h1')) {
      rt.titleAt = now;
    }
    if (records.some(inApp)) rt.changeAt = now;
  }).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
  rt.idle = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    return Boolean(app) && app.dataset.testScriptState === "notRunning"
      && !document.querySelector('[data-stale="true"]')
      && [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
        .every((chart) => chart.querySelector(".main-svg"));
  };
  // The end of the last render: the later of the last message and the last DOM change.
  rt.doneAt = () => Math.max(rt.messageAt, rt.changeAt);
  // Long tasks (over 50 ms) on the page's main thread: React, the data grid, plotly.
  const longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push([entry.startTime, entry.duration]);
  }).observe({type: "longtask", buffered: true});
  rt.busy = (from, to) => longTasks
    .filter(([start]) => start >= from && start <= to)
    .reduce((sum, [, duration]) => sum + duration, 0);
})();
"""
QUIET_MS = 300  # a render is over when the app is idle and nothing changed for this long
SETTLED = f"""() => window.__rt && window.__rt.idle()
  && performance.now() - window.__rt.doneAt() > {QUIET_MS}"""
LOADED = f"() => window.__rt && window.__rt.titleAt !== null && ({SETTLED})()"


@dataclass
class FrameStats:
    count: int = 0
    total_bytes: int = 0
    largest: int = 0
    largest_kind: str = ""
    chart_points: list[int] = field(default_factory=list)


def _message_kind(payload: bytes) -> tuple[str, str | None]:
    """What a websocket frame carries (e.g. ``delta.arrow_data_frame``) and, for a plotly
    chart, its JSON spec."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    try:
        msg = ForwardMsg.FromString(payload)
    except Exception:  # not a ForwardMsg: count its size all the same
        return "unknown", None
    kind = msg.WhichOneof("type") or "unknown"
    if kind != "delta":
        return kind, None
    delta = msg.delta.WhichOneof("type") or "?"
    if delta != "new_element":
        return f"delta.{delta}", None
    element = msg.delta.new_element.WhichOneof("type") or "?"
    spec = msg.delta.new_element.plotly_chart.spec if element == "plotly_chart" else None
    return f"element.{element}", spec


class FrameLog:
    """Every websocket frame the browser receives, attributed to the page being measured."""

    def __init__(self) -> None:
        self.current = "(none)"
        self.pages: dict[str, FrameStats] = defaultdict(FrameStats)
        self.finished = 0  # script_finished messages received

    def attach(self, page: Any) -> None:
        page.on("websocket", lambda ws: ws.on("framereceived", self._on_frame))

    def _on_frame(self, payload: bytes | str) -> None:
        data = payload if isinstance(payload, bytes) else payload.encode()
        stats = self.pages[self.current]
        stats.count += 1
        stats.total_bytes += len(data)
        kind, spec = _message_kind(data)
        if kind == "script_finished":
            self.finished += 1
        if len(data) > stats.largest:
            stats.largest, stats.largest_kind = len(data), kind
        if spec:
            stats.chart_points.append(spec_points(spec))

    def wait_finished(self, page: Any, before: int) -> None:
        """Wait until more than ``before`` script_finished messages have arrived (Playwright
        delivers events while a call into it waits)."""
        deadline = time.monotonic() + BROWSER_TIMEOUT_MS / 1000
        while self.finished <= before:
            if time.monotonic() > deadline:
                raise TimeoutError("no script_finished message: the input did not rerun the app")
            page.wait_for_timeout(5)


@dataclass
class ColdLoad:
    title_ms: float
    rendered_ms: float


@dataclass
class InteractionResult:
    page: Page
    selector: str  # a URL parameter, or RERUN
    ms: list[float] = field(default_factory=list)
    busy_ms: list[float] = field(default_factory=list)
    first_visit: list[bool] = field(default_factory=list)
    error: str | None = None
    load: float = math.nan  # the 1-minute load average when the row was done

    def p(self, q: float, *, first: bool | None = None) -> float:
        values = [m for m, f in zip(self.ms, self.first_visit, strict=True) if first in (None, f)]
        return percentile(values, q)


@dataclass
class BrowserResults:
    chromium: str
    cold: dict[str, list[ColdLoad]]
    interactions: list[InteractionResult]
    frames: dict[str, FrameStats]


def _open(browser: Any, frames: FrameLog) -> tuple[Any, Any]:
    """A fresh context (its own, empty cache) with the tracker, and a page in it."""
    context = browser.new_context(viewport=VIEWPORT, locale="sv-SE")
    context.add_init_script(TRACKER)
    page = context.new_page()
    page.set_default_timeout(BROWSER_TIMEOUT_MS)
    frames.attach(page)
    return context, page


def cold_load(browser: Any, frames: FrameLog, url: str) -> ColdLoad:
    """Section 3: open ``url`` in a fresh context; ms from navigation start to the title and to
    the end of the render."""
    context, page = _open(browser, frames)
    try:
        page.goto(url, wait_until="commit")
        page.wait_for_function(LOADED, polling="raf")
        title_at, rendered_at = page.evaluate("[window.__rt.titleAt, window.__rt.doneAt()]")
        return ColdLoad(title_at, rendered_at)
    finally:
        context.close()


def _pick(page: Any, param: str, option: Option) -> Callable[[], None]:
    """Type into the URL-bound selectbox ``url_<param>`` until the wanted option shows;
    returns the click that picks it."""
    box = page.locator(f".st-key-url_{param}")
    field_ = box.locator("input")
    field_.click()
    field_.fill(option.search)
    choice = page.get_by_role("option").filter(has_text=re.compile(option.pattern)).first
    choice.wait_for()
    return choice.click


def _rerun(page: Any) -> Callable[[], None]:
    """Focus the page (not a widget); returns the press of Streamlit's R shortcut."""
    page.locator('[data-testid="stMain"] h1').first.click()
    return lambda: page.keyboard.press("r")


# Where the mouse waits during a render: the bottom of the sidebar, where nothing reacts to
# hovering (a pointer left over a chart would draw hover labels after the render).
PARKING = (8, VIEWPORT["height"] - 8)


def interact(
    browser: Any,
    frames: FrameLog,
    base: str,
    page_spec: Page,
    params: dict[str, str],
    selector: str,
    picks: list[Option],
    count: int,
) -> InteractionResult:
    """Section 2: open the page, then ``count`` interactions, each timed in the browser from
    the input event to the end of the render it causes."""
    result = InteractionResult(page_spec, selector)
    context, page = _open(browser, frames)
    try:
        page.goto(url_for(base, page_spec, params))
        page.wait_for_function(LOADED, polling="raf")
        seen: set[str] = set()
        for i in range(count):
            if selector == RERUN:
                act = _rerun(page)
                first = i == 0
            else:
                option = picks[i]
                act = _pick(page, selector, option)
                first = option.value not in seen
                seen.add(option.value)
            page.evaluate("window.__rt.input = null")
            mark = frames.finished
            act()
            page.mouse.move(*PARKING)
            frames.wait_finished(page, mark)
            page.wait_for_function(SETTLED, polling="raf")
            started, done, busy = page.evaluate(
                "[__rt.input, __rt.doneAt(), __rt.busy(__rt.input, __rt.doneAt())]"
            )
            if started is None:
                raise RuntimeError("the input event did not reach the page")
            if selector != RERUN:
                shown = parse_qs(urlparse(page.url).query).get(selector, [None])[0]
                if shown != option.value:
                    raise RuntimeError(f"{page.url}: {selector} should be {option.value}")
            result.ms.append(done - started)
            result.busy_ms.append(busy)
            result.first_visit.append(first)
    except Exception as error:  # keep what was measured; say what broke
        result.error = f"{type(error).__name__}: {str(error).splitlines()[0][:160]}"
    finally:
        context.close()
        result.load = os.getloadavg()[0]
    return result


def measure_browser(
    db: Path,
    pages: list[Page],
    plan: Scenario,
    interactions: int,
    cold_runs: int,
    log: Log = _log,
) -> BrowserResults:
    """Sections 2–5 against ``streamlit run dashboard.py`` on ``db``."""
    from playwright.sync_api import sync_playwright

    frames = FrameLog()
    cold: dict[str, list[ColdLoad]] = {}
    results: list[InteractionResult] = []
    with streamlit_server(db, timeout=120) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            # The server's first session leaves Streamlit's legacy pages/ mode with an extra
            # rerun (ui/data.py); pay that before measuring, on the lightest page.
            frames.current = "(warm-up)"
            cold_load(browser, frames, f"{base}/start")
            for page in pages:
                frames.current = page.stem
                url = url_for(base, page, plan.params_for(page))
                cold[page.stem] = [cold_load(browser, frames, url) for _ in range(cold_runs)]
                first = cold[page.stem][0]
                log(f"{page.stem}: cold load {first.title_ms:.0f} / {first.rendered_ms:.0f} ms")
            for page in pages:
                frames.current = page.stem
                for selector in page.params or (RERUN,):
                    picks = (
                        interaction_values(
                            plan.options.get(selector, []), plan.values.get(selector), interactions
                        )
                        if selector != RERUN
                        else []
                    )
                    if selector != RERUN and not picks:
                        results.append(
                            InteractionResult(page, selector, error="only one value to pick")
                        )
                        continue
                    result = interact(
                        browser,
                        frames,
                        base,
                        page,
                        plan.params_for(page),
                        selector,
                        picks,
                        interactions,
                    )
                    log(
                        f"{page.stem} / {selector}: {len(result.ms)} interactions, "
                        f"p95 {result.p(95):.0f} ms{' – ' + result.error if result.error else ''}"
                    )
                    results.append(result)
            version = browser.version
        finally:
            browser.close()
    return BrowserResults(version, cold, results, dict(frames.pages))


# --- the report -----------------------------------------------------------------------------


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def _ok(met: bool) -> str:
    return "✅" if met else "❌"


def _ms(value: float) -> str:
    return "–" if math.isnan(value) else f"{value:,.0f}"


def _bytes(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.2f} MB"
    return f"{n / 1000:.1f} kB"


def _params_text(params: dict[str, str]) -> str:
    return ", ".join(f"`{k}={v}`" for k, v in params.items()) or "–"


def _areas_text(plan: Scenario) -> str:
    """```area=O2` with the goal (208 goals offered)``: the areas in the URLs."""
    nouns = {"goal": "goals", "indicator": "indicators"}
    return "; ".join(
        f"`{AREA_PARAM}={area}` with the {param} ({len(plan.options[param]):,} {nouns[param]} "
        "offered)"
        for param, area in plan.areas.items()
    )


def warehouse_summary(db: Path) -> str:
    con = queries.open_warehouse(db)
    try:
        row = queries.run(queries.cursor(con), "app/summary").iloc[0]
    finally:
        con.close()
    return (
        f"`{db}` ({db.stat().st_size / 1e6:,.0f} MB): {row.goal_count:,} goals, "
        f"{row.indicator_count:,} indicators, {row.outcome_rows:,} outcome rows, "
        f"built {pd.Timestamp(row.built_at_utc):%Y-%m-%d %H:%M} UTC"
    )


def _top_calls(calls: list[Call], kind: str, per: int = 1, top: int = 3) -> str:
    """The calls of ``kind`` that took longest in total (divided by ``per``), as
    ``name ms (rows)``."""
    ms: dict[str, float] = defaultdict(float)
    rows: dict[str, int | None] = {}
    for call in calls:
        if call.kind == kind:
            ms[call.name] += call.seconds * 1000 / per
            rows[call.name] = call.rows
    ranked = sorted(ms, key=lambda name: -ms[name])[:top]
    return (
        "; ".join(
            f"`{name}` {ms[name]:,.0f} ms"
            + (f" ({rows[name]:,} rows)" if rows[name] is not None else "")
            for name in ranked
        )
        or "–"
    )


def render(
    label: str,
    db: Path,
    plan: Scenario,
    reruns: list[RerunResult],
    browser: BrowserResults | None,
    runs: int,
    load: tuple[float, float, float],
) -> str:
    """The markdown report; ``load`` is ``os.getloadavg()`` from before the measurements."""
    info = machine()

    lines = [
        f"# Röd tråd page performance — `{label}`",
        "",
        f"- Date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC",
        f"- Machine: {info['cpu']}, {info['cores']} cores ({info['usable_cores']} usable), "
        f"{info['ram_gib']:.1f} GiB RAM; {info['platform']}",
        f"- Versions: Python {info['python']}, Streamlit {_version('streamlit')}, "
        f"DuckDB {info['duckdb']}, plotly {_version('plotly')}, "
        f"Playwright {_version('playwright')}, "
        f"Chromium {browser.chromium if browser else '–'}; commit {info['commit']}",
        f"- Warehouse: {warehouse_summary(db)}",
        f"- URL parameters: {_params_text(plan.values)} (latest period; the goal with most "
        "indicators, the nämnd with most goals, the indicator with most outcome rows); "
        f"{_areas_text(plan) or 'no areas'}: a goal or indicator is picked within its area",
        f"- Load average (1 min) at the start and the end: {load[0]:.1f} → "
        f"{os.getloadavg()[0]:.1f} on {info['usable_cores']} cores. A shared machine is "
        "noisy: compare within a report, not across reports.",
        "",
    ]
    lines += _summary(reruns, browser)
    lines += _rerun_section(reruns, runs)
    if browser is not None:
        lines += _interaction_section(browser)
        titles = {r.page.stem: r.page.title for r in reruns}
        lines += _cold_section(browser, titles)
        lines += _message_section(browser, titles)
    lines += _chart_section(reruns, browser)
    return "\n".join(lines) + "\n"


def _summary(reruns: list[RerunResult], browser: BrowserResults | None) -> list[str]:
    rows = [
        (
            f"warm rerun p95 < {TARGET_RERUN_P95_MS:.0f} ms (AppTest)",
            max((r.p(95) for r in reruns if r.warm_ms), default=math.nan),
            lambda v: v < TARGET_RERUN_P95_MS,
            _ms,
            " ms",
        )
    ]
    if browser is not None:
        measured = [r for r in browser.interactions if r.ms]
        rows += [
            (
                f"interaction-to-render p95 < {TARGET_INTERACTION_P95_MS:.0f} ms (browser)",
                max((r.p(95) for r in measured), default=math.nan),
                lambda v: v < TARGET_INTERACTION_P95_MS,
                _ms,
                " ms",
            ),
            (
                f"largest websocket message ≤ {_bytes(TARGET_MESSAGE_BYTES)}",
                max((f.largest for f in browser.frames.values()), default=0),
                lambda v: v <= TARGET_MESSAGE_BYTES,
                _bytes,
                "",
            ),
        ]
    points = [p for r in reruns for p in r.chart_points]
    if browser is not None:
        points += [p for f in browser.frames.values() for p in f.chart_points]
    rows.append(
        (
            f"chart points ≤ {TARGET_CHART_POINTS:,}",
            max(points, default=0),
            lambda v: v <= TARGET_CHART_POINTS,
            lambda v: f"{v:,}",
            "",
        )
    )
    lines = ["## Summary", "", "| target | worst page | met |", "|---|---:|:-:|"]
    for name, worst, met, show, unit in rows:
        ok = not (isinstance(worst, float) and math.isnan(worst)) and met(worst)
        lines.append(f"| {name} | {show(worst)}{unit} | {_ok(ok)} |")
    failed = [r.page.stem for r in reruns if r.exception]
    if browser is not None:
        failed += [f"{r.page.stem}/{r.selector}" for r in browser.interactions if r.error]
    if failed:
        lines += ["", f"Not fully measured (see below): {', '.join(failed)}."]
    return [*lines, ""]


def _rerun_section(reruns: list[RerunResult], runs: int) -> list[str]:
    lines = [
        f"## 1. Warm rerun (AppTest) — target p95 < {TARGET_RERUN_P95_MS:.0f} ms",
        "",
        f"`AppTest.from_file('dashboard.py')`, `switch_page`, the URL parameters set; one cold "
        f"run with cleared caches, then {runs} timed reruns (`at.run()`) with every `fetch` a "
        "cache hit. The time includes AppTest's own work of turning the messages into a tree.",
        "",
        "| page | parameters | cold run | warm p50 | warm p95 | warm max | p95 met |",
        "|---|---|---:|---:|---:|---:|:-:|",
    ]
    for r in reruns:
        if r.exception:
            lines.append(
                f"| {r.page.title} | {_params_text(r.params)} | exception: {r.exception} "
                "| | | | ❌ |"
            )
            continue
        lines.append(
            f"| {r.page.title} | {_params_text(r.params)} | {_ms(r.cold_ms)} ms "
            f"| {_ms(r.p(50))} ms | {_ms(r.p(95))} ms | {_ms(max(r.warm_ms))} ms "
            f"| {_ok(r.p(95) < TARGET_RERUN_P95_MS)} |"
        )
    lines += [
        "",
        "### Where the time goes",
        "",
        "*Warm*, the mean per rerun: inside `ui.data.fetch` / `ui.data.explanation` (cache "
        "hits: hashing the arguments, unpickling a copy of the cached DataFrame); AppTest "
        "recompiling dashboard.py and the page (every AppTest run gets a new script cache; a "
        "server compiles once); and the rest (the page's own Python, plotly figures, Streamlit's "
        "serialisation, AppTest's tree). *Cold*: the `queries.run` calls of the cold run, "
        "executed in DuckDB, slowest first.",
        "",
        "| page | warm mean | in fetch | AppTest compile | the rest | slowest fetches "
        "| cold: in queries | cold: slowest queries |",
        "|---|---:|---:|---:|---:|---|---:|---|",
    ]
    for r in reruns:
        if r.exception or not r.warm_ms:
            continue
        n = len(r.warm_ms)
        in_fetch = sum(c.seconds for c in r.warm_calls if c.kind == "fetch") * 1000 / n
        mean = sum(r.warm_ms) / n
        rest = mean - in_fetch - r.compile_ms
        in_queries = sum(c.seconds for c in r.cold_calls if c.kind == "query") * 1000
        lines.append(
            f"| {r.page.title} | {mean:,.0f} ms | {in_fetch:,.0f} ms | {_ms(r.compile_ms)} ms "
            f"| {rest:,.0f} ms | {_top_calls(r.warm_calls, 'fetch', per=n)} "
            f"| {in_queries:,.0f} ms | {_top_calls(r.cold_calls, 'query')} |"
        )
    return [*lines, ""]


def _interaction_section(browser: BrowserResults) -> list[str]:
    lines = [
        f"## 2. Interaction to render (browser) — target p95 < {TARGET_INTERACTION_P95_MS:.0f} ms",
        "",
        "`streamlit run` on localhost, Debian's Chromium through Playwright. Each interaction "
        "picks a value in a URL-bound selectbox (typed to filter, then the option clicked; the "
        "URL is checked for the new value) and is timed in the page, from the option's "
        "`pointerdown` to the end of the render: after the `script_finished` message, when "
        "Streamlit's script state is `notRunning`, no element is stale, every chart has drawn "
        "and the app's DOM has not changed for 300 ms, the time of the last message or DOM "
        "change. Half the picks are first visits of a value (not cached by the server yet for "
        "this page), half revisit them. *rerun*: Streamlit's R shortcut. *Main thread busy*: "
        "the long tasks (over 50 ms each) in the page during the interaction: the browser's "
        "own work on the messages (React, the data grid, plotly), which also holds up the "
        "handling of the messages behind them. *Load*: the machine's 1-minute load average "
        "when the row was done; the *rerun* row of Om datalagret (a 10 ms script) is the "
        "control: when it is slow, the machine was busy.",
        "",
        "| page | selector | n | p50 | p95 | max | first visits p50 | revisits p50 "
        "| main thread busy p50 | load | p95 met |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|:-:|",
    ]
    for r in browser.interactions:
        note = f" ({r.error})" if r.error else ""
        if not r.ms:
            lines.append(f"| {r.page.title} | `{r.selector}` | 0{note} | | | | | | | | ❌ |")
            continue
        lines.append(
            f"| {r.page.title} | `{r.selector}` | {len(r.ms)}{note} | {_ms(r.p(50))} ms "
            f"| {_ms(r.p(95))} ms | {_ms(max(r.ms))} ms | {_ms(r.p(50, first=True))} ms "
            f"| {_ms(r.p(50, first=False))} ms | {_ms(percentile(r.busy_ms, 50))} ms "
            f"| {r.load:.1f} | {_ok(r.p(95) < TARGET_INTERACTION_P95_MS and not r.error)} |"
        )
    return [*lines, ""]


def _cold_section(browser: BrowserResults, titles: dict[str, str]) -> list[str]:
    lines = [
        "## 3. Cold load (browser)",
        "",
        "A fresh browser context per run (empty browser cache, new session), from navigation "
        "start to the page's title (`h1`, the first meaningful content) and to the end of the "
        "render (as in section 2). Run 1 is the server's first run of the page with these "
        "parameters (its queries not cached yet); the server had served one page (Om "
        "datalagret) before, to start up.",
        "",
        "| page | runs | title: run 1 | rendered: run 1 | title p50 | rendered p50 "
        "| rendered, every run |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for stem, loads in browser.cold.items():
        title = titles.get(stem, stem)
        lines.append(
            f"| {title} | {len(loads)} | {_ms(loads[0].title_ms)} ms "
            f"| {_ms(loads[0].rendered_ms)} ms "
            f"| {_ms(percentile([c.title_ms for c in loads], 50))} ms "
            f"| {_ms(percentile([c.rendered_ms for c in loads], 50))} ms "
            f"| {', '.join(_ms(c.rendered_ms) for c in loads)} |"
        )
    return [*lines, ""]


def _message_section(browser: BrowserResults, titles: dict[str, str]) -> list[str]:
    lines = [
        f"## 4. Largest websocket message — target ≤ {_bytes(TARGET_MESSAGE_BYTES)}",
        "",
        "Every frame the browser received during the cold loads and interactions of the page "
        "(`page.on('websocket')`, `framereceived`). A message the browser already holds is sent "
        "again only as a reference, so the full size shows on a first visit.",
        "",
        "| page | frames | total | largest | largest carries | met |",
        "|---|---:|---:|---:|---|:-:|",
    ]
    for stem, stats in browser.frames.items():
        if stem.startswith("("):
            continue
        lines.append(
            f"| {titles.get(stem, stem)} | {stats.count:,} | {_bytes(stats.total_bytes)} "
            f"| {_bytes(stats.largest)} | `{stats.largest_kind}` "
            f"| {_ok(stats.largest <= TARGET_MESSAGE_BYTES)} |"
        )
    return [*lines, ""]


def _chart_section(reruns: list[RerunResult], browser: BrowserResults | None) -> list[str]:
    lines = [
        f"## 5. Chart points — target ≤ {TARGET_CHART_POINTS:,} per chart",
        "",
        "Points per plotly chart: the sum over its traces of `len(x)` (or `ids`/`labels`/"
        "`values` for a trace without `x`, e.g. the sunburst). *AppTest*: the charts of the "
        "page with the parameters above; *browser*: every chart sent during the cold loads and "
        "interactions.",
        "",
        "| page | charts (AppTest) | max points (AppTest) | charts (browser) "
        "| max points (browser) | met |",
        "|---|---:|---:|---:|---:|:-:|",
    ]
    for r in reruns:
        seen = browser.frames.get(r.page.stem, FrameStats()).chart_points if browser else []
        worst = max([*r.chart_points, *seen], default=0)
        lines.append(
            f"| {r.page.title} | {len(r.chart_points)} | {max(r.chart_points, default=0):,} "
            f"| {len(seen) if browser else '–'} "
            f"| {f'{max(seen, default=0):,}' if browser else '–'} "
            f"| {_ok(worst <= TARGET_CHART_POINTS)} |"
        )
    return [*lines, ""]


# --- command line ---------------------------------------------------------------------------


def run_benchmark(
    db: Path,
    label: str,
    *,
    runs: int = 30,
    interactions: int = 20,
    cold_runs: int = 3,
    only: list[str] | None = None,
    browser: bool = True,
    log: Log = _log,
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
    out = args.out or OUT / f"pages-{label}.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report, encoding="utf-8")
    print(report)
    _log(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
