"""Öppna data (pages/open_data.py, ui/open_data.py): the public goal model and outcomes as a zip
of CSV files for Swedish Excel and one of Parquet files, downloaded from the page. The CSV files
build back into the public model with ``python -m etl build``; the licence comes from the
settings; "Källa: Kolada" is said of the outcomes from Kolada and of nothing we compute; nothing
that is not public is in them; and no spreadsheet runs a text in them."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import warehouse
from etl.build import EXAMPLE_SOURCE, build
from etl.schema import TABLES
from tests.conftest import minimal_tables, run_page, warehouse_rows, write_csv_source
from tests.test_publish import MARKER, marked_model
from ui import open_data

ROOT = Path(__file__).resolve().parents[1]
PAGE = "pages/open_data.py"


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> tuple[Path, Path]:
    """The example municipality's warehouse and its public warehouse."""
    db = build([EXAMPLE_SOURCE], tmp_path_factory.mktemp("open") / "w.duckdb", public=True).path
    return db, warehouse.files.public_path(db)


def build_public(folder: Path, tables: dict) -> tuple[Path, Path]:
    db = build(
        [write_csv_source(folder / "source", tables, sep=";")], folder / "w.duckdb", public=True
    ).path
    return db, warehouse.files.public_path(db)


def unzip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def downloads_of(at, downloaded) -> dict[str, tuple[str, dict[str, bytes]]]:
    """kind → (file name, the zip's files) for both buttons of the page."""
    found = {}
    for kind in open_data.KINDS:
        name, data = downloaded(at, f"open_data_{kind}")
        found[kind] = (name, unzip(data))
    return found


def csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


def model_tables(path: Path) -> dict[str, pa.Table]:
    """The interchange tables of a warehouse, read with the open data's own queries."""
    return {name: table for name, table in open_data.read_tables(path).items() if name in TABLES}


# --- the page and its files -------------------------------------------------------------------


def test_page_offers_both_zips_named_for_what_they_hold(example, monkeypatch, downloaded):
    whole, public = example
    at = run_page(PAGE, whole, monkeypatch)
    assert not at.exception
    assert [t.value for t in at.title] == ["Öppna data"]
    [(built,)] = warehouse_rows(
        public,
        "select (max(built_at) at time zone 'UTC' at time zone 'Europe/Stockholm')::date "
        "from load_log",
    )
    files = downloads_of(at, downloaded)
    for kind, (name, content) in files.items():
        assert name == f"oppna-data-9999-sjoviks-kommun-{built}-{kind}.zip"
        suffix = "csv" if kind == "csv" else "parquet"
        assert list(content) == [
            "LÄSMIG.txt",
            *[f"{t}.{suffix}" for t in TABLES],
            f"beraknat/goal_status.{suffix}",
        ]
    licence = [m.value for m in at.markdown if m.value.startswith("**Licens:**")]
    assert licence == [
        "**Licens:** [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/deed.sv) · "
        "**Ange källan:** Sjöviks kommun \\(kommunkod 9999\\)"
    ]


def test_csv_files_are_in_the_format_for_swedish_excel(example, monkeypatch, downloaded):
    whole, _ = example
    files = downloads_of(run_page(PAGE, whole, monkeypatch), downloaded)["csv"][1]
    for table in TABLES.values():
        data = files[f"{table.name}.csv"]
        assert data.decode("utf-8-sig").split("\r\n", 1)[0] == ";".join(
            c.name for c in table.columns
        )
    outcomes = csv_rows(files["outcomes.csv"])
    values = [row[2] for row in outcomes[1:] if row[2]]
    assert any("," in v for v in values) and not any("." in v for v in values)
    assert {row[5] for row in outcomes[1:]} == {"ja", "nej"}  # preliminary


def test_the_csv_files_build_back_into_the_public_model(example, monkeypatch, downloaded, tmp_path):
    whole, public = example
    files = downloads_of(run_page(PAGE, whole, monkeypatch), downloaded)["csv"][1]
    folder = tmp_path / "oppna-data"
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    rebuilt = tmp_path / "igen.duckdb"
    done = subprocess.run(
        [sys.executable, "-m", "etl", "build", str(folder), "--db", str(rebuilt), "--quiet"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    again, published = model_tables(rebuilt), model_tables(public)
    for name in TABLES:
        assert again[name].equals(published[name]), name
    # Where nothing beneath a goal rests on what is not public, the rebuilt model computes the
    # statuses the public warehouse (and beraknat/goal_status) holds.
    status = (
        "select goal_id, period, computed_status, effective_status, round(score, 9) "
        "from goal_status"
    )
    nothing_hidden = (
        status + " s where not exists (from goal_closure c join hidden_basis h on h.goal_id = "
        "c.descendant_id and h.period = s.period where c.ancestor_id = s.goal_id)"
    )
    shown = warehouse_rows(public, nothing_hidden)
    assert len(shown) > 100
    assert set(shown) <= set(warehouse_rows(rebuilt, status))


def test_parquet_files_are_the_tables_typed(example, monkeypatch, downloaded):
    whole, public = example
    files = downloads_of(run_page(PAGE, whole, monkeypatch), downloaded)["parquet"][1]
    published = open_data.read_tables(public)
    for name in open_data.FILES:
        table = pq.read_table(io.BytesIO(files[f"{open_data.file_stem(name)}.parquet"]))
        assert table.equals(published[name]), name
        assert table.schema.metadata[b"licence"] == b"CC BY 4.0"
    outcomes = pq.read_table(io.BytesIO(files["outcomes.parquet"])).schema
    assert outcomes.field("value").type == pa.float64()
    assert outcomes.field("preliminary").type == pa.bool_()
    assessments = pq.read_table(io.BytesIO(files["assessments.parquet"])).schema
    assert assessments.field("assessed_on").type == pa.date32()
    assert assessments.field("assessed_by").type == pa.string()  # empty, and still text


def test_the_synthetic_example_says_so_and_never_credits_kolada(example, monkeypatch, downloaded):
    whole, _ = example
    at = run_page(PAGE, whole, monkeypatch)
    page_text = " ".join(e.value for e in [*at.markdown, *at.caption, *at.info])
    assert "Källa: Kolada" not in page_text
    # Once, in the top bar above the title (ui.chrome.top_bar), not again on the page.
    assert len([c for c in at.caption if "syntetiska exempeldata" in c.value]) == 1
    assert not [i for i in at.info if "syntetiska" in i.value]
    for name, files in downloads_of(at, downloaded).values():
        readme = files["LÄSMIG.txt"].decode("utf-8")
        assert "syntetiska exempeldata" in readme and "Källa: Kolada" not in readme
        assert "Licens: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/deed.sv)" in readme
        assert not any(b"K\xc3\xa4lla: Kolada" in data for data in files.values()), name


def test_kolada_values_are_credited_and_our_statuses_never(tmp_path, monkeypatch, downloaded):
    tables = minimal_tables()
    tables["settings"].append({"key": "licence", "value": "cc0-1.0"})
    tables["outcomes"][0]["source"] = "Egen mätning"
    tables["outcomes"][1]["source"] = "Kolada"
    whole, _ = build_public(tmp_path, tables)
    at = run_page(PAGE, whole, monkeypatch)
    assert not at.exception
    credit = (
        "Källa: Kolada – för 1 av 2 utfall: de vars källa (kolumnen source i outcomes) är Kolada."
    )
    assert [m.value for m in at.markdown if "Kolada" in m.value] == [f"**{credit}**"]
    assert (
        "[CC0 1.0](https://creativecommons.org/publicdomain/zero/1.0/deed.sv)"
        in at.markdown[1].value
    )
    for kind, (_, files) in downloads_of(at, downloaded).items():
        readme = files["LÄSMIG.txt"].decode("utf-8")
        assert readme.count("Källa: Kolada") == 1
        assert credit in readme
        assert "Licens: CC0 1.0" in readme
        computed = files[f"beraknat/goal_status.{'csv' if kind == 'csv' else 'parquet'}"]
        assert b"Kolada" not in computed
    parquet = downloads_of(at, downloaded)["parquet"][1]
    meta = pq.read_table(io.BytesIO(parquet["outcomes.parquet"])).schema.metadata
    assert meta[b"attribution"].decode() == credit
    meta = pq.read_table(io.BytesIO(parquet["beraknat/goal_status.parquet"])).schema.metadata
    assert b"attribution" not in meta and b"Kolada" not in b"".join(meta.values())


def test_nothing_internal_reaches_the_open_data_and_it_still_builds(
    tmp_path, monkeypatch, downloaded
):
    tables = marked_model()
    # A unit with results of its own but no public goal: the public warehouse cannot name it.
    tables["organisation"].append({"org_id": "NORR", "name": "Norrskolan", "type": "enhet"})
    tables["outcomes"].append(
        {"indicator_id": "OPPEN", "period": "2024", "value": "7", "subject": "NORR"}
    )
    whole, _ = build_public(tmp_path, tables)
    at = run_page(PAGE, whole, monkeypatch)
    assert not at.exception
    for _, files in downloads_of(at, downloaded).values():
        leaks = [name for name, data in files.items() if MARKER.encode() in data]
        assert leaks == []
    folder = tmp_path / "oppna-data"
    folder.mkdir()
    for name, data in downloads_of(at, downloaded)["csv"][1].items():
        if "/" not in name:
            (folder / name).write_bytes(data)
    rebuilt = build([folder], tmp_path / "igen.duckdb").path
    assert warehouse_rows(
        rebuilt, "select parent_id, child_id from goal_links where child_id = 'N2'"
    ) == [("V", "N2")]
    assert warehouse_rows(rebuilt, "select count(*) from outcomes where subject = 'NORR'") == [(0,)]


def test_texts_a_spreadsheet_would_run_are_disarmed_in_csv_only(tmp_path, monkeypatch, downloaded):
    tables = minimal_tables()
    tables["goals"][2]["title"] = '=HYPERLINK("http://example.com";"Klicka")'
    tables["goals"][2]["description"] = "-1+1 är inte ett tal"
    tables["indicators"][0]["unit"] = "@poäng"
    whole, _ = build_public(tmp_path, tables)
    found = downloads_of(run_page(PAGE, whole, monkeypatch), downloaded)
    goals = {row[0]: row for row in csv_rows(found["csv"][1]["goals.csv"])}
    assert goals["N1"][1] == '\'=HYPERLINK("http://example.com";"Klicka")'
    assert goals["N1"][7] == "'-1+1 är inte ett tal"
    assert csv_rows(found["csv"][1]["indicators.csv"])[1][3] == "'@poäng"
    parquet = pq.read_table(io.BytesIO(found["parquet"][1]["goals.parquet"])).to_pylist()
    assert next(g for g in parquet if g["goal_id"] == "N1")["title"].startswith("=HYPERLINK")


def test_without_a_public_warehouse_the_page_says_how_to_build_it(tmp_path, monkeypatch):
    db = build([write_csv_source(tmp_path / "s", minimal_tables())], tmp_path / "w.duckdb").path
    at = run_page(PAGE, db, monkeypatch)
    assert not at.exception
    assert not at.get("download_button")
    assert any("python -m etl build --public" in i.value for i in at.info)
