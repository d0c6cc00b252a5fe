"""De startopdracht uit de README luistert alleen op 127.0.0.1 (.streamlit/config.toml), niet op elk netwerk."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

from streamlit_server import PROJECT, vrije_poort, wacht_op_gezond


def _ander_adres() -> str | None:
    """Een eigen adres van deze computer dat niet 127.x is (UDP-connect verstuurt niets)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("10.255.255.255", 9))
        except OSError:
            return None
        adres = s.getsockname()[0]
    return None if adres.startswith("127.") or adres == "0.0.0.0" else adres


def test_readme_start_luistert_alleen_lokaal(tmp_path):
    assert "python3 -m streamlit run app.py\n" in (PROJECT / "README.md").read_text(encoding="utf-8")
    adres = _ander_adres()
    if adres is None:
        pytest.skip("deze computer heeft geen ander adres dan 127.0.0.1")
    poort = vrije_poort()
    # precies de opdracht uit de README, plus alleen een vrije poort en geen browser
    proces = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(poort),
                               "--server.headless", "true"], cwd=PROJECT, stdout=subprocess.DEVNULL,
                              stderr=subprocess.STDOUT,
                              env={**os.environ, "KOMPAS_DB": str(tmp_path / "kompas.duckdb")})
    try:
        wacht_op_gezond(f"http://127.0.0.1:{poort}")
        with pytest.raises(OSError):
            socket.create_connection((adres, poort), timeout=2).close()
    finally:
        proces.terminate()
        try:
            proces.wait(10)
        except subprocess.TimeoutExpired:
            proces.kill()
