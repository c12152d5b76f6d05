"""Nothing marked ``public = nej`` reaches the public site (ROD_TRAD_MODE=public).

The model of tests/test_publish.py, with a marker text ("HEMLIG…") in every field that must
not be published, and a public and an internal strategic area besides. Its public site is
searched for the marker: every public page with every id the whole warehouse knows (public,
internal or unknown) under AppTest, every element's message; and a real ``streamlit run``
server crawled in Chromium from the start page, following every link, reading each page's
DOM, its charts' data (hover texts included), every message the server sends, the expanders
opened and every download. The analysts' pages' addresses give "hittades inte".
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pyarrow.parquet as pq
import pytest

from etl.build import build
from tests.conftest import rendered, run_public_page, warehouse_rows, write_csv_source
from tests.support.browser import wait_until_idle
from tests.support.tools import missing
from tests.test_publish import MARKER, marked_model
from tools import server
from ui import public_frame
from ui.public_text import HIDDEN_BASIS

# The analysts' pages, by address; in public mode none of them exists.
INTERNAL_PATHS = ["data_quality", "goal_chain", "committees", "over_time", "indicator", "start"]
UNKNOWN = "FINNS-INTE"


def leak_model() -> dict:
    """marked_model() with a public area above K1 and an internal one above HEMLIG-K2."""
    tables = marked_model()
    goals = {g["goal_id"]: g for g in tables["goals"]}
    goals["K1"]["parent_ids"] = "O1"
    goals["HEMLIG-K2"]["parent_ids"] = "HEMLIG-O2"
    tables["goals"] += [
        {"goal_id": "O1", "title": "Öppet område", "level": "område", "parent_ids": "V",
         "responsible": "KF"},
        {"goal_id": "HEMLIG-O2", "title": "HEMLIG område", "level": "område",
         "parent_ids": "V", "responsible": "KF", "description": "HEMLIG om området",
         "public": "nej"},
    ]  # fmt: skip
    return tables


@pytest.fixture(scope="module")
def leaky_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("leaks")
    source = write_csv_source(folder / "source", leak_model())
    return build([source], folder / "w.duckdb", public=True).path


def whole_ids(db: Path) -> dict[str, list[str]]:
    """Every goal and indicator id of the whole warehouse, public or not, and one unknown."""
    goals = [g for (g,) in warehouse_rows(db, "select goal_id from goals order by 1")]
    indicators = [
        i for (i,) in warehouse_rows(db, "select indicator_id from indicators order by 1")
    ]
    return {"goal": goals + [UNKNOWN], "indicator": indicators + [UNKNOWN]}


def views(db: Path) -> list[tuple[str, dict[str, str]]]:
    """(page file, URL parameters) of every public page with every id."""
    ids = whole_ids(db)
    kinds = {"pages/omrade.py": "goal", "pages/mal.py": "goal", "pages/indikator.py": "indicator"}
    out = []
    for file, _, _ in public_frame.PAGES:
        if file in kinds:
            out += [(file, {"id": i}) for i in ids[kinds[file]]]
        else:
            out.append((file, {}))
    return out


def test_the_model_hides_markers_behind_internal_ids_and_areas(leaky_db):
    """The checks below can fail: internal goals, indicators and an area carry the marker, and
    public goals rest on them (N1 on HEMLIG-I, K1 on HEMLIG-N3)."""
    from warehouse.files import public_path

    ids = whole_ids(leaky_db)
    assert {"HEMLIG-K2", "HEMLIG-N3", "HEMLIG-O2"} <= set(ids["goal"])
    assert "HEMLIG-I" in ids["indicator"]
    hidden = warehouse_rows(public_path(leaky_db), "select distinct goal_id from hidden_basis")
    assert {"N1", "K1"} <= {g for (g,) in hidden}


def test_no_public_page_shows_a_marker_for_any_id(leaky_db, monkeypatch):
    seen = 0
    for file, params in views(leaky_db):
        at = run_public_page(file, leaky_db, monkeypatch, **params)
        assert not at.exception, (file, params, at.exception)
        assert not at.error, (file, params, [e.value for e in at.error])  # none caught either
        shown = "\n".join(rendered(at))
        assert MARKER not in shown, (file, params, [s for s in rendered(at) if MARKER in s])
        seen += len(shown)
    assert seen > 10_000


def test_a_public_goal_resting_on_internal_inputs_says_so_and_nothing_more(leaky_db, monkeypatch):
    at = run_public_page("pages/mal.py", leaky_db, monkeypatch, id="N1")
    shown = [m.value for m in at.markdown]
    assert HIDDEN_BASIS in shown
    assert "Öppen analys" in shown  # the assessment text of a public goal is public
    linked = {p.proto.query_string for p in at.get("page_link") if p.proto.page == "indikator"}
    assert linked == {"id=N15505"}  # HEMLIG-I, which it also rests on, is not there


# --- a real server, crawled ----------------------------------------------------------------------

# Tabs the crawl keeps open ahead of the one it reads: the server runs their pages meanwhile.
TABS_AHEAD = 4


@pytest.fixture(scope="module")
def crawler(leaky_db):
    reason = server.chromium_missing_reason()
    if reason:
        missing(reason)
    from playwright.sync_api import sync_playwright

    with server.streamlit_server(leaky_db, mode="public") as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=server.CHROMIUM, args=server.CHROMIUM_ARGS)
        context = browser.new_context(accept_downloads=True, locale="sv-SE")
        yield url, context
        browser.close()


class Visit:
    """One address opened in a new tab: what the page shows and everything the server sent.
    ``Visit(context, url, read=False)`` only opens it: ``read()`` later reads it, so that the
    server runs several pages while the test reads another."""

    def __init__(self, context, url: str, *, read: bool = True):
        self.frames: list[bytes] = []
        self.tab = context.new_page()
        self.tab.on("websocket", lambda ws: ws.on("framereceived", self._frame))
        self.tab.goto(url)
        if read:
            self.read()

    def read(self) -> Visit:
        from playwright.sync_api import expect

        tab = self.tab
        expect(tab.locator("h1").first).to_be_visible(timeout=60_000)
        wait_until_idle(tab)
        for expander in tab.get_by_test_id("stExpander").all():
            expander.locator("summary").click()
        wait_until_idle(tab)
        self.url = tab.url
        self.heading = tab.locator("h1").first.inner_text()
        self.main = tab.get_by_test_id("stMain").inner_text()
        # React numbers its generated ids (":r6:") in the order it made them.
        self.main_html = re.sub(r":r[0-9a-z]+:", ":r:", tab.get_by_test_id("stMain").inner_html())
        self.dom = tab.content()
        self.charts = tab.evaluate(
            "() => [...document.querySelectorAll('.js-plotly-plot')]"
            ".map(p => JSON.stringify({data: p.data, layout: p.layout}))"
        )
        self.downloads = []
        for button in tab.get_by_test_id("stDownloadButton").all():
            with tab.expect_download() as download:
                button.click()
            self.downloads.append(Path(download.value.path()).read_bytes())
        self.links = [
            urljoin(tab.url, href)
            for href in tab.eval_on_selector_all("a[href]", "as => as.map(a => a.href)")
        ]
        self.dialogs = tab.get_by_role("dialog").count()
        self.exceptions = tab.get_by_test_id("stException").count()
        tab.close()
        return self

    def _frame(self, payload) -> None:
        self.frames.append(payload if isinstance(payload, bytes) else payload.encode())

    def shown(self) -> str:
        """Everything the page holds, in the DOM and in its charts, and its downloads."""
        downloads = [download_text(d) for d in self.downloads]
        return "\n".join([self.dom, *self.charts, *downloads])


def download_text(data: bytes) -> str:
    """A download as text: a zip (Öppna data) member by member, a Parquet file as its rows."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        return data.decode("utf-8-sig", errors="replace")
    texts = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            member = archive.read(name)
            if name.endswith(".parquet"):
                table = pq.read_table(io.BytesIO(member))
                texts.append(str(table.to_pylist()))
            else:
                texts.append(member.decode("utf-8-sig", errors="replace"))
    return "\n".join(texts)


@pytest.mark.browser
@pytest.mark.slow
def test_crawling_the_public_site_finds_no_marker(crawler, leaky_db):
    base, context = crawler
    ids = whole_ids(leaky_db)
    queue = ["/"]
    queue += [f"/{page}?id={i}" for page in ("mal", "omrade") for i in ids["goal"]]
    queue += [f"/indikator?id={i}" for i in ids["indicator"]]
    visited: dict[str, Visit] = {}
    opened: dict[str, Visit] = {}  # the next addresses in the queue, open in their tabs
    while queue or opened:
        while queue and len(opened) < TABS_AHEAD:
            address = queue.pop(0)
            if address not in visited and address not in opened:
                opened[address] = Visit(context, base + address, read=False)
        if not opened:  # the rest of the queue was visited already
            break
        address = next(iter(opened))
        visit = visited[address] = opened.pop(address).read()
        assert visit.exceptions == 0 and visit.dialogs == 0, address
        assert MARKER not in visit.shown(), address
        # Every message the server sent, hidden parts included. (It repeats an unknown page's
        # path, as the address of the "hittades inte" page, but never the query string.)
        assert not any(MARKER.encode() in frame for frame in visit.frames), address
        for link in visit.links:
            parts = urlsplit(link)
            if link.startswith(base) and parts.path:
                queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    followed = {urlsplit(a).path for a in visited}
    assert {"/", "/om", "/omrade", "/mal", "/indikator", "/oppna_data"} <= followed
    assert any(v.charts for v in visited.values()) and any(v.downloads for v in visited.values())
    # Öppna data's zips were opened and read (download_text), the marker searched in them.
    zips = [download_text(d) for d in visited["/oppna_data"].downloads]
    assert len(zips) == 2 and all("goal_id" in z and "Testkommun" in z for z in zips)
    assert len(visited) >= 20


@pytest.mark.browser
def test_internal_ids_and_unknown_ids_look_the_same_in_the_browser(crawler):
    base, context = crawler
    for page, internal in (
        ("mal", "HEMLIG-N3"),
        ("omrade", "HEMLIG-O2"),
        ("indikator", "HEMLIG-I"),
    ):
        hidden = Visit(context, f"{base}/{page}?id={internal}")
        unknown = Visit(context, f"{base}/{page}?id={UNKNOWN}")
        assert "hittades inte" in hidden.heading
        assert hidden.main == unknown.main
        # The page's own markup too (the document head lists scripts in the order they loaded).
        assert hidden.main_html == unknown.main_html


@pytest.mark.browser
@pytest.mark.parametrize("path", INTERNAL_PATHS)
def test_the_analysts_pages_are_not_served(crawler, path):
    base, context = crawler
    visit = Visit(context, f"{base}/{path}")
    assert visit.heading == "Sidan hittades inte"
    assert visit.dialogs == 0  # not Streamlit's English "Page not found"
    assert MARKER not in visit.shown()
