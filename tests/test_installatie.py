"""De installatie staat vast: elk pakket, ook wat de directe pakketten meebrengen, heeft een exacte versie in een
lockbestand, en de lock hoort bij de pins in requirements*.txt (anders: `bash scripts/lock`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;#]+)")


def _naam(naam: str) -> str:
    return re.sub(r"[-_.]+", "-", naam).lower()


def _pins(pad: Path) -> dict[str, str]:
    """Pakket -> versie voor elke regel 'naam==versie' (ook uit een genoemd '-r ander.txt')."""
    pins = {}
    for regel in pad.read_text(encoding="utf-8").splitlines():
        regel = regel.strip()
        if regel.startswith("-r "):
            pins |= _pins(pad.parent / regel[3:].strip())
        elif m := PIN.match(regel):
            pins[_naam(m[1])] = m[2]
    return pins


@pytest.mark.parametrize(
    ("bron", "lock"), [("requirements.txt", "requirements.lock"), ("requirements-test.txt", "requirements-test.lock")]
)
def test_lock_heeft_elke_pin_en_alleen_exacte_versies(bron, lock):
    gepind = _pins(PROJECT / bron)
    vast = _pins(PROJECT / lock)
    anders = {n: (v, vast.get(n)) for n, v in gepind.items() if vast.get(n) != v}
    assert not anders, f"{lock} past niet bij {bron} (pin, lock): {anders}; maak de lock opnieuw: bash scripts/lock"
    assert len(vast) > len(gepind)  # ook wat de directe pakketten meebrengen
    pakketregels = [
        r
        for r in (PROJECT / lock).read_text(encoding="utf-8").splitlines()
        if r.strip() and not r.lstrip().startswith("#")
    ]
    assert all(PIN.match(r) for r in pakketregels), [r for r in pakketregels if not PIN.match(r)]


def test_testlock_heeft_dezelfde_versies_als_de_applock():
    app, test = _pins(PROJECT / "requirements.lock"), _pins(PROJECT / "requirements-test.lock")
    assert {n: test.get(n) for n in app} == app


def test_readme_en_scripts_test_installeren_uit_de_lock_in_een_venv():
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    eerste = re.search(r"```bash\n(python3 -m venv .*)\n```", readme)
    assert eerste, "de eerste opdracht in de README maakt geen venv"
    assert ".venv/bin/python -m pip install -r requirements.lock" in eerste[1]
    assert ".venv/bin/python -m loaders build" in eerste[1] and ".venv/bin/python -m streamlit run app.py" in eerste[1]
    script = (PROJECT / "scripts" / "test").read_text(encoding="utf-8")
    assert "-m venv .venv" in script and "pip install" in script and "-r requirements-test.lock" in script
    assert " -q" not in script.split("pip install", 1)[1].splitlines()[0]  # de installatie is te volgen
    assert ".venv/bin/python -m pytest" in script
    # ".venv" zonder schuine streep: ook een symlink .venv (een git worktree) komt zo nooit in de index
    assert ".venv" in (PROJECT / ".gitignore").read_text(encoding="utf-8").splitlines()
