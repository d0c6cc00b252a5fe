"""Elk cijfer met de precisie waarmee het gepubliceerd is, nooit meer dan de decimalen van de indicator.

Dronten's beleidskader noemt 'Kinderen in uitkeringsgezin' 2022 '4%' (Nederland '5%'): dat is geen '4,00%', ook al
heeft de indicator twee decimalen (de tabel van Kinderen in Tel gaf '4,82').
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from test_cbs_refresh import _stil, servers  # noqa: F401  (fixture)

from kompas import rapport
from loaders.cbs import ververs

from apptest import draai
from dbhulp import alleen_lezen, vraag_dicts

DRONTEN = "GM0303"
KADER = "GM0303-bestaanszekerheid"


def _teksten(at) -> str:
    delen = [m.value for m in at.markdown] + [c.value for c in at.caption] + [i.value for i in at.info]
    delen += [f"{m.label}: {m.value}" for m in at.metric]
    for df in at.dataframe:
        delen += [str(v) for v in df.value.to_numpy().ravel()]
    return "\n".join(str(d) for d in delen).replace("\\", "")


def test_de_waarneming_onthoudt_hoeveel_decimalen_het_document_gaf(lees):
    rijen = lees(
        "select regio_code, peiljaar, waarde, decimalen from waarneming"
        " where indicator_code = 'kinderen_in_uitkeringsgezin_pct' and regio_code in ('GM0303', 'NL01')"
        " and peiljaar in (2015, 2016, 2022) order by all"
    )
    gezien = {(r["regio_code"], r["peiljaar"], r["waarde"]): r["decimalen"] for r in rijen}
    assert gezien[("GM0303", 2022, 4.0)] == 0  # '4%' in het beleidskader
    assert gezien[("NL01", 2022, 5.0)] == 0
    assert gezien[("GM0303", 2015, 4.82)] == 2  # '4,82' in Kinderen in Tel
    assert gezien[("NL01", 2016, 6.8)] == 1  # '6,8 procent' in een CBS-artikel


def test_kaderspagina_toont_4_procent_niet_4_komma_00(ingebedde_db):
    tekst = _teksten(draai("pages/kaders.py", gemeente=DRONTEN, kader=KADER))
    assert "4,00%" not in tekst and "5,00%" not in tekst
    assert re.search(r"(?<![\d,])4%", tekst)  # Dronten 2022
    assert re.search(r"(?<![\d,])5%", tekst)  # Nederland 2022 in hetzelfde document


def test_indicatorpagina_toont_elk_cijfer_met_zijn_eigen_decimalen(ingebedde_db):
    at = draai("pages/indicator.py", indicator="kinderen_in_uitkeringsgezin_pct")
    tabel = at.dataframe[-1].value
    waarden = set(tabel["Waarde"].to_list())
    assert "4,00" not in waarden and "5,00" not in waarden and "6,80" not in waarden
    assert {"4", "5", "6,8", "4,82", "1,09"} <= waarden
    assert "6,58" in waarden  # twee decimalen gepubliceerd: twee getoond


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext ontbreekt")
def test_pdf_raadsrapportage_toont_4_procent(_ingebedde_db_bron, tmp_path):
    pad = tmp_path / "dronten.pdf"
    with alleen_lezen(_ingebedde_db_bron) as con:
        pad.write_bytes(rapport.maak(con.cursor(), DRONTEN, None, ".pdf"))
    tekst = subprocess.run(["pdftotext", str(pad), "-"], capture_output=True, text=True, check=True).stdout
    assert "4,00%" not in tekst and "5,00%" not in tekst
    assert re.search(r"(?<![\d,])4%", tekst)


def test_een_berekend_cijfer_houdt_de_decimalen_van_de_indicator(lees):
    rijen = lees(
        "select w.decimalen, i.decimalen as registry from indicator_waarden as w join indicator as i"
        " using (indicator_code) where w.is_berekend and w.waarde is not null"
    )
    assert rijen
    assert all(r["decimalen"] == r["registry"] for r in rijen)


def test_een_ontbrekend_cijfer_blijft_ontbreken(servers, ingebedde_db):  # noqa: F811
    from kompas import opmaak, teksten

    assert ververs(["85984NED"], meld=_stil)[0].gelukt
    # GM0303 WmoClientenRelatief '.': geen cijfer, en dus ook geen decimalen
    rijen = vraag_dicts(
        ingebedde_db,
        "select waarde, decimalen from waarneming where herkomst_id = 'cbs:85984NED' and indicator_code = 'wmo_per_1000'"
        " and regio_code = 'GM0303'",
    )
    assert all(r["waarde"] is None and r["decimalen"] is None for r in rijen)
    assert opmaak.met_eenheid(None, "%", teksten.decimalen_van({"decimalen": 2, "landelijk_decimalen": 0})) == (
        "geen gegevens"
    )
    assert teksten.decimalen_van({"decimalen": 2, "landelijk_decimalen": None}, "landelijk_decimalen") == 2


def test_een_cbs_tabel_geeft_haar_decimals_mee_nooit_meer_dan_de_indicator(servers, ingebedde_db):  # noqa: F811
    assert ververs(["85984NED"], meld=_stil)[0].gelukt
    rijen = vraag_dicts(
        ingebedde_db,
        "select w.indicator_code, w.regio_code, w.decimalen as tabel, v.decimalen as getoond, i.decimalen as registry"
        " from waarneming as w join indicator as i using (indicator_code)"
        " join indicator_waarden as v using (indicator_code, regio_code, peiljaar, leeftijd, herkomst_id)"
        " where w.herkomst_id = 'cbs:85984NED' and w.waarde is not null",
    )
    per = {r["indicator_code"]: r for r in rijen}
    # DataProperties: Nettoarbeidsparticipatie_78 Decimals 0 (indicator: 1), HuishoudensMetEenLaagInkomen_89
    # Decimals 1 (indicator: 0), PercentageJongerenMetJeugdzorg_99 Decimals 1 (indicator: 1)
    assert (per["netto_arbeidsparticipatie_pct"]["tabel"], per["netto_arbeidsparticipatie_pct"]["getoond"]) == (0, 0)
    assert (per["huishoudens_laag_inkomen_pct"]["tabel"], per["huishoudens_laag_inkomen_pct"]["getoond"]) == (1, 0)
    assert per["jongeren_met_jeugdzorg_pct"]["getoond"] == 1


def test_de_tooltip_en_de_as_van_de_trend_volgen_de_precisie_van_de_bron(ingebedde_db):
    import json

    import polars as pl

    from kompas import grafieken

    reeks = pl.DataFrame(
        vraag_dicts(
            ingebedde_db,
            "select * from grafiek_waarden() where indicator_code = 'kinderen_in_uitkeringsgezin_pct'"
            " and regio_code in ('GM0303', 'NL01') and is_voorkeur",
        )
    )
    spec = grafieken.weergave_spec(
        grafieken.trend(reeks, titel="Kinderen in uitkeringsgezin — Dronten", eenheid="%", decimalen=2)
    )
    rijen = [r for d in spec["datasets"].values() for r in d if "waarde_tekst" in r]
    teksten = {(r["regio_code"], r["peiljaar"]): r["waarde_tekst"] for r in rijen}
    assert teksten[("GM0303", 2022)] == "4" and teksten[("GM0303", 2015)] == "4,82"
    assert "4,00" not in json.dumps(spec)
    # de as: de meeste decimalen van de getekende cijfers (hier 4,82: twee), nooit meer dan de indicator
    assert grafieken.as_decimalen(reeks, 2) == 2
    dronten_2022 = reeks.filter((pl.col("peiljaar") == 2022) & (pl.col("regio_code") == "GM0303"))
    assert grafieken.as_decimalen(dronten_2022, 2) == 0


def _kaart(_ingebedde_db_bron, jaar: int = 2022):
    import polars as pl

    from kompas import gegevens, grafieken

    with alleen_lezen(_ingebedde_db_bron) as con:
        waarden = gegevens.kaartwaarden(con.cursor(), "kinderen_in_uitkeringsgezin_pct", jaar, DRONTEN)
    per_gemeente = waarden.filter(pl.col("regio_soort") == "gemeente")
    kaart = grafieken.gemeentekaart(
        per_gemeente,
        titel="Kinderen in uitkeringsgezin",
        eenheid="% kinderen tot 18 jaar",
        decimalen=2,
        focus=[DRONTEN],
    )
    return grafieken.weergave_spec(kaart)


def _gekleurde_laag(spec: dict) -> dict:
    return next(laag for laag in spec["layer"] if laag["encoding"].get("fill", {}).get("field") == "waarde")


def _kaartteksten(spec: dict, laag: dict) -> dict[str, str]:
    """Per regio de tekst in de tooltip (uit de opzoektabel van de laag)."""
    data = next(t for t in laag["transform"] if "lookup" in t)["from"]["data"]
    return {r["regio_code"]: r["waarde_tekst"] for r in data.get("values") or spec["datasets"][data["name"]]}


def test_de_kaart_toont_elk_cijfer_met_zijn_eigen_decimalen(_ingebedde_db_bron):
    import json

    spec = _kaart(_ingebedde_db_bron)
    gekleurd = _gekleurde_laag(spec)
    # de legenda: de meeste decimalen van de getekende cijfers (hier alleen Dronten '4%'), niet de twee van de indicator
    assert gekleurd["encoding"]["fill"]["legend"]["format"] == ",.0f"
    # de tooltip: het cijfer als tekst, met de decimalen van zijn bron
    velden = [t["field"] for t in gekleurd["encoding"]["tooltip"]]
    assert velden == ["naam", "waarde_tekst"]
    assert _kaartteksten(spec, gekleurd) == {DRONTEN: "4"}
    assert "4,00" not in json.dumps(spec)


def test_de_legenda_van_de_kaart_volgt_het_preciezere_cijfer(_ingebedde_db_bron):
    # 2015: Dronten '4,82' (Kinderen in Tel, twee decimalen): de legenda toont er twee
    spec = _kaart(_ingebedde_db_bron, 2015)
    gekleurd = _gekleurde_laag(spec)
    assert gekleurd["encoding"]["fill"]["legend"]["format"] == ",.2f"
    assert _kaartteksten(spec, gekleurd) == {DRONTEN: "4,82"}


def test_de_ggd_regel_van_het_rapport_toont_het_ggd_cijfer_met_zijn_eigen_decimalen(lees):
    import polars as pl

    from kompas.rapport.inhoud import laatste

    (rij,) = lees(
        "select * from afgeleid.kader_indicatoren where gemeente_code = 'GM0148'"
        " and indicator_code = 'ervaren_gezondheid_pct' and leeftijd = '18+'"
    )
    # Dalfsen 85,9% (2020) naast GGD IJsselland zoals haar nieuwsbericht het noemt: '83%' (het cijfer zonder
    # decimalen; in de database gaat 85012NED met 81,8 voor, hier staat het bericht in de reeks)
    reeks = pl.DataFrame(
        lees(
            "select * from grafiek_waarden() where indicator_code = 'ervaren_gezondheid_pct' and leeftijd = '18+'"
            " and peiljaar = 2020 and ((regio_code = 'GM0148' and is_voorkeur)"
            " or (regio_code = 'GG1009' and herkomst_id = 'ingebed:doc-528f1df2b9'))"
        )
    )
    assert laatste(rij, reeks, "GGD IJsselland")["ggd"] == "83% (GGD IJsselland)"
    assert laatste(rij, reeks, "GGD IJsselland")["waarde"] == "85,9%"


def _xlsx_rijen(xlsx: bytes, kolom: str):
    """Elke rij (kop -> cel) van elk werkblad met een kolom `kolom`."""
    import io

    import openpyxl

    for blad in openpyxl.load_workbook(io.BytesIO(xlsx)).worksheets:
        kop = [c.value for c in blad[1]]
        if kolom in kop:
            yield from (dict(zip(kop, rij)) for rij in blad.iter_rows(min_row=2))


def _xlsx_cellen(xlsx: bytes, kolommen: tuple[str, ...]) -> dict[tuple, dict]:
    """Per (werkblad, regio, peiljaar, waarde) de getalnotatie van de gevraagde kolommen."""
    uit = {}
    for cel in _xlsx_rijen(xlsx, "Waarde"):
        if cel.get("Indicator") is not None and cel["Indicator"].value != "Kinderen in uitkeringsgezin":
            continue
        sleutel = (cel["Regio"].value, cel["Peiljaar"].value, cel["Waarde"].value)
        uit[sleutel] = {k: (cel[k].value, cel[k].number_format) for k in kolommen if k in cel}
    return uit


def test_de_excel_van_het_rapport_toont_elke_cel_met_de_decimalen_van_haar_cijfer(_ingebedde_db_bron):
    with alleen_lezen(_ingebedde_db_bron) as con:
        xlsx = rapport.maak(con.cursor(), DRONTEN, KADER, ".xlsx")
    cellen = _xlsx_cellen(xlsx, ("Waarde", "Nederland", "Verschil met Nederland", "Ondergrens 95%"))
    # Dronten 2022 '4%' naast Nederland '5%' (beleidskader): '4', '5' en '−1', geen '4,00'
    assert cellen[("Dronten", 2022, 4)] == {
        "Waarde": (4, "#,##0"),
        "Nederland": (5, "#,##0"),
        "Verschil met Nederland": (-1, "#,##0"),
        "Ondergrens 95%": (None, "#,##0"),  # ontbreekt: een lege cel
    }
    # Dronten 2015 '4,82' naast Nederland '6,58' (Kinderen in Tel): twee decimalen
    assert cellen[("Dronten", 2015, 4.82)]["Waarde"] == (4.82, "#,##0.00")
    assert cellen[("Dronten", 2015, 4.82)]["Verschil met Nederland"][1] == "#,##0.00"
    assert cellen[("Nederland", 2016, 6.8)]["Waarde"] == (6.8, "#,##0.0")  # '6,8 procent'


def test_de_excel_download_van_de_indicator_toont_elke_cel_met_de_decimalen_van_haar_cijfer(ingebedde_db, monkeypatch):
    from test_paginas import _downloadmakers

    makers = _downloadmakers(monkeypatch)
    draai("pages/indicator.py", indicator="kinderen_in_uitkeringsgezin_pct")
    maak_xlsx, _ = makers["kinderen_in_uitkeringsgezin_pct.xlsx"]
    cellen = _xlsx_cellen(maak_xlsx(), ("Waarde", "Landelijk"))
    assert cellen[("Dronten", 2022, 4)] == {"Waarde": (4, "#,##0"), "Landelijk": (5, "#,##0")}
    assert cellen[("Dronten", 2015, 4.82)] == {"Waarde": (4.82, "#,##0.00"), "Landelijk": (6.58, "#,##0.00")}


def test_een_streefwaarde_zo_gelezen_houdt_de_decimalen_van_haar_tekst(lees):
    from kompas import teksten
    from kompas.rapport.inhoud import streefwaarden

    (rij,) = lees(
        "select * from afgeleid.kader_indicatoren where gemeente_code = 'GM0148'"
        " and indicator_code = 'ervaren_gezondheid_pct' and leeftijd = '18+'"
    )
    # Dalfsen, Programmabegroting 2020: streefwaarde '85%' bij een indicator met één decimaal
    assert [(s["geschreven"], s["gelezen"]) for s in streefwaarden(rij)] == [("85%", "85%")]
    # zoveel decimalen als de tekst, nooit meer dan de indicator; zonder tekst die van de indicator
    assert teksten.streefwaarde_gelezen_tekst({"soort": "punt", "waarde": 3.7, "tekst": "3,7%"}, "%", 1) == "3,7%"
    band = {"soort": "band", "ondergrens": 65.0, "bovengrens": 70.5, "tekst": "65-70,5%"}
    assert teksten.streefwaarde_gelezen_tekst(band, "%", 1) == "tussen 65,0 en 70,5%"
    assert teksten.streefwaarde_gelezen_tekst({"soort": "minimaal", "waarde": 4.26, "tekst": ">4,26%"}, "%", 1) == (
        "minimaal 4,3%"
    )
    assert teksten.streefwaarde_gelezen_tekst({"soort": "punt", "waarde": 30.0}, "%", 1) == "30,0%"


def test_de_nulmeting_in_de_excel_van_het_rapport_houdt_de_decimalen_van_haar_tekst(_ingebedde_db_bron):
    with alleen_lezen(_ingebedde_db_bron) as con:
        xlsx = rapport.maak(con.cursor(), "GM0148", None, ".xlsx")
    gezien = {
        (cel["Nulmeting"].value, cel["Nulmeting"].number_format)
        for cel in _xlsx_rijen(xlsx, "Nulmeting")
        if cel["Nulmeting (zoals geschreven)"].value == "82% (2017)"  # ervaren gezondheid, één decimaal
    }
    assert gezien == {(82, "#,##0")}


def test_streefwaarde_zo_gelezen_bij_een_kaderindicator_zonder_registry_indicator(lees):
    """Bronckhorst heeft streefwaarden bij indicatoren die geen registry-indicator hebben (dus geen eenheid en geen
    decimalen uit de registry). Het rapport las '105%' als '105 ' en 'minimaal 5%' als 'minimaal 5 ': het %-teken
    weg, een spatie erachter. Nu met de eenheid van het kader, en met de decimalen van de tekst zelf."""
    from kompas import teksten
    from kompas.rapport.inhoud import streefwaarden

    rijen = lees(
        "select * from afgeleid.kader_indicatoren where gemeente_code = 'GM1876' and indicator_code is null"
        " and len(streefwaarden) > 0"
    )
    gelezen = {s["geschreven"]: s["gelezen"] for rij in rijen for s in streefwaarden(rij)}
    assert gelezen["105%"] == "105% (van het benodigde aantal plekken)"
    assert gelezen["minimaal 5%"] == "minimaal 5% (lagere zorgkosten)"
    assert gelezen["minstens 15"] == "minimaal 15"
    assert gelezen["4 a 5 (jaarlijks)"] == "tussen 4 en 5 per jaar"
    assert all(g == g.strip() for g in gelezen.values()), gelezen
    # zonder decimalen uit de registry: die van de tekst, niet afgerond op een heel getal
    assert teksten.streefwaarde_gelezen_tekst({"soort": "punt", "waarde": 3.7, "tekst": "3,7%"}, "%", None) == "3,7%"


def test_tooltip_van_de_nulmeting_met_de_decimalen_van_haar_tekst(lees):
    """Dalfsen, ervaren gezondheid: de nulmeting '82% (2017)' stond in de tooltip van de grafiek als '82,0' (de
    decimalen van de indicator). De grafiek op de Kaderspagina en in het rapport krijgen dezelfde opties
    (grafieken.kaderindicator_opties), met de decimalen van de nulmeting zoals geschreven."""
    from kompas import grafieken

    (rij,) = lees(
        "select * from afgeleid.kader_indicatoren where gemeente_code = 'GM0148'"
        " and indicator_code = 'ervaren_gezondheid_pct' and leeftijd = '18+'"
    )
    opties = grafieken.kaderindicator_opties(rij, "Dalfsen")
    assert opties["nulmeting"] == {"jaar": 2017, "waarde": 82.0, "decimalen": 0}
    reeks = _reeks_van_dalfsen(lees)
    spec = grafieken.trend(reeks, **opties).to_dict()
    (laag,) = [laag for laag in spec["layer"] if _nulmeting_tooltip(laag)]
    assert _nulmeting_tooltip(laag)["format"] == ",.0f"


def _reeks_van_dalfsen(lees):
    import polars as pl

    return pl.DataFrame(
        lees(
            "select * from indicator_waarden where indicator_code = 'ervaren_gezondheid_pct'"
            " and regio_code = 'GM0148' and leeftijd = '18+'"
        )
    )


def _nulmeting_tooltip(laag: dict) -> dict | None:
    tooltip = laag.get("encoding", {}).get("tooltip")
    if isinstance(tooltip, list) and tooltip and tooltip[0].get("title") == "Nulmeting":
        return tooltip[1]
    return None
