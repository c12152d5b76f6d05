"""A folder of ``python -m etl kolada fetch``, or a Kolada extract file in the wide shape
``geo,year[,gender],<kpi>``, as a source of ``python -m etl build``.

The folder is known by its ``manifest.json``. Its pages are read by DuckDB as they were
received, every answer in the order fetched; for each KPI, area, year and gender the latest
answer's value counts (a later ``from_date`` answer revises it, and ``isdeleted`` removes it),
and becomes an outcome of every indicator whose ``kolada_kpi`` is that KPI, for every area
Kolada answered for and every gender, a null value staying missing. The latest values, with
Kolada's status and member count and the value a revision replaced, are kept in the
warehouse's ``kolada_values``.

The folder's answers about Kolada's areas (``/municipality``) and groups
(``/municipality_groups``, with members) fill ``kolada_areas`` and ``kolada_group_members``; so
do the metadata files people have offline (``metadata_kind``): rKolada's flattened
``id,title,type`` and ``group_id,group_title,member_id,…`` files, and the open-numbers dump's
entity files of kommuner, regions and riket.

A page missing from the folder, or changed since it was fetched (its SHA-256 differs from the
manifest's), is a problem naming the file: nothing of the folder is then loaded.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from pathlib import Path

import duckdb

import warehouse
from etl.kolada import FORMAT, MANIFEST
from etl.problems import Problem

_KPI = re.compile(r"[nu]\d{5}")
_EXTRACT = "kolumnerna geo,year,<nyckeltal> eller geo,year,gender,<nyckeltal>, ett tal eller tomt"
_CATALOGUE = "Koladas nyckeltalskatalog som CSV med v3:s fältnamn (id, title, description, …)"
_EXPECTED = "en mapp från python -m etl kolada fetch, oförändrad sedan hämtningen"


def is_kolada_folder(path: Path) -> bool:
    return path.is_dir() and (path / MANIFEST).is_file()


def extract_kpi(path: Path) -> tuple[str, bool] | None:
    """(KPI, divided by gender) of a Kolada extract file in the wide shape ``geo,year,<kpi>``
    or ``geo,year,gender,<kpi>`` (as the open-numbers dump of Kolada writes them), else None."""
    names = [h.strip().lower() for h in _header(path)]
    shaped = len(names) == 3 or (len(names) == 4 and names[2] == "gender")
    if shaped and names[:2] == ["geo", "year"] and _KPI.fullmatch(names[-1]):
        return names[-1].upper(), len(names) == 4
    return None


# The KPI catalogue as rKolada flattens Kolada's v3 answer (../shared/data/real).
KPI_COLUMNS = ("id", "title", "description", "operating_area", "publication_date", "publ_period")


def is_kpi_catalogue(path: Path) -> bool:
    """A CSV file of Kolada KPI metadata with v3's field names."""
    names = {n.strip().lower() for n in _header(path)}
    return set(KPI_COLUMNS) <= names


def read_kpi_catalogue(con: duckdb.DuckDBPyConnection, path: Path, problems: list[Problem]) -> int:
    """Add a KPI metadata file to ``raw_kolada_kpis``; 0 with a problem naming the file when
    DuckDB cannot read it."""
    try:
        warehouse.execute(con, "etl/kolada/kpi_csv", file=str(path))
    except duckdb.Error as error:
        first = str(error).splitlines()[0]
        problems.append(
            Problem(str(path), None, None, None, f"kan inte läsas: {first}", _CATALOGUE)
        )
    return 0  # no values: its rows are the KPIs' metadata


_METADATA = (
    "Koladas metadata som CSV: id,title,type (kommuner och regioner), "
    "group_id,group_title,member_id (grupper med medlemmar) eller open-numbers "
    "ddf--entities--geo--kommun/region/rike.csv"
)
# The open-numbers dump's entity files: the id column is named for the kind of area, and
# Kolada's type of each (K a kommun, L a region or riket).
_OPEN_NUMBERS_TYPES = {"kommun": "K", "region": "L", "rike": "L"}


def metadata_kind(path: Path) -> str | None:
    """``areas`` (id,title,type), ``groups`` (group_id,group_title,member_id,…), or the id
    column of an open-numbers entity file (``kommun``, ``region``, ``rike``: first column, then
    ``name`` and ``is--<kind>``), else None; recognised by the header, like the other files."""
    header = [h.strip().lower() for h in _header(path)]
    names = set(header)
    if names == {"id", "title", "type"}:
        return "areas"
    if {"group_id", "group_title", "member_id"} <= names:
        return "groups"
    first = header[0] if header else ""
    if first in _OPEN_NUMBERS_TYPES and {"name", f"is--{first}"} <= names:
        return first
    return None


def is_metadata(path: Path) -> bool:
    return metadata_kind(path) is not None


def read_metadata(con: duckdb.DuckDBPyConnection, path: Path, problems: list[Problem]) -> int:
    """Add an area or group metadata file to ``raw_kolada_areas`` or ``raw_kolada_groups``; 0
    (no values) with a problem naming the file when DuckDB cannot read it."""
    kind = metadata_kind(path)
    try:
        if kind == "areas":
            warehouse.execute(con, "etl/kolada/area_csv", file=str(path))
        elif kind == "groups":
            warehouse.execute(con, "etl/kolada/group_csv", file=str(path))
        else:
            warehouse.execute(
                con,
                "etl/kolada/open_numbers_areas",
                template={"column": kind},
                file=str(path),
                type=_OPEN_NUMBERS_TYPES[kind],
            )
    except duckdb.Error as error:
        first = str(error).splitlines()[0]
        problems.append(Problem(str(path), None, None, None, f"kan inte läsas: {first}", _METADATA))
    return 0


def _header(path: Path) -> list[str]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as file:
            return next(csv.reader([file.readline()]), [])
    except (OSError, UnicodeDecodeError):
        return []


def read_extract(con: duckdb.DuckDBPyConnection, path: Path, problems: list[Problem]) -> int:
    """Add an extract file's values to ``raw_kolada``; the number of values, or 0 with a
    problem naming the file."""
    kpi, gendered = extract_kpi(path) or ("", False)
    before = warehouse.value(con, "etl/kolada/value_count")
    query = "etl/kolada/extract_gendered" if gendered else "etl/kolada/extract_total"
    try:
        warehouse.execute(con, query, file=str(path), kpi=kpi)
    except duckdb.Error as error:
        first = str(error).splitlines()[0]
        problems.append(Problem(str(path), None, None, None, f"kan inte läsas: {first}", _EXTRACT))
        return 0
    return warehouse.value(con, "etl/kolada/value_count") - before


def create_table(con: duckdb.DuckDBPyConnection) -> None:
    warehouse.script(con, "etl/kolada/pages_table")
    warehouse.script(con, "etl/kolada/kpi_table")
    warehouse.script(con, "etl/kolada/areas_table")
    warehouse.script(con, "etl/kolada/groups_table")
    warehouse.script(con, "etl/kolada/peers_table")


def read(con: duckdb.DuckDBPyConnection, manifest: Path, problems: list[Problem]) -> int:
    """Add the folder's values to ``raw_kolada``; the number of values, or 0 with a problem."""
    folder = manifest.parent
    try:
        document = json.loads(manifest.read_text("utf-8"))
        if document.get("format") != FORMAT:
            raise ValueError
        answers = [e for e in document["requests"] if e["key"].startswith("data/")]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        problems.append(
            Problem(str(manifest), None, None, None, "inte en läsbar manifestfil", _EXPECTED)
        )
        return 0
    model = warehouse.value(con, "etl/kolada/model_municipality")
    fetched_for = document.get("municipality")
    if model is not None and fetched_for != model:
        problems.append(
            Problem(
                str(manifest),
                None,
                None,
                "municipality",
                f"hämtad för kommun {fetched_for}",
                f"samma kommun som modellens municipality_code ({model})",
            )
        )
        return 0
    pages = _intact_pages(folder, answers, problems)
    if pages is None:
        return 0
    metadata = {}
    for prefix, query in _METADATA_ANSWERS:
        entries = [
            e for e in document["requests"] if e["key"].split("/")[0].split("?")[0] == prefix
        ]
        metadata[query] = _intact_pages(folder, entries, problems)
    if any(pages is None for pages in metadata.values()):
        return 0
    for query, answered in metadata.items():
        if answered["files"]:
            warehouse.execute(con, query, manifest=str(manifest), **answered)
    if document.get("peer_group"):
        warehouse.execute(
            con, "etl/kolada/insert_peer", manifest=str(manifest), group=document["peer_group"]
        )
    if not pages["files"]:
        return 0
    before = warehouse.value(con, "etl/kolada/value_count")
    warehouse.execute(con, "etl/kolada/read_pages", manifest=str(manifest), **pages)
    return warehouse.value(con, "etl/kolada/value_count") - before


# The metadata answers of a folder (the first part of a manifest key) and the query reading them.
_METADATA_ANSWERS = (
    ("kpi", "etl/kolada/read_kpi_pages"),
    ("municipality", "etl/kolada/read_area_pages"),
    ("municipality_groups", "etl/kolada/read_group_pages"),
)


def _intact_pages(folder: Path, answers: list[dict], problems: list[Problem]) -> dict | None:
    """The pages of ``answers`` as query parameters (files, answer numbers, fetch times), or
    None when a page is missing or changed (each a problem)."""
    files, numbers, fetched = [], [], []
    count = len(problems)
    for number, answer in enumerate(answers, start=1):
        for page in answer["pages"]:
            path = folder / page["file"]
            try:
                intact = hashlib.sha256(path.read_bytes()).hexdigest() == page["sha256"]
            except OSError:
                problems.append(Problem(str(path), None, None, None, "sidan saknas", _EXPECTED))
                continue
            if not intact:
                problems.append(
                    Problem(
                        str(path), None, None, None, "sidan har ändrats sedan hämtningen", _EXPECTED
                    )
                )
                continue
            files.append(str(path))
            numbers.append(number)
            fetched.append(answer["fetched_at"])
    if len(problems) > count:
        return None
    return {"files": files, "answers": numbers, "fetched": fetched}


def stage(con: duckdb.DuckDBPyConnection, manifests: list[Path]) -> dict[Path, int]:
    """The latest value of each Kolada series and period (``stg_kolada``), and those values as
    outcome rows of the indicators that name their KPI; the outcome rows of each folder."""
    warehouse.script(con, "etl/kolada/latest")
    warehouse.script(con, "etl/kolada/latest_kpis")
    warehouse.script(con, "etl/kolada/latest_areas")
    warehouse.script(con, "etl/kolada/latest_groups")
    warehouse.execute(con, "etl/kolada/outcomes")
    return {m: warehouse.value(con, "etl/kolada/outcome_count", manifest=str(m)) for m in manifests}
