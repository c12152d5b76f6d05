"""Every page on a phone (390 × 844) and on a wide screen (1440 × 900), in Chromium.

Nothing of the main area reaches past the window's right edge (a chart's own drawing aside),
the document never scrolls sideways and no table scrolls sideways inside itself (a status or
a key number would hide off-screen: tables are stacked rows on a phone, ui/tables.py); the
period and the data notice are seen in the first screenful without opening the sidebar (the
top bar, ui/chrome.py); the status words are visible. Full-page screenshots are written to
tests/artifacts/phone_<page>.png and wide_<page>.png, to be looked at.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from attainment.vocabulary import STATUSES
from etl.build import EXAMPLE_SOURCE, build
from tests.support.browser import full_page_screenshot, wait_until_idle
from tests.support.tools import missing
from tools.server import CHROMIUM, CHROMIUM_ARGS, chromium_missing_reason, streamlit_server

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "tests" / "artifacts"
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("phone")]

# name -> (url, a text the page shows when drawn, whether it has a period and statuses)
PAGES = {
    "overview": ("/?period=2025", "Strategiska områden", True),
    "goal_chain": ("/goal_chain?period=2025&goal=O1", "Hela målkedjan", True),
    "committees": ("/committees?period=2025", "Nämnder", True),
    "over_time": ("/over_time?goal=KF1.1", "Över tid", False),
    "indicator": ("/indicator?period=2025&indicator=N15419", "Indikator", True),
    "data_quality": ("/data_quality?period=2025", "Datakvalitet", False),
    "open_data": ("/open_data", "Läsa in filerna igen", False),
    "start": ("/start", "Målkedjan", False),
}
SIZES = {"phone": (390, 844), "wide": (1440, 900)}

# Elements of the main area past the window's right edge, and elements that scroll sideways
# inside themselves; a chart draws on its own canvas and is left out.
_OVERFLOW = """(grids) => {
    const width = window.innerWidth;
    const main = document.querySelector('[data-testid=stMain]');
    const name = e => (e.dataset.testid || e.className || e.tagName).toString().slice(0, 60);
    const out = [], scrolls = [];
    for (const e of main.querySelectorAll('*')) {
        if (e.closest('.js-plotly-plot') || !e.checkVisibility()) continue;
        if (grids && e.closest('[data-testid=stDataFrame]')) continue;
        const r = e.getBoundingClientRect();
        if (r.width && r.right > width + 1) out.push(`${name(e)} right=${Math.round(r.right)}`);
        const x = getComputedStyle(e).overflowX;
        if ((x === 'auto' || x === 'scroll') && e.scrollWidth > e.clientWidth + 1)
            scrolls.push(`${name(e)} ${e.scrollWidth}>${e.clientWidth}`);
    }
    return {
        out: out.slice(0, 10), scrolls: scrolls.slice(0, 10),
        document: Math.max(document.documentElement.scrollWidth, main.scrollWidth) - width,
    };
}"""


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    reason = chromium_missing_reason()
    if reason:
        missing(reason)
    from playwright.sync_api import sync_playwright

    db = build([EXAMPLE_SOURCE], tmp_path_factory.mktemp("phone") / "w.duckdb", public=True).path
    ARTIFACTS.mkdir(exist_ok=True)
    with streamlit_server(db) as url, sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        chromium.base_url = url
        yield chromium
        chromium.close()


def in_first_screen(locator, height: int) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("name", list(PAGES))
def test_page_fits_the_screen(browser, name, size):
    from playwright.sync_api import expect

    width, height = SIZES[size]
    path, marker, has_period = PAGES[name]
    page = browser.new_page(viewport={"width": width, "height": height}, locale="sv-SE")
    try:
        page.goto(browser.base_url + path)
        expect(page.get_by_text(marker, exact=True).first).to_be_visible(timeout=60_000)
        wait_until_idle(page)
        assert page.get_by_test_id("stException").count() == 0
        main = page.get_by_test_id("stMain")

        # Seen without opening the sidebar (closed on a phone), before any scrolling.
        if size == "phone":  # Streamlit starts with the sidebar closed on a narrow screen
            box = page.get_by_test_id("stSidebar").bounding_box()
            assert box is None or box["x"] + box["width"] <= 1
        notice = main.get_by_text("syntetiska exempeldata").first
        expect(notice).to_be_visible()
        assert in_first_screen(notice, height)
        if has_period:
            period = main.get_by_role("combobox", name="Period")
            expect(period).to_have_value("2025 (helår)", timeout=30_000)
            assert in_first_screen(period, height)
            words = main.inner_text().replace("\u00a0", " ")
            assert any(f"{s.symbol} {s.label}" in words for s in STATUSES.values())

        # On a wide screen a data grid may still scroll inside itself where its columns do not
        # fit (the nämnd × område matrix beside an open sidebar); on a phone it never does.
        fit = page.evaluate(_OVERFLOW, size == "wide")
        assert fit["out"] == [], "past the right edge"
        assert fit["scrolls"] == [], "scrolls sideways"
        assert fit["document"] <= 0
        full_page_screenshot(page, ARTIFACTS / f"{size}_{name}.png")
    finally:
        page.close()
