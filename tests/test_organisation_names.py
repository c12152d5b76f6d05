"""Organisations are shown by name wherever one is meant, on every page of both modes; their ids
stay in addresses and files. And the types real models have (utskott, gemensam nämnd,
kommunalförbund) load and are the Nämnder page's "nämnder", in the types' order."""

from __future__ import annotations

import re
import shutil

import pytest

from tests.conftest import (
    ROOT,
    rendered,
    run_page,
    run_public_page,
    unescaped,
    warehouse_rows,
)
from ui import public_frame

TINY = ROOT / "tests" / "fixtures" / "tiny"
# Ids that are nothing but ids: any of them on a page, outside an address, is an id shown
# where a name belongs.
ORGANISATIONS = (
    "org_id;name;type;parent_id\n"
    "ORGID-KF;Kommunfullmäktige;fullmäktige;\n"
    "ORGID-KS;Kommunstyrelsen;styrelse;ORGID-KF\n"
    "ORGID-AU;Kommunstyrelsens arbetsutskott;utskott;ORGID-KS\n"
    "ORGID-BUN;Barn- och utbildningsnämnden;nämnd;ORGID-KF\n"
    "ORGID-GN;Gemensamma överförmyndarnämnden;gemensam nämnd;ORGID-KF\n"
    "ORGID-RTF;Räddningstjänstförbundet Mitt;kommunalförbund;ORGID-KF\n"
)
EXTRA_GOALS = (
    "N2;Överförmyndarens handläggning ska vara rättssäker;nämndmål;K1;ORGID-GN;2019;2026;\n"
    "N3;Färre bränder i bostäder;nämndmål;K1;ORGID-RTF;2019;2026;\n"
    "N4;Beslut i arbetsutskottet ska beredas i tid;nämndmål;K1;ORGID-AU;2019;2026;\n"
)
ADDRESS = re.compile(r"[?&][a-z_]+=[^&\s\"']*")


@pytest.fixture(scope="module")
def renamed_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("orgs")
    source = folder / "source"
    shutil.copytree(TINY, source)
    (source / "organisation.csv").write_text(ORGANISATIONS, encoding="utf-8")
    goals = (source / "goals.csv").read_text(encoding="utf-8")
    goals = goals.replace(";KF;", ";ORGID-KF;").replace(";BUN;", ";ORGID-BUN;")
    (source / "goals.csv").write_text(goals + EXTRA_GOALS, encoding="utf-8")
    assessments = (source / "assessments.csv").read_text(encoding="utf-8")
    (source / "assessments.csv").write_text(
        assessments.replace(";BUN;", ";ORGID-BUN;"), encoding="utf-8"
    )
    from etl.build import build

    return build([source], folder / "w.duckdb", public=True).path


def ids_shown(at) -> list[str]:
    """Lines of what the page sent that hold an organisation's id, outside addresses, widget
    ids and download file names (which may hold ids)."""
    text = ADDRESS.sub("", "\n".join(rendered(at)))
    return sorted(
        {
            line.strip()[:120]
            for line in text.splitlines()
            if "ORGID-" in line and not line.strip().startswith(("id: ", "file_name: "))
        }
    )


INTERNAL_VIEWS = {
    "pages/overview.py": {"period": "2024"},
    "pages/goal_chain.py": {"period": "2024", "goal": "N1"},
    "pages/committees.py": {"period": "2024"},
    "pages/over_time.py": {"goal": "N1"},
    "pages/indicator.py": {"period": "2024", "indicator": "N15505"},
    "pages/data_quality.py": {"period": "2024"},
}
PUBLIC_VIEWS = {"pages/mal.py": {"id": "N1"}, "pages/omrade.py": {"id": "O1"}}


@pytest.mark.parametrize("page", list(INTERNAL_VIEWS))
def test_the_analysts_pages_name_organisations(renamed_db, monkeypatch, page):
    at = run_page(page, renamed_db, monkeypatch, **INTERNAL_VIEWS[page])
    assert not at.exception, at.exception
    assert ids_shown(at) == []


@pytest.mark.parametrize("page", [file for file, _, _ in public_frame.PAGES])
def test_the_public_pages_name_organisations(renamed_db, monkeypatch, page):
    at = run_public_page(page, renamed_db, monkeypatch, **PUBLIC_VIEWS.get(page, {}))
    assert not at.exception, at.exception
    assert not at.error and at.title  # the page itself, not a message that there is none
    assert ids_shown(at) == []


def test_the_drill_down_says_which_nämnd_assessed_the_goal(renamed_db, monkeypatch):
    at = run_page("pages/goal_chain.py", renamed_db, monkeypatch, period="2024", goal="N1")
    captions = [unescaped(c.value) for c in at.caption]
    assert "Bedömd av Barn- och utbildningsnämnden den 2025-02-14" in captions


def test_new_organisation_types_are_nämnder_in_the_types_order(renamed_db, monkeypatch):
    options = [
        name
        for (name,) in warehouse_rows(
            renamed_db,
            "select o.name from organisation o join organisation_types t using (type) "
            "where t.is_committee order by t.sort_order",
        )
    ]
    assert options == [
        "Kommunstyrelsen",
        "Kommunstyrelsens arbetsutskott",
        "Barn- och utbildningsnämnden",
        "Gemensamma överförmyndarnämnden",
        "Räddningstjänstförbundet Mitt",
    ]
    at = run_page("pages/committees.py", renamed_db, monkeypatch, period="2024")
    assert not at.exception
    [choice] = [box for box in at.selectbox if box.label == "Nämnd eller styrelse"]
    responsible = ["Kommunstyrelsens arbetsutskott", "Barn- och utbildningsnämnden",
                   "Gemensamma överförmyndarnämnden", "Räddningstjänstförbundet Mitt",
                   "Kommunfullmäktige"]  # fmt: skip
    assert choice.options == responsible  # Kommunstyrelsen is responsible for no goal
