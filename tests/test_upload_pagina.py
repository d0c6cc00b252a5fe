"""De uploadpagina met AppTest: rol, aanmelden, lijst met uploads en intrekken.

AppTest kan st.file_uploader niet vullen; het lezen en vastleggen zelf is getest in test_upload.py.
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
    return "\n".join([t.value for t in at.text] + [i.value for i in at.info] + [s.value for s in at.success])


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


def test_beleidsmedewerker_ziet_uploads_en_kan_intrekken(ingebedde_db):
    data = wb.waarden([["GM0148", "bewindvoering_huishoudens", 2023, 190, None, "GWS4all", None]])
    (upload_id,) = excel.leg_vast(excel.valideer(data, "bewind.xlsx"), door="test@dalfsen.nl")
    at = pagina(ROL)
    at.text_input(key="upload_email").input("TEST@dalfsen.nl ")
    at.text_input(key="upload_wachtwoord").input("geheim-123")
    at.run()
    assert not at.exception
    assert "Aangemeld als test@dalfsen.nl" in teksten(at)
    lijst = at.dataframe[-1].value
    assert list(lijst["Upload"]) == [str(upload_id)] and list(lijst["Bestand"]) == ["bewind.xlsx"]
    assert list(lijst["Stand"]) == ["geldt"] and list(lijst["Door"]) == ["test@dalfsen.nl"]
    at.selectbox(key="upload_intrekken").select(upload_id)
    at.button(key="upload_intrekken_knop").click().run()
    assert f"Upload {upload_id} ingetrokken" in teksten(at)
    lijst = at.run().dataframe[-1].value
    (stand,) = list(lijst["Stand"])
    assert stand.startswith("ingetrokken ") and stand.endswith(" door test@dalfsen.nl")
