"""The public dashboard's frame (``ROD_TRAD_MODE=public``): its pages and their addresses.

Only the public pages are registered; the analysts' pages (Datakvalitet, Målkedjan, Om
datalagret …) do not exist in this navigation. The addresses are meant to be shared and to last:
``/`` the start page, ``/omrade?id=O1``, ``/mal?id=KF1.1``, ``/indikator?id=N15505``, ``/om``,
``/oppna_data``. A page's address is its file's stem (the public pages' files are named in
Swedish for that reason): Streamlit's legacy ``pages/`` mode, in which a fresh server answers
its first request, finds a page only under its stem (``ui.data._leave_legacy_navigation``).

Any other address, the analysts' pages' among them, shows "Sidan hittades inte" in Swedish
instead of Streamlit's English "Page not found" dialog.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from ui import public_view

# The addresses Streamlit's legacy pages/ mode gives the files in pages/.
_PAGE_FILE_STEMS = {
    path.stem for path in (Path(__file__).resolve().parents[1] / "pages").glob("*.py")
}

# (file, title, shown in the menu); the first is the start page at "/".
PAGES = (
    ("pages/public_start.py", "Start", True),
    ("pages/omrade.py", "Område", False),
    ("pages/mal.py", "Mål", False),
    ("pages/indikator.py", "Indikator", False),
    ("pages/om.py", "Om siffrorna", True),
    ("pages/oppna_data.py", "Öppna data", True),
)
_NOT_FOUND_PATH = "_public_not_found_path"  # session state: the unknown address being shown
_SHOWN = "_public_shown_page"  # session state: the address of the page the last run showed


def navigation() -> st.Page:
    """Register the public pages (and a "hittades inte" page at an unknown address) and return
    the page to run."""
    pages = [
        st.Page(
            file,
            title=title,
            default=number == 0,
            visibility="visible" if in_menu else "hidden",
        )
        for number, (file, title, in_menu) in enumerate(PAGES)
    ]
    unknown = _unknown_path({Path(file).stem for file, _, _ in PAGES})
    if unknown is not None:
        pages.append(
            st.Page(
                _page_not_found,
                title="Sidan hittades inte",
                url_path=unknown,
                visibility="hidden",
            )
        )
    page = st.navigation(pages, position="top")
    st.session_state[public_view.SAME_PAGE] = st.session_state.get(_SHOWN) == page.url_path
    st.session_state[_SHOWN] = page.url_path
    return page


def _unknown_path(known: set[str]) -> str | None:
    """The address asked for when no public page has it, else None.

    Streamlit 1.67 says which address a run was asked for only through its page manager:
    ``intended_page_name``, the path typed or followed (empty on a rerun of the page shown,
    which is why the unknown address is also kept in the session), or only
    ``intended_page_script_hash``, the hash of the address, when a fresh server's legacy
    ``pages/`` mode ran a page of ``pages/`` on its own and that reran into dashboard.py
    (``ui.data._leave_legacy_navigation``): then the address is the stem of one of those
    files. tests/test_public_pages.py fails when the names change.
    """
    from streamlit.runtime.scriptrunner import get_script_run_ctx
    from streamlit.util import calc_hash

    ctx = get_script_run_ctx()
    if ctx is None:
        return None
    manager = ctx.pages_manager
    asked = (manager.intended_page_name or "").strip("/")
    if not asked and manager.intended_page_script_hash:
        stems = {calc_hash(path): path for path in known | _PAGE_FILE_STEMS}
        asked = stems.get(manager.intended_page_script_hash, "")
    if asked:
        # A nested address cannot be a page's (st.Page refuses a "/"); Streamlit shows its main
        # page for it.
        unknown = asked if asked not in known and "/" not in asked else None
        st.session_state[_NOT_FOUND_PATH] = unknown
        return unknown
    return st.session_state.get(_NOT_FOUND_PATH)


def _page_not_found() -> None:
    public_view.not_found("Sidan")
