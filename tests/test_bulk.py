"""The fast path for an outcomes file (etl/bulk.py): it stores exactly what the row-by-row path
stores, and anything it is not sure of goes the row-by-row way, which names every problem."""

from __future__ import annotations

import contextlib
from pathlib import Path

import duckdb
import pytest

import warehouse
from etl import bulk
from etl.build import check, load_warehouse
from etl.problems import InvalidInput
from etl.schema import TABLES
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


# --- several outcome files --------------------------------------------------------------------


def split_sources(tmp_path: Path, outcomes: list[dict], *parts: slice) -> list[Path]:
    """The model with its outcomes, then a folder of outcomes for each further slice."""
    first, *rest = parts
    sources = [source_with(tmp_path, outcomes[first], "model")]
    for n, part in enumerate(rest, start=2):
        sources.append(write_csv_source(tmp_path / f"utfall-{n}", {"outcomes": outcomes[part]}))
    return sources


def test_several_outcome_files_take_the_fast_path_together(tmp_path):
    sources = split_sources(tmp_path, PLAIN, slice(0, 1), slice(1, 3), slice(3, 4))
    rows, fast = load(*sources)
    expected, odd_fast = load(source_with(tmp_path, ODD, "odd"))
    assert fast and not odd_fast
    assert rows == expected
    with duckdb.connect() as con:
        files, counts = load_warehouse(con, sources)
        stored = con.execute(
            "select source_path, count(*) from outcomes group by all order by all"
        ).fetchall()
    outcome_files = {f.path: f.rows for f in files if f.path.endswith("outcomes.csv")}
    assert outcome_files == {
        str(sources[0] / "outcomes.csv"): {"outcomes": 1},
        str(sources[1] / "outcomes.csv"): {"outcomes": 2},
        str(sources[2] / "outcomes.csv"): {"outcomes": 1},
    }
    assert stored == sorted((path, rows["outcomes"]) for path, rows in outcome_files.items())
    assert counts["outcomes"] == 4


def test_a_key_repeated_across_files_is_named_by_the_file_and_row_of_both(tmp_path):
    repeated = [*PLAIN, dict(PLAIN[1], value="7")]  # row 5 of the last file repeats row 2
    sources = split_sources(tmp_path, repeated, slice(0, 1), slice(1, 3), slice(3, 5))
    _, fast = load(sources[0], sources[2])
    assert fast  # without the middle file nothing repeats
    problems = problems_of(*sources)
    assert [(p.file, p.row) for p in problems] == [(str(sources[2] / "outcomes.csv"), 3)]
    first_at = f"{sources[1] / 'outcomes.csv'}, rad 2"
    assert f'"N15505 / 2024-T2 / 0180 / K" finns redan ({first_at})' in problems[0].found


def test_one_file_the_fast_path_declines_sends_every_outcome_file_row_by_row(tmp_path):
    outcomes = [*PLAIN[:3], ODD[3]]  # the last row has a decimal comma and spaces
    sources = split_sources(tmp_path, outcomes, slice(0, 2), slice(2, 3), slice(3, 4))
    rows, fast = load(*sources)
    expected, _ = load(source_with(tmp_path, PLAIN, "plain"))
    assert not fast and rows == expected


def test_blank_lines_keep_a_file_on_the_fast_path_and_other_encodings_leave_it(tmp_path):
    expected, _ = load(source_with(tmp_path, PLAIN, "plain"))
    blank = source_with(tmp_path, PLAIN, "blank")
    lines = (blank / "outcomes.csv").read_bytes().split(b"\r\n")
    (blank / "outcomes.csv").write_bytes(b"\r\n".join([*lines[:2], b"", *lines[2:], b""]))
    rows, fast = load(blank)
    assert fast and rows == expected
    windows = source_with(tmp_path, [dict(r, source="Län") for r in PLAIN], "windows")
    text = (windows / "outcomes.csv").read_text(encoding="utf-8")
    (windows / "outcomes.csv").write_bytes(text.encode("cp1252"))
    rows, fast = load(windows)
    assert not fast and [r[9] for r in rows] == ["Län"] * 4


def test_no_staging_step_runs_twice_when_the_fast_path_declines(tmp_path):
    sources = split_sources(tmp_path, [*PLAIN, PLAIN[0]], slice(0, 3), slice(3, 5))
    names = [f"etl/stage/{t}" for t in TABLES] + ["etl/macros"]
    # A traced script runs one statement at a time: a script ran when its first one did.
    with duckdb.connect() as con:
        first = {n: con.extract_statements(warehouse.sql(n))[0].query for n in names}
    ran: list[str] = []

    @contextlib.contextmanager
    def record(name: str, text: str):
        if first.get(name) == text:
            ran.append(name)
        yield

    with warehouse.traced(record), pytest.raises(InvalidInput):
        check(sources)  # the repeated key: the fast path declines, the check names it
    assert sorted(ran) == sorted(names)
