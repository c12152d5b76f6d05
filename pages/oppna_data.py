"""Öppna data (public, /oppna_data): the public goals, indicators, targets, outcomes and
assessments as files for anyone to download and reuse, with the licence and whom to credit;
the same files as the organisation's Öppna data page (ui/open_data_page.py)."""

import streamlit as st

from ui import open_data, open_data_page, public_view
from ui.data import require_warehouse

require_warehouse()
about = public_view.summary()

st.title("Öppna data")
public_view.data_notice(about)
path, version, files_about = open_data.current()  # require_warehouse: the public file exists
open_data_page.files_section(files_about, path, version)
st.markdown(
    "Filerna går att öppna i ett kalkylprogram. De följer samma format som kommunen använder "
    "för att läsa in sin målmodell, så att den som vill kan räkna om bedömningarna själv."
)
public_view.footer(about)
