"""Goal models of other shapes than the example's: one without strategic areas (Heby: the KF's
inriktningar directly beneath the vision), whose Översikt and public start page group by the
highest level beneath the vision, and a six-level chain (Säter: nämndsplan › verksamhetsplan ›
enhetsplan), whose drill-down and sunburst reach its bottom."""

from __future__ import annotations

import pytest

from etl.build import build
from tests.conftest import ROOT, figure, run_page, run_public_page, unescaped, warehouse_rows

FIXTURES = ROOT / "tests" / "fixtures"
REAL = ROOT.parent / "shared" / "data" / "real" / "open_numbers_kolada_v2_2024-08"
EXTRACTS = [
    REAL / "datapoints--by--geo--year" / f"ddf--datapoints--{kpi}--by--geo--year.csv"
    for kpi in ("n01951", "n15505")
]


@pytest.fixture(scope="module")
def heby_db(tmp_path_factory):
    """The model without areas, its outcomes Kolada's real values for Heby (0331)."""
    for extract in EXTRACTS:
        if not extract.exists():
            pytest.fail(f"the real Kolada extract {extract} is missing (../shared beside the repo)")
    db = tmp_path_factory.mktemp("heby") / "w.duckdb"
    return build([FIXTURES / "no_area_level", *EXTRACTS], db, public=True).path


@pytest.fixture(scope="module")
def deep_db(tmp_path_factory):
    return build([FIXTURES / "deep_chain"], tmp_path_factory.mktemp("deep") / "w.duckdb").path


def test_without_areas_the_kf_goals_beneath_the_vision_are_the_areas(heby_db):
    areas = warehouse_rows(heby_db, "select goal_id from goals where is_area order by 1")
    assert areas == [("INR1",), ("INR2",)]
    # Kolada's real value for Heby, 2022: 14 421 inhabitants, 79 short of 14 500 (tolerance 100).
    [(value, status)] = warehouse_rows(
        heby_db,
        "select value, status from indicator_status where goal_id = 'KS1' and period = '2022'",
    )
    assert (value, status) == (14421, "delvis")


def test_an_example_with_areas_keeps_them(example_db):
    rows = warehouse_rows(
        example_db, "select count(*) filter (where is_area), count(*) filter (where level = "
        "'område'), count(*) filter (where is_area and level <> 'område') from goals"
    )  # fmt: skip
    [(areas, on_level, others)] = rows
    assert areas == on_level > 0 and others == 0


def test_oversikt_groups_by_the_kf_goals_when_there_are_no_areas(heby_db, monkeypatch):
    at = run_page("pages/overview.py", heby_db, monkeypatch, period="2022")
    assert not at.exception, at.exception
    assert "KF-mål" in [h.value for h in at.subheader]
    cards = [unescaped(m.value) for m in at.markdown]
    assert "**Fler ska vilja bo och verka i kommunen**" in cards
    assert "**Barn och unga ska lyckas i skolan**" in cards
    assert not [i.value for i in at.info if "inga mål under visionen" in i.value]
    counts = [c.value for c in at.caption if c.value.startswith("1 mål under målet: ")]
    assert len(counts) == 2  # one goal beneath each of the two


def test_the_public_start_page_and_breadcrumbs_use_those_areas(heby_db, monkeypatch):
    at = run_public_page("pages/public_start.py", heby_db, monkeypatch)
    assert not at.exception, at.exception
    areas = [p.proto.query_string for p in at.get("page_link") if p.proto.page == "omrade"]
    assert areas == ["id=INR1", "id=INR2"]
    at = run_public_page("pages/mal.py", heby_db, monkeypatch, id="KS1")
    assert not at.exception, at.exception
    crumbs = [(p.proto.page, p.proto.query_string) for p in at.get("page_link")]
    assert ("omrade", "id=INR1") in crumbs


def test_the_drill_down_reaches_the_bottom_of_a_six_level_chain(deep_db, monkeypatch):
    at = run_page("pages/goal_chain.py", deep_db, monkeypatch, period="2024", goal="V")
    assert not at.exception, at.exception
    [sunburst] = figure(at)["data"]
    assert sunburst["maxdepth"] == 3  # three rings at a time; a click shows the next
    labels = [label.split(" ", 1)[1] for label in sunburst["labels"]]
    assert labels == ["V", "O1", "K1", "N1", "VM1", "A1"]
    at = run_page("pages/goal_chain.py", deep_db, monkeypatch, period="2024", goal="A1")
    assert not at.exception, at.exception
    assert "Läsinventering i årskurs 1 varje höst" in "\n".join(h.value for h in at.subheader)


def test_a_large_chain_leaves_out_the_deepest_rings_only(deep_db):
    import pandas as pd

    from ui import charts

    # One ring per depth, each wider: 1, 10, 100, 1 000 and 10 000 goals.
    rows = [
        {"path_id": f"{d}-{i}", "parent_path_id": None if d == 0 else f"{d - 1}-{i // 10}",
         "goal_id": f"G{d}-{i}", "title": "Mål", "effective_status": "uppfyllt", "depth": d}
        for d in range(5) for i in range(10**d)
    ]  # fmt: skip
    shown = charts.goal_sunburst(pd.DataFrame(rows)).data[0]
    assert len(shown.ids) == 1 + 10 + 100 + 1000  # the 10 000 of the fifth ring would pass 1 500
