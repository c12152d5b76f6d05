"""Every page of both modes on a phone (390 × 844) and on a wide screen (1440 × 900), in
Chromium.

Measured on each: nothing of the main area reaches past the window's right edge, nothing in it
scrolls sideways (a status or a key number would hide there: tables are cards on a phone,
ui/tables.py) and the document does not either; no text is cut off with an ellipsis (a
control's typed value aside); in a chart no label is cut off by the chart's edge or drawn over
another (ticks, legend, notes); the data notice, and the period where the page has one, are in
the first screenful without opening the sidebar (the top bar, ui/chrome.py, on the analysts'
pages; the page itself on the public ones). Full-page screenshots are written to
tests/artifacts/phone_<page>.png and wide_<page>.png, to be looked at.
"""

from __future__ import annotations

import re

import pytest

from attainment.vocabulary import STATUSES
from tests.conftest import ARTIFACTS
from tests.support.browser import full_page_screenshot, wait_until_idle
from tools import server

# One server per mode for the module: its tests run on one worker under pytest-xdist.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("phone")]

YEAR = "2025"  # the latest annual report of the example
# name -> (mode, address, a text the page shows when drawn, how its period shows, statuses?)
# The period is the top bar's selector on the analysts' pages ("select"), the year in the
# page's words on the public ones ("text"), or not shown (None: the page is about no period).
_IN = "internal"
_AT = f"period={YEAR}"
PAGES = {
    "overview": (_IN, f"?{_AT}", "Strategiska områden", "select", True),
    "goal_chain": (_IN, f"goal_chain?{_AT}&goal=O1", "Hela målkedjan", "select", True),
    "committees": (_IN, f"committees?{_AT}", "Nämnder", "select", True),
    "over_time": (_IN, "over_time?goal=KF1.1", "Över tid", None, True),
    "indicator": (_IN, f"indicator?{_AT}&indicator=N15419", "Indikator", "select", True),
    "data_quality": (_IN, f"data_quality?{_AT}", "Datakvalitet", "select", False),
    "agenda2030": (_IN, f"agenda2030?{_AT}", "Mål utan koppling till Agenda 2030", "select", False),
    "assignments": (_IN, f"assignments?{_AT}", "Vad statusarna betyder", "select", False),
    "open_data": (_IN, "open_data", "Läsa in filerna igen", None, False),
    "start": (_IN, "start", "Målkedjan", None, False),
    "public_start": ("public", "", "Så går det för kommunens mål", "text", False),
    "public_area": ("public", "omrade?id=O1", "Utbildning och livslångt lärande", "text", True),
    "public_goal": ("public", "mal?id=BUN2", "Tidigare bedömningar", "text", True),
    "public_goal_uppdrag": ("public", "mal?id=KF2.1", "Uppdrag för målet", "text", True),
    "public_indicator": ("public", "indikator?id=N15505", "Vad betyder orden?", "text", True),
    "public_about": ("public", "om", "Om siffrorna", None, False),
    "public_open_data": ("public", "oppna_data", "Innehåll", None, False),
}  # fmt: skip
_STATUS_WORDS = re.compile(
    "|".join(rf"{re.escape(s.symbol)}[\s\u00a0]{re.escape(s.label)}" for s in STATUSES.values())
)
SIZES = {"phone": (390, 844), "wide": (1440, 900)}

# What sticks out of the main area: elements past the window's right edge, elements that
# scroll sideways inside themselves, text cut off with an ellipsis (a control's value in its
# input aside: the whole of it is in the list it opens). A chart draws on its own and is
# measured by _CHART_LABELS.
_OVERFLOW = """() => {
    const width = window.innerWidth;
    const main = document.querySelector('[data-testid=stMain]');
    const name = e => `${e.dataset.testid || e.className || e.tagName}`.slice(0, 50)
        + ` "${e.textContent.trim().slice(0, 40)}"`;
    const out = [], scrolls = [], cut = [];
    for (const e of main.querySelectorAll('*')) {
        if (e.closest('.js-plotly-plot') || !e.checkVisibility()) continue;
        const r = e.getBoundingClientRect(), style = getComputedStyle(e);
        if (r.width && r.right > width + 1) out.push(`${name(e)} right=${Math.round(r.right)}`);
        const wider = e.scrollWidth > e.clientWidth + 1;
        if (wider && ['auto', 'scroll'].includes(style.overflowX))
            scrolls.push(`${name(e)} ${e.scrollWidth}>${e.clientWidth}`);
        if (wider && style.textOverflow === 'ellipsis' && e.tagName !== 'INPUT') cut.push(name(e));
    }
    return {
        out: out.slice(0, 10), scrolls: scrolls.slice(0, 10), cut: cut.slice(0, 10),
        document: Math.max(document.documentElement.scrollWidth, main.scrollWidth) - width,
    };
}"""

# In every chart: each label inside the chart's frame, and no two labels drawn over each
# other (x and y ticks, axis titles, legend entries, notes on the plot).
_CHART_LABELS = """() => {
    const problems = [];
    const meet = (a, b) => a.left < b.right - 1 && b.left < a.right - 1
        && a.top < b.bottom - 1 && b.top < a.bottom - 1;
    for (const plot of document.querySelectorAll('[data-testid=stMain] .js-plotly-plot')) {
        const frame = plot.querySelector('.main-svg').getBoundingClientRect();
        const labels = [...plot.querySelectorAll(
            '.xtick text, .ytick text, .g-xtitle text, .g-ytitle text, .legendtext, '
            + '.annotation-text')]
            .filter(e => e.textContent.trim())
            .map(e => ({text: e.textContent.trim(), box: e.getBoundingClientRect()}));
        for (const {text, box} of labels)
            if (box.left < frame.left - 1 || box.right > frame.right + 1
                || box.top < frame.top - 1 || box.bottom > frame.bottom + 1)
                problems.push(`cut: ${text}`);
        labels.forEach((a, i) => labels.slice(i + 1).forEach(b => {
            if (meet(a.box, b.box)) problems.push(`over each other: ${a.text} / ${b.text}`);
        }));
    }
    return problems.slice(0, 10);
}"""


@pytest.fixture(scope="module")
def sites(public_example_db):
    """The base address of a server per mode, started when a test first asks for it."""
    from contextlib import ExitStack

    with ExitStack() as stack:
        started: dict[str, str] = {}

        def site(mode: str) -> str:
            if mode not in started:
                serving = server.streamlit_server(public_example_db, mode=mode)
                started[mode] = stack.enter_context(serving)
            return started[mode]

        yield site


def in_first_screen(locator, height: int) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("name", list(PAGES))
def test_page_fits_the_screen(browser, sites, name, size):
    from playwright.sync_api import expect

    width, height = SIZES[size]
    mode, address, marker, period_shown, has_statuses = PAGES[name]
    page = browser.new_page(viewport={"width": width, "height": height}, locale="sv-SE")
    try:
        page.goto(f"{sites(mode)}/{address}")
        expect(page.get_by_text(marker, exact=True).first).to_be_visible(timeout=60_000)
        wait_until_idle(page)
        assert page.get_by_test_id("stException").count() == 0
        main = page.get_by_test_id("stMain")
        # Every chart drawn: plotly draws after Streamlit has sent it.
        charts = main.get_by_test_id("stPlotlyChart")
        expect(charts.filter(has_not=page.locator(".main-svg"))).to_have_count(0)

        # Seen without opening the sidebar (closed on a phone), before any scrolling.
        if size == "phone":  # Streamlit starts with the sidebar closed on a narrow screen
            box = page.get_by_test_id("stSidebar").bounding_box()
            assert box is None or box["x"] + box["width"] <= 1
        notice = main.get_by_text("syntetiska exempeldata")
        expect(notice).to_have_count(1)  # once, not the top bar's and the page's own
        assert in_first_screen(notice, height)
        if period_shown == "select":
            period = main.get_by_role("combobox", name="Period")
            expect(period).to_have_value(f"{YEAR} (helår)", timeout=30_000)
            assert in_first_screen(period, height)
        elif period_shown == "text":
            assert in_first_screen(main.get_by_text(re.compile(rf"\b{YEAR}\b")).first, height)
        if has_statuses:  # in words, on the page or in a chart's legend
            expect(main.get_by_text(_STATUS_WORDS).filter(visible=True).first).to_be_visible()

        fit = page.evaluate(_OVERFLOW)
        assert fit["out"] == [], "past the right edge"
        assert fit["scrolls"] == [], "scrolls sideways"
        assert fit["cut"] == [], "cut off"
        assert fit["document"] <= 0
        assert page.evaluate(_CHART_LABELS) == []
        full_page_screenshot(page, ARTIFACTS / f"{size}_{name}.png")
    finally:
        page.close()
