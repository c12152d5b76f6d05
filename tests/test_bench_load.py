"""Smoke test of the load benchmark (bench/load.py): its sessions really click through the
public pages of the example, through nginx in front of one and then two replicas, a warehouse
swap happens under them, and the report says so. Figures are not checked; the benchmark is not
a timed test."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench import load
from etl.build import EXAMPLE_SOURCE, build
from tests.support.tools import missing
from tools.proxy import NGINX

# It starts two servers and nginx and clicks for a few seconds: left out of make test-fast.
pytestmark = pytest.mark.slow


def test_the_benchmark_clicks_through_the_public_pages_and_reports(tmp_path):
    if not Path(NGINX).exists():
        missing(f"nginx is not installed at {NGINX} (apt-get install nginx)")
    db = build([EXAMPLE_SOURCE], tmp_path / "w.duckdb", public=True).path
    out = tmp_path / "load.md"
    phases = "1:1,2:3:swap"

    assert load.main(["--db", str(db), "--phases", phases, "--seconds", "4", "--warm", "0",
                      "--out", str(out)]) == 0  # fmt: skip

    report = out.read_text(encoding="utf-8")
    rows = re.findall(r"^\| working tree \| (.+?) \| (\d+) \| .* \| (\d+) \| (\d+) \| [\d.]+ \|$",
                      report, re.MULTILINE)  # fmt: skip
    assert [name for name, *_ in rows] == ["1 × 1", "2 × 3, warehouse swap"], report
    for name, clicks, errors, lost in rows:
        assert int(clicks) >= 4, name  # a walk of four pages at least, in every phase
        assert (errors, lost) == ("0", "0"), report
    # The sessions walked the whole way: areas, goals and indicators were opened.
    for kind in ("area", "goal", "indicator"):
        assert f"{kind} " in report, kind
    swap = re.search(r"replaced [\d.]+ s into the phase; (\d+) clicks ran after it", report)
    assert swap and int(swap.group(1)) > 0, report
    assert "CPU per click with one session" in report
