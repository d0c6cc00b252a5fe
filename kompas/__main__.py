"""Opdrachtregel van Sociaal Kompas (naast `python -m loaders` voor de gegevens).

    python -m kompas wachtwoord [ACCOUNT]   een argon2-hash maken voor [toegang.wachtwoorden] in secrets.toml

Het wachtwoord wordt twee keer gevraagd zonder het te tonen (of, zonder terminal, als één regel gelezen van
standaardinvoer). Alleen de hash komt op het scherm, nooit het wachtwoord.
"""

from __future__ import annotations

import argparse
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
    print("Zet deze regel in .streamlit/secrets.toml onder [toegang.wachtwoorden] (het account moet ook in "
          "[toegang.accounts] staan, met zijn gemeenten):", file=sys.stderr)
    print(f"{json.dumps(account)} = {json.dumps(hash_)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = Opdrachtregel(prog="python -m kompas", description="Sociaal Kompas: beheer.")
    sub = parser.add_subparsers(dest="opdracht", required=True, title="opdrachten", metavar="OPDRACHT")
    ww = sub.add_parser("wachtwoord", help="een wachtwoordhash maken voor [toegang.wachtwoorden]")
    ww.add_argument("account", nargs="?", help="het e-mailadres van het account (alleen voor de regel die je kopieert)")
    ww.set_defaults(doe=_wachtwoord)
    args = parser.parse_args(argv)
    return args.doe(args)


if __name__ == "__main__":
    sys.exit(main())
