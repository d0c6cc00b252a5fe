"""De uploadpagina met AppTest: rol, aanmelden (inlogdienst en terugvaloptie), alleen de eigen gemeente,
voorbeeld (overgeslagen werkbladen, aantal problemen), lijst met uploads en intrekken met bevestiging.

Het lezen en vastleggen zelf is getest in test_upload.py, het echte aanmelden bij een inlogdienst in
test_upload_browser.py. Accounts en hashes hier zijn testgegevens.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from argon2 import PasswordHasher
from streamlit.testing.v1 import AppTest

from kompas import toegang
from loaders import excel

import werkboeken as wb
from dbhulp import alle_uploads

WACHTWOORD = "geheim-voor-de-test"
# goedkope argon2-instellingen, alleen om de test snel te houden
HASH = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash(WACHTWOORD)
ACCOUNTS = {"Test@Dalfsen.nl": ["GM0148"], "b@bronckhorst.nl": ["GM1876"]}
WACHTWOORDEN = {"toegang": {"accounts": ACCOUNTS, "wachtwoorden": {"test@dalfsen.nl": HASH}}}
INLOGDIENST = {
    "auth": {
        "redirect_uri": "http://127.0.0.1:8799/oauth2callback",
        "cookie_secret": "c" * 40,
        "client_id": "kompas",
        "client_secret": "geheim-van-de-inlogdienst",
        "server_metadata_url": "http://127.0.0.1:8798/.well-known/openid-configuration",
    },
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
    # meldingen met tekst uit een bestand staan ontsnapt (geen markdown); voor de controle halen we de escapes weg
    return "\n".join(
        [t.value for t in at.text]
        + [i.value for i in at.info]
        + [s.value.replace("\\", "") for s in at.success]
        + [e.value for e in at.error]
    )


def aanmelden(at, email, wachtwoord):
    at.text_input(key="upload_email").input(email)
    at.text_input(key="upload_wachtwoord").input(wachtwoord)
    return at.button[0].click().run()  # de knop Aanmelden van het formulier


def test_zonder_rol_legt_de_pagina_uit_hoe_uploaden_aan_gaat(ingebedde_db):
    at = pagina()
    assert not at.exception
    assert "rol beleidsmedewerker is niet ingesteld" in teksten(at)
    assert ".streamlit/secrets.toml" in teksten(at)
    assert len(at.text_input) == 0 and len(at.button) == 0  # geen aanmelden, geen uploaden
    assert at.get("download_button")  # het sjabloon mag iedereen downloaden


@pytest.mark.parametrize(
    "geheimen, melding",
    [
        (
            {"toegang": {"accounts": {"test@dalfsen.nl": "GM0148"}, "wachtwoorden": {"test@dalfsen.nl": HASH}}},
            "moet een lijst gemeentecodes zijn",
        ),
        ({"upload": {"beleidsmedewerkers": ["test@dalfsen.nl"], "wachtwoord": "geheim-123"}}, "bestaat niet meer"),
        ({"toegang": {"accounts": ACCOUNTS, "wachtwoorden": {"test@dalfsen.nl": WACHTWOORD}}}, "geen argon2-hash"),
    ],
)
def test_foute_instellingen_uitgelegd_en_uploaden_uit(ingebedde_db, geheimen, melding):
    at = pagina(geheimen)
    assert not at.exception
    assert "de instellingen voor aanmelden kloppen niet" in teksten(at) and melding in teksten(at)
    assert len(at.text_input) == 0 and len(at.button) == 0


@pytest.mark.parametrize(
    "email, wachtwoord",
    [
        ("iemand@elders.nl", WACHTWOORD),
        ("test@dalfsen.nl", "fout-wachtwoord"),
        ("test@dalfsen.nl", "g"),
    ],
)
def test_fout_aanmelden_geeft_de_foutmelding_en_geen_gemeentekeuze(ingebedde_db, email, wachtwoord):
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


def test_beleidsmedewerker_ziet_uploads_en_kan_afmelden(ingebedde_db):
    data = wb.waarden([["GM0148", "bewindvoering_huishoudens", 2023, 190, None, "GWS4all", None]])
    excel.leg_vast(excel.valideer(data, "bewind.xlsx"), door="test@dalfsen.nl")
    at = aangemeld()
    assert not at.exception
    assert "Aangemeld als test@dalfsen.nl; uploaden en intrekken voor Dalfsen." in teksten(at)
    assert at.selectbox(key="upload_gemeente").options == ["uit het bestand", "Dalfsen"]
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
    assert len(at.dataframe[-1].value) == 2  # de lijst toont alle uploads
    # intrekken alleen de eigen
    assert [o.split(":")[0] for o in at.selectbox(key="upload_intrekken").options] == [f"upload {id_eigen}"]
    at.checkbox(key="upload_zeker").check().run()
    at.button(key="upload_intrekken_knop").click().run()
    assert f"Upload {id_eigen} ingetrokken" in teksten(at)
    lijst = at.dataframe[-1].value
    assert [s.split(" door ")[-1] for s in lijst["Stand"]] == ["geldt", "test@dalfsen.nl"]


def aangemeld() -> AppTest:
    return aanmelden(pagina(WACHTWOORDEN), "TEST@dalfsen.nl ", WACHTWOORD)


def test_beleidsmedewerker_ziet_uploads_en_kan_intrekken_na_bevestiging(ingebedde_db):
    data = wb.waarden([["GM0148", "bewindvoering_huishoudens", 2023, 190, None, "GWS4all", None]])
    (eerste,) = excel.leg_vast(excel.valideer(data, "bewind.xlsx"), door="test@dalfsen.nl")
    (upload_id,) = excel.leg_vast(excel.valideer(data, "bewind.xlsx"), door="ander@dalfsen.nl")
    moment = {u["upload_id"]: u["geupload_op"] for u in alle_uploads()}[upload_id]
    at = aangemeld()
    assert not at.exception
    assert "Aangemeld als test@dalfsen.nl" in teksten(at)
    lijst = at.dataframe[-1].value
    assert list(lijst["Upload"]) == [str(upload_id), str(eerste)] and list(lijst["Bestand"]) == ["bewind.xlsx"] * 2
    assert list(lijst["Stand"]) == ["geldt", "vervangen door een nieuwere versie"]
    # de keuze noemt bestand, werkblad, wanneer en wie; alleen geldende uploads zijn te kiezen
    keuze = at.selectbox(key="upload_intrekken")
    assert keuze.options == [
        f"upload {upload_id}: bewind.xlsx, werkblad Waarden, {moment:%d-%m-%Y %H:%M}, door ander@dalfsen.nl"
    ]
    # zonder 'Ik weet het zeker' kan er niet worden ingetrokken
    knop = at.button(key="upload_intrekken_knop")
    assert knop.disabled
    at.checkbox(key="upload_zeker").check().run()
    assert not at.button(key="upload_intrekken_knop").disabled
    at.button(key="upload_intrekken_knop").click().run()
    assert not at.exception
    # meteen (zonder nog een run): melding, en de lijst en de keuze zijn bijgewerkt
    assert f"Upload {upload_id} ingetrokken (bewind.xlsx, werkblad Waarden); upload {eerste} geldt weer." in teksten(at)
    lijst = at.dataframe[-1].value
    assert list(lijst["Stand"])[1] == "geldt"
    assert list(lijst["Stand"])[0].startswith("ingetrokken ") and list(lijst["Stand"])[0].endswith(
        " door test@dalfsen.nl"
    )
    assert at.selectbox(key="upload_intrekken").options[0].startswith(f"upload {eerste}: bewind.xlsx")
    assert not any(c.value for c in at.checkbox)  # de bevestiging staat weer uit


def test_voorbeeld_noemt_overgeslagen_werkbladen(ingebedde_db):
    at = aangemeld()
    at.file_uploader[0].set_value(("export.xlsx", wb.met_uitlegblad(), "application/octet-stream")).run()
    assert not at.exception
    tekst = teksten(at)
    assert "Overgeslagen (niet geüpload): export.xlsx, werkblad 'Toelichting': Geen kopregel gevonden" in tekst
    assert "Overgeslagen (niet geüpload): export.xlsx, werkblad 'Blad2': Het werkblad is leeg" in tekst
    assert "Werkblad Waarden (waarden): 1 nieuw" in tekst
    at.button(key="upload_vastleggen").click().run()
    assert [(u["werkblad"], u["door"]) for u in alle_uploads()] == [("Waarden", "test@dalfsen.nl")]


@pytest.mark.parametrize(
    "rijen, aantal",
    [
        ([["Zwolle", "bewindvoering_huishoudens", 2022, 5, None, None, None]], "(1 probleem)"),
        (
            [
                ["Zwolle", "bewindvoering_huishoudens", 2022, 5, None, None, None],
                ["GM0148", "geluk_pct", 2022, 5, None, None, None],
            ],
            "(2 problemen)",
        ),
    ],
)
def test_geweigerd_bestand_telt_problemen(ingebedde_db, rijen, aantal):
    at = aangemeld()
    at.file_uploader[0].set_value(("fout.xlsx", wb.waarden(rijen), "application/octet-stream")).run()
    (fout,) = at.error
    assert fout.value == f"Het bestand is geweigerd; er is niets opgeslagen {aantal}."


def test_intrekken_van_een_intussen_ingetrokken_upload_trekt_niet_een_andere_in(ingebedde_db):
    """Iemand anders trekt de gekozen upload in vlak voor de klik: dan wordt niet de upload ingetrokken die nu
    bovenaan de keuzelijst staat, maar gemeld dat het niet lukte."""
    data = wb.waarden([["GM0148", "bewindvoering_huishoudens", 2023, 190, None, "GWS4all", None]])
    (eerste,) = excel.leg_vast(excel.valideer(data, "bewind.xlsx"), door="test@dalfsen.nl")
    (tweede,) = excel.leg_vast(excel.valideer(data, "bewind.xlsx"), door="test@dalfsen.nl")
    at = aangemeld()
    at.checkbox(key="upload_zeker").check().run()
    excel.trek_in(tweede, door="collega@dalfsen.nl")  # in een ander venster
    at.button(key="upload_intrekken_knop").click().run()
    assert not at.exception
    assert [e.value for e in at.error] == ["Intrekken is niet gelukt; er is niets veranderd."]
    assert "geldt niet meer" in " ".join(at.dataframe[0].value["Probleem"])
    assert {u["upload_id"]: u["geldend"] for u in alle_uploads()} == {eerste: True, tweede: False}


def test_na_aanmelden_staat_het_aanmeldformulier_er_niet_meer(ingebedde_db):
    """Meteen na een gelukte aanmelding stond het lege formulier (E-mailadres, Wachtwoord, Aanmelden) nog boven
    'Aangemeld als ...', tot de volgende klik: alsof de aanmelding niet gelukt was."""
    at = aangemeld()
    assert not at.exception
    assert "Aangemeld als test@dalfsen.nl; uploaden en intrekken voor Dalfsen." in teksten(at)
    assert [t.key for t in at.text_input] == []
    assert "Aanmelden" not in [b.label for b in at.button]
