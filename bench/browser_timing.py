"""Sections 2–5 of the page benchmark: ``streamlit run`` driven by Playwright in Chromium.

* **Interaction to render**: pick another value in a URL-bound selectbox (the sidebar's period,
  or the page's goal, nämnd or indicator), ``interactions`` times per page and selector. Half
  the picks are values the session has not shown yet, the other half revisit them. Measured in
  the browser, from the ``pointerdown`` on the option to the end of the render it causes: the
  last websocket message or visible DOM change before the app is idle (script state
  ``notRunning``, no stale element, every plotly chart drawn) and quiet.
* **Cold load**: a fresh browser context (empty browser cache) opens the page's URL; time to
  the page's title (first meaningful content) and to the end of the render, from navigation
  start. The first run of a page is also the server's first run of that page with these
  parameters.
* **Messages and chart points**: every websocket frame the browser receives during both, by
  page: its size, what it carries and the points of each plotly chart in it.
"""

from __future__ import annotations

import math
import os
import re
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

from bench.charts import spec_points
from bench.run import Log, percentile
from bench.scenarios import RERUN, Option, Page, Scenario, interaction_values, url_for
from tools.server import CHROMIUM, CHROMIUM_ARGS, streamlit_server

BROWSER_TIMEOUT_MS = 180_000
VIEWPORT = {"width": 1400, "height": 1000}

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
    log: Log,
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
