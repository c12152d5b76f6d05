"""The docs cannot drift from the code.

``docs/format.md`` must document every table, column, settings key and allowed value of
``etl/schema.py``, in the schema's table order, and its CSV examples must together be a valid
source. ``docs/warehouse.md`` must document every table and column of
``queries/warehouse/schema.sql``.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from etl.build import check
from etl.problems import InvalidInput
from etl.schema import RULE_PRESETS, SETTING_KEYS, TABLES

ROOT = Path(__file__).resolve().parents[1]
FORMAT_DOC = ROOT / "docs" / "format.md"
WAREHOUSE_DOC = ROOT / "docs" / "warehouse.md"
WAREHOUSE_SCHEMA = ROOT / "queries" / "warehouse" / "schema.sql"

_FENCE = re.compile(r"^```")
_NAMED_HEADING = re.compile(r"^#{2,6} `(\w+)`")
_CSV_EXAMPLE = re.compile(r"^```csv title=(\S+)\n(.*?)^```$", re.DOTALL | re.MULTILINE)
_CREATE_TABLE = re.compile(r"^create table (\w+) \((.*?)^\);", re.DOTALL | re.MULTILINE)
_COLUMN = re.compile(r"^\s*(\w+)\s+\w")


def sections(path: Path) -> dict[str, str]:
    """Sections whose heading starts with a name in backticks (``## `goals` — …``), by name.

    A section runs to the next heading of any level; lines inside fenced code blocks are never
    headings.
    """
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    in_code = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if _FENCE.match(line):
            in_code = not in_code
        elif not in_code and line.startswith("#"):
            match = _NAMED_HEADING.match(line)
            current = found.setdefault(match.group(1), []) if match else None
            continue
        if current is not None:
            current.append(line)
    return {name: "\n".join(lines) for name, lines in found.items()}


def warehouse_tables() -> dict[str, list[str]]:
    """Table name -> column names, parsed from queries/warehouse/schema.sql."""
    text = WAREHOUSE_SCHEMA.read_text(encoding="utf-8")
    tables = {}
    for name, body in _CREATE_TABLE.findall(text):
        columns = []
        for line in body.splitlines():
            line = line.split("--", 1)[0]
            match = _COLUMN.match(line)
            if match and match.group(1).lower() not in {"primary", "unique", "foreign", "check"}:
                columns.append(match.group(1))
        tables[name] = columns
    return tables


def test_format_doc_has_a_section_per_table_in_schema_order():
    documented = [name for name in sections(FORMAT_DOC) if name in TABLES]
    assert documented == list(TABLES)


@pytest.mark.parametrize("table", list(TABLES))
def test_format_doc_names_every_column_and_allowed_value(table):
    section = sections(FORMAT_DOC)[table]
    missing = [c.name for c in TABLES[table].columns if f"`{c.name}`" not in section]
    assert not missing, f"columns of {table} not in its section of docs/format.md: {missing}"
    for column in TABLES[table].columns:
        if column.name == "key":
            continue  # the settings keys are checked below
        absent = [v for v in column.choices if f"`{v}`" not in section]
        assert not absent, f"{table}.{column.name}: values not in docs/format.md: {absent}"


def test_format_doc_names_every_settings_key_and_preset():
    section = sections(FORMAT_DOC)["settings"]
    missing = [key for key in SETTING_KEYS if f"| `{key}` |" not in section]
    assert not missing, f"settings keys without a row in docs/format.md: {missing}"
    absent = [preset for preset in RULE_PRESETS if f"`{preset}`" not in section]
    assert not absent, f"rule presets not in docs/format.md: {absent}"


def test_format_doc_examples_are_one_valid_source(tmp_path):
    examples = _CSV_EXAMPLE.findall(FORMAT_DOC.read_text(encoding="utf-8"))
    names = [name for name, _ in examples]
    assert sorted(names) == sorted(f"{table}.csv" for table in TABLES), names
    for name, body in examples:
        (tmp_path / name).write_text(body, encoding="utf-8")
    try:
        files = check([tmp_path])
    except InvalidInput as invalid:
        pytest.fail(
            "the examples in docs/format.md are invalid:\n" + "\n".join(map(str, invalid.problems))
        )
    assert {table for file in files for table in file.rows} == set(TABLES)


def test_warehouse_schema_is_parsed():
    tables = warehouse_tables()
    assert "outcomes" in tables
    assert tables["goal_links"] == ["parent_id", "child_id", "weight"]


@pytest.mark.parametrize("table", list(warehouse_tables()))
def test_warehouse_doc_names_every_table_and_column(table):
    documented = sections(WAREHOUSE_DOC)
    assert table in documented, f"docs/warehouse.md has no section for {table}"
    columns = warehouse_tables()[table]
    missing = [c for c in columns if f"`{c}`" not in documented[table]]
    assert not missing, f"columns of {table} not in its section of docs/warehouse.md: {missing}"


@pytest.mark.parametrize("table", ["indicator_status", "goal_status"])
def test_warehouse_doc_names_every_column_of_the_engine_outputs(table, tmp_path):
    import duckdb

    from etl.build import build

    db = build([Path(__file__).parent / "fixtures" / "tiny"], tmp_path / "w.duckdb").path
    with duckdb.connect(db, read_only=True) as con:
        columns = [row[0] for row in con.execute(f"describe {table}").fetchall()]
    documented = sections(WAREHOUSE_DOC)
    assert table in documented
    missing = [c for c in columns if f"`{c}`" not in documented[table]]
    assert not missing, f"columns of {table} not in docs/warehouse.md: {missing}"


# A path of one machine (a home, a scratch or a work folder) or a note addressed to someone
# given a task: neither belongs in a repository that speaks to its users and contributors.
MACHINE_PATH = re.compile(
    r"(?:^|[\s`(\"'=])/(?:work|tmp|home|root|Users|mnt|srv|opt|var/folders)/|\b[A-Z]:\\\\"
)
NOTE_TO_HELPERS = re.compile(r"\bthe lead\b|\byour task\b|PLACEHOLDER|\bhelpers?:", re.I)


def tracked_text_files() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    names = listed.stdout.splitlines() if listed.returncode == 0 else []
    paths = [ROOT / n for n in names] or [p for p in ROOT.rglob("*") if ".venv" not in p.parts]
    binary = {".png", ".xlsx", ".duckdb", ".parquet"}
    return [p for p in paths if p.is_file() and p.suffix not in binary]


def test_the_repository_names_no_machine_paths_and_no_notes_to_helpers():
    found = [
        f"{path.relative_to(ROOT)}:{n}: {line.strip()[:90]}"
        for path in tracked_text_files()
        if path != Path(__file__).resolve()
        for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
        if MACHINE_PATH.search(line) or NOTE_TO_HELPERS.search(line)
    ]
    assert found == []


@pytest.mark.parametrize(
    "line",
    [
        "--db /tmp/ex.duckdb",
        'AppTest.from_file("/work/main/dashboard.py")',
        "`/home/anna/x`",
        "Do NOT git commit (the lead commits).",
        "(Helpers: where your task says …)",
    ],
)
def test_the_scan_for_machine_paths_recognises_them(line):
    assert MACHINE_PATH.search(line) or NOTE_TO_HELPERS.search(line)
