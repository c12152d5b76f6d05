"""Open data: the public goal model and its outcomes as files anyone may take and use.

The files are the tables of the interchange format (docs/format.md), so ``python -m etl build``
reads them back, plus the goals' statuses as Röd tråd computed them (``beraknat/``, a folder
the build does not read) and a read-me (``LÄSMIG.txt``) with the licence (settings key
``licence``) and the attribution: "Källa: Kolada" for the outcomes whose source is Kolada,
never for our own computations. They are offered as one zip of CSV files for Swedish Excel and
one of Parquet files (docs/open_data.md).

They are always read from the public warehouse, ``<name>.public.duckdb`` beside the warehouse
(etl/publish.py): in public mode the one file the app reads, in the organisation's own
dashboard the file beside its warehouse. So nothing that is not public can reach them, in
either mode. The queries are ``queries/open_data/<table>.sql``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import streamlit as st

import warehouse
from etl.schema import DEFAULT_LICENCE, LICENCES, TABLE_ORDER
from ui import downloads
from ui import format as fmt

COMPUTED = "goal_status"  # our own computation, in a folder the build does not read: beraknat/
FILES = (*TABLE_ORDER, COMPUTED)
README = "LÄSMIG.txt"
CONTENTS = {
    "settings": "kommunkod, namn, licens och de regler statusen beräknas med",
    "organisation": "styrelsen, nämnderna och bolagen som ansvarar för publika mål",
    "goals": "målen, från visionen ned till åtagandena",
    "indicators": "indikatorerna (nyckeltalen) som mäter målen",
    "goal_indicators": "vilka indikatorer som mäter vilket mål, och deras vikter",
    "targets": "målvärdena",
    "outcomes": "utfallen, var och ett med sin källa (kolumnen source)",
    "forecasts": "prognoserna för helåret som gjordes vid ett delår (inga utfall)",
    "assessments": "nämndernas egna bedömningar av målen",
    "assignments": "de särskilda uppdrag som ska bidra till publika mål",
    "assignment_status": "hur långt uppdragen har kommit, per uppföljningsperiod",
    COMPUTED: "målens status per period, beräknad av Röd tråd",
}
KINDS = {"csv": "CSV", "parquet": "Parquet"}


@dataclass(frozen=True)
class About:
    """What the page and the read-me say about the files."""

    municipality_code: str | None
    municipality_name: str | None
    data_notice: str | None
    licence: str
    built_at_utc: dt.datetime | None
    rows: dict[str, int]
    kolada_rows: int

    @property
    def licence_url(self) -> str:
        return LICENCES[self.licence]

    @property
    def publisher(self) -> str:
        name = self.municipality_name or "Kommunen"
        return f"{name} (kommunkod {self.municipality_code})" if self.municipality_code else name

    @property
    def kolada_line(self) -> str | None:
        """The attribution of the outcomes from Kolada; None when no outcome says Kolada."""
        if not self.kolada_rows:
            return None
        return (
            f"Källa: Kolada – för {fmt.number(self.kolada_rows)} av "
            f"{fmt.number(self.rows['outcomes'])} utfall: de vars källa (kolumnen source i "
            "outcomes) är Kolada."
        )


def file_stem(name: str) -> str:
    """Where the table ``name`` lies in the zip, without its suffix: ``beraknat/goal_status``."""
    return f"beraknat/{name}" if name == COMPUTED else name


def public_path() -> Path:
    """The public warehouse, beside the warehouse the app is configured with."""
    return warehouse.files.public_path(warehouse.default_path())


def read_tables(path: Path) -> dict[str, pa.Table]:
    """Every file's table, read from the public warehouse at ``path``."""
    con = warehouse.open_read_only(path)
    try:
        cur = warehouse.cursor(con)
        tables = {name: warehouse.arrow(cur, f"open_data/{name}") for name in FILES}
        tables["about"] = warehouse.arrow(cur, "open_data/about", default_licence=DEFAULT_LICENCE)
        return tables
    finally:
        con.close()


def about_of(tables: dict[str, pa.Table]) -> About:
    [row] = tables["about"].to_pylist()
    sources = tables["outcomes"].column("source").to_pylist()
    return About(
        municipality_code=row["municipality_code"],
        municipality_name=row["municipality_name"],
        data_notice=row["data_notice"],
        licence=row["licence"],
        built_at_utc=row["built_at_utc"],
        rows={name: tables[name].num_rows for name in FILES},
        kolada_rows=sum(1 for s in sources if s is not None and s.strip().lower() == "kolada"),
    )


def readme(about: About, kind: str) -> str:
    """The read-me in the zip: what the files are, their licence, whom to credit."""
    extension = "csv" if kind == "csv" else "parquet"
    lines = [
        f"Öppna data: {about.publisher} – mål och utfall",
        "",
        "Det publika urvalet av kommunens målmodell och utfall ur Röd tråd, datalagret byggt "
        f"{fmt.local_time(about.built_at_utc)}.",
        "",
        f"Licens: {about.licence} ({about.licence_url}).",
        f"Källa att ange: {about.publisher}.",
    ]
    lines += (
        [about.kolada_line]
        if about.kolada_line
        else [
            "Inget av utfallen anges komma från Kolada; kolumnen source i outcomes säger varifrån "
            "vart och ett kommer."
        ]
    )
    if about.data_notice:
        lines += ["", about.data_notice]
    lines += ["", "Filer:"]
    lines += [
        f"- {file_stem(name)}.{extension}: {CONTENTS[name]} ({fmt.number(about.rows[name])} rader)"
        for name in FILES
    ]
    lines += [
        "",
        "Tabellerna i mappens översta nivå har Röd tråds format för målmodeller (docs/format.md "
        "i Röd tråds källkod)."
        + (" Röd tråd läser in dem igen med: python -m etl build MAPP" if kind == "csv" else ""),
    ]
    if kind == "csv":
        lines.append(
            "Semikolon mellan fälten, decimalkomma, UTF-8 med byte order mark: filerna öppnas "
            "direkt i svenska Excel. En text som börjar med =, +, -, @, tabb eller vagnretur har "
            "fått en apostrof först, så att inget kalkylprogram kör den som en formel."
        )
    else:
        lines.append(
            "Samma tabeller och kolumner som i CSV-filerna, med typer: tal, sant/falskt för "
            "ja/nej, datum. Licensen och källan står också i varje fils metadata."
        )
    lines += [
        "",
        f"{file_stem(COMPUTED)}.{extension} är Röd tråds egen beräkning av målens status enligt de "
        "publicerade reglerna för måluppfyllelse (docs/rules.md), bredvid nämndens bedömning och "
        "den status som gäller. Den kommer inte från Kolada eller någon annan källa.",
    ]
    return "\r\n".join(lines) + "\r\n"


def metadata(about: About, name: str) -> dict[str, str]:
    """The key-value metadata of a Parquet file: licence and attribution, as in the read-me."""
    given = {
        "licence": about.licence,
        "licence_url": about.licence_url,
        "publisher": about.publisher,
        "contents": CONTENTS[name],
    }
    if name == "outcomes" and about.kolada_line:
        given["attribution"] = about.kolada_line
    if name == COMPUTED:
        given["computed_by"] = "Röd tråd, enligt de publicerade reglerna för måluppfyllelse"
    if about.data_notice:
        given["data_notice"] = about.data_notice
    return given


def files(tables: dict[str, pa.Table], kind: str) -> dict[str, bytes]:
    """The zip's files: the read-me, then a file per table."""
    about = about_of(tables)
    out = {README: readme(about, kind).encode("utf-8")}
    for name in FILES:
        if kind == "csv":
            out[f"{file_stem(name)}.csv"] = downloads.csv_bytes(tables[name].to_pandas())
        else:
            data = downloads.parquet_bytes(tables[name], metadata(about, name))
            out[f"{file_stem(name)}.parquet"] = data
    return out


def archive_name(about: About, kind: str) -> str:
    """``oppna-data-9999-sjoviks-kommun-2026-12-03-csv.zip``: the date the warehouse was built,
    in Swedish time."""
    built = None
    if about.built_at_utc is not None:
        built = about.built_at_utc.replace(tzinfo=dt.UTC).astimezone(fmt.STOCKHOLM).date()
    name = (about.municipality_name or "").lower()
    return downloads.file_name(
        "oppna-data", about.municipality_code, name, built and built.isoformat(), kind, suffix="zip"
    )


# --- cached for the page, on the public warehouse's version ----------------------------------


@st.cache_data(max_entries=2, show_spinner=False)
def _about(path: str, version: str) -> About:
    return about_of(read_tables(Path(path)))


@st.cache_data(max_entries=4, show_spinner=False)
def archive(kind: str, path: str, version: str) -> bytes:
    """The zip of ``kind`` ("csv" or "parquet") of the public warehouse at ``path`` in its
    version ``version``: made when a user first asks for it, then kept."""
    tables = read_tables(Path(path))
    return downloads.zip_bytes(files(tables, kind), stamp=about_of(tables).built_at_utc)


def current() -> tuple[str, str, About] | None:
    """The public warehouse's path, version and what it holds; None when there is none."""
    path = public_path()
    version = warehouse.version(path)
    if version is None:
        return None
    return str(path), version, _about(str(path), version)
