"""Query files: reading ``queries/<group>/<name>.sql``, its ``$parameters``, and templates.

A query file holds one query (or, for ``script``, several statements) and starts with a header
comment giving its purpose, grain and parameters. Values always travel as DuckDB ``$name``
parameters. A few files must vary an *identifier* (the staging table of each format table, the
columns a cell check covers): those are Jinja templates, rendered with ``template=`` values that
come from the code (``etl/schema.py``), never from a user; every identifier passes through the
``ident`` filter, which accepts only plain names and quotes them. A template may also include a
part shared by several queries (``{% include 'engine/roll_up.sql' %}``), so that one rule is
written once.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2

QUERY_DIR = Path(__file__).resolve().parents[1] / "queries"
_PARAM = re.compile(r"\$([a-z_][a-z0-9_]*)")
_IDENTIFIER = re.compile(r"[a-z_][a-z0-9_]*")


def _ident(name: str) -> str:
    """A table or column name for a template, quoted; anything but a plain name is refused."""
    if not isinstance(name, str) or not _IDENTIFIER.fullmatch(name):
        raise ValueError(f"not a plain identifier: {name!r}")
    return f'"{name}"'


@functools.cache
def _environment(folder: Path) -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # SQL, not HTML: identifiers are quoted by the ident filter instead
        keep_trailing_newline=True,
    )
    environment.filters["ident"] = _ident
    return environment


_TEMPLATES = _environment(QUERY_DIR)


def _path(name: str) -> Path:
    path = (QUERY_DIR / f"{name}.sql").resolve()
    if QUERY_DIR not in path.parents:
        raise ValueError(f"query name outside the queries folder: {name!r}")
    return path


@functools.cache
def _text(name: str) -> str:
    return _path(name).read_text(encoding="utf-8")


def _is_template(text: str) -> bool:
    return "{{" in text or "{%" in text


@functools.cache
def _plain(name: str) -> str:
    """A query file's text; a template without values (one that only includes other files,
    such as engine/roll_up.sql) is rendered once."""
    text = _text(name)
    if _is_template(text):
        text = _TEMPLATES.get_template(f"{name}.sql").render()
    return _final(text)


def _final(text: str) -> str:
    # Without the final ";" a query can be wrapped, e.g. in "create table … as <query>".
    return text.rstrip().removesuffix(";")


def sql(name: str, template: Mapping[str, Any] | None = None) -> str:
    """The text of ``queries/<name>.sql``, e.g. ``sql("app/goal_tree")``; a template file is
    rendered with the values in ``template``."""
    if template is None:
        return _plain(name)
    return _final(_TEMPLATES.get_template(f"{name}.sql").render(**template))


def sql_in(folder: Path, name: str) -> str:
    """The text of ``<folder>/<name>.sql`` from another copy of queries/ (an older checkout's,
    which bench/compare.py times beside this one), rendered like ``sql``."""
    text = (folder / f"{name}.sql").read_text(encoding="utf-8")
    if _is_template(text):
        text = _environment(folder.resolve()).get_template(f"{name}.sql").render()
    return _final(text)


def parameters(name: str, template: Mapping[str, Any] | None = None) -> set[str]:
    """The ``$parameters`` query file ``name`` uses (comments stripped first, so headers don't
    count)."""
    return _parameters(sql(name, template))


def parameters_in(folder: Path, name: str) -> set[str]:
    """The ``$parameters`` of ``<folder>/<name>.sql`` in another copy of queries/ (``sql_in``)."""
    return _parameters(sql_in(folder, name))


def _parameters(text: str) -> set[str]:
    body = "\n".join(line.split("--", 1)[0] for line in text.splitlines())
    return set(_PARAM.findall(body))


def checked(name: str, text: str, params: dict[str, Any]) -> dict[str, Any]:
    """``params``, if they are exactly the parameters ``text`` uses."""
    expected = _parameters(text)
    if set(params) != expected:
        raise TypeError(f"{name} takes {sorted(expected)}, got {sorted(params)}")
    return params
