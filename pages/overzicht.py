"""Overzicht: hoe staan we ervoor? Per thema de cijfers die er zijn voor de gekozen gemeenten, met Nederland
ernaast; wat ontbreekt staat per thema in één regel. Bovenaan de doelen uit de eigen kaders per gemeente.

De tabel komt pas bij openklappen (st.dataframe laadt pandas; dat hoort niet bij de eerste pagina).
"""

import datetime as dt

import streamlit as st

from kompas import tabellen, teksten
from kompas.lezen import doelen_telling, gemeenten, overzicht, vergelijkingsgroep_banden
from kompas.weergave import als_tekst, bronregel, naar_indicator, url_lijst, via_app, zet_url

via_app()

st.title("Hoe staan we ervoor?")
st.write(
    "Per thema de laatst bekende cijfers van de gekozen gemeenten, met het landelijk cijfer van hetzelfde jaar "
    "en de verandering sinds de vorige meting. Groen: de goede kant op; rood: de verkeerde kant op."
)

regios = gemeenten()
namen = dict(zip(regios["regio_code"], regios["regio_naam"]))
codes = list(namen)
keuze = st.pills(
    "Gemeenten",
    codes,
    selection_mode="multi",
    format_func=namen.get,
    default=url_lijst("gemeenten", tabellen.focus(regios)["regio_code"].to_list(), codes),
    key="ovz_gemeenten",
)
zet_url(gemeenten=keuze)
if not keuze:
    st.info("Kies ten minste één gemeente.")
    st.stop()

huidig_jaar = dt.date.today().year
st.header("Doelen uit de eigen kaders")
for kolom, telling in zip(st.columns(len(keuze)), doelen_telling(keuze).iter_rows(named=True)):
    with kolom.container(border=True):
        st.markdown(f"**{als_tekst(namen[telling['gemeente_code']])}**")
        looptijd = teksten.looptijd_tekst(telling["geldig_van"], telling["geldig_tot"], huidig_jaar)
        st.caption(als_tekst(f"{telling['document']}, {looptijd}: {telling['aantal_doelen']} doelen"))
        st.markdown("  \n".join(teksten.doelen_telling_regels(telling)))
        st.page_link(
            "pages/kaders.py",
            label=f"Naar de kaders van {namen[telling['gemeente_code']]}",
            query_params={"gemeente": telling["gemeente_code"]},
            icon=":material/account_tree:",
        )

kerncijfers = overzicht(keuze)  # op volgorde van kopindicator, daarbinnen van gemeente
groep_cijfers = vergelijkingsgroep_banden(kerncijfers["indicator_code"].unique().sort().to_list(), keuze)
st.header("Cijfers per thema")
themas = teksten.overzicht_per_thema(kerncijfers, [namen[c] for c in keuze])
# per tegel de rij van de gemeente in haar grootteklasse; zonder rang (te weinig leden) één regel voor de pagina
groep_bij = tabellen.groep_bij_tegels(themas, groep_cijfers)
for regel in teksten.te_weinig_tegels_tekst(themas, groep_bij):
    st.caption(als_tekst(regel))
for thema in themas:
    st.subheader(thema["thema"].capitalize())
    for ind in thema["indicatoren"]:
        st.markdown(f"**{als_tekst(ind['kop'])}**")
        rijen = [r for r in ind["rijen"] if r]
        groepen = [groep_bij.get((ind["indicator_code"], ind["leeftijd"], r["regio_code"])) for r in rijen]
        met_rang = [g if g and g["band"] else None for g in groepen]  # zonder rang: de regel boven de thema's
        for kolom, rij, groep in zip(st.columns(len(keuze)), rijen, met_rang):
            tegel = teksten.kaart(rij, huidig_jaar)
            delta = tegel["verandering"] or {}
            kolom.metric(
                rij["regio_naam"],
                tegel["waarde"],
                delta.get("tekst"),
                border=True,
                delta_color=delta.get("kleur", "gray"),
                delta_arrow=delta.get("pijl", "off"),
                delta_description=delta.get("toelichting"),
            )
            kolom.caption(als_tekst(tegel["toelichting"]))
            if groep:
                kolom.caption(als_tekst(teksten.groep_tegel_tekst(groep)))
        bronregel([r["bron"] for r in rijen])
        if any(met_rang):
            st.caption(als_tekst(teksten.GROEP_BRON))
        naar_indicator(ind["indicator_code"], label=f"Trend en alle cijfers: {ind['kop']}")
    if thema["ontbrekend"]:
        st.caption(als_tekst(thema["ontbrekend"]))

# pas gemaakt als iemand de tabel openklapt: st.dataframe laadt pandas, en dat hoort niet bij de eerste pagina
with st.expander("Tabel met alle cijfers en bronnen", key="ovz_tabel", on_change="rerun") as tabel:
    if tabel.open:
        from kompas import tabellen

        st.dataframe(tabellen.overzicht_tabel(kerncijfers), hide_index=True, width="stretch")
