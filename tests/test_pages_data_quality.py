"""The data-quality page: six lists whose counts and rows match independent queries of the
warehouse, every row a working link, a ✔ line for an empty list, and no exception on odd
warehouses."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from streamlit.testing.v1 import AppTest

import warehouse
from tests.conftest import built, engine
from tests.conftest import run_page as open_page

ROOT = Path(__file__).resolve().parents[1]
TINY = ROOT / "tests" / "fixtures" / "tiny"
PAGE = "pages/data_quality.py"
SECTIONS = [
    "Mål utan indikatorer",
    "Mål utan bedömning",
    "Indikatorer utan målvärden",
    "Indikatorer utan utfall",
    "För gamla utfall",
    "Avvikande bedömningar utan motivering",
]
# Where a link's first path segment leads: the url_path Streamlit gives each page file.
LINK_PAGES = {"goal_chain": "pages/goal_chain.py", "indicator": "pages/indicator.py"}


def run_page(db: Path, monkeypatch, page: str = PAGE, **params: str):
    return open_page(page, db, monkeypatch, **params)


def counts(at: AppTest) -> dict[str, int | None]:
    """Section title → the count in its heading (None when the heading has no count)."""
    shown = {}
    for heading in at.subheader:
        title, _, rest = heading.value.partition(" (")
        shown[title] = int(rest.rstrip(")")) if rest else None
    return shown


def tables(at: AppTest) -> dict[str, object]:
    """Section title → its table, for sections that have one (in page order)."""
    titles = [t for t, n in counts(at).items() if n]
    return dict(zip(titles, [d.value for d in at.dataframe], strict=True))


def expected_counts(db: Path, period: str) -> dict[str, int]:
    """The six lists, counted straight from the warehouse with their own SQL."""
    municipality = engine(db, "select value from settings where key = 'municipality_code'")[0][0]
    max_age = engine(
        db, "select coalesce(max(value::double), 1) from settings "
        "where key = 'max_outcome_age_years'",
    )[0][0]  # fmt: skip
    (end,) = engine(db, "select period_end from periods where period = $p", p=period)[0]
    too_old = 0
    for indicator, subject, gender in engine(
        db,
        "select indicator_id, subject, gender from indicator_status "
        "where period = $p and status = 'saknar utfall' and value is null",
        p=period,
    ):
        ends = [e for (e,) in engine(
            db, "select period_end from outcomes where indicator_id = $i and subject = $s "
            "and gender = $g and value is not null and period_end <= $end",
            i=indicator, s=subject, g=gender, end=end)]  # fmt: skip
        if ends:
            if float(max_age).is_integer():  # older than the rule accepts
                assert max(ends) < end.replace(year=end.year - int(max_age))
            too_old += 1
    return {
        "Mål utan indikatorer": engine(
            db, "select count(*) from goals where goal_id not in "
            "(select goal_id from goal_indicators) and goal_id not in "
            "(select parent_id from goal_links)",
        )[0][0],
        "Mål utan bedömning": engine(
            db, "select count(*) from goal_status s join goals g using (goal_id) "
            "left join assessments a using (goal_id, period) where s.period = $p "
            "and g.level in ('kf-mål', 'nämndmål') and a.status is null",
            p=period,
        )[0][0],
        "Indikatorer utan målvärden": engine(
            db, "select count(distinct indicator_id) from goal_indicators "
            "where indicator_id not in (select indicator_id from targets)",
        )[0][0],
        "Indikatorer utan utfall": engine(
            db, "select count(*) from indicators where indicator_id not in "
            "(select indicator_id from outcomes where subject = $m and value is not null)",
            m=municipality,
        )[0][0],
        "För gamla utfall": too_old,
        "Avvikande bedömningar utan motivering": engine(
            db, "select count(*) from goal_status where period = $p and "
            "computed_status <> assessed_status and not has_override_reason",
            p=period,
        )[0][0],
    }  # fmt: skip


@pytest.mark.parametrize("period", ["2026-T2", "2025", "2022-T1"])
def test_counts_match_the_warehouse(period, example_db, monkeypatch):
    at = run_page(example_db, monkeypatch, period=period)
    assert not at.exception, at.exception
    assert at.title[0].value == "Datakvalitet"
    assert counts(at) == expected_counts(example_db, period)
    for title, table in tables(at).items():
        assert len(table) == counts(at)[title]


def test_rows_name_the_right_goals_and_indicators(example_db, monkeypatch):
    at = run_page(example_db, monkeypatch, period="2026-T2")
    shown = tables(at)
    without = {g for (g,) in engine(
        example_db, "select goal_id from goals where goal_id not in "
        "(select goal_id from goal_indicators) and goal_id not in "
        "(select parent_id from goal_links)")}  # fmt: skip
    assert {_param(u, "goal") for u in shown["Mål utan indikatorer"]["Mål"]} == without
    overrides = shown["Avvikande bedömningar utan motivering"]
    [(goal, computed, assessed)] = engine(
        example_db,
        "select goal_id, computed_status, assessed_status from goal_status where period = "
        "'2026-T2' and status_differs and not has_override_reason",
    )
    assert _param(overrides["Mål"].iloc[0], "goal") == goal
    assert computed.capitalize() in overrides["Beräknad status"].iloc[0]
    assert "Delvis" in overrides["Bedömd status"].iloc[0] or assessed in overrides.to_string()
    old = shown["För gamla utfall"]
    [(latest,)] = engine(
        example_db,
        "select max(period) from outcomes where indicator_id = 'SB-GC' and value is not null",
    )
    assert _param(old["Indikator"].iloc[0], "indicator") == "SB-GC"
    assert old["Senaste utfall"].iloc[0] == latest


def test_every_link_opens_its_page_on_the_right_goal_or_indicator(example_db, monkeypatch):
    at = run_page(example_db, monkeypatch, period="2026-T2")
    links = [
        url
        for table in tables(at).values()
        for column in ("Mål", "Indikator")
        if column in table
        for url in table[column][:1]
    ]
    assert links
    for url in links:
        parts = urlsplit(url)
        assert not parts.scheme and not parts.path.startswith("/"), "relative to the app"
        params = dict(parse_qsl(parts.query))
        target = run_page(example_db, monkeypatch, LINK_PAGES[parts.path], **params)
        assert not target.exception, url
        assert not target.warning, (url, [w.value for w in target.warning])
        key = "url_goal" if parts.path == "goal_chain" else "url_indicator"
        param = "goal" if parts.path == "goal_chain" else "indicator"
        assert target.selectbox(key=key).value == params[param]
        assert target.selectbox(key="url_period").value == "2026-T2"


def test_lists_of_the_whole_model_are_not_queried_again_for_another_period():
    """Their links carry the period, but the queries (one scans every outcome) do not."""
    for name in [
        "dq_goals_without_indicators",
        "dq_indicators_without_targets",
        "dq_indicators_without_outcomes",
    ]:
        assert warehouse.parameters(f"app/{name}") == set(), name


def test_an_empty_list_says_so_with_symbol_and_words(example_db, monkeypatch):
    at = run_page(example_db, monkeypatch, period="2026-T2")
    empty = [t for t, n in counts(at).items() if n == 0]
    assert empty
    assert sum("✔ Inga problem" in m.value for m in at.markdown) == len(empty)


def test_the_rules_are_said_in_captions(example_db, monkeypatch):
    at = run_page(example_db, monkeypatch, period="2025")
    text = " ".join(c.value for c in at.caption)
    assert "undermål" in text and "behöver inga egna indikatorer" in text
    assert "max_outcome_age_years" in text
    assert "override_reason" in text


def test_unknown_period_gives_a_warning(example_db, monkeypatch):
    at = run_page(example_db, monkeypatch, period="1999")
    assert not at.exception
    assert any("1999" in w.value for w in at.warning)
    assert list(counts(at)) == SECTIONS


# --- odd warehouses -------------------------------------------------------------------------


def tiny_without(tmp_path: Path, *tables: str) -> Path:
    source = tmp_path / "source"
    shutil.copytree(TINY, source)
    for table in tables:
        (source / f"{table}.csv").unlink()
    return built(source, tmp_path)


def test_tiny_warehouse(tmp_path, monkeypatch):
    db = tiny_without(tmp_path)
    at = run_page(db, monkeypatch)
    assert not at.exception
    assert counts(at) == expected_counts(db, "2024")
    # N1's assessment (delvis) differs from the computed uppfyllt, without a reason.
    assert counts(at)["Avvikande bedömningar utan motivering"] == 1


def test_without_outcomes_the_indicator_is_listed(tmp_path, monkeypatch):
    at = run_page(tiny_without(tmp_path, "outcomes"), monkeypatch)
    assert not at.exception
    assert counts(at)["Indikatorer utan utfall"] == 1
    table = tables(at)["Indikatorer utan utfall"]
    assert _param(table["Indikator"].iloc[0], "indicator") == "N15505"


def test_values_only_for_others_are_counted_as_a_hint(tmp_path, monkeypatch):
    source = tmp_path / "source"
    shutil.copytree(TINY, source)
    (source / "outcomes.csv").write_text(
        "indicator_id;period;value;subject\nN15505;2024;;\nN15505;2024;224,0;0000\n", "utf-8"
    )
    at = run_page(built(source, tmp_path), monkeypatch)
    assert not at.exception
    row = tables(at)["Indikatorer utan utfall"].iloc[0]
    assert (row["Tomma värden för kommunen"], row["Värden för andra"]) == (1, 1)


def test_without_assessments_every_kf_and_namnd_goal_is_listed(tmp_path, monkeypatch):
    at = run_page(tiny_without(tmp_path, "assessments"), monkeypatch)
    assert not at.exception
    table = tables(at)["Mål utan bedömning"]
    assert sorted(_param(u, "goal") for u in table["Mål"]) == ["K1", "N1"]
    assert counts(at)["Avvikande bedömningar utan motivering"] == 0


def test_single_goal_and_no_periods(tmp_path, monkeypatch):
    source = tmp_path / "source"
    source.mkdir()
    shutil.copy(TINY / "settings.csv", source)
    (source / "goals.csv").write_text("goal_id;title;level\nV;Visionen;vision\n", "utf-8")
    at = run_page(built(source, tmp_path), monkeypatch)
    assert not at.exception
    assert list(counts(at)) == SECTIONS
    assert counts(at)["Mål utan indikatorer"] == 1
    assert tables(at)["Mål utan indikatorer"]["Mål"].iloc[0] == "goal_chain?goal=V"
    assert len(at.info) == 3  # the three lists that need a period say why they are empty


def test_missing_warehouse_says_how_to_build(tmp_path, monkeypatch):
    at = run_page(tmp_path / "missing.duckdb", monkeypatch)
    assert not at.exception
    assert any("python -m etl build" in e.value for e in at.error)


def _param(url: str, name: str) -> str:
    return dict(parse_qsl(urlsplit(url).query))[name]
