"""Nederlandse argparse voor de opdrachtregels (`python -m loaders`, `python -m kompas`).

argparse zet zijn eigen teksten ("usage:", "options", "show this help message and exit", de foutmeldingen) in
het Engels. `Opdrachtregel` vervangt ze op de plekken die argparse daarvoor heeft: het voorvoegsel van de
gebruiksregel (de formatter), de titels van de twee standaardgroepen, een eigen -h/--help en `error()`, die de
Engelse melding naar het Nederlands vertaalt. Subopdrachten krijgen dezelfde klasse (argparse geeft de klasse
van de ouder door).
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

# argparse's Engelse meldingen (Python 3.11) als patroon -> Nederlands; de eerste die past, wint.
_MELDINGEN = [
    (r"argument (?P<a>.+?): (?P<rest>.+)", lambda m: f"argument {m['a']}: {_vertaal(m['rest'])}"),
    (r"the following arguments are required: (?P<a>.+)", "deze argumenten ontbreken: {a}"),
    (r"one of the arguments (?P<a>.+) is required", "een van deze argumenten is nodig: {a}"),
    (r"unrecognized arguments: (?P<a>.+)", "onbekende argumenten: {a}"),
    (r"invalid choice: (?P<w>.+) \(choose from (?P<k>.+)\)", "ongeldige keuze: {w} (kies uit {k})"),
    (r"invalid (?P<t>\w+) value: (?P<w>.+)", "ongeldige waarde: {w} (verwacht: {t})"),
    (r"expected one argument", "verwacht één waarde"),
    (r"expected at most one argument", "verwacht hoogstens één waarde"),
    (r"expected at least one argument", "verwacht minstens één waarde"),
    (r"not allowed with argument (?P<a>.+)", "niet samen met argument {a}"),
    (r"ignored explicit argument (?P<a>.+)", "argument {a} genegeerd"),
    (r"ambiguous option: (?P<o>.+) could match (?P<m>.+)", "optie {o} is niet eenduidig: {m}"),
]
_TYPEN = {"int": "een geheel getal", "float": "een getal"}


def _vertaal(melding: str) -> str:
    for patroon, dutch in _MELDINGEN:
        m = re.fullmatch(patroon, melding, re.DOTALL)
        if m:
            if callable(dutch):
                return dutch(m)
            delen = {k: _TYPEN.get(v, v) if k == "t" else v for k, v in m.groupdict().items()}
            return dutch.format(**delen)
    return melding


class _Opmaak(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix="gebruik: " if prefix is None else prefix)


class Opdrachtregel(argparse.ArgumentParser):
    """`argparse.ArgumentParser` met Nederlandse hulp- en foutteksten."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Opmaak)
        hulp = kwargs.pop("add_help", True)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        if hulp:
            self.add_argument(
                "-h", "--help", action="help", default=argparse.SUPPRESS, help="deze hulp tonen en stoppen"
            )

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {_vertaal(message)}\n")
