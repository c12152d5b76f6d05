"""Kolada's metadata as a source (areas, groups with members: the real files of March 2026 and
the open-numbers entity files), the model's peer group, and the comparisons the build computes
(kolada_comparisons), each checked against an independent computation here from the real
extracts in ../shared/data/real; and the pages that show them."""

from __future__ import annotations

import csv
import statistics
from pathlib import Path

import pytest

from etl.build import build
from etl.problems import InvalidInput
from tests.conftest import (
    REAL_DATA,
    minimal_tables,
    public_rows,
    run_page,
    run_public_page,
    unescaped,
    warehouse_rows,
    write_csv_source,
)
from tools.kolada_server import kolada_server

V3 = REAL_DATA / "rkolada_sysdata" / "flattened_csv"
AREAS = V3 / "kolada_municipality_v3_2026-03.csv"
GROUPS = V3 / "kolada_municipality_groups_members_v3_2026-03.csv"
OPEN_NUMBERS = REAL_DATA / "open_numbers_kolada_v2_2024-08"
TOTALS = OPEN_NUMBERS / "datapoints--by--geo--year"
PEER_PREFIX = "Liknande kommuner, övergripande, {name},"

# indicator -> (KPI, direction); N00901's tax rates and N15505's merit values have ties.
INDICATORS = {
    "MERIT": ("N15505", "higher"),
    "SJUK": ("N00938", "lower"),
    "SKATT": ("N00901", "lower"),
    "INV": ("N01951", "neutral"),
}


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def model(folder: Path, municipality: str, *, peer_group: str | None = None) -> Path:
    tables = minimal_tables()
    tables["settings"][0]["value"] = municipality
    if peer_group is not None:
        tables["settings"].append({"key": "kolada_peer_group", "value": peer_group})
    tables["indicators"] = [
        {"indicator_id": i, "title": f"Nyckeltal {kpi}", "direction": d, "source": "kolada",
         "kolada_kpi": kpi, "decimals": "1", "public": "nej" if i == "SJUK" else "ja"}
        for i, (kpi, d) in INDICATORS.items()
    ]  # fmt: skip
    tables["goal_indicators"] = [
        {"goal_id": "N1", "indicator_id": "MERIT"},
        {"goal_id": "N1", "indicator_id": "SJUK"},
    ]
    tables["targets"] = [
        {"goal_id": "N1", "indicator_id": "MERIT", "period": "2022", "comparator": ">=",
         "value": "230"},
        {"goal_id": "N1", "indicator_id": "SJUK", "period": "2022", "comparator": "<=",
         "value": "10"},
    ]  # fmt: skip
    del tables["outcomes"]
    return write_csv_source(folder, tables)


def extracts() -> list[Path]:
    return [TOTALS / f"ddf--datapoints--{kpi.lower()}--by--geo--year.csv" for kpi, _ in
            INDICATORS.values()]  # fmt: skip


def comparison_build(tmp_path: Path, municipality: str, **settings) -> Path:
    folder = tmp_path / municipality
    sources = [model(folder / "model", municipality, **settings), *extracts(), AREAS, GROUPS]
    return build(sources, folder / "w.duckdb", public=True).path


# --- the independent computation ----------------------------------------------------------------


def year_values(kpi: str, year: int) -> dict[str, float]:
    """area -> value (gender T) of the real extract, empty cells left out."""
    path = TOTALS / f"ddf--datapoints--{kpi.lower()}--by--geo--year.csv"
    return {
        r["geo"]: float(r[kpi.lower()])
        for r in _rows(path)
        if int(r["year"]) == year and r[kpi.lower()] != ""
    }


def peers_in_file(municipality: str) -> tuple[str, str, list[str]]:
    """(id, title, members other than the municipality) of the newest "Liknande kommuner,
    övergripande, <name>," group of the real group file."""
    name = next(r["title"] for r in _rows(AREAS) if r["id"] == municipality)
    prefix = PEER_PREFIX.format(name=name)
    groups = [r for r in _rows(GROUPS) if r["group_title"].startswith(prefix)]
    title = max(r["group_title"] for r in groups)
    newest = [r for r in groups if r["group_title"] == title]
    members = [r["member_id"] for r in newest if r["member_id"] != municipality]
    return newest[0]["group_id"], title, members


def expected(municipality: str, kpi: str, direction: str, year: int) -> dict:
    values = year_values(kpi, year)
    kommuner = {r["id"] for r in _rows(AREAS) if r["type"] == "K"}
    _, title, members = peers_in_file(municipality)
    ours = values.get(municipality)
    peer_values = [values[m] for m in members if m in values]
    out = {
        "value": ours,
        "riket": values.get("0000"),
        "lan": values.get("00" + municipality[:2]),
        "title": title,
        "members": len(members),
        "peer_values": len(peer_values),
        "median": statistics.median(peer_values),
        "min": min(peer_values),
        "max": max(peer_values),
    }
    if direction == "neutral" or ours is None:
        return out | {"worse": None, "equal": None, "better": None, "place": None}
    sign = 1 if direction == "higher" else -1
    all_values = [v for k, v in values.items() if k in kommuner]
    place = 1 + sum(sign * v > sign * ours for v in all_values)
    places = len(all_values)
    band = "best" if place <= places / 4 else "worst" if place > places - places / 4 else "middle"
    return out | {
        "worse": sum(sign * v < sign * ours for v in peer_values),
        "equal": sum(v == ours for v in peer_values),
        "better": sum(sign * v > sign * ours for v in peer_values),
        "place": place,
        "places": places,
        "band": band,
    }


# --- metadata -----------------------------------------------------------------------------------


def test_the_real_metadata_files_fill_kolada_areas_and_group_members(tmp_path):
    db = comparison_build(tmp_path, "2082")
    assert warehouse_rows(
        db, "select type, count(*) from kolada_areas group by all order by 1"
    ) == [
        ("K", 290),
        ("L", 22),
    ]
    names = dict(warehouse_rows(db, "select area, title from kolada_areas"))
    assert len(names) == 312
    assert (names["2082"], names["0020"], names["0000"], names["0180"]) == (
        "Säter", "Region Dalarna", "Riket", "Stockholm",
    )  # fmt: skip
    rows = _rows(GROUPS)
    stored = warehouse_rows(
        db, "select count(*), count(distinct group_id) from kolada_group_members"
    )
    assert stored == [(len(rows), len({r["group_id"] for r in rows}))] == [(26573, 3630)]
    in_file = sorted((r["group_id"], r["group_title"], r["member_id"]) for r in rows)
    assert (
        warehouse_rows(
            db, "select group_id, group_title, member_id from kolada_group_members order by all"
        )
        == in_file
    )
    # Kolada's metadata is public: the public warehouse has it all, without the files' paths.
    assert public_rows(db, "select count(*), max(source_path) from kolada_areas") == [(312, "")]
    assert public_rows(db, "select count(*) from kolada_group_members") == [(26573,)]


def test_the_open_numbers_entity_files_give_koladas_ids(tmp_path):
    sources = [
        model(tmp_path / "model", "2082"),
        *(
            OPEN_NUMBERS / f"ddf--entities--geo--{kind}.csv"
            for kind in ("kommun", "region", "rike")
        ),
    ]
    db = build(sources, tmp_path / "w.duckdb").path
    stored = dict(warehouse_rows(db, "select area, title from kolada_areas"))
    # The dump writes regions as "01" and riket as "0": Kolada's ids are the v3 file's.
    assert set(stored) == {r["id"] for r in _rows(AREAS)}
    assert (stored["0001"], stored["0020"], stored["0000"], stored["0114"]) == (
        "Region Stockholm", "Region Dalarna", "Riket", "Upplands Väsby",
    )  # fmt: skip
    types = dict(warehouse_rows(db, "select area, type from kolada_areas"))
    assert {r["id"]: r["type"] for r in _rows(AREAS)} == types


def test_an_unreadable_metadata_file_is_a_problem_naming_it(tmp_path):
    bad = tmp_path / "grupper.csv"
    bad.write_text('group_id,group_title,member_id\nG1,"Trasig titel,0180\n', encoding="utf-8")
    with pytest.raises(InvalidInput) as raised:
        build([model(tmp_path / "model", "2082"), bad], tmp_path / "w.duckdb")
    [problem] = raised.value.problems
    assert problem.file == str(bad) and "kan inte läsas" in problem.found
    assert "group_id,group_title,member_id" in problem.expected


# --- the peer group -----------------------------------------------------------------------------


def test_the_peer_group_is_the_newest_liknande_kommuner_group_of_the_real_file(tmp_path):
    group_id, title, members = peers_in_file("2082")
    db = comparison_build(tmp_path, "2082")
    assert warehouse_rows(db, "from kolada_peer_group") == [(group_id, title, "title")]
    assert title == "Liknande kommuner, övergripande, Säter, 2025"
    stored = warehouse_rows(
        db, "select member_id from kolada_group_members where group_id = ? order by 1", [group_id]
    )
    assert [m for (m,) in stored] == sorted(members) and len(members) == 7


def test_the_setting_names_the_peer_group_and_a_wrong_one_is_a_problem(tmp_path):
    dalarna = next(r for r in _rows(GROUPS) if r["group_title"].startswith("Dalarnas läns"))
    db = comparison_build(tmp_path, "2082", peer_group=dalarna["group_id"])
    assert warehouse_rows(db, "from kolada_peer_group") == [
        (dalarna["group_id"], dalarna["group_title"], "setting")
    ]
    [(members, title)] = warehouse_rows(
        db, "select max(peer_members), max(peer_group_title) from kolada_comparisons"
    )
    in_file = {r["member_id"] for r in _rows(GROUPS) if r["group_id"] == dalarna["group_id"]}
    assert (members, title) == (len(in_file - {"2082"}), dalarna["group_title"])
    for wrong, found in (("G1", "finns inte bland Kolada-grupperna"), ("Säter", "")):
        with pytest.raises(InvalidInput) as raised:
            comparison_build(tmp_path / wrong, "2082", peer_group=wrong)
        [problem] = raised.value.problems
        assert problem.column == "value" and f'kolada_peer_group = "{wrong}"' in problem.found
        assert found in problem.found


def test_a_fetched_folder_gives_areas_groups_and_its_peer_group(tmp_path):
    out = tmp_path / "kolada"
    with kolada_server() as (base, _):
        from etl.__main__ import main

        args = ["kolada", "fetch", "--municipality", "2082", "--kpi", "N15505", "--years", "2022"]
        assert main([*args, "--out", str(out), "--base-url", base, "--rate", "0", "--quiet"]) == 0
    db = build([model(tmp_path / "model", "2082"), out], tmp_path / "w.duckdb").path
    assert warehouse_rows(
        db, "select count(*), count(*) filter (type = 'K') from kolada_areas"
    ) == [(312, 290)]
    group_id, title, members = peers_in_file("2082")
    assert warehouse_rows(db, "from kolada_peer_group") == [(group_id, title, "fetch")]
    [(path,)] = warehouse_rows(db, "select distinct source_path from kolada_group_members")
    assert path == str(out / "manifest.json")
    row = warehouse_rows(
        db,
        "select value, peer_values, peers_worse, place from kolada_comparisons "
        "where indicator_id = 'MERIT' and period = '2022'",
    )
    want = expected("2082", "N15505", "higher", 2022)
    assert row == [(want["value"], want["peer_values"], want["worse"], want["place"])]


# --- the comparisons ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "municipality",
    [
        "2082",  # Säter
        "0127",  # Botkyrka: a peer with the same tax rate (N00901) in 2022
        "0665",  # Vaggeryd: a peer with the same merit value (N15505) in 2022
        "1780",  # Karlstad: a peer with the same sick-pay rate (N00938) in 2022
    ],
)
def test_comparisons_match_an_independent_computation_from_the_real_extracts(
    tmp_path, municipality
):
    db = comparison_build(tmp_path, municipality)
    ties = 0
    for indicator, (kpi, direction) in INDICATORS.items():
        for year in (2015, 2020, 2022):
            want = expected(municipality, kpi, direction, year)
            [row] = warehouse_rows(
                db,
                "select value, riket_value, lan_value, peer_group_title, peer_members, "
                "peer_values, peer_median, peer_min, peer_max, peers_worse, peers_equal, "
                "peers_better, place, places, place_band, lan_id "
                "from kolada_comparisons where indicator_id = ? and period = ?",
                [indicator, str(year)],
            )
            (value, riket, lan, title, members, n, median, low, high, *rank, lan_id) = row
            assert (value, riket, lan, lan_id) == (
                want["value"], want["riket"], want["lan"], "00" + municipality[:2],
            )  # fmt: skip
            assert (title, members, n) == (want["title"], want["members"], want["peer_values"])
            assert median == pytest.approx(want["median"]) and (low, high) == (
                want["min"], want["max"],
            )  # fmt: skip
            worse, equal, better, place, places, band = rank
            assert (worse, equal, better, place) == (
                want["worse"], want["equal"], want["better"], want["place"],
            ), (indicator, year)  # fmt: skip
            if want["place"] is not None:
                assert (places, band) == (want["places"], want["band"]), (indicator, year)
                assert worse + equal + better == n
                ties += equal
            else:
                assert (places, band) == (None, None)
    if municipality != "2082":
        assert ties > 0  # the tie this municipality was chosen for is among the checks


def test_the_quarter_bands_follow_the_places(tmp_path):
    """Over every year of one KPI, the band of each place is the rule's, and ties share the
    better place: the independent computation for every year Säter has a value."""
    db = comparison_build(tmp_path, "2082")
    rows = warehouse_rows(
        db,
        "select period, place, places, place_band from kolada_comparisons "
        "where indicator_id = 'SKATT' and place is not null order by period",
    )
    assert len(rows) > 20
    for period, place, places, band in rows:
        want = expected("2082", "N00901", "lower", int(period))
        assert (place, places, band) == (want["place"], want["places"], want["band"]), period


# --- the pages ----------------------------------------------------------------------------------


def test_the_indicator_page_shows_the_comparison_in_words_and_a_table(tmp_path, monkeypatch):
    db = comparison_build(tmp_path, "2082")
    want = expected("2082", "N15505", "higher", 2022)
    at = run_page("pages/indicator.py", db, monkeypatch, indicator="MERIT", period="2022")
    assert not at.exception
    assert "Jämförelse med riket, länet och liknande kommuner" in [s.value for s in at.subheader]
    text = unescaped("\n".join(m.value for m in at.markdown))
    sv = {k: f"{want[k]:.1f}".replace(".", ",") for k in ("value", "riket", "min", "max")}
    median = f"{want['median']:.1f}".replace(".", ",")
    assert f"Säter: {sv['value']} · Källa: Kolada" in text
    assert f"Riket: {sv['riket']} · Källa: Kolada" in text
    assert "Region Dalarna: inget värde · Källa: Kolada" in text  # no län value for N15505
    assert (
        f"Liknande kommuner, övergripande, Säter, 2025 (7 kommuner, 7 med värde): median "
        f"{median}, lägst {sv['min']}, högst {sv['max']} · beräknat av oss från Kolada" in text
    )
    assert (
        f"Säter är bättre än {want['worse']} av 7 liknande kommuner med värde "
        f"(sämre än {want['better']}) · beräknat av oss från Kolada" in text
    )
    band = {
        "best": "bästa fjärdedelen",
        "middle": "mellersta hälften",
        "worst": "sämsta fjärdedelen",
    }
    assert (
        f"Säter har plats {want['place']} av {want['places']} – {band[want['band']]} bland "
        "kommunerna med värde · beräknat av oss från Kolada" in text
    )
    [years] = [t for t in at.table if "År" in t.value.columns]
    assert [unescaped(c) for c in years.value.columns] == [
        "År", "Säter (Källa: Kolada)", "Riket (Källa: Kolada)",
        "Liknande kommuner, median (beräknat av oss från Kolada)",
        "Liknande kommuner, lägst–högst (beräknat av oss från Kolada)",
        "Bättre än … av liknande kommuner med värde (beräknat av oss från Kolada)",
        "Plats bland kommunerna (beräknat av oss från Kolada)",
    ]  # fmt: skip
    assert unescaped(years.value.iloc[0, 0]) == "2022" and len(years.value) == 8  # 2015–2022
    # No län values for N15505: the sentence says so, the table has no empty column for it.
    assert unescaped(years.value.iloc[0, 5]) == f"{want['worse']} av 7 (sämre än {want['better']})"
    [members] = [e for e in at.expander if e.label.startswith("Kommunerna i")]
    assert (
        unescaped(members.label)
        == "Kommunerna i Liknande kommuner, övergripande, Säter, 2025, 2022"
    )

    neutral = run_page("pages/indicator.py", db, monkeypatch, indicator="INV", period="2022")
    text = unescaped("\n".join(m.value for m in neutral.markdown))
    assert "Ingen rangordning: indikatorn har ingen riktning" in text
    population = expected("2082", "N01951", "neutral", 2022)["lan"]
    sv = f"{population:,.1f}".replace(",", "\u00a0").replace(".", ",")
    assert f"Region Dalarna: {sv} · Källa: Kolada" in text  # N01951 has the regions' values
    [years] = [t for t in neutral.table if "År" in t.value.columns]
    assert "Region Dalarna (Källa: Kolada)" in [unescaped(c) for c in years.value.columns]
    assert not [c for c in years.value.columns if "Plats" in c or "Bättre" in c]
    assert "liknande kommuner med värde" not in text and "plats " not in text


def test_the_goal_chain_shows_riket_peers_and_place_for_kolada_indicators(tmp_path, monkeypatch):
    db = comparison_build(tmp_path, "2082")
    at = run_page("pages/goal_chain.py", db, monkeypatch, goal="N1", period="2022")
    assert not at.exception
    [grid] = [d for d in at.dataframe if "Plats bland kommunerna" in d.value.columns]
    frame = grid.value.set_index("Namn")
    merit = expected("2082", "N15505", "higher", 2022)
    sick = expected("2082", "N00938", "lower", 2022)
    band = {
        "best": "bästa fjärdedelen",
        "middle": "mellersta hälften",
        "worst": "sämsta fjärdedelen",
    }
    for title, want in (("Nyckeltal N15505", merit), ("Nyckeltal N00938", sick)):
        row = frame.loc[title]
        assert row["Riket"] == f"{want['riket']:.1f}".replace(".", ",")
        assert row["Liknande kommuner (median)"] == f"{want['median']:.1f}".replace(".", ",")
        assert row["Plats bland kommunerna"] == (
            f"{want['place']} av {want['places']} – {band[want['band']]}"
        )
    assert any("Riket: Källa: Kolada" in c.value for c in at.caption)


def test_the_public_page_shows_comparisons_of_public_indicators_only(tmp_path, monkeypatch):
    db = comparison_build(tmp_path, "2082")
    shown = public_rows(db, "select distinct indicator_id from kolada_comparisons order by 1")
    assert shown == [("INV",), ("MERIT",), ("SKATT",)]  # SJUK is internal
    at = run_public_page("pages/indikator.py", db, monkeypatch, id="MERIT")
    assert not at.exception
    text = unescaped("\n".join(m.value for m in at.markdown))
    want = expected("2082", "N15505", "higher", 2022)
    assert f"Säter är bättre än {want['worse']} av 7 liknande kommuner med värde" in text
    assert "Källa: Kolada" in text and "beräknat av oss från Kolada" in text
    hidden = run_public_page("pages/indikator.py", db, monkeypatch, id="SJUK")
    text = unescaped("\n".join(m.value for m in hidden.markdown))
    assert "liknande kommuner" not in text and "Jämförelse" not in [
        s.value for s in hidden.subheader
    ]


@pytest.mark.browser
def test_the_comparison_at_1440_and_390_px(tmp_path, browser):
    """Screenshots of the internal and public Indikator page and the goal chain at both widths
    (tests/artifacts/kolada_compare_*.png), and on a phone nothing wider than the screen."""
    from tests.conftest import ARTIFACTS
    from tests.support.browser import full_page_screenshot, wait_until_idle
    from tools.server import streamlit_server

    db = comparison_build(tmp_path, "2082")
    views = {
        None: [("indicator", "/indicator?indicator=MERIT&period=2022"),
               ("goal_chain", "/goal_chain?goal=N1&period=2022")],
        "public": [("indikator", "/indikator?id=MERIT")],
    }  # fmt: skip
    for mode, pages in views.items():
        with streamlit_server(db, mode=mode) as url:
            page = browser.new_page(viewport={"width": 1440, "height": 900})
            for name, path in pages:
                page.set_viewport_size({"width": 1440, "height": 900})
                page.goto(url + path)
                page.get_by_text("beräknat av oss från Kolada").first.wait_for(timeout=60_000)
                wait_until_idle(page)
                full_page_screenshot(page, ARTIFACTS / f"kolada_compare_{name}_1440.png")
                page.set_viewport_size({"width": 390, "height": 844})
                wait_until_idle(page)
                full_page_screenshot(page, ARTIFACTS / f"kolada_compare_{name}_390.png")
                wide = page.evaluate(
                    "[...document.querySelectorAll('[data-testid=stMain] table')]"
                    ".map(t => t.getBoundingClientRect().right)"
                )
                assert all(right <= 390 for right in wide), (name, wide)
            page.close()


def test_an_incremental_build_makes_the_comparisons_anew(tmp_path):
    """Kolada values hand-shaped into outcomes files (source Kolada): a new year's file reuses
    the warehouse, and the comparisons are those of a full build, the new year included."""
    model_folder = model(tmp_path / "model", "2082")
    files = []
    for year in (2021, 2022):
        folder = tmp_path / f"utfall{year}"
        folder.mkdir()
        lines = ["indicator_id,period,value,subject,gender,source"]
        lines += [
            f"MERIT,{year},{v},{area},T,Kolada" for area, v in year_values("N15505", year).items()
        ]
        (folder / "outcomes.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        files.append(folder)
    db = tmp_path / "w.duckdb"
    build([model_folder, AREAS, GROUPS, files[0]], db)
    again = build([model_folder, AREAS, GROUPS, *files], db)
    assert again.incremental
    query = "from kolada_comparisons order by all"
    incremental_rows = warehouse_rows(db, query)
    full = build([model_folder, AREAS, GROUPS, *files], tmp_path / "full.duckdb", full=True)
    assert incremental_rows == warehouse_rows(full.path, query)
    assert [r[1] for r in incremental_rows] == ["2021", "2022"]
    want = expected("2082", "N15505", "higher", 2022)
    assert incremental_rows[1][18] == want["place"]  # place


def test_names_from_the_metadata_files_are_shown_as_written(tmp_path, monkeypatch):
    name = "**Säter** <b>x</b> [länk](javascript:alert(1))"
    areas = tmp_path / "omraden.csv"
    rows = [r if r["id"] != "2082" else r | {"title": name} for r in _rows(AREAS)]
    areas.write_text(
        "id,title,type\n" + "".join(f'{r["id"]},"{r["title"]}",{r["type"]}\n' for r in rows),
        encoding="utf-8",
    )
    groups = tmp_path / "grupper.csv"
    _, _, members = peers_in_file("2082")
    title = f"Liknande kommuner, övergripande, {name}, 2025"
    groups.write_text(
        "group_id,group_title,member_id\n" + "".join(f'G1,"{title}",{m}\n' for m in members),
        encoding="utf-8",
    )
    sources = [model(tmp_path / "model", "2082"), *extracts(), areas, groups]
    db = build(sources, tmp_path / "w.duckdb").path
    assert warehouse_rows(db, "select group_title, chosen_by from kolada_peer_group") == [
        (title, "title")
    ]
    at = run_page("pages/indicator.py", db, monkeypatch, indicator="MERIT", period="2022")
    assert not at.exception
    markdown = "\n".join(m.value for m in at.markdown)
    assert f"{name} är bättre än" in unescaped(markdown) and "**Säter**" not in markdown
    [members_box] = [e for e in at.expander if e.label.startswith("Kommunerna i")]
    assert name in unescaped(members_box.label) and "**Säter**" not in members_box.label
    [years] = [t for t in at.table if "År" in t.value.columns]
    assert f"{name} (Källa: Kolada)" in [unescaped(c) for c in years.value.columns]
    assert not [c for c in years.value.columns if "**Säter**" in c]  # headings are Markdown too


def test_better_than_the_peer_group_uses_its_members_median_through_a_real_build(tmp_path):
    """The engine's better_than against a group that has no value of its own (the extracts
    hold none): the median of its members, read from the real group-members file."""
    folder = tmp_path / "model"
    source = model(folder, "2082")
    säter = "Liknande kommuner, övergripande, Säter, 2025"
    [group] = {r["group_id"] for r in _rows(GROUPS) if r["group_title"].startswith(säter)}
    members = {r["member_id"] for r in _rows(GROUPS) if r["group_id"] == group}
    (source / "targets.csv").write_text(
        f"goal_id,indicator_id,period,comparator,tolerance,subject\nN1,MERIT,2021,better_than,1,{group}\n",
        encoding="utf-8",
    )
    try:
        db = build([source, *extracts(), AREAS, GROUPS], tmp_path / "w.duckdb").path
    except InvalidInput as error:
        pytest.fail(str(error.problems))
    values = {r["geo"]: float(r["n15505"]) for r in _rows(extracts()[0])
              if r["year"] == "2021" and r["n15505"]}  # fmt: skip
    expected = statistics.median(values[m] for m in members if m in values)
    [(reference, own, status)] = warehouse_rows(
        db,
        "select reference_value, value, status from indicator_status where goal_id = 'N1' "
        "and indicator_id = 'MERIT' and period = '2021' and comparator = 'better_than'",
    )
    assert reference == pytest.approx(expected) and own == values["2082"]
    better = own > expected + 1e-9
    assert status == ("uppfyllt" if better else "delvis" if own >= expected - 1 else "ej uppfyllt")
