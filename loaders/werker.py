"""Onbetrouwbare bestanden lezen in een apart proces, met een geheugen- en een tijdgrens.

    uitkomst = voer_uit(functie, *args)      # functie: een functie op moduleniveau (pickle per naam)

Het werkproces (`python -m loaders.werker`) zet eerst zijn grenzen (`resource.setrlimit`: RLIMIT_AS voor
het geheugen, RLIMIT_CPU voor de rekentijd), leest dan de opdracht (pickle) van stdin en schrijft de
uitkomst of de fout (pickle) naar zijn eigen kanaal. Breekt een parser het proces af (een Rust-lezer die
bij een mislukte geheugenaanvraag abort), duurt het te lang of loopt het geheugen op, dan treft dat alleen
die ene opdracht: `voer_uit` werpt `WerkerFout` met een Nederlandse reden; de server blijft draaien.
Het proces start met subprocess (fork+exec): veilig vanuit de threads van een Streamlit-server.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
GEHEUGEN = 2 * 1024**3  # adresruimte van het werkproces; 50.000 rijen lezen piekt rond 0,65 GB
TIJD = 120  # seconden, zowel rekentijd als wachttijd


class WerkerFout(Exception):
    """Het werkproces gaf geen uitkomst. `reden`: 'geheugen', 'tijd' of 'afgebroken'."""

    def __init__(self, reden: str, detail: str = ""):
        self.reden = reden
        self.detail = detail
        super().__init__(reden)


def voer_uit(functie, *args, geheugen: int = GEHEUGEN, tijd: float = TIJD):
    """`functie(*args)` in een werkproces; geeft de uitkomst, werpt de fout van de functie, of WerkerFout."""
    opdracht = pickle.dumps((list(sys.path), functie, args), protocol=pickle.HIGHEST_PROTOCOL)
    omgeving = {
        **os.environ,
        "RUST_BACKTRACE": "0",
        "POLARS_MAX_THREADS": "2",
        "RAYON_NUM_THREADS": "2",
        "MALLOC_ARENA_MAX": "2",
    }
    with tempfile.TemporaryFile() as uit, tempfile.TemporaryFile() as fouten:
        proc = subprocess.Popen(
            [sys.executable, "-m", "loaders.werker", str(int(geheugen)), str(int(tijd) + 1)],
            stdin=subprocess.PIPE,
            stdout=uit,
            stderr=fouten,
            cwd=PROJECT,
            env=omgeving,
        )
        try:
            proc.communicate(opdracht, timeout=tijd)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            raise WerkerFout("tijd") from None
        uit.seek(0)
        resultaat = uit.read()
        fouten.seek(0, os.SEEK_END)
        fouten.seek(max(0, fouten.tell() - 4000))
        detail = fouten.read().decode("utf-8", "replace")
    if proc.returncode != 0 or not resultaat:
        if "memory allocation" in detail or "MemoryError" in detail:
            raise WerkerFout("geheugen", detail)
        if proc.returncode in (-9, -24):  # SIGKILL / SIGXCPU: de rekentijd is op
            raise WerkerFout("tijd", detail)
        raise WerkerFout("afgebroken", detail)
    afloop, waarde = pickle.loads(resultaat)
    if afloop == "ok":
        return waarde
    if afloop == "fout":
        raise waarde
    raise WerkerFout(afloop, str(waarde))


def _werk() -> None:
    import resource

    geheugen, tijd = int(sys.argv[1]), int(sys.argv[2])
    resource.setrlimit(resource.RLIMIT_AS, (geheugen, geheugen))
    resource.setrlimit(resource.RLIMIT_CPU, (tijd, tijd + 1))
    kanaal = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # wat een bibliotheek print, komt niet in de uitkomst
    pad, functie, args = pickle.loads(sys.stdin.buffer.read())
    sys.path[:] = pad
    try:
        uitkomst = ("ok", functie(*args))
    except MemoryError:
        uitkomst = ("geheugen", "")
    except Exception as fout:  # noqa: BLE001 - elke fout gaat terug naar de aanroeper
        try:
            pickle.loads(pickle.dumps(fout))
            uitkomst = ("fout", fout)
        except Exception:
            uitkomst = ("afgebroken", f"{type(fout).__name__}: {fout}")
    kanaal.write(pickle.dumps(uitkomst, protocol=pickle.HIGHEST_PROTOCOL))
    kanaal.close()


if __name__ == "__main__":
    _werk()
