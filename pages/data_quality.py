"""Placeholder until the page lands.

BEFORE WRITING THIS PAGE read docs/pages.md: the conventions every page follows
(thin pages, one query file per visual, URL-bound selectors, status never by colour alone,
sv-SE numbers, tests and screenshots).
"""

import streamlit as st

st.title("Kommer snart")
