"""De band van een vergelijkingsgroep in echte Chromium: getekend (een vlak in de SVG) en genoemd (legenda met de
groep en n), op de verzonnen testgemeenten van tests/fixture_groepen.py. Screenshots op 1440 en 390 px in
test-artefacts/groepen-*.png."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fixture_groepen import A, bouw_groepen

from streamlit_server import CHROMIUM, PROJECT, streamlit_server, wacht_tot_getekend

pytestmark = pytest.mark.browser
ARTEFACTEN = PROJECT / "test-artefacts"

if not Path(CHROMIUM).exists():  # pragma: no cover - scripts/test installeert chromium
    pytest.skip("Debian's chromium ontbreekt; installeer met 'apt-get install chromium'", allow_module_level=True)

expect = pytest.importorskip("playwright.sync_api").expect

TITEL = ["Gemeenten met 20.000 tot 50.000", "inwoners (n = 6)"]  # twee regels: past ook op 390 px
BAND = "Middelste helft (25%–75%)"
MEDIAAN = "Mediaan"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = bouw_groepen(tmp_path_factory.mktemp("groepen_browser") / "groepen.duckdb")
    ARTEFACTEN.mkdir(exist_ok=True)
    with streamlit_server("app.py", {"KOMPAS_DB": str(db)}, log=ARTEFACTEN / "streamlit-groepen.log") as (url, _):
        yield url


@pytest.mark.parametrize("breedte", [1440, 390])
def test_kaders_band_is_getekend_en_genoemd(server, browser, breedte):
    pagina = browser.new_page(viewport={"width": breedte, "height": 1100}, locale="nl-NL")
    try:
        pagina.goto(f"{server}/kaders?gemeente={A}")
        hoofd = pagina.locator("[data-testid=stMain]")
        hoofd.get_by_text("Status van het doel").first.wait_for(timeout=60000)
        grafiek = hoofd.locator("[data-testid=stVegaLiteChart]").first
        labels = grafiek.locator("g.role-legend-label text")
        expect(labels.filter(has_text=BAND)).to_have_count(1, timeout=30000)
        expect(labels.filter(has_text=re.compile(f"^{MEDIAAN}$"))).to_have_count(1)
        titel = grafiek.locator("g.role-legend-title text tspan").all_text_contents()
        assert [r.strip() for r in titel] == TITEL
        # het vlak van de band: een gevuld pad met de neutrale grijze kleur (kompas.grafieken.GROEP_VLAK)
        vlakken = grafiek.locator("g.mark-area path").evaluate_all("ps => ps.map(p => p.getAttribute('fill'))")
        assert "#BBBBBB" in [v.upper() for v in vlakken if v]
        expect(hoofd.get_by_text("berekend door Sociaal Kompas uit de geladen cijfers", exact=False)).to_be_visible()
        wacht_tot_getekend(pagina)
        grafiek.scroll_into_view_if_needed()  # de hoofdinhoud scrollt in een eigen vak: full_page ziet alleen de top
        pagina.screenshot(path=str(ARTEFACTEN / f"groepen-kaders-{breedte}.png"))
        assert pagina.evaluate("document.documentElement.scrollWidth") <= breedte
        # de ledenlijst wordt pas gelezen en getekend als iemand haar openklapt (bij elke rerun alleen de band)
        lijst = hoofd.locator("[data-testid=stExpander]").filter(has_text="Leden van de vergelijkingsgroep").first
        assert lijst.locator("[data-testid=stDataFrame]").count() == 0
        lijst.get_by_text("Leden van de vergelijkingsgroep").click()
        lijst.locator("[data-testid=stDataFrame]").first.wait_for(timeout=30000)
        if breedte == 1440 and (PROJECT / "node_modules" / "axe-core" / "axe.min.js").exists():
            from test_toegankelijkheid import _axe  # de band voegt geen ernstige axe-schending toe

            eigen = [s for s in _axe(pagina) if not s["toegestaan"]]
            assert not eigen, eigen
    finally:
        pagina.close()


@pytest.mark.parametrize("breedte", [1440, 390])
def test_vergelijken_band_per_gemeente_in_haar_paneel(server, browser, breedte):
    pagina = browser.new_page(viewport={"width": breedte, "height": 1100}, locale="nl-NL")
    try:
        pagina.goto(f"{server}/vergelijken?indicatoren=ervaren_gezondheid_pct&van=2020&tot=2026")
        hoofd = pagina.locator("[data-testid=stMain]")
        paneel = hoofd.locator("[data-testid=stVegaLiteChart]").filter(has_text="Testgemeente A")
        legenda = paneel.locator("g.role-legend-label text")
        expect(legenda.filter(has_text="middelste helft")).to_have_count(1, timeout=60000)
        expect(paneel.locator("g.role-legend-title text").filter(has_text="Groep (n = 6)")).to_have_count(1)
        expect(hoofd.get_by_text("Grijze band bij Testgemeente A", exact=False)).to_contain_text(
            "gemeenten met 20.000 tot 50.000 inwoners (n = 6)"
        )
        expect(hoofd.get_by_text("te weinig gemeenten met een cijfer in deze groep", exact=False)).to_be_visible()
        wacht_tot_getekend(pagina)
        paneel.scroll_into_view_if_needed()
        pagina.screenshot(path=str(ARTEFACTEN / f"groepen-vergelijken-{breedte}.png"))
        assert pagina.evaluate("document.documentElement.scrollWidth") <= breedte
    finally:
        pagina.close()
