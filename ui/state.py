"""Selections that live in the URL, so that a view can be mailed as a link.

Each selector keeps a query parameter (``?period=2025&goal=KF3``) and its widget in step: the
URL sets the widget when a page opens or a link is followed, and a change of the widget
rewrites the URL. (Streamlit's own ``bind="query-params"`` puts the *displayed label* in the
URL when a ``format_func`` is used, which would make links long and fragile.) An id in the URL
that the warehouse does not know gives a friendly warning instead of an exception.
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
        args=(param, key),
        help=help,
    )
    st.query_params[param] = value
    return value


def _to_url(param: str, key: str) -> None:
    """Runs before the rerun a widget change causes, so the URL never lags the widget."""
    st.query_params[param] = st.session_state[key]


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
