"""A better_than target as the pages show it: the goal chain's indicator table and explanation,
the indicator page's status table, and the public goal page all name the reference and its
value ("bättre än riket (1 230,0)"), and say the outcome is the municipality's own."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from etl.build import build
from tests.conftest import run_page, unescaped
from tests.test_public_pages import run_public_page
from ui import format as fmt

ROOT = Path(__file__).resolve().parents[1]
TINY = ROOT / "tests" / "fixtures" / "tiny"
# The tiny model (Testby, 0999) with riket's value beside its own, and two targets for N1: its
# own level and better than riket, worse by at most 0,5.
OUTCOMES = """indicator_id;period;value;subject;gender
N15505;2023;228,1;;T
N15505;2024;1 231,5;;T
N15505;2024;1 231,9;0000;T
"""
TARGETS = """goal_id;indicator_id;period;comparator;value;tolerance;subject
N1;N15505;2024;>=;230,5;2;
N1;N15505;2024;better_than;;0,5;0000
"""
SHOWN = f"bättre än riket (1{fmt.NBSP}231,9) (tolerans 0,5)"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("better_than_pages")
    source = folder / "source"
    shutil.copytree(TINY, source)
    (source / "outcomes.csv").write_text(OUTCOMES, encoding="utf-8")
    (source / "targets.csv").write_text(TARGETS, encoding="utf-8")
    return build([source], folder / "w.duckdb", public=True).path


def test_goal_chain_names_the_reference(db: Path, monkeypatch) -> None:
    at = run_page("pages/goal_chain.py", db, monkeypatch, goal="N1", period="2024")
    assert not at.exception
    table = at.dataframe[0].value
    # 1 231,5 is worse than riket's 1 231,9 by 0,4 ≤ 0,5 → delvis
    row = table[table.Målvärde.str.startswith("bättre")].iloc[0]
    assert row.Målvärde == SHOWN
    assert "Delvis" in row.Status
    assert row.Utfall == f"1{fmt.NBSP}231,5{fmt.NBSP}poäng (2024)"
    said = unescaped("\n".join(m.value for m in at.markdown))
    assert (
        f"Meritvärde ska vara bättre än riket (1{fmt.NBSP}231,9): utfallet är 1{fmt.NBSP}231,5 "
        "(2024), delvis uppfyllt." in said
    )


def test_indicator_page_says_whom_the_value_is_compared_with(db: Path, monkeypatch) -> None:
    at = run_page("pages/indicator.py", db, monkeypatch, indicator="N15505", period="2024")
    assert not at.exception
    table = at.table[0].value
    row = table[unescaped_column(table.Målvärde).str.startswith("bättre")].iloc[0]
    assert unescaped(row.Målvärde) == SHOWN + " för 2024"
    # the outcome is ours: the row is not about riket
    assert "riket" not in unescaped(row.Avser)
    # no line to draw for it, so the chart says it in words
    notes = unescaped("\n".join(c.value for c in at.caption))
    assert (
        "Målet är att värdet ska vara bättre än för riket (målvärde för 2024); det ritas inte "
        "som en linje." in notes
    )


def test_public_goal_page_names_the_reference(db: Path, monkeypatch) -> None:
    at = run_public_page("pages/mal.py", db, monkeypatch, id="N1")
    assert not at.exception, at.exception
    shown = unescaped("\n".join(m.value for m in at.markdown)).replace(fmt.NBSP, " ")
    # one line per status row, both the municipality's own (in total)
    assert (
        "Totalt: ½ Delvis uppfyllt · utfall 1 231,5 poäng (2024) · målvärde bättre än riket "
        "(1 231,9 poäng)" in shown
    )


def unescaped_column(column):
    return column.map(unescaped)
