"""In echte Chromium (Debian's /usr/bin/chromium via Playwright) tegen `streamlit run app.py`.

Screenshots van elke pagina komen in test-artefacts/ (ook als een test faalt).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from kompas.grafieken import ONDERTITEL_TEKENS

from streamlit_server import CHROMIUM, PROJECT, streamlit_server, wacht_tot_getekend

pytestmark = pytest.mark.browser
ARTEFACTEN = PROJECT / "test-artefacts"

if not Path(CHROMIUM).exists():  # pragma: no cover - scripts/test installeert chromium
    pytest.skip("Debian's chromium ontbreekt; installeer met 'apt-get install chromium'", allow_module_level=True)

expect = pytest.importorskip("playwright.sync_api").expect


def _nieuwe_pagina(browser):
    return browser.new_page(viewport={"width": 1440, "height": 900}, locale="nl-NL")


@pytest.fixture(scope="module")
def app(_ingebedde_db_bron, tmp_path_factory, browser):
    db = tmp_path_factory.mktemp("browser") / "kompas.duckdb"
    shutil.copyfile(_ingebedde_db_bron, db)
    ARTEFACTEN.mkdir(exist_ok=True)
    with streamlit_server("app.py", {"KOMPAS_DB": str(db)}, log=ARTEFACTEN / "streamlit.log") as (url, _):
        pagina = _nieuwe_pagina(browser)
        yield url, pagina
        pagina.close()


def _open(pagina, url: str, naam: str, wacht_op: str):
    pagina.goto(url)
    pagina.locator("[data-testid=stMain]").get_by_text(wacht_op).first.wait_for(timeout=60000)
    wacht_tot_getekend(pagina)
    pagina.screenshot(path=str(ARTEFACTEN / f"{naam}.png"), full_page=True)
    return pagina.locator("[data-testid=stMain]")


def test_overzicht_toont_drie_gemeenten_en_landelijk(app):
    url, pagina = app
    hoofd = _open(pagina, url, "overzicht", "Gezondheid")
    hoofd.get_by_text("Hoe staan we ervoor?").wait_for()
    assert hoofd.get_by_text("2,9%", exact=True).count() >= 1
    assert hoofd.get_by_text("85,9%", exact=True).count() >= 1
    assert hoofd.get_by_text("geen gegevens", exact=True).count() == 0  # geen lege tegels
    tekst = hoofd.inner_text()
    assert "Nederland 4,7%" in tekst and "Nog geen cijfer voor:" in tekst
    # de doelen per gemeente, met een link naar haar kaders
    assert "nog niet te beoordelen" in tekst
    expect(hoofd.get_by_role("link", name="Naar de kaders van Dalfsen")).to_have_attribute(
        "href", re.compile(r"kaders\?gemeente=GM0148")
    )
    # de pijl volgt het teken: een daling wijst omlaag, een stijging omhoog
    deltas = hoofd.locator("[data-testid=stMetricDelta]")
    assert deltas.count() >= 1
    for i in range(deltas.count()):
        delta = deltas.nth(i)
        omlaag = delta.inner_text().strip().startswith("−")
        assert delta.locator("[data-testid=stMetricDeltaIcon-Down]").count() == int(omlaag), delta.inner_text()
        assert delta.locator("[data-testid=stMetricDeltaIcon-Up]").count() == int(not omlaag), delta.inner_text()
    # de tabel bij de tegels wordt pas bij openklappen gemaakt (geen pandas op de eerste pagina), en is er dan
    assert hoofd.locator("[data-testid=stDataFrame]").count() == 0
    hoofd.get_by_text("Tabel met alle cijfers en bronnen").click()
    hoofd.locator("[data-testid=stDataFrame]").first.wait_for(timeout=30000)


def test_kaders_toont_eigen_kader(app):
    url, pagina = app
    hoofd = _open(
        pagina, f"{url}/kaders?gemeente=GM0303&kader=GM0303-gezond-samenleven", "kaders", "Status van het doel"
    )
    tekst = hoofd.inner_text()
    assert "gezonde leefomgeving" in tekst and "Status van het doel" in tekst
    assert "nog niet te beoordelen: geen streefwaarde" in tekst  # waarom, niet alleen 'geen gegevens'
    assert "python -m" not in tekst
    # vier indicatoren van dit kader hebben cijfers (gemeente, GGD-regio of Nederland): vier grafieken
    expect(hoofd.locator("[data-testid=stVegaLiteChart]")).to_have_count(4, timeout=30000)
    # elke grafiek heeft een toegankelijke naam voor schermlezers: wat ze toont en waar de tabel staat;
    # Vega tekent asynchroon, dus wachten (met herhaling) tot alle vier die naam hebben
    namen = hoofd.locator("[role=graphics-document][aria-label^='Grafiek:']")
    expect(namen).to_have_count(4, timeout=30000)
    expect(namen.first).to_have_attribute("aria-label", re.compile("Voldoet aan beweegrichtlijn — Dronten"))


def _grafiek_teksten(grafiek) -> dict:
    """Titel, ondertitel, legendatitels en -namen zoals Vega ze in de SVG tekent."""

    def teksten(selector: str) -> list[str]:  # een tekst van meer regels tekent Vega als <tspan>'s
        return grafiek.locator(selector).evaluate_all(
            "ts => ts.flatMap(t => t.querySelector('tspan') ? [...t.querySelectorAll('tspan')] : [t])"
            ".map(t => t.textContent.trim())"
        )

    return {
        "titel": teksten("g.role-title-text text"),
        "ondertitel": teksten("g.role-title-subtitle text"),
        "legendas": grafiek.locator("g.role-legend").count(),
        "legendatitels": teksten("g.role-legend-title text"),
        "namen": teksten("g.role-legend-label text"),
    }


def test_kaders_grafiek_legenda_en_ondertitel_zeggen_wat_getekend_is(app):
    url, pagina = app
    hoofd = _open(
        pagina, f"{url}/kaders?gemeente=GM0303&kader=GM0303-gezond-samenleven", "kaders-legenda", "Status van het doel"
    )
    grafieken = hoofd.locator("[data-testid=stVegaLiteChart]")
    expect(grafieken.locator("g.role-legend-label text").first).to_be_attached(timeout=30000)
    beweeg = grafieken.filter(has_text="Voldoet aan beweegrichtlijn — Dronten")
    expect(beweeg.locator("g.role-legend-label text")).to_have_count(3, timeout=30000)
    t = _grafiek_teksten(beweeg)
    # één legenda met de drie reeksen, de gemeente eerst; geen tweede legenda (leeftijd, intervalband)
    assert t["legendas"] == 1 and t["legendatitels"] == ["Regio"]
    assert t["namen"] == ["Dronten", "GGD Flevoland", "Nederland"]
    assert t["ondertitel"] == ["Getoond: Dronten, GGD Flevoland en Nederland"]
    # Dronten heeft cijfers uit de Gezondheidsmonitor (2020) en uit het eigen beleidskader (2023): een trendbreuk
    gezondheid = grafieken.filter(has_text="Ervaren gezondheid (zeer) goed — Dronten")
    expect(gezondheid.locator("g.role-legend-label text")).to_have_count(3, timeout=30000)
    t = _grafiek_teksten(gezondheid)
    # op een breed scherm staat de ondertitel in lange regels, niet als smalle kolom (grafieken._ondertitel_tekst);
    # op een telefoon in korte (test_telefoon_390_px_scrollt_niet_opzij: niets afgekapt)
    assert max(map(len, t["ondertitel"])) > ONDERTITEL_TEKENS, t["ondertitel"]
    assert " ".join(t["ondertitel"]).startswith(
        "Getoond: Dronten, GGD Flevoland en Nederland Trendbreuk 2023 (Dronten en Nederland): andere bron/definitie"
    )
    # zonder cijfers van Dronten zegt de ondertitel dat, en wat er wel staat
    eenzaam = grafieken.filter(has_text="Eenzaam — Dronten")
    expect(eenzaam.locator("g.role-legend-label text")).to_have_count(1, timeout=30000)
    t = _grafiek_teksten(eenzaam)
    assert t["namen"] == ["Nederland"] and t["ondertitel"] == ["Dronten: geen gegevens; getoond: Nederland"]
    # de legendasymbolen zijn ondoorzichtig (niet de 0,18 van de intervalband)
    dekking = beweeg.locator("g.role-legend-symbol path").evaluate_all(
        "paden => paden.map(p => [p.getAttribute('opacity'), p.getAttribute('fill-opacity')])"
    )
    assert dekking and all(o in (None, "1") and f in (None, "1") for o, f in dekking)


def test_vergelijken_doorklikken_en_link_delen(app):
    url, pagina = app
    hoofd = _open(pagina, f"{url}/vergelijken?indicatoren=ervaren_gezondheid_pct", "vergelijken", "Bron:")
    tabellen = hoofd.locator("[data-testid=stExpander]").filter(has_text="Tabel: ")
    expect(tabellen).to_have_count(1, timeout=30000)
    # één paneel per regio met cijfers: de drie gemeenten en Nederland
    expect(hoofd.locator("[data-testid=stVegaLiteChart]")).to_have_count(4, timeout=30000)
    # een indicator toevoegen via de keuzelijst
    hoofd.locator("[data-testid=stMultiSelect] input").first.click()
    pagina.keyboard.type("Mantelzorgers")
    # de optie zelf kiezen: Enter kiest in Streamlit 1.67 elke optie die het getypte bevat (ook 'Zwaarbelaste ...')
    pagina.get_by_role("option", name="Mantelzorgers", exact=True).click()
    pagina.keyboard.press("Escape")
    expect(pagina).to_have_url(re.compile("mantelzorger_pct"), timeout=60000)
    expect(tabellen).to_have_count(2, timeout=60000)
    wacht_tot_getekend(pagina)
    aantal = hoofd.locator("[data-testid=stVegaLiteChart]").count()
    assert aantal == 8
    pagina.screenshot(path=str(ARTEFACTEN / "vergelijken-twee.png"), full_page=True)
    # de gekopieerde link opent dezelfde weergave
    gedeeld = pagina.url
    hoofd = _open(pagina, gedeeld, "vergelijken-gedeeld", "Tabel: Mantelzorgers")
    expect(hoofd.locator("[data-testid=stVegaLiteChart] svg.marks")).to_have_count(aantal, timeout=60000)


def test_indicator_en_over_de_data_openen_met_download_en_dekking(app):
    url, pagina = app
    hoofd = _open(pagina, f"{url}/indicator?indicator=problematische_schulden_pct", "indicator", "Download Excel")
    assert "Problematische schulden" in hoofd.inner_text()
    assert hoofd.get_by_text("Download Excel").count() == 1
    # de bestanden worden pas bij de klik gemaakt (uitgestelde download); de browser krijgt ze met naam en inhoud
    for knop, naam, begin in (
        ("Download Excel", "problematische_schulden_pct.xlsx", b"PK"),
        ("Download CSV", "problematische_schulden_pct.csv", "\ufeffIndicator".encode()),
    ):
        with pagina.expect_download(timeout=120000) as download:
            hoofd.get_by_role("button", name=knop).click()
        assert download.value.suggested_filename == naam
        assert Path(download.value.path()).read_bytes().startswith(begin), naam
    hoofd = _open(pagina, f"{url}/over-de-data", "over-de-data", "Verversen")
    assert "Dekking" in hoofd.inner_text()


def test_de_jaren_as_heeft_elk_jaar_ook_een_jaar_zonder_cijfer(app):
    """De kindregeling van Dalfsen heeft cijfers voor 2017 en 2019; de as noemde in de browser alleen 2017 en 2019
    (Vega-Lite in Streamlit liet bij `format: "d"` het jaar 2018 uit `values` weg, vl-convert niet). Het jaar
    zonder cijfer hoort op de as te staan: de ondertitel noemt het ('geen cijfer voor Dalfsen in 2018')."""
    url, pagina = app
    hoofd = _open(pagina, f"{url}/indicator?indicator=kindregeling_bestellingen", "indicator-jaren", "Download Excel")
    grafiek = hoofd.locator("[data-testid=stVegaLiteChart]").first
    expect(grafiek.locator("g.role-axis-label text").first).to_be_attached(timeout=30000)
    labels = grafiek.locator("g.role-axis-label text").evaluate_all("ts => ts.map(t => t.textContent)")
    assert [t for t in labels if re.fullmatch(r"20\d\d", t)] == ["2017", "2018", "2019"], labels


def test_van_overzichtstegel_naar_indicatorpagina_zonder_werkbalkdownload(app):
    url, pagina = app
    hoofd = _open(pagina, url, "overzicht-link", "Dalfsen")
    links = hoofd.get_by_role("link", name=re.compile("^Trend en alle cijfers: "))
    # één per kopindicator met ten minste één cijfer (de kopindicatoren zonder cijfers staan in de regel 'Nog geen cijfer')
    expect(links).to_have_count(6, timeout=30000)
    links.and_(pagina.locator("[href$='indicator=ervaren_gezondheid_pct']")).click()
    pagina.wait_for_url(re.compile(r"/indicator\?indicator=ervaren_gezondheid_pct(&|$)"), timeout=60000)
    hoofd.get_by_text("Download Excel").wait_for(timeout=60000)
    expect(hoofd.locator("[data-testid=stVegaLiteChart]")).to_have_count(1, timeout=60000)
    assert "Ervaren gezondheid" in hoofd.inner_text()
    # de CSV-download van de tabelwerkbalk staat uit (client.disableDataExport): die laat formules staan
    tabel = hoofd.locator("[data-testid=stDataFrame]").last
    tabel.hover()
    expect(pagina.get_by_role("button", name="Search").first).to_be_visible(timeout=30000)
    assert pagina.get_by_role("button", name="Download as CSV").count() == 0


def test_upload_pagina_bereikbaar(app):
    url, pagina = app
    hoofd = _open(pagina, f"{url}/upload", "upload", "ploaden")
    assert "uploaden" in hoofd.inner_text().lower()


def test_gedeelde_link_als_eerste_verzoek_na_herstart(_ingebedde_db_bron, tmp_path, browser):
    """Een wethouder opent een gedeelde link terwijl de server net is gestart: de pagina draait via app.py
    (navigatie, zijbalk, brede opmaak), niet als losse pagina uit pages/ (Streamlit's oude multipage-modus)."""
    db = tmp_path / "kompas.duckdb"
    shutil.copyfile(_ingebedde_db_bron, db)
    with streamlit_server("app.py", {"KOMPAS_DB": str(db)}) as (url, _):
        pagina = _nieuwe_pagina(browser)
        hoofd = _open(
            pagina,
            f"{url}/kaders?gemeente=GM0303&kader=GM0303-gezond-samenleven",
            "kaders-gedeelde-link",
            "Status van het doel",
        )
        zijbalk = pagina.locator("[data-testid=stSidebar]").inner_text()
        tekst = hoofd.inner_text()
        pagina.close()
    assert "Sociaal Kompas zet de kaders" in zijbalk  # de gedeelde zijbalk uit app.py
    assert "Over de data" in zijbalk and "Cijfers uploaden" in zijbalk
    assert "over de data\n" not in zijbalk  # niet de bestandsnamen uit pages/
    assert "gezonde leefomgeving" in tekst


@pytest.mark.parametrize(
    ("pad", "wacht_op"),
    [
        ("", "Gezondheid"),
        ("kaders?gemeente=GM0303&kader=GM0303-gezond-samenleven", "Bron:"),
        ("vergelijken?indicatoren=ervaren_gezondheid_pct,mantelzorger_pct", "Bron:"),
        ("indicator", "Download Excel"),
        ("kaarten?indicator=inwoners&gemeente=GM0148", "Wijken van Dalfsen"),
        ("over-de-data", "Verversen"),
        ("upload", "ploaden"),
    ],
)
def test_telefoon_390_px_scrollt_niet_opzij(app, browser, pad, wacht_op):
    """Op een telefoon (390 px breed) scrollt geen pagina opzij en valt geen grafiek buiten beeld: kleine
    veelvouden lopen door op een volgende rij. Screenshots in test-artefacts/telefoon-*.png."""
    url, _ = app
    pagina = browser.new_page(
        viewport={"width": 390, "height": 844}, locale="nl-NL", is_mobile=True, device_scale_factor=1
    )
    try:
        naam = "telefoon-" + (pad.split("?")[0] or "overzicht")
        hoofd = _open(pagina, f"{url}/{pad}", naam, wacht_op)
        if pad.startswith(("kaders", "vergelijken", "kaarten")):
            expect(
                hoofd.locator("[data-testid=stVegaLiteChart] svg, [data-testid=stVegaLiteChart] canvas").first
            ).to_be_visible(timeout=30000)
            wacht_tot_getekend(pagina, timeout=30000)
        breed = pagina.evaluate("document.documentElement.scrollWidth")
        assert breed <= 390, f"de pagina is {breed} px breed"
        # niets in de hoofdinhoud steekt rechts buiten het scherm (ook niet binnen een eigen scrollvak)
        te_breed = pagina.evaluate("""() => [...document.querySelectorAll(
                '[data-testid=stMain] svg.marks, [data-testid=stMain] canvas, [data-testid=stMetric]')]
            .map(e => e.getBoundingClientRect()).filter(r => r.width > 0 && r.right > 391).length""")
        assert te_breed == 0, f"{te_breed} grafieken of tegels steken buiten het scherm"
        # geen regel van een grafiektitel of ondertitel (trendbreuk, onderbroken lijn) afgekapt met '…'
        afgekapt = pagina.evaluate("""() => [...document.querySelectorAll(
                '[data-testid=stMain] g.role-title text, [data-testid=stMain] g.role-title tspan')]
            .map(t => t.textContent).filter(t => t.includes('…'))""")
        assert afgekapt == [], f"afgekapte regels boven een grafiek: {afgekapt}"
        # elke naam in een legenda staat binnen haar grafiek (drie kolommen naast elkaar pasten niet: Nederland viel weg)
        buiten = pagina.evaluate("""() => [...document.querySelectorAll('[data-testid=stMain] svg.marks')]
            .flatMap(svg => { const rand = svg.getBoundingClientRect().right;
                return [...svg.querySelectorAll('g.role-legend-label text')]
                    .filter(t => t.getBoundingClientRect().right > rand + 1).map(t => t.textContent); })""")
        assert buiten == [], f"namen in een legenda buiten de grafiek: {buiten}"
        # een link naar een indicator ('Trend en alle cijfers: Bijstand per 1.000 inwoners 18+ (BBV)') breekt af
        # in plaats van afgekapt te worden met '…' (st.page_link zet de tekst standaard op één regel)
        kapt_af = pagina.evaluate("""() => [...document.querySelectorAll('[data-testid=stMain] a *')]
            .filter(e => getComputedStyle(e).textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth + 1)
            .map(e => e.textContent)""")
        assert kapt_af == [], f"afgekapte links: {kapt_af}"
    finally:
        pagina.close()


def test_kaders_raadsrapportage_downloaden(app):
    """De knoppen op de pagina Kaders maken het rapport pas bij een klik (uitgestelde download) en de browser
    krijgt een echte PDF en een echt Excel-bestand met de Nederlandse bestandsnaam."""
    url, pagina = app
    hoofd = _open(
        pagina, f"{url}/kaders?gemeente=GM0303&kader=GM0303-gezond-samenleven", "kaders-rapport", "Raadsrapportage"
    )
    for knop, naam, begin in (
        ("PDF van dit kader", "raadsrapportage-gm0303-gezond-samenleven.pdf", b"%PDF-"),
        ("Excel van alle kaders", "raadsrapportage-dronten.xlsx", b"PK"),
    ):
        with pagina.expect_download(timeout=120000) as download:
            hoofd.get_by_role("button", name=knop).click()
        assert download.value.suggested_filename == naam
        inhoud = Path(download.value.path()).read_bytes()
        assert inhoud.startswith(begin) and len(inhoud) > 5000, naam


def test_mislukte_download_meldt_nederlands_onder_de_knop(_ingebedde_db_bron, tmp_path, browser):
    """Mislukt het maken van een downloadbestand bij de klik (tests/apps/mislukte_download.py), dan staat onder de
    knop een Nederlandse melding met wat te doen, niet Streamlit's 'Failed to generate file for download'."""
    db = tmp_path / "kompas.duckdb"
    shutil.copyfile(_ingebedde_db_bron, db)
    ARTEFACTEN.mkdir(exist_ok=True)
    omgeving = {"KOMPAS_DB": str(db), "PYTHONPATH": str(PROJECT)}  # het script staat in tests/apps/
    with streamlit_server("tests/apps/mislukte_download.py", omgeving) as (url, _):
        pagina = _nieuwe_pagina(browser)
        try:
            hoofd = _open(pagina, url, "mislukte-download", "Mislukte download")
            for knop, begin in (
                ("Download CSV", "Het bestand kon niet worden gemaakt"),
                ("Download Excel", "De database van Sociaal Kompas is beschadigd"),
            ):
                hoofd.get_by_role("button", name=knop).click()
                expect(hoofd.get_by_text(begin)).to_be_visible()
                pagina.screenshot(path=str(ARTEFACTEN / f"mislukte-download-{knop.split()[-1].lower()}.png"))
                tekst = hoofd.inner_text()
                assert not any(t in tekst for t in ("Failed", "RuntimeError", "IOException", "/srv"))
        finally:
            pagina.close()
