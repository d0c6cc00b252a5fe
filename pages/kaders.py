"""Kaders: de eigen kaders, doelen en indicatoren van een gemeente, met trend, streefwaarde en status."""

import datetime as dt

import streamlit as st

from kompas import tabellen, teksten
from kompas.lezen import gemeenten, kader_boom, reeks
from kompas.weergave import (
    als_tekst,
    bronregel,
    kies_vergelijkingsgroep,
    naar_indicator,
    rapport_knoppen,
    toon_kadertrend,
    toon_tabel,
    toon_vergelijkingsgroep,
    toon_waarden_tabel,
    url_waarde,
    via_app,
    zet_url,
)

via_app()

st.title("Kaders, doelen en indicatoren")

regios = gemeenten()
namen = dict(zip(regios["regio_code"], regios["regio_naam"]))
ggd = dict(zip(regios["regio_code"], regios["ggd_regio_code"]))
gemeente = st.selectbox(
    "Gemeente",
    list(namen),
    format_func=namen.get,
    key="kdr_gemeente",
    placeholder="Kies een gemeente",
    index=list(namen).index(url_waarde("gemeente", tabellen.focus(regios)["regio_code"][0], list(namen))),
)
boom = kader_boom(gemeente)
if boom.is_empty():  # een gemeente zonder kaderdocument (bijvoorbeeld net toegevoegd in data/regio.csv)
    zet_url(gemeente=gemeente)
    st.info(teksten.geen_kaders(namen[gemeente]))
    st.stop()
huidig_jaar = dt.date.today().year
# eerst het document (nieuwste eerst), dan het kader daarin; een gedeelde link met ?kader= kiest beide
documenten = {d["document"]: d for d in tabellen.documenten(boom)}
uit_url = boom.filter(boom["kader_id"] == st.query_params.get("kader", ""))["document"].to_list()
document = st.selectbox(
    "Document",
    list(documenten),
    key="kdr_document",
    placeholder="Kies een document",
    index=list(documenten).index(uit_url[0] if uit_url else next(iter(documenten))),
    format_func=lambda d: (
        f"{d} ({teksten.looptijd_tekst(documenten[d]['geldig_van'], documenten[d]['geldig_tot'], huidig_jaar)})"
    ),
)
van_document = boom.filter(boom["document"] == document)
labels = dict(van_document.select("kader_id", "kader_naam").unique(maintain_order=True).iter_rows())
kader = st.selectbox(
    "Kader, opgave of beleidsveld",
    list(labels),
    format_func=labels.get,
    key="kdr_kader",
    placeholder="Kies een kader",
    index=list(labels).index(url_waarde("kader", tabellen.standaard_kader(van_document), list(labels))),
)
zet_url(gemeente=gemeente, kader=kader)

van_kader = van_document.filter(van_document["kader_id"] == kader)
kop = van_kader.row(0, named=True)
st.caption(  # de naam voluit: op een telefoon kapt de keuzelijst haar af
    als_tekst(
        f"{kop['kader_naam']} — {kop['kader_niveau']} uit: {kop['document']}, "
        f"{teksten.looptijd_tekst(kop['geldig_van'], kop['geldig_tot'], huidig_jaar)}"
    )
)
if kop["kader_omschrijving"]:
    st.write(als_tekst(kop["kader_omschrijving"]))
rapport_knoppen(gemeente, namen[gemeente], kader)

codes = van_kader["indicator_code"].drop_nulls().unique().sort().to_list()
reeksen = reeks(codes, [gemeente, ggd[gemeente]])
groep = kies_vergelijkingsgroep("kdr", codes, namen, [gemeente])
st.header("Doelen en indicatoren")
for (_,), doel in van_kader.group_by("doel_id", maintain_order=True):
    eerste = doel.row(0, named=True)
    st.subheader(als_tekst(eerste["doel_naam"]))
    st.markdown(
        "Status van het doel: "
        + teksten.doel_status_tekst(
            eerste["doel_status"], eerste["doel_beoordeeld"], eerste["doel_indicatoren"], icoon=True
        )
    )
    for rij in doel.filter(doel["kader_indicator_id"].is_not_null()).iter_rows(named=True):
        with st.container(border=True):
            st.markdown(
                f"**{als_tekst(rij['omschrijving'])}** — "
                + teksten.status_tekst(rij["status"], rij["status_reden"], rij["nulmeting_jaar"], icoon=True)
            )
            st.caption(
                als_tekst(
                    f"Nulmeting: {teksten.nulmeting_tekst(rij)} · Streefwaarde: "
                    f"{teksten.streefwaarde_tekst(rij['streefwaarden'])}"
                )
            )
            if not rij["indicator_code"]:
                st.caption(als_tekst(rij["toelichting"] or "Geen meetbare indicator gekoppeld."))
                continue
            naar_indicator(rij["indicator_code"])
            trend = tabellen.deel(reeksen, indicator_code=rij["indicator_code"], leeftijd=rij["leeftijd"])
            if trend.filter(trend["regio_code"] == gemeente)["waarde"].drop_nulls().is_empty():
                st.info(f"Geen gegevens voor {namen[gemeente]}. " + teksten.hoe_aanvullen(rij["indicator_soort"]))
            if not trend["waarde"].drop_nulls().is_empty():
                band = tabellen.groep_band(tabellen.groep_leden_bij(groep.banden, trend, rij["indicator_code"]))
                toon_kadertrend(trend, rij, namen[gemeente], groep=band)
                bronregel(trend["bron"].to_list())
                toon_vergelijkingsgroep(
                    groep,
                    band,
                    trend,
                    indicator_code=rij["indicator_code"],
                    indicator_soort=rij["indicator_soort"],
                    bestandsnaam=f"{rij['indicator_code']}_{gemeente}",
                    sleutel=f"kdr_{rij['kader_indicator_id']}",
                )
                with st.expander("Tabel bij de grafiek"):
                    toon_waarden_tabel(trend)
    with st.expander("Alle indicatoren van dit doel als tabel"):
        toon_tabel(tabellen.kader_tabel(doel.filter(doel["kader_indicator_id"].is_not_null())))
