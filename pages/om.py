"""Om siffrorna (public, /om): what these pages show, where the numbers come from, and what the
words mean."""

import streamlit as st

from ui import format as fmt
from ui import public_view
from ui.data import require_warehouse

require_warehouse()
about = public_view.summary()

st.title("Om siffrorna")
public_view.data_notice(about)
name = fmt.literal(about.municipality_name) if about.municipality_name else "kommunen"
st.markdown(
    f"Här kan du följa hur det går för målen som {name} har beslutat om. Kommunfullmäktige "
    "beslutar om en vision och om mål inom några strategiska områden. Nämnderna sätter egna mål "
    "som ska bidra till fullmäktiges mål. Varje år bedömer kommunen om målen är uppfyllda."
)

st.subheader("Så bedöms ett mål")
st.markdown(
    "Ett mål bedöms utifrån indikatorerna som mäter det och utifrån målen under det. Varje "
    "indikator jämförs med sitt målvärde, och bedömningarna vägs samman till en bedömning av "
    "målet. Kommunen kan också göra en egen bedömning, och då är det den som visas. Till de "
    "flesta bedömningar finns en text om vad som har hänt och vad kommunen gör."
)
st.markdown(
    "Bara det som kommunen har valt att publicera visas här. Bygger en bedömning delvis på "
    "uppgifter som inte är offentliga står det vid bedömningen."
)

st.subheader("Varifrån kommer siffrorna?")
st.markdown(
    "Värdena kommer från kommunens egna mätningar och från andra källor. Under varje diagram "
    "står varifrån värdena kommer. Värden som kommer från Kolada, den svenska databasen med "
    "nyckeltal för kommuner och regioner, anges med ”Källa: Kolada”. Bedömningarna har kommunen "
    "gjort själv."
)

st.subheader("Ord som används")
public_view.glossary()
st.caption(
    "Symbolen framför varje bedömning visar samma sak som ordet, så att bedömningen går att "
    "läsa även utan färger."
)
public_view.footer(about)
