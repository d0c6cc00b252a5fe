"""Sociaal Kompas: navigatie, paginaconfiguratie en de gedeelde zijbalk."""

from pathlib import Path

import streamlit as st

from kompas import tabellen
from kompas.db import database_pad
from kompas.lezen import gemeenten
from kompas.opmaak import opsomming
from kompas.weergave import databasefouten
from loaders.ingebed import zorg_voor_database

# Het icoon is een eigen SVG-bestand: Streamlit zet dat als data-URI in de pagina, dus de browser vraagt het
# bij geen enkele host op. (Een ":material/…:"-icoon haalt de browser als favicon bij fonts.gstatic.com; een
# emoji laat Streamlit eerst zijn hele emojicatalogus laden.)
ICOON = Path(__file__).resolve().parent / "static" / "kompas.svg"
# Nederlands voor schermlezers en browsers: Streamlit zet vast <html lang="en"> en heeft (1.67) geen
# instelling voor de taal; dit regeltje zet het op "nl" zodra de pagina er is (zie README, Toegankelijkheid).
TAAL_NL = "<script>document.documentElement.lang = 'nl';</script>"
# Een link naar een indicator (st.page_link: 'Trend en alle cijfers: Bijstand per 1.000 inwoners 18+ (BBV)') breekt
# op een telefoon af over regels, in plaats van op één regel afgekapt te worden met '…'.
LINKS_BREKEN_AF = """<style>
[data-testid="stPageLink-NavLink"] span:has(> [data-testid="stMarkdownContainer"]),
[data-testid="stPageLink-NavLink"] [data-testid="stMarkdownContainer"],
[data-testid="stPageLink-NavLink"] p { white-space: normal; overflow: visible; text-overflow: clip; }
</style>"""


@st.cache_resource(show_spinner=False)
def _database_klaar(pad: str) -> Path:
    """Eén keer per proces (en databasepad), vóór de eerste pagina: een ontbrekende database bouwen, een oude
    bijwerken. Is alles actueel, dan leest dit alleen de versie. Daarna lezen de pagina's alleen (kompas.db.Leesverbinding)."""
    return zorg_voor_database(Path(pad))


# vóór st.navigation: anders maakt de browser van het Material-icoon van de pagina eerst een favicon (gstatic)
st.set_page_config(page_title="Sociaal Kompas", page_icon=ICOON, layout="wide")
navigatie = st.navigation(
    {
        "Sociaal Kompas": [
            st.Page("pages/overzicht.py", title="Overzicht", icon=":material/dashboard:", default=True),
            st.Page("pages/kaders.py", title="Kaders", icon=":material/account_tree:", url_path="kaders"),
            st.Page(
                "pages/vergelijken.py", title="Vergelijken", icon=":material/compare_arrows:", url_path="vergelijken"
            ),
            st.Page("pages/kaarten.py", title="Kaarten", icon=":material/map:", url_path="kaarten"),
            st.Page("pages/indicator.py", title="Indicator", icon=":material/query_stats:", url_path="indicator"),
            st.Page("pages/over_de_data.py", title="Over de data", icon=":material/info:", url_path="over-de-data"),
        ],
        "Beheer": [
            st.Page("pages/upload.py", title="Cijfers uploaden", icon=":material/upload_file:", url_path="upload"),
        ],
    }
)
# een titel per pagina ("Kaders – Sociaal Kompas"), zodat tabbladen en schermlezers zeggen waar je bent
st.set_page_config(page_title=f"{navigatie.title} – Sociaal Kompas")
with databasefouten():  # een database die niet te bouwen of bij te werken is: Nederlandse melding, pagina stopt
    _database_klaar(str(database_pad()))

with st.sidebar:
    st.html(TAAL_NL, unsafe_allow_javascript=True)
    st.html(LINKS_BREKEN_AF)
    namen = opsomming(tabellen.focus(gemeenten())["regio_naam"].to_list())  # focus 'ja' in data/regio.csv
    st.caption(
        f"Sociaal Kompas zet de kaders, doelen en indicatoren van het sociaal domein van {namen} naast "
        "het landelijk gemiddelde. Elk cijfer heeft zijn bron; ontbrekende cijfers blijven ontbrekend."
    )

navigatie.run()
