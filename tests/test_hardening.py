"""What keeps a public instance safe besides its data: the served configuration, the locked
DuckDB connection of the app, and a server that answers with the settings it was given."""

from __future__ import annotations

import tomllib
import urllib.request
from pathlib import Path

import duckdb
import pytest

import warehouse
from tools.server import streamlit_server

ROOT = Path(__file__).resolve().parents[1]


def test_the_committed_configuration_hides_errors_keeps_xsrf_and_sends_no_statistics():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text("utf-8"))
    assert config["client"]["showErrorDetails"] == "none"
    assert config["client"]["toolbarMode"] == "minimal"  # no English main menu
    assert config["browser"]["gatherUsageStats"] is False
    assert config["server"]["enableXsrfProtection"] is True
    assert config["server"]["enableStaticServing"] is False


def test_the_apps_connection_reads_only_the_warehouse(example_db, tmp_path):
    outside = tmp_path / "outside.csv"
    outside.write_text("a\n1\n", "utf-8")
    con = warehouse.open_read_only(example_db)
    cur = warehouse.cursor(con)
    # The statements an attacker would try if any text could reach SQL: none may succeed.
    attempts = [
        f"select * from read_csv('{outside}')",  # noqa: S608 (a file beside the warehouse)
        "select * from read_csv('http://127.0.0.1:9/x.csv')",  # a URL
        f"attach '{tmp_path / 'other.duckdb'}' as other",  # another database
        f"copy goals to '{tmp_path / 'goals.csv'}'",  # writing a file
        "delete from goals",  # changing the warehouse
        "set enable_external_access = true",  # undoing the lock
        "install httpfs",  # extensions
        "load httpfs",
    ]
    for sql in attempts:
        with pytest.raises(duckdb.Error):
            cur.execute(sql)
    assert not (tmp_path / "goals.csv").exists()
    assert cur.execute("select count(*) from goals").fetchone()[0] > 0  # the warehouse is read


def test_a_running_server_hands_out_an_xsrf_token(example_db):
    """With XSRF protection on, Streamlit sets its token cookie with the page; every upload or
    other state-changing request must send it back."""
    with (
        streamlit_server(example_db) as url,
        urllib.request.urlopen(f"{url}/_stcore/health", timeout=10) as health,
    ):
        cookies = health.headers.get_all("Set-Cookie") or []
        assert any(c.startswith("_streamlit_xsrf=") for c in cookies), cookies
