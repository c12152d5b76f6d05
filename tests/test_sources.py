"""Sources as they really look: CSV variants, xlsx from openpyxl and LibreOffice, several sources.

Every test builds a real warehouse from real files and asserts the typed values that land in it.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import PatternFill

from tests.conftest import (
    Tables,
    build_ok,
    csv_text,
    minimal_tables,
    warehouse_rows,
    write_csv_source,
    write_xlsx_source,
)
from tests.support.tools import missing

NBSP = "\u00a0"

# (period, value cell, preliminary cell) -> (period in the warehouse, value, is_preliminary)
OUTCOME_CASES = [
    (("2019", "1 234,5", "ja"), ("2019", 1234.5, True)),
    (("2020", f"1{NBSP}234,5", "nej"), ("2020", 1234.5, False)),
    (("2021", "-0,25", "TRUE"), ("2021", -0.25, True)),
    (("2022", "", "false"), ("2022", None, False)),  # empty = missing, never 0
    (("2023", "0", "1"), ("2023", 0.0, True)),  # a real 0 stays 0
    (("2024-T2", "12.5", "0"), ("2024-T2", 12.5, False)),
    (("2024-q3", "7", ""), ("2024-Q3", 7.0, False)),
    (("2024-05", "99,9", "Ja"), ("2024-05", 99.9, True)),
]


def swedish_tables() -> Tables:
    """The minimal source plus Swedish letters everywhere and every number/boolean spelling."""
    tables = minimal_tables()
    tables["organisation"].append(
        {"org_id": "ÄLN", "name": "Äldrenämnden", "type": "nämnd", "parent_id": "KF"}
    )
    tables["goals"].append(
        {
            "goal_id": "ÅT-Ö1",
            "title": "Åtagande för äldreomsorg",
            "level": "åtagande",
            "parent_ids": "N1",
            "responsible": "ÄLN; BUN",
            "agenda2030": "3;3.8;11.a",
            "public": "nej",
            "x_note": "Öppen fråga",
        }
    )
    tables["indicators"].append(
        {"indicator_id": "NÖJD", "title": "Nöjdhet i äldreomsorgen", "direction": "higher"}
    )
    for (period, value, preliminary), _ in OUTCOME_CASES:
        tables["outcomes"].append(
            {
                "indicator_id": "NÖJD",
                "period": period,
                "value": value,
                "preliminary": preliminary,
                "x_källa": "Egen enkät" if period == "2019" else "",
            }
        )
    return tables


def assert_swedish_warehouse(db: Path) -> None:
    """The typed values ``swedish_tables()`` must give, however the files were written."""
    assert warehouse_rows(
        db, "select period, value, is_preliminary from outcomes where indicator_id = 'NÖJD' "
        "order by period_end, period"
    ) == sorted((want for _, want in OUTCOME_CASES), key=_period_order)  # fmt: skip
    assert warehouse_rows(
        db, "select subject, gender from outcomes where indicator_id = 'NÖJD' group by all"
    ) == [("0180", "T")]  # defaults: the municipality, total
    assert warehouse_rows(
        db,
        "select extra['x_källa'] from outcomes where indicator_id = 'NÖJD' order by period_end",
    )[:2] == [("Egen enkät",), (None,)]
    assert warehouse_rows(
        db,
        "select title, level, level_rank, agenda2030, is_public, extra['x_note'] "
        "from goals where goal_id = 'ÅT-Ö1'",
    ) == [("Åtagande för äldreomsorg", "åtagande", 6, ["3", "3.8", "11.a"], False, "Öppen fråga")]
    assert warehouse_rows(db, "select extra['x_note'] from goals where goal_id = 'N1'") == [(None,)]
    assert warehouse_rows(
        db, "select org_id from goal_responsibility where goal_id = 'ÅT-Ö1' order by org_id"
    ) == [("BUN",), ("ÄLN",)]
    assert warehouse_rows(db, "select parent_id from goal_links where child_id = 'ÅT-Ö1'") == [
        ("N1",)
    ]
    assert warehouse_rows(db, "select name from organisation where org_id = 'ÄLN'") == [
        ("Äldrenämnden",)
    ]
    assert warehouse_rows(db, "select title from indicators where indicator_id = 'NÖJD'") == [
        ("Nöjdhet i äldreomsorgen",)
    ]
    assert warehouse_rows(db, "select key, value from settings order by key") == [
        ("municipality_code", "0180"),
        ("municipality_name", "Testkommun"),
    ]


def _period_order(row: tuple) -> tuple:
    order = ["2019", "2020", "2021", "2022", "2023", "2024-05", "2024-T2", "2024-Q3"]
    return (order.index(row[0]),)


# --- CSV -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sep", "encoding", "bom"),
    [
        (",", "utf-8", False),
        (";", "utf-8", False),
        (";", "utf-8", True),
        (",", "utf-8", True),
        (";", "cp1252", False),  # Excel's "CSV (semikolonavgränsad)" on Swedish Windows
        (",", "cp1252", False),
    ],
    ids=["utf8-comma", "utf8-semicolon", "utf8bom-semicolon", "utf8bom-comma", "cp1252-semicolon",
         "cp1252-comma"],
)  # fmt: skip
def test_csv_variants_give_the_same_typed_values(tmp_path, sep, encoding, bom):
    source = write_csv_source(tmp_path / "src", swedish_tables(), sep, encoding, bom)
    raw = (source / "goals.csv").read_bytes()
    # The files really are what the test claims (CRLF, as Excel writes them).
    assert raw.startswith(b"\xef\xbb\xbf") == bom
    assert ("Åtagande för äldreomsorg".encode(encoding)) in raw
    assert b"\r\n" in raw
    assert_swedish_warehouse(build_ok(tmp_path, source))


def test_csv_blank_lines_are_ignored(tmp_path):
    tables = swedish_tables()
    source = write_csv_source(tmp_path / "src", tables, ";")
    outcomes = source / "outcomes.csv"
    lines = outcomes.read_bytes().removesuffix(b"\r\n").split(b"\r\n")
    assert len(lines) == 3 + len(OUTCOME_CASES)
    # A blank line in the middle, and blank lines and a separator-only line at the end.
    outcomes.write_bytes(b"\r\n".join([*lines[:3], b"", *lines[3:], b";;;;", b"", b""]))
    db = build_ok(tmp_path, source)
    assert_swedish_warehouse(db)
    assert warehouse_rows(db, "select count(*) from outcomes") == [(2 + len(OUTCOME_CASES),)]


def test_single_csv_file_is_a_source_and_tables_concatenate_across_sources(tmp_path):
    """Goal model in a workbook, outcomes split over a CSV folder and a lone CSV file."""
    tables = minimal_tables()
    outcomes = tables.pop("outcomes")
    model = write_xlsx_source(tmp_path / "model.xlsx", tables)
    folder = write_csv_source(tmp_path / "folder", {"outcomes": outcomes}, ";")
    lone = tmp_path / "lone" / "outcomes.csv"
    lone.parent.mkdir()
    lone.write_text(
        csv_text(
            [
                {"indicator_id": "N15505", "period": "2022", "value": "225,0", "subject": "0000"},
                {"indicator_id": "N15505", "period": "2022", "value": "", "gender": "K"},
            ],
            ",",
        ),
        encoding="utf-8",
    )
    db = build_ok(tmp_path, model, folder, lone)
    assert warehouse_rows(
        db, "select subject, gender, period, value from outcomes order by all"
    ) == [
        ("0000", "T", "2022", 225.0),
        ("0180", "K", "2022", None),
        ("0180", "T", "2023", 228.1),
        ("0180", "T", "2024", 231.5),
    ]
    assert warehouse_rows(
        db,
        "select regexp_extract(source_path, '[^/]+/[^/]+$'), table_name, row_count from load_log "
        "where table_name = 'outcomes' order by all",
    ) == [("folder/outcomes.csv", "outcomes", 2), ("lone/outcomes.csv", "outcomes", 2)]
    assert warehouse_rows(db, "select count(*) from goals") == [(3,)]


def test_source_folder_of_csv_files_is_read_whole(tmp_path, valid_csv_source):
    db = build_ok(tmp_path, valid_csv_source)
    assert warehouse_rows(
        db,
        "select table_name, row_count from load_log order by table_name",
    ) == [
        ("goal_indicators", 1),
        ("goals", 3),
        ("indicators", 1),
        ("organisation", 2),
        ("outcomes", 2),
        ("settings", 2),
        ("targets", 1),
    ]
    assert warehouse_rows(
        db, "select goal_id, indicator_id, period, comparator, value, tolerance from targets"
    ) == [("N1", "N15505", "2024", ">=", 230.0, 0.0)]


# --- xlsx ------------------------------------------------------------------------------------


def excel_typed_tables() -> Tables:
    """``swedish_tables()`` with the cell types Excel users produce: numbers as numbers or as
    text, years as numbers, real booleans, dates as Excel dates."""
    tables = swedish_tables()
    goals = {g["goal_id"]: g for g in tables["goals"]}
    goals["N1"].update(valid_from=2019, valid_to=2026.0, weight=2.5, public=True)
    goals["K1"].update(valid_from="2019", valid_to="2026", weight="1,5")  # the same as text
    tables["indicators"][0].update(decimals=1, unit="poäng")
    tables["outcomes"][:2] = [
        {"indicator_id": "N15505", "period": 2023, "value": "228,1"},  # number stored as text
        {"indicator_id": "N15505", "period": 2024, "value": 231.5, "preliminary": False},
    ]
    tables["targets"][0].update(period=2024, value=230, tolerance="0,5")
    tables["assessments"] = [
        {"goal_id": "N1", "period": 2024, "status": "Delvis", "assessed_by": "BUN",
         "analysis": "Åtgärder pågår", "assessed_on": dt.date(2025, 2, 14)},
        {"goal_id": "K1", "period": "2024", "status": "uppfyllt", "assessed_by": "KF",
         "assessed_on": dt.datetime(2025, 3, 1)},
    ]  # fmt: skip
    return tables


def add_blank_tail(path: Path) -> None:
    """Give every sheet formatted but empty rows and columns after the data, and cells holding
    only spaces, the way a workbook looks after someone cleared cells instead of deleting them."""
    workbook = openpyxl.load_workbook(path)
    fill = PatternFill("solid", start_color="FFFF00")
    for sheet in workbook.worksheets:
        last_row, last_col = sheet.max_row, sheet.max_column
        for row in range(1, last_row + 6):
            sheet.cell(row=row, column=last_col + 2).fill = fill
        for col in range(1, last_col + 4):
            sheet.cell(row=last_row + 4, column=col).fill = fill
        sheet.cell(row=last_row + 2, column=1).value = "   "
        sheet.cell(row=2, column=last_col + 1).value = f" {NBSP}"
    workbook.save(path)


def assert_excel_typed_warehouse(db: Path) -> None:
    assert_swedish_warehouse(db)
    assert warehouse_rows(
        db, "select goal_id, valid_from, valid_to, weight, is_public from goals "
        "where goal_id in ('K1', 'N1') order by goal_id"
    ) == [("K1", 2019, 2026, 1.5, True), ("N1", 2019, 2026, 2.5, True)]  # fmt: skip
    assert warehouse_rows(
        db, "select period, period_type, value, is_preliminary from outcomes "
        "where indicator_id = 'N15505' order by period"
    ) == [("2023", "year", 228.1, False), ("2024", "year", 231.5, False)]  # fmt: skip
    assert warehouse_rows(db, "select period, value, tolerance from targets") == [
        ("2024", 230.0, 0.5)
    ]
    assert warehouse_rows(
        db, "select unit, decimals from indicators where indicator_id = 'N15505'"
    ) == [("poäng", 1)]
    assert warehouse_rows(
        db, "select goal_id, period, status, assessed_by, analysis, assessed_on "
        "from assessments order by goal_id"
    ) == [
        ("K1", "2024", "uppfyllt", "KF", None, dt.date(2025, 3, 1)),
        ("N1", "2024", "delvis", "BUN", "Åtgärder pågår", dt.date(2025, 2, 14)),
    ]  # fmt: skip
    assert warehouse_rows(db, "select period from periods order by period_end, period")[:2] == [
        ("2019",),
        ("2020",),
    ]
    assert warehouse_rows(
        db, "select table_name, row_count from load_log order by table_name"
    ) == [
        ("assessments", 2),
        ("goal_indicators", 1),
        ("goals", 4),
        ("indicators", 2),
        ("organisation", 3),
        ("outcomes", 2 + len(OUTCOME_CASES)),
        ("settings", 2),
        ("targets", 1),
    ]  # fmt: skip


def test_xlsx_with_excel_cell_types_and_blank_tail(tmp_path):
    workbook = write_xlsx_source(tmp_path / "källa.xlsx", excel_typed_tables())
    add_blank_tail(workbook)
    # The workbook really holds what the test claims.
    sheet = openpyxl.load_workbook(workbook)["outcomes"]
    assert sheet["B2"].value == 2023 and sheet["C2"].value == "228,1"
    assert sheet.max_row > 2 + 2 + len(OUTCOME_CASES)
    assessed_on = openpyxl.load_workbook(workbook)["assessments"]["F2"]
    assert assessed_on.is_date and assessed_on.number_format == "yyyy-mm-dd"
    assert_excel_typed_warehouse(build_ok(tmp_path, workbook))


def test_xlsx_extra_sheets_starting_with_x_are_ignored(tmp_path):
    tables = minimal_tables()
    tables["x_anteckningar"] = [{"vad": "Fritext som inte hör till formatet"}]
    tables["Outcomes"] = tables.pop("outcomes")  # sheet names are matched case-insensitively
    db = build_ok(tmp_path, write_xlsx_source(tmp_path / "src.xlsx", tables))
    assert warehouse_rows(db, "select period, value from outcomes order by period") == [
        ("2023", 228.1),
        ("2024", 231.5),
    ]


def _soffice_convert(soffice: str, source: Path, fmt: str, outdir: Path, profile: Path) -> Path:
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", fmt, "--outdir", str(outdir), str(source)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    converted = outdir / f"{source.stem}.{fmt}"
    assert converted.is_file(), f"LibreOffice did not write {converted}"
    return converted


@pytest.mark.slow
def test_xlsx_written_by_libreoffice(tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None:
        missing("LibreOffice (soffice) is not installed; cannot produce a LibreOffice xlsx")
    original = write_xlsx_source(tmp_path / "openpyxl" / "källa.xlsx", excel_typed_tables())
    add_blank_tail(original)
    profile = tmp_path / "lo-profile"
    # xlsx -> ods -> xlsx: the final workbook is written entirely by LibreOffice.
    ods = _soffice_convert(soffice, original, "ods", tmp_path / "ods", profile)
    workbook = _soffice_convert(soffice, ods, "xlsx", tmp_path / "lo", profile)
    with zipfile.ZipFile(workbook) as z:
        assert "LibreOffice" in z.read("docProps/app.xml").decode()
    assert openpyxl.load_workbook(workbook, read_only=True).sheetnames == [
        "settings",
        "organisation",
        "goals",
        "indicators",
        "goal_indicators",
        "targets",
        "outcomes",
        "assessments",
    ]
    assert_excel_typed_warehouse(build_ok(tmp_path, workbook))
