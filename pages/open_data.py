"""Öppna data: the public goal model and outcomes as files anyone may download, reuse and load
back into Röd tråd, with their licence and whom to credit."""

from functools import partial

import pandas as pd
import streamlit as st

from ui import downloads, open_data, tables
from ui import format as fmt
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

st.markdown(
    "Målen, indikatorerna, målvärdena, utfallen och bedömningarna i det publika urvalet, som "
    "filer att ladda ner och använda fritt enligt licensen. Uppgifterna är från datalagret som "
    f"byggdes {fmt.local_time(about.built_at_utc)}."
)
st.markdown(
    f"**Licens:** [{about.licence}]({about.licence_url}) · "
    f"**Ange källan:** {fmt.literal(about.publisher)}"
)
if about.kolada_line:
    st.markdown(f"**{about.kolada_line}**")  # our words and numbers: nothing to escape
else:
    st.caption(
        "Inget av utfallen anges komma från Kolada; kolumnen source i utfallen säger varifrån "
        "vart och ett kommer."
    )
# The data notice is the top bar's, above the title (ui.chrome.top_bar).

with st.container(horizontal=True):
    for kind, word in open_data.KINDS.items():
        downloads.button(
            f"Ladda ner som {word} (zip)",
            partial(open_data.archive, kind, path, version),
            open_data.archive_name(about, kind),
            key=f"open_data_{kind}",
            help=(
                downloads.CSV_HELP
                if kind == "csv"
                else "Parquet-filer med typade kolumner, för analysverktyg och program."
            ),
        )

st.subheader("Innehåll")
tables.static(
    pd.DataFrame(
        {
            "Fil": [f"{open_data.file_stem(n)}.csv" for n in open_data.FILES],
            "Innehåll": [open_data.CONTENTS[n] for n in open_data.FILES],
            "Rader": [fmt.number(about.rows[n]) for n in open_data.FILES],
        }
    ),
    key="files",
)
st.caption(
    f"{open_data.file_stem(open_data.COMPUTED)}.csv är Röd tråds egen beräkning av målens "
    "status enligt de publicerade reglerna, inte en uppgift från Kolada eller någon annan "
    f"källa. Varje zip har också en {open_data.README} med licensen och källan."
)

st.subheader("Läsa in filerna igen")
st.markdown(
    "Tabellerna har Röd tråds format för målmodeller. Packa upp CSV-filerna i en mapp och bygg "
    "ett datalager av dem:"
)
st.code("python -m etl build oppna-data/ --db oppna-data.duckdb", language="text", wrap_lines=True)
