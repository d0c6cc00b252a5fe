"""Het uploadpad in echte Chromium tegen `streamlit run app.py`: aanmelden als beleidsmedewerker (rol uit een
secrets-bestand voor deze test), een geweigerd bestand, dan het ingevulde sjabloon: voorbeeld, Vastleggen,
en de cijfers en streefwaarde op de andere pagina's; daarna een export met een uitlegblad vastleggen en weer
intrekken (met bevestiging, de lijst bijgewerkt zonder herladen). Screenshots in test-artefacts/.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

import werkboeken as wb
from streamlit_server import CHROMIUM, PROJECT, streamlit_server

pytestmark = pytest.mark.browser
ARTEFACTEN = PROJECT / "test-artefacts"

if not Path(CHROMIUM).exists():  # pragma: no cover - scripts/test installeert chromium
    pytest.skip("Debian's chromium ontbreekt; installeer met 'apt-get install chromium'", allow_module_level=True)

expect = pytest.importorskip("playwright.sync_api").expect


def _tel(db: Path, sql: str) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


@pytest.fixture(scope="module")
def omgeving(_ingebedde_db_bron, tmp_path_factory, browser):
    map_ = tmp_path_factory.mktemp("upload-browser")
    db = map_ / "kompas.duckdb"
    shutil.copyfile(_ingebedde_db_bron, db)
    geheimen = map_ / "secrets.toml"
    geheimen.write_text('[upload]\nbeleidsmedewerkers = ["Test@Dalfsen.nl"]\nwachtwoord = "geheim-voor-de-test"\n',
                        encoding="utf-8")
    (map_ / "dalfsen.xlsx").write_bytes(wb.sjabloon_ingevuld())
    (map_ / "export.xlsx").write_bytes(wb.csv_als_xlsx())
    (map_ / "gws-export.xlsx").write_bytes(wb.met_uitlegblad())
    ARTEFACTEN.mkdir(exist_ok=True)
    with streamlit_server("app.py", {"KOMPAS_DB": str(db)}, log=ARTEFACTEN / "streamlit-upload.log",
                          opties=["--secrets.files", str(geheimen)]) as (url, _):
        pagina = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="nl-NL")
        yield url, pagina, db, map_
        pagina.close()


def _lijst_als_csv(pagina, tabel) -> list[list[str]]:
    """De rijen van een st.dataframe (een canvas) via zijn eigen knop 'Download as CSV', zonder kopregel."""
    import csv

    pagina.evaluate("delete window.showSaveFilePicker")   # Chromium zou een opslagvenster openen
    tabel.hover()
    with pagina.expect_download() as download:
        tabel.get_by_role("button", name="Download as CSV").click()
    with open(download.value.path(), encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))[1:]


def _klaar(pagina) -> None:
    pagina.wait_for_function("!document.querySelector('[data-testid=stStatusWidget]')", timeout=60000)


def _aanmelden(url, pagina):
    hoofd = pagina.locator("[data-testid=stMain]")
    pagina.goto(f"{url}/upload")
    hoofd.get_by_label("E-mailadres").wait_for(timeout=60000)
    assert "Sociaal Kompas zet de kaders" in pagina.locator("[data-testid=stSidebar]").inner_text()  # via app.py
    hoofd.get_by_label("E-mailadres").fill("test@dalfsen.nl")
    hoofd.get_by_label("E-mailadres").press("Enter")
    _klaar(pagina)
    hoofd.get_by_label("Uploadwachtwoord").fill("geheim-voor-de-test")
    hoofd.get_by_label("Uploadwachtwoord").press("Enter")
    hoofd.get_by_text("Aangemeld als test@dalfsen.nl.").wait_for(timeout=60000)
    return hoofd


def test_upload_aanmelden_weigeren_voorbeeld_vastleggen_en_tonen(omgeving):
    url, pagina, db, map_ = omgeving
    hoofd = _aanmelden(url, pagina)

    # een csv met de naam .xlsx: geweigerd, met uitleg, en niets opgeslagen
    voor = _tel(db, "select count(*) from waarneming")
    hoofd.locator("input[type=file]").set_input_files(str(map_ / "export.xlsx"))
    hoofd.get_by_text("Het bestand is geweigerd; er is niets opgeslagen").wait_for(timeout=60000)
    hoofd.get_by_text("Eerdere uploads").wait_for(timeout=60000)   # de run is helemaal klaar
    hoofd.locator("[data-testid=stDataFrame]").first.wait_for()      # de tabel met meldingen
    _klaar(pagina)
    pagina.screenshot(path=str(ARTEFACTEN / "upload-geweigerd.png"), full_page=True)
    assert _tel(db, "select count(*) from waarneming") == voor
    assert _tel(db, "select count(*) from upload") == 0

    # het ingevulde sjabloon: eerst het voorbeeld, pas na Vastleggen in de database
    hoofd.locator("input[type=file]").set_input_files(str(map_ / "dalfsen.xlsx"))
    hoofd.get_by_text("Werkblad Waarden (waarden): 3 nieuw, 0 gewijzigd, 0 ongewijzigd, 0 vervalt").wait_for(timeout=60000)
    hoofd.get_by_text("Werkblad Streefwaarden (streefwaarden): 2 nieuw").wait_for()
    hoofd.get_by_role("button", name="Vastleggen").wait_for()
    hoofd.get_by_text("Eerdere uploads").wait_for(timeout=60000)
    _klaar(pagina)
    pagina.screenshot(path=str(ARTEFACTEN / "upload-voorbeeld.png"), full_page=True)
    assert _tel(db, "select count(*) from upload") == 0

    assert hoofd.locator("[data-testid=stFileChip]").count() == 1   # het bestand staat in het uploadveld
    hoofd.get_by_role("button", name="Vastleggen").click()
    hoofd.get_by_text("Vastgelegd als upload 1, 2.").wait_for(timeout=60000)
    _klaar(pagina)
    pagina.screenshot(path=str(ARTEFACTEN / "upload-vastgelegd.png"), full_page=True)
    # het uploadveld is leeg en het voorbeeld weg: nog een keer Vastleggen kan niet per ongeluk
    expect(hoofd.get_by_role("button", name="Vastleggen")).to_have_count(0, timeout=30000)
    expect(hoofd.locator("[data-testid=stFileChip]")).to_have_count(0, timeout=30000)
    assert _tel(db, "select count(*) from upload where door = 'test@dalfsen.nl'") == 2
    assert _tel(db, "select count(*) from waarneming where herkomst_id = 'upload:1'") == 3

    # de geüploade cijfers met hun herkomst op de indicatorpagina (de tabel is een canvas: lees de CSV-download)
    pagina.goto(f"{url}/indicator?indicator=bewindvoering_huishoudens")
    hoofd.get_by_text("waarden uit").first.wait_for(timeout=60000)
    _klaar(pagina)
    with pagina.expect_download() as download:
        hoofd.get_by_role("button", name="Download CSV").click()
    regels = Path(download.value.path()).read_text(encoding="utf-8-sig").splitlines()
    geupload = [r.split(";") for r in regels if "dalfsen.xlsx" in r]
    assert sorted((r[1], r[4]) for r in geupload) == [("2022", "181,0"), ("2023", "190,0")], regels

    # de geüploade streefwaarde en nulmeting bij de eigen kaderindicator van Dalfsen
    pagina.goto(f"{url}/kaders?gemeente=GM0148&kader=GM0148-b2026-jeugdwet")
    hoofd.get_by_text("Status van het doel").first.wait_for(timeout=60000)
    _klaar(pagina)
    pagina.screenshot(path=str(ARTEFACTEN / "upload-in-kader.png"), full_page=True)
    tekst = hoofd.inner_text()
    assert "2025: minimaal 85% (upload: dalfsen.xlsx" in tekst
    assert "Nulmeting: 82% (respondenten) (2023), upload: dalfsen.xlsx" in tekst


def test_uitlegblad_overgeslagen_en_intrekken_met_bevestiging_zonder_herladen(omgeving):
    url, pagina, db, map_ = omgeving
    hoofd = _aanmelden(url, pagina)
    # een export met eerst een uitlegblad (geen tabel) en een leeg blad: die worden genoemd en overgeslagen
    hoofd.locator("input[type=file]").set_input_files(str(map_ / "gws-export.xlsx"))
    hoofd.get_by_text("Overgeslagen (niet geüpload): gws-export.xlsx, werkblad 'Toelichting': Geen kopregel gevonden"
                      ).wait_for(timeout=60000)
    hoofd.get_by_text("Overgeslagen (niet geüpload): gws-export.xlsx, werkblad 'Blad2'").wait_for()
    hoofd.get_by_text("Werkblad Waarden (waarden): 1 nieuw").wait_for()
    hoofd.get_by_role("button", name="Vastleggen").click()
    hoofd.get_by_text("Vastgelegd als upload").wait_for(timeout=60000)
    _klaar(pagina)
    nummer = _tel(db, "select max(upload_id) from upload where bestandsnaam = 'gws-export.xlsx'")
    assert _tel(db, f"select count(*) from waarneming where herkomst_id = 'upload:{nummer}'") == 1

    # kiezen: de keuze noemt bestand, werkblad, moment en wie
    pagina.evaluate("window.zelfdeDocument = true")   # weg als de pagina herladen wordt
    keuze = hoofd.get_by_label("Upload intrekken (de vorige versie geldt dan weer)")
    keuze.click()
    optie = pagina.get_by_role("option", name=f"upload {nummer}: gws-export.xlsx, werkblad Waarden, ")
    expect(optie).to_contain_text("door test@dalfsen.nl")
    optie.click()
    _klaar(pagina)
    knop = hoofd.get_by_role("button", name="Intrekken")
    expect(knop).to_be_disabled()                     # eerst bevestigen
    hoofd.get_by_text("Ik weet het zeker").click()
    expect(knop).to_be_enabled(timeout=30000)
    assert _tel(db, f"select count(*) from geldende_upload where upload_id = {nummer}") == 1
    knop.click()
    hoofd.get_by_text(f"Upload {nummer} ingetrokken (gws-export.xlsx, werkblad Waarden).").wait_for(timeout=60000)
    _klaar(pagina)
    pagina.screenshot(path=str(ARTEFACTEN / "upload-ingetrokken.png"), full_page=True)
    assert _tel(db, f"select count(*) from waarneming where herkomst_id = 'upload:{nummer}'") == 0
    # zonder herladen: de lijst zegt 'ingetrokken', de keuze biedt de upload niet meer aan, de bevestiging staat uit
    assert pagina.evaluate("window.zelfdeDocument === true")
    stand = {r[0]: r[9] for r in _lijst_als_csv(pagina, hoofd.locator("[data-testid=stDataFrame]").last)}
    assert stand[str(nummer)].startswith("ingetrokken ") and stand[str(nummer)].endswith(" door test@dalfsen.nl")
    assert stand["1"] == "geldt"
    expect(hoofd.get_by_role("checkbox", name="Ik weet het zeker")).not_to_be_checked()
    expect(knop).to_be_disabled()
    keuze.click()
    expect(pagina.get_by_role("option", name=f"upload {nummer}: ")).to_have_count(0)
    expect(pagina.get_by_role("option", name="upload 1: dalfsen.xlsx, werkblad Waarden, ")).to_have_count(1)
    pagina.keyboard.press("Escape")
