"""Agenda 2030: the page's coverage per global goal against an independent count from the
warehouse's goals, the goals without a code, and a goal's codes in words on its pages."""

from __future__ import annotations

import csv
import re
from collections import Counter

from attainment.vocabulary import STATUSES
from etl.schema import SDG_GOALS_CSV
from tests.conftest import run_page, run_public_page, unescaped, warehouse_rows

PERIOD = "2025"


def expected_coverage(db) -> dict[int, Counter]:
    """Global goal → statuses of the goals valid in the period that name it or its targets."""
    rows = warehouse_rows(
        db,
        "select g.goal_id, g.agenda2030, s.effective_status from goals g "
        "join goal_status s using (goal_id) where s.period = $period",
        {"period": PERIOD},
    )
    out: dict[int, Counter] = {}
    for _, codes, status in rows:
        for sdg in {int(code.split(".")[0]) for code in codes}:
            out.setdefault(sdg, Counter())[status] += 1
    return out


def test_every_global_goal_is_listed_with_the_goals_that_serve_it(example_db, monkeypatch):
    at = run_page("pages/agenda2030.py", example_db, monkeypatch, period=PERIOD)
    assert not at.exception, at.exception
    [table] = at.table
    frame = table.value
    with SDG_GOALS_CSV.open(encoding="utf-8") as file:
        names = [f"{r['sdg']}. {r['title']}" for r in csv.DictReader(file)]
    assert [unescaped(n) for n in frame["Globalt mål"]] == names
    expected = expected_coverage(example_db)
    assert 0 < len(expected) < 17  # the example leaves some global goals without a goal
    for number, (count, statuses) in enumerate(
        zip(frame["Antal mål"], frame["Status"], strict=True), 1
    ):
        served = expected.get(number, Counter())
        assert int(count) == sum(served.values())
        if served:
            shown = re.findall(r"\xa0(\d+) ([a-zö ]+?)(?: ·|$)", statuses)
            assert {w: int(n) for n, w in shown} == {
                (STATUSES[s].phrase if n == 1 else STATUSES[s].plural): n for s, n in served.items()
            }
        else:
            assert statuses == "–"
    headline = [unescaped(m.value) for m in at.markdown if "globala mål**" in m.value]
    assert headline == [f"**{len(expected)} av 17 globala mål** har minst ett av kommunens mål "
                        "kopplat till sig."]  # fmt: skip


def test_the_goals_without_a_code_are_listed(example_db, monkeypatch):
    at = run_page("pages/agenda2030.py", example_db, monkeypatch, period=PERIOD)
    [grid] = at.dataframe
    listed = sorted(url.split("goal=")[1].split("&")[0] for url in grid.value["goal_id"])
    expected = warehouse_rows(
        example_db,
        "select g.goal_id from goals g join goal_status s using (goal_id) "
        "where s.period = $period and g.level <> 'vision' and len(g.agenda2030) = 0 order by 1",
        {"period": PERIOD},
    )
    assert listed == [g for (g,) in expected] and listed


def test_a_goal_shows_its_global_goals_in_words(example_db, public_example_db, monkeypatch):
    [(goal, codes)] = warehouse_rows(
        example_db,
        "select goal_id, agenda2030 from goals where len(agenda2030) > 1 and is_public "
        "order by goal_id limit 1",
    )
    at = run_page("pages/goal_chain.py", example_db, monkeypatch, period=PERIOD, goal=goal)
    [line] = [unescaped(c.value) for c in at.caption if "Agenda 2030" in c.value]
    assert line.startswith("Agenda 2030: ")
    for code in codes:
        assert code in line
    monkeypatch.delenv("ROD_TRAD_MODE", raising=False)
    at = run_public_page("pages/mal.py", public_example_db, monkeypatch, id=goal)
    assert not at.exception
    assert line in [unescaped(c.value) for c in at.caption]
