"""Streamlit-laag voor het tonen: grafieken (`toon_trend`, `toon_panelen`), databasefouten als Nederlandse
melding, de URL-toestand, de bronregel en links tussen pagina's.

Pagina's lezen hun gegevens met kompas.lezen (gecachte leesfuncties) en tonen ze met dit, kompas.tabellen en
kompas.teksten; SQL en rekenwerk zitten in kompas.gegevens en queries/.
"""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import functools
import logging
import pickle
import re
from collections.abc import Sequence
from typing import Any

import duckdb
import polars as pl
import streamlit as st

from kompas.db import DatabaseFout, database_fout


def via_app() -> None:
    """Zorgt dat een pagina via app.py draait (st.navigation, paginaconfiguratie, zijbalk). Eerste regel van elke pagina.

    Streamlit behandelt de map `pages/` naast app.py als een oude multipage-app (v1) zolang app.py in dit
    proces nog geen st.navigation heeft aangeroepen. Opent iemand na een herstart als eerste een gedeelde
    link (/kaders?gemeente=GM0303&...), dan draait Streamlit pages/kaders.py los: zonder onze navigatie,
    brede opmaak en zijbalk, en dat blijft zo voor die sessie. Dan zetten we die oude modus uit en beginnen
    de run opnieuw, nu via app.py. De url_path van een st.Page is gelijk aan de bestandsnaam (een pad dat
    niet op een bestand lijkt, zoals /over-de-data, laat Streamlit zelf al via app.py lopen), dus dezelfde
    pagina met dezelfde URL-parameters opent (tests/test_browser.py: gedeelde link na herstart).

    Een ondersteunde manier is er niet (nagekeken tegen Streamlit 1.67.0, zie requirements.txt): de modus volgt
    alleen uit het bestaan van `pages/` naast het startscript (PagesManager.__init__) en alleen st.navigation zet
    hem uit; `client.showSidebarNavigation` verbergt alleen de navigatie. De documentatie van st.navigation:
    "As soon as any session of your app executes the st.navigation command, your app will ignore the pages/
    directory (across all sessions)." Daarom dit privé-attribuut, op deze ene plek
    (tests/test_paginas.py bewaakt de versie en het attribuut).
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


_LEESFOUTEN = (duckdb.IOException, duckdb.SerializationException, duckdb.InternalException, OSError)


@contextlib.contextmanager
def databasefouten():
    """De ene plek waar een pagina databasefouten opvangt: een Nederlandse melding (wat er mis is, wat te
    doen) en de pagina stopt; nooit een traceback. Ook om een schrijfactie heen (uploaden, intrekken)."""
    try:
        yield
    except DatabaseFout as fout:
        st.error(str(fout))
        st.stop()
    except _LEESFOUTEN as fout:
        st.error(str(database_fout(fout, schrijven=False)))  # een kapot bestand dat pas bij het lezen opvalt
        st.stop()


def _arrow_datasets(spec: dict) -> dict:
    """De datasets van een Vega-Lite-specificatie (rijen als dicts) alvast als Arrow IPC-bytes, met dezelfde
    omzetting die `st.vega_lite_chart` anders bij elke weergave doet (streamlit.dataframe_util, via pandas; bytes
    neemt ze ongewijzigd over). In een gecachte specificatie gebeurt dat zo één keer, niet bij elke rerun."""
    from streamlit import dataframe_util

    if "datasets" in spec:
        spec["datasets"] = {
            naam: rijen if isinstance(rijen, bytes) else dataframe_util.convert_anything_to_arrow_bytes(rijen)
            for naam, rijen in spec["datasets"].items()
        }
    return spec


def _frame_sleutel(frame: pl.DataFrame) -> bytes:
    """De cachesleutel van een polars-frame: het hele frame (alle cellen, met kolomnamen en typen). Streamlit's eigen
    sleutel kijkt alleen naar de eerste en laatste tien rijen (en een steekproef bij grote frames): een ander cijfer
    midden in een reeks gaf dan de grafiek van het oude cijfer terug (tests/test_grafieken.py).

    Als pickle (polars' eigen binaire vorm van het frame): ~0,2 ms voor een reeks van Kaders, waar `write_ipc` (in
    polars 2 via de lazy engine) ~1 ms kost; op Kaders rekent een rerun ~27 sleutels uit."""
    return pickle.dumps(frame, protocol=pickle.HIGHEST_PROTOCOL)


# voor elke gecachte functie die een frame krijgt
_FRAMES = {pl.DataFrame: _frame_sleutel}


@st.cache_data(ttl=3600, max_entries=512, show_spinner=False, hash_funcs=_FRAMES)
def _trend_spec(reeks: pl.DataFrame, opties: dict[str, Any], groep: pl.DataFrame | None = None) -> dict:
    from kompas import grafieken

    return _arrow_datasets(grafieken.weergave_spec(grafieken.trend(reeks, groep=groep, **opties)))


def toon_trend(
    reeks: pl.DataFrame,
    *,
    titel: str,
    eenheid: str,
    decimalen: int = 1,
    nulmeting: dict | None = None,
    streefwaarden: list[dict] | None = None,
    regio: str | None = None,
    groep: pl.DataFrame | None = None,
) -> None:
    """Toont `kompas.grafieken.trend` (dezelfde parameters) met de Nederlandse locale.

    De Vega-Lite-specificatie wordt gecachet op de gegevens en opties: een rerun bouwt geen Altair-grafiek
    opnieuw op (dat kost ~100 ms per grafiek).
    """
    opties = {
        "titel": titel,
        "eenheid": eenheid,
        "decimalen": decimalen,
        "nulmeting": nulmeting,
        "streefwaarden": streefwaarden,
        "regio": regio,
    }
    # voor schermlezers: wat de grafiek toont en waar de cijfers als tekst staan
    beschrijving = f"Grafiek: {titel}. De cijfers staan in de tabel onder de grafiek."
    st.vega_lite_chart(_trend_spec(reeks, opties, groep), width="stretch", alt=beschrijving)


def toon_kadertrend(reeks: pl.DataFrame, rij: dict, regio: str, groep: pl.DataFrame | None = None) -> None:
    """De trend van één kaderindicator (een rij van afgeleid.kader_indicatoren) van gemeente `regio`, met dezelfde
    opties als in de raadsrapportage (`kompas.grafieken.kaderindicator_opties`)."""
    from kompas import grafieken

    toon_trend(reeks, **grafieken.kaderindicator_opties(rij, regio), groep=groep)


@st.cache_data(ttl=3600, max_entries=256, show_spinner=False, hash_funcs=_FRAMES)
def _kaart_spec(waarden: pl.DataFrame, opties: dict[str, Any]) -> dict:
    from kompas import grafieken

    rest = {sleutel: waarde for sleutel, waarde in opties.items() if sleutel != "gemeente_code"}
    if opties.get("gemeente_code"):
        kaart = grafieken.wijkkaart(waarden, opties["gemeente_code"], **rest)
    else:
        kaart = grafieken.gemeentekaart(waarden, **rest)
    return grafieken.weergave_spec(kaart)


def toon_kaart(
    waarden: pl.DataFrame,
    *,
    titel: str,
    eenheid: str,
    decimalen: int = 1,
    focus: Sequence[str] = (),
    gemeente_code: str | None = None,
    zonder_gegevens: str = "Geen gegevens.",
) -> None:
    """Toont `kompas.grafieken.gemeentekaart` (met `focus`) of, met `gemeente_code`, `kompas.grafieken.wijkkaart`,
    met de Nederlandse locale, en eronder wat omlijnd en wat grijs is en de herkomst van de kaart
    (`grafieken.kaart_bijschrift`), dan de tabel met de cijfers (of `zonder_gegevens` als er geen zijn; wijken met
    hun naam op de kaart) en de bronregel. De specificatie wordt gecachet zoals bij `toon_trend`."""
    from kompas import grafieken

    opties: dict[str, Any] = {"titel": titel, "eenheid": eenheid, "decimalen": decimalen}
    opties.update({"gemeente_code": gemeente_code} if gemeente_code else {"focus": list(focus)})
    beschrijving = f"Kaart: {titel}. De cijfers staan in de tabel onder de kaart."
    st.vega_lite_chart(_kaart_spec(waarden, opties), width="stretch", alt=beschrijving)
    st.caption(als_tekst(grafieken.kaart_bijschrift(waarden, gemeente_code, focus)))
    if waarden.is_empty():  # een lege st.dataframe toont het Engelse 'empty'
        st.info(zonder_gegevens)
    else:  # zonder 'In de grafiek': dat gaat over de trendgrafiek (en haar trendbreuken), niet over de kaart
        tabel = waarden.drop("in_grafiek", strict=False)
        if gemeente_code:  # de wijknamen van de kaart: zonder '(wijk, gem. ...)', dat zegt de kop al
            namen = {f["properties"]["code"]: f["properties"]["naam"] for f in grafieken.wijkvormen(gemeente_code)}
            tabel = tabel.with_columns(
                pl.col("regio_code").replace_strict(namen, default=pl.col("regio_naam")).alias("regio_naam")
            )
        toon_waarden_tabel(tabel)
    bronregel(waarden["bron"].to_list())


# de hoogte van een paneel met titel, assen en leeftijdslegenda: in een rij (horizontale container) krijgt een
# grafiek anders geen hoogte en wordt ze platgedrukt
PANEELHOOGTE = 360


@st.cache_data(ttl=3600, max_entries=256, show_spinner=False, hash_funcs=_FRAMES)
def _panelen_spec(waarden: pl.DataFrame, opties: dict[str, Any], groep: pl.DataFrame | None = None) -> dict:
    from kompas import grafieken

    veelvoud = grafieken.kleine_veelvouden(waarden, groep=groep, **opties)
    return {
        **veelvoud,
        "panelen": [(naam, _arrow_datasets(grafieken.weergave_spec(paneel))) for naam, paneel in veelvoud["panelen"]],
    }


def toon_panelen(
    waarden: pl.DataFrame,
    *,
    titel: str,
    eenheid: str,
    decimalen: int = 1,
    regios: Sequence[str] = (),
    groep: pl.DataFrame | None = None,
) -> None:
    """Toont `kompas.grafieken.kleine_veelvouden` (dezelfde parameters): titel en ondertitel als tekst, dan de
    panelen naast elkaar, doorlopend op een volgende rij als het scherm te smal is (een telefoon: één paneel per
    rij). De specificaties worden gecachet zoals bij `toon_trend`."""
    veelvoud = _panelen_spec(
        waarden, {"titel": titel, "eenheid": eenheid, "decimalen": decimalen, "regios": list(regios) or None}, groep
    )
    st.markdown(f"**{als_tekst(veelvoud['titel'])}**")
    for regel in veelvoud["ondertitel"]:
        st.caption(als_tekst(regel))
    with st.container(horizontal=True, gap="medium"):
        for naam, spec in veelvoud["panelen"]:
            st.vega_lite_chart(
                spec,
                width="content",
                height=PANEELHOOGTE + veelvoud["extra_hoogte"].get(naam, 0),
                alt=f"Grafiek: {veelvoud['titel']}, {naam}. De cijfers staan in de tabel eronder.",
            )


def url_lijst(sleutel: str, standaard: list[str], toegestaan: list[str]) -> list[str]:
    """Een keuzelijst uit de URL (`?gemeenten=GM0148,GM0303`); onbekende waarden vallen weg."""
    ruw = st.query_params.get(sleutel)
    if not ruw:
        return [w for w in standaard if w in toegestaan]
    gekozen = [w for w in ruw.split(",") if w in toegestaan]
    return gekozen or [w for w in standaard if w in toegestaan]


def url_waarde(sleutel: str, standaard: str, toegestaan: list[str]) -> str:
    ruw = st.query_params.get(sleutel)
    return ruw if ruw in toegestaan else standaard


def zet_url(**waarden) -> None:
    """Schrijft de keuze terug in de URL, zodat een gekopieerde link dezelfde weergave opent."""
    for sleutel, waarde in waarden.items():
        tekst = ",".join(str(w) for w in waarde) if isinstance(waarde, (list, tuple)) else str(waarde)
        if st.query_params.get(sleutel) != tekst:
            st.query_params[sleutel] = tekst


_MARKDOWN_TEKENS = set("\\`*_{}[]()#+-.!|<>~$:")


# Streamlit's markdown (remark-gfm) maakt van 'https://', 'www.' en 'naam@domein' een link (target=_blank), ook
# na ontsnappen: dat gebeurt op de tekst nadat de escapes zijn opgelost. Een onzichtbare woordverbinder (U+2060)
# op die plekken breekt de herkenning; de tekst ziet er hetzelfde uit (tests/test_tekst_browser.py).
_AUTOLINK = re.compile(r"(?<=:)(?=//)|(?<=www)(?=\.)|(?=@)", re.IGNORECASE)


def als_tekst(tekst: str) -> str:
    """Ontsnapt markdown en breekt autolinks, zodat tekst uit een bron of bestand letterlijk verschijnt, als
    gewone tekst: geen opmaak, geen klikbare links."""
    tekst = _AUTOLINK.sub("\u2060", str(tekst))
    return "".join("\\" + t if t in _MARKDOWN_TEKENS else t for t in tekst)


def toon_tabel(tabel: pl.DataFrame) -> None:
    """Een tabel van kompas.tabellen (polars) over de volle breedte, zonder index. Als Arrow-tabel: st.dataframe
    stuurt die ongewijzigd door, waar een polars-frame bij elke rerun via pandas naar Arrow gaat (op Kaders met een
    tabel per indicator het grootste deel van een rerun); de kolommen en cellen zijn dezelfde."""
    st.dataframe(tabel.to_arrow(), hide_index=True, width="stretch")


@st.cache_data(ttl=3600, max_entries=512, show_spinner=False, hash_funcs=_FRAMES)
def _waarden_tabel_arrow(waarden: pl.DataFrame):
    from kompas import tabellen

    tabel = tabellen.waarden_tabel(waarden)
    if "indicator_naam" in waarden.columns and waarden["indicator_naam"].n_unique() == 1:
        tabel = tabel.drop("Indicator", strict=False)  # staat al in de titel erboven
    return tabel.to_arrow()


def toon_waarden_tabel(waarden: pl.DataFrame) -> None:
    """`toon_tabel(tabellen.waarden_tabel(waarden))`, de tabel bij een grafiek of kaart, gecachet op het hele frame
    (`_frame_sleutel`): een rerun maakt de tekst van elke cel niet opnieuw (op Kaders een tabel per indicator).
    Zonder de kolom Indicator als alle rijen dezelfde indicator zijn: haar naam staat in de titel van de grafiek of
    kaart, en als eerste kolom schoof ze op een telefoon de waarde buiten beeld (de downloads houden haar)."""
    st.dataframe(_waarden_tabel_arrow(waarden), hide_index=True, width="stretch")


def bronregel(bronnen: list[str]) -> None:
    """De bron onder een grafiek of tabel, als letterlijke tekst (nooit als HTML of markdown)."""
    uniek = list(dict.fromkeys(b for b in bronnen if b))
    st.caption(als_tekst("Bron: " + ("; ".join(uniek) if uniek else "geen gegevens")))


def indicator_link(code: str) -> str:
    """De relatieve URL van de indicatorpagina van één indicator: 'indicator?indicator=<code>'."""
    from urllib.parse import urlencode

    return "indicator?" + urlencode({"indicator": code})


def naar_indicator(code: str, label: str = "Trend en alle cijfers van deze indicator") -> None:
    """Een link naar de indicatorpagina met de indicator in de URL (`indicator_link`), voor een tegel of
    kaderindicator: een st.page_link, dus dezelfde tab, zonder de app opnieuw te laden."""
    st.page_link("pages/indicator.py", label=label, icon=":material/query_stats:", query_params={"indicator": code})


DOWNLOAD_MISLUKT = (
    "Het bestand kon niet worden gemaakt; er is niets gedownload. Probeer het opnieuw (laad zo nodig eerst de pagina "
    "opnieuw); lukt het dan nog niet, meld het de beheerder."
)
_LOG = logging.getLogger(__name__)
# De Nederlandse melding van een mislukte download, van de maker (in de thread van Streamlit) naar de afhandeling van
# de klik (`_downloadfouten_in_het_nederlands`): asyncio.to_thread geeft de context mee, de lijst is gedeeld.
_downloadmelding: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar("downloadmelding", default=None)


def _bij_de_klik(maker):
    """`maker`, maar een fout wordt gelogd en krijgt haar Nederlandse melding mee voor onder de knop."""

    @functools.wraps(maker)
    def maak():
        try:
            return maker()
        except Exception as fout:
            _LOG.exception("Downloadbestand maken mislukt")
            if isinstance(fout, (DatabaseFout, *_LEESFOUTEN)):
                tekst = str(database_fout(fout, schrijven=False))
            else:
                tekst = DOWNLOAD_MISLUKT
            melding = _downloadmelding.get()
            if melding is not None:
                melding.append(tekst)
            raise

    return maak


def _downloadfouten_in_het_nederlands() -> None:
    """Streamlit zet onder een downloadknop waarvan het bestand bij de klik niet te maken was een vaste Engelse tekst
    ('Failed to generate file for download'); een instelling of API daarvoor is er niet (nagekeken tegen Streamlit
    1.67.0: DeferredFileHandler.handle in streamlit.runtime.backend_operation_handler). Deze omhulling van die ene
    methode zet er de Nederlandse melding van `_bij_de_klik` voor in de plaats, of anders DOWNLOAD_MISLUKT.
    tests/test_paginas.py (de echte afhandeling) en tests/test_browser.py (de knop) bewaken dit."""
    from streamlit.runtime.backend_operation_handler import DeferredFileHandler

    origineel = DeferredFileHandler.handle
    if getattr(origineel, "kompas", False):
        return

    @functools.wraps(origineel)
    async def handle(self, request, session_id):
        melding: list[str] = []
        teken = _downloadmelding.set(melding)
        try:
            antwoord = await origineel(self, request, session_id)
        finally:
            _downloadmelding.reset(teken)
        if antwoord.error_msg:
            antwoord.error_msg = melding[0] if melding else DOWNLOAD_MISLUKT
        return antwoord

    handle.kompas = True
    DeferredFileHandler.handle = handle


_downloadfouten_in_het_nederlands()


def download_knop(plek, label: str, maker, *, file_name: str, mime: str, **opties) -> None:
    """Een downloadknop die het bestand pas maakt als iemand klikt, niet bij elke rerun van de pagina.

    `maker` is een functie zonder argumenten die de bytes geeft; `st.download_button` met een functie als `data`
    roept haar pas bij de klik aan, in een eigen thread. Ze mag dus geen Streamlit-functies aanroepen (ook geen
    gecachte leesfuncties van kompas.lezen): geef haar wat ze nodig heeft al gelezen mee, of lees met de gedeelde
    leesverbinding. De klik start geen rerun (`on_click="ignore"`). `plek`: st, een kolom of een container;
    `opties` (key, icon, ...) gaan ongewijzigd naar `download_button`. Mislukt het maken, dan staat onder de knop een
    Nederlandse melding (`_bij_de_klik`, `_downloadfouten_in_het_nederlands`), nooit een Engelse of een traceback.
    """
    plek.download_button(label, _bij_de_klik(maker), on_click="ignore", file_name=file_name, mime=mime, **opties)


def indicator_downloads(code: str, naam: str, decimalen: int) -> None:
    """De downloads van de indicatorpagina: elke waarde van de indicator in elke regio en bron, met herkomst, als CSV
    en als Excel. De volledige tabel (op een landelijke database tienduizenden rijen) wordt pas gelezen en gemaakt
    als iemand klikt (`download_knop`), met de gedeelde leesverbinding; de pagina zelf toont een deel."""
    from kompas import gegevens, tabellen
    from kompas.lezen import gedeelde_leesverbinding  # kompas.lezen importeert deze module

    gedeeld = gedeelde_leesverbinding()

    def waarden():
        return gegevens.indicator_alle_waarden(gedeeld.cursor(), code)

    def xlsx() -> bytes:  # elke cel met de decimalen van haar cijfer (tabellen.waarde_decimalen), zoals op de pagina
        w = waarden()
        return tabellen.als_xlsx(tabellen.alle_waarden_tabel(w), naam, decimalen, tabellen.waarde_decimalen(w))

    links, rechts = st.columns(2)
    download_knop(
        links,
        "Download CSV",
        lambda: tabellen.als_csv(tabellen.alle_waarden_tabel(waarden())),
        file_name=f"{code}.csv",
        mime="text/csv",
    )
    download_knop(
        rechts,
        "Download Excel",
        xlsx,
        file_name=f"{code}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def rapport_knoppen(gemeente: str, gemeente_naam: str, kader: str) -> None:
    """De raadsrapportage als download: PDF en Excel van het gekozen kader en van alle kaders van de gemeente.

    Het bestand wordt pas gemaakt als iemand klikt (`download_knop`), dus de pagina zelf wordt er niet trager van.
    De functie leest met de gedeelde leesverbinding, niet met Streamlit-functies (die doen in die thread niets).
    """
    from kompas import rapport
    from kompas.lezen import gedeelde_leesverbinding  # kompas.lezen importeert deze module

    gedeeld = gedeelde_leesverbinding()

    def maker(kader_id: str | None, formaat: str):
        return lambda: rapport.maak(gedeeld.cursor(), gemeente, kader_id, formaat)

    st.markdown("**Raadsrapportage** (met de bron van elk cijfer; het bestand wordt gemaakt als je klikt)")
    with st.container(horizontal=True, gap="small"):
        for kader_id, wat in ((kader, "dit kader"), (None, "alle kaders")):
            for formaat, naam in ((".pdf", "PDF"), (".xlsx", "Excel")):
                download_knop(
                    st,
                    f"{naam} van {wat}",
                    maker(kader_id, formaat),
                    file_name=rapport.bestandsnaam(gemeente_naam, kader_id, formaat),
                    mime=rapport.FORMATEN[formaat],
                    icon=":material/download:",
                    key=f"kdr_rapport_{'kader' if kader_id else 'alle'}_{formaat[1:]}",
                )


# --- vergelijkingsgroepen --------------------------------------------------------------------------------------

GEEN_GROEP = "geen"
EIGEN_KEUZE = "keuze"
GROOTTEKLASSE = "grootteklasse"


@dataclasses.dataclass(frozen=True)
class Groepskeuze:
    """De vergelijkingsgroep die een pagina koos (`kies_vergelijkingsgroep`).

    `banden`: per gemeente (`voor_gemeente`), groep, indicator, peiljaar en leeftijdsgroep de band (groep_aantal,
    groep_mediaan, groep_q1, groep_q3, band; kompas.lezen.vergelijkingsgroep_banden), zonder de leden; bij de eigen
    keuze de ledenrijen (kompas.lezen.vergelijkingsgroep_keuze, een paar gekozen gemeenten). `naam`: de naam van de
    keuze (None: geen groep). De leden van een grootteklasse of selectie leest `leden_bij` pas op verzoek."""

    banden: pl.DataFrame
    naam: str | None
    groep: str = GEEN_GROEP
    voor: tuple[str, ...] = ()

    def leden_bij(self, trend: pl.DataFrame, indicator_code: str, cur: duckdb.DuckDBPyConnection | None = None):
        """De ledenrijen van de groep bij één grafiek (kompas.tabellen.groep_leden_bij), voor de ledenlijst en de
        export. `cur`: lees met deze cursor (in de thread van een downloadknop, waar Streamlit niets doet); zonder:
        de gecachte leesfunctie."""
        from kompas import gegevens, tabellen

        if self.groep == EIGEN_KEUZE:
            rijen = self.banden
        elif self.groep == GEEN_GROEP:
            return self.banden.clear()
        else:
            if cur is None:
                from kompas.lezen import vergelijkingsgroepen  # kompas.lezen importeert deze module

                rijen = vergelijkingsgroepen([indicator_code], list(self.voor))
            else:
                rijen = gegevens.vergelijkingsgroepen(cur, [indicator_code], list(self.voor))
            soort = rijen["groep_soort"] == GROOTTEKLASSE
            rijen = rijen.filter(soort if self.groep == GROOTTEKLASSE else rijen["groep"] == self.groep)
        return tabellen.groep_leden_bij(rijen, trend, indicator_code)


def kies_vergelijkingsgroep(
    sleutel: str, indicator_codes: Sequence[str], gemeenten: dict[str, str], voor: Sequence[str]
) -> Groepskeuze:
    """De keuze van een vergelijkingsgroep op een pagina, en de banden van die groep voor de indicatoren.

    Keuzes: de grootteklasse naar inwoners (elk peiljaar die van de gemeente zelf), de selecties uit
    data/vergelijkingsgroepen.toml waarin de gemeenten `voor` zitten, geen groep, of zelf gemeenten kiezen (een
    keuzelijst van `gemeenten`, code -> naam). Standaard de grootteklasse; de keuze staat in de URL (?groep=,
    ?leden=). Leest bij elke rerun alleen de banden (kompas.lezen.vergelijkingsgroep_banden), niet de leden."""
    from kompas.lezen import vergelijkingsgroep_banden, vergelijkingsgroep_keuze  # kompas.lezen importeert deze

    groepen = vergelijkingsgroep_banden(list(indicator_codes), list(voor))
    klassen = groepen.filter(groepen["groep_soort"] == GROOTTEKLASSE)
    opties: dict[str, str] = {}
    if not klassen.is_empty():
        namen = klassen["groep_naam"].unique().to_list()
        opties[GROOTTEKLASSE] = namen[0] if len(namen) == 1 else "gemeenten van dezelfde grootte (CBS-grootteklasse)"
    selecties = groepen.filter(groepen["groep_soort"] == "selectie")
    opties.update(dict(selecties.select("groep", "groep_naam").unique(maintain_order=True).iter_rows()))
    opties.update({GEEN_GROEP: "geen vergelijkingsgroep", EIGEN_KEUZE: "zelf gemeenten kiezen"})
    standaard = next(iter(opties))
    groep = st.selectbox(
        "Vergelijken met (band in de grafiek)",
        list(opties),
        format_func=lambda g: opties[g][:1].upper() + opties[g][1:],
        key=f"{sleutel}_groep",
        placeholder="Kies een vergelijkingsgroep",
        index=list(opties).index(url_waarde("groep", standaard, list(opties))),
    )
    if groep == EIGEN_KEUZE:
        leden = st.multiselect(
            "Gemeenten in de vergelijkingsgroep",
            list(gemeenten),
            format_func=gemeenten.get,
            key=f"{sleutel}_leden",
            placeholder="Kies gemeenten",
            default=url_lijst("leden", list(voor), list(gemeenten)),
        )
        zet_url(groep=groep, leden=leden)
        return Groepskeuze(vergelijkingsgroep_keuze(list(indicator_codes), leden), opties[groep], groep, tuple(voor))
    zet_url(groep=groep)
    if groep == GROOTTEKLASSE:
        return Groepskeuze(klassen, opties[groep], groep, tuple(voor))
    gekozen = groepen.filter(groepen["groep"] == groep)
    return Groepskeuze(gekozen, None if groep == GEEN_GROEP else opties[groep], groep, tuple(voor))


def toon_vergelijkingsgroep(
    keuze: Groepskeuze,
    band: pl.DataFrame,
    trend: pl.DataFrame,
    *,
    indicator_code: str,
    indicator_soort: str,
    bestandsnaam: str,
    sleutel: str,
) -> None:
    """Onder een grafiek met de band van een vergelijkingsgroep (`band`: de band van de gekozen groep bij deze
    grafiek, kompas.tabellen.groep_band van kompas.tabellen.groep_leden_bij op `keuze.banden`, dezelfde die de
    grafiek tekent; de pagina maakt haar één keer voor beide): waarom er (in sommige jaren) geen band is, de
    bronregel van de band, de ledenlijst (pas gelezen als iemand haar openklapt) en de cijfers bij de grafiek met de
    leden als CSV en Excel (pas gelezen en gemaakt bij een klik). Heeft de groep hier geen leden met een cijfer, dan
    zegt een regel dat; bij een eigen registratie (`indicator_soort`) zegt een regel waarom er geen groep is."""
    from kompas import tabellen, teksten
    from kompas.lezen import gedeelde_leesverbinding  # kompas.lezen importeert deze module

    if indicator_soort == "eigen registratie":
        st.caption(als_tekst(teksten.GEEN_GROEP_EIGEN_TELLING))
        return
    if band.is_empty():
        if keuze.naam:
            st.caption(als_tekst(teksten.geen_groepscijfers(keuze.naam)))
        return
    # alleen de leeftijdsgroepen die de grafiek toont; per groep (een gemeente per jaar in haar eigen klasse)
    zonder = band.filter(~band["band"] & band["leeftijd"].is_in(trend["leeftijd"].unique().to_list()))
    for (naam,), deel in zonder.group_by("groep_naam", maintain_order=True):
        aantal, minimum = int(deel["groep_aantal"].max()), int(deel["groep_minimum"][0])
        st.caption(als_tekst(teksten.te_weinig_tekst(naam, aantal, minimum, sorted(set(deel["peiljaar"])))))
    namen = teksten.opsomming(band["groep_naam"].unique(maintain_order=True).to_list())
    getekend = bool(band["band"].any())
    if getekend:  # zonder band in de grafiek geen bronregel en geen export van de groep: alleen wie er in zit
        st.caption(als_tekst(teksten.GROEP_BRON))
    # de leden pas lezen als iemand de lijst openklapt: bij elke rerun alleen de band
    with st.expander(
        f"Leden van de vergelijkingsgroep: {namen}", key=f"{sleutel}_ledenlijst", on_change="rerun"
    ) as lijst:
        if lijst.open:
            toon_tabel(tabellen.groep_leden_tabel(keuze.leden_bij(trend, indicator_code)))
    if not getekend:
        return
    gedeeld = gedeelde_leesverbinding()

    def leden() -> pl.DataFrame:  # in de thread van de downloadknop: met de gedeelde leesverbinding
        return keuze.leden_bij(trend, indicator_code, cur=gedeeld.cursor())

    links, rechts = st.columns(2)
    download_knop(
        links,
        "Cijfers bij de grafiek (CSV)",
        lambda: tabellen.als_csv(tabellen.grafiek_export(trend, leden())),
        file_name=f"{bestandsnaam}.csv",
        mime="text/csv",
        key=f"{sleutel}_csv",
    )
    download_knop(
        rechts,
        "Cijfers bij de grafiek (Excel)",
        lambda: tabellen.als_xlsx_bladen(
            [
                ("Grafiek", tabellen.waarden_tabel(trend), None),
                ("Vergelijkingsgroep", tabellen.groep_leden_tabel(leden()), None),
            ]
        ),
        file_name=f"{bestandsnaam}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"{sleutel}_xlsx",
    )
