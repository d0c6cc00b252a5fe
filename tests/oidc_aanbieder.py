"""Een echte, lokale OpenID Connect-aanbieder op 127.0.0.1 voor de tests (het pakket oidc-provider-mock).

Die geeft ondertekende ID-tokens uit voor vooraf opgegeven accounts (sub + claims) en kent het hele
code-verloop: /.well-known/openid-configuration, /oauth2/authorize (een formulier met een knop per account),
/oauth2/token, /jwks en /oauth2/end_session. Elke client_id en client_secret wordt aangenomen.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from streamlit_server import stop, vrije_poort


@contextlib.contextmanager
def oidc_aanbieder(accounts: list[dict], log: Path | None = None, tijdslimiet: float = 60.0):
    """Start de aanbieder met deze accounts (elk een dict met 'sub' en claims); geeft zijn basisadres."""
    poort = vrije_poort()
    argumenten = [a for account in accounts for a in ("--user-claims", json.dumps(account))]
    uit = open(log, "w") if log else subprocess.DEVNULL  # noqa: SIM115 (blijft open zolang het proces loopt)
    proces = subprocess.Popen(
        [sys.executable, "-m", "oidc_provider_mock", "--host", "127.0.0.1", "--port", str(poort), *argumenten],
        stdout=uit,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{poort}"
    try:
        begin = time.perf_counter()
        while True:
            try:
                with urllib.request.urlopen(f"{url}/.well-known/openid-configuration", timeout=1) as antwoord:
                    if antwoord.status == 200:
                        break
            except OSError:
                if proces.poll() is not None or time.perf_counter() - begin > tijdslimiet:
                    raise RuntimeError(f"de OpenID Connect-aanbieder start niet (zie {log})") from None
                time.sleep(0.1)
        yield url
    finally:
        stop(proces)
        if log:
            uit.close()
