"""Herindelingen (data/herindeling.csv) en gewijzigde afbakeningen (Kerncijfers: indelingswijziging 3).

Een codewijziging zet de reeks voort onder de nieuwe code; een samenvoeging houdt de oude gemeente als historische
regio en breekt de reeks van de nieuwe gemeente zichtbaar (trendbreuk met reden). Alle codes en namen hier zijn
verzonnen (GM9001 ..., tests/odata/landelijk.py) en bestaan alleen in de tests.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import cbsodata
import polars as pl
import pytest
from odata.landelijk import serveer_gemeenten
from odata.server import ODataServer
from odata.server_v4 import ODataV4Server

from kompas import grafieken, teksten
from kompas.db import schrijf_transactie
from loaders import cbs
from loaders.cbs import ververs
from loaders.ingebed import RegioFout, bouw, lees_herindeling

from dbhulp import vraag, vraag_dicts

PROJECT = Path(__file__).resolve().parent.parent
KOP = "oud_code,oud_naam,nieuw_code,nieuw_naam,per,soort,bron\n"
BRON = '"testlijst (verzonnen), http://example.invalid/herindeling"'


@pytest.fixture
def opendata(ingebedde_db, monkeypatch):
    with ODataServer("opendata", paginagrootte=500) as server:
        monkeypatch.setenv("KOMPAS_CBS_OPENDATA", server.host)
        monkeypatch.setenv("KOMPAS_CBS_DATASETS", "127.0.0.1:9")
        monkeypatch.setenv("KOMPAS_CBS_HTTPS", "0")
        monkeypatch.setenv("NO_PROXY", "127.0.0.1")
        monkeypatch.setattr(cbsodata.options, "requests", {"proxies": {"http": None, "https": None}})
        monkeypatch.setattr(cbs, "WACHT_BASIS", 0)
        yield server


def _data_met_herindeling(tmp_path: Path, rijen: str) -> Path:
    data = tmp_path / "data"
    shutil.copytree(PROJECT / "data", data, ignore=shutil.ignore_patterns("*.duckdb*", "geo"))
    (data / "herindeling.csv").write_text(KOP + rijen, encoding="utf-8")
    return data


def _zonder(server, tabel: str, code: str) -> None:
    """Laat `code` weg uit codelijst en dataset van `tabel` (de gemeente bestaat in dat jaar niet meer)."""
    for naam, sleutel in (("TypedDataSet", "WijkenEnBuurten"), ("WijkenEnBuurten", "Key")):
        server.vervang[(tabel, naam)] = [r for r in server.vervang[(tabel, naam)] if r[sleutel].strip() != code]


def _hernoem(server, tabel: str, oud: str, nieuw: str, naam: str) -> None:
    for r in server.vervang[(tabel, "TypedDataSet")]:
        if r["WijkenEnBuurten"].strip() == oud:
            r["WijkenEnBuurten"] = r["Codering_3"] = nieuw.ljust(10)
    for c in server.vervang[(tabel, "WijkenEnBuurten")]:
        if c["Key"].strip() == oud:
            c.update(Key=nieuw.ljust(10), Title=naam, Municipality=naam, DetailRegionCode=nieuw)


def _lijn(pad, regio: str) -> list[dict]:
    return vraag_dicts(
        pad,
        "select peiljaar, waarde, trendbreuk, trendbreuk_reden, reeks_deel, vorige_waarde, regio_naam"
        " from afgeleid.indicator_waarden where indicator_code = 'inwoners' and regio_code = ? and in_grafiek"
        " and herkomst_id like 'cbs:%' order by peiljaar",
        [regio],
    )


def test_meegeleverde_herindelingslijst_heeft_geen_verzonnen_rijen():
    """Zonder gecontroleerde lijst blijft data/herindeling.csv leeg (kop en toelichting); nooit codes uit het hoofd."""
    assert lees_herindeling(PROJECT / "data" / "herindeling.csv") == []
    tekst = (PROJECT / "data" / "herindeling.csv").read_text(encoding="utf-8")
    assert "indeling op 1 januari" in tekst and KOP in tekst


@pytest.mark.parametrize(
    "rij, melding",
    [
        ("G9001,A,GM9002,B,2024-01-01,samenvoeging," + BRON, "oud_code 'G9001' is geen gemeentecode"),
        ("GM9001,A,GM9002,B,1-1-2024,samenvoeging," + BRON, "per '1-1-2024' is geen datum"),
        ("GM9001,A,GM9002,B,2024-01-01,opheffing," + BRON, "soort 'opheffing' is onbekend"),
        ("GM9001,A,GM9002,B,2024-01-01,samenvoeging,uit mijn hoofd", r"bron \(met adres\) zijn verplicht"),
        ("GM9001,A,GM9002,B,2024-01-01,samenvoeging,lijst, http://x", "het aantal kolommen klopt niet"),
    ],
)
def test_een_fout_in_de_herindelingslijst_geeft_een_nederlandse_melding(tmp_path, rij, melding):
    pad = tmp_path / "herindeling.csv"
    pad.write_text("# toelichting\n" + KOP + rij + "\n", encoding="utf-8")
    with pytest.raises(RegioFout, match=melding):
        lees_herindeling(pad)


def test_samenvoeging_oude_gemeente_blijft_historisch_en_de_reeks_van_de_nieuwe_is_gebroken(
    opendata, ingebedde_db, tmp_path
):
    # 2022: GM9001 en GM9002; per 1-1-2024 gaat GM9001 op in GM9002 (die haar code houdt)
    serveer_gemeenten(opendata, 12, tabel="85318NED")
    serveer_gemeenten(opendata, 12, tabel="85984NED")
    _zonder(opendata, "85984NED", "GM9001")
    bouw(
        ingebedde_db,
        data=_data_met_herindeling(
            tmp_path, f"GM9001,Verzonnen gemeente 001,GM9002,Verzonnen gemeente 002,2024-01-01,samenvoeging,{BRON}\n"
        ),
    )
    assert all(u.gelukt for u in ververs(["85318NED", "85984NED"], meld=lambda _t: None, alle_gemeenten=True))
    nieuw = _lijn(ingebedde_db, "GM9002")
    assert [(r["peiljaar"], r["trendbreuk"], r["trendbreuk_reden"], r["reeks_deel"]) for r in nieuw] == [
        (2022, False, None, 1),
        (2024, True, "herindeling per 1-1-2024", 2),
    ]
    assert nieuw[1]["vorige_waarde"] is None  # geen verandering over de herindeling heen
    # de oude gemeente blijft een regio; haar reeks houdt op in 2022
    assert [r["peiljaar"] for r in _lijn(ingebedde_db, "GM9001")] == [2022]
    assert vraag(ingebedde_db, "select soort from regio where regio_code = 'GM9001'") == [("gemeente",)]
    # een andere gemeente loopt gewoon door
    assert [r["trendbreuk"] for r in _lijn(ingebedde_db, "GM9003")] == [False, False]
    # grafiek en tabel zeggen waarom
    reeks = pl.DataFrame(
        vraag_dicts(
            ingebedde_db,
            "select * from afgeleid.indicator_waarden where indicator_code = 'inwoners' and regio_code = 'GM9002'"
            " and in_grafiek and herkomst_id like 'cbs:%' order by peiljaar",
        )
    )
    breuken = grafieken.trendbreuken(reeks)
    assert teksten.grafiek_ondertitel(None, ["Verzonnen gemeente 002"], breuken)[-1] == (
        "Trendbreuk 2024 (Verzonnen gemeente 002): herindeling per 1-1-2024"
    )
    assert teksten.grafiek_tekst(reeks.row(1, named=True)) == "ja, trendbreuk: herindeling per 1-1-2024"
    spec = grafieken.trend(reeks, titel="Inwoners", eenheid="aantal", decimalen=0).to_dict()
    assert any(laag.get("mark", {}).get("type") == "rule" for laag in spec["layer"])  # de streep bij 2024


def test_nieuwe_gemeente_uit_een_samenvoeging_begint_met_een_zichtbare_breuk(opendata, ingebedde_db, tmp_path):
    serveer_gemeenten(opendata, 12, tabel="85318NED")
    serveer_gemeenten(opendata, 12, tabel="85984NED")
    for oud in ("GM9001", "GM9002"):
        _zonder(opendata, "85984NED", oud)
    _hernoem(opendata, "85984NED", "GM9003", "GM9099", "Verzonnen samengevoegde gemeente")
    _zonder(opendata, "85318NED", "GM9003")
    rijen = "".join(
        f"{oud},Verzonnen gemeente {n},GM9099,Verzonnen samengevoegde gemeente,2024-01-01,samenvoeging,{BRON}\n"
        for oud, n in (("GM9001", "001"), ("GM9002", "002"))
    )
    bouw(ingebedde_db, data=_data_met_herindeling(tmp_path, rijen))
    assert all(u.gelukt for u in ververs(["85318NED", "85984NED"], meld=lambda _t: None, alle_gemeenten=True))
    assert [(r["peiljaar"], r["trendbreuk"], r["trendbreuk_reden"]) for r in _lijn(ingebedde_db, "GM9099")] == [
        (2024, True, "herindeling per 1-1-2024")
    ]
    assert [r["peiljaar"] for r in _lijn(ingebedde_db, "GM9001")] == [2022]


def test_codewijziging_zet_de_reeks_voort_onder_de_nieuwe_code(opendata, ingebedde_db, tmp_path):
    serveer_gemeenten(opendata, 12, tabel="85318NED")
    land = serveer_gemeenten(opendata, 12, tabel="85984NED")
    _hernoem(opendata, "85984NED", "GM9005", "GM9050", "Verzonnen gemeente 005")
    bouw(
        ingebedde_db,
        data=_data_met_herindeling(
            tmp_path, f"GM9005,Verzonnen gemeente 005,GM9050,Verzonnen gemeente 005,2024-01-01,codewijziging,{BRON}\n"
        ),
    )
    assert all(u.gelukt for u in ververs(["85318NED", "85984NED"], meld=lambda _t: None, alle_gemeenten=True))
    lijn = _lijn(ingebedde_db, "GM9050")
    assert [(r["peiljaar"], r["trendbreuk"], r["reeks_deel"]) for r in lijn] == [(2022, False, 1), (2024, False, 1)]
    assert lijn[1]["vorige_waarde"] == lijn[0]["waarde"]
    assert lijn[1]["waarde"] == land.waarde("GM9050", "AantalInwoners_5")
    # de oude code is geen regio: de verversing las haar als de nieuwe
    assert vraag(ingebedde_db, "select count(*) from regio where regio_code = 'GM9005'") == [(0,)]
    assert vraag(ingebedde_db, "select count(*) from waarneming where regio_code = 'GM9005'") == [(0,)]


def test_een_tabel_met_de_oude_en_de_nieuwe_code_voor_dezelfde_cel_wordt_geweigerd_met_beide_codes(
    opendata, ingebedde_db, tmp_path
):
    """Levert één opgehaalde tabel dezelfde gemeente onder haar oude én haar nieuwe code (codewijziging), dan zijn dat
    twee cijfers voor één cel: de loader weigert de tabel (fail closed) en de melding noemt beide codes."""
    serveer_gemeenten(opendata, 12, tabel="85984NED")
    rijen, codes = opendata.vervang[("85984NED", "TypedDataSet")], opendata.vervang[("85984NED", "WijkenEnBuurten")]
    oud = next(r for r in rijen if r["WijkenEnBuurten"].strip() == "GM9005")
    rijen.append({**oud, "ID": 9999, "WijkenEnBuurten": "GM9050".ljust(10), "Codering_3": "GM9050".ljust(10)})
    code = next(c for c in codes if c["Key"].strip() == "GM9005")
    codes.append({**code, "Key": "GM9050".ljust(10), "DetailRegionCode": "GM9050"})
    bouw(
        ingebedde_db,
        data=_data_met_herindeling(
            tmp_path, f"GM9005,Verzonnen gemeente 005,GM9050,Verzonnen gemeente 005,2024-01-01,codewijziging,{BRON}\n"
        ),
    )
    [uitkomst] = ververs(["85984NED"], meld=lambda _t: None, alle_gemeenten=True)
    assert not uitkomst.gelukt
    assert "dubbele rij" in uitkomst.fout and "misvormd" in uitkomst.fout
    assert "GM9005" in uitkomst.fout and "GM9050" in uitkomst.fout, uitkomst.fout
    assert vraag(ingebedde_db, "select count(*) from waarneming where herkomst_id = 'cbs:85984NED'") == [(0,)]


def test_codewijziging_met_cijfers_onder_oude_en_nieuwe_code_toont_steeds_de_nieuwe(ingebedde_db):
    """Staan in één herkomst cijfers onder de oude én de nieuwe code voor dezelfde cel (een document uit het jaar
    van de wijziging), dan toont het dashboard het cijfer onder de nieuwe code, bij elke herberekening hetzelfde.
    De oude rijen gaan hier eerst de tabel in, zodat de volgorde van lezen niet per ongeluk goed kiest."""
    herkomst = "ingebed:cbs-85012NED"
    with schrijf_transactie(ingebedde_db) as con:
        con.execute(
            "insert into herindeling values ('GM9005', 'Verzonnen oud', 'GM0148', 'Dalfsen', date '2024-01-01',"
            " 'codewijziging', 'test')"
        )
        con.execute(
            "create temp table nieuw as select * from waarneming where regio_code = 'GM0148' and herkomst_id = ?",
            [herkomst],
        )
        con.execute("delete from waarneming where regio_code = 'GM0148' and herkomst_id = ?", [herkomst])
        con.execute(
            "insert into waarneming by name select * replace ('GM9005' as regio_code, waarde + 1000 as waarde)"
            " from nieuw where waarde is not null"
        )
        con.execute("insert into waarneming by name select * from nieuw")
    verwacht = vraag(ingebedde_db, "select count(*) from waarneming where regio_code = 'GM9005'")[0][0]
    assert verwacht > 0
    getoond = vraag(
        ingebedde_db,
        "select w.waarde, a.waarde from waarneming as w join afgeleid.indicator_waarden as a"
        " on a.regio_code = w.regio_code and a.indicator_code = w.indicator_code and a.peiljaar = w.peiljaar"
        " and a.leeftijd = w.leeftijd and a.herkomst_id = w.herkomst_id and a.is_voorkeur"
        " where w.regio_code = 'GM0148' and w.herkomst_id = ? and w.waarde is not null",
        [herkomst],
    )
    assert len(getoond) == verwacht
    assert all(opgeslagen == voorkeur for opgeslagen, voorkeur in getoond)


def test_gewijzigde_afbakening_uit_de_kerncijfers_breekt_de_reeks(opendata, ingebedde_db):
    serveer_gemeenten(opendata, 12, tabel="85318NED")
    serveer_gemeenten(opendata, 12, tabel="85984NED", afbakening_gewijzigd=("GM9004",))
    meldingen = []
    assert all(u.gelukt for u in ververs(["85318NED", "85984NED"], meld=meldingen.append, alle_gemeenten=True))
    assert "  1 regio met een gewijzigde afbakening (indelingswijziging 3): reeksbreuk" in meldingen
    assert [(r["peiljaar"], r["trendbreuk"], r["trendbreuk_reden"]) for r in _lijn(ingebedde_db, "GM9004")] == [
        (2022, False, None),
        (2024, True, "afbakening gewijzigd volgens CBS 85984NED"),
    ]
    assert vraag(ingebedde_db, "select regio_code, peiljaar, herkomst_id from regio_breuk") == [
        ("GM9004", 2024, "cbs:85984NED")
    ]
    # opnieuw verversen zonder wijziging: de breuk van die tabel is weg
    serveer_gemeenten(opendata, 12, tabel="85984NED")
    assert ververs(["85984NED"], meld=lambda _t: None, alle_gemeenten=True)[0].gelukt
    assert vraag(ingebedde_db, "select count(*) from regio_breuk") == [(0,)]


def test_gewijzigde_afbakening_ook_langs_odata_v4_op_de_titel_van_de_tekstmeting(ingebedde_db, monkeypatch):
    with ODataV4Server(paginagrootte=50) as v4:
        monkeypatch.setenv("KOMPAS_CBS_OPENDATA", "127.0.0.1:9")  # v3 onbereikbaar: de terugval op v4
        monkeypatch.setenv("KOMPAS_CBS_DATASETS", v4.host)
        monkeypatch.setenv("KOMPAS_CBS_HTTPS", "0")
        monkeypatch.setenv("NO_PROXY", "127.0.0.1")
        monkeypatch.setattr(cbs, "WACHT_BASIS", 0)
        metingen = v4.lijst("85984NED", "MeasureCodes")
        v4.vervang[("85984NED", "MeasureCodes")] = [
            *metingen,
            {
                "Identifier": "TEKST04",
                "Index": 99,
                "Title": "Indelingswijziging gemeente, wijk, buurt",
                "Description": None,
                "MeasureGroupId": None,
                "DataType": "String",
                "Unit": "code",
                "Decimals": 0,
                "PresentationType": "",
            },
        ]
        codes = [c["Identifier"] for c in v4.lijst("85984NED", "WijkenEnBuurtenCodes")]
        v4.vervang[("85984NED", "Observations")] = [
            *v4.lijst("85984NED", "Observations"),
            *(
                {
                    "Id": 90000 + i,
                    "Measure": "TEKST04",
                    "ValueAttribute": "None",
                    "Value": None,
                    "StringValue": "3" if code.strip() == "GM0303" else "1",
                    "WijkenEnBuurten": code,
                }
                for i, code in enumerate(codes)
            ),
        ]
        [uitkomst] = ververs(["85984NED"], meld=lambda _t: None)
    assert uitkomst.gelukt, uitkomst.fout
    assert vraag(ingebedde_db, "select regio_code, peiljaar, reden from regio_breuk") == [
        ("GM0303", 2024, "afbakening gewijzigd volgens CBS 85984NED")
    ]
    # de tekstmeting is geen cijfer
    assert vraag(ingebedde_db, "select count(*) from waarneming where citaat like '%TEKST04%'") == [(0,)]
