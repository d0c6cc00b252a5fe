"""Sociaal Kompas: navigatie, paginaconfiguratie en de gedeelde zijbalk."""

import streamlit as st

# een Material-icoon (ASCII): een emoji laat Streamlit eerst zijn hele emojicatalogus laden (~0,3 s)
st.set_page_config(page_title="Sociaal Kompas", page_icon=":material/explore:", layout="wide")

navigatie = st.navigation(
    {
        "Sociaal Kompas": [
            st.Page("pages/overzicht.py", title="Overzicht", icon=":material/dashboard:", default=True),
            st.Page("pages/kaders.py", title="Kaders", icon=":material/account_tree:", url_path="kaders"),
            st.Page("pages/vergelijken.py", title="Vergelijken", icon=":material/compare_arrows:", url_path="vergelijken"),
            st.Page("pages/indicator.py", title="Indicator", icon=":material/query_stats:", url_path="indicator"),
            st.Page("pages/over_de_data.py", title="Over de data", icon=":material/info:", url_path="over-de-data"),
        ],
        "Beheer": [
            st.Page("pages/upload.py", title="Cijfers uploaden", icon=":material/upload_file:", url_path="upload"),
        ],
    }
)

with st.sidebar:
    st.caption(
        "Sociaal Kompas zet de kaders, doelen en indicatoren van het sociaal domein van Dalfsen, "
        "Bronckhorst en Dronten naast het landelijk gemiddelde. Elk cijfer heeft zijn bron; "
        "ontbrekende cijfers blijven ontbrekend."
    )

navigatie.run()
