"""SQL lives in ``.sql`` files under queries/, and only the door (``warehouse/``) runs it.

The scan reads every Python file of the product and of bench/ (everything outside tests/) and
fails on a string that reads as SQL, and on a call that hands SQL text to DuckDB anywhere but
in the door. Docstrings are prose and are not scanned.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import warehouse

ROOT = Path(__file__).resolve().parents[1]
DOOR = ROOT / "warehouse"

# Statements and clauses as they begin or join SQL text; prose rarely has these shapes.
SQL_TEXT = re.compile(
    r"""(?isx)
    \bselect\b .*? \bfrom\b
    | \binsert \s+ into\b
    | \bcreate \s+ (or \s+ replace \s+)? (temp(orary)? \s+)? (table|view|macro|index|schema)\b
    | \bdrop \s+ (table|view|macro|schema)\b
    | \bdelete \s+ from\b
    | \bupdate \s+ \w+ \s+ set\b
    | \balter \s+ table\b
    | \battach\b .* \bas\b
    | \bcopy \s* \( .* \) \s* to\b
    | ^ \s* (set|reset|pragma|use|with \s+ \w+ \s+ as) \b
    | ^ \s* checkpoint \s* ;? \s* $
    | \bcount \s* \( \s* \* \s* \)
    | \bfrom \s+ \w+ \s+ (where|join|group \s+ by|order \s+ by)\b
    """
)
# DuckDB methods that take SQL text (or build it), and the module functions that do.
SQL_METHODS = {"execute", "executemany", "query", "from_query", "sql", "project", "read_csv"}


def sources() -> list[Path]:
    skip = {"tests", ".venv", ".git"}
    return sorted(p for p in ROOT.rglob("*.py") if not skip & set(p.relative_to(ROOT).parts))


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def sql_strings(source: str) -> list[tuple[int, str]]:
    """(line, text) of every string in ``source`` that reads as SQL (docstrings left out)."""
    tree = ast.parse(source)
    docstrings = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            text = "".join(v.value if isinstance(v, ast.Constant) else "x" for v in node.values)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if id(node) in docstrings:
                continue
            text = node.value
        else:
            continue
        if SQL_TEXT.search(text):
            found.append((node.lineno, text))
    return found


def sql_calls(source: str) -> list[tuple[int, str]]:
    """(line, method) of every call that hands text to DuckDB: ``con.execute(…)``,
    ``duckdb.sql(…)``, ``relation.project(…)`` … (``warehouse.sql`` reads a query file)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        owner = node.func.value
        if node.func.attr in SQL_METHODS and not (
            isinstance(owner, ast.Name) and owner.id == "warehouse"
        ):
            found.append((node.lineno, node.func.attr))
    return found


@pytest.mark.parametrize(
    "text",
    [
        "select key, value from settings",
        "create or replace temp table sheet as select * from sheet_arrow",
        "insert into load_log values (?, ?)",
        "drop table if exists csv_rejects",
        "set enable_progress_bar = $on",
        "attach $path as warehouse (read_only)",
        "copy (from t) to 'x.csv'",
        "with links as (select 1)",
        "select count(*) from {t}",
        "delete from outcomes",
    ],
)
def test_the_scan_recognises_sql(text: str) -> None:
    assert sql_strings(f"x = {text!r}\n"), text


@pytest.mark.parametrize(
    "text",
    [
        "Välj ett mål i listan",
        "Det finns inget datalager på {path}",
        "obligatorisk kolumn saknas",
        "app/goal_tree",
        "from the latest period",
        "Läser 2 källa/källor …",
    ],
)
def test_the_scan_leaves_prose_alone(text: str) -> None:
    assert not sql_strings(f"x = {text!r}\n"), text


def test_the_scan_finds_calls_that_take_sql() -> None:
    assert sql_calls("con.execute(q)\nduckdb.sql(q)\nrel.project(p)\n") == [
        (1, "execute"),
        (2, "sql"),
        (3, "project"),
    ]
    assert sql_calls("warehouse.sql('app/summary')\nwarehouse.run(con, 'app/summary')\n") == []


def test_no_sql_text_in_python_outside_query_files() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}: {text[:70]!r}"
        for path in sources()
        for line, text in sql_strings(path.read_text(encoding="utf-8"))
    ]
    assert found == [], "SQL belongs in queries/<group>/<name>.sql:\n" + "\n".join(found)


def test_only_the_door_hands_text_to_duckdb() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}: .{method}(…)"
        for path in sources()
        if DOOR not in path.parents
        for line, method in sql_calls(path.read_text(encoding="utf-8"))
    ]
    assert found == [], "run query files through the warehouse package:\n" + "\n".join(found)


def test_every_query_file_has_a_header() -> None:
    missing = [
        str(path.relative_to(ROOT))
        for path in sorted(warehouse.QUERY_DIR.rglob("*.sql"))
        if not all(
            f"-- {field}:" in path.read_text(encoding="utf-8")
            for field in ("Purpose", "Grain", "Params")
        )
    ]
    assert missing == []
