"""Overzicht: Dalfsen, Bronckhorst en Dronten naast elkaar op de kopindicatoren.

De eerste pagina: alleen rijen (geen polars, geen pandas), zodat ze snel opent; de tabel komt pas bij openklappen.
"""

from itertools import groupby

import streamlit as st

from kompas import teksten
from kompas.weergave import als_tekst, bronregel, haal, naar_indicator, url_lijst, via_app, zet_url

via_app()

st.title("Overzicht sociaal domein")
st.write(
    "De kopindicatoren per gemeente: de laatste waarde, het landelijk gemiddelde van hetzelfde jaar en "
    "de verandering sinds de vorige meting. Een pijl is groen als de verandering de goede kant op gaat."
)

namen = {g["regio_code"]: g["regio_naam"] for g in haal("gemeenten")}
codes = list(namen)
keuze = st.pills("Gemeenten", codes, selection_mode="multi", format_func=namen.get,
                 default=url_lijst("gemeenten", codes, codes), key="ovz_gemeenten")
zet_url(gemeenten=keuze)
if not keuze:
    st.info("Kies ten minste één gemeente.")
    st.stop()

overzicht = haal("overzicht", keuze)  # op volgorde van kopindicator, daarbinnen van gemeente
for thema, per_thema in groupby(overzicht, key=lambda r: r["thema"]):
    st.subheader(thema.capitalize())
    for _, rijen in groupby(per_thema, key=lambda r: (r["indicator_code"], r["leeftijd"])):
        rijen = list(rijen)
        eerste = rijen[0]
        leeftijd = "" if eerste["leeftijd"] == "totaal" else f" ({eerste['leeftijd']})"
        st.markdown(f"**{als_tekst(eerste['indicator_naam'] + leeftijd)}** · {als_tekst(eerste['eenheid'])}")
        for kolom, rij in zip(st.columns(len(keuze)), rijen):
            tegel = teksten.kaart(rij)
            kolom.metric(rij["regio_naam"], tegel["waarde"], tegel["delta"], delta_color=tegel["delta_kleur"],
                         border=True)
            kolom.caption(als_tekst(tegel["toelichting"]))
        bronregel([r["bron"] for r in rijen])
        naar_indicator(eerste["indicator_code"])

# pas gemaakt als iemand de tabel openklapt: st.dataframe laadt pandas, en dat hoort niet bij de eerste pagina
with st.expander("Tabel met alle cijfers en bronnen", key="ovz_tabel", on_change="rerun") as tabel:
    if tabel.open:
        from kompas import tabellen

        st.dataframe(tabellen.overzicht_tabel(overzicht), hide_index=True, width="stretch")
