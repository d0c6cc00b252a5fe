"""Vergelijken: de gemeenten en Nederland naast elkaar, per indicator met dezelfde schaal."""

import streamlit as st

from kompas import tabellen, teksten
from kompas.lezen import gemeenten, indicatoren, vergelijking
from kompas.weergave import (
    bronregel,
    kies_vergelijkingsgroep,
    toon_panelen,
    toon_vergelijkingsgroep,
    toon_waarden_tabel,
    url_lijst,
    url_waarde,
    via_app,
    zet_url,
)

via_app()

st.title("Vergelijken")
st.write("Kies indicatoren en jaren. Elk paneel heeft dezelfde schaal en elke gemeente overal dezelfde kleur.")

register = indicatoren()
met_cijfers = register.filter(register["aantal_waarden"] > 0)
namen = dict(zip(met_cijfers["indicator_code"], met_cijfers["naam"]))
codes = list(namen)
gekozen = st.multiselect(
    "Indicatoren",
    codes,
    format_func=namen.get,
    key="vgl_indicatoren",
    placeholder="Kies een of meer indicatoren",
    default=url_lijst("indicatoren", ["ervaren_gezondheid_pct", "mantelzorger_pct"], codes),
)
van, tot = st.select_slider(
    "Jaren",
    options=list(range(2010, 2027)),
    key="vgl_jaren",
    value=(
        int(url_waarde("van", "2012", [str(j) for j in range(2010, 2027)])),
        int(url_waarde("tot", "2026", [str(j) for j in range(2010, 2027)])),
    ),
)
leeftijden = ["18+", "19+", "65+", "18-64", "19-64", "jongvolwassenen", "totaal"]
leeftijd = st.multiselect(
    "Leeftijdsgroepen (definities blijven aparte lijnen)",
    leeftijden,
    key="vgl_leeftijd",
    placeholder="Kies een of meer leeftijdsgroepen",
    default=url_lijst("leeftijd", ["18+", "19+", "totaal"], leeftijden),
)
zet_url(indicatoren=gekozen, van=van, tot=tot, leeftijd=leeftijd)

alle_gemeenten = gemeenten()
gemeente_rijen = tabellen.focus(alle_gemeenten)
regios = gemeente_rijen["regio_code"].to_list()  # Nederland komt er in de query bij
alle_waarden = vergelijking(gekozen, regios, van, tot)
alle_waarden = alle_waarden.filter(alle_waarden["leeftijd"].is_in(leeftijd))
namen_gemeenten = dict(zip(alle_gemeenten["regio_code"], alle_gemeenten["regio_naam"]))
groep = kies_vergelijkingsgroep("vgl", gekozen, namen_gemeenten, regios)
for code in gekozen:
    info = met_cijfers.row(codes.index(code), named=True)
    waarden = tabellen.deel(alle_waarden, indicator_code=code)
    if waarden["waarde"].drop_nulls().is_empty():
        st.info(f"{info['naam']}: geen gegevens in {van}–{tot}. " + teksten.hoe_aanvullen(info["indicator_soort"]))
        continue
    band = tabellen.groep_band(tabellen.groep_leden_bij(groep.banden, waarden, code))
    toon_panelen(
        waarden,
        titel=f"{info['naam']} ({info['eenheid']})",
        eenheid=info["eenheid"],
        decimalen=info["decimalen"],
        regios=gemeente_rijen["regio_naam"].to_list(),
        groep=band,
    )
    bronregel(waarden["bron"].to_list())
    toon_vergelijkingsgroep(
        groep,
        band,
        waarden,
        indicator_code=code,
        indicator_soort=info["indicator_soort"],
        bestandsnaam=f"{code}_vergelijking",
        sleutel=f"vgl_{code}",
    )
    with st.expander(f"Tabel: {info['naam']}"):
        toon_waarden_tabel(waarden)
