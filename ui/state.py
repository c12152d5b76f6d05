"""Selections that live in the URL, so that a view can be mailed as a link.

Each selector is a widget bound to a query parameter (``?period=2025&goal=KF3``). An id in the
URL that the warehouse does not know gives a friendly warning instead of an exception.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from ui.data import fetch

# What each URL parameter names, for the warning about an unknown id.
_NOUNS = {
    "period": "Perioden",
    "goal": "Målet",
    "namnd": "Nämnden",
    "indicator": "Indikatorn",
    "area": "Området",
}


def select(
    label: str,
    options: Mapping[str, str],
    param: str,
    *,
    default: str | None = None,
    container=None,
    help: str | None = None,
) -> str | None:
    """A selectbox over ``options`` (id → label) bound to the URL parameter ``param``."""
    ids = list(options)
    if not ids:
        return None
    wanted = st.query_params.get(param)
    if wanted is not None and wanted not in options:
        st.warning(
            f"{_NOUNS.get(param, 'Värdet')} ”{wanted}” finns inte i datalagret. "
            "Välj i listan i stället.",
            icon=":material/link_off:",
        )
    start = ids.index(default) if default in options else 0
    return (container or st).selectbox(
        label,
        ids,
        index=start,
        format_func=lambda i: options.get(i, i),
        key=param,
        bind="query-params",
        help=help,
    )


def select_period(container=None) -> str | None:
    """The evaluation period, by default the latest one with data."""
    periods = fetch("app/periods")
    if periods.empty:
        return None
    default = periods.loc[periods.is_default, "period"]
    return select(
        "Period",
        dict(zip(periods.period, periods.label, strict=True)),
        "period",
        default=default.iloc[0] if not default.empty else None,
        container=container if container is not None else st.sidebar,
        help="Delårsrapporter avser tertial (T1–T3), årsredovisningen helår.",
    )
