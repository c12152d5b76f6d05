"""Find sources (xlsx workbooks, folders of CSV files) and read them into raw staging tables.

``find_sources`` lists the files of the paths given, each with the SHA-256 of its bytes (the
load log's, and how an incremental build knows a file is unchanged). ``read`` then gives every
table of the format a temporary table ``raw_<table>`` holding the cells as trimmed text, plus
where each row came from (``_file``, ``_sheet``, ``_row``) and the ``x_`` columns as a map.
Parsing and checking happen afterwards, set-wise in SQL (``etl/validate.py``), so a file of
forty million outcome rows never passes through a Python loop.

An outcomes CSV file whose header names only the format's columns is not read here: it is left
for the fast path (``etl/bulk.py``), which is tried once the other tables are staged, and read
row by row (``read_rows``) only if the fast path declines.

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
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

import warehouse
from etl import bulk
from etl.kolada import MANIFEST
from etl.kolada import source as kolada_source
from etl.problems import Problem
from etl.schema import EXTRA_PREFIX, TABLES, Table

_CHUNK = 1 << 20
_BLANK_LINE = re.compile(rb"\n\r?\n")
_WHITESPACE = " \t\r\n\u00a0\u202f"


@dataclass(frozen=True)
class SourceFile:
    """A file among the sources: its path as given (inside its folder) and its SHA-256."""

    path: Path
    sha256: str


@dataclass(frozen=True)
class Sources:
    """What ``find_sources`` found: the paths given, their files, and the paths it could not
    use."""

    paths: list[Path]
    files: list[SourceFile]
    problems: list[Problem]


@dataclass
class LoadedFile:
    """A file that was read, for the load log."""

    path: str
    sha256: str
    rows: dict[str, int] = field(default_factory=dict)  # table -> rows staged


@dataclass(frozen=True)
class Pending:
    """An outcomes file left for the fast path (or, should it decline, ``read_rows``)."""

    loaded: LoadedFile
    file: bulk.BulkFile


@dataclass
class Reading:
    """What ``read`` did: every file (for the load log), the problems found, and the outcome
    files it left for the fast path."""

    files: list[LoadedFile]
    problems: list[Problem]
    pending: list[Pending]


def find_sources(paths: list[Path]) -> Sources:
    """The files of ``paths``: a workbook, a CSV file, or every CSV file of a folder."""
    files: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if kolada_source.is_kolada_folder(path):
            files.append(path / MANIFEST)
        elif path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() == ".csv")
            if not found:
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
            files += found
        elif path.suffix.lower() in (".xlsx", ".csv") and path.is_file():
            files.append(path)
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
    return Sources(list(paths), [SourceFile(f, _sha256(f)) for f in files], problems)


def create_raw_tables(con: duckdb.DuckDBPyConnection) -> None:
    # The period parsers (queries/shared/periods.sql) are there already: the door creates them
    # on every connection it opens for writing, load_warehouse on the one it is given.
    warehouse.script(con, "etl/macros")
    warehouse.script(con, "etl/read/raw_tables", template={"tables": TABLES.values()})
    kolada_source.create_table(con)


def read(
    con: duckdb.DuckDBPyConnection,
    sources: Sources,
    kept: Mapping[str, Mapping[str, int]] | None = None,
) -> Reading:
    """Stage every table found in ``sources`` into ``raw_<table>``, except the outcome files
    left for the fast path and the files in ``kept`` (those whose rows an incremental build
    keeps in the warehouse: path -> rows per table, as the load log counts them)."""
    create_raw_tables(con)
    kept = kept or {}
    reading = Reading([], list(sources.problems), [])
    folders: dict[Path, LoadedFile] = {}
    for source in sources.files:
        loaded = LoadedFile(str(source.path), source.sha256)
        reading.files.append(loaded)
        if loaded.path in kept:
            loaded.rows.update(kept[loaded.path])
        elif source.path.suffix.lower() == ".xlsx":
            _stage_xlsx(con, source.path, loaded, reading.problems)
        elif source.path.name == MANIFEST or _is_kolada_extract(source.path):
            folders[source.path] = loaded
        elif _is_kolada_file(source.path, kolada_source.is_kpi_catalogue):
            kolada_source.read_kpi_catalogue(con, source.path, reading.problems)
        elif _is_kolada_file(source.path, kolada_source.is_metadata):
            kolada_source.read_metadata(con, source.path, reading.problems)
        else:
            _read_csv(con, source.path, loaded, reading)
    # Kolada's values (folders, extract files) become outcomes through the model's kolada_kpi:
    # after the model is read.
    read_folders = [
        path
        for path in folders
        if (kolada_source.read if path.name == MANIFEST else kolada_source.read_extract)(
            con, path, reading.problems
        )
    ]
    for manifest, rows in kolada_source.stage(con, read_folders).items():
        folders[manifest].rows[bulk.BULK_TABLE] = rows
    return reading


def read_rows(
    con: duckdb.DuckDBPyConnection, pending: list[Pending], problems: list[Problem]
) -> None:
    """Stage row by row the outcome files the fast path declined."""
    for item in pending:
        _stage_csv_rows(con, item.file.path, item.loaded, TABLES[bulk.BULK_TABLE], problems)


# --- CSV -------------------------------------------------------------------------------------


def _read_csv(
    con: duckdb.DuckDBPyConnection, path: Path, loaded: LoadedFile, reading: Reading
) -> None:
    table = _table_for(path.stem, str(path), None, reading.problems)
    if table is None:
        return
    if table.name == bulk.BULK_TABLE:
        file = _bulk_file(path)
        if file is not None:
            reading.pending.append(Pending(loaded, file))
            return
    _stage_csv_rows(con, path, loaded, table, reading.problems)


def _is_kolada_extract(path: Path) -> bool:
    """A CSV file not named for a table of the format, holding one Kolada KPI's values."""
    return _is_kolada_file(path, lambda p: kolada_source.extract_kpi(p) is not None)


def _is_kolada_file(path: Path, shaped: Callable[[Path], bool]) -> bool:
    # A file named for a table of the format is always that table.
    return (
        path.suffix.lower() == ".csv" and path.stem.strip().lower() not in TABLES and shaped(path)
    )


def _bulk_file(path: Path) -> bulk.BulkFile | None:
    """The file as the fast path reads it, when its header allows. Its encoding and blank lines
    need no look: DuckDB's reader refuses bytes that are not UTF-8 (the fast path then
    declines), and the blank lines it skips are the ones the row-by-row path leaves out."""
    try:
        header, delimiter = _read_header(path)
    except UnicodeDecodeError:
        return None
    columns = bulk.plain_columns(header, _WHITESPACE)
    return None if columns is None else bulk.BulkFile(path, columns, delimiter)


def _stage_csv_rows(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    loaded: LoadedFile,
    table: Table,
    problems: list[Problem],
) -> None:
    """Stage a CSV file row by row into ``raw_<table>``, keeping each row's number."""
    encoding, has_blank_lines = _inspect_csv(path)
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
            warehouse.script(con, "etl/read/drop_csv_rejects")
            warehouse.execute(
                con, "etl/read/csv_sheet", path=str(readable), delim=delimiter, columns=columns
            )
        except duckdb.Error as error:
            problems.append(_csv_error(path, error))
            return
        rejected = _csv_rejects(con, path, len(header))
        if rejected:
            # The rows after a rejected row would get wrong row numbers: stage none of the file.
            problems += rejected
            return
    loaded.rows[table.name] = _stage_sheet(con, table, header, True, str(path), None, problems)
    warehouse.execute(con, "etl/read/drop_sheet")


def _inspect_csv(path: Path) -> tuple[str, bool]:
    """The file's encoding (utf-8 or cp1252) and whether it has blank lines, in one pass over
    the bytes."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    # A file that starts with a line break also has a blank line: seed the tail with one.
    encoding, has_blank, tail = "utf-8", False, b"\n"
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            if encoding == "utf-8":
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    encoding = "cp1252"
            has_blank = has_blank or bool(_BLANK_LINE.search(tail + chunk))
            tail = chunk[-2:]
    return encoding, has_blank


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
    problems = []
    for line, types, counts, message in warehouse.rows(con, "etl/read/csv_rejects"):
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


def _stage_xlsx(
    con: duckdb.DuckDBPyConnection, path: Path, loaded: LoadedFile, problems: list[Problem]
) -> None:
    import openpyxl  # imported here: only xlsx sources need them
    import pyarrow as pa

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
        return
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
            warehouse.execute(con, "etl/read/sheet_from_arrow")
            con.unregister("sheet_arrow")
            rows = _stage_sheet(con, table, header, False, str(path), sheet.title, problems)
            loaded.rows[table.name] = loaded.rows.get(table.name, 0) + rows
    finally:
        workbook.close()


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
    numbered_by_order: bool,
    file: str,
    sheet: str | None,
    problems: list[Problem],
) -> int:
    """Move the temp table ``sheet`` (text columns c0..cN) into ``raw_<table>``.

    Each row's number as the user sees it (header = row 1) is its place in the file
    (``numbered_by_order``, a CSV file) or the sheet's own ``_row`` (a worksheet).
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

    shape = {
        "table": table.name,
        "known": known,
        "extra": extra,
        "cleaned": [*known.values(), *extra.values()],
        "numbered_by_order": numbered_by_order,
    }
    params = {"file": file, "sheet": sheet} | ({"extra_names": list(extra)} if extra else {})
    return warehouse.value(con, "etl/read/stage_sheet", template=shape, **params)


def _has_values(con: duckdb.DuckDBPyConnection, column: str) -> bool:
    return warehouse.value(con, "etl/read/column_has_values", template={"column": column})


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
