"""The two-step selection of a goal or an indicator (ui.state.select_in_area) on Målkedjan,
Över tid and Indikator: a strategic area, then a goal or indicator within it, both in the URL;
links that name only the goal or indicator still open it; unknown ids give a warning."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import areas_of, engine, odd_warehouse, run_page, unescaped
from ui.state import OUTSIDE_AREAS

GOAL_PAGES = ["pages/goal_chain.py", "pages/over_time.py"]
PAGES = {**dict.fromkeys(GOAL_PAGES, "goal"), "pages/indicator.py": "indicator"}
OUTSIDE_LABELS = {
    "goal": "Vision och mål utanför målområdena",
    "indicator": "Indikatorer utan koppling till målområde",
}


def in_area(db: Path, param: str, area: str) -> list[str]:
    """The goals under ``area`` top of the chain first, or the indicators measuring them."""
    if param == "goal":
        sql = (
            "select g.goal_id from goal_closure c join goals g on g.goal_id = c.descendant_id "
            "where c.ancestor_id = $area order by g.level_rank, g.goal_id"
        )
    else:
        sql = (
            "select distinct gi.indicator_id from goal_closure c join goal_indicators gi "
            "on gi.goal_id = c.descendant_id where c.ancestor_id = $area order by 1"
        )
    return [i for (i,) in engine(db, sql, area=area)]


def shown(at, param: str) -> tuple[str, str, list[str]]:
    """The selected area, the selected goal or indicator, and the ids offered for it."""
    box = at.selectbox(key=f"url_{param}")
    ids = [o.split(" · ", 1)[1].split(" ", 1)[0] if param == "goal" else o.split(" · ")[0]
           for o in box.options]  # fmt: skip
    return at.selectbox(key="url_area").value, box.value, ids


@pytest.mark.parametrize(("page", "item"), [
    ("pages/goal_chain.py", "BUN1"),
    ("pages/over_time.py", "SN3"),
    ("pages/indicator.py", "N15505"),
])  # fmt: skip
def test_a_link_with_only_the_goal_or_indicator_opens_its_area(page, item, example_db, monkeypatch):
    param = PAGES[page]
    at = run_page(page, example_db, monkeypatch, **{param: item, "period": "2025"})
    assert not at.exception, at.exception
    assert not at.warning
    area, value, offered = shown(at, param)
    assert area == areas_of(example_db, param, item)[0]
    assert value == item
    assert offered == in_area(example_db, param, area)
    assert at.query_params["area"] == area and at.query_params[param] == item


@pytest.mark.parametrize("page", list(PAGES))
def test_changing_the_area_changes_the_offered_options(page, example_db, monkeypatch):
    param = PAGES[page]
    at = run_page(page, example_db, monkeypatch, period="2025")
    first_area, _, offered = shown(at, param)
    assert first_area == "O1"
    assert offered == in_area(example_db, param, "O1")

    at.selectbox(key="url_area").set_value("O3").run()
    assert not at.exception, at.exception
    assert not at.warning, [w.value for w in at.warning]
    area, value, offered = shown(at, param)
    assert area == "O3"
    assert offered == in_area(example_db, param, "O3")
    assert value == offered[0]  # the area's first goal (the area itself) or indicator
    assert at.query_params["area"] == "O3" and at.query_params[param] == value


@pytest.mark.parametrize("page", GOAL_PAGES)
def test_an_area_itself_and_the_vision_can_be_chosen(page, example_db, monkeypatch):
    at = run_page(page, example_db, monkeypatch, goal="O2", period="2025")
    assert shown(at, "goal")[:2] == ("O2", "O2")
    assert at.selectbox(key="url_goal").options[0].startswith("Område · O2 ")

    area_box = at.selectbox(key="url_area")
    assert area_box.options[-1] == OUTSIDE_LABELS["goal"]
    area_box.set_value(OUTSIDE_AREAS).run()
    assert not at.exception, at.exception
    [(vision,)] = engine(example_db, "select goal_id from goals where level = 'vision'")
    assert shown(at, "goal")[1:] == (vision, [vision])
    assert at.subheader[0].value.startswith(f"{vision} ")


def test_an_indicator_without_goals_is_reachable(example_db, monkeypatch):
    unlinked = [i for (i,) in engine(
        example_db, "select indicator_id from indicators where indicator_id not in "
        "(select indicator_id from goal_indicators) order by 1")]  # fmt: skip
    assert unlinked
    at = run_page("pages/indicator.py", example_db, monkeypatch, indicator=unlinked[-1])
    assert not at.exception, at.exception
    assert not at.warning
    assert shown(at, "indicator") == (OUTSIDE_AREAS, unlinked[-1], unlinked)
    assert at.selectbox(key="url_area").options[-1] == OUTSIDE_LABELS["indicator"]
    assert any("inte kopplad till något mål" in i.value for i in at.info)

    at = run_page("pages/indicator.py", example_db, monkeypatch)
    at.selectbox(key="url_area").set_value(OUTSIDE_AREAS).run()
    assert shown(at, "indicator") == (OUTSIDE_AREAS, unlinked[0], unlinked)


def test_an_item_under_several_areas_opens_the_selected_one(example_db, monkeypatch):
    first, second = areas_of(example_db, "indicator", "BU-TRYGG")
    page = "pages/indicator.py"
    # A link that names the area too keeps it; a wrong area gives way to the indicator's own.
    at = run_page(page, example_db, monkeypatch, indicator="BU-TRYGG", area=second)
    assert shown(at, "indicator")[:2] == (second, "BU-TRYGG")
    at = run_page(page, example_db, monkeypatch, indicator="BU-TRYGG", area="O6")
    assert shown(at, "indicator")[:2] == (first, "BU-TRYGG")
    assert not at.warning

    # A link without an area, followed in the same session, stays in the area selected there.
    at = run_page(page, example_db, monkeypatch, indicator="SO-UTRED", area=second)
    at.query_params.clear()
    at.query_params["indicator"] = "BU-TRYGG"
    at.run()
    assert shown(at, "indicator")[:2] == (second, "BU-TRYGG")
    assert at.query_params["area"] == second


@pytest.mark.parametrize("page", list(PAGES))
def test_unknown_ids_give_a_warning_not_an_exception(page, example_db, monkeypatch):
    param = PAGES[page]
    at = run_page(page, example_db, monkeypatch, **{param: "FINNS-INTE"})
    assert not at.exception, at.exception
    assert any("FINNS-INTE" in unescaped(w.value) and "finns inte" in w.value for w in at.warning)
    assert shown(at, param)[0] == "O1"

    at = run_page(page, example_db, monkeypatch, area="FINNS-INTE")
    assert not at.exception, at.exception
    assert any("Området ”FINNS-INTE” finns inte" in unescaped(w.value) for w in at.warning)


def test_a_model_without_areas_offers_its_goals_in_one_group(tmp_path, monkeypatch):
    db = odd_warehouse(tmp_path, goals_only=True)
    at = run_page("pages/over_time.py", db, monkeypatch, goal="V")
    assert not at.exception, at.exception
    assert shown(at, "goal") == (OUTSIDE_AREAS, "V", ["V"])
    assert at.selectbox(key="url_area").options == [OUTSIDE_LABELS["goal"]]
