"""Datafuncties voor de pagina's: een DuckDB-cursor (of verbinding) en gewone parameters erin, een
polars DataFrame eruit, altijd (één afspraak voor elke leesfunctie). Geen Streamlit hier: de pagina's roepen
deze functies aan via `kompas.lezen`, dat ze per databaseversie cachet en de gedeelde leesverbinding geeft.

De SQL staat in `queries/pagina/<naam>.sql` en leest de publieke view `indicator_waarden`
(queries/marts/10_indicator_waarden.sql): voorkeursbron, landelijke waarde, verschil, significantie, oordeel en
vorige meting worden daar één keer bepaald. De status tegenover een streefwaarde komt uit
`kompas.status` (kies_streefwaarde, beoordeel, status_doel).

Snelheid: de paginaqueries lezen `afgeleid.indicator_waarden` en de samenvattingen daarvan, die elke
schrijftransactie vastzet (queries/marts/); lezen is dus alleen selecteren.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import duckdb

from kompas import status as statusregel
from kompas.db import DATA, sql_bestand
from kompas.status import kies_streefwaarde
from kompas.streefwaarden import Streefwaarde, parse_streefwaarde

if TYPE_CHECKING:
    import polars as pl

OVERZICHT_CSV = DATA / "overzicht.csv"


def _rijen(cur: duckdb.DuckDBPyConnection, naam: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    resultaat = cur.execute(sql_bestand(naam), params or {})
    namen = [kolom[0] for kolom in resultaat.description]
    return [dict(zip(namen, rij)) for rij in resultaat.fetchall()]


def _lees(cur: duckdb.DuckDBPyConnection, naam: str, params: dict[str, Any] | None = None) -> pl.DataFrame:
    # niet pl.DataFrame(relatie) via de Arrow C-stream: die spaart het laden van pyarrow (~0,1 s), maar laat
    # duckdb 2.0 bij het afsluiten 'nanobind: leaked instances' melden
    return cur.sql(sql_bestand(naam), params=params or {}).pl()


@functools.lru_cache(maxsize=1)
def kopindicatoren() -> tuple[dict[str, Any], ...]:
    """De kopindicatoren van het overzicht uit `data/overzicht.csv` (thema, indicator_code, leeftijd, volgorde)."""
    with open(OVERZICHT_CSV, newline="", encoding="utf-8") as bestand:
        rijen = [{**r, "volgorde": int(r["volgorde"])} for r in csv.DictReader(bestand)]
    return tuple(sorted(rijen, key=lambda r: r["volgorde"]))


def overzicht(cur: duckdb.DuckDBPyConnection, gemeenten: Sequence[str]) -> pl.DataFrame:
    """Per kopindicator × gemeente de laatste waarde met landelijk, verschil, oordeel, vorige meting en bron.

    Een gemeente zonder cijfer krijgt een rij met waarde NULL. Rijen op volgorde van kopindicator en gemeente.
    """
    kop = kopindicatoren()
    return _lees(
        cur,
        "overzicht_kerncijfers",
        {
            "gemeenten": list(gemeenten),
            "themas": [k["thema"] for k in kop],
            "codes": [k["indicator_code"] for k in kop],
            "leeftijden": [k["leeftijd"] for k in kop],
            "volgordes": [k["volgorde"] for k in kop],
        },
    )


def reeks(cur: duckdb.DuckDBPyConnection, indicator_codes: Sequence[str], regio_codes: Sequence[str]) -> pl.DataFrame:
    """Tijdreeksen van de indicatoren voor de regio's plus Nederland en hun GGD-regio's, per leeftijdsgroep."""
    return _lees(cur, "reeks_indicator", {"indicatoren": list(indicator_codes), "regios": list(regio_codes)})


def vergelijking(
    cur: duckdb.DuckDBPyConnection,
    indicator_codes: Sequence[str],
    regio_codes: Sequence[str],
    jaar_van: int,
    jaar_tot: int,
) -> pl.DataFrame:
    """Voorkeurswaarden van de indicatoren voor de regio's en Nederland in de jaren jaar_van t/m jaar_tot."""
    return _lees(
        cur,
        "vergelijking",
        {
            "indicatoren": list(indicator_codes),
            "regios": list(regio_codes),
            "jaar_van": int(jaar_van),
            "jaar_tot": int(jaar_tot),
        },
    )


def indicatoren(cur: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """De registry met aantal waarden, eerste/laatste peiljaar, leeftijdsgroepen en aantal bronnen."""
    return _lees(cur, "indicatoren")


def indicator_alle_waarden(
    cur: duckdb.DuckDBPyConnection, indicator_code: str, gemeenten: Sequence[str] | None = None
) -> pl.DataFrame:
    """Elke waarde van de indicator uit elke bron, met herkomst en `is_voorkeur`: van de `gemeenten`, hun wijken,
    hun GGD-regio's en Nederland; zonder `gemeenten` (None) van elke regio (de downloads)."""
    return _lees(
        cur,
        "indicator_waarden_detail",
        {"indicator": indicator_code, "gemeenten": None if gemeenten is None else list(gemeenten)},
    )


def indicator_aantal_waarden(cur: duckdb.DuckDBPyConnection, indicator_code: str) -> pl.DataFrame:
    """Eén rij met `aantal_waarden`: hoeveel waarden de indicator heeft in alle bronnen en regio's (zoveel rijen geeft
    `indicator_alle_waarden` zonder gemeenten), zonder ze te lezen."""
    return _lees(cur, "indicator_waarden_aantal", {"indicator": indicator_code})


def gemeenten(cur: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """De gemeenten met GGD-regio en provincie, op volgorde."""
    return _lees(cur, "gemeenten")


def bronnen(cur: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Elke herkomst met tabel/adres, periode, opgehaald_op, licentie en aantallen cijfers."""
    return _lees(cur, "bronnen")


def uploads(cur: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Alle uploads, nieuwste eerst, met wie, wanneer, hun tellingen en of ze nog gelden (`geldend`)."""
    return _lees(cur, "uploads", {"id": None})


def dekking(cur: duckdb.DuckDBPyConnection, gemeenten: Sequence[str]) -> pl.DataFrame:
    """Indicator × gemeente × peiljaar: is er een waarde (`aanwezig`)?"""
    return _lees(cur, "dekking", {"gemeenten": list(gemeenten)})


def kaartindicatoren(cur: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """De indicatoren met voorkeurswaarden voor gemeenten of wijken: per regiosoort de peiljaren, met naam,
    eenheid en decimalen (de keuzes van de kaartenpagina)."""
    return _lees(cur, "kaartindicatoren")


def kaartwaarden(
    cur: duckdb.DuckDBPyConnection, indicator_code: str, peiljaar: int, gemeente_code: str
) -> pl.DataFrame:
    """Per regio (alle gemeenten en de wijken van `gemeente_code`) en leeftijdsgroep de laatste voorkeurswaarde van
    de indicator in het peiljaar, met de kolommen van `grafiek_waarden` (queries/marts/26_grafiek_waarden.sql). Beide
    kaarten in één query; `regio_soort` ('gemeente' of 'wijk') zegt op welke kaart een rij hoort."""
    return _lees(cur, "kaartwaarden", {"indicator": indicator_code, "jaar": int(peiljaar), "gemeente": gemeente_code})


def vergelijkingsgroepen(
    cur: duckdb.DuckDBPyConnection, indicator_codes: Sequence[str], gemeenten: Sequence[str]
) -> pl.DataFrame:
    """De vergelijkingsgroepen (grootteklasse naar inwoners, selecties uit data/vergelijkingsgroepen.toml) van de
    gemeenten voor de indicatoren: per gemeente waarvoor de groep geldt (`voor_gemeente`) elk lid met een cijfer,
    met groep_aantal, groep_mediaan, groep_q1, groep_q3, band en rang (view vergelijkingsgroep_waarden). Voor de
    ledenlijst en de export, op verzoek; de grafieken lezen `vergelijkingsgroep_banden`."""
    return _lees(
        cur, "vergelijkingsgroep_waarden", {"indicatoren": list(indicator_codes), "gemeenten": list(gemeenten)}
    )


def vergelijkingsgroep_banden(
    cur: duckdb.DuckDBPyConnection, indicator_codes: Sequence[str], gemeenten: Sequence[str]
) -> pl.DataFrame:
    """De band van dezelfde vergelijkingsgroepen als `vergelijkingsgroepen`, zonder de leden: per gemeente waarvoor de
    groep geldt (`voor_gemeente`), groep, indicator, peiljaar en leeftijdsgroep één rij met groep_aantal,
    groep_mediaan, groep_q1, groep_q3 en band, en het cijfer en de rang van de gemeente zelf (regio_code, waarde,
    rang; leeg zonder eigen cijfer). Wat de grafieken en tegels bij elke rerun lezen; de leden pas op verzoek."""
    return _lees(cur, "vergelijkingsgroep_banden", {"indicatoren": list(indicator_codes), "gemeenten": list(gemeenten)})


def vergelijkingsgroep_keuze(
    cur: duckdb.DuckDBPyConnection, indicator_codes: Sequence[str], leden: Sequence[str]
) -> pl.DataFrame:
    """De vergelijkingsgroep van de gekozen gemeenten (`leden`, in elk peiljaar), met dezelfde berekening en
    dezelfde kolommen als de view vergelijkingsgroep_waarden (zonder `voor_gemeente`)."""
    return _lees(cur, "vergelijkingsgroep_keuze", {"indicatoren": list(indicator_codes), "leden": list(leden)})


# --- kaders -------------------------------------------------------------------------------------------


def _als_streefwaarde(rij: dict) -> Streefwaarde:
    """Een rij uit `streefwaarde` als `Streefwaarde`; `strikt` ('>30%') staat niet in de tabel en komt uit
    de oorspronkelijke tekst (parse_streefwaarde), als die tekst dezelfde soort oplevert."""
    strikt = False
    try:
        ontleed = parse_streefwaarde(rij["tekst"])
        strikt = ontleed.strikt and ontleed.soort == rij["soort"]
    except ValueError:
        pass
    return Streefwaarde(
        soort=rij["soort"],
        waarde=rij["waarde"],
        ondergrens=rij["ondergrens"],
        bovengrens=rij["bovengrens"],
        richting=rij["richting"],
        strikt=strikt,
        tekst=rij["tekst"],
    )


def _beoordeel_boom(rijen: Sequence[dict[str, Any]]) -> list[tuple[dict | None, statusregel.Beoordeling | None]]:
    """Per rij van `kader_indicatoren` de geldende streefwaarde en de beoordeling (kompas.status); zonder
    polars, zodat ook het Overzicht de doelen kan tellen. Een rij zonder kaderindicator (kader of doel zonder
    indicatoren) krijgt (None, None); een kaderindicator zonder gekoppelde registry-indicator is 'nog niet te
    beoordelen: geen meetbare indicator'."""
    uit: list[tuple[dict | None, statusregel.Beoordeling | None]] = []
    for rij in rijen:
        if rij["kader_indicator_id"] is None:
            uit.append((None, None))
            continue
        streefrijen = rij["streefwaarden"] or []
        kandidaten = [(s["jaar"], _als_streefwaarde(s)) for s in streefrijen]
        streef = kies_streefwaarde(kandidaten, rij["laatste_peiljaar"])
        geldend = next((s for s, (_, k) in zip(streefrijen, kandidaten) if k is streef), None)
        if rij["indicator_code"] is None:
            uit.append((geldend, statusregel.Beoordeling(statusregel.NIET_TE_BEOORDELEN, statusregel.GEEN_INDICATOR)))
            continue
        uit.append(
            (
                geldend,
                statusregel.beoordeling(
                    streef,
                    rij["laatste_waarde"],
                    rij["nulmeting_waarde"],
                    rij["goede_richting"],
                    eerste_waarde=rij["eerste_waarde"],
                    eenheid=rij["eenheid"],
                    laatste_jaar=rij["laatste_peiljaar"],
                    nulmeting_jaar=rij["nulmeting_jaar"],
                ),
            )
        )
    return uit


def _doelstatussen(
    rijen: Sequence[dict[str, Any]], beoordelingen: Sequence[statusregel.Beoordeling | None]
) -> dict[str, tuple[str, int, int]]:
    """Per doel_id: (doelstatus, aantal beoordeelde indicatoren, aantal indicatoren)."""
    per_doel: dict[str, list[str]] = {}
    for rij, b in zip(rijen, beoordelingen):
        if rij["doel_id"] is not None:
            per_doel.setdefault(rij["doel_id"], [])
            if b is not None:
                per_doel[rij["doel_id"]].append(b.status)
    return {
        doel_id: (statusregel.status_doel(lijst), sum(s != statusregel.NIET_TE_BEOORDELEN for s in lijst), len(lijst))
        for doel_id, lijst in per_doel.items()
    }


def kader_boom(cur: duckdb.DuckDBPyConnection, gemeente_code: str) -> pl.DataFrame:
    """Kader -> doel -> indicator van een gemeente met laatste waarde, nulmeting, streefwaarden en status.

    De geldende streefwaarde (`streef_*`) kiest kompas.status.kies_streefwaarde bij het peiljaar van de
    laatste waarde; `status` en `status_reden` zijn kompas.status.beoordeling daartegen; `doel_status` is
    kompas.status.status_doel over de indicatoren van het doel, met `doel_beoordeeld` van `doel_indicatoren`
    indicatoren beoordeeld.
    """
    import polars as pl

    boom = _lees(cur, "kader_indicatoren", {"gemeenten": [gemeente_code]})
    rijen = list(boom.iter_rows(named=True))
    beoordeeld = _beoordeel_boom(rijen)
    geldend = [g for g, _ in beoordeeld]
    beoordelingen = [b for _, b in beoordeeld]

    def veld(naam: str) -> list:
        return [s[naam] if s else None for s in geldend]

    boom = boom.with_columns(
        pl.Series("streef_soort", veld("soort"), dtype=pl.String),
        pl.Series("streef_tekst", veld("tekst"), dtype=pl.String),
        pl.Series("streef_jaar", veld("jaar"), dtype=pl.Int32),
        pl.Series("streef_waarde", veld("waarde"), dtype=pl.Float64),
        pl.Series("streef_ondergrens", veld("ondergrens"), dtype=pl.Float64),
        pl.Series("streef_bovengrens", veld("bovengrens"), dtype=pl.Float64),
        pl.Series("streef_richting", veld("richting"), dtype=pl.String),
        pl.Series("status", [b.status if b else None for b in beoordelingen], dtype=pl.String),
        pl.Series("status_reden", [b.reden if b else None for b in beoordelingen], dtype=pl.String),
    )
    doelen = _doelstatussen(rijen, beoordelingen)
    doel_ids = boom["doel_id"].to_list()
    return boom.with_columns(
        pl.Series("doel_status", [doelen[d][0] if d in doelen else None for d in doel_ids], dtype=pl.String),
        pl.Series("doel_beoordeeld", [doelen[d][1] if d in doelen else None for d in doel_ids], dtype=pl.Int32),
        pl.Series("doel_indicatoren", [doelen[d][2] if d in doelen else None for d in doel_ids], dtype=pl.Int32),
    )


def doelen_telling(cur: duckdb.DuckDBPyConnection, gemeenten: Sequence[str]) -> pl.DataFrame:
    """Per gemeente: hoeveel doelen van haar nieuwste kaderdocument op koers / risico / niet op koers / nog niet
    te beoordelen zijn (dezelfde statusregel als de Kaderspagina), voor het Overzicht. Een gemeente zonder
    kaders heeft geen rij.

    Het nieuwste document is dat met het hoogste `geldig_van` (bij gelijk jaar het eerst geladen).
    """
    per_gemeente: dict[str, list[dict[str, Any]]] = {}
    for rij in _rijen(cur, "kader_indicatoren", {"gemeenten": list(gemeenten)}):  # één query voor alle gemeenten
        per_gemeente.setdefault(rij["gemeente_code"], []).append(rij)
    uit = []
    for gemeente in gemeenten:
        rijen = per_gemeente.get(gemeente)
        if not rijen:
            continue
        nieuwste = max(rijen, key=lambda r: (r["geldig_van"] or 0, -r["kader_volgorde"]))
        rijen = [r for r in rijen if r["document"] == nieuwste["document"]]
        doelen = _doelstatussen(rijen, [b for _, b in _beoordeel_boom(rijen)])
        telling = {s: 0 for s in statusregel.STATUSSEN}
        for status, _, _ in doelen.values():
            telling[status] += 1
        uit.append(
            {
                "gemeente_code": gemeente,
                "document": nieuwste["document"],
                "geldig_van": nieuwste["geldig_van"],
                "geldig_tot": nieuwste["geldig_tot"],
                "aantal_doelen": len(doelen),
                **telling,
            }
        )
    import polars as pl

    return pl.DataFrame(
        uit,
        schema={
            "gemeente_code": pl.String,
            "document": pl.String,
            "geldig_van": pl.Int32,
            "geldig_tot": pl.Int32,
            "aantal_doelen": pl.Int64,
            **dict.fromkeys(statusregel.STATUSSEN, pl.Int64),
        },
    )
