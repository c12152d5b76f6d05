"""The body of Öppna data, shown by the organisation's page (pages/open_data.py) and by the
public one (pages/oppna_data.py, ``/oppna_data``): the same files, from the public warehouse in
both modes (ui/open_data.py), so nothing that is not public can reach them."""

from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

from ui import downloads, open_data, tables
from ui import format as fmt


def files_section(about: open_data.About, path: str, version: str) -> None:
    """What the files hold, their licence and attribution, and the two download buttons."""
    st.markdown(
        "Målen, indikatorerna, målvärdena, utfallen och bedömningarna i det publika urvalet, "
        "som filer att ladda ner och använda fritt enligt licensen. Uppgifterna är från "
        f"datalagret som byggdes {fmt.local_time(about.built_at_utc)}."
    )
    st.markdown(
        f"**Licens:** [{about.licence}]({about.licence_url}) · "
        f"**Ange källan:** {fmt.literal(about.publisher)}"
    )
    if about.kolada_line:
        st.markdown(f"**{about.kolada_line}**")  # our words and numbers: nothing to escape
    else:
        st.caption(
            "Inget av utfallen anges komma från Kolada; kolumnen source i utfallen säger "
            "varifrån vart och ett kommer."
        )
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
