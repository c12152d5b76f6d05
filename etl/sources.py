"""Read sources (xlsx workbooks, folders of CSV files) into raw staging tables.

Every table of the format gets a temporary table ``raw_<table>`` holding the cells as trimmed
text, plus where each row came from (``_file``, ``_sheet``, ``_row``) and the ``x_`` columns as a
map. Parsing and checking happen afterwards, set-wise in SQL (``etl/validate.py``), so a file of
forty million outcome rows never passes through a Python loop.

CSV files are handed to DuckDB's reader. Files that are not UTF-8 (Windows-1252 exports from
Excel) or that contain blank lines (DuckDB skips them, which would shift the row numbers we
report) are first rewritten to a UTF-8 copy in a temporary folder.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import io
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa

import queries
from etl import bulk
from etl.problems import Problem
from etl.schema import EXTRA_PREFIX, TABLES, Table

_CHUNK = 1 << 20
_BLANK_LINE = re.compile(rb"\n\r?\n")
_WHITESPACE = " \t\r\n\u00a0\u202f"


@dataclass
class LoadedFile:
    """A file that was read, for the load log."""

    path: str
    sha256: str
    rows: dict[str, int] = field(default_factory=dict)  # table -> rows staged


@dataclass(frozen=True)
class Pending:
    """An outcomes file left for ``load_pending``."""

    loaded: LoadedFile
    file: bulk.BulkFile


def create_raw_tables(con: duckdb.DuckDBPyConnection) -> None:
    queries.script(con, "etl/macros")
    for table in TABLES.values():
        columns = ", ".join(f'"{c.name}" varchar' for c in table.columns)
        con.execute(
            f"create or replace temp table raw_{table.name} ("
            f"_file varchar, _sheet varchar, _row bigint, {columns}, "
            "extra map(varchar, varchar))"
        )


def stage_sources(
    con: duckdb.DuckDBPyConnection, paths: list[Path]
) -> tuple[list[LoadedFile], list[Problem], list[Pending]]:
    """Stage every table found in ``paths``; return the files read, the problems found and the
    outcome files left for ``load_pending``."""
    create_raw_tables(con)
    loaded: list[LoadedFile] = []
    problems: list[Problem] = []
    pending: list[Pending] = []
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.suffix.lower() == ".csv")
            if not files:
                problems.append(
                    Problem(
                        str(path),
                        None,
                        None,
                        None,
                        "mappen har inga CSV-filer",
                        "<tabell>.csv, t.ex. goals.csv",
                    )
                )
            for file in files:
                loaded.append(_stage_csv(con, file, problems, pending))
        elif path.suffix.lower() == ".xlsx":
            loaded.append(_stage_xlsx(con, path, problems))
        elif path.suffix.lower() == ".csv" and path.is_file():
            loaded.append(_stage_csv(con, path, problems, pending))
        else:
            found = "filen finns inte" if not path.exists() else "okänd filtyp"
            problems.append(
                Problem(
                    str(path),
                    None,
                    None,
                    None,
                    found,
                    "en .xlsx-arbetsbok eller en mapp med CSV-filer",
                )
            )
    return loaded, problems, pending


# --- CSV -------------------------------------------------------------------------------------


def _stage_csv(
    con: duckdb.DuckDBPyConnection, path: Path, problems: list[Problem], pending: list[Pending]
) -> LoadedFile:
    sha256, encoding, has_blank_lines = _inspect_csv(path)
    loaded = LoadedFile(str(path), sha256)
    table = _table_for(path.stem, str(path), None, problems)
    if table is None:
        return loaded
    if table.name == bulk.BULK_TABLE and encoding == "utf-8" and not has_blank_lines:
        header, delimiter = _read_header(path)
        columns = bulk.plain_columns(header, _WHITESPACE)
        if columns is not None:
            # Tried later, once the tables it refers to are staged (see load_pending).
            pending.append(Pending(loaded, bulk.BulkFile(path, columns, delimiter)))
            return loaded
    _stage_csv_rows(con, path, loaded, table, encoding, has_blank_lines, problems)
    return loaded


def load_pending(
    con: duckdb.DuckDBPyConnection, pending: list[Pending], problems: list[Problem]
) -> bool:
    """Load the outcome files ``stage_sources`` left for later (``prepare`` must have run).

    A single outcomes file goes straight into the warehouse table when ``etl.bulk`` finds
    nothing wrong with it; otherwise (or when outcomes come from several files, whose keys must
    be compared row by row) the files are staged row by row like any other. Returns whether any
    was, in which case the staging tables must be prepared again.
    """
    if len(pending) == 1 and not _has_rows(con, f"raw_{bulk.BULK_TABLE}"):
        rows = bulk.load(con, pending[0].file)
        if rows is not None:
            pending[0].loaded.rows[bulk.BULK_TABLE] = rows
            return False
    for item in pending:
        path = item.file.path
        _stage_csv_rows(con, path, item.loaded, TABLES[bulk.BULK_TABLE], "utf-8", False, problems)
    return bool(pending)


def _stage_csv_rows(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    loaded: LoadedFile,
    table: Table,
    encoding: str,
    has_blank_lines: bool,
    problems: list[Problem],
) -> None:
    """Stage a CSV file row by row into ``raw_<table>``, keeping each row's number."""
    with tempfile.TemporaryDirectory(prefix="rodtrad-") as tmp:
        readable = path
        if encoding != "utf-8" or has_blank_lines:
            readable = Path(tmp) / "utf8.csv"
            try:
                _rewrite_as_utf8(path, encoding, readable)
            except UnicodeDecodeError as error:
                byte = error.object[error.start]
                found = f"byte 0x{byte:02X} kan inte läsas som text"
                expected = "en textfil i UTF-8 eller Windows-1252"
                problems.append(Problem(str(path), None, None, None, found, expected))
                return
        header, delimiter = _read_header(readable)
        if not any(h.strip(_WHITESPACE) for h in header):
            problems.append(
                Problem(
                    str(path),
                    None,
                    1,
                    None,
                    "filen saknar rubrikrad",
                    "en rubrikrad med kolumnnamn",
                )
            )
            return
        columns = {f"c{i}": "varchar" for i in range(len(header))}
        try:
            # Rows that cannot be read (wrong number of fields, a quote never closed) go to
            # csv_rejects, so that every such row is reported, not only the first.
            con.execute("drop table if exists csv_rejects; drop table if exists csv_reject_scans")
            con.execute(
                # rowid follows the file's order (insertion order is preserved); + 2 for the header.
                "create or replace temp table sheet as select * from read_csv($path, "
                "delim = $delim, header = true, quote = '\"', escape = '\"', columns = $columns, "
                "auto_detect = false, encoding = 'utf-8', store_rejects = true, "
                "rejects_table = 'csv_rejects', rejects_scan = 'csv_reject_scans')",
                {"path": str(readable), "delim": delimiter, "columns": columns},
            )
        except duckdb.Error as error:
            problems.append(_csv_error(path, error))
            return
        rejected = _csv_rejects(con, path, len(header))
        if rejected:
            # The rows after a rejected row would get wrong row numbers: stage none of the file.
            problems += rejected
            return
    loaded.rows[table.name] = _stage_sheet(
        con, table, header, "rowid + 2", str(path), None, problems
    )
    # A large file's text must not stay in memory while the next one is read.
    con.execute("drop table sheet")


def _has_rows(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    [(found,)] = con.execute(f"select exists (from {table})").fetchall()
    return found


def _inspect_csv(path: Path) -> tuple[str, str, bool]:
    """The file's sha256, its encoding (utf-8 or cp1252) and whether it has blank lines, in
    one pass over the bytes (a large outcomes file is read by Python only this once)."""
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")()
    # A file that starts with a line break also has a blank line: seed the tail with one.
    encoding, has_blank, tail = "utf-8", False, b"\n"
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            digest.update(chunk)
            if encoding == "utf-8":
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    encoding = "cp1252"
            has_blank = has_blank or bool(_BLANK_LINE.search(tail + chunk))
            tail = chunk[-2:]
    return digest.hexdigest(), encoding, has_blank


def _rewrite_as_utf8(path: Path, encoding: str, target: Path) -> None:
    """Copy a CSV to UTF-8, turning blank lines into empty records so row numbers stay true."""
    with (
        path.open(encoding="utf-8-sig" if encoding == "utf-8" else encoding, newline="") as src,
        target.open("w", encoding="utf-8", newline="") as dst,
    ):
        first = src.readline()
        delimiter = _delimiter(first)
        reader = csv.reader(io.StringIO(first), delimiter=delimiter)
        width = len(next(reader, []))
        # One line ending throughout: DuckDB rejects a \r\n header above \n records.
        dst.write(first.rstrip("\r\n") + "\n")
        writer = csv.writer(dst, delimiter=delimiter, lineterminator="\n")
        for record in csv.reader(src, delimiter=delimiter):
            writer.writerow(record if record else [""] * width)


def _read_header(path: Path) -> tuple[list[str], str]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        first = f.readline()
    delimiter = _delimiter(first)
    return next(csv.reader(io.StringIO(first), delimiter=delimiter), []), delimiter


def _delimiter(header_line: str) -> str:
    """Swedish Excel writes ';' (the comma is the decimal sign); other tools write ','."""
    counts = {d: header_line.count(d) for d in (";", ",", "\t")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def _csv_rejects(con: duckdb.DuckDBPyConnection, path: Path, width: int) -> list[Problem]:
    """One problem per row that DuckDB's reader rejected (line 1 is the header)."""
    rejects = con.execute(
        "select line, list(error_type order by byte_position), "
        "list(try_cast(regexp_extract(error_message, 'Found: (\\d+)', 1) as integer)), "
        "any_value(error_message) "
        "from csv_rejects group by line order by line"
    ).fetchall()
    problems = []
    for line, types, counts, message in rejects:
        fields = [n for n in counts if n is not None]
        if "MISSING COLUMNS" in types and fields:
            found, expected = f"raden har {min(fields)} fält", f"{width} fält som rubrikraden"
        elif "TOO MANY COLUMNS" in types and fields:
            found, expected = f"raden har {max(fields)} fält", f"{width} fält som rubrikraden"
        else:
            found, expected = "raden kan inte läsas som CSV", f"giltig CSV ({message})"
        problems.append(Problem(str(path), None, int(line), None, found, expected))
    return problems


def _csv_error(path: Path, error: duckdb.Error) -> Problem:
    text = str(error)
    line = re.search(r"CSV Error on Line: (\d+)", text)
    detail = re.search(r"Expected Number of Columns: (\d+) Found: (\d+)", text)
    found = "raden kan inte läsas som CSV"
    if detail:
        found = f"raden har {detail.group(2)} fält"
        expected = f"{detail.group(1)} fält som rubrikraden"
    else:
        expected = f"giltig CSV ({text.splitlines()[0]})"
    return Problem(str(path), None, int(line.group(1)) if line else None, None, found, expected)


# --- xlsx ------------------------------------------------------------------------------------


def _stage_xlsx(con: duckdb.DuckDBPyConnection, path: Path, problems: list[Problem]) -> LoadedFile:
    import openpyxl  # imported here: only xlsx sources need it

    loaded = LoadedFile(str(path), _sha256(path))
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
        return loaded
    try:
        for sheet in workbook.worksheets:
            table = _table_for(sheet.title, str(path), sheet.title, problems)
            if table is None:
                continue
            # LibreOffice and some exporters write a wrong or missing <dimension>.
            sheet.reset_dimensions()
            header, columns = _sheet_columns(sheet.iter_rows(values_only=True))
            if not any(h.strip(_WHITESPACE) for h in header):
                cells = (v for c, values in columns.items() if c != "_row" for v in values)
                if any(v is not None for v in cells):
                    found = "rad 1 är tom men bladet har värden längre ned"
                    problems.append(Problem(str(path), sheet.title, 1, None, found, "kolumnnamn"))
                continue  # an empty sheet holds no rows for its table
            con.register("sheet_arrow", pa.table(columns))
            con.execute("create or replace temp table sheet as select * from sheet_arrow")
            con.unregister("sheet_arrow")
            rows = _stage_sheet(con, table, header, "_row", str(path), sheet.title, problems)
            loaded.rows[table.name] = loaded.rows.get(table.name, 0) + rows
    finally:
        workbook.close()
    return loaded


def _sheet_columns(rows: Iterator[tuple]) -> tuple[list[str], dict[str, list]]:
    """Header texts and the body as text columns c0..cN plus _row (the sheet's row number)."""
    header_cells = list(next(rows, ()))
    body = [[_cell_text(v) for v in row] for row in rows]
    width = max([len(header_cells)] + [len(r) for r in body])
    header = [_cell_text(v) or "" for v in header_cells] + [""] * (width - len(header_cells))
    columns: dict[str, list] = {f"c{i}": [] for i in range(width)}
    for row in body:
        for i in range(width):
            columns[f"c{i}"].append(row[i] if i < len(row) else None)
    columns["_row"] = list(range(2, len(body) + 2))
    return header, columns


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


# --- shared ----------------------------------------------------------------------------------


def _table_for(name: str, file: str, sheet: str | None, problems: list[Problem]) -> Table | None:
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
                f"okänd tabell: {what} heter {name!r}",
                f"en av {', '.join(TABLES)} (eller ett namn som börjar med x_)",
            )
        )
    return None


def _stage_sheet(
    con: duckdb.DuckDBPyConnection,
    table: Table,
    header: list[str],
    row_expr: str,
    file: str,
    sheet: str | None,
    problems: list[Problem],
) -> int:
    """Move the temp table ``sheet`` (text columns c0..cN) into ``raw_<table>``.

    ``row_expr`` gives each row's number as the user sees it (header = row 1).
    """
    known: dict[str, str] = {}  # format column -> sheet column
    extra: dict[str, str] = {}
    header_ok = True
    for i, text in enumerate(header):
        name = text.strip(_WHITESPACE).lower()
        if not name:
            if _has_values(con, f"c{i}"):
                header_ok = False
                problems.append(
                    Problem(
                        file,
                        sheet,
                        1,
                        _column_letter(i),
                        "kolumnen har värden men ingen rubrik",
                        "ett kolumnnamn",
                    )
                )
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
                    f"okänd kolumn {text.strip()!r}",
                    f"en av {', '.join(c.name for c in table.columns)} "
                    "eller ett namn som börjar med x_",
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
        return 0

    # Clean every cell once in an inner query; the outer one maps and filters blank rows.
    cleaned = [*known.values(), *extra.values()]
    inner = ", ".join(f"clean_cell({c}) as {c}" for c in cleaned)
    targets = ", ".join(f'"{name}"' for name in known)
    values = ", ".join(known.values())
    # x_ columns as a map without the empty cells; a constant empty map when there are none,
    # which costs nothing on a file of millions of outcome rows.
    extras = "map()::map(varchar, varchar)"
    if extra:
        extras = (
            f"map_from_entries(list_filter(list_zip($extra_names, [{', '.join(extra.values())}]"
            "::varchar[]), lambda e: e[2] is not null))"
        )
    # fetchall, not fetchone: DuckDB 2 keeps a half-read result open, and the next sheet's
    # con.register() then fails with "connection has an unfinished result".
    [(count,)] = con.execute(
        f"insert into raw_{table.name} (_file, _sheet, _row, {targets}, extra) "  # noqa: S608 - identifiers come from etl/schema.py
        f"select $file, $sheet, _row, {values}, {extras} "
        f"from (select {row_expr} as _row, {inner} from sheet) "
        f"where coalesce({', '.join(cleaned)}) is not null",
        {"file": file, "sheet": sheet} | ({"extra_names": list(extra)} if extra else {}),
    ).fetchall()
    return int(count)


def _has_values(con: duckdb.DuckDBPyConnection, column: str) -> bool:
    query = f"select count(*) from sheet where clean_cell({column}) is not null"  # noqa: S608
    [(count,)] = con.execute(query).fetchall()
    return count > 0


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
