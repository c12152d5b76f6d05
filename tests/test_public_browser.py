"""The public pages (ROD_TRAD_MODE=public) in Chromium, on the example: each page at 1440 and
390 px with the data notice on the page itself, screenshots to look at in tests/artifacts/, a
click from the start page down to an indicator, and deep links and an analysts' page as the
very first request of a fresh server. Leaks: tests/test_public_leaks.py.
"""

from __future__ import annotations

import pytest

from tests.conftest import ARTIFACTS
from tests.support.browser import full_page_screenshot, wait_until_idle
from tools import server

# One public server for the module: its tests run on one worker under pytest-xdist.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("public_browser")]

# address -> (name of the screenshot, the page's heading)
PAGES = {
    "": ("start", "Sjöviks kommun"),
    "omrade?id=O1": ("area", "Utbildning och livslångt lärande"),
    "mal?id=BUN2": ("goal", "Elevernas kunskapsresultat i årskurs 9 ska förbättras"),
    "indikator?id=N15505": (
        "indicator",
        "Elever i åk. 9, meritvärde kommunala skolor, genomsnitt (17 ämnen)",
    ),
    "om": ("about", "Om siffrorna"),
    "oppna_data": ("open_data", "Öppna data"),
}
WIDTHS = (1440, 390)


@pytest.fixture(scope="module")
def public_site(public_example_db):
    with server.streamlit_server(public_example_db, mode="public") as url:
        yield url


def open_page(browser, url: str, width: int, heading: str):
    from playwright.sync_api import expect

    tab = browser.new_page(viewport={"width": width, "height": 900}, locale="sv-SE")
    tab.goto(url)
    expect(tab.get_by_role("heading", name=heading, exact=True)).to_be_visible(timeout=60_000)
    wait_until_idle(tab)
    return tab


def expect_a_clean_page(tab) -> None:
    assert tab.get_by_test_id("stException").count() == 0
    assert tab.get_by_role("dialog").count() == 0  # no "Page not found"
    assert tab.get_by_test_id("stAlertContentError").count() == 0
    # A sidebar only for the menu on a phone: nothing of the app's own in it.
    content = tab.get_by_test_id("stSidebarUserContent")
    assert content.count() == 0 or not content.inner_text().strip()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("address", list(PAGES), ids=[name for name, _ in PAGES.values()])
def test_every_public_page_reads_well_at_desktop_and_phone_width(
    browser, public_site, address, width
):
    name, heading = PAGES[address]
    tab = open_page(browser, f"{public_site}/{address}", width, heading)
    expect_a_clean_page(tab)
    main = tab.get_by_test_id("stMain")
    # The notice on synthetic data, on the page itself and in view without scrolling sideways.
    notice = main.get_by_test_id("stAlert").filter(has_text="syntetiska exempeldata")
    assert notice.is_visible()
    box = notice.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
    assert tab.evaluate("document.documentElement.scrollWidth") <= width  # nothing sticks out
    assert "python -m" not in main.inner_text()
    full_page_screenshot(tab, ARTIFACTS / f"public_{name}_{width}.png")
    tab.close()


def test_from_the_start_page_down_to_an_indicator(browser, public_site):
    from playwright.sync_api import expect

    tab = open_page(browser, f"{public_site}/", 1440, "Sjöviks kommun")
    tab.locator('a[href="omrade?id=O1"]').click()  # "Visa områdets mål" of that area
    expect(tab.get_by_role("heading", name="Utbildning och livslångt lärande")).to_be_visible(
        timeout=30_000
    )
    wait_until_idle(tab)  # until then the page before may still be shown beside the new one
    assert tab.url.endswith("/omrade?id=O1")
    tab.get_by_role("link", name="Alla elever ska ges förutsättningar att nå kunskapsmålen").click()
    expect(tab.get_by_role("heading", name="Alla elever ska ges förutsättningar")).to_be_visible(
        timeout=30_000
    )
    wait_until_idle(tab)
    assert tab.url.endswith("/mal?id=KF1.1")
    tab.get_by_role("link", name="Elevernas kunskapsresultat i årskurs 9 ska förbättras").click()
    expect(
        tab.get_by_text("En del av underlaget för bedömningen är inte offentligt")
    ).to_be_visible(timeout=30_000)
    wait_until_idle(tab)
    assert tab.url.endswith("/mal?id=BUN2")  # a link to the page shown changes the address too
    tab.get_by_role("link", name="Elever i åk. 9, meritvärde kommunala skolor").first.click()
    expect(tab.get_by_text("Diagrammet i ord:")).to_be_visible(timeout=30_000)
    wait_until_idle(tab)
    assert tab.url.endswith("/indikator?id=N15505")
    expect(tab.locator(".js-plotly-plot")).to_have_count(1, timeout=30_000)  # loads on its own
    # The chart's accessible name is the chart in words.
    alt = tab.get_by_test_id("stPlotlyChart").get_attribute("aria-label") or ""
    words = tab.get_by_test_id("stMarkdownContainer").filter(has_text="Diagrammet i ord:")
    words = words.inner_text()
    assert alt and alt in words
    # The browser's back button, then up along the breadcrumbs of a goal.
    tab.go_back()
    expect(tab.get_by_role("heading", name="Elevernas kunskapsresultat")).to_be_visible(
        timeout=30_000
    )
    wait_until_idle(tab)
    assert tab.url.endswith("/mal?id=BUN2")
    tab.get_by_role("link", name="Start", exact=True).first.click()
    expect(tab.get_by_role("heading", name="Sjöviks kommun")).to_be_visible(timeout=30_000)
    tab.close()


@pytest.fixture
def fresh_site(public_example_db):
    """A new server for each test: its first request finds Streamlit in its legacy mode."""
    with server.streamlit_server(public_example_db, mode="public") as url:
        yield url


@pytest.mark.slow
def test_a_deep_link_and_an_analysts_page_as_a_fresh_servers_first_requests(browser, fresh_site):
    from playwright.sync_api import expect

    tabs = {
        "mal?id=KF1.1": "Alla elever ska ges förutsättningar att nå kunskapsmålen",
        "data_quality": "Sidan hittades inte",
        "indikator?id=N15419": "Elever i åk 9 som uppnått betygskriterierna i alla ämnen, "
        "kommunala skolor,  andel (%)",
    }
    opened = {}
    for address in tabs:
        tab = browser.new_page(viewport={"width": 1440, "height": 900}, locale="sv-SE")
        tab.goto(f"{fresh_site}/{address}", wait_until="commit")
        opened[address] = tab
    for address, heading in tabs.items():
        tab = opened[address]
        expect(tab.locator("h1").first).to_have_text(heading, timeout=60_000)
        wait_until_idle(tab)
        expect_a_clean_page(tab)
        nav = tab.get_by_role("navigation")
        expect(nav).to_contain_text("Om siffrorna")
        for internal in ("Datakvalitet", "Målkedjan", "data quality"):
            expect(nav).not_to_contain_text(internal)
        assert address in tab.url
        tab.close()
