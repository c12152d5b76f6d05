"""Shared helpers for the tests: write small sources as real files and read the warehouse back.

A *source* is given as ``{table: [row, ...]}`` where each row is a dict ``column -> value``.
The columns of a table are the keys of its rows in first-seen order; a missing key is an empty
cell. ``write_csv_source`` writes it as a folder of ``<table>.csv`` files, ``write_xlsx_source``
as one workbook with a sheet per table. ``minimal_tables()`` returns a small valid goal model.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import hashlib
import io
import re
from pathlib import Path
from typing import Any

import duckdb
import pytest

from etl.build import build, check
from etl.problems import InvalidInput, Problem
from tests.support.tools import missing

ROOT = Path(__file__).resolve().parents[1]
# The real data lives outside the repo and is only ever read from there, never copied in.
SHARED = Path(__file__).resolve().parents[2] / "shared"
REAL_DATA = SHARED / "data" / "real"

Tables = dict[str, list[dict[str, Any]]]

_MINIMAL: Tables = {
    "settings": [
        {"key": "municipality_code", "value": "0180"},
        {"key": "municipality_name", "value": "Testkommun"},
    ],
    "organisation": [
        {"org_id": "KF", "name": "Kommunfullmäktige", "type": "fullmäktige", "parent_id": ""},
        {
            "org_id": "BUN",
            "name": "Barn- och utbildningsnämnden",
            "type": "nämnd",
            "parent_id": "KF",
        },
    ],
    "goals": [
        {
            "goal_id": "V",
            "title": "Vision",
            "level": "vision",
            "parent_ids": "",
            "responsible": "KF",
        },
        {
            "goal_id": "K1",
            "title": "Kunskap",
            "level": "kf-mål",
            "parent_ids": "V",
            "responsible": "KF",
        },
        {
            "goal_id": "N1",
            "title": "Fler behöriga",
            "level": "nämndmål",
            "parent_ids": "K1",
            "responsible": "BUN",
        },
    ],  # fmt: skip
    "indicators": [{"indicator_id": "N15505", "title": "Meritvärde åk 9", "direction": "higher"}],
    "goal_indicators": [{"goal_id": "N1", "indicator_id": "N15505"}],
    "targets": [
        {
            "goal_id": "N1",
            "indicator_id": "N15505",
            "period": "2024",
            "comparator": ">=",
            "value": "230",
        },
    ],  # fmt: skip
    "outcomes": [
        {"indicator_id": "N15505", "period": "2023", "value": "228.1"},
        {"indicator_id": "N15505", "period": "2024", "value": "231.5"},
    ],
}


def minimal_tables(*, without: tuple[str, ...] = ()) -> Tables:
    """A fresh copy of a small valid source (optionally without some tables)."""
    return {name: rows for name, rows in copy.deepcopy(_MINIMAL).items() if name not in without}


def columns_of(rows: list[dict[str, Any]]) -> list[str]:
    return list(dict.fromkeys(name for row in rows for name in row))


def csv_text(rows: list[dict[str, Any]], sep: str = ",") -> str:
    """The CSV text of ``rows`` (header first), quoting only where needed."""
    out = io.StringIO()
    columns = columns_of(rows)
    writer = csv.writer(out, delimiter=sep, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else str(row.get(c)) for c in columns])
    return out.getvalue()


def write_csv_source(
    directory: Path,
    tables: Tables,
    sep: str = ",",
    encoding: str = "utf-8",
    bom: bool = False,
) -> Path:
    """Write ``tables`` as ``directory/<table>.csv`` files; return the folder."""
    directory.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        data = csv_text(rows, sep).encode(encoding)
        (directory / f"{name}.csv").write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return directory


def write_xlsx_source(path: Path, tables: Tables) -> Path:
    """Write ``tables`` as one workbook, a sheet per table, values stored as given.

    A ``str`` is stored as text, an ``int``/``float`` as a number, a ``date``/``datetime`` as an
    Excel date; ``None`` leaves the cell empty.
    """
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in tables.items():
        sheet = workbook.create_sheet(name)
        columns = columns_of(rows)
        sheet.append(columns)
        for row in rows:
            sheet.append([row.get(c) for c in columns])
        for cell in (c for r in sheet.iter_rows() for c in r):
            if isinstance(cell.value, dt.date):
                cell.number_format = "yyyy-mm-dd"
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


def warehouse_rows(db_path: Path, sql: str, params: dict[str, Any] | None = None) -> list[tuple]:
    """Rows of a query against the warehouse, opened read-only."""
    with duckdb.connect(str(db_path), read_only=True) as con:
        return con.execute(sql, params or {}).fetchall()


def build_ok(tmp_path: Path, *sources: Path) -> Path:
    """Build the warehouse from ``sources`` into ``tmp_path``; return the database path."""
    db = tmp_path / "warehouse.duckdb"
    build(list(sources), db)
    return db


def problems_of(*sources: Path) -> list[Problem]:
    """The problems ``check`` reports for ``sources`` (fails the test if there are none)."""
    with pytest.raises(InvalidInput) as raised:
        check(list(sources))
    return raised.value.problems


@pytest.fixture
def valid_csv_source(tmp_path: Path) -> Path:
    """The minimal valid source as a folder of UTF-8 CSV files."""
    return write_csv_source(tmp_path / "source", minimal_tables())


@pytest.fixture
def valid_xlsx_source(tmp_path: Path) -> Path:
    """The minimal valid source as one workbook."""
    return write_xlsx_source(tmp_path / "source.xlsx", minimal_tables())


# --- pages under AppTest ----------------------------------------------------------------------

APPTEST_TIMEOUT = 60  # AppTest's default of 3 s is too short on a busy 2-core CI machine
TINY = ROOT / "tests" / "fixtures" / "tiny"


@pytest.fixture(scope="session")
def example_db(tmp_path_factory) -> Path:
    """The example municipality's warehouse, built once for the whole test session."""
    from etl.build import EXAMPLE_SOURCE, build

    return build([EXAMPLE_SOURCE], tmp_path_factory.mktemp("example") / "w.duckdb").path


@pytest.fixture(autouse=True, scope="session")
def components_scanned_once():
    """Every new AppTest scans the metadata of every installed package for Streamlit
    components (streamlit.components.v2), about 0.15 s of CPU each time, half the cost of a
    page run; the installed packages do not change during a test run, so one scan per test
    process serves them all."""
    import functools

    from streamlit.components.v2 import manifest_scanner

    with pytest.MonkeyPatch.context() as patch:
        scan = functools.cache(manifest_scanner.scan_component_manifests)
        patch.setattr(manifest_scanner, "scan_component_manifests", lambda: list(scan()))
        yield


@pytest.fixture(autouse=True)
def fresh_caches():
    """Cached results from one test must never leak into the next."""
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    yield


@pytest.fixture(autouse=True)
def crashes_count_as_exceptions(monkeypatch):
    """A page's unexpected error is shown as our Swedish message (ui.data.swedish_errors), not
    as Streamlit's exception element; ``at.exception`` reports it all the same, so every test's
    ``assert not at.exception`` still fails on it (its traceback is in the captured log)."""
    from streamlit.testing.v1 import AppTest

    from ui.data import CRASH_MESSAGE

    streamlits_own = AppTest.exception

    def exception(self):
        return [*streamlits_own.fget(self), *(e for e in self.error if e.value == CRASH_MESSAGE)]

    monkeypatch.setattr(AppTest, "exception", property(exception))


def run_page(page: str, db: Path, monkeypatch, **params: str):
    """Run ``page`` through dashboard.py on warehouse ``db`` with URL query parameters."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("ROD_TRAD_DB", str(db))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=APPTEST_TIMEOUT)
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(page)
    return at.run()


def unescaped(markdown: str) -> str:
    """What a Markdown element's source shows: text from the model is escaped for Markdown
    (ui.format.plain), ``Barn\\- och`` reads ``Barn- och``."""
    return re.sub(r"\\(.)", r"\1", markdown.replace("  \n", "\n"))


@pytest.fixture
def downloaded(monkeypatch):
    """``downloaded(at, key)``: the file name and bytes behind the download button ``key`` in
    the last run of the AppTest ``at``, as a browser would receive them (a deferred download's
    callable is run, as a click runs it). AppTest keeps its media files in a media file manager
    of its own for each run; the fixture keeps a hold of them."""
    from streamlit.runtime.media_file_manager import MediaFileManager
    from streamlit.testing.v1 import app_test

    managers: list[MediaFileManager] = []

    class Kept(MediaFileManager):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            managers.append(self)

    monkeypatch.setattr(app_test, "MediaFileManager", Kept)

    def read(at, key: str) -> tuple[str, bytes]:
        [button] = [b for b in at.get("download_button") if b.key == key]
        manager = managers[-1]
        url = button.proto.url
        if button.proto.deferred_file_id:
            url = manager.execute_deferred(button.proto.deferred_file_id)
        file = manager.read_file(url.rsplit("/", 1)[-1])
        assert file is not None, f"no file behind the download button {key}"
        return file.filename, file.content

    return read


def engine(db: Path, sql: str, **params: Any) -> list[tuple]:
    """Rows straight from the warehouse, to compare with what a page shows."""
    return warehouse_rows(db, sql, params)


def areas_of(db: Path, param: str, item: str) -> list[str]:
    """The strategic areas a goal lies under, or those of the goals an indicator measures."""
    goals = engine(db, "select goal_id from goal_indicators where indicator_id = $i", i=item)
    return sorted(
        {
            area
            for goal in ([item] if param == "goal" else [g for (g,) in goals])
            for (area,) in engine(
                db,
                "select c.ancestor_id from goal_closure c join goals a on a.goal_id = "
                "c.ancestor_id where a.level = 'område' and c.descendant_id = $goal",
                goal=goal,
            )
        }
    )


_BUILT: dict[str, Path] = {}


def built(source: Path, tmp_path: Path) -> Path:
    """The warehouse of the source folder ``source``, built once per test process for each
    distinct content of the folder: the page tests only read it, and many render the same
    small variants."""
    files = sorted(f for f in source.rglob("*") if f.is_file())
    key = hashlib.sha256(
        b"".join(f.relative_to(source).as_posix().encode() + b"\0" + f.read_bytes() for f in files)
    ).hexdigest()
    if key not in _BUILT or not _BUILT[key].exists():
        from etl.build import build

        _BUILT[key] = build([source], tmp_path / "w.duckdb").path
    return _BUILT[key]


def odd_warehouse(tmp_path: Path, without: tuple[str, ...] = (), goals_only: bool = False) -> Path:
    """The tiny model without some tables, or with a single goal and nothing to measure it."""
    import shutil

    source = tmp_path / "source"
    shutil.copytree(TINY, source)
    for table in without:
        (source / f"{table}.csv").unlink()
    if goals_only:
        for file in source.glob("*.csv"):
            if file.stem not in ("settings", "goals", "organisation"):
                file.unlink()
        (source / "goals.csv").write_text(
            "goal_id;title;level\nV;Den enda visionen;vision\n", encoding="utf-8"
        )
    return built(source, tmp_path)


def figure(at) -> dict:
    """The page's one plotly figure, as the JSON Streamlit sends to the browser."""
    import json

    [chart] = at.get("plotly_chart")
    return json.loads(chart.proto.spec)


def values(array) -> list:
    """A plotly array from the figure JSON (plotly 7 sends numbers as base64 typed arrays)."""
    import base64

    import numpy as np

    if isinstance(array, dict) and "bdata" in array:
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)


# --- Chromium ----------------------------------------------------------------------------------

ARTIFACTS = ROOT / "tests" / "artifacts"  # screenshots to look at (ignored by git)


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium through Playwright, for the module's tests; skipped with the reason
    when either is missing."""
    from tools import server

    reason = server.chromium_missing_reason()
    if reason:
        missing(reason)
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=server.CHROMIUM, args=server.CHROMIUM_ARGS)
        yield browser
        browser.close()


# --- the public dashboard (ROD_TRAD_MODE=public) ----------------------------------------------


@pytest.fixture(scope="session")
def public_example_db(tmp_path_factory) -> Path:
    """The example municipality built with its public warehouse; the path of the whole one,
    beside which the public one lies (the public app derives it, as from ROD_TRAD_DB)."""
    from etl.build import EXAMPLE_SOURCE, build

    folder = tmp_path_factory.mktemp("public_example")
    return build([EXAMPLE_SOURCE], folder / "w.duckdb", public=True).path


def run_public_page(page: str, db: Path, monkeypatch, **params: str):
    """Run ``page`` through dashboard.py in public mode, with ``ROD_TRAD_DB=db``."""
    monkeypatch.setenv("ROD_TRAD_MODE", "public")
    return run_page(page, db, monkeypatch, **params)


def public_rows(db: Path, sql: str, **params: Any) -> list[tuple]:
    """Rows of the public warehouse beside ``db``, to compare with what a public page shows."""
    from warehouse.files import public_path

    return warehouse_rows(public_path(db), sql, params)


def rendered(at) -> list[str]:
    """Every element the app drew, in order, as the text of its message (what the browser is
    sent): titles, Markdown, tables, charts' JSON, links with their addresses, buttons."""
    from google.protobuf import text_format

    out: list[str] = []

    def walk(node) -> None:
        children = getattr(node, "children", None)
        if isinstance(children, dict):
            for key in sorted(children):
                walk(children[key])
        elif getattr(node, "proto", None) is not None:
            out.append(text_format.MessageToString(node.proto, as_utf8=True))

    walk(at._tree)
    return out
