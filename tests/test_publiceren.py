"""De startopdracht uit de README luistert alleen op 127.0.0.1 (.streamlit/config.toml), niet op elk netwerk."""

from __future__ import annotations

import socket

import pytest

from streamlit_server import PROJECT, streamlit_server


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
    assert ".venv/bin/python -m streamlit run app.py\n" in (PROJECT / "README.md").read_text(encoding="utf-8")
    adres = _ander_adres()
    if adres is None:
        pytest.skip("deze computer heeft geen ander adres dan 127.0.0.1")
    # de opdracht uit de README (zonder --server.address), op een vrije poort en zonder browser
    with streamlit_server("app.py", {"KOMPAS_DB": str(tmp_path / "kompas.duckdb")}, adres=None) as (url, _):
        poort = int(url.rsplit(":", 1)[1])
        with pytest.raises(OSError):
            socket.create_connection((adres, poort), timeout=2).close()
