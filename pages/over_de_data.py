"""Over de data: elke bron met tabel of pagina, periode, ophaal- of uploadmoment en licentie; de dekking."""

import streamlit as st

from kompas import tabellen
from kompas.lezen import bronnen, dekking, gemeenten
from kompas.weergave import via_app

via_app()

st.title("Over de data")
st.write(
    "Elk cijfer in Sociaal Kompas is een gepubliceerd cijfer, een cijfer opgehaald bij CBS StatLine of RIVM, "
    "of een cijfer dat een beleidsmedewerker heeft geüpload. Ontbrekende cijfers worden niet ingevuld."
)

herkomsten = bronnen()
st.header(f"Bronnen ({len(herkomsten)})")
st.caption(
    "Per bron eerst de uitgever met zijn eigen tabel en adres. Is een cijfer gelezen in een kopie (een "
    "GitHub-kopie van een CBS-export, een begroting of een nieuwsbericht dat het cijfer overneemt), dan staat "
    "die kopie onder 'Gelezen in'."
)
st.dataframe(tabellen.bronnen_tabel(herkomsten), hide_index=True, width="stretch")

st.header("Dekking: welke cijfers er zijn en welke ontbreken")
st.dataframe(
    tabellen.dekking_matrix(dekking(tabellen.focus(gemeenten())["regio_code"].to_list())),
    hide_index=True,
    width="stretch",
)

st.header("Verversen")
st.write(
    "De beheerder van Sociaal Kompas haalt de tabellen van CBS StatLine en RIVM opnieuw op (hoe: zie de "
    "handleiding, README, onder 'Verversen'). Elke tabel wordt in één keer vervangen; gaat het ophalen mis, "
    "dan blijven de bestaande cijfers staan."
)
st.write(
    "Eigen registraties (bijvoorbeeld uit GWS4all of een cliëntervaringsonderzoek) voegt een "
    "beleidsmedewerker toe via de pagina Cijfers uploaden."
)
