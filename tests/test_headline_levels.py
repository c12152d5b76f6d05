"""Which goal levels Översikt's headline figures and trend count: KF goals and nämnd goals by
default, or the levels of the setting headline_levels (Katrineholm counts its åtaganden)."""

from __future__ import annotations

import shutil

import pytest

from etl.build import build
from etl.problems import InvalidInput
from tests.conftest import ROOT, run_page

TINY = ROOT / "tests" / "fixtures" / "tiny"


def tiny_with(tmp_path, headline: str | None):
    source = tmp_path / "source"
    shutil.copytree(TINY, source)
    with (source / "goals.csv").open("a", encoding="utf-8") as file:
        file.write("A1;Åtagande;åtagande;N1;BUN;2019;2026;\n")
    with (source / "assessments.csv").open("a", encoding="utf-8") as file:
        file.write("A1;2024;uppfyllt;BUN;Klart.;2025-02-14\n")
    if headline is not None:
        with (source / "settings.csv").open("a", encoding="utf-8") as file:
            file.write(f'headline_levels;"{headline}"\n')  # quoted: it holds the separator
    return source


@pytest.mark.parametrize(
    ("headline", "metrics", "caption"),
    [
        (None, ["KF-mål uppfyllda", "Nämndmål uppfyllda"], "Andel KF-mål och Nämndmål per"),
        ("kf-mål; nämndmål;Åtagande", ["KF-mål uppfyllda", "Nämndmål uppfyllda",
         "Åtagande uppfyllda"], "Andel KF-mål, Nämndmål och Åtaganden per"),
    ],
)  # fmt: skip
def test_the_headline_counts_the_levels_the_setting_names(
    tmp_path, monkeypatch, headline, metrics, caption
):
    db = build([tiny_with(tmp_path, headline)], tmp_path / "w.duckdb").path
    at = run_page("pages/overview.py", db, monkeypatch, period="2024")
    assert not at.exception, at.exception
    assert [m.label for m in at.metric if m.label.endswith("uppfyllda")] == metrics
    assert any(c.value.startswith(caption) for c in at.caption)


def test_a_level_that_is_not_one_is_a_located_problem(tmp_path):
    with pytest.raises(InvalidInput) as error:
        build([tiny_with(tmp_path, "kf-mål;uppdrag")], tmp_path / "w.duckdb")
    [problem] = error.value.problems
    assert (problem.row, problem.column) == (4, "value")
    assert problem.found == 'headline_levels = "kf-mål;uppdrag": "uppdrag" är ingen målnivå'
