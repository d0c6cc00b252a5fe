"""Excel-upload: lezen, weigeren (met de plek en niets geschreven), voorbeeld, vervangen, intrekken, herkomst."""

from __future__ import annotations

import getpass
import io
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import openpyxl
import pytest

from kompas import gegevens, teksten
from kompas.db import schrijf_transactie
from kompas.sjabloon import maak_sjabloon
from loaders import excel
from loaders.__main__ import main as cli

import werkboeken as wb
from dbhulp import alle_uploads, alleen_lezen

TABELLEN = ("waarneming", "herkomst", "upload", "upload_waarde", "upload_streefwaarde")


def dump(pad: Path) -> dict:
    with alleen_lezen(pad) as con:
        uit = {}
        for t in TABELLEN:
            try:
                uit[t] = sorted(map(repr, con.execute(f"select * from {t}").fetchall()))  # vaste lijst
            except duckdb.CatalogException:
                uit[t] = None
        return uit


@pytest.fixture
def db(ingebedde_db):
    with schrijf_transactie(ingebedde_db) as con:  # een kaderindicator in de eigen woorden van Dalfsen
        con.execute(
            "insert into kader_indicator (kader_indicator_id, doel_id, gemeente_code, omschrijving,"
            " indicator_code, volgorde) values ('test-doel4', 'test', 'GM0148',"
            " 'Niet meer dan 25% zit langer dan 4 jaar in de uitkering', null, 1)"
        )
    return ingebedde_db


def weiger_tekst(data: bytes, naam: str = "bestand.xlsx", **kw) -> str:
    with pytest.raises(excel.UploadGeweigerd) as fout:
        excel.valideer(data, naam, **kw)
    return str(fout.value)


# ------------------------------------------------------------------ lezen


def test_sjabloon_ingevuld_wordt_gelezen_en_vastgelegd(db, lees):
    validatie = excel.valideer(wb.sjabloon_ingevuld(), "dalfsen.xlsx")
    soorten = {w.naam: w.werkbladsoort for w in validatie.werkbladen}
    assert soorten == {"Waarden": "waarden", "Streefwaarden": "streefwaarden"}
    waarden = validatie.werkbladen[0].waarden
    assert [(w.gemeente_code, w.peiljaar, w.waarde) for w in waarden] == [
        ("GM0148", 2022, 181.0),
        ("GM0148", 2023, 190.0),
        ("GM0148", 2023, 81.5),
    ]
    ids = excel.leg_vast(validatie, door="test@dalfsen.nl")
    rijen = lees(
        "select indicator_code, peiljaar, waarde, herkomst_soort, bron, is_voorkeur from indicator_waarden"
        " where herkomst_id = $h order by indicator_code, peiljaar",
        {"h": f"upload:{ids[0]}"},
    )
    assert [(r["indicator_code"], r["peiljaar"], r["waarde"]) for r in rijen] == [
        ("bewindvoering_huishoudens", 2022, 181.0),
        ("bewindvoering_huishoudens", 2023, 190.0),
        ("klanttevredenheid_jeugdhulp_pct", 2023, 81.5),
    ]
    assert all(r["herkomst_soort"] == "upload" and "dalfsen.xlsx" in r["bron"] for r in rijen)
    assert [("GWS4all" in r["bron"], "CEO Jeugd" in r["bron"]) for r in rijen] == [
        (True, False),
        (True, False),
        (False, True),
    ]
    citaten = {
        (r["indicator_code"], r["peiljaar"]): r["citaat"]
        for r in lees(
            "select indicator_code, peiljaar, citaat from waarneming where herkomst_id = $h", {"h": f"upload:{ids[0]}"}
        )
    }
    assert citaten[("bewindvoering_huishoudens", 2023)] == "GWS4all — werkblad Waarden, rij 3, kolom D"
    assert citaten[("klanttevredenheid_jeugdhulp_pct", 2023)] == "CEO Jeugd — werkblad Waarden, rij 4, kolom D"
    herkomst = lees("select * from herkomst where herkomst_id = $h", {"h": f"upload:{ids[0]}"})[0]
    assert herkomst["adres"] == "dalfsen.xlsx" and len(herkomst["bestand_sha256"]) == 64
    streef = lees(
        "select indicator_code, jaar, tekst, soort, waarde, nulmeting_waarde from geldende_upload_streefwaarde"
        " order by jaar"
    )
    assert streef == [
        {
            "indicator_code": "klanttevredenheid_jeugdhulp_pct",
            "jaar": 2025,
            "tekst": "minimaal 85%",
            "soort": "minimaal",
            "waarde": 85.0,
            "nulmeting_waarde": 81.5,
        },
        {
            "indicator_code": "inburgeraars_participatie_pct",
            "jaar": 2026,
            "tekst": ">30%",
            "soort": "minimaal",
            "waarde": 30.0,
            "nulmeting_waarde": None,
        },
    ]
    upload = lees("select * from upload order by upload_id")
    assert [(u["werkblad"], u["rijen_totaal"], u["rijen_nieuw"], u["door"]) for u in upload] == [
        ("Waarden", 3, 3, "test@dalfsen.nl"),
        ("Streefwaarden", 2, 2, "test@dalfsen.nl"),
    ]


def test_elk_geupload_cijfer_noemt_alleen_de_eigen_bron_en_de_upload(db, lees):
    """Twee rijen met elk een andere bron, één zonder: de kolom bron (grafiek, export) noemt per cijfer alleen
    de eigen bron, plus de upload (bestand, datum, wie); niet alle bronnen van het werkblad."""
    data = wb.waarden(
        [
            ["GM0148", "bewindvoering_huishoudens", 2022, 181, None, "GWS4all", None],
            ["GM0148", "klanttevredenheid_jeugdhulp_pct", 2023, 81.5, "%", "CEO Jeugd", None],
            ["GM0148", "kindregeling_bestellingen", 2023, 12, None, None, None],
        ]
    )
    (upload_id,) = excel.leg_vast(excel.valideer(data, "twee-bronnen.xlsx"), door="test@dalfsen.nl")
    (upload,) = lees("select geupload_op from upload where upload_id = $i", {"i": upload_id})
    achter = f"upload: twee-bronnen.xlsx ({upload['geupload_op']:%d-%m-%Y}, test@dalfsen.nl)"
    verwacht = {
        "bewindvoering_huishoudens": f"GWS4all, {achter}",
        "klanttevredenheid_jeugdhulp_pct": f"CEO Jeugd, {achter}",
        "kindregeling_bestellingen": f"eigen registratie gemeente Dalfsen, {achter}",
    }
    for tabel in ("indicator_waarden", "afgeleid.indicator_waarden", "afgeleid.laatste_waarden"):
        rijen = lees(f"select indicator_code, bron from {tabel} where herkomst_id = $h", {"h": f"upload:{upload_id}"})
        assert {r["indicator_code"]: r["bron"] for r in rijen} == verwacht, tabel
    # de overige bronnen houden hun vorm: organisatie (tabel), vindplaats
    (cbs,) = lees(
        "select w.bron, h.bron as organisatie, h.tabel_id, h.adres from afgeleid.indicator_waarden as w"
        " join herkomst as h using (herkomst_id)"
        " where h.soort = 'CBS StatLine' and h.tabel_id is not null and h.adres is not null limit 1"
    )
    # andere bronnen houden hun eigen tekst: uitgever en tabel eerst (zie test_bronnen.py)
    assert cbs["bron"].startswith(f"{cbs['organisatie']} StatLine, tabel {cbs['tabel_id']} ")


def test_brede_export_met_titelrijen_en_kaderformulering(db):
    validatie = excel.valideer(wb.breed_met_titels(), "begroting.xlsx", gemeente="GM0148")
    (blad,) = validatie.werkbladen
    assert blad.werkbladsoort == "streefwaarden" and blad.koprij == 4
    rijen = [
        (
            s.kader_indicator_id,
            s.indicator_code,
            s.jaar,
            s.tekst,
            s.soort,
            s.waarde,
            s.nulmeting_jaar,
            s.nulmeting_waarde,
        )
        for s in blad.streefwaarden
    ]
    assert rijen[0] == ("test-doel4", None, 2020, "25%", "punt", 25.0, 2019, 26.0)
    assert len([r for r in rijen if r[0] == "test-doel4"]) == 4
    assert "inburgeraars_participatie_pct" in [r[1] for r in rijen]
    assert [r[3] for r in rijen if r[1] == "inburgeraars_participatie_pct"] == [">30%", ">30%", "minimaal 35%"]
    # 'Doel 6: aantal garantiebanen **' heeft geen cijfers en de voetnoot is geen gegeven: beide overgeslagen
    assert blad.aantal == 7


def test_nederlandse_decimalen_percentages_en_procentcellen(db):
    validatie = excel.valideer(wb.breed_waarden(), "realisatie.xlsx", gemeente="Dalfsen")
    (blad,) = validatie.werkbladen
    assert blad.werkbladsoort == "waarden"
    assert [(w.indicator_code, w.peiljaar, w.waarde, w.rij, w.kolom) for w in blad.waarden] == [
        ("klanttevredenheid_jeugdhulp_pct", 2021, 78.5, 3, "C"),
        ("klanttevredenheid_jeugdhulp_pct", 2022, 26.0, 3, "D"),
        ("klanttevredenheid_jeugdhulp_pct", 2023, 80.0, 3, "E"),  # 0,8 opgemaakt als 80%
        ("bewindvoering_huishoudens", 2021, 170.0, 4, "C"),
        ("bewindvoering_huishoudens", 2022, 1234567.0, 4, "D"),
        ("bewindvoering_huishoudens", 2023, 190.0, 4, "E"),
    ]


def test_formule_met_berekende_waarde_wordt_gebruikt(db):
    validatie = excel.valideer(wb.met_formules(met_waarde=True), "f.xlsx")
    assert [w.waarde for w in validatie.werkbladen[0].waarden] == [100.0, 181.0]


def test_werkblad_zonder_tabel_wordt_overgeslagen_en_genoemd(db, capsys, monkeypatch):
    validatie = excel.valideer(wb.met_uitlegblad(), "export.xlsx")
    assert [w.naam for w in validatie.werkbladen] == ["Waarden"]
    assert [w.waarden[0].waarde for w in validatie.werkbladen] == [175.0]
    redenen = {m.werkblad: m.probleem for m in validatie.overgeslagen}
    assert list(redenen) == ["Toelichting", "Blad2"]
    assert "Geen kopregel gevonden" in redenen["Toelichting"] and "leeg" in redenen["Blad2"]
    # het voorbeeld op de opdrachtregel noemt de overgeslagen werkbladen
    pad = db.parent / "export.xlsx"
    pad.write_bytes(wb.met_uitlegblad())
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert cli(["upload", str(pad)]) == 0
    uit = capsys.readouterr().out
    assert "Werkblad 'Waarden' (waarden, gemeente GM0148): 1 nieuw" in uit
    assert "Overgeslagen (niet geüpload): export.xlsx, werkblad 'Toelichting': Geen kopregel gevonden" in uit
    assert "Overgeslagen (niet geüpload): export.xlsx, werkblad 'Blad2': Het werkblad is leeg" in uit
    assert cli(["upload", str(pad), "--ja"]) == 0
    assert [(u["werkblad"], u["rijen_totaal"]) for u in alle_uploads()] == [("Waarden", 1)]


def test_zonder_enig_werkblad_met_gegevens_geweigerd_met_de_reden_per_werkblad(db):
    tekst = weiger_tekst(wb.met_uitlegblad(alleen_uitleg=True), "export.xlsx")
    assert "export.xlsx, werkblad 'Toelichting': Geen kopregel gevonden" in tekst
    assert "export.xlsx, werkblad 'Blad2': Het werkblad is leeg" in tekst


# ------------------------------------------------------------------ weigeren met de plek, niets geschreven

FOUTEN = {
    "formule zonder waarde": (
        lambda: wb.met_formules(met_waarde=False),
        {},
        ["werkblad 'Waarden', rij 3, kolom D", "formule zonder berekende waarde"],
    ),
    "onbekende gemeente": (
        lambda: wb.waarden([["Zwolle", "bewindvoering_huishoudens", 2022, 5, None, None, None]]),
        {},
        ["rij 2, kolom A", "Onbekende gemeente", "Gevonden: 'Zwolle'", "GM0148 (Dalfsen)"],
    ),
    "onbekende indicator": (
        lambda: wb.waarden([["GM0148", "geluk_pct", 2022, 5, None, None, None]]),
        {},
        ["rij 2, kolom B", "Onbekende indicator", "Gevonden: 'geluk_pct'"],
    ),
    "peiljaar in de toekomst": (
        lambda: wb.waarden([["GM0148", "bewindvoering_huishoudens", 2099, 5, None, None, None]]),
        {},
        ["rij 2, kolom C", "buiten het toegestane bereik", "Gevonden: '2099'", "1990 tot en met"],
    ),
    "peiljaar geen getal": (
        lambda: wb.waarden([["GM0148", "bewindvoering_huishoudens", "vorig jaar", 5, None, None, None]]),
        {},
        ["rij 2, kolom C", "geen jaartal", "Gevonden: 'vorig jaar'"],
    ),
    "eenheid past niet": (
        lambda: wb.waarden([["GM0148", "klanttevredenheid_jeugdhulp_pct", 2022, 5, "aantal", None, None]]),
        {},
        ["rij 2, kolom E", "eenheid past niet", "Gevonden: 'aantal'", "'% respondenten'"],
    ),
    "percentage boven 100": (
        lambda: wb.waarden([["GM0148", "klanttevredenheid_jeugdhulp_pct", 2022, "126%", "%", None, None]]),
        {},
        ["rij 2, kolom D", "buiten het mogelijke bereik", "Gevonden: '126%'", "van 0 tot en met 100"],
    ),
    "dubbele rij": (
        lambda: wb.waarden(
            [
                ["GM0148", "bewindvoering_huishoudens", 2022, 5, None, None, None],
                ["Dalfsen", "bewindvoering_huishoudens", 2022, 6, None, None, None],
            ]
        ),
        {},
        ["rij 3, kolom D", "Dubbele rij", "ook in rij 2"],
    ),
    "tekst waar een getal hoort": (
        lambda: wb.waarden([["GM0148", "bewindvoering_huishoudens", 2022, "ongeveer 5", None, None, None]]),
        {},
        ["rij 2, kolom D", "Tekst waar een getal (waarde) hoort", "Gevonden: 'ongeveer 5'"],
    ),
    "lege verplichte cel": (
        lambda: wb.waarden([["GM0148", None, 2022, 5, None, None, None]]),
        {},
        ["rij 2, kolom B", "De indicator ontbreekt"],
    ),
    "lege waarde": (
        lambda: wb.waarden([["GM0148", "bewindvoering_huishoudens", 2022, None, None, None, "nog niet bekend"]]),
        {},
        ["rij 2, kolom D", "De waarde ontbreekt"],
    ),
    "streefwaarde onleesbaar": (
        lambda: wb.waarden(
            [["GM0148", "klanttevredenheid_jeugdhulp_pct", 2025, "zo hoog mogelijk", None, None, None]],
            kop=wb.STREEF_KOP,
            blad="Streefwaarden",
        ),
        {},
        ["werkblad 'Streefwaarden', rij 2, kolom D", "streefwaarde is niet te lezen", "zo hoog mogelijk"],
    ),
    "streefjaar te ver": (
        lambda: wb.waarden(
            [["GM0148", "klanttevredenheid_jeugdhulp_pct", 2090, "minimaal 85%", None, None, None]],
            kop=wb.STREEF_KOP,
            blad="Streefwaarden",
        ),
        {},
        ["rij 2, kolom C", "buiten het toegestane bereik", "2000 tot en met"],
    ),
    "geen gemeente": (
        lambda: wb.waarden([["bewindvoering_huishoudens", 2022, 5]], kop=["indicator", "peiljaar", "waarde"]),
        {},
        ["geen kolom 'gemeente'", "--gemeente"],
    ),
    "geen kopregel": (lambda: wb.waarden([["a", "b"]], kop=["x", "y"]), {}, ["Geen kopregel gevonden"]),
    "leeg werkboek": (wb.leeg_werkboek, {}, ["geen gegevens", "'Waarden'"]),
    "alleen kopregel": (lambda: wb.waarden([]), {}, ["geen gegevens"]),
    "oud xls": (wb.oud_xls, {}, ["oud Excel-bestand (.xls)", "Opslaan als"]),
    "versleuteld": (wb.versleuteld, {}, ["met een wachtwoord beveiligd"]),
    "csv hernoemd": (wb.csv_als_xlsx, {}, ["tekstbestand (CSV) met de extensie .xlsx"]),
    "beschadigd": (wb.beschadigd, {}, ["beschadigd"]),
    "macro's": (wb.xlsm, {}, ["bevat macro's"]),
    "zip-bom": (wb.zip_bom, {}, ["zip-bom", "pakt uit tot 400 MB"]),
    "te veel kolommen": (lambda: wb.te_veel_kolommen(120), {}, ["127 kolommen", "hoogstens 100 kolommen"]),
    # issue 11: bestanden die een lezer zonder grenscontrole laten afbreken of minutenlang bezighouden
    "cel op XFD1048576 voor de rijen": (
        wb.cel_ver_weg,
        {},
        ["werkblad 'Waarden'", "1.048.576 rijen", "een cel op XFD1048576", "hoogstens 100.000 rijen"],
    ),
    "cel op CV1000000 voor de rijen": (
        lambda: wb.cel_ver_weg("CV1000000"),
        {},
        ["1.000.000 rijen", "een cel op CV1000000"],
    ),
    "dimensie tot XFD1048576": (
        lambda: wb.cel_ver_weg("G3", dimensie="A1:XFD1048576"),
        {},
        ["1.048.576 rijen volgens het opgegeven bereik (dimensie)"],
    ),
    "cel op XFD3 anders geschreven": (
        wb.cel_ver_weg_anders_geschreven,
        {},
        ["16.384 kolommen", "een cel op XFD3", "hoogstens 100 kolommen"],
    ),
    "cellen zonder r-attribuut": (lambda: wb.cellen_zonder_ref(5000), {}, ["5.000 kolommen", "hoogstens 100 kolommen"]),
    "te veel werkbladen": (lambda: wb.veel_werkbladen(60), {}, ["60 werkbladen", "hoogstens 50 werkbladen"]),
    "gedeelde teksten opgeblazen": (
        lambda: wb.gedeelde_teksten(4_000_000_000),
        {},
        ["4.000.000.000 verschillende teksten"],
    ),
    "ESC als xlsx-escape in de toelichting": (
        lambda: wb.met_tekst("stand _x001B_[31m31-12"),
        {},
        ["rij 2, kolom G", "stuurteken", "[ESC]", "Verwijder"],
    ),
    "NUL als xlsx-escape in de bron": (
        lambda: wb.met_tekst("GWS_x0000_4all", "bron"),
        {},
        ["rij 2, kolom F", "stuurteken", "GWS[NUL]4all"],
    ),
    "BEL in de indicator": (
        lambda: wb.met_tekst("bewindvoering_huishoudens_x0007_", "indicator"),
        {},
        ["rij 2, kolom B", "stuurteken", "[BEL]"],
    ),
    "beschadigd deel in het zip-bestand": (
        wb.beschadigd_deel,
        {},
        ["werkblad 'Waarden'", "beschadigd", "sla het opnieuw op"],
    ),
}


@pytest.fixture
def geen_calamine_in_dit_proces(monkeypatch):
    """Een vijandig bestand mag alleen in het werkproces bij calamine komen: hier zou het pytest afbreken."""
    import fastexcel

    def verboden(*_, **__):
        raise AssertionError("calamine opende een upload in het serverproces zelf")

    monkeypatch.setattr(fastexcel, "read_excel", verboden)


@pytest.mark.parametrize("soort", sorted(FOUTEN))
def test_fout_bestand_wordt_geweigerd_met_plek_en_niets_geschreven(db, soort, geen_calamine_in_dit_proces):
    maak, opties, verwacht = FOUTEN[soort]
    voor = dump(db)
    tekst = weiger_tekst(maak(), "bestand.xlsx", **opties)
    for stuk in verwacht:
        assert stuk in tekst, (stuk, tekst)
    assert "bestand.xlsx" in tekst
    assert "Error" not in tekst and "Exception" not in tekst  # geen Engelse foutnamen
    assert not any(ord(t) < 32 and t not in "\n\t" for t in tekst)  # geen stuurtekens in de melding
    # ook via de opdrachtregel: weigeren, niet-nul, niets geschreven
    pad = db.parent / "bestand.xlsx"
    pad.write_bytes(maak())
    assert cli(["upload", str(pad), "--ja"]) == 1
    assert dump(db) == voor


def test_verkeerde_extensie_of_te_groot_bestand_geweigerd(db, monkeypatch):
    assert ".xlsm" in weiger_tekst(wb.sjabloon_ingevuld(), "macro.xlsm")
    monkeypatch.setattr("loaders.excel_lezen.MAX_BESTAND", 1000)
    assert "te groot" in weiger_tekst(wb.sjabloon_ingevuld(), "groot.xlsx")


def test_te_veel_rijen_geweigerd_met_werkblad_en_grens(db, monkeypatch):
    monkeypatch.setattr("loaders.excel_lezen.MAX_RIJEN", 50)
    tekst = weiger_tekst(wb.te_veel_rijen(60))
    assert "werkblad 'Waarden'" in tekst and "61 rijen" in tekst and "hoogstens 50 rijen" in tekst


def test_vijandig_bestand_wordt_geweigerd_voordat_een_parser_het_ziet():
    """De omvangcontrole zelf (stromend, zonder Excel-bibliotheek) is veilig in elk proces, en snel."""
    from loaders.excel_lezen import UploadGeweigerd, controleer_omvang

    for maak in (wb.cel_ver_weg, lambda: wb.cel_ver_weg("CV1000000"), lambda: wb.veel_werkbladen(60)):
        with pytest.raises(UploadGeweigerd):
            controleer_omvang(maak(), "bom.xlsx")
    controleer_omvang(wb.sjabloon_ingevuld(), "goed.xlsx")  # een gewoon bestand komt erdoor


@pytest.mark.parametrize("blok", [150, 211, 389, 1024])
def test_cel_ver_weg_op_elke_blokgrens_geweigerd_met_dezelfde_melding(monkeypatch, blok):
    """Een cel ver weg, zoals Excel geschreven (de snelle weg op de bytes) of niet (de grondige), wordt geweigerd met
    dezelfde melding, waar de grens van een blok ook valt: vóór, in of na de rij met die cel."""
    from loaders import excel_lezen
    from loaders.excel_lezen import UploadGeweigerd, controleer_omvang

    def melding(data: bytes) -> str:
        with pytest.raises(UploadGeweigerd) as fout:
            controleer_omvang(data, "bom.xlsx")
        return str(fout.value)

    bestanden = [
        wb.cel_ver_weg(),
        wb.cel_ver_weg("CV1000000"),
        wb.cel_ver_weg_anders_geschreven(),
        wb.vervang_in_zip(  # achteraan, na de gewone rijen
            wb.waarden(DRIE_RIJEN * 10),
            "xl/worksheets/sheet1.xml",
            b"</sheetData>",
            b'<row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row></sheetData>',
        ),
    ]
    in_een_keer = [melding(data) for data in bestanden]
    monkeypatch.setattr(excel_lezen, "_BLOK", blok)
    assert [melding(data) for data in bestanden] == in_een_keer
    assert "een cel op XFD1048576" in in_een_keer[0] and "een cel op XFD1048576" in in_een_keer[3]


def test_omvangcontrole_in_blokken_telt_als_in_een_keer(monkeypatch):
    """De werkblad-XML wordt in blokken gelezen: rijen en cellen zonder r-attribuut over de grens van een blok
    heen, de verste cel en de tekst- en procentcellen komen uit op hetzelfde als in één blok."""
    from loaders import excel_lezen

    monkeypatch.setattr(excel_lezen, "MAX_KOLOMMEN", 10_000)
    bestanden = [wb.cellen_zonder_ref(150), wb.breed_waarden(), wb.sjabloon_ingevuld(), wb.groot(300)]

    def omvang():
        return [
            [(o.rijen, o.kolommen, o.verste, o.cellen.sort("rij", "kolom").rows()) for o in uit.values()]
            for uit in (excel_lezen.controleer_omvang(data, "x.xlsx") for data in bestanden)
        ]

    in_een_keer = omvang()
    monkeypatch.setattr(excel_lezen, "_BLOK", 200)
    assert omvang() == in_een_keer
    assert in_een_keer[0][0][:3] == (3, 150, "ET3")
    assert (3, 5, False, True) in in_een_keer[1][0][3]  # de procentcel E3 van breed_waarden


def _zoals_excel_geschreven(data: bytes) -> bytes:
    """Dezelfde werkmap, met de rijen geschreven zoals Excel ze schrijft (spans en x14ac:dyDescent na r)."""
    return wb.vervang_in_zip(
        data, "xl/worksheets/sheet1.xml", b'"><c r="A', b'" spans="1:8" x14ac:dyDescent="0.25"><c r="A'
    )


def _omvang_met_weg(monkeypatch, data: bytes, snel: bool = True):
    """(de uitkomst van controleer_omvang, welke weg elk blok ging); met snel=False alleen de grondige weg."""
    from loaders import excel_lezen

    wegen = []
    zoals_excel, grondig = excel_lezen._plek_zoals_excel, excel_lezen._plek_grondig

    def snelle_weg(*args):
        uit = zoals_excel(*args) if snel else None
        if uit is not None:
            wegen.append("snel")
        return uit

    def grondige_weg(*args):
        wegen.append("grondig")
        return grondig(*args)

    monkeypatch.setattr(excel_lezen, "_plek_zoals_excel", snelle_weg)
    monkeypatch.setattr(excel_lezen, "_plek_grondig", grondige_weg)
    try:
        uit = excel_lezen.controleer_omvang(data, "x.xlsx")
        uitkomst = [
            (o.rijen, o.kolommen, o.verste, o.dim_rijen, o.cellen.sort("rij", "kolom").rows(), o.formule_zonder_waarde)
            for o in uit.values()
        ]
    except excel_lezen.UploadGeweigerd as fout:
        uitkomst = str(fout)
    finally:
        monkeypatch.setattr(excel_lezen, "_plek_zoals_excel", zoals_excel)
        monkeypatch.setattr(excel_lezen, "_plek_grondig", grondig)
    return uitkomst, wegen


@pytest.mark.parametrize(
    "maak",
    [
        wb.sjabloon_ingevuld,
        wb.breed_waarden,  # met een procentcel (stijl s=)
        wb.breed_met_titels,
        lambda: wb.met_formules(met_waarde=False),
        lambda: wb.groot(300),
        lambda: _zoals_excel_geschreven(wb.groot(300)),
        lambda: wb.cel_ver_weg("CV1000000"),  # zoals Excel geschreven maar te groot: geweigerd, ook langs de snelle weg
        lambda: wb.cel_ver_weg("G3", dimensie="A1:XFD1048576"),
    ],
)
def test_omvangcontrole_snelle_weg_voor_excel_geeft_hetzelfde_als_de_grondige(monkeypatch, maak):
    """Een werkblad waarin elke rij en cel geschreven is zoals Excel en openpyxl dat doen, gaat de snelle weg;
    de uitkomst (omvang, verste cel, tekst- en procentcellen, of de weigering) is dezelfde als langs de grondige."""
    data = maak()
    snel, wegen = _omvang_met_weg(monkeypatch, data)
    grondig, _ = _omvang_met_weg(monkeypatch, data, snel=False)
    assert wegen and set(wegen) == {"snel"}
    assert snel == grondig


# tags zoals Excel, en bijna zoals Excel: elk verschil moet de snelle weg (op de bytes) laten terugvallen
_TAGS_ZOALS_EXCEL = [
    '<row r="{r}">',
    '<row r="{r}" spans="1:8" x14ac:dyDescent="0.25">',
    '<c r="{k}{r}">',
    '<c r="{k}{r}"/>',
    '<c r="{k}{r}" t="s">',
    '<c r="{k}{r}" t="n">',
    '<c r="{k}{r}" t="str">',
    '<c r="{k}{r}" t="inlineStr">',
    '<c r="{k}{r}" t="inlineStrx">',
    '<c r="{k}{r}" s="{s}">',
    '<c r="{k}{r}" s="{s}" t="s"/>',
    '<c r="{k}{r}" s="{s}" t="e">',
]
_TAGS_ANDERS = [
    "<c>",
    "<c/>",
    '<c t="s" r="{k}{r}">',
    "<c r='{k}{r}'>",
    '<c  r="{k}{r}">',
    '<c r="{k}{r}" >',
    '<c r="${k}{r}">',
    '<c r="{k}{r}" t="s" s="{s}">',
    '<c r="{k}{r}" s="">',
    '<c r="{k}{r}" t="">',
    '<c r="{k}{r}" t="abcdefghij">',
    '<c r="{k}{r}" s="1234567890">',
    '<c r="ABCD{r}">',
    '<c r="{k}12345678">',
    '<c r="{r}">',
    '<c r="{k}">',
    '<c\tr="{k}{r}">',
    '<x:c r="{k}{r}">',
    '<c\xe9 r="{k}{r}">',
    '<c\xa0r="{k}{r}">',
    "<row>",
    "<row/>",
    '<row r="1234567890">',
    '<row r="{r}" a="<c r=\'XFD1\'">',
    '<row spans="1:2" r="{r}">',
    '<x:row r="{r}">',
    '<c r="{k}{r}" t="s"',
]
_TUSSENDOOR = ["", "<v>1</v></c>", "<is><t>x</t></is></c>", "</row>", "<col min='1'/>", "<cfRule/>", " tekst: c ", "é"]


def test_snelle_weg_op_de_bytes_leest_precies_de_tags_zoals_excel():
    """De snelle weg (numpy, op de bytes) geeft voor elk blok waarin elke tag die `_TAG` vindt `_ZOALS_EXCEL`
    volgt, dezelfde plek en soort als de grondige; staat er één andere tag in, dan valt hij terug (None)."""
    import random

    import polars as pl

    from loaders import excel_lezen

    toeval = random.Random(15)
    for _ in range(400):
        delen = []
        for _ in range(toeval.randint(1, 12)):
            soort = toeval.choice(_TAGS_ZOALS_EXCEL if toeval.random() < 0.85 else _TAGS_ANDERS)
            k = "".join(toeval.choice("ABCXZ") for _ in range(toeval.randint(1, 3)))
            delen.append(soort.format(k=k, r=toeval.randint(1, 2_000_000), s=toeval.randint(0, 12)))
            delen.append(toeval.choice(_TUSSENDOOR))
        blok = "".join(delen).encode()
        stijlen = toeval.choice([set(), {3, 7}])
        snel = excel_lezen._plek_zoals_excel(blok, excel_lezen._Stand(rij=5), stijlen)
        tags = pl.Series([blok.decode()]).str.extract_all(excel_lezen._TAG).explode().drop_nulls()
        zoals_excel = tags.str.contains(excel_lezen._ZOALS_EXCEL).all()
        # na '<c' of '<row' een byte buiten ASCII, ':c' of ':row' (een naamruimte?), of een '<c' zonder '>' erna (geen
        # tag voor `_TAG`): voor de zekerheid grondig
        twijfel = re.search(rb"<(?:c|row)[\x80-\xff]|:(?:row|c)(?![A-Za-z0-9_])", blok) or len(
            re.findall(rb"<(?:c|row)(?![A-Za-z0-9_])", blok)
        ) != len(tags)
        assert (snel is not None) == (zoals_excel and not twijfel), blok
        if snel is not None and not tags.is_empty():
            grondig = excel_lezen._plek_grondig(tags, excel_lezen._Stand(rij=5), stijlen)
            assert snel.rows() == grondig.rows(), blok


def _cel_voor(data: bytes, cel: bytes, voor: bytes = b'<c r="A4"') -> bytes:
    return wb.vervang_in_zip(data, "xl/worksheets/sheet1.xml", voor, cel + voor)


DRIE_RIJEN = [["GM0148", "bewindvoering_huishoudens", 2022, 1, None, None, None]] * 3
ANDERS_DAN_EXCEL = {
    # elk bestand is verder geschreven zoals Excel; één tag niet, en die verbergt een cel ver weg
    "spaties en enkele aanhalingstekens": (wb.cel_ver_weg_anders_geschreven, ["16.384 kolommen", "een cel op XFD3"]),
    "cel zonder r na kolom CV": (
        lambda: _cel_voor(wb.waarden(DRIE_RIJEN), b'<c r="CV4" t="n"><v>1</v></c><c t="n"><v>1</v></c>'),
        ["101 kolommen", "een cel op CW4"],
    ),
    "kleine letters": (
        lambda: _cel_voor(wb.waarden(DRIE_RIJEN), b'<c r="xfd3" t="n"><v>1</v></c>'),
        ["16.384 kolommen", "een cel op XFD3"],
    ),
    "dollartekens": (
        lambda: _cel_voor(wb.waarden(DRIE_RIJEN), b'<c r="$XFD$3" t="n"><v>1</v></c>'),
        ["16.384 kolommen", "een cel op XFD3"],
    ),
    "naamruimte": (
        lambda: _cel_voor(wb.waarden(DRIE_RIJEN), b'<x:c r="XFD3" t="n"><v>1</v></x:c>'),
        ["16.384 kolommen", "een cel op XFD3"],
    ),
    "r niet als eerste attribuut": (
        lambda: _cel_voor(wb.waarden(DRIE_RIJEN), b'<c t="n" r="XFD3"><v>1</v></c>'),
        ["16.384 kolommen", "een cel op XFD3"],
    ),
    "rij zonder r na rij 99.999": (
        lambda: wb.vervang_in_zip(
            wb.waarden(DRIE_RIJEN),
            "xl/worksheets/sheet1.xml",
            b"</sheetData>",
            b'<row r="99999"/><row/><row/></sheetData>',
        ),
        ["100.001 rijen"],
    ),
}


@pytest.mark.parametrize("soort", sorted(ANDERS_DAN_EXCEL))
def test_niet_zoals_excel_geschreven_gaat_de_grondige_weg_en_wordt_geweigerd(db, monkeypatch, soort):
    """Een tag die niet geschreven is zoals Excel dat doet, valt terug op de grondige weg (die telt zoals een
    lezer) en wordt net zo geweigerd als voorheen: met bestand, werkblad en de cel."""
    maak, verwacht = ANDERS_DAN_EXCEL[soort]
    tekst, wegen = _omvang_met_weg(monkeypatch, maak())
    assert "grondig" in wegen
    for stuk in ["x.xlsx", "werkblad 'Waarden'", *verwacht]:
        assert stuk in tekst, (stuk, tekst)
    tekst = weiger_tekst(maak())  # en zo ook bij een echte upload (in het werkproces)
    for stuk in ["bestand.xlsx", "werkblad 'Waarden'", *verwacht]:
        assert stuk in tekst, (stuk, tekst)
    assert "Error" not in tekst and "Exception" not in tekst


def test_witruimte_weghalen_zoals_python_strip():
    """De gevectoriseerde controle haalt dezelfde witruimte weg als str.strip() (ook U+001F en harde spaties)."""
    import sys

    import polars as pl

    from loaders.excel_validatie import _WITRUIMTE, _tekst, _teksten

    assert "".join(c for i in range(sys.maxunicode + 1) if (c := chr(i)).isspace()) == _WITRUIMTE
    cellen = [" a ", "\x1f", "\xa0b\u3000", "", None, "\x00x", "\t"]
    assert _teksten(pl.DataFrame({"1": cellen}))["1"].to_list() == [_tekst(c) for c in cellen]


def test_werkproces_vangt_een_parser_die_het_proces_afbreekt(db, monkeypatch, geen_calamine_in_dit_proces):
    """Zonder omvangcontrole (grenzen opgerekt) vraagt calamine 512 GB en breekt af: alleen het werkproces."""
    monkeypatch.setattr("loaders.excel_lezen.MAX_RIJEN", 10**9)
    monkeypatch.setattr("loaders.excel_lezen.MAX_KOLOMMEN", 10**9)
    for maak in (wb.cel_ver_weg, lambda: wb.cel_ver_weg("CV1000000")):
        tekst = weiger_tekst(maak(), "bom.xlsx")
        assert "bom.xlsx: Het lezen van het bestand vroeg meer dan 2 GB geheugen en is afgebroken." in tekst
        assert "Ctrl+End" in tekst
    # en daarna werkt uploaden gewoon
    assert excel.valideer(wb.sjabloon_ingevuld(), "goed.xlsx").werkbladen


def test_werkproces_heeft_een_tijd_en_een_geheugengrens():
    import time

    from loaders import werker
    from loaders.excel_lezen import UploadGeweigerd, controleer_bestand

    begin = time.perf_counter()
    with pytest.raises(werker.WerkerFout) as fout:
        werker.voer_uit(time.sleep, 60, tijd=2)
    assert fout.value.reden == "tijd" and time.perf_counter() - begin < 30
    with pytest.raises(werker.WerkerFout) as fout:
        werker.voer_uit(bytearray, 3 * 1024**3)
    assert fout.value.reden == "geheugen"
    with pytest.raises(werker.WerkerFout) as fout:
        werker.voer_uit(os.abort)
    assert fout.value.reden == "afgebroken"
    # een weigering komt heel terug, met haar meldingen
    with pytest.raises(UploadGeweigerd) as weigering:
        werker.voer_uit(controleer_bestand, b"", "leeg.xlsx")
    assert [m.probleem for m in weigering.value.meldingen] == ["Het bestand is leeg (0 bytes)."]
    assert werker.voer_uit(sorted, [3, 1, 2]) == [1, 2, 3]


def test_voorverwarmd_werkproces_doet_een_opdracht_met_dezelfde_grenzen():
    """Een voorverwarmd werkproces (warm: al gestart, modules geladen) doet precies één opdracht en houdt de tijd-
    en geheugengrens; de volgende opdracht krijgt een eigen, nieuw proces. Andere grenzen: geen warm proces."""
    import time

    from loaders import werker

    werker.warm("loaders.excel_validatie")
    warm_pid = werker._voorraad[(werker.GEHEUGEN, werker.TIJD)].pid
    assert werker.voer_uit(os.getpid) == warm_pid
    assert werker.voer_uit(os.getpid) not in (warm_pid, os.getpid())  # nooit twee opdrachten in één proces
    werker.warm("loaders.excel_validatie")
    with pytest.raises(werker.WerkerFout) as fout:
        werker.voer_uit(bytearray, 3 * 1024**3)
    assert fout.value.reden == "geheugen"
    werker.warm("loaders.excel_validatie")
    with pytest.raises(werker.WerkerFout) as fout:
        werker.voer_uit(os.abort)
    assert fout.value.reden == "afgebroken"
    werker.warm("loaders.excel_validatie", tijd=2)
    begin = time.perf_counter()
    with pytest.raises(werker.WerkerFout) as fout:
        werker.voer_uit(time.sleep, 60, tijd=2)
    assert fout.value.reden == "tijd" and time.perf_counter() - begin < 30
    werker.warm("loaders.excel_validatie")
    warm_pid = werker._voorraad[(werker.GEHEUGEN, werker.TIJD)].pid
    assert werker.voer_uit(os.getpid, tijd=5) != warm_pid  # andere grens: een eigen proces
    werker.stop_voorraad()
    assert not werker._voorraad


def test_voorverwarmd_werkproces_heeft_zijn_geheugen_al_aangeraakt():
    """Terwijl het wacht, raakt een voorverwarmd werkproces VOORAF bytes geheugen aan (zo hoeft het lezen dat niet
    pagina voor pagina te doen); het doet daarna gewoon zijn opdracht, met dezelfde geheugengrens (hierboven)."""
    import time

    from loaders import werker

    werker.warm("loaders.excel_validatie")
    pid = werker._voorraad[(werker.GEHEUGEN, werker.TIJD)].pid

    def rss() -> int:
        regels = Path(f"/proc/{pid}/status").read_text().splitlines()
        return next(int(r.split()[1]) * 1024 for r in regels if r.startswith("VmRSS:"))

    einde = time.monotonic() + 60
    while rss() < werker.VOORAF and time.monotonic() < einde:
        time.sleep(0.2)
    assert rss() >= werker.VOORAF
    assert werker.voer_uit(os.getpid) == pid
    werker.stop_voorraad()


def test_alle_problemen_in_een_keer(db):
    tekst = weiger_tekst(
        wb.waarden(
            [
                ["Zwolle", "bewindvoering_huishoudens", 2022, 5, None, None, None],
                ["GM0148", "geluk_pct", 2022, 5, None, None, None],
            ]
        )
    )
    assert "rij 2, kolom A" in tekst and "rij 3, kolom B" in tekst


# ------------------------------------------------------------------ voorbeeld, vervangen, intrekken


def _versie(rijen):
    return wb.waarden(
        [["GM0148", "bewindvoering_huishoudens", jaar, waarde, None, "GWS4all", None] for jaar, waarde in rijen]
    )


def test_nieuwe_versie_vervangt_en_intrekken_zet_terug(db, lees):
    def uploadwaarden():
        return lees(
            "select peiljaar, waarde, herkomst_id from waarneming where herkomst_id like 'upload:%' order by peiljaar"
        )

    v1 = excel.valideer(_versie([(2021, 100), (2022, 110), (2023, 120)]), "bewind.xlsx")
    (id1,) = excel.leg_vast(v1, door="a")
    v2 = excel.valideer(_versie([(2022, 110), (2023, 125), (2024, 130)]), "bewind.xlsx")
    (vb,) = excel.voorbeeld(v2)
    assert vb.vervangt_upload_id == id1
    assert vb.tellingen == {"nieuw": 1, "gewijzigd": 1, "ongewijzigd": 1, "vervalt": 1}
    status = {(r["peiljaar"], r["status"]) for r in vb.rijen}
    assert status == {(2021, "vervalt"), (2022, "ongewijzigd"), (2023, "gewijzigd"), (2024, "nieuw")}
    (id2,) = excel.leg_vast(v2, door="b")
    assert uploadwaarden() == [
        {"peiljaar": j, "waarde": w, "herkomst_id": f"upload:{id2}"}
        for j, w in [(2022, 110.0), (2023, 125.0), (2024, 130.0)]
    ]
    # de upload bewaart dezelfde tellingen als het voorbeeld (in de transactie opnieuw geteld)
    opgeslagen = lees(
        "select rijen_nieuw as nieuw, rijen_gewijzigd as gewijzigd, rijen_ongewijzigd as ongewijzigd,"
        " rijen_vervallen as vervalt from upload where upload_id = $i",
        {"i": id2},
    )
    assert opgeslagen == [vb.tellingen]
    # de geschiedenis blijft
    assert lees("select count(*) as n from upload_waarde where upload_id = $i", {"i": id1})[0]["n"] == 3
    assert excel.trek_in(id2, door="b") == id1
    assert uploadwaarden() == [
        {"peiljaar": j, "waarde": w, "herkomst_id": f"upload:{id1}"}
        for j, w in [(2021, 100.0), (2022, 110.0), (2023, 120.0)]
    ]
    with pytest.raises(excel.UploadGeweigerd, match="geldt niet meer"):
        excel.trek_in(id2, door="b")
    stand = {u["upload_id"]: (u["geldend"], u["ingetrokken_door"]) for u in alle_uploads()}
    assert stand == {id1: (True, None), id2: (False, "b")}
    assert cli(["upload", "--ongedaan", str(id1), "--ja"]) == 0
    assert uploadwaarden() == []


def test_opdrachtregel_lijst_en_intrekken_alleen_na_bevestiging(db, capsys, monkeypatch):
    (id1,) = excel.leg_vast(excel.valideer(_versie([(2021, 100)]), "bewind.xlsx"), door="a@dalfsen.nl")
    (id2,) = excel.leg_vast(excel.valideer(_versie([(2021, 101)]), "bewind.xlsx"), door="b@dalfsen.nl")
    moment = {u["upload_id"]: u["geupload_op"] for u in alle_uploads()}
    assert cli(["upload", "--lijst"]) == 0
    regels = capsys.readouterr().out.splitlines()
    assert regels == [
        f"upload {id2}: bewind.xlsx, werkblad Waarden, {moment[id2]:%d-%m-%Y %H:%M}, door b@dalfsen.nl – geldt",
        f"upload {id1}: bewind.xlsx, werkblad Waarden, {moment[id1]:%d-%m-%Y %H:%M}, door a@dalfsen.nl"
        " – vervangen door een nieuwere versie",
    ]
    voor = dump(db)
    # geen terminal en geen --ja: alleen tonen wat er zou gebeuren
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert cli(["upload", "--ongedaan", str(id2)]) == 0
    uit = capsys.readouterr().out
    assert f"Intrekken: upload {id2}: bewind.xlsx, werkblad Waarden" in uit and f"upload {id1} geldt dan weer" in uit
    assert "er is niets ingetrokken" in uit
    assert dump(db) == voor
    # in een terminal: vragen; 'nee' schrijft niets, 'ja' trekt in
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    vragen = []
    monkeypatch.setattr("builtins.input", lambda vraag: vragen.append(vraag) or "n")
    assert cli(["upload", "--ongedaan", str(id2)]) == 0
    assert vragen == ["Intrekken? [j/N] "] and dump(db) == voor
    monkeypatch.setattr("builtins.input", lambda vraag: "j")
    assert cli(["upload", "--ongedaan", str(id2)]) == 0
    assert (
        f"Upload {id2} ingetrokken door {getpass.getuser()} (gebruiker van het besturingssysteem); upload {id1} geldt weer."
        in capsys.readouterr().out
    )
    assert {u["upload_id"]: u["geldend"] for u in alle_uploads()} == {id1: True, id2: False}
    # wat niet (meer) geldt, wordt niet gevraagd maar geweigerd
    assert cli(["upload", "--ongedaan", str(id2)]) == 1
    assert "(1 probleem)" in capsys.readouterr().err


def test_opdrachtregel_telt_problemen_enkelvoud_en_meervoud(db, capsys):
    pad = db.parent / "fout.xlsx"
    pad.write_bytes(wb.waarden([["Zwolle", "bewindvoering_huishoudens", 2022, 5, None, None, None]]))
    assert cli(["upload", str(pad), "--ja"]) == 1
    assert "Geweigerd, er is niets geschreven (1 probleem):" in capsys.readouterr().err
    pad.write_bytes(
        wb.waarden(
            [
                ["Zwolle", "bewindvoering_huishoudens", 2022, 5, None, None, None],
                ["GM0148", "geluk_pct", 2022, 5, None, None, None],
            ]
        )
    )
    assert cli(["upload", str(pad), "--ja"]) == 1
    assert "Geweigerd, er is niets geschreven (2 problemen):" in capsys.readouterr().err


def test_andere_dataset_vervangt_niet(db, lees):
    excel.leg_vast(excel.valideer(_versie([(2021, 100)]), "a.xlsx"), door="a")
    tweede = excel.valideer(wb.waarden([["GM0148", "kindregeling_bestellingen", 2021, 7, None, None, None]]), "b.xlsx")
    assert excel.voorbeeld(tweede)[0].vervangt_upload_id is None
    excel.leg_vast(tweede, door="a")
    assert lees("select count(*) as n from waarneming where herkomst_id like 'upload:%'")[0]["n"] == 2


def test_opdrachtregel_toont_nooit_ruwe_stuurtekens(db, capfd):
    pad = db.parent / "rood\x1b[31m.xlsx"
    pad.write_bytes(wb.met_tekst("stand _x001B_]0;titel_x0007_"))
    assert cli(["upload", str(pad), "--ja"]) == 1
    uit = capfd.readouterr()
    assert "[ESC]" in uit.err and "stuurteken" in uit.err
    assert not any(ord(t) < 32 and t not in "\n\t" for t in uit.out + uit.err), repr(uit.err)


def test_opdrachtregel_zonder_terminal_en_zonder_ja_controleert_alleen(db, capsys, monkeypatch):
    pad = db.parent / "bewind.xlsx"
    pad.write_bytes(_versie([(2021, 100)]))
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    voor = dump(db)
    assert cli(["upload", str(pad), "--gemeente", "GM0148"]) == 0
    uit = capsys.readouterr().out
    assert "1 nieuw" in uit and "niets geschreven" in uit
    assert dump(db) == voor
    assert cli(["upload", str(pad), "--ja"]) == 0
    assert "Vastgelegd als upload 1" in capsys.readouterr().out


def test_gedood_proces_midden_in_vastleggen_laat_database_zoals_hij_was(db, tmp_path):
    bestand = tmp_path / "bewind.xlsx"
    bestand.write_bytes(_versie([(2021, 100), (2022, 110)]))
    voor = dump(db)
    script = textwrap.dedent(f"""
        import os, signal, sys
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from loaders import excel
        excel._tijdens_vastleggen = lambda con: os.kill(os.getpid(), signal.SIGKILL)
        v = excel.valideer(excel.lees_bestand({str(bestand)!r}), "bewind.xlsx")
        excel.leg_vast(v, door="x")
    """)
    proc = subprocess.run(
        [sys.executable, "-c", script],
        cwd=Path(__file__).parent.parent,
        env={**os.environ, "KOMPAS_DB": str(db)},
        capture_output=True,
    )
    assert proc.returncode == -9, proc.stderr
    assert dump(db) == voor
    # en de database is daarna gewoon bruikbaar
    excel.leg_vast(excel.valideer(bestand.read_bytes(), "bewind.xlsx"), door="x")
    assert dump(db)["upload"] != voor["upload"]


# ------------------------------------------------------------------ sjabloon


def test_sjabloon_heeft_codes_en_validatie(db):
    with alleen_lezen(db) as con:
        data = maak_sjabloon(gegevens.gemeenten(con), gegevens.indicatoren(con))
    boek = openpyxl.load_workbook(io.BytesIO(data))
    assert boek.sheetnames == ["Waarden", "Streefwaarden", "Codes"]
    assert [c.value for c in boek["Waarden"][1]] == [
        "gemeente",
        "indicator",
        "peiljaar",
        "waarde",
        "eenheid",
        "bron",
        "toelichting",
    ]
    assert [c.value for c in boek["Streefwaarden"][1]][:4] == ["gemeente", "indicator", "jaar", "streefwaarde"]
    codes = boek["Codes"]
    assert [codes.cell(r, 1).value for r in range(2, 5)] == ["GM0148", "GM1876", "GM0303"]
    assert "bewindvoering_huishoudens" in [codes.cell(r, 4).value for r in range(2, codes.max_row + 1)]
    soorten = {(dv.type, dv.formula1) for dv in boek["Waarden"].data_validations.dataValidation}
    assert (
        ("list", "Codes!$A$2:$A$4") in soorten
        and ("whole", "1990") in soorten
        and any(t == "decimal" for t, _ in soorten)
    )
    # het lege sjabloon wordt geweigerd als leeg; ingevuld wordt het geaccepteerd
    assert "geen gegevens" in weiger_tekst(data, "sjabloon.xlsx")
    boek["Waarden"].append(["GM0303", "bewindvoering_huishoudens", 2023, 12, "aantal huishoudens", None, None])
    uit = io.BytesIO()
    boek.save(uit)
    (blad,) = excel.valideer(uit.getvalue(), "sjabloon.xlsx").werkbladen
    assert [(w.gemeente_code, w.waarde) for w in blad.waarden] == [("GM0303", 12.0)]


# ------------------------------------------------------------------ streefwaarden in de kaderboom


def _kaderrij(pad, kader_indicator_id: str) -> dict:
    with alleen_lezen(pad) as con:
        boom = gegevens.kader_boom(con.cursor(), kader_indicator_id[:6])
    (rij,) = boom.filter(boom["kader_indicator_id"] == kader_indicator_id).to_dicts()
    return rij


def test_geuploade_streefwaarde_en_nulmeting_verschijnen_in_de_kaderboom(db):
    jeugd = "GM0148-b2026-jeugdwet.1.2"  # klanttevredenheid jeugdhulp: geen streefwaarde in het document
    voor = _kaderrij(db, jeugd)
    assert voor["streefwaarden"] is None and voor["status"] == "nog niet te beoordelen"
    assert voor["status_reden"] == "geen streefwaarde"
    ids = excel.leg_vast(excel.valideer(wb.sjabloon_ingevuld(), "dalfsen.xlsx"), door="test@dalfsen.nl")
    na = _kaderrij(db, jeugd)
    (streef,) = na["streefwaarden"]
    assert (streef["jaar"], streef["tekst"], streef["soort"], streef["waarde"]) == (
        2025,
        "minimaal 85%",
        "minimaal",
        85.0,
    )
    (moment,) = {u["geupload_op"] for u in alle_uploads()}
    assert streef["herkomst"] == f"upload: dalfsen.xlsx ({moment:%d-%m-%Y}, test@dalfsen.nl)"
    assert (na["nulmeting_jaar"], na["nulmeting_waarde"]) == (2023, 81.5)
    assert na["nulmeting_herkomst"] == streef["herkomst"]
    # de laatste waarde is de nulmeting zelf (2023): er is nog niets gerealiseerd (kompas.status)
    assert (na["laatste_waarde"], na["streef_tekst"], na["status"]) == (81.5, "minimaal 85%", "nog niet te beoordelen")
    assert na["status_reden"] == "nog geen meting na de nulmeting"
    excel.leg_vast(
        excel.valideer(
            wb.waarden([["GM0148", "klanttevredenheid_jeugdhulp_pct", 2024, "82", "%", "CEO", None]]), "ceo-2024.xlsx"
        ),
        door="test@dalfsen.nl",
    )
    later = _kaderrij(db, jeugd)
    # 82% (2024) tegenover 'minimaal 85%': 3 punt te laag, meer dan de marge van 2 punt
    assert (later["laatste_waarde"], later["laatste_peiljaar"], later["status"]) == (82.0, 2024, "niet op koers")
    assert "upload: dalfsen.xlsx" in teksten.streefwaarde_tekst(na["streefwaarden"])
    # afgerond op de decimalen van de registry (0), met de eenheid uit het kader
    assert teksten.nulmeting_tekst(na) == f"82% (respondenten) (2023), {na['nulmeting_herkomst']}"
    # intrekken haalt de streefwaarde weer weg
    excel.trek_in(ids[1], door="test@dalfsen.nl")
    assert _kaderrij(db, jeugd)["streefwaarden"] is None


def test_geuploade_streefwaarde_vervangt_alleen_hetzelfde_jaar_uit_het_document(db):
    rij = ["GM0148", "langdurig_uitkering_4jr_pct", 2023, "maximaal 20%", None, None, None]
    excel.leg_vast(
        excel.valideer(wb.waarden([rij], kop=wb.STREEF_KOP, blad="Streefwaarden"), "doelen.xlsx"),
        door="test@dalfsen.nl",
    )
    begroting = _kaderrij(db, "GM0148-b2020-participatie.4.1")  # document: 25% voor 2020 t/m 2023
    assert [(s["jaar"], s["tekst"], s["herkomst"].split(":")[0]) for s in begroting["streefwaarden"]] == [
        (2020, "25%", "kader"),
        (2021, "25%", "kader"),
        (2022, "25%", "kader"),
        (2023, "maximaal 20%", "upload"),
    ]
    assert begroting["nulmeting_waarde"] == 26.0 and begroting["nulmeting_herkomst"] == "kader"
    nieuw = _kaderrij(db, "GM0148-b2026-inkomen.1.3")  # zelfde registry-indicator, document zonder jaar
    assert [(s["jaar"], s["tekst"]) for s in nieuw["streefwaarden"]] == [(2023, "maximaal 20%"), (None, "maximaal 25%")]


def test_uploadgrens_van_streamlit_is_die_van_de_loader():
    import tomllib

    from loaders.excel_lezen import MAX_BESTAND

    instellingen = tomllib.loads((Path(__file__).resolve().parent.parent / ".streamlit" / "config.toml").read_text())
    assert instellingen["server"]["maxUploadSize"] * 1024 * 1024 == MAX_BESTAND


@pytest.mark.parametrize("optie", ["--werkbladsoort", "--soort"])
def test_de_opdrachtregel_dwingt_de_werkbladsoort_af_ook_met_de_oude_optie_soort(db, capsys, monkeypatch, optie):
    pad = db.parent / "begroting.xlsx"
    pad.write_bytes(wb.breed_met_titels())  # herkend als streefwaarden
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert cli(["upload", str(pad), "--gemeente", "GM0148"]) == 0
    capsys.readouterr()
    assert cli(["upload", str(pad), "--gemeente", "GM0148", optie, "waarden"]) == 1
    assert "Tekst waar een getal (waarde) hoort" in capsys.readouterr().err
