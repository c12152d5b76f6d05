"""Every file the dashboard offers for download is made and offered here.

- ``csv_bytes(frame)``: CSV that Swedish Excel opens directly: ``;`` between fields, decimal
  comma without thousands separators, ``ja``/``nej``, ISO dates, an empty field for a missing
  value (never 0), UTF-8 with a byte order mark, CRLF line ends. Every text cell passes through
  ``safe_text``, so no spreadsheet runs it as a formula.
- ``shown_csv_bytes(frame, column_config)``: the CSV of a table as a page shows it (sv-SE
  number texts made plain, links as the ids they display, "–" as an empty field).
- ``parquet_bytes(frame, metadata)`` and ``zip_bytes(files)`` for the open data.
- ``file_name(*parts, suffix=…)``: a file name that says what the file holds, in ASCII.
- ``button(…)``: the download button, with our Swedish words and icon.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import unicodedata
import zipfile
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import streamlit as st

from ui import format as fmt

if TYPE_CHECKING:
    import pyarrow as pa

# Excel, LibreOffice and Google Sheets read a cell that starts with one of these as a formula
# (tab and CR too: some of them drop a leading one and read what follows).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A plain number ("-12,5") is a number to every spreadsheet, never a formula: left as it is.
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
# A number as ui.format.number writes it: "−1 234,5" (minus sign, no-break spaces).
_SHOWN_NUMBER = re.compile(r"[−-]?\d{1,3}(?:\u00a0\d{3})*(?:,\d+)?|[−-]?\d+(?:,\d+)?")
MIME = {
    "csv": "text/csv",
    "zip": "application/zip",
    "parquet": "application/vnd.apache.parquet",
}
CSV_HELP = "Semikolonseparerad med decimalkomma (UTF-8), öppnas direkt i svenska Excel."


def safe_text(text: str) -> str:
    """``text`` as a spreadsheet shows it and never runs it: a text that starts with ``=``,
    ``+``, ``-``, ``@``, a tab or a carriage return gets an apostrophe in front
    (``"=SUMMA(A1)"`` → ``"'=SUMMA(A1)"``); a plain number such as ``"-12,5"`` stays as it is."""
    if text.startswith(FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """``frame`` as CSV for Swedish Excel (see the module docstring); numbers are written in
    full, text cells through ``safe_text``."""
    out = pd.DataFrame({i: _csv_column(frame.iloc[:, i]) for i in range(frame.shape[1])})
    out.columns = [safe_text(str(name)) for name in frame.columns]
    text = out.to_csv(sep=";", index=False, lineterminator="\r\n")
    return ("\ufeff" + text).encode("utf-8")


def _csv_column(column: pd.Series) -> list[str]:
    if pd.api.types.is_float_dtype(column) or pd.api.types.is_integer_dtype(column):
        return [_number(v) for v in column.tolist()]
    return [_cell(v) for v in column.tolist()]


def _cell(value) -> str:
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, bool | np.bool_):
        return "ja" if value else "nej"
    if isinstance(value, int | float | np.integer | np.floating):
        return _number(value)
    if isinstance(value, dt.datetime | pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple | np.ndarray):
        return safe_text(";".join(str(v) for v in value))
    return safe_text(str(value))


def _number(value) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, int | np.integer):
        return str(int(value))
    # The shortest text that reads back as the same double, never in exponent form.
    return np.format_float_positional(value, trim="-").replace(".", ",")


def shown_csv_bytes(frame: pd.DataFrame, column_config: Mapping | None = None) -> bytes:
    """The CSV of a table as a page shows it: a named index becomes the first column, a link
    column (``ui.links.link_column``) holds the ids it displays, a number written by
    ``ui.format.number`` ("1 234,5") becomes one Excel reads as a number ("1234,5"), and "–"
    (missing) an empty field."""
    if frame.index.name is not None:
        frame = frame.reset_index()
    out = frame.copy()
    for name, config in (column_config or {}).items():
        pattern = isinstance(config, Mapping) and config.get("type_config", {}).get("display_text")
        if name in out and pattern:
            out[name] = [link_text(pattern, url) for url in out[name]]
    for name in out.columns:
        if out[name].dtype == object or pd.api.types.is_string_dtype(out[name]):
            out[name] = [_plain(v) for v in out[name]]
    return csv_bytes(out)


def link_text(pattern: str, url) -> str | None:
    """What a link column with ``display_text=pattern`` shows for ``url``: the first group."""
    if not isinstance(url, str):
        return None
    match = re.search(pattern, url)
    return match.group(1) if match else url


def _plain(value):
    if not isinstance(value, str):
        return value
    if value == "–":
        return None
    if _SHOWN_NUMBER.fullmatch(value):
        return value.replace(fmt.NBSP, "").replace("−", "-")
    return value


def parquet_bytes(table: pa.Table, metadata: Mapping[str, str] | None = None) -> bytes:
    """``table`` as a Parquet file, its columns typed as in the table, with ``metadata`` as the
    file's key-value metadata (licence, attribution). Text is written exactly as it is: Parquet
    is read by programs, not spreadsheets."""
    import pyarrow.parquet as pq

    given = {k.encode(): v.encode() for k, v in (metadata or {}).items()}
    table = table.replace_schema_metadata({**(table.schema.metadata or {}), **given})
    out = io.BytesIO()
    pq.write_table(table, out)
    return out.getvalue()


def zip_bytes(files: Mapping[str, bytes], *, stamp: dt.datetime | None = None) -> bytes:
    """A zip archive of ``files`` (name → content), in the given order. Every entry carries
    the same time, ``stamp`` (e.g. when the warehouse was built), so the same data always
    gives the same archive."""
    when = (stamp or dt.datetime(1980, 1, 1)).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return out.getvalue()


def file_name(*parts: str | None, suffix: str) -> str:
    """A file name from words and ids, in ASCII so every browser and system keeps it:
    ``file_name("utfall", "N15505", "Helår", suffix="csv")`` → ``"utfall-N15505-Helar.csv"``."""
    words = []
    for part in parts:
        if not part:
            continue
        ascii_text = unicodedata.normalize("NFKD", str(part)).encode("ascii", "ignore").decode()
        word = re.sub(r"[^A-Za-z0-9.]+", "-", ascii_text).strip("-.")
        if word:
            words.append(word)
    return f"{'-'.join(words) or 'data'}.{suffix}"


def button(
    label: str,
    data: bytes | Callable[[], bytes],
    name: str,
    *,
    key: str,
    help: str | None = None,
    tertiary: bool = False,
) -> None:
    """Offer ``data`` as the file ``name`` (its suffix gives the type). Clicking it downloads
    the file without rerunning the page. ``data`` may be a function that makes the bytes: it
    runs only when the button is clicked (Streamlit's deferred download)."""
    st.download_button(
        label,
        data=data,
        file_name=name,
        mime=MIME.get(name.rsplit(".", 1)[-1], "application/octet-stream"),
        icon=":material/download:",
        key=key,
        on_click="ignore",
        help=help,
        type="tertiary" if tertiary else "secondary",
    )
