"""Gedeelde fixtures. Geen test gebruikt internet of de database in data/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from loaders.ingebed import bouw

from dbhulp import vraag_dicts


@pytest.fixture(scope="session")
def _ingebedde_db_bron(tmp_path_factory) -> Path:
    pad = tmp_path_factory.mktemp("ingebed") / "kompas.duckdb"
    bouw(pad)
    return pad


@pytest.fixture
def ingebedde_db(_ingebedde_db_bron, tmp_path, monkeypatch) -> Path:
    """Een eigen kopie van de database gebouwd uit data/; KOMPAS_DB wijst ernaar."""
    pad = tmp_path / "kompas.duckdb"
    shutil.copyfile(_ingebedde_db_bron, pad)
    monkeypatch.setenv("KOMPAS_DB", str(pad))
    return pad


@pytest.fixture
def lees(ingebedde_db):
    """Voert een query uit op (een kopie van) de ingebedde database; geeft rijen als dicts."""

    return lambda sql, params=None: vraag_dicts(ingebedde_db, sql, params)


@pytest.fixture(scope="session")
def browser():
    """Eén Chromium (Debian's /usr/bin/chromium) per testproces, gedeeld door de browsertests: Playwright's
    sync-API staat maar één actieve instantie per thread toe."""
    sync_api = pytest.importorskip("playwright.sync_api")
    from streamlit_server import CHROMIUM, CHROMIUM_ARGS

    # expect() wacht standaard 5 s; een gedeelde, drukke machine (CI, twee testprocessen) heeft soms meer nodig
    sync_api.expect.set_options(timeout=30_000)

    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
