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
from etl.schema import TABLES, Table
from etl.sheets import HEADER_SEARCH_ROWS, WHITESPACE, header_below, stage_sheet, table_for
from etl.sheets import title_problem as _title_problem
from etl.workbook import stage_xlsx

_CHUNK = 1 << 20
_BLANK_LINE = re.compile(rb"\n\r?\n")
_WHITESPACE = WHITESPACE
# A field as long as DuckDB's reader allows a line (its max_line_size): Python's csv module
# stops at 128 KiB by default, which is no limit of the format.
_MAX_FIELD = 2_000_000
csv.field_size_limit(_MAX_FIELD)
# Excel's widest sheet: a header with more fields is no table of the format (and a reader
# asked for a million columns takes minutes).
_MAX_COLUMNS = 16_384


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
    # Tables with a file or sheet refused as a whole (a bad header, an unreadable file): their
    # rows are missing, so references to them are not checked (etl/validate.py).
    refused: set[str] = field(default_factory=set)


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
            reading.refused |= stage_xlsx(con, source.path, loaded.rows, reading.problems)
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
) -> set[str]:
    """Stage row by row the outcome files the fast path declined; the tables refused."""
    refused = set()
    for item in pending:
        table = TABLES[bulk.BULK_TABLE]
        if not _stage_csv_rows(con, item.file.path, item.loaded, table, problems):
            refused.add(table.name)
    return refused


# --- CSV -------------------------------------------------------------------------------------


def _read_csv(
    con: duckdb.DuckDBPyConnection, path: Path, loaded: LoadedFile, reading: Reading
) -> None:
    table = table_for(path.stem, str(path), None, reading.problems)
    if table is None:
        return
    unreadable = _not_text(path)
    if unreadable:
        reading.problems.append(unreadable)
        reading.refused.add(table.name)
        return
    if table.name == bulk.BULK_TABLE:
        file = _bulk_file(path)
        if file is not None:
            reading.pending.append(Pending(loaded, file))
            return
    if not _stage_csv_rows(con, path, loaded, table, reading.problems):
        reading.refused.add(table.name)


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
) -> bool:
    """Stage a CSV file row by row into ``raw_<table>``, keeping each row's number; False when
    the file is refused as a whole (its problems added)."""
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
                return False
            except _UnreadableRow as error:
                problems.append(_csv_module_error(path, error))
                return False
        header, delimiter = _read_header(readable)
        refusal = _header_refusal(path, readable, table, header)
        if refusal:
            problems.append(refusal)
            return False
        columns = {f"c{i}": "varchar" for i in range(len(header))}
        try:
            warehouse.script(con, "etl/read/drop_csv_rejects")
            warehouse.execute(
                con, "etl/read/csv_sheet", path=str(readable), delim=delimiter, columns=columns
            )
        except duckdb.Error as error:
            problems.append(_csv_error(path, error))
            return False
        rejected = _csv_rejects(con, path, len(header))
        if rejected:
            # The rows after a rejected row would get wrong row numbers: stage none of the file.
            problems += rejected
            return False
    rows = stage_sheet(con, table, header, True, str(path), None, problems)
    warehouse.execute(con, "etl/read/drop_sheet")
    if rows is None:
        return False
    loaded.rows[table.name] = rows
    return True


def _header_refusal(path: Path, readable: Path, table: Table, header: list[str]) -> Problem | None:
    """Why the first line cannot be the file's header: a title above the header, no header at
    all, or more columns than a sheet has."""
    if len(header) > _MAX_COLUMNS:
        found = f"rubrikraden har {len(header)} fält"
        return Problem(str(path), None, 1, None, found, f"högst {_MAX_COLUMNS} kolumner")
    below = header_below(table, header, _lines_below(readable))
    if below:
        empty = not any(h.strip(_WHITESPACE) for h in header)
        return _title_problem(str(path), None, below, empty=empty)
    if not any(h.strip(_WHITESPACE) for h in header):
        return Problem(
            str(path), None, 1, None, "filen saknar rubrikrad", "en rubrikrad med kolumnnamn"
        )
    return None


def _lines_below(path: Path) -> Iterator[tuple[int, list[str | None]]]:
    """Lines 2, 3, … of a text file up to HEADER_SEARCH_ROWS, each split at its own separator
    (a title row above the header has none), read only as far as they are asked for."""
    with path.open(encoding="utf-8-sig", newline="") as f:
        f.readline()
        for number in range(2, HEADER_SEARCH_ROWS + 2):
            line = f.readline(_MAX_FIELD)
            if not line:
                return
            yield number, next(csv.reader(io.StringIO(line), delimiter=_delimiter(line)), [])


def _not_text(path: Path) -> Problem | None:
    """A file that is no text in an encoding the format reads, named by what it is: UTF-16 or
    UTF-32 ("Unicode-text" in Excel), a zip file (an .xlsx renamed) or other binary data."""
    with path.open("rb") as f:
        head = f.read(1 << 16)
    expected = 'en textfil i UTF-8 eller Windows-1252 (i Excel: spara som "CSV UTF-8")'
    found = None
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        found = "filen är kodad som UTF-32"
    elif head.startswith((b"\xff\xfe", b"\xfe\xff")):
        found = 'filen är kodad som UTF-16 ("Unicode-text" i Excel)'
    elif head.startswith(b"PK\x03\x04"):
        found, expected = (
            "filen är en zip-fil, t.ex. en arbetsbok, inte CSV",
            ("en CSV-fil, eller en arbetsbok med filändelsen .xlsx"),
        )
    elif b"\x00" in head:
        # UTF-16 without a byte order mark has a zero byte beside every ASCII letter.
        zeros = head.count(b"\x00")
        found = (
            'filen är kodad som UTF-16 ("Unicode-text" i Excel)'
            if zeros * 3 > len(head)
            else "filen innehåller nolltecken (byte 0x00) och är ingen textfil"
        )
    return Problem(str(path), None, None, None, found, expected) if found else None


def _csv_module_error(path: Path, error: _UnreadableRow) -> Problem:
    if "field larger" in str(error):
        found, expected = "ett fält är för långt", f"fält på högst {_MAX_FIELD:,} tecken"
    else:
        found, expected = "raden kan inte läsas som CSV", "giltig CSV"
    return Problem(str(path), None, error.row, None, found, expected.replace(",", " "))


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
        number = 1  # the last row written: a failure is on the next
        try:
            for number, record in enumerate(csv.reader(src, delimiter=delimiter), start=2):  # noqa: B007
                writer.writerow(record if record else [""] * width)
        except csv.Error as error:
            raise _UnreadableRow(number + 1, str(error)) from error


class _UnreadableRow(Exception):
    """A row Python's csv module cannot read (a field longer than _MAX_FIELD characters)."""

    def __init__(self, row: int, reason: str):
        self.row = row
        super().__init__(reason)


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


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
