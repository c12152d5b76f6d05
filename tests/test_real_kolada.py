"""Real Kolada extracts (open-numbers dump of the v2 API, Aug 2024) loaded as outcomes.

The files are read in place from ``../shared/data/real`` and converted, in the test, into an
``outcomes.csv`` of the interchange format. Ids are read as text so "0180" and "0000" keep their
leading zeros; an empty cell in Kolada (a JSON null) must become NULL, never 0.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import REAL_DATA, build_ok, minimal_tables, warehouse_rows, write_csv_source
from tests.support.tools import missing

# The module's models are built once: its tests run on one worker under pytest-xdist.
pytestmark = pytest.mark.xdist_group("real_kolada")

KOLADA = REAL_DATA / "open_numbers_kolada_v2_2024-08"

if not KOLADA.is_dir():
    missing(f"the real Kolada extracts are not available at {KOLADA}", allow_module_level=True)

# KPI -> title. N15505 and N05401 also have K/M files; U07414 and N07403 have many empty values.
KPIS = {
    "N15505": "Åk 9 meritvärde kommunala skolor (17 ämnen)",
    "N05401": "Valdeltagande i senaste kommunalvalet, %",
    "U07414": "Kommunalt avfall insamlat för materialåtervinning, %",
    "N07403": "Anmälda våldsbrott, antal/100 000 inv",
}


def kolada_rows(kpi: str) -> list[dict[str, str]]:
    """Every row of the KPI's T file and (if any) its K/M file, as text, as outcomes rows."""
    rows = []
    name = kpi.lower()
    total = KOLADA / "datapoints--by--geo--year" / f"ddf--datapoints--{name}--by--geo--year.csv"
    by_gender = (
        KOLADA
        / "datapoints--by--geo--gender--year"
        / f"ddf--datapoints--{name}--by--geo--gender--year.csv"
    )
    for path in (total, by_gender):
        if not path.exists():
            continue
        with path.open(encoding="utf-8", newline="") as f:
            for record in csv.DictReader(f):  # every value stays a str
                rows.append(
                    {
                        "indicator_id": kpi,
                        "period": record["year"],
                        "value": record[name],
                        "subject": record["geo"],
                        "gender": record.get("gender", "T"),
                        "source": "Kolada",
                    }
                )
    return rows


@pytest.fixture(scope="module")
def kolada(tmp_path_factory) -> tuple[Path, dict[str, list[dict[str, str]]]]:
    """One warehouse built from the goal model plus the four KPIs; and the source rows."""
    tmp = tmp_path_factory.mktemp("kolada")
    source_rows = {kpi: kolada_rows(kpi) for kpi in KPIS}
    tables = minimal_tables()
    tables["indicators"] = [
        {"indicator_id": kpi, "title": title, "direction": "higher", "source": "kolada",
         "kolada_kpi": kpi}
        for kpi, title in KPIS.items()
    ]  # fmt: skip
    tables["goal_indicators"] = [{"goal_id": "N1", "indicator_id": kpi} for kpi in KPIS]
    tables["targets"][0]["indicator_id"] = "N15505"
    tables["outcomes"] = [row for rows in source_rows.values() for row in rows]
    db = build_ok(tmp, write_csv_source(tmp / "src", tables))
    return db, source_rows


def test_every_source_row_lands_once(kolada):
    db, source_rows = kolada
    counts = dict(
        warehouse_rows(db, "select indicator_id, count(*) from outcomes group by all order by 1")
    )
    assert counts == {kpi: len(rows) for kpi, rows in sorted(source_rows.items())}
    # The row counts the provenance notes give (T rows + K/M rows).
    assert counts == {"N05401": 9032 + 3120, "N07403": 7800, "N15505": 2328 + 4656, "U07414": 4526}


def test_empty_cells_are_null_never_zero(kolada):
    db, source_rows = kolada
    empty_in_source = {
        kpi: sum(1 for row in rows if row["value"] == "") for kpi, rows in source_rows.items()
    }
    zero_in_source = {
        kpi: sum(1 for row in rows if row["value"] != "" and float(row["value"]) == 0)
        for kpi, rows in source_rows.items()
    }
    nulls, zeros = {}, {}
    for kpi, n_null, n_zero in warehouse_rows(
        db,
        "select indicator_id, count(*) filter (value is null), count(*) filter (value = 0) "
        "from outcomes group by all",
    ):
        nulls[kpi], zeros[kpi] = n_null, n_zero
    assert nulls == empty_in_source
    assert zeros == zero_in_source
    assert empty_in_source["U07414"] == 1334
    assert empty_in_source["N07403"] == 4513


def test_leading_zeros_are_kept(kolada):
    db, source_rows = kolada
    subjects = {row["subject"] for rows in source_rows.values() for row in rows}
    assert {"0000", "0180", "0114", "0001"} <= subjects
    assert {s for (s,) in warehouse_rows(db, "select distinct subject from outcomes")} == subjects
    assert warehouse_rows(
        db,
        "select count(*) from outcomes where length(subject) <> 4 or not regexp_full_match("
        "subject, '\\d{4}')",
    ) == [(0,)]


@pytest.mark.parametrize(
    ("kpi", "subject", "gender", "period", "value"),
    [
        ("N15505", "0000", "T", "2015", 220.3),  # Riket
        ("N15505", "0180", "T", "2022", 249.2),  # Stockholm
        ("N15505", "0180", "K", "2022", 256.9),
        ("N15505", "0180", "M", "2018", 235.7),
        ("N05401", "0000", "T", "2015", 82.806087),
        ("N05401", "1280", "T", "2022", 73.0),  # Malmö
        ("N07403", "1280", "T", "2022", 1349.27541),
        ("U07414", "0180", "T", "2015", 27.0),
        ("U07414", "0000", "T", "2015", None),  # empty in Kolada: missing, not 0
        ("U07414", "0000", "T", "2022", None),
    ],
)
def test_spot_values_read_straight_from_the_files(kolada, kpi, subject, gender, period, value):
    db, source_rows = kolada
    [source] = [
        r
        for r in source_rows[kpi]
        if (r["subject"], r["gender"], r["period"]) == (subject, gender, period)
    ]
    assert source["value"] == ("" if value is None else source["value"])
    if value is not None:
        assert float(source["value"]) == value
    assert warehouse_rows(
        db,
        "select value, period_type, period_start, period_end, is_preliminary, source "
        "from outcomes where indicator_id = $kpi and subject = $subject and gender = $gender "
        "and period = $period",
        {"kpi": kpi, "subject": subject, "gender": gender, "period": period},
    ) == [(value, "year", _date(period, 1, 1), _date(period, 12, 31), False, "Kolada")]


def test_every_value_matches_its_source_row(kolada):
    db, source_rows = kolada
    expected = sorted(
        (r["indicator_id"], r["subject"], r["gender"], r["period"],
         None if r["value"] == "" else float(r["value"]))
        for rows in source_rows.values() for r in rows
    )  # fmt: skip
    assert (
        warehouse_rows(
            db, "select indicator_id, subject, gender, period, value from outcomes order by all"
        )
        == expected
    )


def _date(period: str, month: int, day: int) -> dt.date:
    return dt.date(int(period), month, day)
