"""Opdrachtregel van de loaders.

    python -m loaders build                 database (opnieuw) opbouwen uit data/
    python -m loaders refresh [TABEL ...]   cijfers live ophalen bij CBS en RIVM
    python -m loaders upload BESTAND        een Excel-bestand van de gemeente inlezen

Het databasepad komt uit KOMPAS_DB (standaard data/kompas.duckdb).
"""

from __future__ import annotations

import argparse
import sys

from kompas.db import DatabaseFout, database_pad
from kompas.opdrachtregel import Opdrachtregel


def _build(args: argparse.Namespace) -> int:
    from loaders.ingebed import bouw

    tellingen = bouw()
    delen = ", ".join(f"{aantal} {tabel}" for tabel, aantal in tellingen.items())
    print(f"Database opgebouwd in {database_pad()}: {delen}.")
    return 0


def _refresh(args: argparse.Namespace) -> int:
    from loaders.cbs import CbsFout, ververs

    try:
        uitkomsten = ververs(args.tabel or None)
    except CbsFout as fout:
        print(f"Fout: {fout}", file=sys.stderr)
        return 2
    print("\nSamenvatting:")
    for u in uitkomsten:
        print(f"  {u.tabel_id}: " + (f"{u.geschreven} waarnemingen geschreven" if u.gelukt else f"MISLUKT - {u.fout}"))
    mislukt = [u.tabel_id for u in uitkomsten if not u.gelukt]
    if mislukt:
        print(f"{len(mislukt)} van {len(uitkomsten)} tabellen mislukt ({', '.join(mislukt)}); hun vorige cijfers "
              "zijn blijven staan.", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = Opdrachtregel(prog="python -m loaders", description="Sociaal Kompas: gegevens laden.")
    sub = parser.add_subparsers(dest="opdracht", required=True, title="opdrachten", metavar="OPDRACHT")
    sub.add_parser("build", help="database opbouwen uit data/").set_defaults(doe=_build)
    refresh = sub.add_parser("refresh", help="cijfers live ophalen bij CBS en RIVM (data/cbs_tabellen.toml)")
    refresh.add_argument("tabel", nargs="*", help="alleen deze tabel-id's (standaard: alle)")
    refresh.set_defaults(doe=_refresh)
    from loaders.excel import voeg_opdracht_toe

    voeg_opdracht_toe(sub)
    args = parser.parse_args(argv)
    try:
        if args.opdracht != "build":   # build bouwt zelf; de andere opdrachten lezen eerst een actuele database
            from loaders.ingebed import zorg_voor_database

            zorg_voor_database()
        return args.doe(args)
    except DatabaseFout as fout:   # Nederlands, met wat te doen; het pad erbij voor de beheerder
        print(f"Fout: {fout}\nDatabase: {database_pad()}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
