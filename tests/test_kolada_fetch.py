"""``python -m etl kolada fetch`` and ``search`` against a stand-in for Kolada on 127.0.0.1
(tools/kolada_server.py) serving the real values and metadata of ../shared/data/real:
paging, lists of at most 25 ids, retries, timeouts, broken pages, offline, reruns that fetch
only what changed, the peer group, and the search."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest

from etl.__main__ import main
from tests.conftest import minimal_tables, write_csv_source
from tools.kolada_server import V3, VALUES, Fault, Kolada, kolada_server
from tools.server import free_port

SATER = "2082"
SATER_PEERS_TITLE = "Liknande kommuner, övergripande, Säter,"
FAST = ["--rate", "0", "--quiet"]


def fetch(base: str, out: Path, *extra: str) -> int:
    return main(
        ["kolada", "fetch", "--municipality", SATER, "--out", str(out), "--base-url", base]
        + FAST
        + list(extra)
    )


def manifest(out: Path) -> dict:
    return json.loads((out / "manifest.json").read_text("utf-8"))


def stored_rows(out: Path, prefix: str) -> list[dict]:
    rows = []
    for entry in manifest(out)["requests"]:
        if entry["key"].startswith(prefix):
            for page in entry["pages"]:
                rows += json.loads((out / page["file"]).read_bytes())["values"]
    return rows


def folder_bytes(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def real_peer_group(title_prefix: str) -> tuple[str, set[str]]:
    """The newest group with that title in the real group file, and its members: read here,
    independently of the stand-in."""
    groups: dict[str, tuple[str, set[str]]] = {}
    with (V3 / "kolada_municipality_groups_members_v3_2026-03.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["group_title"].startswith(title_prefix):
                groups.setdefault(row["group_id"], (row["group_title"], set()))[1].add(
                    row["member_id"]
                )
    group = max(groups, key=lambda g: groups[g][0])
    return group, groups[group][1]


def real_areas_with_values(kpi: str, years: range) -> set[tuple[str, int]]:
    name = kpi.lower()
    path = VALUES / "datapoints--by--geo--year" / f"ddf--datapoints--{name}--by--geo--year.csv"
    with path.open(encoding="utf-8") as f:
        return {(r["geo"], int(r["year"])) for r in csv.DictReader(f) if int(r["year"]) in years}


def test_a_fetch_follows_every_page_and_keeps_each_as_received(tmp_path, capsys):
    group, members = real_peer_group(SATER_PEERS_TITLE)
    with kolada_server(Kolada(page_size=700, group_values={group})) as (base, kolada):
        code = fetch(base, tmp_path, "--kpi", "N15505,U21468", "--years", "2015-2022")
    assert code == 0, capsys.readouterr().err
    saved = manifest(tmp_path)
    assert saved["municipality"] == SATER and saved["peer_group"] == group
    data = [e for e in saved["requests"] if e["key"].startswith("data/")]
    assert {e["key"] for e in data} == {"data/N15505/2015-2022", "data/U21468/2015-2022"}
    for entry in saved["requests"]:
        for page in entry["pages"]:
            body = (tmp_path / page["file"]).read_bytes()
            assert hashlib.sha256(body).hexdigest() == page["sha256"] and len(body) == page["bytes"]
    assert all(len(e["pages"]) > 1 for e in data)  # ≈ 2,300 rows in pages of 700
    # Every area of the extract for those years, and the peer group's mean, arrived once.
    rows = stored_rows(tmp_path, "data/N15505/")
    expected = real_areas_with_values("N15505", range(2015, 2023)) | {
        (group, y) for y in range(2015, 2023)
    }
    assert sorted((r["municipality"], r["period"]) for r in rows) == sorted(expected)
    sater_2020 = next(r for r in rows if r["municipality"] == SATER and r["period"] == 2020)
    assert {v["gender"] for v in sater_2020["values"]} == {"T", "K", "M"}
    groups = stored_rows(tmp_path, "municipality_groups")
    assert {m["id"] for m in groups[0]["members"]} == members and groups[0]["id"] == group
    out = capsys.readouterr().out
    assert f"Jämförelsegrupp: {group} Liknande kommuner, övergripande, Säter" in out
    # Paging by next_url: every page after the first was asked for by its own address.
    assert any("page=2" in r for r in kolada.requests)


def test_lists_of_ids_hold_at_most_25(tmp_path, capsys):
    with (V3 / "kolada_kpi_v3_2026-03.csv").open(encoding="utf-8") as f:
        kpis = [row["id"] for row, _ in zip(csv.DictReader(f), range(30), strict=False)]
    with kolada_server() as (base, kolada):
        code = fetch(base, tmp_path, "--kpi", ",".join(kpis), "--years", "2022")
    assert code == 0, capsys.readouterr().err  # the stand-in answers 400 to a longer list
    asked = [r.split("?")[0] for r in kolada.requests if r.startswith("/v3/kpi/")]
    assert [len(r.removeprefix("/v3/kpi/").split(",")) for r in asked] == [25, 5]
    assert {k["id"] for k in stored_rows(tmp_path, "kpi/")} == set(kpis)


def test_429_500_and_a_hang_are_retried_and_give_what_a_calm_run_gives(tmp_path, capsys):
    with kolada_server() as (base, _):
        assert fetch(base, tmp_path / "calm", "--kpi", "N15505", "--years", "2020-2022") == 0
    faults = [
        Fault("429", "data/kpi/N15505"),
        Fault("500", "municipality_groups"),
        Fault("hang", "kpi/N15505"),
    ]
    with kolada_server(Kolada(faults=faults, hang_seconds=2.5)) as (base, kolada):
        code = fetch(
            base, tmp_path / "rough", "--kpi", "N15505", "--years", "2020-2022", "--timeout", "1"
        )
    assert code == 0, capsys.readouterr().err
    assert all(f.times == 0 for f in faults)
    for prefix in ("data/", "kpi/", "municipality"):
        assert stored_rows(tmp_path / "rough", prefix) == stored_rows(tmp_path / "calm", prefix)
    paths = [r.split("?")[0] for r in kolada.requests]
    assert paths.count("/v3/data/kpi/N15505/year/2020,2021,2022") == 2
    assert paths.count("/v3/kpi/N15505") == 2


@pytest.mark.parametrize(
    ("fault", "words"),
    [("cut", "trasig sida"), ("drop", "bröts mitt i svaret"), ("500", "500 Internal")],
)
def test_a_broken_page_is_an_error_that_keeps_nothing_of_it(tmp_path, capsys, fault, words):
    with kolada_server() as (base, _):
        assert fetch(base, tmp_path, "--kpi", "N15505", "--years", "2021") == 0
    before = folder_bytes(tmp_path)
    capsys.readouterr()
    # More faults than retries: the request never succeeds.
    kolada = Kolada(faults=[Fault(fault, "data/kpi/N15428", times=20)])
    with kolada_server(kolada) as (base, _):
        code = fetch(base, tmp_path, "--kpi", "N15505,N15428", "--years", "2021", "--retries", "2")
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1
    assert len(err) == 1 and words in err[0] and "/v3/data/kpi/N15428/year/2021" in err[0], err
    after = folder_bytes(tmp_path)
    # The KPI's metadata, asked before the values, was kept; nothing of the broken request.
    assert {k: v for k, v in after.items() if k in before and k != "manifest.json"} == {
        k: v for k, v in before.items() if k != "manifest.json"
    }
    assert not any("N15428" in e["key"] and e["key"].startswith("data/")
                   for e in manifest(tmp_path)["requests"])  # fmt: skip
    assert not [name for name in after if ".incoming" in name]


def test_offline_says_so_in_one_line_naming_the_address(tmp_path, capsys):
    base = f"http://127.0.0.1:{free_port()}/v3"  # nothing listens there
    assert fetch(base, tmp_path, "--kpi", "N15505", "--timeout", "1", "--retries", "1") == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Kunde inte nå Kolada" in err[0] and base in err[0], err


def test_a_rerun_asks_only_for_what_changed_since_the_last_fetch(tmp_path, capsys):
    today = dt.datetime.now(dt.UTC).date().isoformat()
    with kolada_server() as (base, kolada):
        assert fetch(base, tmp_path, "--kpi", "N15505", "--years", "2019-2020") == 0
        kolada.requests.clear()
        kolada.revisions = {
            ("N15505", SATER, 2020, "T"): 250.0,
            ("N15505", "0000", 2019, "K"): None,
        }
        kolada.revised_on = today
        assert fetch(base, tmp_path, "--kpi", "N15505", "--years", "2019-2020") == 0
        asked = list(kolada.requests)
    assert asked == [f"/v3/data/kpi/N15505/year/2019,2020?per_page=5000&from_date={today}"]
    entries = [e for e in manifest(tmp_path)["requests"] if e["key"] == "data/N15505/2019-2020"]
    assert [e["from_date"] for e in entries] == [None, today]
    changed = [
        json.loads((tmp_path / p["file"]).read_bytes())["values"] for p in entries[1]["pages"]
    ][0]
    assert sorted((r["municipality"], r["period"], r["values"][0]["gender"]) for r in changed) == [
        ("0000", 2019, "K"),
        (SATER, 2020, "T"),
    ]
    deleted = next(r for r in changed if r["municipality"] == "0000")["values"][0]
    assert deleted["isdeleted"] is True and deleted["value"] is None
    assert "1 fanns redan" not in capsys.readouterr().out  # metadata: 4 kept, values asked again


def test_a_rerun_asks_for_the_kpis_it_has_together_at_most_25_and_a_new_one_alone(tmp_path):
    real = sorted(p.name.split("--")[2].upper()
                  for p in (VALUES / "datapoints--by--geo--year").glob("*.csv"))  # fmt: skip
    derived = {f"N99{i:03}": (real[i % len(real)], 1.1) for i in range(1, 11)}
    kpis = real + list(derived)  # 27, with values for every area
    today = dt.datetime.now(dt.UTC).date().isoformat()
    with kolada_server(Kolada(derived=derived)) as (base, kolada):
        assert fetch(base, tmp_path, "--kpi", ",".join(kpis[:26]), "--years", "2021-2022") == 0
        kolada.requests.clear()
        kolada.revisions = {(kpis[0], SATER, 2022, "T"): 1.5, (kpis[25], "0000", 2021, "T"): 2.5}
        kolada.revised_on = today
        assert fetch(base, tmp_path, "--kpi", ",".join(kpis), "--years", "2021-2022") == 0
        second = [r for r in kolada.requests if r.startswith("/v3/data/")]
        kolada.requests.clear()
        assert fetch(base, tmp_path, "--kpi", ",".join(kpis), "--years", "2021-2022") == 0
        third = [r for r in kolada.requests if r.startswith("/v3/data/")]
    since = f"?per_page=5000&from_date={today}"
    assert second == [
        f"/v3/data/kpi/{','.join(kpis[:25])}/year/2021,2022{since}",
        f"/v3/data/kpi/{kpis[25]}/year/2021,2022{since}",
        f"/v3/data/kpi/{kpis[26]}/year/2021,2022?per_page=5000",
    ]
    # The KPI fetched alone last time is asked with the others now: its last fetch is known.
    assert third == [
        f"/v3/data/kpi/{','.join(kpis[:25])}/year/2021,2022{since}",
        f"/v3/data/kpi/{','.join(kpis[25:])}/year/2021,2022{since}",
    ]
    entries = manifest(tmp_path)["requests"]
    together = next(e for e in entries if e["key"] == f"data/{','.join(kpis[:25])}/2021-2022")
    assert together["covers"] == [f"data/{k}/2021-2022" for k in kpis[:25]]
    [changed] = [json.loads((tmp_path / p["file"]).read_bytes())["values"]
                 for p in together["pages"]]  # fmt: skip
    assert [
        (r["kpi"], r["municipality"], r["period"], r["values"][0]["value"]) for r in changed
    ] == [(kpis[0], SATER, 2022, 1.5)]


def test_the_kpis_come_from_the_model_and_a_named_group_replaces_auto(tmp_path, capsys):
    tables = minimal_tables()
    tables["indicators"] = [
        {"indicator_id": "M1", "title": "Meritvärde", "direction": "higher",
         "source": "kolada", "kolada_kpi": "n15505"},
        {"indicator_id": "E1", "title": "Egen mätning", "direction": "higher"},
        {"indicator_id": "M2", "title": "Behörighet", "direction": "higher",
         "source": "kolada", "kolada_kpi": "N15428"},
    ]  # fmt: skip
    tables["goal_indicators"] = [{"goal_id": "N1", "indicator_id": i} for i in ("M1", "E1", "M2")]
    del tables["targets"], tables["outcomes"]
    model = write_csv_source(tmp_path / "model", tables)
    with kolada_server() as (base, _):
        code = fetch(
            base, tmp_path / "k", "--model", str(model), "--years", "2021", "--peers", "g37449"
        )
    assert code == 0, capsys.readouterr().err
    saved = manifest(tmp_path / "k")
    assert saved["kpis"] == ["N15428", "N15505"] and saved["peer_group"] == "G37449"


def test_bad_arguments_and_an_unwritable_folder_get_one_swedish_line(tmp_path, capsys):
    with pytest.raises(SystemExit):
        fetch("http://127.0.0.1:9/v3", tmp_path, "--kpi", "X1")
    assert "okänt nyckeltals-id 'X1'" in capsys.readouterr().err
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    with kolada_server() as (base, _):
        assert fetch(base, blocked / "out", "--kpi", "N15505", "--years", "2021") == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("Kan inte skriva eller läsa"), err


def real_catalogue() -> list[dict[str, str]]:
    with (V3 / "kolada_kpi_v3_2026-03.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_search_lists_matching_kpis_live_and_from_the_folder(tmp_path, capsys):
    expected = {
        r["id"]
        for r in real_catalogue()
        if all(w in f"{r['title']} {r['description']}".casefold() for w in ("meritvärde", "åk"))
    }
    with kolada_server() as (base, kolada):
        args = ["kolada", "search", "Meritvärde", "åk", "--base-url", base, *FAST[:2]]
        assert main([*args, "--dir", str(tmp_path)]) == 0
        first = capsys.readouterr().out
        asked = len(kolada.requests)
        assert main([*args, "--dir", str(tmp_path)]) == 0
        assert len(kolada.requests) == asked  # the second search read the folder
        assert capsys.readouterr().out == first
    lines = first.strip().splitlines()
    assert lines[0] == "id\ttitel\tenhet\tverksamhetsområde\tsenaste period"
    found = {line.split("\t")[0] for line in lines[1:]}
    assert found == expected and "N15505" in found
    n15505 = next(line.split("\t") for line in lines if line.startswith("N15505\t"))
    title = next(r for r in real_catalogue() if r["id"] == "N15505")
    assert n15505[1] == title["title"] and n15505[4] == title["publ_period"]
    discontinued = [line for line in lines[1:] if "(upphört)" in line]
    assert all("(-" in line for line in discontinued)
