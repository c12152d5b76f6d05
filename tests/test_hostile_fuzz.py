"""Hypothesis breaks the example's files and a workbook made from them: whatever it makes,
``python -m etl check`` (and ``build`` when the check passes) ends with 0 or 2 and its messages,
never a traceback, within seconds and bounded memory.

The command line's own function runs in the test's process, so an example costs a check, not a
Python start; an alarm turns a hang into a failure, and the process's peak memory is read after
each example.
"""

from __future__ import annotations

import contextlib
import csv
import io
import resource
import signal
import tempfile
import time
import zipfile
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.__main__ import main
from tests.conftest import ROOT

EXAMPLE = ROOT / "data" / "example"
FILES = {p.name: p.read_bytes() for p in sorted(EXAMPLE.glob("*.csv"))}
# The workbook keeps the first rows of the tables nothing refers to, for a cheaper write and
# read; it is still a valid model.
WORKBOOK_ROWS = {"targets": 100, "assessments": 40, "outcomes": 200}

SECONDS = 20  # per example; a check of the example takes well under one
PEAK_KIB = 1_500_000  # the process's peak resident memory (a check needs about 250 MB)

ODD_CELLS = [
    "1e308", "-1e308", "1e20", "1e-400", "1e999", "NaN", "inf", "-0", "1_000", "0x1F", "１２",
    "−5", "9" * 400, "", " ", '"', ";", "\n", "2024-05-01", "2024-H1", "=1+1", "\x00", "\u202e",
    "Ä" * 5_000, "x" * 200_000,
]  # fmt: skip

SETTINGS = dict(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


class Hang(Exception):
    pass


def _alarm(signum, frame):
    raise Hang(f"no answer within {SECONDS} s")


def finishes(*sources: Path) -> None:
    """Check ``sources`` (and build them when they pass): exit 0 or 2, no traceback, in time."""
    with tempfile.TemporaryDirectory(prefix="rodtrad-fuzz-") as tmp:
        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.alarm(SECONDS)
        started = time.monotonic()
        try:
            err = io.StringIO()
            with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
                code = main(["check", "--quiet", *map(str, sources)])
                if code == 0:
                    code = main(["build", "--quiet", "--db", f"{tmp}/w.duckdb", *map(str, sources)])
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous)
    assert code in (0, 2), err.getvalue()[-2000:]
    assert "Traceback" not in err.getvalue()
    assert code == 0 or "problem hittades" in err.getvalue()
    assert time.monotonic() - started < SECONDS
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss < PEAK_KIB


# --- mutations of a file's bytes -------------------------------------------------------------


# A mutation is drawn as a small plan (kind, position, value) and applied to the bytes, so that
# a failing example prints and shrinks as a few numbers, not as a file.
KINDS = ("flip", "truncate", "row", "column", "cell", "encoding", "title", "blank lines")
ENCODINGS = ("utf-16", "utf-16-le", "utf-32", "cp1252", "utf-8-sig")
EXTRA_HEADERS = ("", "x_ny", "ny", "goal_id", "value")
TITLES = (b"Utfall 2024", b";;;", b"", b"Tabell 1;;")

MUTATION = st.tuples(
    st.sampled_from(KINDS),
    st.floats(0, 1),  # where, as a share of the file or its lines
    st.integers(0, 255),  # a byte, or which value of a list
    st.lists(st.sampled_from(ODD_CELLS[:20] + ["N15505", "2024", "KF"]), max_size=12),
)


def mutated(data: bytes, mutation: tuple) -> bytes:
    kind, where, pick, row = mutation
    lines = data.split(b"\n")
    at = int(where * (len(lines) - 1))
    if kind == "flip":
        i = int(where * (len(data) - 1))
        return data[:i] + bytes([pick]) + data[i + 1 :] if data else data
    if kind == "truncate":
        return data[: int(where * len(data))]
    if kind == "row":
        lines.insert(at, ",".join(row).encode())
    elif kind == "column":
        extra = EXTRA_HEADERS[pick % len(EXTRA_HEADERS)].encode()
        lines = [line + b"," + (extra if i == 0 else b"1") for i, line in enumerate(lines)]
    elif kind == "cell":
        fields = next(csv.reader([lines[at].decode("utf-8", "replace")]), [])
        if fields:
            fields[pick % len(fields)] = ODD_CELLS[pick % len(ODD_CELLS)]
            out = io.StringIO()
            csv.writer(out, lineterminator="").writerow(fields)
            lines[at] = out.getvalue().encode()
    elif kind == "encoding":
        text = data.decode("utf-8", "replace")
        return text.encode(ENCODINGS[pick % len(ENCODINGS)], "replace")
    elif kind == "title":
        lines.insert(0, TITLES[pick % len(TITLES)])
    else:
        lines = [x for line in lines for x in (line, b"")]
    return b"\n".join(lines)


@settings(**SETTINGS)
@given(
    mutations=st.lists(st.tuples(st.sampled_from(sorted(FILES)), MUTATION), min_size=1, max_size=3)
)
def test_mutated_csv_files_end_in_0_or_2(mutations):
    with tempfile.TemporaryDirectory(prefix="rodtrad-fuzz-") as tmp:
        folder = Path(tmp) / "modell"
        folder.mkdir()
        files = dict(FILES)
        for name, mutation in mutations:
            files[name] = mutated(files[name], mutation)
        for name, content in files.items():
            (folder / name).write_bytes(content)
        finishes(folder)


# --- mutations of a workbook -----------------------------------------------------------------


def example_tables() -> dict[str, list[list[str]]]:
    tables = {}
    for name, content in FILES.items():
        rows = list(csv.reader(io.StringIO(content.decode("utf-8"))))
        table = name.removesuffix(".csv")
        tables[table] = rows[: WORKBOOK_ROWS.get(table, len(rows)) + 1]
    return tables


TABLES = example_tables()
CELL_VALUES = st.one_of(
    st.sampled_from(ODD_CELLS),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(-(2**70), 2**70),
    st.datetimes(),
    st.booleans(),
)


@st.composite
def workbook_edit(draw) -> tuple:
    kind = draw(st.sampled_from(["cell", "far cell", "title", "row", "sheet name"]))
    sheet = draw(st.sampled_from(sorted(TABLES)))
    rows = len(TABLES[sheet])
    if kind == "far cell":
        return kind, sheet, draw(st.integers(1, 1_048_576)), draw(st.integers(1, 16_384)), "x"
    return kind, sheet, draw(st.integers(1, rows)), draw(st.integers(1, 12)), draw(CELL_VALUES)


def write_workbook(path: Path, edits: list[tuple]) -> None:
    book = openpyxl.Workbook(write_only=False)
    book.remove(book.active)
    for name, rows in TABLES.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    # Rows are inserted before cells are set (openpyxl moves a far cell by visiting every cell
    # up to it), and sheets renamed last (the other edits name a sheet by its table).
    order = {"title": 0, "row": 0, "cell": 1, "far cell": 1, "sheet name": 2}
    for kind, name, row, column, value in sorted(edits, key=lambda e: order[e[0]]):
        if name not in book.sheetnames:
            continue  # renamed already
        sheet = book[name]
        if kind == "title":
            sheet.insert_rows(1)
            sheet.cell(1, 1, "Målmodell 2024")
        elif kind == "row":
            sheet.insert_rows(row)
        elif kind == "sheet name":
            sheet.title = f"{name} ({row})"
        else:
            with contextlib.suppress(ValueError, TypeError):  # what openpyxl refuses to store
                sheet.cell(row, column, value)
    book.save(path)


@st.composite
def xml_edit(draw) -> tuple[bytes, bytes]:
    """A change to the sheets' XML that no spreadsheet program would write."""
    return draw(
        st.sampled_from(
            [
                (b"<v>1</v>", b"<v>NaN</v>"),
                (b"<v>1</v>", b"<v>Infinity</v>"),
                (b"<v>2</v>", b"<v>1e999</v>"),
                (b"<v>0</v>", b"<v></v>"),
                (b'<dimension ref="', b'<dimension ref="A1:XFD1048576" x="'),
                (b't="inlineStr"', b't="e"'),
                (b't="inlineStr"', b't="n"'),
                (b"<row ", b'<row spans="1:16384" '),
                (b'r="A2"', b'r="XFD1048576"'),
                (b"</sheetData>", b""),
            ]
        )
    )


@settings(**{**SETTINGS, "max_examples": 12})
@given(
    edits=st.lists(workbook_edit(), max_size=3),
    xml=st.lists(xml_edit(), max_size=2),
    cut=st.none() | st.integers(0, 40_000),
)
def test_mutated_workbooks_end_in_0_or_2(edits, xml, cut):
    with tempfile.TemporaryDirectory(prefix="rodtrad-fuzz-") as tmp:
        plain, path = Path(tmp) / "plain.xlsx", Path(tmp) / "modell.xlsx"
        write_workbook(plain, edits)
        with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w") as out:
            for item in src.infolist():
                content = src.read(item.filename)
                if item.filename.startswith("xl/worksheets/"):
                    for old, new in xml:
                        content = content.replace(old, new, 1)
                out.writestr(item, content)
        if cut is not None:
            path.write_bytes(path.read_bytes()[:cut])
        finishes(path)
