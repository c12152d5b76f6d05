"""Öppna data: the public goal model and outcomes as files anyone may download, reuse and load
back into Röd tråd, with their licence and whom to credit. The public pages have the same files
(pages/oppna_data.py)."""

import streamlit as st

from ui import open_data, open_data_page
from ui.data import require_warehouse

require_warehouse()
st.title("Öppna data")

found = open_data.current()
if found is None:
    st.info(
        "Öppna data skrivs från det publika datalagret, som inte är byggt ännu. Bygg det med "
        "`python -m etl build --public` (med samma källor som lagret); sedan skrivs det av "
        "varje bygge."
    )
    st.stop()
path, version, about = found
# The data notice is the top bar's, above the title (ui.chrome.top_bar).
open_data_page.files_section(about, path, version)

st.subheader("Läsa in filerna igen")
st.markdown(
    "Tabellerna har Röd tråds format för målmodeller. Packa upp CSV-filerna i en mapp och bygg "
    "ett datalager av dem:"
)
st.code("python -m etl build oppna-data/ --db oppna-data.duckdb", language="text", wrap_lines=True)
