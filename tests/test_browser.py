"""The dashboard in a real browser (Debian's Chromium through Playwright): every page, a click
from a strategic area down to an indicator, the two-step choice of an area and an indicator,
and screenshots to look at. Deep links on a fresh server: tests/test_deep_links.py.

Screenshots are written to tests/artifacts/ (ignored by git).
"""

from __future__ import annotations

import io
import re
import zipfile
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
    "agenda2030": "Mål utan koppling till Agenda 2030",
    "assignments": "Vad statusarna betyder",
    "open_data": "Läsa in filerna igen",
    "start": "Målkedjan",
}


@pytest.fixture(scope="module")
def browser_page(tmp_path_factory):
    reason = chromium_missing_reason()
    if reason:
        missing(reason)
    from playwright.sync_api import sync_playwright

    db = build([EXAMPLE_SOURCE], tmp_path_factory.mktemp("browser") / "w.duckdb", public=True).path
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
    assert "syntetiska" in page.get_by_test_id("stMain").inner_text()  # the top bar
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
    expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=30_000)  # drawn late
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


# Words of Streamlit's and plotly's own controls (1.67, plotly.js in Streamlit's bundle): none
# may be seen on a page. Screen-reader labels Streamlit gives its frame ("Collapse sidebar",
# "Help for …") are not among them; docs/pages.md says why they are left.
FOREIGN_CONTROLS = (
    "Download as CSV", "Show/hide columns", "Search", "Fullscreen", "Close fullscreen",
    "Type to search", "Sort ascending", "Sort descending", "Pin column", "Hide column",
    "Autosize", "Download plot as a png", "Zoom", "Pan", "Box Select", "Lasso Select",
    "Autoscale", "Reset axes", "Produced with Plotly", "Double-click to zoom back out",
    "Print", "Record screen", "Made with Streamlit", "Clear cache", "Rerun", "Settings",
)  # fmt: skip
# Visible text, and the words a visible element carries for the pointer or a screen reader
# (title, aria-label, data-title, and the hint an empty input shows: its *-holder attribute).
_VISIBLE_WORDS = """() => {
    const out = [document.body.innerText];
    const named = a => ['title', 'aria-label', 'data-title'].includes(a) || a.endsWith('holder');
    for (const e of document.querySelectorAll('*')) {
        if (!e.attributes.length || !e.checkVisibility()) continue;
        for (const a of e.attributes) if (named(a.name) && a.value) out.push(a.value);
    }
    return out.join('\\n');
}"""


def visible_words(page) -> str:
    return page.evaluate(_VISIBLE_WORDS)


@pytest.mark.parametrize("path", list(PAGES), ids=lambda p: p or "overview")
def test_no_english_control_and_our_own_csv_under_every_table(browser_page, path):
    """What Streamlit and plotly would draw in English around tables and charts is hidden
    (ui/chrome.css, ui/charts.py, .streamlit/config.toml), even while the pointer is on a table
    or a chart and after Ctrl+F in a table; our Swedish download sits under every table."""
    from playwright.sync_api import expect

    page = browser_page
    page.goto(f"{page.base_url}/{path}")
    expect(page.get_by_text(PAGES[path], exact=True).first).to_be_visible(timeout=60_000)
    wait_until_idle(page)
    for summary in page.get_by_test_id("stExpander").locator("summary").all():
        summary.click()  # the tables inside too
        wait_until_idle(page)
    # The Indikator page's values table has its download outside the expander it opens in.
    # A static table's download (ui.tables.static) lies in the table's own container.
    downloads = page.locator(
        '[data-testid=stDownloadButton]:not([class*="st-key-rt_table_"] *)'
    ).get_by_role("button", name=re.compile(r"^Ladda ner (tabellen|som) (\(CSV\)|CSV)$"))
    grids = page.get_by_test_id("stDataFrame")
    # Every table has its download once both are drawn (they arrive one after the other).
    counts = (0, -1)
    for _ in range(150):
        counts = (grids.count(), downloads.count())
        if counts[0] == counts[1]:
            break
        page.wait_for_timeout(200)
    assert counts[0] == counts[1], counts
    charts = page.locator(".js-plotly-plot")
    for element in [*grids.all(), *charts.all()]:
        element.hover()
        page.wait_for_timeout(200)
        assert page.get_by_test_id("stElementToolbar").filter(visible=True).count() == 0
    if grids.count():
        box = grids.first.bounding_box()
        page.mouse.click(box["x"] + 20, box["y"] + box["height"] - 15)
        page.keyboard.press("Control+f")
        page.wait_for_timeout(300)
    assert page.locator(".modebar").count() == 0
    assert page.get_by_test_id("stMainMenu").count() == 0
    words = visible_words(page)
    assert [w for w in FOREIGN_CONTROLS if w in words] == []


@pytest.mark.parametrize("width", [1440, 390])
def test_open_data_downloads_in_the_browser(browser_page, width):
    """Both zips download with their names; the CSV zip's outcomes are for Swedish Excel and
    its read-me names the licence. At a phone's width too."""
    from playwright.sync_api import expect

    from ui import open_data

    page = browser_page
    page.set_viewport_size({"width": width, "height": 900})
    try:
        page.goto(f"{page.base_url}/open_data")
        expect(page.get_by_role("heading", name="Öppna data")).to_be_visible(timeout=60_000)
        wait_until_idle(page)
        shoot(page, f"open_data_{width}")
        got = {}
        for kind, word in open_data.KINDS.items():
            with page.expect_download(timeout=60_000) as info:
                page.get_by_role("button", name=f"Ladda ner som {word} (zip)").click()
            got[kind] = (info.value.suggested_filename, Path(info.value.path()).read_bytes())
    finally:
        page.set_viewport_size({"width": 1400, "height": 1000})
    for kind, (name, data) in got.items():
        assert re.fullmatch(rf"oppna-data-9999-sjoviks-kommun-\d{{4}}-\d\d-\d\d-{kind}\.zip", name)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            readme = archive.read("LÄSMIG.txt").decode("utf-8")
            assert "Licens: CC BY 4.0" in readme and "Källa: Kolada" not in readme
            if kind == "csv":
                outcomes = archive.read("outcomes.csv")
                assert outcomes.startswith(b"\xef\xbb\xbfindicator_id;period;value;")
            else:
                assert archive.read("outcomes.parquet")[:4] == b"PAR1"
