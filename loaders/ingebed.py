"""Bouwt de database uit de meegeleverde bestanden in `data/`.

Vervangt alleen wat uit `data/` komt (regio's, registry, ingebedde cijfers, kaders); geüploade en
live opgehaalde cijfers blijven staan. Twee keer bouwen geeft dezelfde database.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from kompas.db import DATA, DatabaseFout, database_pad, is_actueel, ontbreekt_fout, schrijf_transactie
from loaders.kaders import laad_kaders

INGEBEDDE_WAARNEMINGEN = DATA / "waarnemingen"


def _csv(pad: Path) -> str:
    return str(pad)


def laad_referentie(con: duckdb.DuckDBPyConnection) -> None:
    """Regio's, aliassen, de indicatorregistry en de berekende indicatoren: altijd precies wat in `data/` staat."""
    con.execute("delete from regio")
    con.execute(
        "insert into regio select regio_code, regio_naam, soort, nullif(ggd_regio_code, ''),"
        " nullif(provincie_code, ''), volgorde"
        " from read_csv($pad, header = true, all_varchar = true)",
        {"pad": _csv(DATA / "regio.csv")},
    )
    con.execute("delete from regio_alias")
    con.execute(
        "insert into regio_alias select bron_code, regio_code from read_csv($pad, header = true, all_varchar = true)",
        {"pad": _csv(DATA / "regio_alias.csv")},
    )
    con.execute("delete from indicator")
    con.execute(
        """
        insert into indicator
        select indicator_code, naam, thema, definitie, eenheid, cast(decimalen as integer), goede_richting,
               soort, bron, nullif(bron_tabel, ''), nullif(bron_kolom, ''), licentie, nullif(berekening, ''),
               cast(nullif(min_waarde, '') as double), cast(nullif(max_waarde, '') as double),
               nullif(toelichting, '')
        from read_csv($pad, header = true, all_varchar = true)
        """,
        {"pad": _csv(DATA / "indicatoren.csv")},
    )
    con.execute("delete from berekende_indicator")
    con.execute(
        "insert into berekende_indicator select indicator_code, teller, noemer, cast(factor as integer), leeftijd,"
        " teller_woord, noemer_woord from read_csv($pad, header = true, all_varchar = true)",
        {"pad": _csv(DATA / "berekende_indicatoren.csv")},
    )


def laad_ingebedde_cijfers(con: duckdb.DuckDBPyConnection) -> None:
    """Vervangt de meegeleverde cijfers en hun herkomst."""
    con.execute("delete from waarneming where herkomst_id in (select herkomst_id from herkomst where ingebed)")
    con.execute("delete from herkomst where ingebed")
    con.execute(
        """
        insert into herkomst (herkomst_id, soort, bron, titel, tabel_id, adres, gelezen_in, periode, opgehaald_op,
                              licentie, ingebed, toelichting)
        select herkomst_id, soort, bron, nullif(titel, ''), nullif(tabel_id, ''), nullif(adres, ''),
               nullif(gelezen_in, ''), nullif(periode, ''), cast(nullif(opgehaald_op, '') as timestamp), licentie,
               true, nullif(toelichting, '')
        from read_csv($pad, header = true, all_varchar = true)
        """,
        {"pad": _csv(DATA / "bronnen.csv")},
    )
    bestanden = sorted(str(p) for p in INGEBEDDE_WAARNEMINGEN.glob("*.csv"))
    con.execute(
        """
        insert into waarneming (indicator_code, regio_code, peiljaar, peildatum, leeftijd, waarde,
                                ondergrens, bovengrens, status, herkomst_id, citaat)
        select indicator_code, regio_code, cast(peiljaar as integer), cast(nullif(peildatum, '') as date),
               leeftijd, cast(nullif(waarde, '') as double), cast(nullif(ondergrens, '') as double),
               cast(nullif(bovengrens, '') as double), nullif(status, ''), herkomst_id, nullif(citaat, '')
        from read_csv($bestanden, header = true, all_varchar = true, union_by_name = true)
        """,
        {"bestanden": bestanden},
    )


def bouw(pad: Path | None = None) -> dict[str, int]:
    """Bouwt of ververst de ingebedde inhoud; geeft tellingen terug."""
    with schrijf_transactie(pad) as con:
        laad_referentie(con)
        laad_ingebedde_cijfers(con)
        laad_kaders(con)
        tellingen = {
            tabel: con.execute(f"select count(*) from {tabel}").fetchone()[0]  # vaste lijst, geen invoer
            for tabel in ("regio", "indicator", "herkomst", "waarneming")
        }
    return tellingen


def zorg_voor_database(pad: Path | None = None) -> Path:
    """De stap vóór het lezen (start van de app, `python -m loaders`): bouwt een ontbrekende database uit `data/`
    en werkt een database van een andere versie van de SQL bij (een lege schrijftransactie: schema en afgeleide
    tabellen opnieuw). Is alles al actueel, dan leest dit alleen de versie en schrijft niets. Geeft het pad."""
    pad = Path(pad) if pad else database_pad()
    if not pad.exists():
        try:
            bouw(pad)
        except DatabaseFout as fout:
            raise ontbreekt_fout(fout) from fout
    elif not is_actueel(pad):
        with schrijf_transactie(pad):
            pass
    return pad
