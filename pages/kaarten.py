"""Kaarten: alle gemeenten van Nederland voor een indicator en een jaar (de gemeenten van het kompas omlijnd), en
de wijken van een gemeente. Onder elke kaart de tabel met de cijfers, de bron en de herkomst van de kaart."""

import streamlit as st

from kompas import tabellen, teksten
from kompas.lezen import gemeenten, kaartindicatoren, kaartwaarden
from kompas.weergave import toon_kaart, url_waarde, via_app, zet_url

via_app()

st.title("Kaarten")
st.write(
    "Kies een indicator en een jaar. Gemeenten en wijken zonder cijfer zijn grijs: geen gegevens. "
    "De cijfers van elke kaart staan in de tabel eronder."
)

keuzes = kaartindicatoren()
namen = dict(zip(keuzes["indicator_code"], keuzes["indicator_naam"]))
codes = sorted(namen, key=namen.get)
code = st.selectbox(
    "Indicator",
    codes,
    format_func=namen.get,
    key="krt_indicator",
    placeholder="Kies een indicator",
    index=codes.index(url_waarde("indicator", "inwoners" if "inwoners" in codes else codes[0], codes)),
)
info = tabellen.deel(keuzes, indicator_code=code).row(0, named=True)


def kaartjaren(regio_soort: str) -> list[int]:
    """De peiljaren met cijfers voor `regio_soort` van deze indicator, het laatste eerst."""
    return sorted(
        tabellen.deel(keuzes, indicator_code=code, regio_soort=regio_soort)["peiljaar"].to_list(), reverse=True
    )


def kies_jaar(label: str, sleutel: str, jaren: list[int], standaard: int) -> int:
    return st.selectbox(
        label,
        jaren,
        key=f"krt_{sleutel}",
        placeholder="Kies een jaar",
        index=jaren.index(int(url_waarde(sleutel, str(standaard), [str(j) for j in jaren]))),
    )


# Elke kaart haar eigen jaar: wijkcijfers (Kerncijfers wijken en buurten) lopen vaak een jaar achter op de
# gemeentecijfers, en een grijze wijkkaart bij het laatste gemeentejaar zegt 'geen gegevens' waar ze er wel zijn.
gemeentejaren = kaartjaren("gemeente") or kaartjaren("wijk")
jaar = kies_jaar("Jaar van de gemeentekaart", "jaar", gemeentejaren, gemeentejaren[0])
gemeente_rijen = gemeenten()
gemeente_namen = dict(zip(gemeente_rijen["regio_code"], gemeente_rijen["regio_naam"]))
gemeente_codes = list(gemeente_namen)
gemeente = st.selectbox(
    "Gemeente voor de wijkkaart",
    gemeente_codes,
    format_func=gemeente_namen.get,
    key="krt_gemeente",
    placeholder="Kies een gemeente",
    index=gemeente_codes.index(url_waarde("gemeente", gemeente_codes[0], gemeente_codes)),
)

wijkjaren = kaartjaren("wijk")
wijkjaar = jaar
if wijkjaren:  # het jaar van de gemeentekaart als de wijken het hebben, anders het laatste wijkjaar ervoor
    standaard = next((j for j in wijkjaren if j <= jaar), wijkjaren[-1])
    wijkjaar = kies_jaar("Jaar van de wijkkaart", "wijkjaar", wijkjaren, standaard)

op_kaart = kaartwaarden(code, jaar, gemeente)
per_gemeente = tabellen.deel(op_kaart, regio_soort="gemeente")
per_wijk = tabellen.deel(op_kaart if wijkjaar == jaar else kaartwaarden(code, wijkjaar, gemeente), regio_soort="wijk")
groepen = tabellen.leeftijden(per_gemeente.vstack(per_wijk))
leeftijd = None
if len(groepen) > 1:  # één definitie tegelijk op de kaart; 18+ en 65+ zijn verschillende cijfers
    leeftijd = (
        st.segmented_control(
            "Leeftijdsgroep", groepen, key="krt_leeftijd", default=url_waarde("leeftijd", groepen[0], groepen)
        )
        or groepen[0]
    )
elif groepen:
    leeftijd = groepen[0]
zet_url(
    indicator=code,
    jaar=jaar,
    gemeente=gemeente,
    **({"wijkjaar": wijkjaar} if wijkjaren else {}),
    **({"leeftijd": leeftijd} if leeftijd else {}),
)
if leeftijd:
    per_gemeente = tabellen.deel(per_gemeente, leeftijd=leeftijd)
    per_wijk = tabellen.deel(per_wijk, leeftijd=leeftijd)


def bij(kaartjaar: int) -> str:
    return f"{info['eenheid']}, {kaartjaar}" + (f", {leeftijd}" if leeftijd else "")


st.header("Gemeenten")
toon_kaart(
    per_gemeente,
    titel=f"{info['indicator_naam']} per gemeente ({bij(jaar)})",
    eenheid=info["eenheid"],
    decimalen=info["decimalen"],
    focus=gemeente_codes,
    zonder_gegevens=f"Geen gegevens voor gemeenten in {jaar}. " + teksten.hoe_aanvullen(info["indicator_soort"]),
)

st.header(f"Wijken van {gemeente_namen[gemeente]}")
toon_kaart(
    per_wijk,
    titel=f"{info['indicator_naam']} per wijk van {gemeente_namen[gemeente]} ({bij(wijkjaar)})",
    eenheid=info["eenheid"],
    decimalen=info["decimalen"],
    gemeente_code=gemeente,
    zonder_gegevens=f"Geen gegevens voor de wijken van {gemeente_namen[gemeente]} in {wijkjaar}. "
    + teksten.hoe_aanvullen(info["indicator_soort"]),
)
