"""What CSV files and worksheets share once their cells are text: which table a file or sheet
holds, where its header is, and moving its rows into ``raw_<table>``."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import duckdb

import warehouse
from etl.problems import Problem, suggestion
from etl.schema import EXTRA_PREFIX, TABLES, Table

WHITESPACE = " \t\r\n\u00a0\u202f"

# How far down a file or sheet a header is looked for when row 1 names no column: a title and a
# few lines of explanation above the table are what analysts write.
HEADER_SEARCH_ROWS = 20


def table_for(name: str, file: str, sheet: str | None, problems: list[Problem]) -> Table | None:
    key = name.strip().lower()
    if key in TABLES:
        return TABLES[key]
    if not key.startswith(EXTRA_PREFIX):
        what = "bladet" if sheet else "filen"
        problems.append(
            Problem(
                file,
                sheet,
                None,
                None,
                f"okänd tabell: {what} heter {name!r}{suggestion(key, TABLES)}",
                f"en av {', '.join(TABLES)} (eller ett namn som börjar med x_)",
            )
        )
    return None


def header_below(
    table: Table, header: list[str], rows: Iterable[tuple[int, list[str | None]]]
) -> int | None:
    """The row number of the real header when row 1 is a title: row 1 names none of the
    table's columns, and one of the next rows (number, cells) names the required ones (or two
    columns of a table with none required)."""
    names = {c.name for c in table.columns}
    if any(_name(h) in names or _name(h).startswith(EXTRA_PREFIX) for h in header):
        return None
    for number, cells in rows:
        found = {_name(c) for c in cells if c} & names
        if table.required and set(table.required) <= found or len(found) >= 2:
            return number
    return None


def title_problem(file: str, sheet: str | None, number: int, *, empty: bool = False) -> Problem:
    """The header on row ``number``, below a title (or an ``empty`` row 1)."""
    first = "rad 1 är tom" if empty else "rad 1 är inte rubrikraden"
    return Problem(
        file,
        sheet,
        1,
        None,
        f"{first}: kolumnnamnen står på rad {number}",
        "rubrikraden på rad 1 (ta bort raderna ovanför den; inget får stå ovanför rubrikerna)",
    )


def stage_sheet(
    con: duckdb.DuckDBPyConnection,
    table: Table,
    header: list[str],
    numbered_by_order: bool,
    file: str,
    sheet: str | None,
    problems: list[Problem],
    first_value: Callable[[int], int | None] | None = None,
) -> int | None:
    """Move the temp table ``sheet`` (text columns c0..cN) into ``raw_<table>``; the rows
    staged, or None when the header is refused (and nothing is staged).

    Each row's number as the user sees it (header = row 1) is its place in the file
    (``numbered_by_order``, a CSV file) or the sheet's own ``_row`` (a worksheet). The first row
    where a column without a header holds a value is ``first_value`` (by the column's index),
    or asked of the table.
    """
    first = first_value or (lambda i: _first_value(con, f"c{i}"))
    known: dict[str, str] = {}  # format column -> sheet column
    extra: dict[str, str] = {}
    header_ok = True
    columns = [c.name for c in table.columns]
    for i, text in enumerate(header):
        name = _name(text)
        if not name:
            row = first(i)
            if row is not None:
                header_ok = False
                # The row too: a stray cell far down (Ctrl+End in Excel) is hard to find.
                found = f"kolumnen har värden men ingen rubrik (det första på rad {row})"
                problems.append(Problem(file, sheet, 1, column_letter(i), found, "ett kolumnnamn"))
            continue  # blank trailing (or interleaved) columns are ignored
        if name in known or name in extra:
            header_ok = False
            problems.append(
                Problem(file, sheet, 1, name, "kolumnen finns två gånger", "varje kolumn en gång")
            )
        elif table.column(name):
            known[name] = f"c{i}"
        elif name.startswith(EXTRA_PREFIX):
            extra[name] = f"c{i}"
        else:
            problems.append(
                Problem(
                    file,
                    sheet,
                    1,
                    name,
                    f"okänd kolumn {text.strip()!r}{suggestion(name, columns)}",
                    f"en av {', '.join(columns)} eller ett namn som börjar med x_",
                )
            )
    for missing in (c for c in table.required if c not in known):
        header_ok = False
        problems.append(
            Problem(
                file,
                sheet,
                1,
                missing,
                "obligatorisk kolumn saknas",
                f"en kolumn med rubriken {missing}",
            )
        )
    if not header_ok:
        return None

    shape = {
        "table": table.name,
        "known": known,
        "extra": extra,
        "cleaned": [*known.values(), *extra.values()],
        "numbered_by_order": numbered_by_order,
    }
    params = {"file": file, "sheet": sheet} | ({"extra_names": list(extra)} if extra else {})
    return warehouse.value(con, "etl/read/stage_sheet", template=shape, **params)


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _name(text: str) -> str:
    return text.strip(WHITESPACE).lower()


def _first_value(con: duckdb.DuckDBPyConnection, column: str) -> int | None:
    return warehouse.value(con, "etl/read/column_has_values", template={"column": column})
