"""De leesfuncties die pagina's aanroepen: getypt, gecachet per databaseversie, met de gedeelde leesverbinding.

    from kompas.lezen import gemeenten, overzicht
    tabel = overzicht(["GM0148", "GM0303"])     # een polars DataFrame

Elke functie hier is `kompas.gegevens.<naam>` zonder de cursor: dezelfde naam, dezelfde parameters, hetzelfde
resultaat (altijd een polars DataFrame), en dezelfde documentatie. Een pagina importeert ze bij naam, zodat
'ga naar definitie' werkt en een verkeerde naam al bij het importeren faalt. Nieuwe paginaquery: een functie
`(cur, ...)` in kompas.gegevens en één regel hieronder.

De cache (`st.cache_data`, ttl een uur) is gesleuteld op de databaseversie en de parameters: zodra een
schrijver de database vervangt (bouwen, verversen, uploaden, intrekken), leest de volgende aanroep opnieuw.
Is de database er niet, kapot of onleesbaar, dan toont de pagina dat in het Nederlands en stopt
(`weergave.databasefouten`).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Concatenate, ParamSpec

import duckdb
import streamlit as st

from kompas import gegevens
from kompas.db import Leesverbinding
from kompas.weergave import databasefouten

if TYPE_CHECKING:
    import polars as pl

P = ParamSpec("P")


@st.cache_resource(show_spinner=False)
def _gecachete_leesverbinding() -> Leesverbinding:
    return Leesverbinding()


def gedeelde_leesverbinding() -> Leesverbinding:
    """Eén read-only DuckDB-verbinding per proces; elke query krijgt een eigen cursor.

    Is de database er niet, kapot of onleesbaar, dan toont de pagina dat in het Nederlands en stopt.
    """
    gedeeld = _gecachete_leesverbinding()
    with databasefouten():
        gedeeld.versie()
    return gedeeld


def cursor() -> duckdb.DuckDBPyConnection:
    """Een cursor op de gedeelde leesverbinding (voor de controle van een upload, kompas.uploaden)."""
    return gedeelde_leesverbinding().cursor()


def _gecachet(
    implementatie: Callable[Concatenate[duckdb.DuckDBPyConnection, P], pl.DataFrame],
) -> Callable[P, pl.DataFrame]:
    """Maakt van `gegevens.<naam>(cur, ...)` de gecachte leesfunctie `<naam>(...)` met dezelfde parameters
    (ParamSpec: een typechecker kent ze) en dezelfde docstring."""

    def gecachet(versie: tuple[int, int], *args: P.args, **kwargs: P.kwargs) -> pl.DataFrame:
        return implementatie(gedeelde_leesverbinding().cursor(), *args, **kwargs)

    # Streamlit sleutelt een cache op __module__, __qualname__ en de broncode van de functie: zonder eigen naam
    # zouden alle leesfuncties hieronder (dezelfde geneste functie) één cache delen (streamlit#11157).
    gecachet.__name__ = gecachet.__qualname__ = implementatie.__name__
    uit_cache = st.cache_data(ttl=3600, max_entries=256, show_spinner=False)(gecachet)

    @functools.wraps(implementatie)
    def lees(*args: P.args, **kwargs: P.kwargs) -> pl.DataFrame:
        with databasefouten():
            return uit_cache(gedeelde_leesverbinding().versie(), *args, **kwargs)

    handtekening = inspect.signature(implementatie)
    lees.__signature__ = handtekening.replace(parameters=list(handtekening.parameters.values())[1:])
    del lees.__wrapped__  # de handtekening is die zonder cursor, niet die van de implementatie
    return lees


overzicht = _gecachet(gegevens.overzicht)
doelen_telling = _gecachet(gegevens.doelen_telling)
gemeenten = _gecachet(gegevens.gemeenten)
indicatoren = _gecachet(gegevens.indicatoren)
reeks = _gecachet(gegevens.reeks)
vergelijking = _gecachet(gegevens.vergelijking)
indicator_alle_waarden = _gecachet(gegevens.indicator_alle_waarden)
indicator_aantal_waarden = _gecachet(gegevens.indicator_aantal_waarden)
kader_boom = _gecachet(gegevens.kader_boom)
bronnen = _gecachet(gegevens.bronnen)
dekking = _gecachet(gegevens.dekking)
uploads = _gecachet(gegevens.uploads)
kaartindicatoren = _gecachet(gegevens.kaartindicatoren)
kaartwaarden = _gecachet(gegevens.kaartwaarden)
vergelijkingsgroepen = _gecachet(gegevens.vergelijkingsgroepen)
vergelijkingsgroep_banden = _gecachet(gegevens.vergelijkingsgroep_banden)
vergelijkingsgroep_keuze = _gecachet(gegevens.vergelijkingsgroep_keuze)
