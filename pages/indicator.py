"""Indicator: de trend voor de gemeenten, hun GGD-regio's en Nederland; definitie, eenheid, bron en licentie;
elke waarde met zijn herkomst; downloaden als CSV of Excel."""

import streamlit as st

from kompas import tabellen, teksten
from kompas.lezen import gemeenten, indicator_aantal_waarden, indicator_alle_waarden, indicatoren, reeks
from kompas.weergave import (
    als_tekst,
    bronregel,
    indicator_downloads,
    toon_tabel,
    toon_trend,
    toon_waarden_tabel,
    url_waarde,
    via_app,
    zet_url,
)

via_app()

st.title("Indicator")

register = indicatoren()
namen = dict(zip(register["indicator_code"], register["naam"]))
codes = list(namen)
code = st.selectbox(
    "Indicator",
    codes,
    format_func=namen.get,
    key="ind_indicator",
    placeholder="Kies een indicator",
    index=codes.index(url_waarde("indicator", "ervaren_gezondheid_pct", codes)),
)
zet_url(indicator=code)
info = register.row(codes.index(code), named=True)

st.header(info["naam"])
st.write(als_tekst(info["definitie"]))

# de trend: alleen voorkeurswaarden, voor de focusgemeenten, hun GGD-regio's en Nederland
focusgemeenten = tabellen.focus(gemeenten())["regio_code"].to_list()
trend = reeks([code], focusgemeenten)
groepen = tabellen.leeftijden(trend)
if groepen:  # één definitie tegelijk in de grafiek (18+ en 19+ zijn verschillende reeksen); de rest in de tabel
    leeftijd = (
        st.segmented_control(
            "Leeftijdsgroep", groepen, key="ind_leeftijd", default=url_waarde("leeftijd", groepen[0], groepen)
        )
        or groepen[0]
    )
    zet_url(indicator=code, leeftijd=leeftijd)
    trend = tabellen.deel(trend, leeftijd=leeftijd)
    toon_trend(
        trend,
        titel=f"{info['naam']} ({info['eenheid']}, {leeftijd})",
        eenheid=info["eenheid"],
        decimalen=info["decimalen"],
    )
    bronregel(trend["bron"].to_list())
    with st.expander("Tabel bij de grafiek"):
        toon_waarden_tabel(trend)

richting = {"hoger": "hoger is beter", "lager": "lager is beter", "neutraal": "geen goede richting"}
kenmerken = {
    "Eenheid": info["eenheid"],
    "Goede richting": richting[info["goede_richting"]],
    "Soort": info["indicator_soort"],
    "Bron": info["bron"],
    "Tabel en kolom": " · ".join(t for t in (info["bron_tabel"], info["bron_kolom"]) if t) or "–",
    "Licentie": info["licentie"],
    "Berekening": info["berekening"] or "–",
    "Toelichting": info["toelichting"] or "–",
}
st.table({"Kenmerk": list(kenmerken), "Waarde": list(kenmerken.values())})

# op de pagina de waarden van de focusgemeenten, hun wijken, hun GGD-regio's en Nederland; alle regio's in de downloads
aantal = indicator_aantal_waarden(code)["aantal_waarden"][0]
if not aantal:
    st.info("Geen gegevens voor deze indicator. " + teksten.hoe_aanvullen(info["indicator_soort"], info["bron_tabel"]))
    st.stop()
waarden = indicator_alle_waarden(code, focusgemeenten)
st.header("Alle waarden met hun herkomst")
st.write(teksten.alle_waarden_tekst(len(waarden), waarden["herkomst_id"].n_unique(), aantal))
if not waarden.is_empty():
    tabel = tabellen.alle_waarden_tabel(waarden, met_indicator=False)
    toon_tabel(tabellen.leesbaar(tabel, info["decimalen"], tabellen.waarde_decimalen(waarden)))
# de bestanden worden pas gelezen en gemaakt als iemand klikt, niet bij elke rerun
indicator_downloads(code, info["naam"], info["decimalen"])
