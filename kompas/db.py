"""Toegang tot de DuckDB-database van Sociaal Kompas.

Lezen: één read-only verbinding per proces, een cursor per query (`Lezer`).
Schrijven: één schrijver tegelijk (bestandsslot), in een kopie van de database die pas na een
geslaagde commit het origineel vervangt (`schrijf_transactie`). Een proces dat halverwege sterft
laat zo altijd de oude database staan; lezers zien de nieuwe versie bij hun volgende query.
Elke schrijftransactie zet vóór de commit de afgeleide tabellen vast (loaders/afgeleid.sql), zodat
lezers alleen selecteren.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import hashlib
import os
import shutil
import threading
from pathlib import Path

import duckdb

PROJECT = Path(__file__).resolve().parent.parent
DATA = PROJECT / "data"
QUERIES = PROJECT / "queries"
SCHEMA = PROJECT / "loaders" / "schema"
AFGELEID = PROJECT / "loaders" / "afgeleid.sql"


def database_pad() -> Path:
    """Pad van de database: `KOMPAS_DB`, anders `data/kompas.duckdb`."""
    return Path(os.environ.get("KOMPAS_DB", DATA / "kompas.duckdb")).resolve()


def sql_bestand(naam: str) -> str:
    """De tekst van `queries/<naam>.sql`."""
    return (QUERIES / f"{naam}.sql").read_text(encoding="utf-8")


def _schema_bestanden() -> list[Path]:
    return sorted(SCHEMA.glob("*.sql"))


@functools.cache
def schema_versie() -> str:
    """Vingerafdruk van de schema- en afgeleide SQL; verandert die, dan wordt een database bijgewerkt."""
    h = hashlib.sha256()
    for pad in [*_schema_bestanden(), AFGELEID]:
        h.update(pad.name.encode() + b"\0" + pad.read_bytes())
    return h.hexdigest()[:16]


def pas_schema_toe(con: duckdb.DuckDBPyConnection) -> None:
    for pad in _schema_bestanden():
        con.execute(pad.read_text(encoding="utf-8"))


def zet_afgeleid_vast(con: duckdb.DuckDBPyConnection) -> None:
    """Maakt de afgeleide tabellen (schema `afgeleid`) opnieuw uit de huidige waarnemingen."""
    con.execute(AFGELEID.read_text(encoding="utf-8"))
    con.execute("create or replace table afgeleid.schema_versie as select $versie::varchar as versie",
                {"versie": schema_versie()})


def _gelezen_schema_versie(con: duckdb.DuckDBPyConnection) -> str | None:
    # eerst in de catalogus kijken: een ontbrekende tabel laat DuckDB anders naar Python-namen zoeken
    bestaat = con.execute(
        "select count(*) from duckdb_tables() where schema_name = 'afgeleid' and table_name = 'schema_versie'"
    ).fetchone()[0]
    if not bestaat:
        return None
    return con.execute("select any_value(versie) from afgeleid.schema_versie").fetchone()[0]


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


@contextlib.contextmanager
def schrijf_transactie(pad: Path | None = None):
    """Een schrijfverbinding in één transactie; alles of niets.

    De wijziging gebeurt in een kopie (`<db>.schrijven`), die na de commit met een atomaire
    `os.replace` het origineel wordt. Bij een fout, of als het proces sterft, blijft het
    origineel onaangeroerd. Vóór de commit worden de afgeleide tabellen vastgezet (`zet_afgeleid_vast`).
    """
    pad = Path(pad) if pad else database_pad()
    werk = Path(f"{pad}.schrijven")
    with _slot(pad):
        werk.unlink(missing_ok=True)
        if pad.exists():
            shutil.copyfile(pad, werk)
        con = duckdb.connect(str(werk))
        try:
            pas_schema_toe(con)
            con.execute("begin transaction")
            yield con
            zet_afgeleid_vast(con)
            con.execute("commit")
            con.execute("checkpoint")
            con.close()
            os.replace(werk, pad)
        except BaseException:
            with contextlib.suppress(Exception):
                con.close()
            werk.unlink(missing_ok=True)
            raise


def zorg_voor_database(pad: Path | None = None) -> Path:
    """Bouwt de database uit `data/` als die er nog niet is; geeft het pad terug."""
    pad = Path(pad) if pad else database_pad()
    if not pad.exists():
        from loaders.ingebed import bouw  # alleen nodig bij de eerste start

        bouw(pad)
    return pad


class Lezer:
    """Eén read-only verbinding per proces; opent opnieuw als de database is vervangen.

    Is de database gemaakt met een andere versie van de SQL (`schema_versie`), bijvoorbeeld na een
    update van Sociaal Kompas, dan werkt de lezer haar eerst bij met een lege schrijftransactie.
    """

    def __init__(self, pad: Path | None = None):
        self._pad = Path(pad) if pad else None
        self._con: duckdb.DuckDBPyConnection | None = None
        self._versie: tuple[int, int] | None = None
        self._lock = threading.Lock()

    def _verbinding(self) -> duckdb.DuckDBPyConnection:
        pad = zorg_voor_database(self._pad)
        stat = pad.stat()
        versie = (stat.st_ino, stat.st_mtime_ns)
        with self._lock:
            if self._con is None or versie != self._versie:
                if self._con is not None:
                    self._con.close()
                self._con = duckdb.connect(str(pad), read_only=True)
                if _gelezen_schema_versie(self._con) != schema_versie():
                    self._con.close()
                    with schrijf_transactie(pad):
                        pass
                    stat = pad.stat()
                    versie = (stat.st_ino, stat.st_mtime_ns)
                    self._con = duckdb.connect(str(pad), read_only=True)
                self._versie = versie
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
