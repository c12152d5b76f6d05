"""The fast path for an outcomes file (etl/bulk.py): it stores exactly what the row-by-row path
stores, and anything it is not sure of goes the row-by-row way, which names every problem."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from etl import bulk
from etl.build import load_warehouse
from tests.conftest import minimal_tables, problems_of, write_csv_source, write_xlsx_source

OUTCOMES_IN_KEY_ORDER = (
    "select indicator_id, subject, gender, period, period_type, period_start, period_end, value, "
    "is_preliminary, source, extra from outcomes order by all"
)

# The same outcomes twice: as a machine-made extract writes them, and as a person in Swedish
# Excel might (decimal commas, spaces around cells, lower case, yes/no words, a period in
# lower case). Both are valid and must give the same warehouse rows.
PLAIN = [
    {"indicator_id": "N15505", "period": "2023", "value": "228.1", "subject": "0180",
     "gender": "T", "preliminary": "", "source": "Kolada"},
    {"indicator_id": "N15505", "period": "2024-T2", "value": "-1.5", "subject": "",
     "gender": "K", "preliminary": "ja", "source": ""},
    {"indicator_id": "N15505", "period": "2024", "value": "", "subject": "0000",
     "gender": "", "preliminary": "nej", "source": "SCB"},
    {"indicator_id": "N15505", "period": "2024", "value": "1234.5", "subject": "BUN",
     "gender": "M", "preliminary": "", "source": ""},
]  # fmt: skip
ODD = [
    {"indicator_id": " N15505", "period": "2023", "value": "228,1", "subject": "0180 ",
     "gender": "t", "preliminary": "", "source": " Kolada "},
    {"indicator_id": "N15505", "period": "2024-t2", "value": "\u22121,5", "subject": "",
     "gender": "k", "preliminary": "Ja", "source": ""},
    {"indicator_id": "N15505", "period": " 2024", "value": "  ", "subject": "0000",
     "gender": "", "preliminary": "NEJ", "source": "SCB"},
    {"indicator_id": "N15505", "period": "2024", "value": "1 234,5", "subject": "BUN",
     "gender": "M", "preliminary": "", "source": ""},
]  # fmt: skip


def load(*sources: Path) -> tuple[list[tuple], bool]:
    """The outcome rows a build stores (in key order), and whether the fast path stored them."""
    with duckdb.connect() as con:
        load_warehouse(con, list(sources))
        rows = con.execute(OUTCOMES_IN_KEY_ORDER).fetchall()
        [(staged,)] = con.execute("select count(*) from stg_outcomes").fetchall()
    return rows, staged == 0 and bool(rows)


def source_with(tmp_path: Path, outcomes: list[dict], name: str = "source") -> Path:
    tables = minimal_tables()
    tables["outcomes"] = outcomes
    return write_csv_source(tmp_path / name, tables)


def test_fast_and_row_by_row_paths_store_the_same_outcomes(tmp_path):
    fast_rows, fast = load(source_with(tmp_path, PLAIN, "plain"))
    odd_rows, odd_fast = load(source_with(tmp_path, ODD, "odd"))
    assert fast and not odd_fast
    assert fast_rows == odd_rows
    assert len(fast_rows) == 4
    # Spot checks against the format: default subject and gender, empty value kept missing.
    by_period = {(r[1], r[3]): r for r in fast_rows}
    defaulted = by_period["0180", "2024-T2"]  # subject and gender defaulted
    assert defaulted[2] == "K" and defaulted[7] == -1.5 and defaulted[8] is True
    missing = by_period["0000", "2024"]
    assert missing[2] == "T" and missing[7] is None and missing[8] is False


def test_fast_path_keeps_the_files_order_and_the_load_log_counts_its_rows(tmp_path):
    source = source_with(tmp_path, PLAIN)
    with duckdb.connect() as con:
        files, counts = load_warehouse(con, [source])
        order = con.execute("select subject, period from outcomes").fetchall()
    assert order == [("0180", "2023"), ("0180", "2024-T2"), ("0000", "2024"), ("BUN", "2024")]
    outcome_file = next(f for f in files if f.path.endswith("outcomes.csv"))
    assert outcome_file.rows == {"outcomes": 4} and counts["outcomes"] == 4


def test_a_header_only_file_loads_no_outcomes(tmp_path):
    source = source_with(tmp_path, [])
    (source / "outcomes.csv").write_text("indicator_id,period,value\n", encoding="utf-8")
    rows, _ = load(source)
    assert rows == []


@pytest.mark.parametrize(
    ("change", "row", "column", "found"),
    [
        ({"indicator_id": "U99999"}, 3, "indicator_id", 'okänd indikator "U99999"'),
        ({"indicator_id": ""}, 3, "indicator_id", "värde saknas"),
        ({"period": "2024-T4"}, 3, "period", '"2024-T4"'),
        ({"value": "nan"}, 3, "value", '"nan"'),
        ({"value": "inf"}, 3, "value", '"inf"'),
        ({"value": "mycket"}, 3, "value", '"mycket"'),
        ({"subject": "Skolan"}, 3, "subject", 'okänt subjekt "Skolan"'),
        ({"gender": "X"}, 3, "gender", 'okänt värde "X"'),
        ({"preliminary": "kanske"}, 3, "preliminary", '"kanske"'),
        ({"period": "2023", "subject": "0180", "gender": "T"}, 3, "indicator_id, period, "
         "subject, gender", "finns redan"),
    ],
)  # fmt: skip
def test_what_the_fast_path_refuses_is_reported_by_row_and_column(
    tmp_path, change, row, column, found
):
    outcomes = [dict(r) for r in PLAIN]
    outcomes[1] |= change  # file row 3
    source = source_with(tmp_path, outcomes)
    problems = problems_of(source)
    assert [(p.file, p.row, p.column) for p in problems] == [
        (str(source / "outcomes.csv"), row, column)
    ]
    assert found in problems[0].found


def test_a_row_with_too_many_fields_is_reported(tmp_path):
    source = source_with(tmp_path, PLAIN)
    text = (source / "outcomes.csv").read_text(encoding="utf-8")
    lines = text.splitlines()
    lines[2] += ",extra"
    (source / "outcomes.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = problems_of(source)
    assert [(p.row, p.found) for p in problems] == [(3, "raden har 8 fält")]


def test_outcomes_from_two_files_are_compared_row_by_row(tmp_path):
    first = source_with(tmp_path, PLAIN[:2], "first")
    second = write_csv_source(tmp_path / "second", {"outcomes": PLAIN[:1]})
    problems = problems_of(first, second)
    assert {(Path(p.file).parent.name, p.row) for p in problems} == {("second", 2)}
    assert "finns redan" in problems[0].found


def test_outcomes_in_a_workbook_beside_a_csv_file_are_compared_row_by_row(tmp_path):
    csv_source = source_with(tmp_path, PLAIN[:2])
    workbook = write_xlsx_source(tmp_path / "more.xlsx", {"outcomes": PLAIN[2:]})
    rows, fast = load(csv_source, workbook)
    assert not fast and len(rows) == 4


def test_a_model_too_large_for_the_key_bitmap_takes_the_row_by_row_path(tmp_path, monkeypatch):
    source = source_with(tmp_path, PLAIN)
    expected, fast = load(source)
    assert fast
    monkeypatch.setattr(bulk, "MAX_KEY_BITS", 2)
    rows, fast = load(source)
    assert not fast and rows == expected  # the rows the fast insert stored were removed


def test_rows_a_fast_load_stored_are_removed_when_a_later_check_fails(tmp_path):
    # Only the text around a source differs: the insert succeeds, the check after it does not,
    # and the row-by-row path then stores each row once (not once more beside the fast rows).
    expected, _ = load(source_with(tmp_path, PLAIN, "plain"))
    outcomes = [dict(r) for r in PLAIN]
    outcomes[0]["source"] = " Kolada "
    rows, fast = load(source_with(tmp_path, outcomes, "spaced"))
    assert not fast and rows == expected
