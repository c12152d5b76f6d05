"""``python -m etl template``: the empty workbook loads once filled in, the example written into
it builds to the same statuses as the example's CSV files, and its drop-downs, notes and text
columns are what an analyst filling it in needs."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys

import openpyxl
import pytest

from etl import template
from etl.build import EXAMPLE_SOURCE, ROOT
from etl.schema import TABLE_ORDER, TABLES, Kind
from tests.support.tools import missing

TODAY = dt.date(2026, 12, 4)


def etl(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "etl", *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def status(db, period: str, *more: str) -> str:
    result = etl("status", "--db", str(db), "--period", period, *more)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    folder = tmp_path_factory.mktemp("template")
    result = etl("template", str(folder / "mall.xlsx"), "--example", str(folder / "exempel.xlsx"))
    assert result.returncode == 0, result.stderr
    return folder


def test_the_example_in_the_template_builds_the_same_statuses_as_its_csv_files(written, tmp_path):
    for name, source in (("xlsx", written / "exempel.xlsx"), ("csv", EXAMPLE_SOURCE)):
        result = etl("build", "--quiet", str(source), "--db", str(tmp_path / f"{name}.duckdb"))
        assert result.returncode == 0, result.stderr
    for period in ("2025", "2024-T2"):
        for more in ((), ("--indicators",)):
            from_xlsx = status(tmp_path / "xlsx.duckdb", period, *more)
            assert from_xlsx == status(tmp_path / "csv.duckdb", period, *more)
            assert from_xlsx.count("\n") > 50


def test_the_empty_template_has_every_table_with_its_header_on_row_1(written):
    book = openpyxl.load_workbook(written / "mall.xlsx")
    assert book.sheetnames == [template.INSTRUCTIONS, template.LISTS, *TABLE_ORDER]
    assert book[template.LISTS].sheet_state == "hidden"
    for name in TABLE_ORDER:
        sheet = book[name]
        assert [c.value for c in sheet[1]] == [c.name for c in TABLES[name].columns]
        assert sheet.max_row == 1  # no styled empty rows for the build to read
        for cell, column in zip(sheet[1], TABLES[name].columns, strict=True):
            assert cell.comment.text.startswith("Obligatorisk." if column.required else "Valfri.")
    guide = "\n".join(str(c.value or "") for (c,) in book[template.INSTRUCTIONS].iter_rows())
    assert "Rad 1 är rubrikraden" in guide and "python -m etl check" in guide
    assert all(f"{name}: " in guide for name in TABLE_ORDER)


def test_ids_periods_and_dates_are_text_columns_and_lists_are_drop_downs(written):
    book = openpyxl.load_workbook(written / "mall.xlsx")
    lists = book[template.LISTS]
    for name in TABLE_ORDER:
        sheet = book[name]
        validations = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
        for index, column in enumerate(TABLES[name].columns, start=1):
            letter = openpyxl.utils.get_column_letter(index)
            is_text = column.kind in {Kind.ID, Kind.PERIOD, Kind.DATE, Kind.ID_LIST}
            if is_text:
                assert sheet.column_dimensions[letter].number_format == "@", column.name
            check = validations.get(f"{letter}2:{letter}1048576")
            expected = template.choices(column, TODAY)
            if not expected:
                assert check is None, column.name
                continue
            # The list's cells on x_listor hold exactly the column's values.
            cells = check.formula1.removeprefix(f"={template.LISTS}!").replace("$", "")
            listed = [c.value for (c,) in lists[cells]]
            if column.kind is Kind.PERIOD:
                assert {"2025", "2025-T2", "2025-Q4", "2025-05"} <= set(listed)
                assert not check.showErrorMessage  # any period can still be typed
            else:
                assert tuple(listed) == expected, column.name


def test_a_filled_in_template_loads_as_it_is(tmp_path):
    """The analyst's way: the empty template, rows typed into its sheets, saved, built."""
    path = tmp_path / "mall.xlsx"
    template.write(path, TODAY)
    book = openpyxl.load_workbook(path)
    rows = template.example_rows(EXAMPLE_SOURCE)
    for name in rows:
        for row in rows[name][:3] if name in ("outcomes", "assessments") else rows[name]:
            book[name].append([row.get(c.name) or None for c in TABLES[name].columns])
    book.save(path)
    result = etl("check", "--quiet", str(path))
    assert result.returncode == 0, result.stderr


def test_an_existing_file_is_kept_unless_forced_and_a_bad_path_is_a_message(tmp_path):
    path = tmp_path / "mall.xlsx"
    path.write_bytes(b"mitt ifyllda arbete")
    result = etl("template", str(path))
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"{path} finns redan och skrivs inte över; välj ett annat namn eller ange --force"
    )
    assert path.read_bytes() == b"mitt ifyllda arbete"
    assert etl("template", str(path), "--force").returncode == 0
    assert openpyxl.load_workbook(path).sheetnames[0] == template.INSTRUCTIONS

    blocked = tmp_path / "fil"
    blocked.write_text("en fil, inte en mapp")
    for target, said in ((blocked / "mall.xlsx", "går inte att skriva i"),
                         (tmp_path / "mall.xls", "ska sluta på .xlsx")):  # fmt: skip
        result = etl("template", str(target))
        assert result.returncode == 1 and said in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".mall-")] == []


@pytest.mark.slow
def test_the_template_saved_by_libreoffice_still_loads(written, tmp_path):
    """Many analysts fill it in with LibreOffice Calc: its own .xlsx keeps the sheets, header
    and values the build reads."""
    soffice = shutil.which("soffice")
    if soffice is None:
        missing("LibreOffice (soffice) is not installed")
    source = tmp_path / "in" / "exempel.xlsx"
    source.parent.mkdir()
    shutil.copy(written / "exempel.xlsx", source)
    subprocess.run(
        [soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--norestore", "--convert-to", "xlsx", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    saved = tmp_path / "exempel.xlsx"
    for name, path in (("lo", saved), ("csv", EXAMPLE_SOURCE)):
        result = etl("build", "--quiet", str(path), "--db", str(tmp_path / f"{name}.duckdb"))
        assert result.returncode == 0, result.stderr
    assert status(tmp_path / "lo.duckdb", "2025") == status(tmp_path / "csv.duckdb", "2025")
