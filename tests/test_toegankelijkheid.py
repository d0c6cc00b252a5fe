"""Toegankelijkheid en taal in echte Chromium tegen `streamlit run app.py` (WCAG 2.1 AA is wet voor gemeenten).

Op elke pagina: <html lang="nl"> en een Nederlandse titel, geen Engelse plaatshouders, geen enkel verzoek van de
browser naar een andere host dan de server zelf, en axe-core (npm, geïnstalleerd door scripts/test) zonder
ernstige (serious/critical) schendingen, behalve de bekende uit Streamlits eigen opmaak (TOEGESTAAN, met reden).
De uploadpagina wordt twee keer bekeken: als bezoeker (aanmeldformulier) en aangemeld (uploadveld).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from streamlit_server import CHROMIUM, PROJECT, streamlit_server, wacht_tot_getekend

pytestmark = pytest.mark.browser
ARTEFACTEN = PROJECT / "test-artefacts"
AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"

if not Path(CHROMIUM).exists():  # pragma: no cover - scripts/test installeert chromium
    pytest.skip("Debian's chromium ontbreekt; installeer met 'apt-get install chromium'", allow_module_level=True)
if not AXE.exists():  # pragma: no cover - scripts/test installeert axe-core met npm
    pytest.skip("axe-core ontbreekt; installeer met 'npm ci' in de projectmap", allow_module_level=True)

# (pad, titel in het tabblad, wie): alle pagina's uit app.py
PAGINAS = [
    ("/", "Overzicht", "bezoeker"),
    ("/kaders", "Kaders", "bezoeker"),
    ("/vergelijken", "Vergelijken", "bezoeker"),
    ("/kaarten", "Kaarten", "bezoeker"),
    ("/indicator", "Indicator", "bezoeker"),
    ("/over-de-data", "Over de data", "bezoeker"),
    ("/upload", "Cijfers uploaden", "bezoeker"),
    ("/upload", "Cijfers uploaden", "beleidsmedewerker"),
]
EIGEN_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
ERNSTIG = {"serious", "critical"}

# Ernstige axe-schendingen die uit Streamlits eigen opmaak komen en die de app niet kan veranderen:
# (regel-id, CSS-selector waarbinnen het element valt, reden). Alles daarbuiten laat de test falen.
TOEGESTAAN = [
    (
        "list",
        "[data-testid=stSidebarNavItems]",
        "Streamlits zijbalknavigatie (st.navigation met secties) zet elke sectie als <div> direct in de <ul>",
    ),
    (
        "listitem",
        "[data-testid=stSidebarNavItems] li",
        "dezelfde navigatie: de <li>'s staan in die sectie-<div>, niet direct in de <ul>",
    ),
]

# Streamlits Engelse standaardplaatshouders ("Choose an option", "Choose options", "Select…")
ENGELSE_PLAATSHOUDER = re.compile(r"^\s*(choose|select|search|type|enter)\b", re.IGNORECASE)


WACHTWOORD = "geheim-voor-de-test"


@pytest.fixture(scope="module")
def server(_ingebedde_db_bron, tmp_path_factory):
    map_ = tmp_path_factory.mktemp("toegankelijkheid")
    db = map_ / "kompas.duckdb"
    shutil.copyfile(_ingebedde_db_bron, db)
    from argon2 import PasswordHasher

    geheimen = map_ / "secrets.toml"  # verzonnen account, alleen voor deze test (terugvaloptie met wachtwoord)
    wachtwoord_hash = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash(WACHTWOORD)
    geheimen.write_text(
        f'[toegang.accounts]\n"test@dalfsen.nl" = ["GM0148"]\n\n'
        f'[toegang.wachtwoorden]\n"test@dalfsen.nl" = "{wachtwoord_hash}"\n',
        encoding="utf-8",
    )
    ARTEFACTEN.mkdir(exist_ok=True)
    with streamlit_server(
        "app.py",
        {"KOMPAS_DB": str(db)},
        log=ARTEFACTEN / "streamlit-toegankelijkheid.log",
        opties=["--secrets.files", str(geheimen)],
    ) as (url, _):
        yield url


def _klaar(pagina) -> None:
    """Wacht tot de run klaar is en de grafieken getekend zijn."""
    hoofd = pagina.locator("[data-testid=stMain]")
    hoofd.locator("h1").first.wait_for(timeout=60000)
    pagina.wait_for_load_state("networkidle")
    wacht_tot_getekend(pagina)


def _aanmelden(pagina) -> None:
    hoofd = pagina.locator("[data-testid=stMain]")
    hoofd.get_by_label("E-mailadres").fill("test@dalfsen.nl")
    hoofd.get_by_label("Wachtwoord").fill(WACHTWOORD)
    hoofd.get_by_role("button", name="Aanmelden").click()
    hoofd.locator("[data-testid=stFileUploader]").wait_for(timeout=60000)
    _klaar(pagina)


def _axe(pagina) -> list[dict]:
    """Draait axe-core op de hele pagina; geeft de ernstige schendingen per element, met of ze toegestaan zijn."""
    pagina.add_script_tag(path=str(AXE))
    return pagina.evaluate(
        """async (toegestaan) => {
            const r = await axe.run(document, {resultTypes: ['violations']});
            const uit = [];
            for (const v of r.violations) {
                if (!['serious', 'critical'].includes(v.impact)) continue;
                for (const n of v.nodes) {
                    const el = document.querySelector(n.target[0]);
                    const reden = toegestaan.find(([regel, binnen]) => regel === v.id && el && el.closest(binnen));
                    uit.push({regel: v.id, ernst: v.impact, hulp: v.help, element: n.target.join(' '),
                              html: n.html.slice(0, 200), waarom: n.failureSummary, toegestaan: reden ? reden[2] : null});
                }
            }
            return uit;
        }""",
        [list(t) for t in TOEGESTAAN],
    )


@pytest.mark.parametrize(("pad", "titel", "wie"), PAGINAS, ids=[f"{p}-{w}" for p, _, w in PAGINAS])
def test_pagina_nederlands_lokaal_en_zonder_ernstige_axe_schendingen(server, browser, pad, titel, wie):
    pagina = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="nl-NL")
    verzoeken: list[str] = []
    pagina.on("request", lambda verzoek: verzoeken.append(verzoek.url))
    pagina.on("websocket", lambda ws: verzoeken.append(ws.url))
    try:
        pagina.goto(server + pad)
        _klaar(pagina)
        if wie == "beleidsmedewerker":
            _aanmelden(pagina)
        naam = f"toegankelijkheid{pad.replace('/', '-').rstrip('-')}-{wie}"
        pagina.screenshot(path=str(ARTEFACTEN / f"{naam}.png"), full_page=True)

        assert pagina.evaluate("document.documentElement.lang") == "nl"
        assert pagina.title() == f"{titel} – Sociaal Kompas"
        plaatshouders = pagina.evaluate("[...document.querySelectorAll('[placeholder]')].map(e => e.placeholder)")
        assert not [p for p in plaatshouders if ENGELSE_PLAATSHOUDER.match(p)], plaatshouders
        # het favicon komt uit de app zelf (data-URI of de eigen server), niet van een lettertypedienst
        icoon = pagina.evaluate("document.querySelector('link[rel~=icon]')?.href ?? ''")
        assert icoon.startswith("data:") or urlsplit(icoon).hostname in EIGEN_HOSTS, icoon

        schendingen = _axe(pagina)
        (ARTEFACTEN / f"{naam}-axe.json").write_text(
            json.dumps(schendingen, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        eigen = [s for s in schendingen if not s["toegestaan"]]
        assert not eigen, "ernstige axe-schendingen uit de eigen opmaak:\n" + "\n".join(
            f"- [{s['ernst']}] {s['regel']} ({s['hulp']}): {s['element']}\n  {s['html']}\n  {s['waarom']}"
            for s in eigen
        )

        pagina.wait_for_load_state("networkidle")  # ook wat de pagina na het tekenen nog ophaalt
        extern = sorted(
            {
                u
                for u in verzoeken
                if urlsplit(u).scheme not in ("data", "blob") and urlsplit(u).hostname not in EIGEN_HOSTS
            }
        )
        assert not extern, f"de browser vroeg andere hosts: {extern}"
    finally:
        pagina.close()


def test_toegestane_schendingen_bestaan_nog(server, browser):
    """De uitzonderingslijst blijft kort en eerlijk: elke regel erin komt op de overzichtspagina echt voor.
    Verdwijnt een schending (nieuwe Streamlit), dan faalt dit en gaat de uitzondering eruit."""
    pagina = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="nl-NL")
    try:
        pagina.goto(server + "/")
        _klaar(pagina)
        gevonden = {s["regel"] for s in _axe(pagina) if s["toegestaan"]}
    finally:
        pagina.close()
    assert gevonden == {regel for regel, _, _ in TOEGESTAAN}
