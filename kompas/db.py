"""Toegang tot de DuckDB-database van Sociaal Kompas.

Lezen: één read-only verbinding per proces, een cursor per query (`Leesverbinding`).
Schrijven: één schrijver tegelijk (bestandsslot), in een kopie van de database die pas na een
geslaagde commit het origineel vervangt (`schrijf_transactie`). Een proces dat halverwege sterft
laat zo altijd de oude database staan; lezers zien de nieuwe versie bij hun volgende query.
Elke schrijftransactie zet vóór de commit de afgeleide tabellen vast (queries/marts/), zodat
lezers alleen selecteren.

De SQL staat in één boom, `queries/`, met de lagen als mappen (zie README): `tabellen/` (tabeldefinities met
sleutels), `staging/` (stg_*), `indicatoren/` (ind_*), `marts/` (de publieke view en de afgeleide tabellen),
`pagina/` (wat pagina's lezen) en `schrijven/` (grotere schrijfopdrachten van de loaders). Binnen een laag
bepaalt het nummer vooraan de bestandsnaam de volgorde.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import functools
import glob
import hashlib
import os
import re
import shutil
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import duckdb

PROJECT = Path(__file__).resolve().parent.parent
DATA = PROJECT / "data"
QUERIES = PROJECT / "queries"
PAGINA = QUERIES / "pagina"
SCHRIJVEN = QUERIES / "schrijven"
# Aan het begin van elke schrijftransactie: tabellen en views waar de loaders op schrijven en lezen.
SCHEMA_LAGEN = ("tabellen", "staging", "indicatoren")
# Vóór de commit: de publieke view en de vastgezette afgeleide tabellen, uit de cijfers van dat moment.
MART_LAGEN = ("marts",)


class DatabaseFout(Exception):
    """De database is niet te openen, te lezen of te schrijven. De tekst is Nederlands, zonder serverpaden,
    en zegt wat er mis is en wat te doen. `reden`: 'beschadigd', 'leesrechten', 'alleen_lezen', 'vol',
    'ontbreekt', 'niet_gebouwd', 'verouderd', 'schrijven', 'sleutel' (een rij in strijd met een sleutel uit
    queries/tabellen/) of 'instelling' (een onbruikbare KOMPAS_GEHEUGEN)."""

    def __init__(self, reden: str, tekst: str):
        self.reden = reden
        super().__init__(tekst)


_NIETS_VERANDERD = "Er is niets vastgelegd; de cijfers zijn zoals ze waren."
_FOUTTEKST = {
    "beschadigd": "De database van Sociaal Kompas is beschadigd of geen DuckDB-database en kan niet worden gelezen. "
    "Er is niets aan veranderd. Wat te doen (beheerder): zet de laatste reservekopie van de database "
    "terug; is die er niet, hernoem dan het kapotte bestand en bouw de database opnieuw met "
    "'python -m loaders build' (uploads moeten daarna opnieuw worden geüpload).",
    "leesrechten": "De database van Sociaal Kompas kan niet worden gelezen: het dashboard heeft geen leesrechten op "
    "het bestand. Wat te doen (beheerder): geef het dashboard lees- en schrijfrechten op de database "
    "en de map ervan.",
    "alleen_lezen": "Er kan niet naar de database worden geschreven: de map ervan is alleen-lezen of het dashboard "
    f"heeft er geen schrijfrechten. {_NIETS_VERANDERD} Wat te doen (beheerder): geef het dashboard "
    "schrijfrechten op de map van de database, of wijs KOMPAS_DB naar een schrijfbare plek.",
    "vol": f"De schijf is vol. {_NIETS_VERANDERD} Wat te doen: maak ruimte vrij op de schijf van de database "
    "(of vraag de beheerder dat te doen) en probeer het daarna opnieuw.",
    "ontbreekt": "De database van Sociaal Kompas ontbreekt en kan niet worden aangemaakt: de map ervan is "
    "alleen-lezen of het dashboard heeft er geen schrijfrechten. Wat te doen (beheerder): geef het "
    "dashboard schrijfrechten op die map, of bouw de database elders met 'python -m loaders build' "
    "en wijs KOMPAS_DB ernaar.",
    "niet_gebouwd": "De database van Sociaal Kompas is er (nog) niet. Wat te doen (beheerder): bouw haar met "
    "'python -m loaders build', of start het dashboard opnieuw: de start bouwt haar uit data/.",
    "verouderd": "De database van Sociaal Kompas is gemaakt met een andere versie van Sociaal Kompas en moet eerst "
    "worden bijgewerkt; er is niets aan veranderd. Wat te doen (beheerder): draai 'python -m loaders "
    "build' (geüploade en opgehaalde cijfers blijven staan), of start het dashboard opnieuw.",
    "schrijven": f"Er kon niet naar de database worden geschreven. {_NIETS_VERANDERD} Wat te doen: probeer het "
    "opnieuw; gaat het weer mis, meld het dan aan de beheerder van Sociaal Kompas.",
}


def _sleutelfout(fout: duckdb.ConstraintException) -> DatabaseFout:
    """Een schending van een sleutel (queries/tabellen/): welke rij, in het Nederlands, zonder DuckDB-tekst."""
    tekst = str(fout)
    sleutel = re.search(r'key "(.*?)"', tekst)
    rij = ""
    if sleutel:  # 'COALESCE(peildatum, CAST('0001-01-01' AS DATE)): 0001-01-01' is een lege peildatum
        rij = re.sub(r"COALESCE\((\w+), .*?\): (?:0001-01-01|-1)(?=,|$)", r"\1: geen", sleutel.group(1))
        rij = re.sub(r"COALESCE\((\w+), .*?\): ", r"\1: ", rij)
        rij = f" ({rij})"
    if "foreign key" in tekst:
        return _sleutel_tekst(f"Een rij verwijst naar iets wat niet (meer) bestaat{rij}.")
    return _sleutel_tekst(f"Een rij komt dubbel voor{rij}: per sleutel mag er maar één zijn.")


def _sleutel_tekst(wat: str) -> DatabaseFout:
    return DatabaseFout(
        "sleutel",
        f"{wat} {_NIETS_VERANDERD} Wat te doen: haal de dubbele of verkeerde rij weg uit "
        "het bestand (in data/ of de upload) en probeer het opnieuw.",
    )


def _herkomst_stand(con: duckdb.DuckDBPyConnection) -> dict[str, tuple]:
    """{herkomst_id: (opgehaald_op, afdruk)} (queries/schrijven/herkomst_stand.sql)."""
    return {h: (o, a) for h, o, a in con.execute(schrijf_sql("herkomst_stand")).fetchall()}


def _begin_stand(con: duckdb.DuckDBPyConnection) -> tuple[int, dict[str, tuple]]:
    """Bij het begin van de transactie, in één query: de hoogste rowid van waarneming (elke rij die daarna in
    waarneming komt, heeft een hogere) en de stand van elke herkomst (`_herkomst_stand`)."""
    hoogste, stand = con.execute(
        "select (select coalesce(max(rowid), -1) from waarneming), (select coalesce(list({'h': s.herkomst_id,"
        f" 'o': s.opgehaald_op, 'a': s.afdruk}}), []) from ({schrijf_sql('herkomst_stand')}) as s)"
    ).fetchone()
    return hoogste, {r["h"]: (r["o"], r["a"]) for r in stand}


def _nieuwe_rijen(con: duckdb.DuckDBPyConnection, hoogste_rowid: int) -> tuple[list[str], int]:
    """(herkomsten, aantal) van de rijen die de schrijver aan waarneming toevoegde: een nieuwe rij krijgt een rowid
    boven de hoogste bij het begin van de transactie (tests/test_ingebed.py), dus alleen de nieuwe rijgroepen."""
    return con.execute(
        "select coalesce(list(distinct herkomst_id), []), count(*) from waarneming where rowid > ?", [hoogste_rowid]
    ).fetchone()


def _toets_sleutel_waarneming(
    con: duckdb.DuckDBPyConnection, nieuw: list[str], geraakt: tuple[list[str], list[str], list[str]] | None
) -> None:
    """De sleutel van waarneming (queries/tabellen/00_kern.sql; geen index, zie daar), op de rijen die de schrijver
    raakte (`geraakt`: de herkomsten en indicatoren die hij `raakt` zei, niet die waarvan hij de rijen liet staan
    (`opgehaald`), en `nieuw`: elke herkomst waarvan hij rijen toevoegde; zei hij niets, dan alle). Een dubbele:
    DatabaseFout 'sleutel', zoals bij een index."""
    herkomsten, indicatoren, *_ = geraakt if geraakt is not None else ([], [], [])
    if geraakt is not None and not (herkomsten or indicatoren or nieuw):
        return  # geen rij geraakt
    dubbel = con.execute(
        schrijf_sql("dubbele_waarneming"),
        {"alles": geraakt is None, "herkomsten": sorted({*herkomsten, *nieuw}), "indicatoren": indicatoren},
    ).fetchone()
    if dubbel:
        kolommen = ("indicator_code", "regio_code", "peiljaar", "peildatum", "leeftijd", "herkomst_id")
        rij = ", ".join(f"{k}: {'geen' if v is None else v}" for k, v in zip(kolommen, dubbel, strict=True))
        raise _sleutel_tekst(f"Een rij komt dubbel voor ({rij}): per sleutel mag er maar één zijn.")


def database_fout(fout: BaseException, schrijven: bool = True) -> DatabaseFout:
    """De Nederlandse DatabaseFout bij een fout van het besturingssysteem of DuckDB rond de database."""
    if isinstance(fout, DatabaseFout):
        return fout
    if isinstance(fout, duckdb.ConstraintException):
        return _sleutelfout(fout)
    tekst = str(fout)
    nummer = getattr(fout, "errno", None)
    if nummer in (errno.ENOSPC, errno.EDQUOT) or "No space left" in tekst or "Disk quota" in tekst:
        reden = "vol"
    elif nummer in (errno.EACCES, errno.EPERM, errno.EROFS) or "Permission denied" in tekst or "Read-only" in tekst:
        reden = "alleen_lezen" if schrijven else "leesrechten"
    elif isinstance(fout, OSError) or (schrijven and isinstance(fout, duckdb.IOException)):
        reden = "schrijven" if schrijven else "beschadigd"
    else:
        reden = "beschadigd"
    return DatabaseFout(reden, _FOUTTEKST[reden])


@contextlib.contextmanager
def _als_databasefout(schrijven: bool = True):
    """Vertaalt fouten van het besturingssysteem en DuckDB rond de database in een DatabaseFout."""
    try:
        yield
    except (OSError, duckdb.Error) as fout:
        raise database_fout(fout, schrijven) from fout


def database_pad() -> Path:
    """Pad van de database: `KOMPAS_DB`, anders `data/kompas.duckdb`."""
    return Path(os.environ.get("KOMPAS_DB", DATA / "kompas.duckdb")).resolve()


def sql_bestand(naam: str) -> str:
    """De tekst van de paginaquery `queries/pagina/<naam>.sql`."""
    return (PAGINA / f"{naam}.sql").read_text(encoding="utf-8")


def schrijf_sql(naam: str) -> str:
    """De tekst van de schrijfopdracht `queries/schrijven/<naam>.sql`."""
    return (SCHRIJVEN / f"{naam}.sql").read_text(encoding="utf-8")


def laag_bestanden(*lagen: str) -> list[Path]:
    """De modelbestanden van de lagen, in uitvoervolgorde: laag na laag, binnen een laag op bestandsnaam
    (het nummer vooraan)."""
    return [pad for laag in lagen for pad in sorted((QUERIES / laag).glob("*.sql"))]


@functools.cache
def schema_versie() -> str:
    """Vingerafdruk van alle SQL die de database vormt (tabellen, staging, indicatoren, marts); verandert die,
    dan moet een database worden bijgewerkt (`python -m loaders build` of de start van de app)."""
    h = hashlib.sha256()
    for pad in laag_bestanden(*SCHEMA_LAGEN, *MART_LAGEN):
        h.update(f"{pad.parent.name}/{pad.name}".encode() + b"\0" + pad.read_bytes())
    return h.hexdigest()[:16]


def pas_schema_toe(con: duckdb.DuckDBPyConnection) -> None:
    for pad in laag_bestanden(*SCHEMA_LAGEN):
        con.execute(pad.read_text(encoding="utf-8"))


def raakt(
    con: duckdb.DuckDBPyConnection,
    *,
    herkomsten: Iterable[str] = (),
    indicatoren: Iterable[str] = (),
    opgehaald: Iterable[str] = (),
    ongewijzigd: Iterable[str] = (),
) -> None:
    """Zegt binnen een schrijftransactie wat de schrijver raakte, zodat vóór de commit alleen dat deel van de
    afgeleide tabellen opnieuw wordt berekend (`zet_afgeleid_vast`).

    `herkomsten`: herkomst_id's waarvan rijen (of de herkomst zelf) zijn toegevoegd, vervangen of weggehaald; geraakt
    zijn de cellen (indicator, regio) waar de rijen van zo'n herkomst vóór en na de transactie verschillen
    (queries/schrijven/geraakt.sql): een verversing die dezelfde cijfers terugkrijgt raakt niets, en alleen
    `opgehaald_op` wordt bijgewerkt (`_werk_opgehaald_op_bij`). `indicatoren`: codes die
    daarnaast geraakt zijn. `opgehaald`: herkomst_id's waarvan de schrijver alleen de rij in herkomst verving en
    haar rijen in waarneming liet staan (een verversing die dezelfde rijen terugkreeg): is in herkomst verder niets
    anders dan opgehaald_op (en wat geen afgeleide rij leest: Modified, toelichting; queries/schrijven/
    herkomst_stand.sql) en kan het nieuwe opgehaald_op de voorkeur tussen twee cijfers voor dezelfde cel niet laten
    wisselen (`_voorkeur_kan_wisselen`), dan wordt voor haar niets afgeleid en geraakt.sql niet uitgevoerd, en
    alleen `opgehaald_op` bijgewerkt; anders telt ze als een herkomst uit `herkomsten`. Mag vaker worden aangeroepen. Een schrijver die niets zegt (de bouw, het bijwerken),
    laat alles opnieuw berekenen; een andere registry, andere regio's of een nieuwe breuk in een regio
    (herindeling, gewijzigde afbakening) ook (`referentie_versie.sql`).
    `ongewijzigd`: vingerafdrukken uit _VINGERAFDRUK (kader_versie, groep_versie) waarvan de schrijver niets heeft
    veranderd (een verversing schrijft alleen herkomst, waarneming, regio en regio_breuk): die worden dan niet
    opnieuw berekend maar van de vorige commit overgenomen. Bij meer aanroepen geldt wat elke aanroep zo noemde.
    """
    if id(con) not in _GERAAKT:
        raise ValueError("raakt hoort bij een verbinding van schrijf_transactie")
    onbekend = set(ongewijzigd) - set(_VINGERAFDRUK)
    if onbekend:
        raise ValueError(f"onbekende vingerafdruk(ken) {', '.join(sorted(onbekend))}")
    vorig = _GERAAKT[id(con)]
    if vorig is None:
        _GERAAKT[id(con)] = (set(herkomsten), set(indicatoren), set(opgehaald), set(ongewijzigd))
    else:
        _GERAAKT[id(con)] = (
            vorig[0] | set(herkomsten),
            vorig[1] | set(indicatoren),
            vorig[2] | set(opgehaald),
            vorig[3] & set(ongewijzigd),
        )


# wat de schrijver van een open schrijf_transactie `raakt` zei, per verbinding (id); None zolang hij niets zei. In
# Python, niet in een tabel: een tijdelijke tabel maken, vullen en lezen kost bij elke schrijfactie een paar ms.
_GERAAKT: dict[int, tuple[set[str], set[str], set[str], set[str]] | None] = {}
# de referentie (queries/schrijven/referentie_versie.sql) bij de vorige commit van de database van een open
# schrijf_transactie, per verbinding (id): `referentie_bij_begin`
_REFERENTIE: dict[int, str | None] = {}


def referentie_bij_begin(con: duckdb.DuckDBPyConnection) -> str | None:
    """De vingerafdruk van de referentie (regio's, de indicatorregistry, berekende indicatoren, herindelingen en
    breuken; queries/schrijven/referentie_versie.sql) zoals de vorige commit haar vastlegde, van de database die de
    schrijftransactie `con` schrijft; None bij een database van vóór die vingerafdruk. Is die gelijk aan
    `gelezen_referentie` van wat een schrijver eerder (zonder het slot) las, dan staan die tabellen er nog precies zo:
    elke schrijver legt haar bij zijn commit vast (`zet_afgeleid_vast`), en een andere schrijver die ze intussen
    veranderde, gaf een andere."""
    return _REFERENTIE[id(con)]


def gelezen_referentie(con: duckdb.DuckDBPyConnection) -> str | None:
    """`referentie_bij_begin` van de database die `con` leest (`lees_uit`, die al toetste dat ze met deze SQL is
    gemaakt: dan heeft afgeleid.schema_versie de kolom)."""
    rij = con.execute("select referentie from afgeleid.schema_versie").fetchone()
    return rij[0] if rij else None


def _geraakt(con: duckdb.DuckDBPyConnection) -> tuple[list[str], list[str], list[str], list[str]] | None:
    """(herkomsten, indicatoren, opgehaald, ongewijzigd) die `raakt` kreeg; None als de schrijver niets zei. Eén keer,
    na de schrijver. Een herkomst in `herkomsten` en `opgehaald` telt als herkomst."""
    geraakt = _GERAAKT.pop(id(con))
    if geraakt is None:
        return None
    return sorted(geraakt[0]), sorted(geraakt[1]), sorted(geraakt[2] - geraakt[0]), sorted(geraakt[3])


def _teken(a, b) -> int:
    """-1, 0 of 1: gaat opgehaald_op `a` vóór `b` in voorkeur_volgorde (staging/05: nieuwste eerst, zonder tijd
    achteraan)? 0 bij gelijk (dan beslist de rest van de volgorde)."""
    if a == b:
        return 0
    if a is None or b is None:
        return 1 if a is None else -1
    return -1 if a > b else 1


def _voorkeur_kan_wisselen(
    con: duckdb.DuckDBPyConnection, herkomsten: list[str], voor: dict[str, tuple], na: dict[str, tuple]
) -> set[str]:
    """De herkomsten (met een ander opgehaald_op, verder gelijk) waarvan de voorkeur tegenover een andere herkomst met
    een indicator gemeen (afgeleid.per_herkomst_indicator) kan wisselen: de volgorde van hun opgehaald_op
    (staging/05_voorkeur_volgorde.sql) is vóór en na de transactie niet dezelfde. Ruim: de bronrang, de cel en de
    regio tellen niet mee."""
    if not herkomsten:
        return set()
    paren = con.execute(
        "select distinct a.herkomst_id, b.herkomst_id from afgeleid.per_herkomst_indicator as a"
        " join afgeleid.per_herkomst_indicator as b on b.indicator_code = a.indicator_code"
        " and b.herkomst_id <> a.herkomst_id where list_contains($herkomsten::varchar[], a.herkomst_id)",
        {"herkomsten": herkomsten},
    ).fetchall()
    return {
        h
        for h, r in paren
        if r not in voor or r not in na or _teken(voor[h][0], voor[r][0]) != _teken(na[h][0], na[r][0])
    }


# Een afgeleide tabel in queries/marts/: `create or replace table afgeleid.<naam> as <query>`. Met een regel
# `-- sleutel: indicator_code` (of `indicator_code, regio_code`) filtert de query zelf in haar eerste stap op
# $indicatoren (en $regios), NULL is alles; dan vervangt zet_afgeleid_vast alleen die rijen. Zonder sleutel: altijd
# helemaal. Een view of macro in marts/ wordt opnieuw gemaakt als de database met andere SQL gemaakt is.
_AFGELEIDE_TABEL = re.compile(r"^create or replace table (afgeleid\.\w+) as\s*$(.*?);?\s*\Z", re.I | re.M | re.S)
_AFGELEID_OBJECT = re.compile(r"^create or replace (table|view) afgeleid\.(\w+)", re.I | re.M)
_SLEUTEL = re.compile(r"^-- sleutel: (indicator_code(?:, regio_code)?) ", re.M)
_SLEUTEL_FILTER = {
    "indicator_code": "list_contains($indicatoren::varchar[], indicator_code)",
    "indicator_code, regio_code": "list_contains($indicatoren::varchar[], indicator_code)"
    " and ($regios::varchar[] is null or list_contains($regios::varchar[], regio_code))",
}
# `-- helemaal bij een andere kader_versie`: de tabel leest ook iets anders dan de cijfers; geeft
# queries/schrijven/<naam>.sql iets anders dan bij de vorige commit (kolom in afgeleid.schema_versie), dan helemaal.
_HELEMAAL_BIJ = re.compile(r"^-- helemaal bij een andere (\w+) ", re.M)
_VINGERAFDRUK = ("kader_versie", "groep_versie")
# `-- helemaal als groep_leden_veranderd`: de tabel hangt voor élke indicator af van iets dat een schrijver met één
# indicator kan veranderen (het inwonertal bepaalt de grootteklasse, dus de groep van elke indicator); zegt
# queries/schrijven/<naam>.sql (uitgevoerd als de tabel aan de beurt is, na de tabellen ervoor) true, dan helemaal.
_HELEMAAL_ALS = re.compile(r"^-- helemaal als (\w+) ", re.M)
_ALLES_RAKEND = ("groep_leden_veranderd",)
# `-- alleen als <naam>`: de tabel kan alleen veranderen als queries/schrijven/<naam>.sql true zegt over de geraakte
# indicatoren en regio's ($indicatoren, $regios); anders blijft ze staan (tenzij ze om een andere reden helemaal
# opnieuw moet). Een tabel met een sleutel blijft ook staan als er geen geraakte indicatoren zijn.
_ALLEEN_ALS = re.compile(r"^-- alleen als (\w+) ", re.M)
_VOORWAARDEN = ("kader_geraakt", "groep_leden_geraakt")
# een voorwaarde uit _ALLES_RAKEND die pas uitgevoerd hoeft als een voorwaarde uit _VOORWAARDEN true is (zonder die kan
# het niet veranderd zijn)
_RAKEND_ALLEEN_ALS = {"groep_leden_veranderd": "groep_leden_geraakt"}
# boven zoveel geraakte regio's worden alle regio's herberekend (een lange lijst filteren is dan niet goedkoper)
MAX_REGIOS = 200
# tot zoveel rijen van de genoemde herkomsten (oud en nieuw) rekent geraakt.sql met één draad
WEINIG_RIJEN = 20_000


def _afgeleide_tabel(tekst: str) -> tuple[str, str, str | None, str | None, str | None, str | None] | None:
    """(tabel, query, sleutel, vingerafdruk, alles rakende indicatoren, voorwaarde) van een marts-bestand dat een
    afgeleide tabel maakt; None voor een view of macro."""
    treffer = _AFGELEIDE_TABEL.search(tekst)
    if not treffer:
        return None
    sleutel = _SLEUTEL.search(tekst)
    afdruk = _HELEMAAL_BIJ.search(tekst)
    if afdruk and afdruk.group(1) not in _VINGERAFDRUK:
        raise ValueError(f"onbekende vingerafdruk {afdruk.group(1)!r} in queries/marts/")
    rakend = _HELEMAAL_ALS.search(tekst)
    if rakend and rakend.group(1) not in _ALLES_RAKEND:
        raise ValueError(f"onbekende voorwaarde {rakend.group(1)!r} in queries/marts/")
    alleen = _ALLEEN_ALS.search(tekst)
    if alleen and alleen.group(1) not in _VOORWAARDEN:
        raise ValueError(f"onbekende voorwaarde {alleen.group(1)!r} in queries/marts/")
    return (
        treffer.group(1),
        treffer.group(2),
        sleutel.group(1) if sleutel else None,
        afdruk and afdruk.group(1),
        rakend and rakend.group(1),
        alleen and alleen.group(1),
    )


def _parameters(sleutel: str | None, indicatoren: list[str] | None, regios: list[str] | None) -> dict:
    if sleutel is None:
        return {}
    return {"indicatoren": indicatoren} | ({"regios": regios} if "regio_code" in sleutel else {})


def _ruim_afgeleid_op(con: duckdb.DuckDBPyConnection, bestanden: list[str]) -> None:
    """Haalt afgeleide tabellen en views weg die marts/ niet (meer, of als ander soort object) maakt: een tabel die
    een view werd (per_herkomst), of een tabel die verdween. Alleen bij het helemaal opnieuw vastzetten."""
    verwacht = {(soort.lower(), naam) for tekst in bestanden for soort, naam in _AFGELEID_OBJECT.findall(tekst)}
    verwacht.add(("table", "schema_versie"))
    aanwezig = con.execute(
        "select 'table', table_name from duckdb_tables() where schema_name = 'afgeleid' and not temporary"
        " union all select 'view', view_name from duckdb_views() where schema_name = 'afgeleid' and not temporary"
    ).fetchall()
    for soort, naam in set(aanwezig) - verwacht:  # soort en naam uit de catalogus, niet uit invoer
        con.execute(f'drop {soort} afgeleid."{naam}"')


def zet_afgeleid_vast(
    con: duckdb.DuckDBPyConnection,
    vorige: tuple[str | None, str | None, dict[str, str], list[tuple[str, bool]] | None],
    geraakt: tuple[list[str], list[str], list[str]] | None,
    aantal_nieuw: int = 0,
    herkomsten_voor: dict[str, tuple] | None = None,
) -> None:
    """Zet de publieke view en de afgeleide tabellen (schema `afgeleid`) vast bij de huidige waarnemingen.

    Helemaal opnieuw als de schrijver niet zei wat hij raakte (`raakt`), de database met andere SQL gemaakt is
    (`schema_versie`) of de referentie veranderde (regio's, registry, berekende indicatoren, herindelingen en
    andere breuken in een regio); anders alleen de
    rijen van de geraakte indicatoren (gesloten over de berekende indicatoren) in de geraakte regio's (met
    Nederland, waarmee elke rij vergelijkt; queries/schrijven/geraakt.sql). Views en macro's: alleen als de database
    met andere SQL gemaakt is (anders staan ze er al, met dezelfde tekst).
    Een tabel met `-- helemaal als groep_leden_veranderd` helemaal als het lidmaatschap van de vergelijkingsgroepen
    veranderde (een ander inwonertal zet een gemeente in een andere grootteklasse: dat verandert elke groep).
    `vorige`: `_gelezen_versies` bij het begin van de transactie; `geraakt`: `_geraakt`; `aantal_nieuw`: zoveel rijen
    voegde de schrijver aan waarneming toe (`_nieuwe_rijen`); `herkomsten_voor`: de stand van de herkomsten bij het
    begin van de transactie (`_begin_stand`), voor de herkomsten die de schrijver `opgehaald` noemde.
    """
    # de vingerafdrukken in één query (elke query kost DuckDB een paar ms aan binden en plannen); een vingerafdruk die
    # de schrijver `ongewijzigd` noemde, van de vorige commit (als die met deze SQL is gemaakt)
    overgenomen = {
        naam: vorige[2][naam]
        for naam in (geraakt[3] if geraakt is not None else ())
        if vorige[0] == schema_versie() and naam in vorige[2]
    }
    berekend = [naam for naam in _VINGERAFDRUK if naam not in overgenomen]
    delen = [schrijf_sql("referentie_versie"), *(schrijf_sql(naam) for naam in berekend)]
    referentie, *waarden = con.execute("select " + ", ".join(f"(\n{deel}\n)" for deel in delen)).fetchone()
    afdrukken = {naam: overgenomen.get(naam) for naam in _VINGERAFDRUK} | dict(zip(berekend, waarden, strict=True))
    if geraakt is not None and vorige[:2] != (schema_versie(), referentie):
        geraakt = None
    bestanden = [pad.read_text(encoding="utf-8") for pad in laag_bestanden(*MART_LAGEN)]
    indicatoren = regios = None
    een_draad = False
    tabellen = [tabel[0] for tekst in bestanden if (tabel := _afgeleide_tabel(tekst))]
    # welke afgeleide tabellen opgehaald_op dragen: bij een volledige herberekening vastgesteld en bewaard in
    # afgeleid.schema_versie (ze hangen alleen van de SQL in marts/ af); alleen een database van vóór die kolom vraagt
    # het de catalogus
    dragend = functools.cache(lambda: vorige[3] if vorige[3] is not None else _opgehaald_op_tabellen(con, tabellen))
    if geraakt is not None:
        herkomsten, genoemd, opgehaald, _ = geraakt
        opnieuw_opgehaald = []  # alleen opgehaald_op anders: dat bijwerken, niets afleiden
        if opgehaald:
            na = _herkomst_stand(con)
            voor = herkomsten_voor or {}
            anders = [h for h in opgehaald if h not in voor or h not in na or voor[h][1] != na[h][1]]
            opnieuw_opgehaald = [h for h in opgehaald if h not in anders and voor[h][0] != na[h][0]]
            wissel = _voorkeur_kan_wisselen(con, opnieuw_opgehaald, voor, na)
            herkomsten = sorted({*herkomsten, *anders, *wissel})
            opnieuw_opgehaald = [h for h in opnieuw_opgehaald if h not in wissel]
        if not herkomsten and not genoemd:  # niets geraakt: geraakt.sql zou niets vinden
            indicatoren = []
            _werk_opgehaald_op_bij(con, opnieuw_opgehaald, dragend)
    if geraakt is not None and indicatoren is None:
        oud = con.execute(
            "select coalesce(sum(aantal_cijfers + aantal_berekend), 0) from afgeleid.per_herkomst_indicator"
            " where list_contains($herkomsten::varchar[], herkomst_id)",
            {"herkomsten": herkomsten},
        ).fetchone()[0]
        if oud + aantal_nieuw <= WEINIG_RIJEN:
            # weinig rijen van de genoemde herkomsten: geraakt.sql leest weinig, en een tweede draad kost dan meer
            # CPU (taken verdelen, deelresultaten samenvoegen) dan hij scheelt; de instantie sluit na deze schrijfactie
            con.execute("set threads = 1")
            een_draad = True
        indicatoren, regios = con.execute(
            schrijf_sql("geraakt"), {"herkomsten": herkomsten, "indicatoren": genoemd, "max_regios": MAX_REGIOS}
        ).fetchone()
        _werk_opgehaald_op_bij(con, sorted({*herkomsten, *opnieuw_opgehaald}), dragend)
    if regios is not None and not een_draad:
        # een paar regio's: elke query hieronder leest weinig rijen (zie boven)
        con.execute("set threads = 1")
    # _VOORWAARDEN en _ALLES_RAKEND: pas uitgevoerd als een tabel erom vraagt, en één keer
    voorwaarde = {
        naam: functools.cache(lambda naam=naam: _voorwaarde(con, schrijf_sql(naam), indicatoren, regios))
        for naam in _VOORWAARDEN
    }
    rakend = {
        naam: functools.cache(
            lambda naam=naam: (
                (naam not in _RAKEND_ALLEEN_ALS or voorwaarde[_RAKEND_ALLEEN_ALS[naam]]())
                and con.execute(schrijf_sql(naam)).fetchone()[0]
            )
        )
        for naam in _ALLES_RAKEND
    }
    if geraakt is None:
        _ruim_afgeleid_op(con, bestanden)
    for tekst in bestanden:
        tabel = _afgeleide_tabel(tekst)
        if tabel is None:  # een view of macro: staat er al als de database met deze SQL gemaakt is
            if vorige[0] != schema_versie():
                con.execute(tekst)
            continue
        naam, query, sleutel, afdruk, alles_rakend, alleen_als = tabel
        anders = afdruk is not None and vorige[2].get(afdruk) != afdrukken[afdruk]
        if alles_rakend is not None and geraakt is not None and not anders:
            anders = bool(rakend[alles_rakend]())
        if geraakt is not None and not anders:
            if sleutel is not None and not indicatoren:
                continue  # niets geraakt: de rijen staan er al
            if alleen_als is not None and not voorwaarde[alleen_als]():
                continue  # wat geraakt is kan deze tabel niet veranderen
        if sleutel is None or geraakt is None or anders:
            con.execute(tekst, _parameters(sleutel, None, None))
            continue
        waarden = _parameters(sleutel, indicatoren, regios)
        # naam en filter komen uit de eigen bestanden in queries/marts/ en de vaste lijst _SLEUTEL_FILTER
        con.execute(f"delete from {naam} where {_SLEUTEL_FILTER[sleutel]}", waarden)
        con.execute(f"insert into {naam} by name {query}", waarden)
    # herberekend: NULL is alles, anders de indicatoren (en regio's; NULL: alle) waarvan de rijen opnieuw zijn
    # berekend, voor beheer en tests. opgehaald_op_tabellen: zie `dragend` hierboven; na een volledige herberekening
    # uit de catalogus (de tabellen zijn net met deze SQL gemaakt)
    con.execute(
        "create or replace table afgeleid.schema_versie as select $versie::varchar as versie,"
        " $referentie::varchar as referentie, $afdrukken::map(varchar, varchar) as vingerafdrukken,"
        " $indicatoren::varchar[] as herberekend, $regios::varchar[] as herberekend_regios,"
        " $dragend::struct(tabel varchar, per_indicator boolean)[] as opgehaald_op_tabellen",
        {
            "versie": schema_versie(),
            "referentie": referentie,
            "afdrukken": afdrukken,
            "indicatoren": indicatoren,
            "regios": regios,
            "dragend": [
                {"tabel": t, "per_indicator": p}
                for t, p in (dragend() if geraakt is not None else _opgehaald_op_tabellen(con, tabellen))
            ],
        },
    )


def _opgehaald_op_tabellen(con: duckdb.DuckDBPyConnection, tabellen: list[str]) -> list[tuple[str, bool]]:
    """(tabel, met indicator_code) van elke afgeleide tabel in `tabellen` (afgeleid.<naam>, die queries/marts/ maakt)
    die herkomst_id en opgehaald_op per rij draagt, uit de catalogus."""
    # pragma_table_info per tabel: duckdb_columns() zou ook de kolommen van elke view opnieuw afleiden
    kolommen = " union all ".join(
        f"select '{tabel}' as tabel, name from pragma_table_info('{tabel}')" for tabel in tabellen
    )  # namen uit de eigen bestanden in queries/marts/, niet uit invoer
    return con.execute(
        f"select tabel, bool_or(name = 'indicator_code') from ({kolommen})"
        " group by tabel having count(*) filter (name in ('herkomst_id', 'opgehaald_op')) = 2 order by tabel"
    ).fetchall()


def _werk_opgehaald_op_bij(
    con: duckdb.DuckDBPyConnection, herkomsten: list[str], dragend: Callable[[], list[tuple[str, bool]]]
) -> None:
    """Zet `opgehaald_op` van de rijen van `herkomsten` in elke afgeleide tabel die het per rij draagt gelijk aan
    herkomst.opgehaald_op, zoals een volledige herberekening (staging/30, indicatoren/05: een berekende waarde draagt
    herkomst en opgehaald_op van haar teller). Een verversing die dezelfde cijfers terugkrijgt raakt geen cel
    (queries/schrijven/geraakt.sql), maar is wel opnieuw opgehaald; de rijen van de geraakte cellen worden daarna
    toch opnieuw berekend. `dragend`: geeft die tabellen (`_opgehaald_op_tabellen`)."""
    if not herkomsten:
        return
    # met indicator_code: alleen de rijgroepen van de indicatoren van de herkomsten (afgeleid.per_herkomst_indicator,
    # bij de vorige commit: de rijen die hier staan); indicator_waarden is op indicator_code gesorteerd
    van_de_indicatoren = (
        " and a.indicator_code in (select p.indicator_code from afgeleid.per_herkomst_indicator as p"
        " where list_contains($herkomsten::varchar[], p.herkomst_id))"
    )
    for tabel, per_indicator in dragend():
        con.execute(
            f"update {tabel} as a set opgehaald_op = h.opgehaald_op from herkomst as h"
            " where h.herkomst_id = a.herkomst_id and list_contains($herkomsten::varchar[], a.herkomst_id)"
            " and a.opgehaald_op is distinct from h.opgehaald_op" + (van_de_indicatoren if per_indicator else ""),
            {"herkomsten": herkomsten},
        )


def _voorwaarde(con: duckdb.DuckDBPyConnection, sql: str, indicatoren: list[str], regios: list[str] | None) -> bool:
    """Een voorwaarde uit _VOORWAARDEN, met de parameters die ze noemt. Zonder geraakte indicatoren (een lege lijst,
    niet NULL: alle) is elke voorwaarde onwaar (ze vragen of een geraakte indicator iets kan veranderen)."""
    if indicatoren == []:
        return False
    waarden = {"indicatoren": indicatoren, "regios": regios}
    return bool(con.execute(sql, {k: v for k, v in waarden.items() if f"${k}" in sql}).fetchone()[0])


def _gelezen_versies(
    con: duckdb.DuckDBPyConnection,
) -> tuple[str | None, str | None, dict[str, str], list[tuple[str, bool]] | None]:
    """(schema_versie, referentie, vingerafdrukken, opgehaald_op_tabellen) waarmee de afgeleide tabellen bij de vorige
    commit zijn vastgezet; (None, None, {}, None) zonder afgeleid.schema_versie, None voor wat een oudere database
    nog niet had. Buiten een transactie (een mislukte query breekt die af): één query, zonder de catalogus te vragen
    of de tabel bestaat."""
    # zonder die instelling zoekt DuckDB bij een ontbrekende tabel naar een Python-naam schema_versie
    con.execute("set python_enable_replacements = false")
    try:
        rij = con.execute("select * from afgeleid.schema_versie").fetchone() or ()
        kolommen = [k[0] for k in con.description]
    except duckdb.CatalogException:
        return None, None, {}, None
    finally:
        con.execute("reset python_enable_replacements")
    waarden = dict(zip(kolommen, rij, strict=False))
    if not {"referentie", "vingerafdrukken"} <= set(kolommen):  # een database van vóór die kolommen
        return waarden.get("versie"), None, {}, None
    dragend = waarden.get("opgehaald_op_tabellen")
    return (
        waarden["versie"],
        waarden["referentie"],
        dict(waarden["vingerafdrukken"] or {}),
        None if dragend is None else [(d["tabel"], d["per_indicator"]) for d in dragend],
    )


def _gelezen_schema_versie(con: duckdb.DuckDBPyConnection) -> str | None:
    return _gelezen_versies(con)[0]


@contextlib.contextmanager
def _slot(pad: Path):
    """Eén schrijver tegelijk, ook over processen heen."""
    pad.parent.mkdir(parents=True, exist_ok=True)
    with open(f"{pad}.lock", "w") as slot:
        fcntl.flock(slot, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(slot, fcntl.LOCK_UN)


def _stap(naam: str, werk: Path) -> None:
    """Testhaak (tests/test_schrijven.py): `KOMPAS_TEST_STOP=<stap>` laat het proces op die stap hard sterven,
    zoals een kill of stroomstoring. 'tijdens_checkpoint' sterft zodra de checkpoint de kopie beschrijft."""
    stop = os.environ.get("KOMPAS_TEST_STOP")
    if stop == naam:
        os._exit(70)
    if stop == "tijdens_checkpoint" and naam == "na_commit":
        begin = werk.stat()

        def zodra_beschreven() -> None:
            while (s := werk.stat()).st_mtime_ns == begin.st_mtime_ns and s.st_size == begin.st_size:
                pass
            os._exit(70)

        threading.Thread(target=zodra_beschreven, daemon=True).start()
    elif stop == "tijdens_checkpoint" and naam == "na_checkpoint":
        os._exit(70)


def _ruim_op(werk: Path) -> None:
    """Restanten van een vorige (gedode of mislukte) schrijver weg: de kopie én haar WAL, en een half geschreven
    compacte kopie (`_compact`). Een achtergebleven WAL zou DuckDB anders in de volgende kopie terugspelen, en de
    mislukte upload kwam dan alsnog terug."""
    for rest in (werk, Path(f"{werk}.wal"), _compacte(werk), Path(f"{_compacte(werk)}.wal")):
        rest.unlink(missing_ok=True)


def _ruim_oude_op(pad: Path) -> None:
    """Een vervangen origineel dat een gedode schrijver onder een tweede naam achterliet (`_vervang`) weg."""
    for oud in pad.parent.glob(f"{glob.escape(pad.name)}.oud.*"):
        oud.unlink(missing_ok=True)


# is meer dan dit deel van het bestand vrij (een weggehaalde tabel of index, vervangen rijen), en minstens
# VRIJ_COMPACT_MB, dan schrijft de schrijfactie een compacte kopie: elke volgende schrijfactie kopieert het hele
# bestand, ook de vrije blokken. Onder VRIJ_COMPACT_MB kost het compact schrijven (copy from database, ~0,5 s op de
# ingebedde database) meer dan het bij de kopieën scheelt.
VRIJ_COMPACT = 0.25
VRIJ_COMPACT_MB = 16


def _compacte(werk: Path) -> Path:
    return Path(f"{werk}.compact")


def _compact(con: duckdb.DuckDBPyConnection, werk: Path) -> Path:
    """Na de checkpoint: `werk`, of een compacte kopie ervan (alleen de gebruikte blokken, `copy from database`:
    tabellen, sleutels, indexen, views en macro's) als meer dan VRIJ_COMPACT van het bestand vrij is (en minstens
    VRIJ_COMPACT_MB)."""
    naam, vrij, totaal, blok = con.execute(
        "select database_name, free_blocks, total_blocks, block_size from pragma_database_size()"
        " where database_name = current_database()"
    ).fetchone()
    if not totaal or vrij <= VRIJ_COMPACT * totaal or vrij * blok < VRIJ_COMPACT_MB * 1e6:
        return werk
    compact = _compacte(werk)
    con.execute("attach $pad as kompas_compact", {"pad": str(compact)})
    con.execute(f'copy from database "{naam}" to kompas_compact')  # naam uit de catalogus
    con.execute("detach kompas_compact")
    return compact


def _schrijf_weg(werk: Path) -> threading.Thread:
    """Zet de net gemaakte kopie alvast op de schijf (fsync, in een draad: de GIL is dan vrij), terwijl de schrijver
    verbindt en schrijft. Anders wacht de eerste fsync van DuckDB (de commit of de checkpoint) daarop: voor de
    ingebedde database (11 MB) 25-35 ms. Alleen om die wachttijd te verbergen: de checkpoint van DuckDB zet de kopie
    zelf op de schijf, een fout hier (de kopie al weg) doet er niet toe."""

    def fsync() -> None:
        with contextlib.suppress(OSError):
            fd = os.open(werk, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)

    draad = threading.Thread(target=fsync, name="kompas-kopie-fsync", daemon=True)
    draad.start()
    return draad


def _schrijfinstantie() -> duckdb.DuckDBPyConnection:
    """Een DuckDB-instantie voor een schrijver, met de geheugengrens uit `KOMPAS_GEHEUGEN` (bijv. '4GB') als die er
    is; zonder neemt DuckDB tot 80% van het geheugen van de machine. Een volledige herberekening van alle gemeenten
    en wijken nam zonder grens ~14 GB en met 4GB ~4,1 GB, ~25% meer processortijd (README, 'Op landelijke schaal')."""
    grens = os.environ.get("KOMPAS_GEHEUGEN", "").strip()
    if not grens:
        return duckdb.connect()
    try:
        return duckdb.connect(config={"memory_limit": grens})
    except duckdb.Error as fout:
        raise DatabaseFout(
            "instelling",
            f"De geheugengrens KOMPAS_GEHEUGEN='{grens[:40]}' is geen geheugengrootte. {_NIETS_VERANDERD} Wat te "
            "doen (beheerder): geef een grootte als 4GB of 512MB, of laat KOMPAS_GEHEUGEN weg.",
        ) from fout


def instantie() -> duckdb.DuckDBPyConnection:
    """Een DuckDB-instantie zonder eigen database (`:memory:`), voor wie eerst leest en daarna schrijft (de
    verversing: `lees_uit` en dan `schrijf_transactie(pad, instantie)`, die haar sluit). Een instantie maken kost
    DuckDB 20-30 ms (de catalogus van de ingebouwde functies) en sluiten ~10 ms; een database aankoppelen ~5 ms."""
    with _als_databasefout():
        return _schrijfinstantie()


def _toets_versie(con: duckdb.DuckDBPyConnection) -> None:
    """DatabaseFout 'verouderd' als de database van `con` met andere SQL gemaakt is (`schema_versie`)."""
    if _gelezen_schema_versie(con) != schema_versie():
        raise DatabaseFout("verouderd", _FOUTTEKST["verouderd"])


@contextlib.contextmanager
def lees_uit(con: duckdb.DuckDBPyConnection, pad: Path | None = None):
    """Leest in instantie `con` (`instantie`) uit de database: alleen-lezen aangekoppeld en als standaarddatabase,
    na het blok weer losgekoppeld. Zoals `Leesverbinding`: ontbreekt ze of is ze met andere SQL gemaakt, dan een
    DatabaseFout ('niet_gebouwd', 'verouderd')."""
    pad = Path(pad) if pad else database_pad()
    with _als_databasefout(schrijven=False):
        if not pad.exists():
            raise DatabaseFout("niet_gebouwd", _FOUTTEKST["niet_gebouwd"])
        con.execute("attach $pad as kompas_lezen (read_only)", {"pad": str(pad)})
        try:
            con.execute("use kompas_lezen")
            _toets_versie(con)
            yield con
        finally:
            con.execute("use memory")
            con.execute("detach kompas_lezen")


def _oude(pad: Path) -> Path:
    """Een tweede naam voor het vervangen origineel (`_vervang`), per proces en schrijfactie."""
    return Path(f"{pad}.oud.{os.getpid()}.{threading.get_ident()}")


def _vervang(nieuw: Path, pad: Path) -> threading.Thread | None:
    """`os.replace(nieuw, pad)`, en het oude bestand daarna in een draad weg: het vrijgeven van zijn blokken kost
    (ext4 met discard) voor de ingebedde database ~15 ms, en kan gebeuren terwijl de instantie sluit. Het oude
    bestand houdt daarvoor eerst een tweede naam (`_oude`); lukt dat niet, dan gewoon vervangen. Wat een gedode
    schrijver zo achterlaat, ruimt de volgende op (`_ruim_op`)."""
    oud = _oude(pad)
    try:
        os.link(pad, oud)
    except OSError:
        oud = None
    os.replace(nieuw, pad)
    if oud is None:
        return None
    draad = threading.Thread(target=lambda: oud.unlink(missing_ok=True), name="kompas-oude-database-weg")
    draad.start()
    return draad


def _identiteit(st: os.stat_result) -> tuple[int, int, int, int]:
    """Welk bestand het is: elke schrijver vervangt het origineel door een nieuw bestand (`_vervang`)."""
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


@dataclass
class Schrijfkopie:
    """Een werkkopie die een schrijver alvast maakte, zonder het slot (`maak_schrijfkopie`): het bestand `werk`,
    aangekoppeld als kompas_schrijven in `instantie`, van het origineel met identiteit `bron`. Het origineel blijft
    open (`origineel`) tot de kopie gebruikt of weggegooid is: zo kan zijn inode niet vrijkomen en aan een later
    bestand op dezelfde plek worden gegeven, en betekent dezelfde identiteit hetzelfde bestand."""

    werk: Path
    bron: tuple[int, int, int, int]
    origineel: BinaryIO
    instantie: duckdb.DuckDBPyConnection
    weggeschreven: threading.Thread

    def is_van(self, pad: Path) -> bool:
        """Staat op `pad` nog het bestand waarvan deze kopie gemaakt is?"""
        try:
            return _identiteit(os.stat(pad)) == self.bron
        except OSError:
            return False

    def laat_los(self) -> None:
        with contextlib.suppress(OSError):
            self.origineel.close()

    def weg(self) -> None:
        """Ongebruikt weggooien: loskoppelen en het bestand (met WAL) weg. Geeft nooit een fout."""
        self.laat_los()
        with contextlib.suppress(Exception):
            self.instantie.execute("use memory")
        with contextlib.suppress(Exception):
            self.instantie.execute("detach kompas_schrijven")
        self.weggeschreven.join()
        with contextlib.suppress(OSError):
            _ruim_op(self.werk)


def _kopieer(bron: BinaryIO, werk: Path) -> None:
    """Het hele open bestand `bron` naar `werk` (sendfile: in de kern, zonder de GIL)."""
    with open(werk, "wb") as doel:
        over, plek = os.fstat(bron.fileno()).st_size, 0
        while over > 0:
            n = os.sendfile(doel.fileno(), bron.fileno(), plek, min(over, 1 << 30))
            if n == 0:
                raise OSError(errno.EIO, f"{werk}: het origineel werd korter tijdens het kopiëren")
            plek, over = plek + n, over - n


def _eigen_kopie(pad: Path) -> Path:
    """De naam van een vooraf gemaakte werkkopie: per proces en draad, zodat schrijvers die vooraf kopiëren (zonder
    het slot) elkaars kopie niet raken; `_ruim_kopieen_op` herkent er het proces aan."""
    return Path(f"{pad}.schrijven.{os.getpid()}.{threading.get_ident()}")


def _leeft(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # een proces van een andere gebruiker
        return True
    return True


def _ruim_kopieen_op(pad: Path) -> None:
    """De vooraf gemaakte werkkopieën (`_eigen_kopie`, met WAL en compacte kopie) van processen die niet meer
    bestaan weg: een verversing die tijdens het ophalen werd gedood. Die van een levend proces blijven staan (het
    haalt misschien nog op). Onder het slot. Het proces wordt herkend aan zijn nummer: alle schrijvers op één machine
    (zoals de README beschrijft: één schrijvende taak), niet schrijvers op twee machines op één gedeelde map."""
    voorvoegsel = f"{pad.name}.schrijven."
    for rest in pad.parent.glob(f"{glob.escape(voorvoegsel)}*.*"):
        pid = rest.name.removeprefix(voorvoegsel).split(".")[0]
        if pid.isdigit() and not _leeft(int(pid)):
            rest.unlink(missing_ok=True)


def maak_schrijfkopie(pad: Path | None, instantie: duckdb.DuckDBPyConnection) -> Schrijfkopie | None:
    """De werkkopie voor een latere `schrijf_transactie(pad, instantie, kopie)` alvast, zonder het slot, terwijl de
    schrijver nog iets anders doet (de verversing: terwijl de draden ophalen). Een andere schrijver wordt zo niet
    opgehouden; vervangt die intussen het origineel, dan gooit `schrijf_transactie` onder het slot deze kopie weg en
    kopieert opnieuw (geen schrijfactie gaat verloren). Lukt het kopiëren niet (een volle schijf), dan None: de
    schrijftransactie kopieert dan zelf en meldt de fout. Kopie, koppelen en vóór-schrijven samen ~15 ms voor de
    ingebedde database, die zo niet meer na het ophalen komen."""
    pad = Path(pad) if pad else database_pad()
    werk = _eigen_kopie(pad)
    origineel = None
    try:
        _ruim_op(werk)
        origineel = open(pad, "rb")  # noqa: SIM115 (blijft open tot de kopie gebruikt of weg is: Schrijfkopie)
        bron = _identiteit(os.fstat(origineel.fileno()))
        _kopieer(origineel, werk)
    except OSError:
        with contextlib.suppress(OSError):
            _ruim_op(werk)
            if origineel is not None:
                origineel.close()
        return None
    weggeschreven = _schrijf_weg(werk)
    kopie = Schrijfkopie(werk, bron, origineel, instantie, weggeschreven)
    try:
        instantie.execute("attach $pad as kompas_schrijven", {"pad": str(werk)})
    except duckdb.Error:
        kopie.weg()
        return None
    return kopie


@contextlib.contextmanager
def schrijf_transactie(
    pad: Path | None = None,
    instantie: duckdb.DuckDBPyConnection | None = None,
    kopie: Schrijfkopie | None = None,
):
    """Een schrijfverbinding in één transactie; alles of niets.

    De wijziging gebeurt in een kopie (`<db>.schrijven`, of `kopie`), die na de commit en checkpoint met een atomaire
    `os.replace` het origineel wordt. Elke schrijver begint schoon: restanten van een gedode of mislukte
    schrijver (de kopie en haar `.wal`) gaan eerst weg. Het schema (`pas_schema_toe`) wordt alleen toegepast
    als de database met andere SQL gemaakt is (`schema_versie`); anders staat het er al. Bij een fout, of als het proces sterft, blijft het
    origineel onaangeroerd; een volle schijf of alleen-lezen map wordt een DatabaseFout in het Nederlands.
    Vóór de commit wordt de sleutel van waarneming getoetst (`_toets_sleutel_waarneming`) en worden de afgeleide
    tabellen vastgezet (`zet_afgeleid_vast`). Is na de checkpoint meer dan VRIJ_COMPACT van de kopie vrij, dan wordt
    een compacte kopie daarvan het origineel (`_compact`).
    De kopie wordt als standaarddatabase aangekoppeld in `instantie` (`instantie()`: zo kost een verversing die
    eerst leest één DuckDB-instantie in plaats van twee) of in een eigen instantie; na de transactie, ook na een
    fout, gaat die instantie dicht.
    `kopie` (`maak_schrijfkopie`, in `instantie`): de werkkopie die de schrijver al vóór het slot maakte. Die wordt
    gebruikt als onder het slot het origineel nog hetzelfde bestand is als waarvan ze gemaakt is; anders weggegooid
    en wordt er opnieuw gekopieerd. Ook een ongebruikte kopie ruimt de transactie op.
    """
    pad = Path(pad) if pad else database_pad()
    werk = Path(f"{pad}.schrijven")
    with _als_databasefout(), _slot(pad):
        con = kopie.instantie if kopie is not None else instantie
        weggeschreven = oud_weg = None
        try:
            _ruim_op(werk)
            _ruim_oude_op(pad)
            _ruim_kopieen_op(pad)
            bestaat = pad.exists()
            if kopie is not None and kopie.is_van(pad):  # nog hetzelfde origineel
                kopie.laat_los()
                werk, weggeschreven, kopie = kopie.werk, kopie.weggeschreven, None
            else:
                if kopie is not None:  # intussen door een andere schrijver vervangen: opnieuw kopiëren
                    kopie.weg()
                    kopie = None
                if bestaat:
                    shutil.copyfile(pad, werk)
                    weggeschreven = _schrijf_weg(werk)
                if con is None:
                    con = _schrijfinstantie()
                try:
                    con.execute("attach $pad as kompas_schrijven", {"pad": str(werk)})
                except duckdb.Error as fout:  # een bestaande database die DuckDB niet kan openen is beschadigd
                    raise database_fout(fout, schrijven=not bestaat) from fout
            con.execute("use kompas_schrijven")
            vorige = _gelezen_versies(con)
            if vorige[0] != schema_versie():  # met deze SQL gemaakt: het schema staat er al
                pas_schema_toe(con)
            _GERAAKT[id(con)] = None  # tot de schrijver `raakt` zegt
            _REFERENTIE[id(con)] = vorige[1]
            con.execute("begin transaction")
            hoogste_rowid, herkomsten_voor = _begin_stand(con)
            try:
                yield con
            except (OSError, duckdb.IOException) as fout:  # een volle schijf midden in de transactie
                raise database_fout(fout) from fout
            geraakt = _geraakt(con)
            nieuwe_herkomsten, aantal_nieuw = _nieuwe_rijen(con, hoogste_rowid)
            _toets_sleutel_waarneming(con, nieuwe_herkomsten, geraakt)
            _REFERENTIE.pop(id(con), None)
            zet_afgeleid_vast(con, vorige, geraakt, aantal_nieuw, herkomsten_voor)
            con.execute("commit")
            _stap("na_commit", werk)
            con.execute("checkpoint")
            _stap("na_checkpoint", werk)
            nieuw = _compact(con, werk)
            con.execute("use memory")
            con.execute("detach kompas_schrijven")  # het bestand dicht voordat het het origineel wordt
            if weggeschreven is not None:
                weggeschreven.join()
            _stap("voor_vervangen", werk)
            oud_weg = _vervang(nieuw, pad)
            _ruim_op(werk)
            con.close()
            if oud_weg is not None:
                oud_weg.join()
        except BaseException:
            if kopie is not None:
                kopie.weg()
            if con is not None:
                _GERAAKT.pop(id(con), None)
                _REFERENTIE.pop(id(con), None)
                with contextlib.suppress(Exception):
                    con.close()
            if weggeschreven is not None:
                weggeschreven.join()
            if oud_weg is not None:
                oud_weg.join()
            with contextlib.suppress(OSError):
                _ruim_op(werk)
            raise


def is_actueel(pad: Path) -> bool:
    """Of de database op `pad` gemaakt is met de SQL van deze versie (`schema_versie`). Leest alleen."""
    with _als_databasefout(schrijven=False):
        con = duckdb.connect(str(pad), read_only=True)
        try:
            return _gelezen_schema_versie(con) == schema_versie()
        finally:
            con.close()


def ontbreekt_fout(fout: DatabaseFout) -> DatabaseFout:
    """Bij het aanmaken van een ontbrekende database: een alleen-lezen map wordt 'ontbreekt' (kan niet worden
    aangemaakt); andere fouten blijven wat ze zijn."""
    return DatabaseFout("ontbreekt", _FOUTTEKST["ontbreekt"]) if fout.reden == "alleen_lezen" else fout


class Leesverbinding:
    """Eén read-only verbinding per proces; opent opnieuw als de database is vervangen. Leest alleen.

    Bouwen en bijwerken zijn aparte stappen (`loaders.ingebed.zorg_voor_database`, bij de start van de app en
    in `python -m loaders`). Ontbreekt de database, of is ze gemaakt met een andere versie van de SQL
    (`schema_versie`), dan geeft de leesverbinding een DatabaseFout ('niet_gebouwd', 'verouderd') en schrijft niets.
    """

    def __init__(self, pad: Path | None = None):
        self._pad = Path(pad) if pad else None
        self._con: duckdb.DuckDBPyConnection | None = None
        self._versie: tuple[int, int] | None = None
        self._lock = threading.Lock()

    def _verbinding(self) -> duckdb.DuckDBPyConnection:
        """De verbinding; DatabaseFout (Nederlands) als de database niet te openen of te lezen is."""
        with _als_databasefout(schrijven=False):
            return self._open()

    def _open(self) -> duckdb.DuckDBPyConnection:
        pad = self._pad or database_pad()
        if not pad.exists():
            raise DatabaseFout("niet_gebouwd", _FOUTTEKST["niet_gebouwd"])
        stat = pad.stat()
        versie = (stat.st_ino, stat.st_mtime_ns)
        with self._lock:
            if self._con is None or versie != self._versie:
                if self._con is not None:
                    self._con.close()
                    self._con = None
                con = duckdb.connect(str(pad), read_only=True)
                try:
                    _toets_versie(con)
                except DatabaseFout:
                    con.close()
                    raise
                self._con, self._versie = con, versie
            return self._con

    def cursor(self) -> duckdb.DuckDBPyConnection:
        return self._verbinding().cursor()

    def versie(self) -> tuple[int, int]:
        """Verandert als de database is vervangen; bruikbaar als cache-sleutel."""
        self._verbinding()
        return self._versie  # type: ignore[return-value]

    def close(self) -> None:
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None
