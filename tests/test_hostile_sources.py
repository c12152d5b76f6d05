"""Files as analysts' tools and habits make them, and files made to break the reader.

Each test writes a real file, runs the command line's own function (``etl.__main__.main``, or
the command itself where time and memory are measured) and asserts the exit status 2, the one
Swedish message with its file, sheet, row and column, and that nothing follows from it.
"""

from __future__ import annotations

import csv
import shutil
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from etl.__main__ import main
from tests.conftest import ROOT, minimal_tables, write_csv_source, write_xlsx_source
from tools import measure

EXAMPLE = ROOT / "data" / "example"


def run(capsys, *args: str | Path) -> tuple[int, list[str]]:
    """The exit status of ``python -m etl`` and its problem lines (the count line removed)."""
    code = main([str(a) for a in args])
    lines = capsys.readouterr().err.splitlines()
    if code == 2:
        assert lines[-1].startswith(f"{len(lines) - 1} problem hittades")
        lines = lines[:-1]
    return code, lines


def the_line(capsys, *sources: Path) -> str:
    code, lines = run(capsys, "check", "--quiet", *sources)
    assert code == 2
    assert len(lines) == 1, "\n".join(lines[:20])
    return lines[0]


def example_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "modell"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("*.md"))
    return folder


def rows_of(path: Path) -> list[list[str]]:
    return list(csv.reader(path.open(encoding="utf-8", newline="")))


def write_rows(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def patched_xlsx(source: Path, target: Path, old: bytes, new: bytes) -> Path:
    """A copy of a workbook with bytes of its sheets' XML replaced (what openpyxl won't write)."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = data.replace(old, new)
            out.writestr(item, data)
    return target


# --- Excel habits ----------------------------------------------------------------------------


def test_a_title_row_above_the_header_of_a_csv_file_is_one_message(tmp_path, capsys):
    folder = example_copy(tmp_path)
    outcomes = folder / "outcomes.csv"
    outcomes.write_text("Utfall 2017–2024;;;\n" + outcomes.read_text("utf-8"), "utf-8")
    line = the_line(capsys, folder)  # was one message per row: 2 450
    assert line.startswith(
        f"{outcomes}, rad 1: rad 1 är inte rubrikraden: kolumnnamnen står på rad 2"
    )
    assert "rubrikraden på rad 1" in line


def test_a_title_and_a_blank_row_above_the_header_of_a_sheet(tmp_path, capsys):
    workbook = write_xlsx_source(tmp_path / "modell.xlsx", minimal_tables())
    book = openpyxl.load_workbook(workbook)
    book["goals"].insert_rows(1, 2)
    book["goals"]["A1"] = "Mål 2024–2026, antagna av kommunfullmäktige"
    book.save(workbook)
    line = the_line(capsys, workbook)  # the goals' references follow from it: none reported
    assert line.startswith(
        f"{workbook}, blad goals, rad 1: rad 1 är inte rubrikraden: kolumnnamnen står på rad 3"
    )


def test_a_utf16_csv_file_is_named_as_utf16_with_nothing_following(tmp_path, capsys):
    folder = example_copy(tmp_path)
    goals = folder / "goals.csv"
    goals.write_bytes(goals.read_text("utf-8").encode("utf-16"))  # Excel's "Unicode-text"
    line = the_line(capsys, folder)  # was 1 143 lines: every reference to a goal
    assert line.startswith(f"{goals}: filen är kodad som UTF-16")
    assert "UTF-8" in line


def test_utf16_without_a_byte_order_mark_zip_and_binary_files_are_named(tmp_path, capsys):
    source = write_csv_source(tmp_path / "src", minimal_tables(without=("outcomes",)), ";")
    outcomes = source / "outcomes.csv"
    text = "indicator_id;period;value\nN15505;2024;1\n"
    cases = [
        (text.encode("utf-16-le"), "filen är kodad som UTF-16"),
        (text.encode("utf-32"), "filen är kodad som UTF-32"),
        (b"PK\x03\x04" + bytes(200), "filen är en zip-fil"),  # an .xlsx renamed
        (b"indicator_id;period;value\nN15505;2024;1\x00\x00\n", "filen innehåller nolltecken"),
    ]
    for data, found in cases:
        outcomes.write_bytes(data)
        assert f"{outcomes}: {found}" in the_line(capsys, source)


def test_an_excel_date_in_a_period_column_hints_to_format_it_as_text(tmp_path, capsys):
    import datetime as dt

    tables = minimal_tables()
    tables["outcomes"][1]["period"] = dt.datetime(2024, 5, 1)  # "2024-05" typed in a general cell
    workbook = write_xlsx_source(tmp_path / "modell.xlsx", tables)
    line = the_line(capsys, workbook)
    assert line.startswith(f'{workbook}, blad outcomes, rad 3, kolumn period: "2024-05-01" – ')
    assert "cellen är ett datum" in line and "Formatera kolumnen som Text" in line


def test_a_period_that_is_no_date_gets_no_date_hint(tmp_path, capsys):
    tables = minimal_tables()
    tables["outcomes"][1]["period"] = "2024-T4"
    line = the_line(capsys, write_csv_source(tmp_path / "src", tables))
    assert line.endswith("t.ex. 2024-T2")


@pytest.mark.parametrize(
    ("table", "column", "written", "meant"),
    [
        ("targets", "goal_id", "n1", "N1"),  # case
        ("outcomes", "indicator_id", "N15055", "N15505"),  # two digits swapped
        ("goals", "responsible", "BUNN", "BUN"),  # one letter too many
    ],
)
def test_an_unknown_id_close_to_a_known_one_asks_menade_du(
    tmp_path, capsys, table, column, written, meant
):
    tables = minimal_tables()
    tables[table][-1][column] = written
    source = write_csv_source(tmp_path / "src", tables)
    line = the_line(capsys, source)
    assert f"kolumn {column}: " in line and f'"{written}" (menade du {meant}?) – ' in line


def test_an_unknown_id_far_from_every_known_one_suggests_nothing(tmp_path, capsys):
    tables = minimal_tables()
    tables["targets"][0]["goal_id"] = "Kunskapsmålet"
    line = the_line(capsys, write_csv_source(tmp_path / "src", tables))
    assert 'okänt mål "Kunskapsmålet" – förväntat' in line and "menade du" not in line


def test_a_misspelt_allowed_value_asks_menade_du(tmp_path, capsys):
    tables = minimal_tables()
    tables["goals"][2]["level"] = "nämdmål"
    source = write_csv_source(tmp_path / "src", tables)
    line = the_line(capsys, source)
    assert line.startswith(f"{source / 'goals.csv'}, rad 4, kolumn level: okänt värde ")
    assert '"nämdmål" (menade du nämndmål?) – förväntat: ett av: vision' in line


def test_unknown_columns_and_tables_ask_menade_du(tmp_path, capsys):
    tables = minimal_tables()
    for row in tables["goals"]:
        row["Agenda_2030"] = ""
    tables["goal"] = tables.pop("goal_indicators")
    source = write_csv_source(tmp_path / "src", tables)
    code, lines = run(capsys, "check", "--quiet", source)
    assert code == 2
    assert any("okänd kolumn 'Agenda_2030' (menade du agenda2030?)" in line for line in lines)
    assert any("okänd tabell: filen heter 'goal' (menade du goals?)" in line for line in lines)


def test_a_missing_required_column_is_one_message_not_every_reference(tmp_path, capsys):
    folder = example_copy(tmp_path)
    goals = folder / "goals.csv"
    write_rows(goals, [row[1:] for row in rows_of(goals)])  # goal_id removed
    line = the_line(capsys, folder)  # was 1 132 lines
    assert line == (
        f"{goals}, rad 1, kolumn goal_id: obligatorisk kolumn saknas – förväntat: en kolumn med "
        "rubriken goal_id"
    )


def test_a_refused_organisation_and_settings_file_leave_no_follow_on_messages(tmp_path, capsys):
    folder = example_copy(tmp_path)
    (folder / "organisation.csv").write_text("org_id,namn\nKF,Kommunfullmäktige\n", "utf-8")
    (folder / "settings.csv").write_bytes("key,value\nmunicipality_code,9999\n".encode("utf-16"))
    code, lines = run(capsys, "check", "--quiet", folder)
    assert code == 2
    assert [line.split(":")[0] for line in lines] == [
        f"{folder / 'organisation.csv'}, rad 1, kolumn name",
        f"{folder / 'organisation.csv'}, rad 1, kolumn namn",
        f"{folder / 'organisation.csv'}, rad 1, kolumn type",
        str(folder / "settings.csv"),
    ]
    assert "okänd kolumn 'namn' (menade du name?)" in lines[1]


# --- numbers that are not what they look like ------------------------------------------------


@pytest.mark.parametrize(
    ("decimals", "expected"),
    [
        ("1e308", '"1e308" – förväntat: ett heltal'),  # was a traceback (bigint overflow)
        ("1e20", '"1e20" – förväntat: ett heltal'),  # was a traceback
        ("-5", "-5 decimaler – förväntat: ett heltal från 0 till 6"),  # was accepted
        ("100000", "100000 decimaler – förväntat: ett heltal från 0 till 6"),  # was accepted
    ],
)
def test_decimals_that_overflow_or_make_no_sense(tmp_path, capsys, decimals, expected):
    tables = minimal_tables()
    tables["indicators"][0]["decimals"] = decimals
    source = write_csv_source(tmp_path / "src", tables)
    line = the_line(capsys, source)
    assert line == f"{source / 'indicators.csv'}, rad 2, kolumn decimals: {expected}"


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("max_outcome_age_years", "1e20", "ett tal från 0 till 100"),  # was a traceback in build
        ("min_coverage", "1e308", "ett tal mellan 0 och 1"),
    ],
)
def test_settings_numbers_that_overflow_stop_the_build(tmp_path, capsys, key, value, expected):
    tables = minimal_tables()
    tables["settings"].append({"key": key, "value": value})
    source = write_csv_source(tmp_path / "src", tables)
    db = tmp_path / "lager.duckdb"
    code, lines = run(capsys, "build", "--quiet", "--db", db, source)
    assert code == 2 and not db.exists()
    assert lines == [
        f'{source / "settings.csv"}, rad 4, kolumn value: {key} = "{value}" – förväntat: {expected}'
    ]


def test_an_underscore_in_a_number_is_refused_on_the_fast_path_too(tmp_path, capsys):
    folder = example_copy(tmp_path)
    outcomes = folder / "outcomes.csv"
    rows = rows_of(outcomes)
    rows[1][2] = "1_000"  # DuckDB's reader would read 1000
    write_rows(outcomes, rows)
    assert the_line(capsys, folder) == (
        f'{outcomes}, rad 2, kolumn value: "1_000" – förväntat: ett tal, t.ex. 12,5'
    )


def test_an_underscore_in_a_number_is_refused_row_by_row(tmp_path, capsys):
    tables = minimal_tables()
    tables["goal_indicators"][0]["weight"] = "1_5"
    source = write_csv_source(tmp_path / "src", tables, ";")
    assert the_line(capsys, source).endswith(
        'kolumn weight: "1_5" – förväntat: ett tal större än 0'
    )


def test_nan_and_infinity_in_a_workbook_are_located(tmp_path, capsys):
    tables = minimal_tables()
    tables["outcomes"][0]["value"] = 111.25
    tables["outcomes"][1]["value"] = 222.25
    plain = write_xlsx_source(tmp_path / "plain.xlsx", tables)
    nan = patched_xlsx(plain, tmp_path / "nan.xlsx", b"<v>222.25</v>", b"<v>NaN</v>")
    assert the_line(capsys, nan) == (  # was a traceback from openpyxl
        f'{nan}, blad outcomes, rad 3: en talcell har värdet "NaN" – förväntat: ett tal eller en '
        "tom cell"
    )
    inf = patched_xlsx(plain, tmp_path / "inf.xlsx", b"<v>111.25</v>", b"<v>1e999</v>")
    assert the_line(capsys, inf) == (
        f'{inf}, blad outcomes, rad 2, kolumn C: talet "inf" – förväntat: ett tal eller en tom cell'
    )


# --- sizes -----------------------------------------------------------------------------------


def test_a_200_kb_cell_is_located_whether_duckdb_or_python_reads_the_file(tmp_path, capsys):
    tables = minimal_tables()
    tables["goals"][1]["title"] = "Kunskap " * 25_000  # 200 000 characters
    utf8 = write_csv_source(tmp_path / "utf8", tables, ";")
    # Windows-1252 ("Fler behöriga") goes through Python's csv module first, whose own limit
    # is 128 KiB.
    cp1252 = write_csv_source(tmp_path / "cp1252", tables, ";", encoding="cp1252")
    for source in (utf8, cp1252):
        line = the_line(capsys, source)
        assert line == (
            f"{source / 'goals.csv'}, rad 3, kolumn title: cellen har 199999 tecken – förväntat: "
            "högst 32 767 tecken (Excels gräns för en cell)"
        )


def test_a_field_longer_than_any_line_is_located(tmp_path, capsys):
    source = write_csv_source(tmp_path / "src", minimal_tables(without=("outcomes",)))
    outcomes = source / "outcomes.csv"
    # Blank lines send the file through Python's csv module, whose limit is now DuckDB's.
    outcomes.write_text("indicator_id,period,value\n\nN15505,2024," + "9" * 2_100_000 + "\n")
    assert the_line(capsys, source).startswith(f"{outcomes}, rad 3: ett fält är för långt")
    outcomes.write_text("indicator_id,period,value\nN15505,2024," + "9" * 2_100_000 + "\n")
    assert the_line(capsys, source).startswith(f"{outcomes}, rad 2: raden kan inte läsas som CSV")


def test_a_header_wider_than_a_sheet_is_refused_at_once(tmp_path, capsys):
    source = write_csv_source(tmp_path / "src", minimal_tables(without=("outcomes",)))
    outcomes = source / "outcomes.csv"
    outcomes.write_text("indicator_id;period;value" + ";x_" * 100_000 + "\n", "utf-8")
    started = time.monotonic()
    line = the_line(capsys, source)
    assert time.monotonic() - started < 10
    assert (
        line == f"{outcomes}, rad 1: rubrikraden har 100003 fält – förväntat: högst 16384 kolumner"
    )


def test_a_workbook_whose_one_stray_cell_is_xfd1048576_is_quick_and_small(tmp_path):
    """The last cell a sheet has: once 5 minutes and 3.4 GB before it was stopped."""
    workbook = write_xlsx_source(tmp_path / "modell.xlsx", minimal_tables())
    book = openpyxl.load_workbook(workbook)
    book["outcomes"]["XFD1048576"] = "x"
    book.save(workbook)
    run = measure.measured(
        [sys.executable, "-m", "etl", "check", "--quiet", str(workbook)], ROOT, timeout=60
    )  # a hang fails the test instead of the suite
    assert run.returncode == 2
    assert run.stderr.splitlines() == [
        f"{workbook}, blad outcomes, rad 1, kolumn XFD: kolumnen har värden men ingen rubrik (det "
        "första på rad 1048576) – förväntat: ett kolumnnamn",
        "1 problem hittades; rätta och kör igen.",
    ]
    # CPU time, which other jobs on the machine do not stretch: about 2 s, of which starting
    # Python and importing is 1 s. The wall clock only guards against a hang. The peak memory
    # is the command's own (tools/measure.py), not the test worker's that forked it.
    assert run.cpu_seconds < 6
    assert run.seconds < 30
    assert run.peak_rss_kib < 400_000  # a check of the tiny model alone takes 200 MB
