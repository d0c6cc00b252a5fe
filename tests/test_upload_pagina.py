"""De uploadpagina met AppTest: rol, aanmelden (inlogdienst en terugvaloptie), alleen de eigen gemeente,
lijst met uploads en intrekken.

AppTest kan st.file_uploader niet vullen; het lezen en vastleggen zelf is getest in test_upload.py, het echte
aanmelden bij een inlogdienst in test_upload_browser.py. Accounts en hashes hier zijn testgegevens.
"""

from __future__ import annotations

import pytest
from pathlib import Path

from argon2 import PasswordHasher
from streamlit.testing.v1 import AppTest

import werkboeken as wb
from kompas import toegang
from loaders import excel

WACHTWOORD = "geheim-voor-de-test"
# goedkope argon2-instellingen, alleen om de test snel te houden
HASH = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash(WACHTWOORD)
ACCOUNTS = {"Test@Dalfsen.nl": ["GM0148"], "b@bronckhorst.nl": ["GM1876"]}
WACHTWOORDEN = {"toegang": {"accounts": ACCOUNTS, "wachtwoorden": {"test@dalfsen.nl": HASH}}}
INLOGDIENST = {
    "auth": {"redirect_uri": "http://127.0.0.1:8799/oauth2callback", "cookie_secret": "c" * 40, "client_id": "kompas",
             "client_secret": "geheim-van-de-inlogdienst", "server_metadata_url":
             "http://127.0.0.1:8798/.well-known/openid-configuration"},
    "toegang": {"accounts": ACCOUNTS},
}


@pytest.fixture(autouse=True)
def eigen_rem(monkeypatch):
    """Elke test een eigen rem (die is per proces), zodat mislukte pogingen van de ene test de andere niet remmen."""
    monkeypatch.setattr(toegang, "REM", toegang.Rem())


def pagina(geheimen=None, gebruiker=None) -> AppTest:
    at = AppTest.from_file(str(Path(__file__).parent.parent / "pages" / "upload.py"), default_timeout=60)
    for sectie, waarde in (geheimen or {}).items():
        at.secrets[sectie] = waarde
    if gebruiker is not None:
        at.user = gebruiker
    return at.run()


def teksten(at) -> str:
    return "\n".join([t.value for t in at.text] + [i.value for i in at.info] + [s.value for s in at.success]
                     + [e.value for e in at.error])


def aanmelden(at, email, wachtwoord):
    at.text_input(key="upload_email").input(email)
    at.text_input(key="upload_wachtwoord").input(wachtwoord)
    return at.button[0].click().run()   # de knop Aanmelden van het formulier


def test_zonder_rol_legt_de_pagina_uit_hoe_uploaden_aan_gaat(ingebedde_db):
    at = pagina()
    assert not at.exception
    assert "rol beleidsmedewerker is niet ingesteld" in teksten(at)
    assert ".streamlit/secrets.toml" in teksten(at)
    assert len(at.text_input) == 0 and len(at.button) == 0   # geen aanmelden, geen uploaden
    assert at.get("download_button")                          # het sjabloon mag iedereen downloaden


@pytest.mark.parametrize("geheimen, melding", [
    ({"toegang": {"accounts": {"test@dalfsen.nl": "GM0148"}, "wachtwoorden": {"test@dalfsen.nl": HASH}}},
     "moet een lijst gemeentecodes zijn"),
    ({"upload": {"beleidsmedewerkers": ["test@dalfsen.nl"], "wachtwoord": "geheim-123"}}, "bestaat niet meer"),
    ({"toegang": {"accounts": ACCOUNTS, "wachtwoorden": {"test@dalfsen.nl": WACHTWOORD}}}, "geen argon2-hash"),
])
def test_foute_instellingen_uitgelegd_en_uploaden_uit(ingebedde_db, geheimen, melding):
    at = pagina(geheimen)
    assert not at.exception
    assert "de instellingen voor aanmelden kloppen niet" in teksten(at) and melding in teksten(at)
    assert len(at.text_input) == 0 and len(at.button) == 0


@pytest.mark.parametrize("email, wachtwoord", [
    ("iemand@elders.nl", WACHTWOORD),
    ("test@dalfsen.nl", "fout-wachtwoord"),
    ("test@dalfsen.nl", "g"),
])
def test_aanmelden_geweigerd(ingebedde_db, email, wachtwoord):
    at = aanmelden(pagina(WACHTWOORDEN), email, wachtwoord)
    assert toegang.MELDING_FOUT in teksten(at)
    assert len(at.selectbox) == 0


def test_raden_wordt_afgeremd_ook_met_het_goede_wachtwoord_erna(ingebedde_db):
    at = pagina(WACHTWOORDEN)
    for i in range(5):
        aanmelden(at, "test@dalfsen.nl", f"gok-{i}-maar-lang")
        assert toegang.MELDING_FOUT in teksten(at)
    aanmelden(at, "test@dalfsen.nl", WACHTWOORD)
    assert "Te veel mislukte pogingen. Probeer het over 30 seconden opnieuw." in teksten(at)
    assert len(at.selectbox) == 0


def test_beleidsmedewerker_ziet_uploads_en_kan_intrekken_en_afmelden(ingebedde_db):
    data = wb.waarden([["GM0148", "bewindvoering_huishoudens", 2023, 190, None, "GWS4all", None]])
    (upload_id,) = excel.leg_vast(excel.valideer(data, "bewind.xlsx"), door="test@dalfsen.nl")
    at = aanmelden(pagina(WACHTWOORDEN), "TEST@dalfsen.nl ", WACHTWOORD)
    assert not at.exception
    assert "Aangemeld als test@dalfsen.nl; uploaden en intrekken voor Dalfsen." in teksten(at)
    assert at.selectbox(key="upload_gemeente").options == ["uit het bestand", "Dalfsen"]
    lijst = at.dataframe[-1].value
    assert list(lijst["Upload"]) == [str(upload_id)] and list(lijst["Bestand"]) == ["bewind.xlsx"]
    assert list(lijst["Stand"]) == ["geldt"] and list(lijst["Door"]) == ["test@dalfsen.nl"]
    at.selectbox(key="upload_intrekken").select(upload_id)
    at.button(key="upload_intrekken_knop").click().run()
    assert f"Upload {upload_id} ingetrokken" in teksten(at)
    lijst = at.run().dataframe[-1].value
    (stand,) = list(lijst["Stand"])
    assert stand.startswith("ingetrokken ") and stand.endswith(" door test@dalfsen.nl")
    at.button(key="upload_afmelden").click().run()
    assert len(at.selectbox) == 0 and at.text_input(key="upload_email")


def test_inlogdienst_niet_aangemeld_toont_alleen_aanmelden(ingebedde_db):
    at = pagina(INLOGDIENST, {"is_logged_in": False})
    assert not at.exception
    assert "Uploaden vraagt aanmelden met je account van de gemeente." in teksten(at)
    assert [b.label for b in at.button] == ["Aanmelden"] and len(at.selectbox) == 0 and len(at.text_input) == 0


def test_inlogdienst_account_zonder_rol_mag_niet_uploaden(ingebedde_db):
    at = pagina(INLOGDIENST, {"is_logged_in": True, "email": "iemand@elders.nl", "sub": "x"})
    assert "Je bent aangemeld als iemand@elders.nl, maar dat account mag niet uploaden" in teksten(at)
    assert [b.label for b in at.button] == ["Afmelden"] and len(at.selectbox) == 0


def test_inlogdienst_alleen_de_eigen_gemeente_intrekken(ingebedde_db):
    eigen = wb.waarden([["GM0148", "bewindvoering_huishoudens", 2023, 190, None, "GWS4all", None]])
    ander = wb.waarden([["GM1876", "bewindvoering_huishoudens", 2023, 250, None, "GWS4all", None]])
    (id_eigen,) = excel.leg_vast(excel.valideer(eigen, "dalfsen.xlsx"), door="test@dalfsen.nl")
    excel.leg_vast(excel.valideer(ander, "bronckhorst.xlsx"), door="b@bronckhorst.nl")
    at = pagina(INLOGDIENST, {"is_logged_in": True, "email": "Test@Dalfsen.nl", "sub": "abc"})
    assert not at.exception
    assert "Aangemeld als test@dalfsen.nl; uploaden en intrekken voor Dalfsen." in teksten(at)
    assert len(at.dataframe[-1].value) == 2                               # de lijst toont alle uploads
    assert at.selectbox(key="upload_intrekken").options == [str(id_eigen)]  # intrekken alleen de eigen
    at.selectbox(key="upload_intrekken").select(id_eigen)
    at.button(key="upload_intrekken_knop").click().run()
    assert f"Upload {id_eigen} ingetrokken" in teksten(at)
    lijst = at.run().dataframe[-1].value
    assert [s.split(" door ")[-1] for s in lijst["Stand"]] == ["geldt", "test@dalfsen.nl"]
