"""Half years (format 1.1): a delår `2021-H1` is a period of its own, January to June, with its
own words on the pages; a model with one builds and is evaluated like any other period."""

from __future__ import annotations

import shutil

import pytest

from etl.build import build
from tests.conftest import ROOT, run_page, warehouse_rows

TINY = ROOT / "tests" / "fixtures" / "tiny"


@pytest.fixture(scope="module")
def half_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("half")
    source = folder / "source"
    shutil.copytree(TINY, source)
    with (source / "outcomes.csv").open("a", encoding="utf-8") as file:
        file.write("N15505;2024-h1;229,0;T\nN15505;2024-H2;232,0;T\n")
    with (source / "assessments.csv").open("a", encoding="utf-8") as file:
        file.write("N1;2024-H1;delvis;BUN;Halvårets resultat.;2024-08-20\n")
    # The delår takes the latest target that ends before it: 2023's, not 2024's (rules §1).
    with (source / "targets.csv").open("a", encoding="utf-8") as file:
        file.write("N1;N15505;2023;>=;228;1\n")
    return build([source], folder / "w.duckdb").path


def test_half_years_are_periods_of_their_own(half_db):
    rows = warehouse_rows(
        half_db,
        "select period, period_type, period_start::varchar, period_end::varchar, label, "
        "short_label from periods where period like '%-H%' order by period",
    )
    assert rows == [
        ("2024-H1", "half", "2024-01-01", "2024-06-30", "2024 halvår 1 (jan–jun)", "2024 H1"),
        ("2024-H2", "half", "2024-07-01", "2024-12-31", "2024 halvår 2 (jul–dec)", "2024 H2"),
    ]
    # The delår is evaluated with its own outcome and the nämnd's assessment.
    [(value, status)] = warehouse_rows(
        half_db,
        "select value, status from indicator_status where goal_id = 'N1' and period = '2024-H1'",
    )
    assert (value, status) == (229.0, "uppfyllt")  # at least 228
    [(assessed,)] = warehouse_rows(
        half_db,
        "select assessed_status from goal_status where goal_id = 'N1' and period = '2024-H1'",
    )
    assert assessed == "delvis"


def test_the_period_choice_names_the_half_year(half_db, monkeypatch):
    at = run_page("pages/overview.py", half_db, monkeypatch, period="2024-H1")
    assert not at.exception, at.exception
    [choice] = [box for box in at.selectbox if box.label == "Period"]
    assert choice.value == "2024-H1"
    assert "2024 halvår 1 (jan–jun)" in choice.options
    assert "Måluppfyllelse 2024 halvår 1 (jan–jun)" in [c.value for c in at.caption]


def test_a_half_that_does_not_exist_is_a_located_problem(tmp_path):
    from etl.problems import InvalidInput

    source = tmp_path / "source"
    shutil.copytree(TINY, source)
    with (source / "outcomes.csv").open("a", encoding="utf-8") as file:
        file.write("N15505;2024-H3;229,0;T\n")
    with pytest.raises(InvalidInput) as error:
        build([source], tmp_path / "w.duckdb")
    [problem] = error.value.problems
    assert (problem.row, problem.column) == (5, "period")  # the header is row 1
    assert "ÅÅÅÅ-H1…H2" in problem.expected
