"""Text from the goal model and the URL is shown as written, never run or formatted.

Every free-text field of a model (titles, descriptions, analyses, names, units, notices) holds
HTML, a script, a javascript: link, Markdown, LaTeX, a Streamlit colour directive and a very
long word. Every page is rendered with AppTest: no Markdown element carries that syntax
unescaped. In Chromium, no script runs, no injected element or link exists, the text is
visible as written, and the long word does not push the page sideways at 390 px.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from etl.build import build
from tests.conftest import minimal_tables, run_page, write_csv_source
from tests.support.browser import wait_until_idle
from tests.support.tools import missing
from tools.server import CHROMIUM, CHROMIUM_ARGS, chromium_missing_reason, streamlit_server

pytestmark = pytest.mark.xdist_group("injection")

LONG_WORD = "Långtordutanmellanrum" * 12  # 252 letters, no place to break
HOSTILE = (
    '<script>window.__injected = 1</script> <img src=x onerror="window.__injected = 2"> '
    "[klicka här](javascript:window.__injected=3) **fet** _kursiv_ $x^2$ :red[röd] "
    "<b>html</b> %{y} " + LONG_WORD
)
# What must never reach a Markdown element unescaped.
RAW = ["<script>", "<img src=x", "](javascript:", "**fet**", "$x^2$", ":red[", "<b>"]


def hostile_model() -> dict:
    tables = minimal_tables()
    tables["settings"] = [
        {"key": "municipality_code", "value": "0180"},
        {"key": "municipality_name", "value": f"Kommun {HOSTILE}"},
        {"key": "data_notice", "value": f"Notis {HOSTILE}"},
    ]
    tables["organisation"][1]["name"] = f"Nämnd {HOSTILE}"
    for goal in tables["goals"]:
        goal |= {"title": f"{goal['title']} {HOSTILE}", "description": f"Beskrivning {HOSTILE}"}
    tables["indicators"][0] |= {
        "title": f"Indikator {HOSTILE}",
        "unit": "<b>kr</b> %{y}",
        "description": f"Om indikatorn {HOSTILE}",
    }
    tables["outcomes"] = [row | {"source": f"Källa {HOSTILE}"} for row in tables["outcomes"]]
    tables["assessments"] = [
        {"goal_id": "N1", "period": "2024", "status": "ej uppfyllt", "assessed_by": "BUN",
         "analysis": f"Analys {HOSTILE}\n\n1. rad ett\n# rubrik?", "actions": f"Åtgärd {HOSTILE}",
         "override_reason": f"Motivering {HOSTILE}"},
    ]  # fmt: skip
    tables["assignments"] = [
        {"assignment_id": "U1", "title": f"Uppdrag {HOSTILE}", "responsible": "BUN",
         "decided_by": "BUN", "goal_ids": "N1", "description": f"Om uppdraget {HOSTILE}"},
    ]  # fmt: skip
    tables["assignment_status"] = [
        {"assignment_id": "U1", "period": "2024", "status": "pågår",
         "comment": f"Kommentar {HOSTILE}"},
    ]  # fmt: skip
    return tables


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    return build([write_csv_source(folder / "source", hostile_model())], folder / "w.duckdb").path


# page, URL parameters: every page, on the views that show the hostile texts
VIEWS = [
    ("pages/overview.py", {"period": "2024"}),
    ("pages/goal_chain.py", {"goal": "N1", "period": "2024"}),
    ("pages/goal_chain.py", {"goal": "K1", "period": "2024"}),
    ("pages/committees.py", {"namnd": "BUN", "period": "2024"}),
    ("pages/over_time.py", {"goal": "N1"}),
    ("pages/indicator.py", {"indicator": "N15505", "period": "2024"}),
    ("pages/data_quality.py", {}),
    ("pages/assignments.py", {"period": "2024"}),
    ("pages/start.py", {}),
    # Ids from the URL are echoed in warnings
    ("pages/goal_chain.py", {"goal": "**fet** [x](javascript:alert(1)) <b>b</b>"}),
    ("pages/indicator.py", {"indicator": "N15505", "goal": "$x^2$ :red[röd]"}),
]

MARKDOWN_KINDS = ["markdown", "caption", "title", "subheader", "header", "info", "warning",
                  "error", "success", "expander", "metric"]  # fmt: skip


def markdown_sources(at) -> list[str]:
    """The Markdown source of every element Streamlit renders as Markdown."""
    texts = []
    for kind in MARKDOWN_KINDS:
        for element in at.get(kind):
            proto = element.proto
            for field in ("body", "label", "value"):
                text = getattr(proto, field, None)
                if isinstance(text, str):
                    texts.append(text)
    for link in at.get("page_link"):
        texts.append(link.proto.label)
    return texts


@pytest.mark.parametrize("page, params", VIEWS, ids=lambda v: str(v))
def test_no_markdown_element_formats_text_from_the_model_or_the_url(
    hostile_db, monkeypatch, page, params
):
    at = run_page(page, hostile_db, monkeypatch, **params)
    assert not at.exception, at.exception
    sources = markdown_sources(at)
    assert sources
    for text in sources:
        for raw in RAW:
            assert raw not in text, (page, raw, text)
    shown = "\n".join(sources)
    if params.get("goal", "").startswith("**fet**"):
        assert r"\*\*fet\*\*" in shown  # the unknown id is named, escaped


def test_escaped_text_reads_as_written():
    from ui import format as fmt

    text = f"{HOSTILE}\nrad två"
    escaped = fmt.plain(text)
    assert re.sub(r"\\(.)", r"\1", escaped).replace("  \n", "\n") == text
    assert "<" not in fmt.chart_text(HOSTILE) and "%{" not in fmt.chart_text(HOSTILE)


# Both widths on one load of each view: the page is laid out again when the window narrows.
WIDTHS = (1440, 390)


def hostile_text_is_inert(page, path: str, width: int) -> None:
    """No script ran, no injected element or link exists, the text is shown as written, and
    the long word breaks instead of widening the text it is in (tables and charts on a phone
    are the phone layout's to check)."""
    assert page.get_by_test_id("stException").count() == 0, path
    assert page.evaluate("window.__injected") is None, path
    assert page.locator("script:has-text('__injected')").count() == 0, path
    assert page.locator("img[src='x']").count() == 0, path
    assert page.locator("a[href^='javascript']").count() == 0, path
    body = page.inner_text("body")
    if path != "pages/data_quality.py":
        assert "**fet**" in body, path  # shown as written
    overflow = page.evaluate(
        "[...document.querySelectorAll('[data-testid=stMain] [data-testid=stMarkdown"
        "Container], [data-testid=stMain] [data-testid=stHeading]')]"
        ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1"
        " && e.closest('[data-testid=stTable]') === null)"
        ".map(e => `${e.tagName} ${e.getAttribute('data-testid')} ${e.innerText}`)"
    )
    assert overflow == [], (path, width)


@pytest.mark.browser
def test_in_the_browser_nothing_runs_and_the_long_word_wraps(hostile_db):
    reason = chromium_missing_reason()
    if reason:
        missing(reason)
    from playwright.sync_api import sync_playwright

    with streamlit_server(hostile_db) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": WIDTHS[0], "height": 900}, locale="sv-SE")
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for path, params in VIEWS:
            query = "&".join(f"{k}={v}" for k, v in params.items())
            slug = Path(path).stem
            page.set_viewport_size({"width": WIDTHS[0], "height": 900})
            page.goto(f"{url}/{'' if slug == 'overview' else slug}?{query}")
            page.get_by_test_id("stHeading").first.wait_for(timeout=60_000)
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 900})
                wait_until_idle(page)
                assert page.evaluate("window.innerWidth") == width
                hostile_text_is_inert(page, path, width)
        assert dialogs == []
        browser.close()
