"""What the page benchmark measures: the dashboard's pages, their URL parameters and the values
an interaction picks.

The pages are read from dashboard.py's ``st.Page(...)`` calls. The URL parameters are realistic
but heavy (``queries/bench/heaviest_choices.sql``): the latest period, the goal with most
indicators, the nämnd responsible for most goals and the indicator with most outcome rows. A
goal or an indicator is chosen in two steps on its page (``ui.state.select_in_area``): its URL
names the first area it lies under too, and its interactions pick other goals or indicators of
that area.
"""

from __future__ import annotations

import ast
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pandas as pd

import warehouse
from bench.generate import ROOT

ENTRY = ROOT / "dashboard.py"

# The URL parameters each page reads, in the order its selectors appear. A page missing here
# (a new one) is measured without parameters.
PAGE_PARAMS: dict[str, tuple[str, ...]] = {
    "overview": ("period",),
    "goal_chain": ("period", "goal"),
    "committees": ("period", "namnd"),
    "over_time": ("goal",),
    "indicator": ("period", "indicator"),
    "data_quality": ("period",),
    "agenda2030": ("period",),
    "assignments": ("period",),
    "start": (),
}
RERUN = "rerun"  # the interaction of a page without a selector: Streamlit's R shortcut

# Goals and indicators are picked in two steps (ui.state.select_in_area): the URL names the
# area too, and an interaction picks another goal or indicator of that area.
AREA_PARAM = "area"


@dataclass(frozen=True)
class Page:
    """One page as dashboard.py registers it with ``st.Page``."""

    script: str  # "pages/overview.py"
    title: str  # "Översikt"
    default: bool = False

    @property
    def stem(self) -> str:
        return Path(self.script).stem

    @property
    def url_path(self) -> str:
        """The page's URL path: the default page lives at the root."""
        return "" if self.default else self.stem

    @property
    def params(self) -> tuple[str, ...]:
        return PAGE_PARAMS.get(self.stem, ())


def registered_pages(entry: Path = ENTRY) -> list[Page]:
    """The ``st.Page(...)`` calls of dashboard.py, in order (read with ``ast``, not run)."""
    pages = []
    for node in ast.walk(ast.parse(entry.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "Page"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            script = str(node.args[0].value)
            title = _keyword(node, "title", Path(script).stem)
            pages.append(Page(script, str(title), bool(_keyword(node, "default", False))))
    return pages


def _keyword(call: ast.Call, name: str, default: Any) -> Any:
    """The constant value of keyword ``name`` in ``call``, else ``default``."""
    for keyword in call.keywords:
        if keyword.arg == name and isinstance(keyword.value, ast.Constant):
            return keyword.value.value
    return default


@dataclass(frozen=True)
class Option:
    """A value of a URL parameter, and how to pick it in its selectbox in the browser."""

    value: str  # the id in the URL
    search: str  # typed into the selectbox to filter its options
    pattern: str  # a regular expression that matches this option's text only


@dataclass
class Scenario:
    """The URL parameters the pages are measured with, and the values interactions pick."""

    values: dict[str, str]
    options: dict[str, list[Option]]
    areas: dict[str, str] = field(default_factory=dict)  # goal/indicator → the value's area

    def params_for(self, page: Page) -> dict[str, str]:
        params = {}
        for p in page.params:
            if p in self.areas:
                params[AREA_PARAM] = self.areas[p]
            if p in self.values:
                params[p] = self.values[p]
        return params


def scenario(db: Path) -> Scenario:
    """Realistic, heavy parameters from the warehouse ``db`` (see the module docstring)."""
    from ui.state import area_param

    con = warehouse.open_read_only(db)
    try:
        cur = warehouse.cursor(con)
        periods = warehouse.run(cur, "app/periods")
        orgs = warehouse.run(cur, "app/committee_options")
        heaviest = warehouse.run(cur, "bench/heaviest_choices").iloc[0]
        values: dict[str, str] = {}
        if not periods.empty:
            default = periods.loc[periods.is_default, "period"]
            values["period"] = str(default.iloc[0] if not default.empty else periods.period.iloc[0])
        for param, value in heaviest.items():
            if not pd.isna(value):
                values[str(param)] = str(value)
        # A goal or indicator is picked among those of its area (the first, as the page opens
        # a link without one), the options the page offers.
        areas: dict[str, str] = {}
        in_area: dict[str, list[str]] = {"goal": [], "indicator": []}
        for param in in_area:
            if param in values:
                [area, *_] = warehouse.run(
                    cur, f"app/{param}_areas", **{param: values[param]}
                ).area_id
                areas[param] = area_param(area)
                in_area[param] = list(
                    warehouse.run(cur, f"app/area_{param}s", area=area)[f"{param}_id"]
                )
    finally:
        con.close()
    options = {
        "period": [
            Option(p, label, f"^{re.escape(label)}$")
            for p, label in zip(periods.period, periods.label, strict=True)
        ],
        "goal": [Option(g, g, rf"· {re.escape(g)}( |$)") for g in in_area["goal"]],
        "namnd": [
            Option(o, name, f"^{re.escape(name)}$")
            for o, name in zip(orgs.org_id, orgs.name, strict=True)
        ],
        "indicator": [Option(i, i, f"^{re.escape(i)} · ") for i in in_area["indicator"]],
    }
    return Scenario(values, options, areas)


def interaction_values(options: list[Option], current: str | None, count: int) -> list[Option]:
    """``count`` picks, none equal to the one before it: ``ceil(count / 2)`` distinct values
    spread over the list, then the same again (first visits, then revisits)."""
    others = [o for o in options if o.value != current]
    if not others or count <= 0:
        return []
    wanted = max(1, math.ceil(count / 2))
    step = max(1, len(others) // wanted)
    distinct = others[::step][:wanted]
    if len(distinct) == 1:  # alternate with the current value, if it can be picked back
        back = [o for o in options if o.value == current]
        if not back:
            return distinct  # a single pick: picking the same value again reruns nothing
        distinct += back
    return [distinct[i % len(distinct)] for i in range(count)]


def url_for(base: str, page: Page, params: dict[str, str]) -> str:
    query = f"?{urlencode(params)}" if params else ""
    return f"{base}/{page.url_path}{query}"
