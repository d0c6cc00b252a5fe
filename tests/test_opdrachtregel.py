"""De opdrachtregels spreken Nederlands: hulp en fouten van argparse zonder Engelse standaardteksten."""

from __future__ import annotations

import re

import pytest

from kompas.__main__ import main as kompas_main
from loaders.__main__ import main as loaders_main

ENGELS = re.compile(
    r"usage|positional arguments|options:|show this help|error|invalid|choose from|required|"
    r"unrecognized|expected|\barguments\b",
    re.IGNORECASE,
)


def _uitvoer(main, argv, capsys) -> tuple[int, str]:
    with pytest.raises(SystemExit) as stop:
        main(argv)
    uit = capsys.readouterr()
    return stop.value.code, uit.out + uit.err


@pytest.mark.parametrize(
    ("main", "argv"),
    [
        (loaders_main, ["--help"]),
        (loaders_main, ["upload", "--help"]),
        (loaders_main, ["refresh", "-h"]),
        (kompas_main, ["--help"]),
        (kompas_main, ["wachtwoord", "--help"]),
    ],
)
def test_hulp_is_nederlands(main, argv, capsys):
    code, tekst = _uitvoer(main, argv, capsys)
    assert code == 0
    assert tekst.startswith("gebruik: python -m ")
    assert "deze hulp tonen en stoppen" in tekst and "opties:" in tekst
    assert not ENGELS.search(tekst), ENGELS.search(tekst)


@pytest.mark.parametrize(
    ("main", "argv", "verwacht"),
    [
        (loaders_main, [], "fout: deze argumenten ontbreken: OPDRACHT"),
        (loaders_main, ["bestaatniet"], "fout: argument OPDRACHT: ongeldige keuze: 'bestaatniet' (kies uit 'build',"),
        (loaders_main, ["upload", "--ongedaan", "x"], "ongeldige waarde: 'x' (verwacht: een geheel getal)"),
        (loaders_main, ["build", "--xyz"], "fout: onbekende argumenten: --xyz"),
        (kompas_main, ["wachtwoord", "a", "b"], "fout: onbekende argumenten: b"),
    ],
)
def test_fouten_zijn_nederlands(main, argv, verwacht, capsys):
    code, tekst = _uitvoer(main, argv, capsys)
    assert code == 2
    assert tekst.startswith("gebruik: python -m ") and verwacht in tekst, tekst
    assert not ENGELS.search(tekst), tekst


def test_maak_ingebedde_data_zonder_referentie_meldt_in_het_nederlands(tmp_path):
    """Zonder ../shared/reference (of met een lege map) geen traceback: een Nederlandse melding, exitcode 1,
    en data/ blijft onaangeroerd."""
    import subprocess
    import sys
    from pathlib import Path

    project = Path(__file__).resolve().parent.parent
    bronnen = project / "data" / "bronnen.csv"
    voor = bronnen.stat().st_mtime_ns
    uit = subprocess.run(
        [sys.executable, "tools/maak_ingebedde_data.py", "--referentie", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=project,
        timeout=120,
    )
    assert uit.returncode == 1, uit.stderr
    assert "Traceback" not in uit.stderr and "Error" not in uit.stderr
    assert "het referentiemateriaal is niet (volledig) gevonden" in uit.stderr
    assert "Ontbreekt: cbs_exports/Gezondheidsmonitor16_83674NED.csv" in uit.stderr and "--referentie MAP" in uit.stderr
    assert bronnen.stat().st_mtime_ns == voor
