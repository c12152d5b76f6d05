"""Validation: every class of problem, located the way the user sees the file, all in one run.

Each test breaks a valid source in one way and asserts where the problem is reported (file,
sheet, row with the header as row 1, column) and that ``found``/``expected`` are specific.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from etl.build import build
from etl.problems import InvalidInput, Problem
from tests.conftest import (
    ROOT,
    Tables,
    build_ok,
    minimal_tables,
    problems_of,
    warehouse_rows,
    write_csv_source,
    write_xlsx_source,
)


def csv_source(tmp_path: Path, tables: Tables, name: str = "src") -> Path:
    return write_csv_source(tmp_path / name, tables, ";")


def located(problems: list[Problem]) -> list[tuple]:
    """Where each problem is: (file, sheet, row, column)."""
    return [(p.file, p.sheet, p.row, p.column) for p in problems]


def the_problem(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


# --- headers and tables ----------------------------------------------------------------------


def test_unknown_column_is_named_and_x_columns_are_not(tmp_path):
    tables = minimal_tables()
    tables["goals"][2].update(colour="röd", x_färg="grön")
    source = write_xlsx_source(tmp_path / "källa.xlsx", tables)
    problem = the_problem(problems_of(source))
    assert located([problem]) == [(str(source), "goals", 1, "colour")]
    assert "'colour'" in problem.found
    assert "goal_id" in problem.expected and "x_" in problem.expected


def test_unknown_table_name_csv_and_xlsx_sheet(tmp_path):
    tables = minimal_tables()
    tables["Mål"] = [{"goal_id": "X"}]
    tables["x_anteckningar"] = [{"text": "ignoreras"}]
    workbook = write_xlsx_source(tmp_path / "src.xlsx", tables)
    folder = csv_source(tmp_path, {"utfall": [{"indicator_id": "N15505"}]}, "extra")
    problems = problems_of(workbook, folder)
    assert located(problems) == [
        (str(folder / "utfall.csv"), None, None, None),
        (str(workbook), "Mål", None, None),
    ]
    assert "'utfall'" in problems[0].found and "outcomes" in problems[0].expected
    assert "bladet" in problems[1].found and "'Mål'" in problems[1].found


def test_missing_required_column(tmp_path):
    tables = minimal_tables()
    for row in tables["outcomes"]:
        del row["period"]
    source = csv_source(tmp_path, tables)
    problem = the_problem(problems_of(source))
    assert located([problem]) == [(str(source / "outcomes.csv"), None, 1, "period")]
    assert "saknas" in problem.found and "period" in problem.expected


def test_missing_required_column_in_goals_is_reported_on_the_header(tmp_path):
    tables = minimal_tables()
    for row in tables["goals"]:
        del row["level"]
    source = csv_source(tmp_path, tables)
    problems = problems_of(source)
    assert (str(source / "goals.csv"), None, 1, "level") in located(problems)


def test_csv_row_with_wrong_number_of_fields(tmp_path):
    source = csv_source(tmp_path, minimal_tables(without=("outcomes",)))
    (source / "outcomes.csv").write_text(
        "indicator_id;period;value\r\n"
        "N15505;2022;1\r\n"
        "N15505;2023;228,1;extra\r\n"
        "N15505;2024\r\n"
        "N15505;2021;3\r\n",
        encoding="utf-8",
    )
    problems = problems_of(source)
    file = str(source / "outcomes.csv")
    assert located(problems) == [(file, None, 3, None), (file, None, 4, None)]
    assert [(p.found, p.expected) for p in problems] == [
        ("raden har 4 fält", "3 fält som rubrikraden"),
        ("raden har 2 fält", "3 fält som rubrikraden"),
    ]


# --- cells -----------------------------------------------------------------------------------


def test_missing_required_values(tmp_path):
    tables = minimal_tables()
    tables["goals"][2]["title"] = ""
    tables["outcomes"][1]["indicator_id"] = "   "  # only spaces is empty too
    source = csv_source(tmp_path, tables)
    problems = problems_of(source)
    assert located(problems) == [
        (str(source / "goals.csv"), None, 4, "title"),
        (str(source / "outcomes.csv"), None, 3, "indicator_id"),
    ]
    assert all("saknas" in p.found and "obligatorisk" in p.expected for p in problems)


def test_unknown_enum_values(tmp_path):
    tables = minimal_tables()
    tables["goals"][2]["level"] = "delmål"
    tables["outcomes"][0]["gender"] = "X"
    source = write_xlsx_source(tmp_path / "src.xlsx", tables)
    problems = problems_of(source)
    assert located(problems) == [
        (str(source), "goals", 4, "level"),
        (str(source), "outcomes", 2, "gender"),
    ]
    assert '"delmål"' in problems[0].found and "nämndmål" in problems[0].expected
    assert '"X"' in problems[1].found and "K" in problems[1].expected


def test_malformed_periods(tmp_path):
    tables = minimal_tables()
    bad = ["2024-13", "2024-T4", "24", "2024/05"]
    tables["outcomes"] = [
        {"indicator_id": "N15505", "period": period, "value": "1"} for period in bad
    ]
    tables["targets"][0]["period"] = "2024-Q5"
    source = csv_source(tmp_path, tables)
    problems = problems_of(source)
    outcomes, targets = str(source / "outcomes.csv"), str(source / "targets.csv")
    assert located(problems) == [
        (outcomes, None, 2, "period"),
        (outcomes, None, 3, "period"),
        (outcomes, None, 4, "period"),
        (outcomes, None, 5, "period"),
        (targets, None, 2, "period"),
    ]
    assert [p.found for p in problems] == [f'"{p}"' for p in [*bad, "2024-Q5"]]
    assert all("2024-T2" in p.expected for p in problems)


def test_non_numeric_numbers(tmp_path):
    tables = minimal_tables()
    tables["outcomes"][0]["value"] = "12,5,3"
    tables["outcomes"][1]["value"] = "n/a"
    tables["targets"][0]["value"] = "hög"
    tables["goals"][2]["weight"] = "0"  # weight must be > 0
    source = csv_source(tmp_path, tables)
    problems = problems_of(source)
    assert located(problems) == [
        (str(source / "goals.csv"), None, 4, "weight"),
        (str(source / "outcomes.csv"), None, 2, "value"),
        (str(source / "outcomes.csv"), None, 3, "value"),
        (str(source / "targets.csv"), None, 2, "value"),
    ]
    assert [p.found for p in problems] == ['"0"', '"12,5,3"', '"n/a"', '"hög"']
    assert "större än 0" in problems[0].expected
    assert all("tal" in p.expected for p in problems)


def test_bad_agenda2030_code(tmp_path):
    tables = minimal_tables()
    tables["goals"][2]["agenda2030"] = "4;18"
    source = csv_source(tmp_path, tables)
    problem = the_problem(problems_of(source))
    assert located([problem]) == [(str(source / "goals.csv"), None, 4, "agenda2030")]
    assert "18" in problem.found and "4.1" in problem.expected


def test_valid_from_after_valid_to(tmp_path):
    tables = minimal_tables()
    tables["goals"][1].update(valid_from="2027", valid_to="2023")
    source = csv_source(tmp_path, tables)
    problem = the_problem(problems_of(source))
    assert located([problem]) == [(str(source / "goals.csv"), None, 3, "valid_from")]
    assert "2027" in problem.found and "2023" in problem.found


# --- keys and references ---------------------------------------------------------------------


def test_duplicate_ids_in_a_sheet(tmp_path):
    tables = minimal_tables()
    tables["goals"].append({"goal_id": "N1", "title": "Dubblett", "level": "nämndmål"})
    source = write_xlsx_source(tmp_path / "src.xlsx", tables)
    problem = the_problem(problems_of(source))
    assert located([problem]) == [(str(source), "goals", 5, "goal_id")]
    assert '"N1"' in problem.found and "blad goals, rad 4" in problem.found
    assert "unik" in problem.expected


def test_duplicate_key_across_two_sources(tmp_path):
    first = csv_source(tmp_path, minimal_tables())
    second = tmp_path / "more" / "outcomes.csv"
    second.parent.mkdir()
    second.write_text("indicator_id,period,value\r\nN15505,2021,1\r\nN15505,2024,2\r\n", "utf-8")
    problem = the_problem(problems_of(first, second))
    rows = {str(first / "outcomes.csv"): str(second), str(second): str(first / "outcomes.csv")}
    # Reported on one of the two rows (row 3 in both files), naming the other one.
    assert located([problem]) == [(problem.file, None, 3, "indicator_id, period, subject, gender")]
    assert problem.file in rows
    assert "N15505 / 2024 / 0180 / T" in problem.found
    assert f"{rows[problem.file]}, rad 3" in problem.found


def test_references_to_unknown_goals_indicators_and_organisations(tmp_path):
    tables = minimal_tables()
    tables["goals"][2]["responsible"] = "BUN;SN"
    tables["goals"][1]["parent_ids"] = "V;O9"
    tables["organisation"][1]["parent_id"] = "KS"
    tables["goal_indicators"].append({"goal_id": "N7", "indicator_id": "N15505"})
    tables["outcomes"][0]["indicator_id"] = "U99999"
    tables["outcomes"] += [
        {"indicator_id": "N15505", "period": "2024", "value": "1", "subject": subject}
        for subject in ("0000", "0001", "G12345", "BUN", "Skolan")  # only the last is unknown
    ]
    tables["assessments"] = [
        {"goal_id": "N1", "period": "2024", "status": "delvis", "assessed_by": "ÄLN"}
    ]
    source = csv_source(tmp_path, tables)
    problems = problems_of(source)
    assert [(Path(p.file).name, p.row, p.column, p.found) for p in problems] == [
        ("assessments.csv", 2, "assessed_by", 'okänd organisation "ÄLN"'),
        ("goal_indicators.csv", 3, "goal_id", 'okänt mål "N7"'),
        ("goals.csv", 3, "parent_ids", 'okänt mål "O9"'),
        ("goals.csv", 4, "responsible", 'okänd organisation "SN"'),
        ("organisation.csv", 3, "parent_id", 'okänd organisation "KS"'),
        ("outcomes.csv", 2, "indicator_id", 'okänd indikator "U99999"'),
        ("outcomes.csv", 8, "subject", 'okänt subjekt "Skolan"'),
    ]
    assert all(p.file.startswith(str(source)) for p in problems)
    assert "organisation" in problems[0].expected and "goals" in problems[1].expected


def test_target_for_an_indicator_not_linked_to_the_goal(tmp_path):
    tables = minimal_tables()
    tables["indicators"].append({"indicator_id": "U1", "title": "Nöjdhet", "direction": "higher"})
    tables["targets"].append(
        {"goal_id": "N1", "indicator_id": "U1", "period": "2024", "comparator": ">=", "value": "80"}
    )
    source = csv_source(tmp_path, tables)
    problem = the_problem(problems_of(source))
    assert located([problem]) == [(str(source / "targets.csv"), None, 3, "indicator_id")]
    assert '"U1"' in problem.found and '"N1"' in problem.found
    assert "goal_indicators" in problem.expected


# --- the goal chain ---------------------------------------------------------------------------


def test_cycles_in_the_goal_chain_name_every_goal(tmp_path):
    tables = minimal_tables()
    tables["goals"] += [
        {"goal_id": "C", "title": "c", "level": "nämndmål", "parent_ids": "A"},
        {"goal_id": "B", "title": "b", "level": "nämndmål", "parent_ids": "C"},
        {"goal_id": "A", "title": "a", "level": "nämndmål", "parent_ids": "B;K1"},
        {"goal_id": "S", "title": "s", "level": "verksamhetsmål", "parent_ids": "S"},
    ]
    source = csv_source(tmp_path, tables)
    problems = problems_of(source)
    goals = str(source / "goals.csv")
    # Each cycle once, on the row of its smallest goal_id.
    assert located(problems) == [(goals, None, 7, "parent_ids"), (goals, None, 8, "parent_ids")]
    assert "A → B → C → A" in problems[0].found
    assert "S → S" in problems[1].found
    assert all("cirkel" in p.found for p in problems)


def test_goal_under_a_goal_of_a_lower_level(tmp_path):
    tables = minimal_tables()
    tables["goals"].append(
        {"goal_id": "N2", "title": "Annat", "level": "nämndmål", "parent_ids": "V"}
    )
    tables["goals"][1]["parent_ids"] = "V;N2"  # K1 is a kf-mål
    source = csv_source(tmp_path, tables)
    problem = the_problem(problems_of(source))
    assert located([problem]) == [(str(source / "goals.csv"), None, 3, "parent_ids")]
    assert "kf-mål" in problem.found and '"N2"' in problem.found and "nämndmål" in problem.found
    assert "nivån kf-mål eller högre" in problem.expected


# --- targets and settings --------------------------------------------------------------------


def test_comparators_without_the_numbers_they_need(tmp_path):
    tables = minimal_tables()
    tables["targets"] = [
        {"goal_id": "N1", "indicator_id": "N15505", "period": "2022", "comparator": "between",
         "low": "220"},
        {"goal_id": "N1", "indicator_id": "N15505", "period": "2023", "comparator": "between"},
        {"goal_id": "N1", "indicator_id": "N15505", "period": "2024", "comparator": ">="},
        {"goal_id": "N1", "indicator_id": "N15505", "period": "2025", "comparator": "between",
         "low": "240", "high": "230"},
    ]  # fmt: skip
    source = csv_source(tmp_path, tables)
    problems = problems_of(source)
    targets = str(source / "targets.csv")
    assert located(problems) == [
        (targets, None, 2, "high"),
        (targets, None, 3, "low"),
        (targets, None, 4, "value"),
        (targets, None, 5, "low"),
    ]
    assert problems[0].found == "between utan high"
    assert problems[1].found == "between utan low och high"
    assert ">=" in problems[2].found
    assert "240" in problems[3].found and "230" in problems[3].found


def test_better_than_needs_a_reference_area_and_a_direction(tmp_path):
    tables = minimal_tables()
    tables["indicators"].append({"indicator_id": "ANTAL", "title": "Antal", "direction": "neutral"})
    tables["goal_indicators"].append({"goal_id": "N1", "indicator_id": "ANTAL"})
    target = {"goal_id": "N1", "indicator_id": "N15505", "comparator": "better_than"}
    tables["targets"] += [
        {**target, "period": "2021"},  # no subject: the municipality itself
        {**target, "period": "2022", "subject": "0180"},  # the municipality, written out
        {**target, "period": "2023", "subject": "BUN"},  # a unit, not an area
        {**target, "period": "2025", "subject": "0000"},  # riket: fine
        {**target, "period": "2025", "subject": "G114798"},  # a Kolada group: fine
        {**target, "period": "2025", "subject": "0001"},  # a län: fine
        {**target, "indicator_id": "ANTAL", "period": "2024", "subject": "0000"},
    ]
    source = csv_source(tmp_path, tables)
    problems = problems_of(source)
    targets = str(source / "targets.csv")
    assert located(problems) == [
        (targets, None, 3, "subject"),
        (targets, None, 4, "subject"),
        (targets, None, 5, "subject"),
        (targets, None, 9, "comparator"),
    ]
    assert problems[0].found == "better_than utan jämförelseområde"
    assert problems[1].found == 'better_than jämför kommunen med "0180"'
    assert problems[2].found == 'better_than jämför kommunen med "BUN"'
    assert "riket (0000)" in problems[0].expected and "Kolada-grupp" in problems[0].expected
    assert '"ANTAL"' in problems[3].found and "neutral" in problems[3].found
    assert "higher eller lower" in problems[3].expected


def test_settings_without_municipality_code(tmp_path):
    tables = minimal_tables()
    tables["settings"] = [{"key": "municipality_name", "value": "Testkommun"}]
    source = write_xlsx_source(tmp_path / "src.xlsx", tables)
    problem = the_problem(problems_of(source))
    assert located([problem]) == [(str(source), "settings", None, "key")]
    assert "municipality_code" in problem.found and "fyra siffror" in problem.expected


def test_municipality_code_must_be_four_digits(tmp_path):
    tables = minimal_tables()
    tables["settings"][0]["value"] = "180"
    source = csv_source(tmp_path, tables)
    problem = the_problem(problems_of(source))
    assert located([problem]) == [(str(source / "settings.csv"), None, 2, "value")]
    assert '"180"' in problem.found and "0180" in problem.expected


@pytest.mark.parametrize(
    ("written", "stored"),
    [("CC BY 4.0", "CC BY 4.0"), ("cc-by-sa-4.0", "CC BY-SA 4.0"), (" CC0_1.0 ", "CC0 1.0")],
)
def test_licence_is_one_of_the_licences_stored_as_the_format_writes_it(tmp_path, written, stored):
    tables = minimal_tables()
    tables["settings"].append({"key": "licence", "value": written})
    db = build_ok(tmp_path, csv_source(tmp_path, tables))
    assert warehouse_rows(db, "select value from settings where key = 'licence'") == [(stored,)]


@pytest.mark.parametrize("written", ["MIT", "CC BY-NC 4.0", "CC BY", "fri"])
def test_any_other_licence_is_a_problem_naming_the_licences(tmp_path, written):
    tables = minimal_tables()
    tables["settings"].append({"key": "Licence", "value": written})
    source = csv_source(tmp_path, tables)
    problem = the_problem(problems_of(source))
    assert located([problem]) == [(str(source / "settings.csv"), None, 4, "value")]
    assert problem.found == f'licence = "{written}"'
    assert problem.expected == "en av: CC BY 4.0, CC BY-SA 4.0, CC0 1.0"


# --- all at once -----------------------------------------------------------------------------


def test_every_problem_is_listed_in_one_run(tmp_path):
    tables = minimal_tables()
    tables["goals"][2]["level"] = "delmål"
    tables["goals"][1]["valid_from"] = "tjugo"
    tables["organisation"][1]["type"] = "nämnden"
    tables["indicators"][0]["direction"] = "upp"
    tables["outcomes"][0]["period"] = "2023-T9"
    tables["outcomes"][1]["value"] = "mycket"
    tables["targets"][0]["comparator"] = "between"
    workbook = write_xlsx_source(tmp_path / "model.xlsx", tables)
    extra = csv_source(
        tmp_path,
        {"outcomes": [{"indicator_id": "N15505", "period": "2025", "value": "1", "färg": "blå"}]},
        "extra",
    )
    problems = problems_of(workbook, extra)
    assert located(problems) == [
        (str(extra / "outcomes.csv"), None, 1, "färg"),
        (str(workbook), "goals", 3, "valid_from"),
        (str(workbook), "goals", 4, "level"),
        (str(workbook), "indicators", 2, "direction"),
        (str(workbook), "organisation", 3, "type"),
        (str(workbook), "outcomes", 2, "period"),
        (str(workbook), "outcomes", 3, "value"),
        (str(workbook), "targets", 2, "low"),
    ]


# --- the command line ------------------------------------------------------------------------


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "etl", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_invalid_build_exits_2_and_leaves_the_warehouse_untouched(tmp_path):
    db = build_ok(tmp_path, csv_source(tmp_path, minimal_tables(), "good"))
    before = db.read_bytes()
    tables = minimal_tables()
    tables["goals"][2]["level"] = "delmål"
    tables["outcomes"][1]["value"] = "x"
    bad = csv_source(tmp_path, tables, "bad")

    result = run_cli("build", str(bad), "--db", str(db))

    assert result.returncode == 2, result.stderr
    assert f"{bad / 'goals.csv'}, rad 4, kolumn level" in result.stderr
    assert f"{bad / 'outcomes.csv'}, rad 3, kolumn value" in result.stderr
    assert "2 problem" in result.stderr
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["warehouse.duckdb"]
    assert warehouse_rows(db, "select goal_id, level from goals order by goal_id") == [
        ("K1", "kf-mål"),
        ("N1", "nämndmål"),
        ("V", "vision"),
    ]


def test_invalid_build_in_process_raises_and_keeps_the_old_warehouse(tmp_path):
    db = build_ok(tmp_path, csv_source(tmp_path, minimal_tables(), "good"))
    before = db.read_bytes()
    tables = minimal_tables()
    tables["settings"] = []
    bad = write_xlsx_source(tmp_path / "bad.xlsx", tables)
    with pytest.raises(InvalidInput) as raised:
        build([bad], db)
    # No settings table at all: there is no file to point at, only the missing key.
    assert [(p.row, p.column, p.found) for p in raised.value.problems] == [
        (None, "key", "municipality_code saknas")
    ]
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == [
        "bad.xlsx",
        "warehouse.duckdb",
    ]


def test_cli_check_of_a_valid_source(tmp_path, valid_xlsx_source):
    result = run_cli("check", str(valid_xlsx_source))
    assert result.returncode == 0, result.stderr
    assert "Inga problem" in result.stdout
    assert result.stderr == ""
    assert list(tmp_path.glob("*.duckdb")) == []


def test_cli_check_of_an_invalid_source_exits_2(tmp_path):
    tables = minimal_tables()
    tables["goals"][2]["parent_ids"] = "K9"
    source = csv_source(tmp_path, tables)
    result = run_cli("check", "--quiet", str(source))
    assert result.returncode == 2
    assert result.stdout == ""
    assert f"{source / 'goals.csv'}, rad 4, kolumn parent_ids" in result.stderr
    assert 'okänt mål "K9"' in result.stderr


def test_cli_help():
    for args in (["--help"], ["check", "--help"], ["build", "--help"]):
        result = run_cli(*args)
        assert result.returncode == 0, result.stderr
        assert "usage: python -m etl" in result.stdout
    assert "--db" in run_cli("build", "--help").stdout


# --- files that cannot be read as tables -----------------------------------------------------


def test_bytes_that_are_neither_utf8_nor_windows_1252(tmp_path):
    source = csv_source(tmp_path, minimal_tables(without=("outcomes",)))
    # 0x81 is undefined in Windows-1252 and invalid as UTF-8.
    (source / "outcomes.csv").write_bytes(b"indicator_id;period;value\nI1;2024;1\x81\n")
    problem = the_problem(problems_of(source))
    assert located([problem]) == [(str(source / "outcomes.csv"), None, None, None)]
    assert "0x81" in problem.found and "Windows-1252" in problem.expected


def test_xlsx_sheet_with_an_empty_first_row_is_not_skipped_silently(tmp_path):
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "outcomes"
    sheet.append([])  # the header sits on row 2, where nobody will look for it
    sheet.append(["indicator_id", "period", "value"])
    sheet.append(["I1", "2024", 1])
    path = tmp_path / "utfall.xlsx"
    workbook.save(path)
    source = csv_source(tmp_path, minimal_tables(without=("outcomes",)))
    problem = the_problem(problems_of(source, path))
    assert located([problem]) == [(str(path), "outcomes", 1, None)]
    assert "rad 1 är tom" in problem.found
