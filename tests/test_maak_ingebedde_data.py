"""tools/maak_ingebedde_data.py, sectie ronde 2026-12: wat wordt overgenomen, met welke peildatum, en wat niet
(en waarom). Op een kleine kopie van rijen uit found_2026-12.csv; de test leest ../shared niet."""

from __future__ import annotations

import csv
import importlib.util

import pytest

from kompas.db import PROJECT

KOLOMMEN = [
    "regio_code",
    "regio_naam",
    "indicator",
    "leeftijd",
    "peiljaar",
    "peildatum",
    "waarde",
    "eenheid",
    "ondergrens",
    "bovengrens",
    "bron",
    "vindplaats",
    "gezien_in",
]
KWB19 = "https://github.com/ujjwalx/dsa2022/blob/6e65c95c96b707b1ab2f53365074e9fb3467531c/kwb-2019.csv"
BIJSTAND17 = "https://www.cbs.nl/nl-nl/cijfers/detail/83759NED?q=bijstand"
BRONCKHORST = "https://programmabegroting2023.bronckhorst.nl/bijlagen/kerngegevens"
BRONCKHORST_BRON = (
    "Gemeente Bronckhorst, Programmabegroting 2023, bijlage Kerngegevens (eigen administratie, geen CBS-cijfer)"
)
RIJEN = [
    [
        "GM0148",
        "Dalfsen",
        "aantal inwoners",
        "alle leeftijden",
        "2019",
        "2019-01-01 (KWB-peildatum bevolking)",
        "28499",
        "personen",
        "",
        "",
        "CBS KWB 2019",
        KWB19,
        "population=28499",
    ],
    [
        "NL00",
        "Nederland",
        "personen met een bijstandsuitkering",
        "alle leeftijden",
        "2017",
        "maart 2017 (kwartaalkolom in tabel; exacte dag niet gezien)",
        "471190",
        "personen",
        "",
        "",
        "CBS 83759NED",
        BIJSTAND17,
        "maart 471190",
    ],
    [
        "GM1876",
        "Bronckhorst",
        "periodieke bijstandsgerechtigden totaal (Pw incl. Bbz + IOAW + IOAZ)",
        "n.v.t.",
        "2022",
        "2022-01-01 (werkelijk)",
        "278",
        "personen",
        "",
        "",
        BRONCKHORST_BRON,
        BRONCKHORST,
        "totaal 278",
    ],
    [
        "GM1876",
        "Bronckhorst",
        "periodieke bijstandsgerechtigden totaal (schatting)",
        "n.v.t.",
        "2023",
        "2023-01-01 (schatting)",
        "267",
        "personen",
        "",
        "",
        BRONCKHORST_BRON,
        BRONCKHORST,
        "schatting",
    ],
    [
        "GM0148",
        "Dalfsen",
        "aantal inwoners",
        "alle leeftijden",
        "2021",
        "jaar niet op pagina; 28901 = en-Wikipedia",
        "28901",
        "personen",
        "",
        "",
        "overuwbuurt.nl (secundair, o.b.v. CBS)",
        "https://www.overuwbuurt.nl/dalfsen",
        "",
    ],
]


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("maak_ingebedde_data", PROJECT / "tools" / "maak_ingebedde_data.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _draai(tool, tmp_path, rijen):
    with open(tmp_path / tool.GEVONDEN, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(KOLOMMEN)
        w.writerows(rijen)
    v = tool.Verzameling()
    tool.gevonden(tmp_path, v)
    return v


def test_overgenomen_met_peildatum_en_eigen_indicator(tool, tmp_path):
    v = _draai(tool, tmp_path, RIJEN)
    rijen = {(r["indicator_code"], r["regio_code"], r["peiljaar"]): r for r in v.rijen["gevonden_2026_12"]}
    assert len(rijen) == 3
    kwb = rijen[("inwoners", "GM0148", "2019")]
    assert (kwb["peildatum"], kwb["peildatum_precisie"], kwb["waarde"]) == ("", "", "28499")  # 1 januari: definitie
    bijstand = rijen[("bijstand_personen", "NL01", "2017")]  # NL00 is Nederland (data/regio_alias.csv)
    assert (bijstand["peildatum"], bijstand["peildatum_precisie"]) == ("2017-03-01", "maand")
    assert v.bronnen[bijstand["herkomst_id"]]["adres"] == "https://www.cbs.nl/nl-nl/cijfers/detail/83759NED"
    eigen = rijen[("bijstandsgerechtigden_gemeente", "GM1876", "2022")]
    assert eigen["peildatum"] == "2022-01-01"
    assert v.bronnen[eigen["herkomst_id"]]["bron"] == "gemeente Bronckhorst"


def test_schattingen_en_cijfers_zonder_jaar_overgeslagen_met_reden(tool, tmp_path):
    v = _draai(tool, tmp_path, RIJEN)
    assert len(v.overgeslagen) == 2
    assert "schatting of begroting, geen gerealiseerd cijfer" in v.overgeslagen[0]
    assert "het jaar staat niet op de pagina" in v.overgeslagen[1]


def test_een_onbekende_wijk_of_peildatum_stopt_het_script(tool, tmp_path):
    wijk = [
        "WK999901",
        "Nergens (wijk)",
        "aantal inwoners",
        "alle leeftijden",
        "2024",
        "2024-01-01",
        "5",
        "personen",
        "",
        "",
        "CBS KWB 2024",
        KWB19,
        "",
    ]
    with pytest.raises(SystemExit, match="WK999901 staat niet in data/regio.csv"):
        _draai(tool, tmp_path, [wijk])
    verkeerd = [*RIJEN[0][:5], "2019-06-01", *RIJEN[0][6:]]
    with pytest.raises(SystemExit, match="niet 1 januari 2019"):
        _draai(tool, tmp_path, [verkeerd])
