"""Opdrachtregel van Sociaal Kompas (naast `python -m loaders` voor de gegevens).

    python -m kompas wachtwoord [ACCOUNT]   een argon2-hash maken voor [toegang.wachtwoorden] in secrets.toml
    python -m kompas rapport GM0148 [--kader KADER_ID] --uit rapport.pdf|rapport.xlsx
                                            de raadsrapportage van een gemeente (alle kaders of één)

Het wachtwoord wordt twee keer gevraagd zonder het te tonen (of, zonder terminal, als één regel gelezen van
standaardinvoer). Alleen de hash komt op het scherm, nooit het wachtwoord.
"""

from __future__ import annotations

import argparse
import errno
import getpass
import json
import sys

from kompas.opdrachtregel import Opdrachtregel
from kompas.toegang import MIN_LENGTE, ToegangFout, maak_hash


def _wachtwoord(args: argparse.Namespace) -> int:
    if sys.stdin.isatty():
        eerste = getpass.getpass(f"Nieuw wachtwoord (minstens {MIN_LENGTE} tekens): ")
        if getpass.getpass("Nog een keer: ") != eerste:
            print("De twee wachtwoorden zijn niet gelijk; er is geen hash gemaakt.", file=sys.stderr)
            return 1
    else:
        eerste = sys.stdin.readline().rstrip("\r\n")
    try:
        hash_ = maak_hash(eerste)
    except ToegangFout as fout:
        print(f"Geweigerd: {fout}", file=sys.stderr)
        return 1
    account = (args.account or "naam@gemeente.nl").strip().lower()
    print(
        "Zet deze regel in .streamlit/secrets.toml onder [toegang.wachtwoorden] (het account moet ook in "
        "[toegang.accounts] staan, met zijn gemeenten):",
        file=sys.stderr,
    )
    print(f"{json.dumps(account)} = {json.dumps(hash_)}")
    return 0


def _rapport(args: argparse.Namespace) -> int:
    from pathlib import Path

    from kompas import rapport
    from kompas.db import DatabaseFout, Leesverbinding

    uit = Path(args.uit)
    formaat = uit.suffix.lower()
    if formaat not in rapport.FORMATEN:
        print(f"Fout: het bestand moet eindigen op .pdf of .xlsx, niet '{uit.name}'.", file=sys.stderr)
        return 2
    if not uit.parent.is_dir():
        print(f"Fout: de map '{uit.parent}' bestaat niet; er is geen rapport gemaakt.", file=sys.stderr)
        return 1
    verbinding = Leesverbinding()
    try:
        inhoud = rapport.maak(verbinding.cursor(), args.gemeente.strip().upper(), args.kader, formaat)
    except (rapport.RapportFout, DatabaseFout) as fout:
        print(f"Fout: {fout}", file=sys.stderr)
        return 1
    finally:
        verbinding.close()
    try:
        uit.write_bytes(inhoud)
    except OSError as fout:
        reden = {
            errno.EACCES: "geen schrijfrechten",
            errno.EPERM: "geen schrijfrechten",
            errno.ENOSPC: "de schijf is vol",
            errno.EROFS: "alleen-lezen",
            errno.EISDIR: "dat is een map",
        }.get(fout.errno, "schrijffout")
        print(f"Fout: het rapport kon niet worden geschreven naar '{uit}' ({reden}).", file=sys.stderr)
        return 1
    print(f"Rapport geschreven: {uit}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = Opdrachtregel(prog="python -m kompas", description="Sociaal Kompas: beheer.")
    sub = parser.add_subparsers(dest="opdracht", required=True, title="opdrachten", metavar="OPDRACHT")
    ww = sub.add_parser("wachtwoord", help="een wachtwoordhash maken voor [toegang.wachtwoorden]")
    ww.add_argument("account", nargs="?", help="het e-mailadres van het account (alleen voor de regel die je kopieert)")
    ww.set_defaults(doe=_wachtwoord)
    rp = sub.add_parser("rapport", help="de raadsrapportage van een gemeente als PDF of Excel")
    rp.add_argument("gemeente", help="de gemeentecode, bijvoorbeeld GM0148")
    rp.add_argument(
        "--kader", metavar="KADER_ID", help="alleen dit kader (kader_id, zoals in de URL van de pagina Kaders)"
    )
    rp.add_argument(
        "--uit", required=True, metavar="BESTAND", help="waar het rapport komt; .pdf of .xlsx bepaalt het formaat"
    )
    rp.set_defaults(doe=_rapport)
    args = parser.parse_args(argv)
    return args.doe(args)


if __name__ == "__main__":
    sys.exit(main())
