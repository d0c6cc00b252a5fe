"""Overzicht: Dalfsen, Bronckhorst en Dronten naast elkaar op de kopindicatoren."""

import streamlit as st

from kompas import tabellen
from kompas.weergave import als_tekst, bronregel, haal, url_lijst, zet_url

st.title("Overzicht sociaal domein")
st.write(
    "De kopindicatoren per gemeente: de laatste waarde, het landelijk gemiddelde van hetzelfde jaar en "
    "de verandering sinds de vorige meting. Een pijl is groen als de verandering de goede kant op gaat."
)

gemeenten = haal("gemeenten")
namen = dict(zip(gemeenten["regio_code"], gemeenten["regio_naam"]))
codes = list(namen)
keuze = st.pills("Gemeenten", codes, selection_mode="multi", format_func=namen.get,
                 default=url_lijst("gemeenten", codes, codes), key="ovz_gemeenten")
zet_url(gemeenten=keuze)
if not keuze:
    st.info("Kies ten minste één gemeente.")
    st.stop()

overzicht = haal("overzicht", keuze)
for (thema,), per_thema in overzicht.group_by("thema", maintain_order=True):
    st.subheader(thema.capitalize())
    for (_, _), rijen in per_thema.group_by(["indicator_code", "leeftijd"], maintain_order=True):
        eerste = rijen.row(0, named=True)
        leeftijd = "" if eerste["leeftijd"] == "totaal" else f" ({eerste['leeftijd']})"
        st.markdown(f"**{als_tekst(eerste['indicator_naam'] + leeftijd)}** · {als_tekst(eerste['eenheid'])}")
        for kolom, rij in zip(st.columns(len(keuze)), rijen.iter_rows(named=True)):
            tegel = tabellen.kaart(rij)
            kolom.metric(rij["regio_naam"], tegel["waarde"], tegel["delta"], delta_color=tegel["delta_kleur"],
                         border=True)
            kolom.caption(als_tekst(tegel["toelichting"]))
        bronregel(rijen["bron"].to_list())

with st.expander("Tabel met alle cijfers en bronnen"):
    st.dataframe(tabellen.overzicht_tabel(overzicht), hide_index=True, width="stretch")
