"""Een kapotte, ontbrekende of onleesbare database: op elke pagina en in de opdrachtregel een Nederlandse
melding die zegt wat er mis is en wat te doen, nooit een traceback; en er gaat niets verloren (issue 11, punt 5)."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dbhulp import alle_uploads

PROJECT = Path(__file__).resolve().parent.parent
PAGINAS = ["overzicht", "kaders", "vergelijken", "indicator", "over_de_data", "upload"]
ENGELS = ("Error", "Exception", "Traceback", "duckdb", "/tmp", "/work")


WACHTWOORD = "geheim-voor-de-test"  # testaccount, alleen hier


def _pagina(pagina: str) -> AppTest:
    from argon2 import PasswordHasher

    at = AppTest.from_file(str(PROJECT / "pages" / f"{pagina}.py"), default_timeout=60)
    at.secrets["toegang"] = {
        "accounts": {"a@b.nl": ["GM0148"]},
        "wachtwoorden": {"a@b.nl": PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash(WACHTWOORD)},
    }
    return at.run()


def _melding(at: AppTest) -> str:
    assert not at.exception, [e.value for e in at.exception]
    (fout,) = at.error
    tekst = fout.value
    assert not any(woord in tekst for woord in ENGELS), tekst
    return tekst


@pytest.fixture
def kapotte_db(tmp_path, monkeypatch) -> Path:
    pad = tmp_path / "kompas.duckdb"
    pad.write_bytes(b"dit is geen database\n" * 1000)
    monkeypatch.setenv("KOMPAS_DB", str(pad))
    return pad


@pytest.fixture
def afgekapte_db(ingebedde_db) -> Path:
    """Een echte database waarvan de tweede helft ontbreekt (een half gekopieerd bestand)."""
    data = ingebedde_db.read_bytes()
    ingebedde_db.write_bytes(data[: len(data) // 3])
    return ingebedde_db


@pytest.fixture
def alleen_lezen_map(tmp_path, monkeypatch) -> Path:
    """Een map waarin niet geschreven kan worden (als root: een read-only tmpfs; anders chmod 555)."""
    map_ = tmp_path / "alleen-lezen"
    map_.mkdir()
    if os.geteuid() == 0:
        if (
            subprocess.run(
                ["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(map_)], capture_output=True
            ).returncode
            != 0
        ):
            pytest.skip("een read-only tmpfs koppelen lukt hier niet")
    else:
        map_.chmod(0o555)
    monkeypatch.setenv("KOMPAS_DB", str(map_ / "kompas.duckdb"))
    yield map_
    if os.geteuid() == 0:
        subprocess.run(["umount", "-l", str(map_)], check=False)
    else:
        map_.chmod(0o755)


@pytest.mark.parametrize("pagina", PAGINAS)
def test_kapotte_database_geeft_op_elke_pagina_een_nederlandse_melding(kapotte_db, pagina):
    voor = kapotte_db.read_bytes()
    tekst = _melding(_pagina(pagina))
    assert "beschadigd" in tekst and "reservekopie" in tekst and "python -m loaders build" in tekst
    assert kapotte_db.read_bytes() == voor  # niets overschreven: er gaat niets verloren


@pytest.mark.parametrize("pagina", ["overzicht", "indicator"])
def test_afgekapte_database_geeft_een_nederlandse_melding(afgekapte_db, pagina):
    assert "beschadigd" in _melding(_pagina(pagina))


def test_ontbrekende_database_in_alleen_lezen_map_bij_de_start(alleen_lezen_map):
    """De start (app.py) bouwt een ontbrekende database; kan dat niet, dan zegt de app waarom."""
    at = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=60).run()
    tekst = _melding(at)
    assert "ontbreekt en kan niet worden aangemaakt" in tekst and "schrijfrechten" in tekst


@pytest.mark.parametrize("pagina", ["overzicht", "upload"])
def test_pagina_bouwt_geen_ontbrekende_database(alleen_lezen_map, pagina):
    """Een pagina leest alleen: zonder database een Nederlandse melding (bouwen doen de start en de CLI)."""
    tekst = _melding(_pagina(pagina))
    assert "is er (nog) niet" in tekst and "python -m loaders build" in tekst


def _cli(*args: str, db: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "loaders", *args],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        env={**os.environ, "KOMPAS_DB": str(db)},
        timeout=300,
    )


def test_opdrachtregel_bij_kapotte_database(kapotte_db, tmp_path):
    import werkboeken as wb

    voor = kapotte_db.read_bytes()
    bestand = tmp_path / "bewind.xlsx"
    bestand.write_bytes(wb.waarden([["GM0148", "bewindvoering_huishoudens", 2022, 5, None, None, None]]))
    for args in (["build"], ["upload", str(bestand), "--ja"], ["upload", "--ongedaan", "1"]):
        proc = _cli(*args, db=kapotte_db)
        assert proc.returncode == 1, (args, proc.stderr)
        assert "beschadigd" in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
        assert f"Database: {kapotte_db}" in proc.stderr  # de beheerder krijgt het pad wél
    assert kapotte_db.read_bytes() == voor


def test_opdrachtregel_bij_alleen_lezen_map(alleen_lezen_map):
    proc = _cli("build", db=alleen_lezen_map / "kompas.duckdb")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert "alleen-lezen" in proc.stderr


def test_gebruikers_zien_nooit_een_traceback():
    instellingen = tomllib.loads((PROJECT / ".streamlit" / "config.toml").read_text())
    assert instellingen["client"]["showErrorDetails"] == "none"


def test_intrekken_bij_volle_schijf_geeft_een_nederlandse_melding(ingebedde_db, monkeypatch):
    import errno

    from loaders import excel

    import werkboeken as wb

    data = wb.waarden([["GM0148", "bewindvoering_huishoudens", 2023, 190, None, "GWS4all", None]])
    (upload_id,) = excel.leg_vast(excel.valideer(data, "bewind.xlsx"), door="a@b.nl")
    at = _pagina("upload")
    at.text_input(key="upload_email").input("a@b.nl")
    at.text_input(key="upload_wachtwoord").input(WACHTWOORD)
    at.button[0].click().run()  # Aanmelden (formulier)

    def vol(*_):
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as m:
        m.setattr("kompas.db.shutil.copyfile", vol)
        at.checkbox(key="upload_zeker").check().run()
        at.button(key="upload_intrekken_knop").click().run()
    assert "De schijf is vol" in _melding(at)
    assert [u["geldend"] for u in alle_uploads()] == [True]  # niets veranderd
