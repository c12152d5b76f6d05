"""Read the sheets of an ``.xlsx`` workbook into ``raw_<table>`` (``etl/sources.py`` finds the
files; ``etl/sheets.py`` checks each sheet's header and stages its rows).

A sheet is read row by row and only its rows with values are kept, each with its number: a sheet
whose one cell sits at XFD1048576 (the last cell Excel has) costs a million empty rows to step
over, not a million times sixteen thousand cells.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

import warehouse
from etl.problems import Problem
from etl.sheets import (
    HEADER_SEARCH_ROWS,
    WHITESPACE,
    column_letter,
    header_below,
    stage_sheet,
    table_for,
    title_problem,
)

_LITERAL = re.compile(r"'([^']*)'")


@dataclass
class _Sheet:
    """A sheet's header and its rows with values: (row number, cell texts without the trailing
    empty cells)."""

    header: list[str]
    rows: list[tuple[int, list[str | None]]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def column(self, index: int) -> list[str | None]:
        return [cells[index] if index < len(cells) else None for _, cells in self.rows]

    def first_value(self, index: int) -> int | None:
        """The number of the first row with a non-blank cell in the column."""
        return next(
            (
                n
                for n, cells in self.rows
                if index < len(cells) and (cells[index] or "").strip(WHITESPACE)
            ),
            None,
        )


def stage_xlsx(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    rows_by_table: dict[str, int],
    problems: list[Problem],
) -> set[str]:
    """Stage every sheet of the workbook; add the rows staged per table to ``rows_by_table``.
    Returns the tables of the sheets that were refused as a whole."""
    import openpyxl  # imported here: only xlsx sources need them

    refused: set[str] = set()
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a broken file
        problems.append(
            Problem(
                str(path),
                None,
                None,
                None,
                f"arbetsboken kan inte öppnas ({error})",
                "en giltig .xlsx-fil",
            )
        )
        return refused
    try:
        for worksheet in workbook.worksheets:
            table = table_for(worksheet.title, str(path), worksheet.title, problems)
            if table is None:
                continue
            # LibreOffice and some exporters write a wrong or missing <dimension>.
            worksheet.reset_dimensions()
            sheet = _read_sheet(worksheet.iter_rows(values_only=True), str(path), worksheet.title)
            if sheet.problems:
                problems += sheet.problems
                refused.add(table.name)
                continue
            if not any(h.strip(WHITESPACE) for h in sheet.header):
                if sheet.rows:
                    found = "rad 1 är tom men bladet har värden längre ned"
                    below = header_below(table, [], sheet.rows[:HEADER_SEARCH_ROWS])
                    problems.append(
                        title_problem(str(path), worksheet.title, below, empty=True)
                        if below
                        else Problem(str(path), worksheet.title, 1, None, found, "kolumnnamn")
                    )
                    refused.add(table.name)
                continue  # an empty sheet holds no rows for its table
            below = header_below(table, sheet.header, sheet.rows[:HEADER_SEARCH_ROWS])
            if below:
                problems.append(title_problem(str(path), worksheet.title, below))
                refused.add(table.name)
                continue
            rows = _stage(con, table, sheet, str(path), worksheet.title, problems)
            if rows is None:
                refused.add(table.name)
            else:
                rows_by_table[table.name] = rows_by_table.get(table.name, 0) + rows
    finally:
        workbook.close()
    return refused


def _stage(con, table, sheet: _Sheet, file: str, title: str, problems: list[Problem]) -> int | None:
    import pyarrow as pa

    # Only the columns with a header reach the database; the others are refused if they hold
    # values (stage_sheet asks the sheet where) and ignored if not.
    named = [i for i, h in enumerate(sheet.header) if h.strip(WHITESPACE)]
    columns: dict[str, list] = {f"c{i}": sheet.column(i) for i in named}
    columns["_row"] = [number for number, _ in sheet.rows]
    width = max([len(sheet.header)] + [len(cells) for _, cells in sheet.rows])
    header = sheet.header + [""] * (width - len(sheet.header))
    con.register("sheet_arrow", pa.table(columns))
    try:
        warehouse.execute(con, "etl/read/sheet_from_arrow")
    finally:
        con.unregister("sheet_arrow")
    rows = stage_sheet(con, table, header, False, file, title, problems, sheet.first_value)
    warehouse.execute(con, "etl/read/drop_sheet")
    return rows


def _read_sheet(rows: Iterator[tuple], file: str, title: str) -> _Sheet:
    """The sheet's header and rows with values, or the problems that stop it being read: a
    number cell that is no number (NaN, infinity), which Excel never writes."""
    done = 0  # the last row read: the next one is where a failure is
    sheet = _Sheet([])
    try:
        header_cells = next(rows, ())
        sheet.header = [_cell_text(v) or "" for v in header_cells]
        sheet.problems += _non_numbers(header_cells, 1, file, title)
        done = 1
        for number, row in enumerate(rows, start=2):
            cells = [_cell_text(v) for v in row]
            while cells and cells[-1] is None:
                cells.pop()
            if cells:
                sheet.rows.append((number, cells))
                sheet.problems += _non_numbers(row, number, file, title)
            done = number
    except ValueError as error:  # openpyxl casts a number cell "NaN" with int()
        literal = _LITERAL.search(str(error))
        found = f'en talcell har värdet "{literal.group(1)}"' if literal else "en cell är trasig"
        expected = "ett tal eller en tom cell"
        sheet.problems.append(Problem(file, title, done + 1, None, found, expected))
    except Exception:  # a broken sheet: openpyxl and its XML parser raise many types
        found = "bladet är trasigt och kan inte läsas härifrån"
        expected = "ett blad som Excel eller LibreOffice har sparat"
        sheet.problems.append(Problem(file, title, done + 1, None, found, expected))
    return sheet


def _non_numbers(row: tuple, number: int, file: str, title: str) -> list[Problem]:
    return [
        Problem(file, title, number, column_letter(i), f'talet "{v}"', "ett tal eller en tom cell")
        for i, v in enumerate(row)
        if isinstance(v, float) and not math.isfinite(v)
    ]


def _cell_text(value: object) -> str | None:
    """Excel cell values as the text a user would type: 2024 not 2024.0, dates as ISO."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)
