"""A Kolada folder (python -m etl kolada fetch) as a source of python -m etl build: the values
become outcomes through indicators.kolada_kpi, with every area and gender, nulls missing, the
latest fetch winning, deleted values dropped, and what Kolada says about them in kolada_values.
The folder is fetched from the stand-in for Kolada serving the real extracts."""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import pytest

from etl.__main__ import main
from etl.build import build
from etl.problems import InvalidInput
from tests.conftest import (
    minimal_tables,
    public_rows,
    run_page,
    run_public_page,
    unescaped,
    warehouse_rows,
    write_csv_source,
)
from tools.kolada_server import VALUES, kolada_server
from ui import format as fmt

SATER = "2082"
YEARS = "2015-2022"


def kolada_model(folder: Path, municipality: str = SATER) -> Path:
    tables = minimal_tables()
    tables["settings"][0]["value"] = municipality
    tables["indicators"] = [
        {"indicator_id": "MERIT", "title": "Meritvärde", "direction": "higher",
         "source": "kolada", "kolada_kpi": "N15505"},
        {"indicator_id": "MERIT2", "title": "Meritvärde igen", "direction": "higher",
         "source": "kolada", "kolada_kpi": "n15505"},
        {"indicator_id": "VALD", "title": "Våldsbrott", "direction": "lower",
         "source": "kolada", "kolada_kpi": "N07403", "public": "nej"},
        {"indicator_id": "GAMMAL", "title": "Invånare 13–15 år", "direction": "higher",
         "source": "kolada", "kolada_kpi": "N01928"},
    ]  # fmt: skip
    tables["goal_indicators"] = [{"goal_id": "N1", "indicator_id": "MERIT"}]
    tables["targets"] = [
        {"goal_id": "N1", "indicator_id": "MERIT", "period": "2020", "comparator": ">=",
         "value": "230"},
    ]  # fmt: skip
    del tables["outcomes"]
    return write_csv_source(folder, tables)


def fetch(base: str, out: Path, kpis: str = "N15505,N07403,N01928") -> None:
    args = ["kolada", "fetch", "--municipality", SATER, "--kpi", kpis, "--years", YEARS]
    assert main([*args, "--out", str(out), "--base-url", base, "--rate", "0", "--quiet"]) == 0


def extract(kpi: str, years: range) -> dict[tuple[str, str, str], float | None]:
    """(area, year, gender) -> value of the real extract, read here independently."""
    name = kpi.lower()
    out: dict[tuple[str, str, str], float | None] = {}
    for folder, gendered in (("geo--year", False), ("geo--gender--year", True)):
        path = VALUES / f"datapoints--by--{folder}" / f"ddf--datapoints--{name}--by--{folder}.csv"
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as file:
            for row in csv.DictReader(file):
                if int(row["year"]) in years:
                    key = (row["geo"], row["year"], row["gender"] if gendered else "T")
                    out[key] = float(row[name]) if row[name] else None
    return out


def copied(folder: Path, to: Path) -> Path:
    shutil.copytree(folder, to)
    return to


@pytest.fixture(scope="module")
def fetched(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kolada") / "kolada"
    with kolada_server() as (base, kolada):
        fetch(base, folder)
        yield folder, base, kolada


def test_every_kolada_value_becomes_an_outcome_of_each_indicator_naming_its_kpi(fetched, tmp_path):
    folder, _, _ = fetched
    db = build([kolada_model(tmp_path / "model"), folder], tmp_path / "w.duckdb").path
    for indicator, kpi in (("MERIT", "N15505"), ("MERIT2", "N15505"), ("VALD", "N07403")):
        rows = warehouse_rows(
            db,
            "select subject, period, gender, value, source from outcomes where indicator_id = ?",
            [indicator],
        )
        expected = extract(kpi, range(2015, 2023))
        assert {(s, p, g): v for s, p, g, v, _ in rows} == expected
        assert {source for *_, source in rows} == {"kolada"}
    nulls = extract("N07403", range(2015, 2023))
    assert sum(v is None for v in nulls.values()) > 100  # the extract's empty cells stay missing
    # The goal's status reads Säter's own value.
    [(value,)] = warehouse_rows(
        db, "select value from indicator_status where goal_id = 'N1' and period = '2020'"
    )
    assert value == extract("N15505", range(2020, 2021))[(SATER, "2020", "T")]
    kept = warehouse_rows(db, "select count(*), count(distinct area) from kolada_values")
    assert kept == [(len(extract("N15505", range(2015, 2023))) + len(nulls), 312)]


def test_a_later_fetch_revises_and_deletes_and_the_revision_is_kept(fetched, tmp_path):
    folder, base, kolada = fetched
    again = copied(folder, tmp_path / "kolada")
    before = extract("N15505", range(2015, 2023))
    kolada.revisions = {("N15505", SATER, 2020, "T"): 250.5, ("N15505", "0000", 2019, "K"): None}
    kolada.revised_on = "9999-12-31"
    try:
        fetch(base, again)
    finally:
        kolada.revisions = {}
    db = build([kolada_model(tmp_path / "model"), again], tmp_path / "w.duckdb").path
    rows = dict(
        ((s, p, g), v)
        for s, p, g, v in warehouse_rows(
            db,
            "select subject, period, gender, value from outcomes where indicator_id = 'MERIT'",
        )
    )
    assert rows[(SATER, "2020", "T")] == 250.5
    assert ("0000", "2019", "K") not in rows
    assert len(rows) == len(before) - 1
    revised = warehouse_rows(
        db,
        "select area, year, gender, value, revised_from, revised_at is not null "
        "from kolada_values where revised_from is not null",
    )
    assert revised == [(SATER, 2020, "T", 250.5, before[(SATER, "2020", "T")], True)]


def test_a_changed_page_or_another_municipality_loads_nothing(fetched, tmp_path):
    folder, _, _ = fetched
    db = tmp_path / "w.duckdb"
    build([kolada_model(tmp_path / "model")], db)
    old = db.read_bytes()
    with pytest.raises(InvalidInput) as raised:
        build([kolada_model(tmp_path / "other", "0180"), folder], db)
    [problem] = raised.value.problems
    assert problem.file == str(folder / "manifest.json") and problem.column == "municipality"
    assert "2082" in problem.found and "0180" in problem.expected

    tampered = copied(folder, tmp_path / "tampered")
    entry = next(e for e in json.loads((tampered / "manifest.json").read_text())["requests"]
                 if e["key"].startswith("data/N15505"))  # fmt: skip
    page = tampered / entry["pages"][0]["file"]
    page.write_bytes(page.read_bytes().replace(b"220.3", b"999.9", 1))
    with pytest.raises(InvalidInput) as raised:
        build([kolada_model(tmp_path / "model"), tampered], db)
    [problem] = raised.value.problems
    assert problem.file == str(page) and "ändrats sedan hämtningen" in problem.found
    assert db.read_bytes() == old


def test_the_real_extract_files_of_all_17_kpis_load_as_outcomes(tmp_path):
    totals = VALUES / "datapoints--by--geo--year"
    genders = VALUES / "datapoints--by--geo--gender--year"
    kpis = sorted(p.name.split("--")[2].upper() for p in totals.glob("*.csv"))
    assert len(kpis) == 17
    tables = minimal_tables()
    tables["settings"][0]["value"] = SATER
    tables["indicators"] = [
        {"indicator_id": f"I_{k}", "title": k, "direction": "higher", "source": "kolada",
         "kolada_kpi": k}
        for k in kpis
    ]  # fmt: skip
    tables["goal_indicators"] = [{"goal_id": "N1", "indicator_id": f"I_{kpis[0]}"}]
    del tables["targets"], tables["outcomes"]
    model = write_csv_source(tmp_path / "model", tables)
    catalogue = VALUES.parent / "rkolada_sysdata" / "flattened_csv" / "kolada_kpi_v3_2026-03.csv"
    db = build([model, totals, genders, catalogue], tmp_path / "w.duckdb").path
    counts = dict(warehouse_rows(db, "select indicator_id, count(*) from outcomes group by all"))
    for kpi in kpis:
        assert counts[f"I_{kpi}"] == len(extract(kpi, range(1900, 2100))), kpi
    assert sum(counts.values()) > 190_000
    # Known values of the file: Helsingborg, and Gotland both as a municipality and a region.
    known = warehouse_rows(
        db,
        "select subject, gender, value from outcomes where indicator_id = 'I_N15428' "
        "and period = '2022' and subject in ('1283', '0980', '0009') order by all",
    )
    assert known == [
        ("0009", "K", 89.8), ("0009", "M", 86.7), ("0009", "T", 88.3),
        ("0980", "K", 89.93710692), ("0980", "M", 87.13826367), ("0980", "T", 88.55325914),
        ("1283", "K", 87.27050184), ("1283", "M", 85.23489933), ("1283", "T", 86.20689655),
    ]  # fmt: skip
    # The catalogue of March 2026: every KPI's metadata, the discontinued ones marked.
    with catalogue.open(encoding="utf-8") as file:
        listed = {row["id"]: row["title"] for row in csv.DictReader(file)}
    ended = sum(bool(re.search(r"\(-\d{4}\)\s*$", t)) for t in listed.values())
    kpi_rows = warehouse_rows(
        db,
        "select count(*), count(*) filter (is_discontinued), "
        "max(title) filter (kpi = 'N15428') from kolada_kpis",
    )
    assert kpi_rows == [(len(listed), ended, listed["N15428"])] and ended > 300
    assert warehouse_rows(db, "select count(*) from kolada_values where fetched_at is null") == [
        (sum(counts.values()),)
    ]


def test_an_extract_with_a_word_for_a_number_names_the_file(tmp_path):
    bad = tmp_path / "extract"
    bad.mkdir()
    (bad / "merit.csv").write_text("geo,year,n15505\n2082,2020,230.1\n2082,2021,tvåhundra\n")
    with pytest.raises(InvalidInput) as raised:
        build([kolada_model(tmp_path / "model"), bad], tmp_path / "w.duckdb")
    [problem] = raised.value.problems
    assert problem.file == str(bad / "merit.csv") and "kan inte läsas" in problem.found


def test_the_indicator_page_shows_koladas_own_words_and_a_discontinued_series(
    fetched, tmp_path, monkeypatch
):
    folder, _, _ = fetched
    db = build([kolada_model(tmp_path / "model"), folder], tmp_path / "w.duckdb").path
    with (VALUES.parent / "rkolada_sysdata" / "flattened_csv" / "kolada_kpi_v3_2026-03.csv").open(
        encoding="utf-8"
    ) as file:
        catalogue = {row["id"]: row for row in csv.DictReader(file)}
    at = run_page("pages/indicator.py", db, monkeypatch, indicator="MERIT")
    assert not at.exception
    [about] = [e for e in at.expander if "i Kolada" in e.label]
    assert about.label == "Om nyckeltalet N15505 i Kolada"
    shown = unescaped("\n".join(m.value for m in about.markdown))
    assert catalogue["N15505"]["title"] in shown and catalogue["N15505"]["description"] in shown
    caption = unescaped(about.caption[0].value)
    assert caption.endswith("Källa: Kolada")
    assert f"Senast publicerade period: {catalogue['N15505']['publ_period']}" in caption
    day = catalogue["N15505"]["publication_date"]
    assert f"\nNästa publicering (slutliga värden): {day}\n" in caption  # a fact a line
    assert not [w for w in at.warning if "publicerar inte längre" in w.value]

    at = run_page("pages/indicator.py", db, monkeypatch, indicator="GAMMAL")
    [warning] = [w for w in at.warning if "publicerar inte längre" in w.value]
    assert "N01928" in warning.value and "(-2023)" in unescaped(warning.value)
    plain = run_page(
        "pages/indicator.py",
        build([kolada_model(tmp_path / "m2")], tmp_path / "p.duckdb").path,
        monkeypatch,
        indicator="MERIT",
    )
    assert not [e for e in plain.expander if "i Kolada" in e.label]  # no folder, no words


def test_the_public_pages_show_koladas_words_for_public_indicators_only(
    fetched, tmp_path, monkeypatch
):
    folder, _, _ = fetched
    db = build([kolada_model(tmp_path / "model"), folder], tmp_path / "w.duckdb", public=True).path
    kpis = public_rows(db, "select kpi, source_path from kolada_kpis order by kpi")
    assert kpis == [("N01928", ""), ("N15505", "")]  # N07403 measures an internal indicator only
    at = run_public_page("pages/indikator.py", db, monkeypatch, id="MERIT")
    assert not at.exception
    assert [e.label for e in at.expander if "i Kolada" in e.label] == [
        "Om nyckeltalet N15505 i Kolada"
    ]


def test_a_revision_is_shown_below_the_values_on_both_indicator_pages(
    fetched, tmp_path, monkeypatch
):
    folder, base, kolada = fetched
    again = copied(folder, tmp_path / "kolada")
    before = extract("N15505", range(2015, 2023))
    kolada.revisions = {
        ("N15505", SATER, 2020, "T"): 250.5,
        ("N15505", SATER, 2021, "K"): 1234.5,
        ("N15505", "0000", 2019, "T"): 219.05,
        ("N15505", "0180", 2020, "T"): 1.0,  # another municipality: not in the chart, not listed
        ("N07403", SATER, 2020, "T"): 9.0,  # an internal indicator's KPI
    }
    kolada.revised_on = "9999-12-31"
    try:
        fetch(base, again)  # the three KPIs asked again in one request, with from_date
    finally:
        kolada.revisions = {}
    db = build([kolada_model(tmp_path / "model"), again], tmp_path / "w.duckdb", public=True).path
    [(day,)] = warehouse_rows(
        db, "select distinct strftime(revised_at, '%Y-%m-%d') from kolada_values "
        "where revised_at is not null"
    )  # fmt: skip
    expected = [
        f"Testkommun 2020: reviderat {day}: {fmt.number(before[(SATER, '2020', 'T')], 2)} → 250,50",
        f"Testkommun, kvinnor 2021: reviderat {day}: "
        f"{fmt.number(before[(SATER, '2021', 'K')], 2)} → 1 234,50",
        f"Riket 2019: reviderat {day}: {fmt.number(before[('0000', '2019', 'T')], 2)} → 219,05",
    ]
    for at in (
        run_page("pages/indicator.py", db, monkeypatch, indicator="MERIT"),
        run_public_page("pages/indikator.py", db, monkeypatch, id="MERIT"),
    ):
        assert not at.exception
        [caption] = [c.value for c in at.caption if "Reviderade värden" in c.value]
        lines = unescaped(caption).replace(fmt.NBSP, " ").splitlines()
        assert lines[1:] == [*expected, "Källa: Kolada"]
    # The public copy holds the public indicators' KPIs only, without the folder's path.
    revised = public_rows(db, "select distinct kpi, source_path from kolada_values "
                              "where revised_at is not null")  # fmt: skip
    assert revised == [("N15505", "")]
    assert public_rows(db, "select count(*) from kolada_values where kpi = 'N07403'") == [(0,)]
    # Without a revision the pages say nothing about one.
    plain = build([kolada_model(tmp_path / "m2"), folder], tmp_path / "p.duckdb").path
    at = run_page("pages/indicator.py", plain, monkeypatch, indicator="MERIT")
    assert not [c for c in at.caption if "Reviderade" in c.value]
