"""Datafuncties voor de pagina's: een DuckDB-cursor (of verbinding) en gewone parameters erin, een
polars DataFrame (of dict) eruit. Geen Streamlit hier; de pagina's cachen zelf.

De SQL staat in `queries/<naam>.sql` en leest de publieke view `indicator_waarden`
(loaders/schema/50_views.sql): voorkeursbron, landelijke waarde, verschil, significantie, oordeel en
vorige meting worden daar één keer bepaald. De status tegenover een streefwaarde komt uit
`kompas.status.beoordeel`.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import duckdb
import polars as pl

from kompas.db import DATA, sql_bestand

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


def reeks(
    cur: duckdb.DuckDBPyConnection,
    indicator_code: str,
    regio_codes: Sequence[str],
    leeftijden: Sequence[str] | None = None,
) -> pl.DataFrame:
    """Tijdreeks van één indicator voor de regio's plus Nederland en hun GGD-regio's, per leeftijdsgroep."""
    return _lees(
        cur,
        "reeks_indicator",
        {
            "indicator": indicator_code,
            "regios": list(regio_codes),
            "leeftijden": None if leeftijden is None else list(leeftijden),
        },
    )


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
    return _lees(cur, "indicatoren", {"indicator": None})


def indicator_info(cur: duckdb.DuckDBPyConnection, indicator_code: str) -> dict[str, Any]:
    """Eén registry-indicator als dict (kolommen als `indicatoren`); ValueError bij een onbekende code."""
    rijen = _lees(cur, "indicatoren", {"indicator": indicator_code}).to_dicts()
    if not rijen:
        raise ValueError(
            f"Onbekende indicator '{indicator_code}': die staat niet in het indicatorregister "
            "(data/indicatoren.csv). Kies een indicator uit de lijst."
        )
    return rijen[0]


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


def _leidende_streefwaarde(streefwaarden: list[dict] | None) -> dict | None:
    """De streefwaarde waartegen de status wordt bepaald: die met het laatste jaar; zonder jaren de eerste."""
    if not streefwaarden:
        return None
    met_jaar = [s for s in streefwaarden if s.get("jaar") is not None]
    if met_jaar:
        return max(met_jaar, key=lambda s: s["jaar"])
    return streefwaarden[0]


def _status_tekst(uitkomst: Any) -> str | None:
    """`beoordeel` geeft een tekst of een object met `status`; de tabel bewaart de tekst."""
    if uitkomst is None or isinstance(uitkomst, str):
        return uitkomst
    for naam in ("status", "label", "tekst"):
        if hasattr(uitkomst, naam):
            return getattr(uitkomst, naam)
    if isinstance(uitkomst, dict):
        return uitkomst.get("status")
    return str(uitkomst)


def kader_boom(cur: duckdb.DuckDBPyConnection, gemeente_code: str) -> pl.DataFrame:
    """Kader -> doel -> indicator van een gemeente met laatste waarde, nulmeting, streefwaarden en status.

    `status` komt van kompas.status.beoordeel tegen de leidende streefwaarde (het laatste jaar);
    `doel_status` vat de statussen van de indicatoren van een doel samen (kompas.status.doel_status).
    """
    from kompas import status as statusregel

    boom = _lees(cur, "kader_indicatoren", {"gemeente": gemeente_code})
    statussen: list[str | None] = []
    leidend: list[dict | None] = []
    for rij in boom.iter_rows(named=True):
        streef = _leidende_streefwaarde(rij["streefwaarden"])
        leidend.append(streef)
        if rij["kader_indicator_id"] is None:
            statussen.append(None)
            continue
        statussen.append(
            _status_tekst(
                statusregel.beoordeel(
                    streef,
                    rij["laatste_waarde"],
                    rij["nulmeting_waarde"],
                    rij["goede_richting"],
                )
            )
        )
    boom = boom.with_columns(
        pl.Series("streef_soort", [s and s["soort"] for s in leidend], dtype=pl.String),
        pl.Series("streef_tekst", [s and s["tekst"] for s in leidend], dtype=pl.String),
        pl.Series("streef_jaar", [s and s["jaar"] for s in leidend], dtype=pl.Int32),
        pl.Series("streef_waarde", [s and s["waarde"] for s in leidend], dtype=pl.Float64),
        pl.Series("streef_ondergrens", [s and s["ondergrens"] for s in leidend], dtype=pl.Float64),
        pl.Series("streef_bovengrens", [s and s["bovengrens"] for s in leidend], dtype=pl.Float64),
        pl.Series("streef_richting", [s and s["richting"] for s in leidend], dtype=pl.String),
        pl.Series("status", statussen, dtype=pl.String),
    )
    doel_statussen = {
        doel_id: statusregel.doel_status([s for s in groep["status"].to_list() if s is not None])
        for (doel_id,), groep in boom.filter(pl.col("doel_id").is_not_null()).group_by("doel_id")
    }
    return boom.with_columns(
        pl.col("doel_id").replace_strict(doel_statussen, default=None, return_dtype=pl.String).alias("doel_status")
    )
