"""Which dashboard this server is: the whole one for the organisation, or the public one.

``ROD_TRAD_MODE=public`` (``make public``) serves the public pages on the public warehouse,
``<name>.public.duckdb`` beside the warehouse (etl/publish.py), and opens nothing else: what is
not public is not in that file, so no page, link, download or error message can show it.
``internal``, the default, serves the analysts' pages on the whole warehouse. This module is the
one place that reads the variable.
"""

from __future__ import annotations

import os

ENV = "ROD_TRAD_MODE"
INTERNAL = "internal"
PUBLIC = "public"
MODES = (INTERNAL, PUBLIC)


class BadMode(ValueError):
    """ROD_TRAD_MODE holds something other than a mode; the message is for the operator."""


def mode() -> str:
    """``internal`` or ``public``; an unset or empty variable means internal."""
    value = os.environ.get(ENV, "").strip()
    if not value:
        return INTERNAL
    if value.lower() not in MODES:
        raise BadMode(
            f"Miljövariabeln {ENV} har värdet ”{value}”, men den kan bara vara "
            f"{INTERNAL} (hela instrumentpanelen, standard) eller {PUBLIC} (bara det publika "
            f"urvalet). Starta om med till exempel {ENV}={PUBLIC} streamlit run dashboard.py."
        )
    return value.lower()


def is_public() -> bool:
    return mode() == PUBLIC
