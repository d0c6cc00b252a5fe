"""Een database alleen lezen in de tests: verbinden (read-only), vragen en sluiten staan op één plek."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb


@contextmanager
def alleen_lezen(pad: Path | str) -> Iterator[duckdb.DuckDBPyConnection]:
    """Een read-only verbinding met de database op `pad`, die na het blok altijd dicht gaat."""
    con = duckdb.connect(str(pad), read_only=True)
    try:
        yield con
    finally:
        con.close()


def vraag(pad: Path | str, sql: str, params=None) -> list[tuple]:
    """De rijen van één query op de database op `pad`."""
    with alleen_lezen(pad) as con:
        return con.execute(sql, params or {}).fetchall()


def vraag_dicts(pad: Path | str, sql: str, params=None) -> list[dict]:
    """Als `vraag`, met elke rij als dict op kolomnaam."""
    with alleen_lezen(pad) as con:
        cur = con.execute(sql, params or {})
        namen = [d[0] for d in cur.description]
        return [dict(zip(namen, rij)) for rij in cur.fetchall()]


def alle_uploads(pad: Path | str | None = None) -> list[dict]:
    """De uploads (kompas.gegevens.uploads, nieuwste eerst) in de database op `pad` (standaard KOMPAS_DB), als dicts."""
    from kompas import gegevens
    from kompas.db import database_pad

    with alleen_lezen(pad or database_pad()) as con:
        return gegevens.uploads(con).to_dicts()
