"""Deep links on a freshly started server.

A ``pages/`` folder sits beside dashboard.py, so Streamlit starts every server process in its
legacy multipage mode, in which a requested page runs on its own. ``_leave_legacy_navigation``
in ui/data.py leaves that mode through a Streamlit internal. The first tests fail when a
Streamlit upgrade changes what it relies on; the browser tests open deep links as the very
first requests of a new ``streamlit run dashboard.py`` and check that the app's navigation and
the requested view with its parameters are shown.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import APPTEST_TIMEOUT, ARTIFACTS, ROOT, run_page
from tests.support.browser import full_page_screenshot, wait_until_idle
from tools import server

# One browser for the module: its tests run on one worker under pytest-xdist.
pytestmark = pytest.mark.xdist_group("deep_links")

# Labels the legacy mode derives from the file names in pages/; dashboard.py names them in Swedish.
LEGACY_LABELS = ["goal chain", "over time", "data quality"]
APP_LABELS = ["Översikt", "Målkedjan", "Nämnder", "Över tid", "Indikator", "Datakvalitet"]


def test_streamlit_still_decides_on_legacy_mode_in_the_attribute_ui_data_sets():
    from streamlit.runtime.pages_manager import PagesManager

    assert "uses_pages_directory" in vars(PagesManager), (
        "PagesManager.uses_pages_directory is gone: ui/data.py's _leave_legacy_navigation "
        "no longer leaves Streamlit's legacy pages/ mode"
    )
    saved = PagesManager.uses_pages_directory
    try:
        PagesManager.uses_pages_directory = None  # as in a new server process
        PagesManager(str(ROOT / "dashboard.py"))  # its first session
        assert PagesManager.uses_pages_directory is True  # pages/ is beside the entry script
        PagesManager.uses_pages_directory = False
        PagesManager(str(ROOT / "dashboard.py"))  # a later session keeps what was set
        assert PagesManager.uses_pages_directory is False
    finally:
        PagesManager.uses_pages_directory = saved


def tiny_app(root: Path, page_code: str) -> Path:
    """An entry script that shows "frame" in the sidebar around two pages in pages/."""
    (root / "pages").mkdir()
    (root / "pages" / "home.py").write_text("import streamlit as st\nst.write('home')\n")
    (root / "pages" / "other.py").write_text(f"import streamlit as st\n{page_code}\n")
    entry = root / "app.py"
    entry.write_text(
        "import streamlit as st\n"
        "from ui.data import run_in_frame\n"
        "st.sidebar.write('frame')\n"
        "pages = [st.Page('pages/home.py', default=True), st.Page('pages/other.py')]\n"
        "run_in_frame(st.navigation(pages))\n"
    )
    return entry


def run_other_page(entry: Path):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(entry), default_timeout=APPTEST_TIMEOUT)
    at.query_params["x"] = "42"
    at.switch_page("pages/other.py")
    return at.run()


def shown(at) -> tuple[list[str], list[str]]:
    return [m.value for m in at.main.markdown], [m.value for m in at.sidebar.markdown]


def test_beside_pages_streamlit_runs_a_requested_page_without_the_entry_script(tmp_path):
    # Why the workaround exists. AppTest starts every run the way a fresh server does.
    # Should this fail, Streamlit no longer needs it: delete _leave_legacy_navigation.
    at = run_other_page(tiny_app(tmp_path, "st.write('other ' + st.query_params['x'])"))
    assert shown(at) == (["other 42"], [])


def test_leaving_the_legacy_mode_runs_the_page_through_the_entry_script(tmp_path):
    at = run_other_page(
        tiny_app(
            tmp_path,
            "from ui.data import _leave_legacy_navigation\n"
            "_leave_legacy_navigation()\n"
            "st.write('other ' + st.query_params['x'])",
        )
    )
    assert not at.exception
    assert shown(at) == (["other 42"], ["frame"])


def test_a_page_run_as_the_entry_script_reruns_once_and_is_shown(tmp_path):
    from streamlit.testing.v1 import AppTest

    entry = tmp_path / "solo.py"
    entry.write_text(
        "import streamlit as st\n"
        "from ui.data import _leave_legacy_navigation\n"
        "st.session_state.runs = st.session_state.get('runs', 0) + 1\n"
        "_leave_legacy_navigation()\n"
        "st.write('solo')\n"
    )
    at = AppTest.from_file(str(entry), default_timeout=APPTEST_TIMEOUT)
    for runs in (2, 4):  # no frame to rerun into: one rerun per run, then the page as it is
        at.run()
        assert not at.exception
        assert at.session_state.runs == runs
        assert shown(at) == (["solo"], [])


def test_a_deep_link_runs_in_the_frame_when_streamlit_starts_in_legacy_mode(
    example_db, monkeypatch
):
    at = run_page("pages/goal_chain.py", example_db, monkeypatch, goal="BUN1", period="2025")
    assert not at.exception
    assert "Sjöviks kommun" in " ".join(c.value for c in at.sidebar.caption)  # dashboard.py
    assert [s.value for s in at.main.selectbox if s.label == "Period"] == ["2025"]
    assert any(h.value.startswith("BUN1 ") for h in at.subheader)
    assert at.query_params["goal"] == "BUN1" and at.query_params["period"] == "2025"


@pytest.fixture
def fresh_server(example_db):
    """A new ``streamlit run dashboard.py`` for each test: no session has run dashboard.py."""
    with server.streamlit_server(example_db) as url:
        yield url


def new_tab(browser):
    return browser.new_page(viewport={"width": 1400, "height": 1000}, locale="sv-SE")


def heading(name: str):
    return lambda tab: tab.get_by_role("heading", name=name)


def expect_the_app_around(tab) -> None:
    """dashboard.py ran: its navigation, page title and sidebar, never the legacy ones."""
    from playwright.sync_api import expect

    nav = tab.get_by_test_id("stSidebarNav")
    for label in APP_LABELS:
        expect(nav).to_contain_text(label, timeout=60_000)
    wait_until_idle(tab)
    for label in LEGACY_LABELS:
        expect(nav).not_to_contain_text(label)
    expect(tab).to_have_title("Röd tråd – måluppfyllelse")
    expect(tab.get_by_test_id("stSidebar")).to_contain_text("Sjöviks kommun")
    assert tab.get_by_role("dialog").count() == 0  # no "page not found"
    assert tab.get_by_test_id("stException").count() == 0


@pytest.mark.browser
def test_a_deep_link_opens_the_same_view_on_a_fresh_server(browser, fresh_server):
    from playwright.sync_api import expect

    tab = new_tab(browser)
    tab.goto(f"{fresh_server}/goal_chain?goal=BUN1&period=2025")
    expect(tab.get_by_role("heading", name="BUN1 Fler elever")).to_be_visible(timeout=60_000)
    expect_the_app_around(tab)  # Målkedjan among the navigation's pages
    expect(tab.get_by_role("combobox", name="Period")).to_have_value(re.compile(r"^2025\b"))
    assert "goal=BUN1" in tab.url and "period=2025" in tab.url
    full_page_screenshot(tab, ARTIFACTS / "goal_chain_deep_link.png")
    tab.close()


@pytest.mark.browser
def test_deep_links_opened_at_once_on_a_fresh_server_all_open_their_view(browser, fresh_server):
    # Sessions that start while the first is still running began in the legacy mode too,
    # even though the first one has left it by the time their page asks.
    from playwright.sync_api import expect

    views = {  # link -> what its view shows
        "goal_chain?goal=BUN1&period=2025": heading("BUN1 Fler elever"),
        "goal_chain?goal=O1": heading("O1 Utbildning och livslångt lärande"),
        "indicator?indicator=N15419": lambda tab: tab.get_by_text("N15419").first,
    }
    tabs = {link: new_tab(browser) for link in views}
    for link, tab in tabs.items():
        tab.goto(f"{fresh_server}/{link}", wait_until="commit")
    for link, tab in tabs.items():
        expect(views[link](tab)).to_be_visible(timeout=60_000)
        expect_the_app_around(tab)
        assert all(part in tab.url for part in link.split("?")[1].split("&"))
        tab.close()
