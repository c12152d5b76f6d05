"""The dashboard in a real browser (Debian's Chromium through Playwright): every page, a click
from a strategic area down to an indicator, the two-step choice of an area and an indicator,
and screenshots to look at. Deep links on a fresh server: tests/test_deep_links.py.

Screenshots are written to tests/artifacts/ (ignored by git).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from etl.build import EXAMPLE_SOURCE, build
from tests.conftest import warehouse_rows
from tests.support.browser import full_page_screenshot, wait_until_idle
from tests.support.tools import missing
from tools.server import CHROMIUM, CHROMIUM_ARGS, chromium_missing_reason, streamlit_server

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "tests" / "artifacts"
# One server for the module: its tests run on one worker (make test runs them in parallel).
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

# page url path -> a text every view of that page shows
PAGES = {
    "": "Strategiska områden",  # Översikt, the default page, lives at the root
    "goal_chain": "Hela målkedjan",
    "committees": "Nämnder",
    "over_time": "Över tid",
    "indicator": "Indikator",
    "data_quality": "Datakvalitet",
    "start": "Målkedjan",
}


@pytest.fixture(scope="module")
def browser_page(tmp_path_factory):
    reason = chromium_missing_reason()
    if reason:
        missing(reason)
    from playwright.sync_api import sync_playwright

    db = build([EXAMPLE_SOURCE], tmp_path_factory.mktemp("browser") / "w.duckdb").path
    ARTIFACTS.mkdir(exist_ok=True)
    with streamlit_server(db) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="sv-SE")
        page.base_url = url
        page.db = db
        yield page
        browser.close()


def shoot(page, name: str) -> None:
    wait_until_idle(page)
    full_page_screenshot(page, ARTIFACTS / f"{name}.png")


@pytest.mark.parametrize("path", list(PAGES), ids=lambda p: p or "overview")
def test_every_page_opens_without_errors(browser_page, path):
    from playwright.sync_api import expect

    page = browser_page
    page.goto(f"{page.base_url}/{path}")
    expect(page.get_by_text(PAGES[path], exact=True).first).to_be_visible(timeout=60_000)
    wait_until_idle(page)
    assert page.get_by_test_id("stException").count() == 0
    assert "Sjöviks kommun" in page.get_by_test_id("stSidebar").inner_text()
    assert "syntetiska" in page.get_by_test_id("stSidebar").inner_text()
    shoot(page, path or "overview")


def test_click_from_an_area_down_to_an_indicator(browser_page):
    from playwright.sync_api import expect

    page = browser_page
    page.goto(f"{page.base_url}/?period=2025")
    expect(page.get_by_text("Strategiska områden", exact=True)).to_be_visible(timeout=60_000)
    wait_until_idle(page)
    # Click O1's own link once every area card is drawn. Clicking "the first such link" while
    # the cards were still arriving once landed on O2's: the page moved under the click.
    links = page.get_by_role("link", name="Visa i målkedjan")
    [(areas,)] = warehouse_rows(page.db, "select count(*) from goals where level = 'område'")
    expect(links).to_have_count(areas, timeout=30_000)
    o1 = links.and_(page.locator("a[href*='goal=O1&'], a[href$='goal=O1']"))
    expect(o1).to_have_count(1)
    wait_until_idle(page)
    o1.click()

    expect(page.get_by_role("heading", name="O1 Utbildning och livslångt lärande")).to_be_visible(
        timeout=30_000
    )
    assert "goal=O1" in page.url
    expect(page.get_by_text("Nämndens bedömning", exact=True)).to_be_visible()
    page.get_by_role("link", name="KF1.1").first.click()

    expect(page.get_by_role("heading", name="KF1.1 Alla elever")).to_be_visible(timeout=30_000)
    page.get_by_role("link", name="BUN1").first.click()

    expect(page.get_by_role("heading", name="BUN1 Fler elever")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("Varför?", exact=True)).to_be_visible()
    shoot(page, "journey_goal")
    page.get_by_role("link", name="Indikatorsidan N15419").click()

    expect(page.get_by_text("N15419").first).to_be_visible(timeout=30_000)
    wait_until_idle(page)
    assert "indicator=N15419" in page.url
    assert page.locator(".js-plotly-plot").count() >= 1
    assert page.get_by_test_id("stException").count() == 0
    # The status table: a static table of Markdown cells, shown as written, linking the goal.
    status = page.get_by_test_id("stTable")
    expect(status.get_by_role("link", name="BUN1")).to_be_visible()
    assert "\\" not in status.inner_text() and "Fler elever" in status.inner_text()
    # The plotted values are drawn when their expander is opened.
    assert page.get_by_test_id("stDataFrame").count() == 0
    page.get_by_test_id("stExpander").get_by_text(re.compile("^Värden i diagrammet")).click()
    expect(page.get_by_test_id("stDataFrame")).to_be_visible(timeout=30_000)
    wait_until_idle(page)
    shoot(page, "journey_indicator")


def pick(page, key: str, text: str) -> None:
    """Open the selectbox with widget key ``key`` and click its option starting with ``text``."""
    page.locator(f".st-key-{key} input").click()
    page.get_by_role("option").filter(has_text=re.compile(f"^{re.escape(text)}")).first.click()


def test_pick_an_area_then_an_indicator(browser_page):
    from playwright.sync_api import expect

    page = browser_page
    page.goto(f"{page.base_url}/indicator?indicator=N15505&period=2025")  # a link from before
    expect(page.get_by_role("button", name="Ladda ner som CSV")).to_be_visible(timeout=60_000)
    wait_until_idle(page)
    area = page.get_by_role("combobox", name="Målområde")
    indicator = page.get_by_role("combobox", name="Indikator")
    expect(area).to_have_value("O1 Utbildning och livslångt lärande")
    expect(indicator).to_have_value(re.compile("^N15505 · "))
    assert "area=O1" in page.url

    pick(page, "url_area", "O3 ")
    expect(indicator).to_have_value(re.compile("^BO-NYA · "), timeout=30_000)
    wait_until_idle(page)
    assert "area=O3" in page.url and "indicator=BO-NYA" in page.url
    page.locator(".st-key-url_indicator input").click()
    offered = page.get_by_role("option").all_inner_texts()
    assert offered and all(" · " in o for o in offered) and not any("N15505" in o for o in offered)
    page.keyboard.press("Escape")

    pick(page, "url_indicator", "BO-VAKANS")
    expect(page.get_by_role("heading", name="Vakansgrad")).to_be_visible(timeout=30_000)
    wait_until_idle(page)
    assert "indicator=BO-VAKANS" in page.url and "area=O3" in page.url
    assert page.get_by_test_id("stException").count() == 0
    assert page.get_by_test_id("stAlert").filter(has_text="finns inte").count() == 0
    shoot(page, "indicator_two_step")
