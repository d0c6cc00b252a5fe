"""Het uploadpad in echte Chromium tegen `streamlit run app.py`: aanmelden als beleidsmedewerker bij een echte
OpenID Connect-aanbieder op 127.0.0.1 (tests/oidc_aanbieder.py; rol uit een secrets-bestand voor deze test), een
geweigerd bestand, dan het ingevulde sjabloon: voorbeeld, Vastleggen, en de cijfers en streefwaarde op de andere
pagina's; een export met een uitlegblad vastleggen en weer intrekken (met bevestiging, de lijst bijgewerkt
zonder herladen); een bestand voor een andere gemeente geweigerd; afmelden. Screenshots in test-artefacts/.
De browser mag alleen 127.0.0.1 bereiken (de rest wordt afgebroken en bijgehouden).
"""

from __future__ import annotations

import secrets
import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest

import werkboeken as wb
from dbhulp import vraag
from oidc_aanbieder import oidc_aanbieder
from streamlit_server import CHROMIUM, PROJECT, RUN_KLAAR, streamlit_server

pytestmark = pytest.mark.browser
ARTEFACTEN = PROJECT / "test-artefacts"

if not Path(CHROMIUM).exists():  # pragma: no cover - scripts/test installeert chromium
    pytest.skip("Debian's chromium ontbreekt; installeer met 'apt-get install chromium'", allow_module_level=True)

expect = pytest.importorskip("playwright.sync_api").expect


def _tel(db: Path, sql: str) -> int:
    return vraag(db, sql)[0][0]


@pytest.fixture(scope="module")
def omgeving(_ingebedde_db_bron, tmp_path_factory, browser):
    map_ = tmp_path_factory.mktemp("upload-browser")
    db = map_ / "kompas.duckdb"
    shutil.copyfile(_ingebedde_db_bron, db)
    (map_ / "dalfsen.xlsx").write_bytes(wb.sjabloon_ingevuld())
    (map_ / "export.xlsx").write_bytes(wb.csv_als_xlsx())
    (map_ / "gws-export.xlsx").write_bytes(wb.met_uitlegblad())
    (map_ / "bronckhorst.xlsx").write_bytes(
        wb.waarden([["GM1876", "bewindvoering_huishoudens", 2023, 250, None, "GWS4all (testcijfer)", None]])
    )
    ARTEFACTEN.mkdir(exist_ok=True)
    with oidc_aanbieder(
        [{"sub": "test-dalfsen", "email": "Test@Dalfsen.nl", "name": "Test Dalfsen"}],
        log=ARTEFACTEN / "oidc-aanbieder.log",
    ) as aanbieder:
        geheimen = map_ / "secrets.toml"
        geheimen.write_text(
            f"""
[auth]
redirect_uri = "http://127.0.0.1:{{port}}/oauth2callback"
cookie_secret = "{secrets.token_urlsafe(48)}"
client_id = "sociaal-kompas-test"
client_secret = "geheim-van-de-test-aanbieder"
server_metadata_url = "{aanbieder}/.well-known/openid-configuration"

[toegang.accounts]
"test@dalfsen.nl" = ["GM0148"]
""",
            encoding="utf-8",
        )
        with streamlit_server(
            "app.py",
            {"KOMPAS_DB": str(db)},
            log=ARTEFACTEN / "streamlit-upload.log",
            opties=["--secrets.files", str(geheimen)],
        ) as (url, _):
            pagina = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="nl-NL")
            geblokkeerd: list[str] = []

            def alleen_lokaal(route):
                if urlparse(route.request.url).hostname == "127.0.0.1":
                    route.continue_()
                else:
                    geblokkeerd.append(route.request.url)
                    route.abort()

            pagina.route("**/*", alleen_lokaal)
            yield url, pagina, db, map_, aanbieder
            pagina.close()
            # Tegengehouden mag alleen het stijlblad van de testaanbieder zelf (een CDN); het dashboard vraagt niets
            # bij een andere host (ook het favicon niet: app.py, static/kompas.svg).
            andere = [u for u in geblokkeerd if urlparse(u).hostname != "cdn.jsdelivr.net"]
            assert not andere, andere


def _open_keuzelijst(pagina, keuze, optie) -> None:
    """Klapt een keuzelijst open tot `optie` zichtbaar is: een klik tijdens het opnieuw tekenen na een vorige
    actie sluit de lijst soms meteen weer (een paar pogingen, elk met een wachttijd op de optie)."""
    for _ in range(3):
        _klaar(pagina)
        keuze.click()
        try:
            optie.wait_for(state="visible", timeout=10_000)
            return
        except Exception:  # noqa: BLE001 - Playwrights TimeoutError; nog een poging
            pagina.keyboard.press("Escape")
    expect(optie).to_be_visible()


def _klaar(pagina) -> None:
    pagina.wait_for_function(RUN_KLAAR, timeout=60000)


AANGEMELD = "Aangemeld als test@dalfsen.nl; uploaden en intrekken voor Dalfsen."


def _aanmelden(omgeving) -> None:
    """Naar de uploadpagina; is de browser nog niet aangemeld, dan via de aanbieder (knop van het testaccount)."""
    url, pagina, _, _, aanbieder = omgeving
    hoofd = pagina.locator("[data-testid=stMain]")
    pagina.goto(f"{url}/upload")
    knop = hoofd.get_by_role("button", name="Aanmelden")
    aangemeld = hoofd.get_by_text(AANGEMELD)
    expect(knop.or_(aangemeld)).to_be_visible(timeout=60000)
    if aangemeld.is_visible():
        return
    assert "Sociaal Kompas zet de kaders" in pagina.locator("[data-testid=stSidebar]").inner_text()  # via app.py
    knop.click()
    pagina.wait_for_url(f"{aanbieder}/oauth2/authorize*", timeout=60000)
    pagina.get_by_role("button", name="test-dalfsen").click()  # het account bij de aanbieder
    pagina.wait_for_url(f"{url}/", timeout=60000)  # Streamlit zet het cookie, terug naar het dashboard
    pagina.goto(f"{url}/upload")
    aangemeld.wait_for(timeout=60000)


def test_upload_aanmelden_weigeren_voorbeeld_vastleggen_en_tonen(omgeving):
    url, pagina, db, map_, _ = omgeving
    hoofd = pagina.locator("[data-testid=stMain]")
    _aanmelden(omgeving)

    # een csv met de naam .xlsx: geweigerd, met uitleg, en niets opgeslagen
    voor = _tel(db, "select count(*) from waarneming")
    hoofd.locator("input[type=file]").set_input_files(str(map_ / "export.xlsx"))
    hoofd.get_by_text("Het bestand is geweigerd; er is niets opgeslagen").wait_for(timeout=60000)
    hoofd.get_by_text("Eerdere uploads").wait_for(timeout=60000)  # de run is helemaal klaar
    hoofd.locator("[data-testid=stDataFrame]").first.wait_for()  # de tabel met meldingen
    _klaar(pagina)
    pagina.screenshot(path=str(ARTEFACTEN / "upload-geweigerd.png"), full_page=True)
    assert _tel(db, "select count(*) from waarneming") == voor
    assert _tel(db, "select count(*) from upload") == 0

    # het ingevulde sjabloon: eerst het voorbeeld, pas na Vastleggen in de database
    hoofd.locator("input[type=file]").set_input_files(str(map_ / "dalfsen.xlsx"))
    hoofd.get_by_text("Werkblad Waarden (waarden): 3 nieuw, 0 gewijzigd, 0 ongewijzigd, 0 vervalt").wait_for(
        timeout=60000
    )
    hoofd.get_by_text("Werkblad Streefwaarden (streefwaarden): 2 nieuw").wait_for()
    hoofd.get_by_role("button", name="Vastleggen").wait_for()
    hoofd.get_by_text("Eerdere uploads").wait_for(timeout=60000)
    _klaar(pagina)
    pagina.screenshot(path=str(ARTEFACTEN / "upload-voorbeeld.png"), full_page=True)
    assert _tel(db, "select count(*) from upload") == 0

    assert hoofd.locator("[data-testid=stFileChip]").count() == 1  # het bestand staat in het uploadveld
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
    kop = regels[0].split(";")
    geupload = [dict(zip(kop, r.split(";"))) for r in regels if "dalfsen.xlsx" in r]
    assert sorted((r["Peiljaar"], r["Waarde"]) for r in geupload) == [("2022", "181,0"), ("2023", "190,0")], regels

    # de geüploade streefwaarde en nulmeting bij de eigen kaderindicator van Dalfsen
    pagina.goto(f"{url}/kaders?gemeente=GM0148&kader=GM0148-b2026-jeugdwet")
    hoofd.get_by_text("Status van het doel").first.wait_for(timeout=60000)
    _klaar(pagina)
    pagina.screenshot(path=str(ARTEFACTEN / "upload-in-kader.png"), full_page=True)
    tekst = hoofd.inner_text()
    assert "2025: minimaal 85% (upload: dalfsen.xlsx" in tekst
    assert "Nulmeting: 82% (respondenten) (2023), upload: dalfsen.xlsx" in tekst


def test_uitlegblad_overgeslagen_en_intrekken_met_bevestiging_zonder_herladen(omgeving):
    url, pagina, db, map_, _ = omgeving
    hoofd = pagina.locator("[data-testid=stMain]")
    # een eigen eerdere upload, zodat er na het intrekken nog iets te kiezen is (de test hangt niet af van de
    # volgorde waarin de tests van deze module draaien; testcijfer)
    import duckdb

    from loaders import excel

    with duckdb.connect(str(db), read_only=True) as con:  # een andere dataset dan de export hieronder
        validatie = excel.valideer(
            wb.waarden(
                [["GM0148", "kindregeling_bestellingen", 2021, 180, None, "eigen registratie (testcijfer)", None]]
            ),
            "eerder.xlsx",
            con=con,
        )
    (eerder,) = excel.leg_vast(validatie, door="test@dalfsen.nl", pad=db)
    _aanmelden(omgeving)
    # een export met eerst een uitlegblad (geen tabel) en een leeg blad: die worden genoemd en overgeslagen
    hoofd.locator("input[type=file]").set_input_files(str(map_ / "gws-export.xlsx"))
    hoofd.get_by_text(
        "Overgeslagen (niet geüpload): gws-export.xlsx, werkblad 'Toelichting': Geen kopregel gevonden"
    ).wait_for(timeout=60000)
    hoofd.get_by_text("Overgeslagen (niet geüpload): gws-export.xlsx, werkblad 'Blad2'").wait_for()
    hoofd.get_by_text("Werkblad Waarden (waarden): 1 nieuw").wait_for()
    hoofd.get_by_role("button", name="Vastleggen").click()
    hoofd.get_by_text("Vastgelegd als upload").wait_for(timeout=60000)
    _klaar(pagina)
    nummer = _tel(db, "select max(upload_id) from upload where bestandsnaam = 'gws-export.xlsx'")
    assert _tel(db, f"select count(*) from waarneming where herkomst_id = 'upload:{nummer}'") == 1

    # kiezen: de keuze noemt bestand, werkblad, moment en wie
    pagina.evaluate("window.zelfdeDocument = true")  # weg als de pagina herladen wordt
    keuze = hoofd.get_by_label("Upload intrekken (de vorige versie geldt dan weer)")
    optie = pagina.get_by_role("option", name=f"upload {nummer}: gws-export.xlsx, werkblad Waarden, ")
    _open_keuzelijst(pagina, keuze, optie)
    expect(optie).to_contain_text("door test@dalfsen.nl")
    optie.click()
    _klaar(pagina)
    knop = hoofd.get_by_role("button", name="Intrekken")
    expect(knop).to_be_disabled(timeout=30000)  # eerst bevestigen
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
    expect(hoofd.get_by_role("checkbox", name="Ik weet het zeker")).not_to_be_checked(timeout=30000)
    expect(knop).to_be_disabled(timeout=30000)
    _open_keuzelijst(
        pagina, keuze, pagina.get_by_role("option", name=f"upload {eerder}: eerder.xlsx, werkblad Waarden, ")
    )
    expect(pagina.get_by_role("option", name=f"upload {nummer}: ")).to_have_count(0)
    pagina.keyboard.press("Escape")


def test_andere_gemeente_geweigerd_en_afmelden(omgeving):
    url, pagina, db, map_, aanbieder = omgeving
    hoofd = pagina.locator("[data-testid=stMain]")
    _aanmelden(omgeving)
    _klaar(pagina)
    # de gemeentekeuze biedt alleen de eigen gemeente
    hoofd.get_by_label("Gemeente (voor bladen zonder kolom gemeente)").click()
    expect(pagina.get_by_role("option")).to_have_text(["uit het bestand", "Dalfsen"])
    pagina.keyboard.press("Escape")
    voor = _tel(db, "select count(*) from upload")
    hoofd.locator("input[type=file]").set_input_files(str(map_ / "bronckhorst.xlsx"))
    hoofd.get_by_text("Het bestand is geweigerd; er is niets opgeslagen (1 probleem).").wait_for(timeout=60000)
    hoofd.get_by_text("Eerdere uploads").wait_for(timeout=60000)
    _klaar(pagina)
    pagina.screenshot(path=str(ARTEFACTEN / "upload-andere-gemeente.png"), full_page=True)
    expect(hoofd.get_by_role("button", name="Vastleggen")).to_have_count(0)
    assert _tel(db, "select count(*) from upload") == voor

    # afmelden: via de aanbieder (end_session) terug, en dan weer alleen de knop Aanmelden
    hoofd.get_by_role("button", name="Afmelden").click()
    pagina.wait_for_url(f"{aanbieder}/oauth2/end_session*", timeout=60000)
    pagina.get_by_role("button", name="End session").click()
    pagina.wait_for_url(f"{url}/", timeout=60000)
    pagina.goto(f"{url}/upload")
    expect(hoofd.get_by_role("button", name="Aanmelden")).to_be_visible(timeout=60000)
    expect(hoofd.get_by_text(AANGEMELD)).to_have_count(0)
    expect(hoofd.locator("input[type=file]")).to_have_count(0)
    assert not [c for c in pagina.context.cookies() if c["name"].startswith("_streamlit_user")]
