"""Onbetrouwbare bestanden lezen in een apart proces, met een geheugen- en een tijdgrens.

    uitkomst = voer_uit(functie, *args)      # functie: een functie op moduleniveau (pickle per naam)

Het werkproces (`python -m loaders.werker`) zet eerst zijn grenzen (`resource.setrlimit`: RLIMIT_AS voor
het geheugen, RLIMIT_CPU voor de rekentijd), leest dan de opdracht (pickle) van stdin en schrijft de
uitkomst of de fout (pickle) naar zijn eigen kanaal. Breekt een parser het proces af (een Rust-lezer die
bij een mislukte geheugenaanvraag abort), duurt het te lang of loopt het geheugen op, dan treft dat alleen
die ene opdracht: `voer_uit` werpt `WerkerFout` met een Nederlandse reden; de server blijft draaien.
Het proces start met subprocess (fork+exec): veilig vanuit de threads van een Streamlit-server.
`warm(module, ...)` zet er alvast een klaar dat de modules al heeft geladen, zijn geheugen al heeft aangeraakt
(VOORAF) en op zijn ene opdracht wacht (de uploadpagina doet dat zodra ze getoond wordt en na elke controle); elk
proces doet één opdracht.
"""

from __future__ import annotations

import atexit
import importlib
import os
import pickle
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

PROJECT = Path(__file__).resolve().parent.parent
GEHEUGEN = 2 * 1024**3  # adresruimte van het werkproces; 50.000 rijen lezen piekt rond 0,65 GB
TIJD = 120  # seconden, zowel rekentijd als wachttijd
# Een voorverwarmd werkproces raakt terwijl het wacht alvast zoveel geheugen aan en geeft het niet terug aan het
# systeem (glibc houdt vrijgegeven geheugen tot MALLOC_TRIM_THRESHOLD_), zodat het lezen het niet pagina voor pagina
# hoeft aan te vragen: 50.000 rijen gaven anders ~45.000 paginafouten, 0,15–0,2 s systeemtijd; controleren ging
# zo van ~0,90 naar ~0,80 s (sessie 9). Prijs: het wachtende proces houdt ~0,1 GB meer vast (RSS ~0,26 GB).
VOORAF = 96 * 1024**2


class WerkerFout(Exception):
    """Het werkproces gaf geen uitkomst. `reden`: 'geheugen', 'tijd' of 'afgebroken'."""

    def __init__(self, reden: str, detail: str = ""):
        self.reden = reden
        self.detail = detail
        super().__init__(reden)


@dataclass
class _Proces:
    """Een gestart werkproces met zijn uitvoerbestanden (uitkomst en foutmeldingen)."""

    proc: subprocess.Popen
    uit: BinaryIO
    fouten: BinaryIO

    @property
    def pid(self) -> int:
        return self.proc.pid

    def sluit(self) -> None:
        self.uit.close()
        self.fouten.close()


_voorraad: dict[tuple[int, int], _Proces] = {}  # (geheugen, tijd) -> een voorverwarmd werkproces dat wacht
_slot = threading.Lock()


def _start(geheugen: int, tijd: float, modules: tuple[str, ...]) -> _Proces:
    omgeving = {
        **os.environ,
        "RUST_BACKTRACE": "0",
        "POLARS_MAX_THREADS": "2",
        "RAYON_NUM_THREADS": "2",
        "MALLOC_ARENA_MAX": "2",
        # grote blokken uit de heap (niet per blok een eigen mmap) en niet teruggeven: zie VOORAF
        "MALLOC_MMAP_THRESHOLD_": str(32 * 1024**2),  # het maximum van glibc op 64 bits
        "MALLOC_TRIM_THRESHOLD_": str(2 * VOORAF),
    }
    uit, fouten = tempfile.TemporaryFile(), tempfile.TemporaryFile()  # noqa: SIM115 - leven zo lang als het proces (_Proces.sluit)
    proc = subprocess.Popen(
        [sys.executable, "-m", "loaders.werker", str(int(geheugen)), str(int(tijd) + 1), *modules],
        stdin=subprocess.PIPE,
        stdout=uit,
        stderr=fouten,
        cwd=PROJECT,
        env=omgeving,
    )
    return _Proces(proc, uit, fouten)


def warm(*modules: str, geheugen: int = GEHEUGEN, tijd: float = TIJD) -> None:
    """Start alvast een werkproces met deze grenzen dat `modules` laadt en dan op één opdracht wacht, zodat
    `voer_uit` het opstarten (Python, polars, calamine: ~1 s) niet meer op de wachttijd heeft. Eén per grens;
    elk proces doet één opdracht (een vijandig bestand deelt nooit een proces met een ander)."""
    sleutel = (int(geheugen), int(tijd))
    with _slot:
        bestaand = _voorraad.get(sleutel)
        if bestaand is not None and bestaand.proc.poll() is None:
            return
        _voorraad[sleutel] = _start(geheugen, tijd, modules)
    if bestaand is not None:
        bestaand.sluit()


def _neem(geheugen: int, tijd: float) -> _Proces | None:
    with _slot:
        proces = _voorraad.pop((int(geheugen), int(tijd)), None)
    if proces is not None and proces.proc.poll() is not None:  # intussen gestopt: niet gebruiken
        proces.proc.wait()
        proces.sluit()
        return None
    return proces


@atexit.register
def stop_voorraad() -> None:
    """Stopt de wachtende werkprocessen (bij afsluiten; een wachtend proces stopt ook zelf als stdin sluit)."""
    with _slot:
        processen = list(_voorraad.values())
        _voorraad.clear()
    for proces in processen:
        try:
            proces.proc.stdin.close()
            proces.proc.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            proces.proc.kill()
            proces.proc.wait()
        proces.sluit()


def voer_uit(functie, *args, geheugen: int = GEHEUGEN, tijd: float = TIJD):
    """`functie(*args)` in een werkproces (een voorverwarmd als `warm` er een met deze grenzen klaarzette);
    geeft de uitkomst, werpt de fout van de functie, of WerkerFout."""
    opdracht = pickle.dumps((list(sys.path), functie, args), protocol=pickle.HIGHEST_PROTOCOL)
    proces = _neem(geheugen, tijd) or _start(geheugen, tijd, ())
    proc, uit, fouten = proces.proc, proces.uit, proces.fouten
    try:
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
    finally:
        proces.sluit()
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
    for module in sys.argv[3:]:  # voorverwarmd (warm): alvast laden, dan wachten op de opdracht
        try:
            importlib.import_module(module)
        except Exception:  # noqa: BLE001 - de opdracht zelf meldt het dan
            pass
    if sys.argv[3:]:  # aangeraakt en vrijgegeven: blijft in de heap (MALLOC_TRIM_THRESHOLD_)
        stukken = [bytearray(b"\x01") * (16 * 1024**2) for _ in range(VOORAF // (16 * 1024**2))]
        del stukken
    opdracht = sys.stdin.buffer.read()
    if not opdracht:  # de aanroeper stopte zonder opdracht (stop_voorraad, of hij is zelf gestopt)
        return
    pad, functie, args = pickle.loads(opdracht)
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
    # Meteen stoppen: de aanroeper wacht op het einde van het proces, en het opruimen van de interpreter (polars,
    # calamine, de gelezen frames) kost hier tienden van seconden zonder dat iemand er iets aan heeft.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


if __name__ == "__main__":
    _werk()
