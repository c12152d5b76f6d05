"""Selections that live in the URL, so that a view can be mailed as a link.

Each selector keeps a query parameter (``?period=2025&goal=KF3``) and its widget in step: the
URL sets the widget when a page opens or a link is followed, and a change of the widget
rewrites the URL. (Streamlit's own ``bind="query-params"`` puts the *displayed label* in the
URL when a ``format_func`` is used, which would make links long and fragile.) An id in the URL
that the warehouse does not know gives a friendly warning instead of an exception.

A goal or an indicator is picked in two steps (``select_in_area``): first a strategic area,
then one of the tens or hundreds of goals or indicators in it. A selectbox over a thousand
options made the browser slow to redraw the page on every rerun.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

import pandas as pd
import streamlit as st

from ui import chrome
from ui import format as fmt
from ui.data import build, fetch
from ui.tables import level_label

# What each URL parameter names, for the warning about an unknown id.
_NOUNS = {
    "period": "Perioden",
    "goal": "Målet",
    "namnd": "Nämnden",
    "indicator": "Indikatorn",
    "area": "Området",
}

# The id of the group, after the strategic areas, of the goals or indicators outside every area.
OUTSIDE_AREAS = "ovrigt"


def select(
    label: str,
    options: Mapping[str, str],
    param: str,
    *,
    default: str | None = None,
    container=None,
    help: str | None = None,
    clears: str | None = None,
) -> str | None:
    """A selectbox over ``options`` (id → label) bound to the URL parameter ``param``.

    A change of the selection removes the URL parameter ``clears`` (a choice that depended on
    this one), if given."""
    ids = list(options)
    if not ids:
        return None
    wanted = st.query_params.get(param)
    if wanted is not None and wanted not in options:
        st.warning(
            f"{_NOUNS.get(param, 'Värdet')} ”{fmt.plain(wanted)}” finns inte i datalagret. "
            "Välj i listan i stället.",
            icon=":material/link_off:",
        )
    key = f"url_{param}"
    if wanted in options:
        st.session_state[key] = wanted  # a link or a mailed URL decides
    elif st.session_state.get(key) not in options:
        st.session_state[key] = default if default in options else ids[0]
    value = (container or st).selectbox(
        label,
        ids,
        format_func=lambda i: options.get(i, i),
        key=key,
        on_change=_to_url,
        args=(param, key, clears),
        help=help,
    )
    st.query_params[param] = value
    return value


def _to_url(param: str, key: str, clears: str | None = None) -> None:
    """Runs before the rerun a widget change causes, so the URL never lags the widget."""
    st.query_params[param] = st.session_state[key]
    if clears is not None:
        st.query_params.pop(clears, None)


@dataclass(frozen=True)
class _Choice:
    """What ``select_in_area`` needs to know of a kind of option."""

    label: str  # of the second selectbox
    outside: str  # the group of the options outside every strategic area
    text: Callable[[Any], str]  # an option's text, from its row of app/area_<param>s


_CHOICES = {
    "goal": _Choice(
        "Mål",
        "Vision och mål utanför målområdena",
        lambda g: f"{level_label(g.level)} · {g.goal_id} {g.title}",
    ),
    "indicator": _Choice(
        "Indikator", "Indikatorer utan koppling till målområde", lambda i: i.label
    ),
}


def area_param(area_id: str | None) -> str:
    """The value of the URL parameter ``area`` for an ``area_id`` of the area queries, where
    null stands for outside every area."""
    return OUTSIDE_AREAS if area_id is None or pd.isna(area_id) else area_id


def select_in_area(
    param: Literal["goal", "indicator"], *, default: str | None = None, help: str | None = None
) -> str | None:
    """Two selectboxes side by side: a strategic area (URL parameter ``area``), then a goal or
    an indicator within it (URL parameter ``param``); None when there is nothing to choose.

    The options come from app/area_options (the areas, and a group after them of what lies
    outside every area) and app/area_goals or app/area_indicators (those of one area). A URL
    that names only the goal or indicator (``?goal=KF1.1``: a link from another page, or one
    mailed before there was an area step) opens its area (app/goal_areas, app/indicator_areas):
    the area already selected if it lies under that one too, else the first of its areas.
    Changing the area removes the goal or indicator from the URL, so the new area opens on its
    first option, or on ``default`` if that lies under it.
    """
    choice = _CHOICES[param]
    rows = fetch("app/area_options")
    rows = rows[rows[f"{param}_count"] > 0]
    groups = {
        area_param(a): choice.outside if area_param(a) == OUTSIDE_AREAS else text
        for a, text in zip(rows.area_id, rows.label, strict=True)
    }
    if not groups:
        return None

    def offered(group: str) -> pd.DataFrame:
        return fetch(f"app/area_{param}s", area=None if group == OUTSIDE_AREAS else group)

    def home(option: str, preferred: str | None) -> str | None:
        """The group to show ``option`` in: ``preferred`` if it holds the option, else the
        first that does; None for an option that does not exist."""
        if preferred in groups and option in set(offered(preferred)[f"{param}_id"]):
            return preferred  # the usual case, a pick in the list: no query for a new option
        homes = [area_param(a) for a in fetch(f"app/{param}_areas", **{param: option}).area_id]
        return preferred if preferred in homes else next(iter(homes), None)

    wanted = st.query_params.get(param)
    if wanted is not None:
        found = home(wanted, st.query_params.get("area") or st.session_state.get("url_area"))
        if found is not None:
            st.query_params["area"] = found
    left, right = st.columns([2, 3])
    area = select(
        "Målområde",
        groups,
        "area",
        default=home(default, None) if default is not None else None,
        container=left,
        clears=param,
        help=f"Listan bredvid visar det som hör till området. Sist: {choice.outside.lower()}.",
    )
    options = offered(area)
    return select(
        choice.label,
        {getattr(o, f"{param}_id"): choice.text(o) for o in options.itertuples()},
        param,
        default=default,
        container=right,
        help=help,
    )


def period_labels(column: str = "label") -> dict[str, str]:
    """Each evaluated period's Swedish label ("2025 tertial 2 (jan–aug)"), or with
    ``column="short_label"`` its compact axis label ("2025 T2"), by period code."""
    return _period_labels(column, *build())


# Cached as a dict, not rebuilt from the frame on every call: pages call it once per row.
@st.cache_data(max_entries=8, show_spinner=False)
def _period_labels(column: str, path: str, version: str) -> dict[str, str]:
    periods = fetch("app/periods")
    return dict(zip(periods.period, periods[column], strict=True))


def stop_without_periods() -> None:
    """Say that nothing can be assessed yet, and end the page there."""
    st.info(
        "Det finns inga utfall eller bedömningar i datalagret ännu, så ingen period kan "
        "bedömas. Lägg till utfall (outcomes) eller bedömningar (assessments) och bygg om."
    )
    st.stop()


def select_period(container=None) -> str | None:
    """The evaluation period, by default the latest one with data."""
    periods = fetch("app/periods")
    if periods.empty:
        return None
    default = periods.loc[periods.is_default, "period"]
    return select(
        "Period",
        period_labels(),
        "period",
        default=default.iloc[0] if not default.empty else None,
        container=container if container is not None else chrome.period_slot(),
        help="Delårsrapporter avser tertial (T1–T3) eller halvår (H1), årsredovisningen helår.",
    )


def select_period_type(types: pd.DataFrame, label: str, key: str) -> str:
    """The kind of period to chart (years, tertials …) from the rows of
    app/indicator_period_types, default first: a choice only when there are several."""
    period_type = types.period_type.iloc[0]
    if len(types) > 1:
        period_type = st.segmented_control(
            label,
            list(types.period_type),
            default=period_type,
            format_func=dict(zip(types.period_type, types.label, strict=True)).get,
            required=True,
            key=key,
        )
    return period_type
