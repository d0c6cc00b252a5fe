"""Eén lezing van een getal: dezelfde tekst geeft hetzelfde getal als waarde en als streefwaarde.

De werkboeken hier zijn testgegevens met verzonnen getallen; ze blijven in tests/.
"""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from loaders import excel

import werkboeken as wb


def _werkboek() -> bytes:
    boek = Workbook()
    ws = boek.active
    ws.title = "Waarden"
    ws.append(wb.WAARDEN_KOP)
    ws.append(["GM0148", "bijstand_per_10000", 2019, "1.234", "per 10.000 inwoners", "test", None])  # tekstcel
    ws.append(["GM0148", "bijstand_per_10000", 2020, 1.234, "per 10.000 inwoners", "test", None])  # getalcel
    ws.append(["GM0148", "bijstand_per_10000", 2021, "1,5", "per 10.000 inwoners", "test", None])
    ws.append(["GM0148", "bijstand_per_10000", 2022, 1234.5, "per 10.000 inwoners", "test", None])
    st = boek.create_sheet("Streefwaarden")
    st.append(wb.STREEF_KOP)
    st.append(["GM0148", "bijstand_per_10000", 2025, "1.234", None, None, None])  # tekstcel
    st.append(["GM0148", "bijstand_per_10000", 2026, 1.234, None, None, None])  # getalcel
    st.append(["GM0148", "bijstand_per_10000", 2027, "1,5", None, None, None])
    st.append(["GM0148", "bijstand_per_10000", 2028, "minimaal 1.234,5", 2020, 1234.5, None])
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


def test_zelfde_tekst_zelfde_getal_in_waarde_en_streefwaarde(ingebedde_db):
    validatie = excel.valideer(_werkboek(), "getallen.xlsx")
    waarden, streef = validatie.werkbladen
    assert not waarden.meldingen and not streef.meldingen
    assert [w.waarde for w in waarden.waarden] == [1234.0, 1.234, 1.5, 1234.5]
    assert [s.waarde for s in streef.streefwaarden] == [1234.0, 1.234, 1.5, 1234.5]
    assert streef.streefwaarden[-1].nulmeting_waarde == 1234.5
    # een getalcel wordt als Nederlandse tekst bewaard en getoond, niet in Engelse notatie
    assert [s.tekst for s in streef.streefwaarden] == ["1.234", "1,234", "1,5", "minimaal 1.234,5"]


def test_engelse_decimaalpunt_in_een_tekstcel_wordt_gemeld_niet_geraden(ingebedde_db):
    data = wb.waarden([["GM0148", "bijstand_per_10000", 2021, "2.5", "per 10.000 inwoners", "test", None]])
    with pytest.raises(excel.UploadGeweigerd) as fout:
        excel.valideer(data, "punt.xlsx")
    (melding,) = fout.value.meldingen
    assert (melding.rij, melding.kolom, melding.gevonden) == (2, "D", "2.5")
    assert "dubbelzinnig" in melding.probleem
    assert melding.oplossing == "Schrijf '2,5' voor een decimaal getal of '25' voor een heel getal."


def test_opdrachtregel_toont_grote_getallen_in_nederlandse_notatie(ingebedde_db, capsys, monkeypatch):
    from loaders.__main__ import main as cli

    pad = ingebedde_db.parent / "groot.xlsx"
    pad.write_bytes(
        wb.waarden(
            [
                ["GM0148", "bewindvoering_huishoudens", 2021, 1234567, None, None, None],
                ["GM0148", "bijstand_per_10000", 2021, 2.5, None, None, None],
            ]
        )
    )
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert cli(["upload", str(pad), "--gemeente", "GM0148"]) == 0
    uit = capsys.readouterr().out
    assert "-> 1.234.567" in uit and "-> 2,5" in uit
    assert "e+06" not in uit


def test_zijbalk_noemt_de_gemeenten_uit_de_data(ingebedde_db):
    from kompas.db import schrijf_transactie

    from apptest import draai

    with schrijf_transactie(ingebedde_db) as con:  # testgegevens: een andere naam in de regiotabel
        con.execute("update regio set regio_naam = 'Testdorp' where regio_code = 'GM1876'")
    at = draai("pages/over_de_data.py")
    (tekst,) = [c.value for c in at.sidebar.caption]
    assert "van Dalfsen, Testdorp en Dronten naast" in tekst
