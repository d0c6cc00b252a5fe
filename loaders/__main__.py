"""Opdrachtregel van de loaders.

    python -m loaders build [--data MAP]    database (opnieuw) opbouwen uit data/ (of MAP)
    python -m loaders refresh [TABEL ...]   cijfers live ophalen bij CBS en RIVM
    python -m loaders refresh --controleer  alleen kijken of CBS/RIVM nieuwere tabellen heeft
    python -m loaders refresh --alle-gemeenten  één keer alle gemeenten van Nederland ophalen
    python -m loaders upload BESTAND        een Excel-bestand van de gemeente inlezen

Het databasepad komt uit KOMPAS_DB (standaard data/kompas.duckdb).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kompas import opmaak
from kompas.db import DATA, DatabaseFout, Leesverbinding, database_pad
from kompas.opdrachtregel import Opdrachtregel
from kompas.opmaak import schone_tekst
from kompas.tabellen import upload_omschrijving, upload_stand
from kompas.teksten import aantal_problemen, overgeslagen_tekst
from loaders import excel
from loaders.excel import Validatie, Voorbeeld
from loaders.ingebed import zorg_voor_database


def _build(args: argparse.Namespace) -> int:
    from loaders.ingebed import RegioFout, VergelijkingsgroepFout, bouw
    from loaders.kaders import KaderFout

    try:
        tellingen = bouw(data=args.data)
    except (RegioFout, VergelijkingsgroepFout, KaderFout) as fout:  # een fout in de datamap: niets geschreven
        print(f"Fout: {fout}\nDe database is niet veranderd.", file=sys.stderr)
        return 1
    delen = ", ".join(f"{aantal} {tabel}" for tabel, aantal in tellingen.items())
    print(f"Database opgebouwd in {database_pad()}: {delen}.")
    return 0


def _refresh(args: argparse.Namespace) -> int:
    from loaders.cbs import CbsFout, controleer, ververs

    if args.controleer:
        try:
            uitkomsten = controleer()
        except CbsFout as fout:
            print(f"Fout: {fout}", file=sys.stderr)
            return 2
        niet = [c.tabel_id for c in uitkomsten if c.fout]
        if niet:
            print(
                f"{len(niet)} van {len(uitkomsten)} tabellen niet te controleren ({', '.join(niet)}).", file=sys.stderr
            )
            return 1
        return 0
    try:
        uitkomsten = ververs(args.tabel or None, alle_gemeenten=True if args.alle_gemeenten else None)
    except CbsFout as fout:
        print(f"Fout: {fout}", file=sys.stderr)
        return 2
    print("\nSamenvatting:")
    for u in uitkomsten:
        print(f"  {u.tabel_id}: " + (f"{u.geschreven} waarnemingen geschreven" if u.gelukt else f"MISLUKT - {u.fout}"))
    mislukt = [u.tabel_id for u in uitkomsten if not u.gelukt]
    if mislukt:
        print(
            f"{len(mislukt)} van {len(uitkomsten)} tabellen mislukt ({', '.join(mislukt)}); hun vorige cijfers "
            "zijn blijven staan.",
            file=sys.stderr,
        )
        return 1
    return 0


# ---------------------------------------------------------------- upload


def _nl(waarde) -> str:
    """Een waarde als getal in Nederlandse notatie; een streefwaarde staat er als de tekst uit het bestand."""
    if waarde is None:
        return ""
    return waarde if isinstance(waarde, str) else opmaak.getal(waarde, None)


def _toon_voorbeeld(validatie: Validatie, vbn: list[Voorbeeld], max_rijen: int = 20) -> None:
    def toon(regel: str) -> None:  # tekst uit het bestand nooit met ruwe stuurtekens naar de terminal
        print(schone_tekst(regel, zichtbaar=True))

    for m in validatie.overgeslagen:
        toon(overgeslagen_tekst(m))
    for vb in vbn:
        t = vb.tellingen
        toon(
            f"Werkblad '{vb.werkblad}' ({vb.werkbladsoort}, gemeente {vb.gemeente_code}): {t['nieuw']} nieuw, "
            f"{t['gewijzigd']} gewijzigd, {t['ongewijzigd']} ongewijzigd, {t['vervalt']} vervalt"
            + (f"; vervangt upload {vb.vervangt_upload_id}" if vb.vervangt_upload_id else "")
            + "."
        )
        for r in vb.rijen[:max_rijen]:
            jaar = r.get("peiljaar", r.get("jaar"))
            toon(
                f"  rij {r['rij']}: {r['status']:<11} {r['gemeente_code']} {r['indicator_code']} {jaar}: "
                f"{_nl(r['oude_waarde'])} -> {_nl(r['nieuwe_waarde'])}"
            )
        if len(vb.rijen) > max_rijen:
            toon(f"  ... en {sum(vb.tellingen.values()) - max_rijen} rijen meer.")


def _bevestigd(args: argparse.Namespace, vraag: str, zonder_terminal: str) -> bool:
    """--ja, of 'j' op de vraag in een terminal; zonder terminal en zonder --ja: nee (en zegt dat)."""
    if args.ja:
        return True
    if not sys.stdin.isatty():
        print(zonder_terminal)
        return False
    if input(f"{vraag} [j/N] ").strip().lower() in ("j", "ja", "y", "yes"):
        return True
    print("Niets geschreven.")
    return False


def _intrekken(args: argparse.Namespace, door: str, wie: str) -> int:
    u = excel.intrekbaar(args.ongedaan)
    vorige = u["vervangt_upload_id"]
    print(
        f"Intrekken: {upload_omschrijving(u)}; "
        + (f"upload {vorige} geldt dan weer." if vorige else "er komt geen vorige versie voor terug.")
    )
    if not _bevestigd(args, "Intrekken?", "Alleen getoond (geen terminal en geen --ja): er is niets ingetrokken."):
        return 0
    vorige = excel.trek_in(args.ongedaan, door=door)
    print(f"Upload {args.ongedaan} ingetrokken {wie}" + (f"; upload {vorige} geldt weer." if vorige else "."))
    return 0


def _lijst() -> int:
    from kompas.gegevens import uploads

    lijst = uploads(Leesverbinding().cursor())
    for u in lijst.iter_rows(named=True):
        print(f"{upload_omschrijving(u)} – {upload_stand(u)}")
    if lijst.is_empty():
        print("Nog geen uploads.")
    return 0


def _upload(args: argparse.Namespace) -> int:
    """`upload BESTAND [--gemeente GM..] [--werkbladsoort ..] [--ja]`, `--lijst` of `--ongedaan ID [--ja]`.

    Het gereedschap van de beheerder op de server: 'door' is de gebruiker van het besturingssysteem.
    """
    import getpass

    door = getpass.getuser()
    wie = f"door {door} (gebruiker van het besturingssysteem)"
    try:
        if args.lijst:
            return _lijst()
        if args.ongedaan is not None:
            return _intrekken(args, door, wie)
        if not args.bestand:
            print("Geef een bestand op, --lijst of --ongedaan UPLOAD_ID.", file=sys.stderr)
            return 2
        validatie = excel.valideer(
            excel.lees_bestand(args.bestand), args.bestand, gemeente=args.gemeente, werkbladsoort=args.werkbladsoort
        )
        _toon_voorbeeld(validatie, excel.voorbeeld(validatie))
        if not _bevestigd(
            args, "Vastleggen?", "Alleen gecontroleerd (geen terminal en geen --ja): er is niets geschreven."
        ):
            return 0
        ids = excel.leg_vast(validatie, door=door)
        print(f"Vastgelegd als upload {', '.join(map(str, ids))} {wie}.")
        return 0
    except excel.UploadGeweigerd as fout:
        print(f"Geweigerd, er is niets geschreven ({aantal_problemen(len(fout.meldingen))}):", file=sys.stderr)
        for m in fout.meldingen:
            print(f"- {m.tekst()}", file=sys.stderr)
        return 1


def main(argv: list[str] | None = None) -> int:
    parser = Opdrachtregel(prog="python -m loaders", description="Sociaal Kompas: gegevens laden.")
    sub = parser.add_subparsers(dest="opdracht", required=True, title="opdrachten", metavar="OPDRACHT")
    build = sub.add_parser("build", help="database opbouwen uit data/")
    build.add_argument(
        "--data",
        type=Path,
        default=DATA,
        metavar="MAP",
        help="de map met regio's, registry, cijfers en kaders (standaard: data/)",
    )
    build.set_defaults(doe=_build)
    refresh = sub.add_parser("refresh", help="cijfers live ophalen bij CBS en RIVM (data/cbs_tabellen.toml)")
    refresh.add_argument("tabel", nargs="*", help="alleen deze tabel-id's (standaard: alle)")
    refresh.add_argument(
        "--controleer",
        action="store_true",
        help="niets laden: per tabel de wijzigingsdatum van wat geladen is en van wat CBS/RIVM nu "
        "serveert, en nieuwere jaargangen van de Kerncijfers wijken en buurten",
    )
    refresh.add_argument(
        "--alle-gemeenten",
        action="store_true",
        help="deze keer alle gemeenten van Nederland ophalen (uit de codelijst van elke tabel), ook als "
        "alle_gemeenten in data/cbs_tabellen.toml uit staat",
    )
    refresh.set_defaults(doe=_refresh)
    upload = sub.add_parser("upload", help="een Excel-bestand van de gemeente controleren en vastleggen")
    upload.add_argument("bestand", nargs="?", help="het .xlsx-bestand")
    upload.add_argument("--gemeente", help="gemeentecode of -naam voor werkbladen zonder kolom gemeente")
    upload.add_argument(
        "--werkbladsoort",
        "--soort",
        dest="werkbladsoort",
        choices=["waarden", "streefwaarden"],
        help="of een breed werkblad waarden of streefwaarden bevat (--soort is de oude naam)",
    )
    upload.add_argument("--ja", action="store_true", help="vastleggen of intrekken zonder te vragen")
    upload.add_argument(
        "--lijst", action="store_true", help="alle uploads tonen: nummer, bestand, werkblad, wanneer, wie, stand"
    )
    upload.add_argument(
        "--ongedaan", type=int, metavar="UPLOAD_ID", help="een upload intrekken (vraagt eerst, behalve met --ja)"
    )
    upload.set_defaults(doe=_upload)
    args = parser.parse_args(argv)
    try:
        if args.opdracht != "build":  # build bouwt zelf; de andere opdrachten lezen eerst een actuele database
            zorg_voor_database()
        return args.doe(args)
    except DatabaseFout as fout:  # Nederlands, met wat te doen; het pad erbij voor de beheerder
        print(f"Fout: {fout}\nDatabase: {database_pad()}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
