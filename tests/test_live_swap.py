"""A running dashboard keeps serving while a build swaps in a new warehouse, then shows it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.support.tools import missing
from tools.server import (
    CHROMIUM,
    CHROMIUM_ARGS,
    chromium_missing_reason,
    is_healthy,
    streamlit_server,
)

ROOT = Path(__file__).resolve().parents[1]
TINY = ROOT / "tests" / "fixtures" / "tiny"


def renamed_source(tmp_path: Path, name: str) -> Path:
    """The tiny model under another municipality name, so the two builds are told apart."""
    source = tmp_path / name
    shutil.copytree(TINY, source)
    settings = source / "settings.csv"
    settings.write_text(settings.read_text(encoding="utf-8").replace("Testby", name), "utf-8")
    return source


def run_build(source: Path, db: Path, *options: str) -> None:
    subprocess.run([sys.executable, "-m", "etl", "build", str(source), "--db", str(db), "--quiet",
                    *options], check=True, cwd=ROOT)  # fmt: skip


def sidebar_text(at: AppTest) -> str:
    """The municipality's name is shown in the sidebar of every page."""
    return " ".join(c.value for c in at.sidebar.caption)


def test_apptest_session_sees_new_build_on_rerun(tmp_path, monkeypatch):
    db = tmp_path / "w.duckdb"
    run_build(renamed_source(tmp_path, "Förstaby"), db)
    monkeypatch.setenv("ROD_TRAD_DB", str(db))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    assert not at.exception
    assert "Förstaby" in sidebar_text(at)

    run_build(renamed_source(tmp_path, "Andraby"), db)  # another process swaps the file
    at.run()
    assert not at.exception
    assert "Andraby" in sidebar_text(at)


@pytest.mark.browser
def test_streamlit_process_keeps_serving_during_swap(tmp_path):
    reason = chromium_missing_reason()
    if reason:
        missing(reason)
    from playwright.sync_api import expect, sync_playwright

    db = tmp_path / "w.duckdb"
    run_build(renamed_source(tmp_path, "Förstaby"), db)
    second = renamed_source(tmp_path, "Andraby")
    with streamlit_server(db) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(url)
        sidebar = page.get_by_test_id("stSidebar")
        expect(sidebar.get_by_text("Förstaby")).to_be_visible(timeout=30_000)

        # Poll the server's health from another thread for as long as the build runs.
        health: list[bool] = []
        done = threading.Event()

        def poll() -> None:
            while not done.is_set():
                health.append(is_healthy(url))

        poller = threading.Thread(target=poll)
        poller.start()
        try:
            run_build(second, db)
        finally:
            done.set()
            poller.join()
        assert health and all(health), "the dashboard stopped answering during the build"

        # Streamlit reruns the page on "r"; the same session must now show the new warehouse.
        page.keyboard.press("r")
        expect(sidebar.get_by_text("Andraby")).to_be_visible(timeout=30_000)
        browser.close()
