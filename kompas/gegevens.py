"""Datafuncties voor de pagina's: een DuckDB-cursor (of verbinding) en gewone parameters erin, een
polars DataFrame (of dict) eruit. Geen Streamlit hier; de pagina's cachen zelf.

De SQL staat in `queries/<naam>.sql` en leest de publieke view `indicator_waarden`
(loaders/schema/50_views.sql): voorkeursbron, landelijke waarde, verschil, significantie, oordeel en
vorige meting worden daar één keer bepaald. De status tegenover een streefwaarde komt uit
`kompas.status` (kies_streefwaarde, beoordeel, status_doel).

Snelheid: de paginaqueries lezen `afgeleid.indicator_waarden` en de samenvattingen daarvan, die elke
schrijftransactie vastzet (loaders/afgeleid.sql); lezen is dus alleen selecteren.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import duckdb
import polars as pl

from kompas import status as statusregel
from kompas.db import DATA, sql_bestand
from kompas.status import kies_streefwaarde
from kompas.streefwaarden import Streefwaarde, parse_streefwaarde

OVERZICHT_CSV = DATA / "overzicht.csv"


def _lees(cur: duckdb.DuckDBPyConnection, naam: str, params: dict[str, Any] | None = None) -> pl.DataFrame:
    return cur.sql(sql_bestand(naam), params=params or {}).pl()


@functools.lru_cache(maxsize=1)
def kopindicatoren() -> pl.DataFrame:
    """De kopindicatoren van het overzicht uit `data/overzicht.csv` (thema, indicator_code, leeftijd, volgorde)."""
    return pl.read_csv(
        OVERZICHT_CSV,
        schema={"thema": pl.String, "indicator_code": pl.String, "leeftijd": pl.String, "volgorde": pl.Int32},
    ).sort("volgorde")


def overzicht(cur: duckdb.DuckDBPyConnection, gemeenten: Sequence[str]) -> pl.DataFrame:
    """Per kopindicator × gemeente de laatste waarde met landelijk, verschil, oordeel, vorige meting en bron.

    Een gemeente zonder cijfer krijgt een rij met waarde NULL.
    """
    kop = kopindicatoren()
    return _lees(
        cur,
        "overzicht_kerncijfers",
        {
            "gemeenten": list(gemeenten),
            "themas": kop["thema"].to_list(),
            "codes": kop["indicator_code"].to_list(),
            "leeftijden": kop["leeftijd"].to_list(),
            "volgordes": kop["volgorde"].to_list(),
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
    """Voorkeurswaarden van de indicatoren voor de regio's in de jaren jaar_van t/m jaar_tot."""
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


def indicator_alle_waarden(cur: duckdb.DuckDBPyConnection, indicator_code: str) -> pl.DataFrame:
    """Elke waarde van de indicator uit elke bron, met herkomst en `is_voorkeur`."""
    return _lees(cur, "indicator_waarden_detail", {"indicator": indicator_code})


def gemeenten(cur: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """De gemeenten met GGD-regio en provincie."""
    return _lees(cur, "gemeenten")


def bronnen(cur: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Elke herkomst met tabel/adres, periode, opgehaald_op, licentie en aantallen cijfers."""
    return _lees(cur, "bronnen")


def dekking(cur: duckdb.DuckDBPyConnection, gemeenten: Sequence[str]) -> pl.DataFrame:
    """Indicator × gemeente × peiljaar: is er een waarde (`aanwezig`)?"""
    return _lees(cur, "dekking", {"gemeenten": list(gemeenten)})


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


def kader_boom(cur: duckdb.DuckDBPyConnection, gemeente_code: str) -> pl.DataFrame:
    """Kader -> doel -> indicator van een gemeente met laatste waarde, nulmeting, streefwaarden en status.

    De geldende streefwaarde (`streef_*`) kiest kompas.status.kies_streefwaarde bij het peiljaar van de
    laatste waarde; `status` is kompas.status.beoordeel daartegen; `doel_status` is kompas.status.status_doel
    over de indicatoren van het doel. Een kaderindicator zonder gekoppelde registry-indicator heeft
    status 'geen gegevens'.
    """
    boom = _lees(cur, "kader_indicatoren", {"gemeente": gemeente_code})
    statussen: list[str | None] = []
    geldend: list[dict | None] = []
    for rij in boom.iter_rows(named=True):
        if rij["kader_indicator_id"] is None:
            statussen.append(None)
            geldend.append(None)
            continue
        rijen = rij["streefwaarden"] or []
        kandidaten = [(s["jaar"], _als_streefwaarde(s)) for s in rijen]
        streef = kies_streefwaarde(kandidaten, rij["laatste_peiljaar"])
        geldend.append(next((s for s, (_, k) in zip(rijen, kandidaten) if k is streef), None))
        if rij["indicator_code"] is None:
            statussen.append(statusregel.GEEN_GEGEVENS)
            continue
        statussen.append(
            statusregel.beoordeel(
                streef,
                rij["laatste_waarde"],
                rij["nulmeting_waarde"],
                rij["goede_richting"],
                eerste_waarde=rij["eerste_waarde"],
                eenheid=rij["eenheid"],
                laatste_jaar=rij["laatste_peiljaar"],
                nulmeting_jaar=rij["nulmeting_jaar"],
            )
        )

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
        pl.Series("status", statussen, dtype=pl.String),
    )
    per_doel: dict[str, list[str]] = {}
    for doel_id, status in zip(boom["doel_id"].to_list(), statussen):
        if doel_id is not None:
            per_doel.setdefault(doel_id, [])
            if status is not None:
                per_doel[doel_id].append(status)
    doel_statussen = {doel_id: statusregel.status_doel(lijst) for doel_id, lijst in per_doel.items()}
    return boom.with_columns(
        pl.col("doel_id").replace_strict(doel_statussen, default=None, return_dtype=pl.String).alias("doel_status")
    )
