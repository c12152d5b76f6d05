"""Forecasts (format 1.1): a year's value foreseen at a delår is kept apart from the outcomes,
never counted in an attainment, shown on the Indikator pages as a forecast, and checked."""

from __future__ import annotations

import shutil

import pytest

from etl.build import build
from etl.problems import InvalidInput
from tests.conftest import ROOT, run_page, run_public_page, unescaped, warehouse_rows

TINY = ROOT / "tests" / "fixtures" / "tiny"
FORECASTS = (
    "indicator_id;period;made_in;value;gender;comment\n"
    "N15505;2024;2024-t2;233,5;;Enligt vårterminens betyg\n"
    "N15505;2024;2024-T1;232;K;\n"
)


def source_with(tmp_path, forecasts: str | None):
    source = tmp_path / ("with" if forecasts else "without")
    shutil.copytree(TINY, source)
    if forecasts:
        (source / "forecasts.csv").write_text(forecasts, encoding="utf-8")
    return source


@pytest.fixture(scope="module")
def dbs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("forecasts")
    return {
        kind: build([source_with(folder, text)], folder / f"{kind}.duckdb", public=True).path
        for kind, text in (("with", FORECASTS), ("without", None))
    }


def test_forecasts_are_kept_and_never_count(dbs):
    rows = warehouse_rows(
        dbs["with"], "select period, made_in, value, gender from forecasts order by made_in"
    )
    assert rows == [("2024", "2024-T1", 232.0, "K"), ("2024", "2024-T2", 233.5, "T")]
    for table in ("indicator_status", "goal_status", "periods where is_evaluated"):
        query = f"select * from {table} order by all"  # noqa: S608 - fixed names
        assert warehouse_rows(dbs["with"], query) == warehouse_rows(dbs["without"], query)
    # No forecast became an outcome.
    query = "select indicator_id, period, value from outcomes order by all"
    assert warehouse_rows(dbs["with"], query) == warehouse_rows(dbs["without"], query)


@pytest.mark.parametrize(
    ("page", "params"),
    [("pages/indicator.py", {"indicator": "N15505", "period": "2024"}),
     ("pages/indikator.py", {"id": "N15505"})],
)  # fmt: skip
def test_the_indicator_pages_say_they_are_forecasts(dbs, monkeypatch, page, params):
    run = run_public_page if page == "pages/indikator.py" else run_page
    at = run(page, dbs["with"], monkeypatch, **params)
    assert not at.exception, at.exception
    [caption] = [unescaped(c.value) for c in at.caption if "Prognos för helåret" in c.value]
    lines = [line.strip() for line in caption.splitlines()]
    assert lines[0] == (
        "Prognos för helåret 2024, gjord vid 2024 tertial 2 (jan–aug): 233,5\xa0poäng (Totalt) "
        "– Enligt vårterminens betyg"
    )
    assert lines[1] == (
        "Prognos för helåret 2024, gjord vid 2024 tertial 1 (jan–apr): 232,0\xa0poäng (Kvinnor)"
    )
    assert "räknas inte in i måluppfyllelsen" in lines[-1]
    assert "Källa: Kolada" not in caption


@pytest.mark.parametrize(
    ("row", "column", "said"),
    [("N15505;2024-T2;2024-T1;1;;", "period", '"2024-T2" är inget år'),
     ("N15505;2024;2023-T3;1;;", "made_in", '"2023-T3" ligger inte inom året 2024 före dess slut'),
     ("N15505;2024;2024;1;;", "made_in", '"2024" ligger inte inom året 2024 före dess slut'),
     ("OKAND;2024;2024-T1;1;;", "indicator_id", 'okänd indikator "OKAND"')],
)  # fmt: skip
def test_a_forecast_that_cannot_be_one_is_located(tmp_path, row, column, said):
    source = source_with(
        tmp_path, "indicator_id;period;made_in;value;gender;comment\n" + row + "\n"
    )
    with pytest.raises(InvalidInput) as error:
        build([source], tmp_path / "w.duckdb")
    [problem] = error.value.problems
    assert (problem.row, problem.column) == (2, column)
    assert problem.found.startswith(said)
