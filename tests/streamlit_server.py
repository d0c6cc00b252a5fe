"""Start `streamlit run` op een vrije poort en wacht op /_stcore/health (voor browsertests en de benchmark)."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# In de browser: de run van Streamlit is klaar en elke grafiek is getekend. Browsertests wachten hierop in plaats van
# een vaste pauze. De run is klaar als de app verbonden is, haar scriptstatus 'notRunning' is (niet 'initial': dan
# is er nog geen run geweest) en de statuswidget weg is. Alleen op de statuswidget wachten is te vroeg: die verschijnt
# pas even na het begin van een run (CI zag zo een Overzicht zonder tegels).
RUN_KLAAR = (
    "!!document.querySelector('[data-testid=stApp][data-test-connection-state=CONNECTED]"
    "[data-test-script-state=notRunning]') && !document.querySelector('[data-testid=stStatusWidget]')"
)
GETEKEND = (
    RUN_KLAAR + " && [...document.querySelectorAll('[data-testid=stVegaLiteChart]')]"
    ".every(g => g.querySelector('svg.marks, canvas'))"
)


def wacht_tot_getekend(pagina, timeout: float = 60000) -> None:
    """Wacht (Playwright) tot de run klaar is en elke grafiek op de pagina getekend is."""
    pagina.wait_for_function(GETEKEND, timeout=timeout)


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wacht_op_gezond(url: str, tijdslimiet: float = 60.0) -> float:
    """Pollt /_stcore/health; geeft de verstreken tijd terug."""
    begin = time.perf_counter()
    while time.perf_counter() - begin < tijdslimiet:
        with contextlib.suppress(OSError):
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as antwoord:
                if antwoord.status == 200:
                    return time.perf_counter() - begin
        time.sleep(0.05)
    raise TimeoutError(f"streamlit niet gezond binnen {tijdslimiet} s op {url}")


def stop(proces: subprocess.Popen) -> None:
    """Beëindigt een testserver netjes, en hard als hij na 10 s nog draait."""
    proces.terminate()
    try:
        proces.wait(10)
    except subprocess.TimeoutExpired:
        proces.kill()


@contextlib.contextmanager
def streamlit_server(
    script: str | Path = "app.py",
    omgeving: dict | None = None,
    log: Path | None = None,
    opties: list[str] | None = None,
    adres: str | None = "127.0.0.1",
):
    """Draait `streamlit run SCRIPT [OPTIES]` en geeft (url, proces) terug zodra de server gezond is.

    `adres=None`: geen --server.address, dus wat .streamlit/config.toml zegt (zoals de startopdracht in de README).
    """
    poort = vrije_poort()
    env = {**os.environ, **(omgeving or {}), "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    uit = open(log, "w") if log else subprocess.DEVNULL  # noqa: SIM115 (blijft open zolang het proces loopt)
    proces = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(script),
            "--server.port",
            str(poort),
            *(["--server.address", adres] if adres else []),
            "--server.headless",
            "true",
            "--server.fileWatcherType",
            "none",
            *(opties or []),
        ],
        cwd=PROJECT,
        env=env,
        stdout=uit,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{poort}"
    try:
        wacht_op_gezond(url)
        yield url, proces
    finally:
        stop(proces)
        if log:
            uit.close()
