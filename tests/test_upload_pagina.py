"""De uploadpagina met AppTest: rol, aanmelden, voorbeeld (overgeslagen werkbladen, aantal problemen), lijst
met uploads en intrekken met bevestiging. Het lezen en vastleggen zelf is getest in test_upload.py.
"""

from __future__ import annotations

import pytest
from pathlib import Path

from streamlit.testing.v1 import AppTest

import werkboeken as wb
from loaders import excel

ROL = {"beleidsmedewerkers": ["Test@Dalfsen.nl"], "wachtwoord": "geheim-123"}


def pagina(rol=None) -> AppTest:
    at = AppTest.from_file(str(Path(__file__).parent.parent / "pages" / "upload.py"), default_timeout=60)
    if rol is not None:
        at.secrets["upload"] = rol
    return at.run()


def teksten(at) -> str:
    # meldingen met tekst uit een bestand staan ontsnapt (geen markdown); voor de controle halen we de escapes weg
    return "\n".join([t.value for t in at.text] + [i.value for i in at.info]
                     + [s.value.replace("\\", "") for s in at.success])


def test_zonder_rol_legt_de_pagina_uit_hoe_uploaden_aan_gaat(ingebedde_db):
    at = pagina()
    assert not at.exception
    assert "rol beleidsmedewerker is niet ingesteld" in teksten(at)
    assert ".streamlit/secrets.toml" in teksten(at)
    assert len(at.text_input) == 0 and len(at.button) == 0   # geen aanmelden, geen uploaden
    assert at.get("download_button")                          # het sjabloon mag iedereen downloaden


@pytest.mark.parametrize("email, wachtwoord, melding", [
    ("iemand@elders.nl", "geheim-123", "staat niet in de lijst"),
    ("test@dalfsen.nl", "fout", "wachtwoord klopt niet"),
])
def test_aanmelden_geweigerd(ingebedde_db, email, wachtwoord, melding):
    at = pagina(ROL)
    at.text_input(key="upload_email").input(email)
    at.text_input(key="upload_wachtwoord").input(wachtwoord)
    at.run()
    assert melding in teksten(at)
    assert len(at.selectbox) == 0


def aangemeld(rol=ROL) -> AppTest:
    at = pagina(rol)
    at.text_input(key="upload_email").input("TEST@dalfsen.nl ")
    at.text_input(key="upload_wachtwoord").input("geheim-123")
    return at.run()


def test_beleidsmedewerker_ziet_uploads_en_kan_intrekken_na_bevestiging(ingebedde_db):
    data = wb.waarden([["GM0148", "bewindvoering_huishoudens", 2023, 190, None, "GWS4all", None]])
    (eerste,) = excel.leg_vast(excel.valideer(data, "bewind.xlsx"), door="test@dalfsen.nl")
    (upload_id,) = excel.leg_vast(excel.valideer(data, "bewind.xlsx"), door="ander@dalfsen.nl")
    moment = {u["upload_id"]: u["geupload_op"] for u in excel.uploads()}[upload_id]
    at = aangemeld()
    assert not at.exception
    assert "Aangemeld als test@dalfsen.nl" in teksten(at)
    lijst = at.dataframe[-1].value
    assert list(lijst["Upload"]) == [str(upload_id), str(eerste)] and list(lijst["Bestand"]) == ["bewind.xlsx"] * 2
    assert list(lijst["Stand"]) == ["geldt", "vervangen door een nieuwere versie"]
    # de keuze noemt bestand, werkblad, wanneer en wie; alleen geldende uploads zijn te kiezen
    keuze = at.selectbox(key="upload_intrekken")
    assert keuze.options == [f"upload {upload_id}: bewind.xlsx, werkblad Waarden, {moment:%d-%m-%Y %H:%M}, "
                             "door ander@dalfsen.nl"]
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
    assert list(lijst["Stand"])[0].startswith("ingetrokken ") and list(lijst["Stand"])[0].endswith(" door test@dalfsen.nl")
    assert at.selectbox(key="upload_intrekken").options[0].startswith(f"upload {eerste}: bewind.xlsx")
    assert not any(c.value for c in at.checkbox)   # de bevestiging staat weer uit


def test_voorbeeld_noemt_overgeslagen_werkbladen(ingebedde_db):
    at = aangemeld()
    at.file_uploader[0].set_value(("export.xlsx", wb.met_uitlegblad(), "application/octet-stream")).run()
    assert not at.exception
    tekst = teksten(at)
    assert "Overgeslagen (niet geüpload): export.xlsx, werkblad 'Toelichting': Geen kopregel gevonden" in tekst
    assert "Overgeslagen (niet geüpload): export.xlsx, werkblad 'Blad2': Het werkblad is leeg" in tekst
    assert "Werkblad Waarden (waarden): 1 nieuw" in tekst
    at.button(key="upload_vastleggen").click().run()
    assert [(u["werkblad"], u["door"]) for u in excel.uploads()] == [("Waarden", "test@dalfsen.nl")]


@pytest.mark.parametrize("rijen, aantal", [
    ([["Zwolle", "bewindvoering_huishoudens", 2022, 5, None, None, None]], "(1 probleem)"),
    ([["Zwolle", "bewindvoering_huishoudens", 2022, 5, None, None, None],
      ["GM0148", "geluk_pct", 2022, 5, None, None, None]], "(2 problemen)"),
])
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
    excel.trek_in(tweede, door="collega@dalfsen.nl")             # in een ander venster
    at.button(key="upload_intrekken_knop").click().run()
    assert not at.exception
    assert [e.value for e in at.error] == ["Intrekken is niet gelukt; er is niets veranderd."]
    assert "geldt niet meer" in " ".join(at.dataframe[0].value["Probleem"])
    assert {u["upload_id"]: u["geldend"] for u in excel.uploads()} == {eerste: True, tweede: False}
