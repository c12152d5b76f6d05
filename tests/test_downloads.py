"""ui/downloads.py: CSV in the Swedish Excel shape, text no spreadsheet runs, file names that
say what a file holds, Parquet and zip files; and the table grid's own CSV download."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
import subprocess
import zipfile

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.conftest import APPTEST_TIMEOUT, run_page
from tests.support.tools import missing
from ui import downloads
from ui.links import link_column, page_url


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("=SUMMA(A1:A9)", "'=SUMMA(A1:A9)"),
        (
            '=HYPERLINK("http://example.com","klicka")',
            '\'=HYPERLINK("http://example.com","klicka")',
        ),
        ("+46 70 123 45 67", "'+46 70 123 45 67"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(1)", "'@SUM(1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("-", "'-"),
        # Plain numbers are numbers to every spreadsheet, and text elsewhere stays as written.
        ("-12,5", "-12,5"),
        ("+3", "+3"),
        ("-0.25", "-0.25"),
        ("Mål = resultat", "Mål = resultat"),
        ("e-post@kommun.se", "e-post@kommun.se"),
        (">= 75", ">= 75"),
        ("", ""),
    ],
)
def test_safe_text_disarms_what_a_spreadsheet_would_run(text, written):
    assert downloads.safe_text(text) == written


def rows_of(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte order mark"
    text = data.decode("utf-8-sig")
    assert text.endswith("\r\n") and "\n" not in text.split("\r\n", 1)[0], "CRLF line ends"
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def test_csv_is_in_the_swedish_excel_shape():
    frame = pd.DataFrame(
        {
            "id": ["N1", "=1+1", None],
            "värde": [1234.5, -0.25, float("nan")],
            "antal": pd.array([3, None, 12480], dtype="Int64"),
            "preliminärt": [True, False, None],
            "datum": [dt.date(2025, 2, 14), None, dt.date(2024, 12, 31)],
            "text": ["a;b", 'sa "hej"', "två\nrader"],
            "lista": [["K1", "K2"], [], ["4.1"]],
        }
    )
    rows = rows_of(downloads.csv_bytes(frame))
    assert rows == [
        ["id", "värde", "antal", "preliminärt", "datum", "text", "lista"],
        ["N1", "1234,5", "3", "ja", "2025-02-14", "a;b", "K1;K2"],
        ["'=1+1", "-0,25", "", "nej", "", 'sa "hej"', ""],
        ["", "", "12480", "", "2024-12-31", "två\nrader", "4.1"],
    ]


def test_csv_numbers_read_back_as_the_same_doubles():
    values = [0.1 + 0.2, 1e-7, 123456789.125, 2 / 3, 1.0, -5.0]
    rows = rows_of(downloads.csv_bytes(pd.DataFrame({"v": values})))
    written = [r[0] for r in rows[1:]]
    assert written[4:] == ["1", "-5"]
    assert all("e" not in w and "." not in w for w in written)
    assert [float(w.replace(",", ".")) for w in written] == values


def test_shown_table_csv_has_ids_plain_numbers_and_empty_for_missing():
    shown = pd.DataFrame(
        {
            "Mål": [page_url("goal_chain", goal="KF1", period="2025"), None],
            "Poäng": ["0,67", "–"],
            "Utfall": ["1\u00a0234,5", "−3,0"],
            "Status": ["✔ Uppfyllt", "=fel"],
        }
    )
    config = {"Mål": link_column("goal_chain", "goal")}
    rows = rows_of(downloads.shown_csv_bytes(shown, config))
    assert rows[1:] == [["KF1", "0,67", "1234,5", "✔ Uppfyllt"], ["", "", "-3,0", "'=fel"]]
    matrix = pd.DataFrame({"O1": ["✔ 1"]}, index=pd.Index(["BUN"], name="Nämnd"))
    assert rows_of(downloads.shown_csv_bytes(matrix)) == [["Nämnd", "O1"], ["BUN", "✔ 1"]]


@pytest.mark.parametrize(
    ("parts", "name"),
    [
        (("utfall", "N15505", "år"), "utfall-N15505-ar.csv"),
        (("oppna-data", "9999", "Sjöviks kommun"), "oppna-data-9999-Sjoviks-kommun.csv"),
        (("datakvalitet", "för gamla utfall", None), "datakvalitet-for-gamla-utfall.csv"),
        (("mal", "../../etc/passwd"), "mal-etc-passwd.csv"),
        ((None, "///"), "data.csv"),
    ],
)  # fmt: skip
def test_file_names_say_what_they_hold_in_ascii(parts, name):
    assert downloads.file_name(*parts, suffix="csv") == name


def test_parquet_keeps_types_text_and_metadata():
    frame = pa.table({"title": ["=1+1", "Mål"], "value": [1.5, None], "public": [True, False]})
    data = downloads.parquet_bytes(frame, {"licens": "CC BY 4.0"})
    table = pq.read_table(io.BytesIO(data))
    assert table.column("title").to_pylist() == ["=1+1", "Mål"]  # exactly as written
    assert table.column("value").to_pylist() == [1.5, None]
    assert table.column("public").to_pylist() == [True, False]
    assert table.schema.metadata[b"licens"] == b"CC BY 4.0"


def test_zip_is_the_same_for_the_same_files():
    files = {"LÄSMIG.txt": b"hej", "goals.csv": b"a;b\r\n", "beraknat/x.csv": b""}
    stamp = dt.datetime(2026, 12, 3, 15, 14)
    data = downloads.zip_bytes(files, stamp=stamp)
    assert data == downloads.zip_bytes(files, stamp=stamp)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist() == list(files)
        assert archive.read("LÄSMIG.txt") == b"hej"
        assert archive.getinfo("goals.csv").date_time == (2026, 12, 3, 15, 14, 0)


@pytest.mark.slow
def test_libreoffice_runs_none_of_the_guarded_cells(tmp_path):
    """LibreOffice, told to evaluate formulas when it opens a CSV (as Excel always does), turns
    the raw texts into formulas and keeps the guarded ones as text."""
    soffice = shutil.which("soffice")
    if soffice is None:
        missing("LibreOffice (soffice) is not installed")
    import openpyxl

    texts = ["=1+1", "+1+1", "-1+1", "@SUM(A1)"]
    raw = ("\ufeffa\r\n" + "\r\n".join(texts) + "\r\n").encode("utf-8")
    (tmp_path / "raw.csv").write_bytes(raw)
    (tmp_path / "guarded.csv").write_bytes(downloads.csv_bytes(pd.DataFrame({"a": texts})))
    for name in ("raw", "guarded"):
        subprocess.run(
            [soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
             "--norestore", "--infilter=CSV:59,34,76,1,,1053,false,false,false,false,false,-1,true",
             "--convert-to", "xlsx", "--outdir", str(tmp_path), str(tmp_path / f"{name}.csv")],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
    cells = {
        name: [c.value for c in openpyxl.load_workbook(tmp_path / f"{name}.xlsx").active["A"][1:]]
        for name in ("raw", "guarded")
    }
    assert any(isinstance(v, str) and v.startswith("=") for v in cells["raw"]), cells["raw"]
    # Text, shown as written with the apostrophe in front: nothing was run.
    assert cells["guarded"] == ["'" + t for t in texts]


# --- the table grid on the pages ----------------------------------------------------------


def test_every_table_on_a_page_has_our_csv_download(example_db, monkeypatch, downloaded):
    at = run_page("pages/data_quality.py", example_db, monkeypatch, period="2025")
    assert not at.exception
    buttons = [b for b in at.get("download_button") if b.key.endswith(".csv")]
    assert len(buttons) == len(at.dataframe) > 0
    for button, grid in zip(buttons, at.dataframe, strict=True):
        assert button.label == "Ladda ner tabellen (CSV)"
        name, data = downloaded(at, button.key)
        assert name.startswith("datakvalitet-") and name.endswith("-2025.csv")
        rows = rows_of(data)
        assert rows[0] == list(grid.value.columns)
        assert len(rows) == len(grid.value) + 1
        assert not any("?" in cell for row in rows for cell in row), "links are ids, not URLs"


def grid_app(frame: pd.DataFrame):
    """A page of one ``ui.tables.grid`` of ``frame``, run by AppTest."""
    from streamlit.testing.v1 import AppTest

    def page(frame):
        from ui import tables

        tables.grid(frame, file_name="proov.csv", empty="Det finns inga rader att visa.")

    return AppTest.from_function(page, args=(frame,), default_timeout=APPTEST_TIMEOUT).run()


def test_a_grid_shows_a_missing_text_as_a_dash_and_offers_it_as_empty(downloaded):
    at = grid_app(pd.DataFrame({"Namn": ["Ett", None], "Antal": [1.5, None]}))
    assert not at.exception
    [shown] = at.dataframe
    assert list(shown.value["Namn"]) == ["Ett", "–"]  # never the grid's own "None"
    assert downloaded(at, "csv_proov.csv")[0] == "proov.csv"
    assert rows_of(downloaded(at, "csv_proov.csv")[1]) == [
        ["Namn", "Antal"],
        ["Ett", "1,5"],
        ["", ""],
    ]


def test_an_empty_grid_is_a_swedish_sentence_and_no_download():
    at = grid_app(pd.DataFrame({"Namn": []}))
    assert not at.exception
    assert not at.dataframe and not at.get("download_button")
    assert [i.value for i in at.info] == ["Det finns inga rader att visa."]
