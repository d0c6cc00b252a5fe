"""De downloads (CSV en Excel) en de tekst die een spreadsheet als formule zou lezen (kompas.tabellen).

De tabellen hier zijn testgegevens met verzonnen getallen; ze staan alleen in deze tests.
"""

from __future__ import annotations

import datetime as dt
import io
import tomllib
from pathlib import Path

import openpyxl
import polars as pl
import pytest
from openpyxl.utils.escape import unescape
from test_opmaak import kaderrij

from kompas import tabellen

PROJECT = Path(__file__).resolve().parent.parent

# tekst uit een upload, bestandsnaam, werkbladnaam of --door die Excel anders als formule leest
FORMULES = ["=1+1", "+31 6", "-2", "@SUM(A1)", "\t=1", "\r=1", '  =HYPERLINK("http://x")', "\n-1"]
GEWOON = ["Dalfsen", "CBS; GWS4all", "– geen", "2,5%", "a=b"]


def _boek(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def _testtabel() -> pl.DataFrame:
    """Verzonnen cijfers, alleen voor deze test."""
    return pl.DataFrame(
        {
            "Indicator": ["Testindicator", "Testindicator"],
            "Regio": ["Dalfsen", "Dronten"],
            "Peiljaar": [2020, 2023],
            "Peildatum": [dt.date(2020, 10, 1), None],
            "Waarde": [12.25, -2.5],
            "Eenheid": ["%", "%"],
            "Opgehaald": [dt.datetime(2026, 11, 23, 14, 5), dt.datetime(2026, 11, 23, 9, 0)],
            "Getoond": [True, False],
            "Bron": ["CBS", None],
        },
        schema_overrides={"Peiljaar": pl.Int32},
    )


@pytest.mark.parametrize("tekst", FORMULES)
def test_tekst_met_een_formuleteken_vooraan_lijkt_een_formule(tekst):
    assert tabellen.lijkt_formule(tekst)


@pytest.mark.parametrize("tekst", GEWOON)
def test_gewone_tekst_is_geen_formule(tekst):
    assert not tabellen.lijkt_formule(tekst)


def test_xlsx_schrijft_formuletekst_als_tekst_en_getallen_als_getal():
    tabel = pl.DataFrame({"Tekst": FORMULES, "Getal": [-2.5] * len(FORMULES)})
    blad = _boek(tabellen.als_xlsx(tabel)).active
    for rij, tekst in enumerate(FORMULES, start=2):
        cel = blad.cell(rij, 1)
        assert cel.data_type == "s", (tekst, cel.data_type)
        # zoals Excel het toont: OOXML schrijft een CR als _x000D_ (een XML-lezer maakt van een kale CR een LF)
        assert unescape(cel.value) == tekst
        assert cel.quotePrefix  # ook bij bewerken in Excel blijft het tekst
        getal = blad.cell(rij, 2)
        assert getal.data_type == "n" and getal.value == -2.5
    assert blad.cell(1, 1).value == "Tekst" and not blad.cell(1, 1).quotePrefix


def test_xlsx_kolomkop_en_werkbladnaam_zijn_nooit_een_formule():
    boek = _boek(tabellen.als_xlsx(pl.DataFrame({"=kop()": ["x"]}), werkblad="=blad[1]/2"))
    assert boek.active.cell(1, 1).data_type == "s" and boek.active.cell(1, 1).value == "=kop()"
    assert boek.active.title == "=blad(1)_2"  # [ ] / mogen niet in een werkbladnaam


def test_xlsx_met_stuurtekens_uit_een_upload_geeft_geen_fout():
    blad = _boek(tabellen.als_xlsx(pl.DataFrame({"Toelichting": ["regel\x0bnog een", "_x000D_ letterlijk"]}))).active
    assert unescape(blad.cell(2, 1).value) == "regel\x0bnog een"
    assert blad.cell(3, 1).value == "_x005F_x000D_ letterlijk"  # zo toont Excel de tekst letterlijk


def test_csv_zet_een_apostrof_voor_formuletekst_en_laat_getallen_staan():
    tabel = pl.DataFrame({"Tekst": FORMULES + GEWOON, "Getal": [-2.5] * (len(FORMULES) + len(GEWOON))})
    gelezen = pl.read_csv(
        io.BytesIO(tabellen.als_csv(tabel)), separator=";", decimal_comma=True, schema_overrides={"Tekst": pl.String}
    )
    assert gelezen["Tekst"].to_list() == ["'" + t for t in FORMULES] + GEWOON
    assert gelezen["Getal"].dtype == pl.Float64 and set(gelezen["Getal"]) == {-2.5}
    regels = tabellen.als_csv(tabel).decode("utf-8-sig").splitlines()
    assert regels[1] == "'=1+1;-2,5"


def test_csv_zegt_ja_nee_en_kop_zonder_formule():
    tekst = tabellen.als_csv(_testtabel().rename({"Regio": "=Regio"})).decode("utf-8")
    assert tekst.startswith("\ufeff")
    kop, eerste, tweede = tekst.lstrip("\ufeff").splitlines()
    assert kop.split(";")[1] == "'=Regio"
    assert eerste == "Testindicator;Dalfsen;2020;01-10-2020;12,25;%;23-11-2026 14:05;ja;CBS"
    assert tweede == "Testindicator;Dronten;2023;;-2,5;%;23-11-2026 09:00;nee;"
    assert "true" not in tekst and "false" not in tekst


def test_xlsx_met_vaste_kop_filter_echte_datums_en_getallen():
    blad = _boek(tabellen.als_xlsx(_testtabel(), werkblad="Testindicator", decimalen=1)).active
    kop = [c.value for c in blad[1]]
    assert kop == list(_testtabel().columns)
    assert blad.freeze_panes == "A2"  # kopregel blijft staan
    assert blad.auto_filter.ref == "A1:I3"  # filter op elke kolom
    assert all(c.font.b for c in blad[1])
    rij = {k: c for k, c in zip(kop, blad[2])}
    assert rij["Peildatum"].is_date and rij["Peildatum"].value == dt.datetime(2020, 10, 1)
    assert rij["Peildatum"].number_format == "d-m-yyyy"  # in Nederlandse Excel: d-m-jjjj
    assert rij["Opgehaald"].is_date and rij["Opgehaald"].value == dt.datetime(2026, 11, 23, 14, 5)
    assert rij["Opgehaald"].number_format == "d-m-yyyy h:mm"
    assert rij["Waarde"].data_type == "n" and rij["Waarde"].value == 12.25  # het getal zelf, niet afgerond
    assert rij["Waarde"].number_format == "#,##0.0"  # getoond met de decimalen van de indicator: 12,3
    assert rij["Peiljaar"].data_type == "n" and rij["Peiljaar"].number_format == "0"  # 2020, niet 2.020
    assert rij["Getoond"].value == "ja" and blad.cell(3, 8).value == "nee"
    assert blad.cell(3, 4).value is None  # geen peildatum: een lege cel
    breedtes = {k: blad.column_dimensions[c.column_letter].width for k, c in zip(kop, blad[1])}
    assert breedtes["Indicator"] > breedtes["Regio"] >= 8
    assert all(b <= 60 for b in breedtes.values())


def test_zonder_decimalen_en_tijdstippen_om_middernacht():
    tabel = pl.DataFrame({"Waarde": [1.5], "Opgehaald": [dt.datetime(2026, 11, 23)]})
    rij = _boek(tabellen.als_xlsx(tabel)).active[2]
    assert rij[0].number_format == "General"
    assert rij[1].number_format == "d-m-yyyy"  # alleen een datum: geen 0:00 erachter
    assert tabellen.als_csv(tabel).decode("utf-8-sig").splitlines()[1] == "1,5;23-11-2026"


def test_alle_waarden_tabel_heeft_indicatornaam_en_eenheid(ingebedde_db):
    from kompas import gegevens
    from kompas.db import Leesverbinding

    cur = Leesverbinding().cursor()
    register = gegevens.indicatoren(cur).filter(pl.col("indicator_code") == "eenzaam_pct").row(0, named=True)
    tabel = tabellen.alle_waarden_tabel(gegevens.indicator_alle_waarden(cur, "eenzaam_pct"))
    assert tabel.columns[:2] == ["Indicator", "Regio"] and "Eenheid" in tabel.columns
    assert set(tabel["Indicator"]) == {register["naam"]}
    assert set(tabel["Eenheid"]) == {register["eenheid"]}
    waarden = gegevens.indicator_alle_waarden(cur, "eenzaam_pct")
    scherm = tabellen.alle_waarden_tabel(waarden, met_indicator=False)
    assert "Indicator" not in scherm.columns and "Eenheid" not in scherm.columns
    assert "Landelijk" in scherm.columns and "Significantie" in scherm.columns


def test_alle_waarden_van_een_aantal_op_de_pagina_zonder_nederland_in_de_download_wel(ingebedde_db):
    """Op de Indicatorpagina heeft de tabel van een aantal geen lege kolommen Landelijk en Significantie; de download
    houdt bij elke indicator dezelfde kolommen."""
    from kompas import gegevens
    from kompas.db import Leesverbinding

    waarden = gegevens.indicator_alle_waarden(Leesverbinding().cursor(), "inwoners")
    scherm = tabellen.alle_waarden_tabel(waarden, met_indicator=False)
    assert not scherm.is_empty() and "Waarde" in scherm.columns
    assert "Landelijk" not in scherm.columns and "Significantie" not in scherm.columns
    download = tabellen.alle_waarden_tabel(waarden)
    assert "Landelijk" in download.columns and "Significantie" in download.columns


def test_sjabloon_schrijft_tekst_als_tekst():
    from kompas.sjabloon import maak_sjabloon

    gemeenten = pl.DataFrame({"regio_code": ["GM0148"], "regio_naam": ["=Dalfsen"]})
    indicatoren = pl.DataFrame({"indicator_code": ["x_pct"], "naam": ["@naam"], "eenheid": ["-%"], "thema": ["t"]})
    codes = _boek(maak_sjabloon(gemeenten, indicatoren))["Codes"]
    cellen = [codes.cell(2, k) for k in (2, 5, 6)]
    assert [c.value for c in cellen] == ["=Dalfsen", "@naam", "-%"]
    assert all(c.data_type == "s" for c in cellen)


def test_sjabloon_laat_excel_alleen_getallen_toelaten_in_waarde_en_nulmeting():
    from kompas.sjabloon import maak_sjabloon

    gemeenten = pl.DataFrame({"regio_code": ["GM0148"], "regio_naam": ["Dalfsen"]})
    indicatoren = pl.DataFrame({"indicator_code": ["x_pct"], "naam": ["x"], "eenheid": ["%"], "thema": ["t"]})
    boek = _boek(maak_sjabloon(gemeenten, indicatoren))
    for blad, kolom, titel in (("Waarden", "D", "Waarde"), ("Streefwaarden", "F", "Nulmeting")):
        getallen = [dv for dv in boek[blad].data_validations.dataValidation if dv.type == "decimal"]
        assert len(getallen) == 1, blad
        assert str(getallen[0].sqref).startswith(f"{kolom}2:{kolom}") and getallen[0].errorTitle == titel
        assert getallen[0].showErrorMessage and getallen[0].allow_blank


def test_streamlit_tabellen_bieden_geen_eigen_download():
    """De CSV-download in de werkbalk van st.dataframe beschermt niet tegen formules (en schrijft een komma-CSV
    die Nederlandse Excel niet in kolommen opent): die staat uit; de downloads gaan via als_csv / als_xlsx."""
    config = tomllib.loads((PROJECT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["disableDataExport"] is True


def test_een_nan_is_een_ontbrekende_waarde_en_geen_fout():
    # polars rekent 0/0 uit tot NaN; zo'n cel is leeg (ontbreekt), nooit een getal of een IndexError
    tabel = pl.DataFrame({"Waarde": [float("nan"), 2.5, None]})
    assert tabellen.leesbaar(tabel)["Waarde"].to_list() == ["", "2,5", ""]
    assert tabellen.als_csv(tabel).decode("utf-8-sig").splitlines()[1:] == ["", "2,5", ""]


def test_groep_band_hangt_niet_af_van_de_volgorde_van_de_leden():
    """De band is een sleutel van de grafiekcache (kompas.weergave): dezelfde leden in een andere volgorde (de
    database belooft geen volgorde bij gelijke sortering) geven hetzelfde frame, anders bouwt elke rerun van
    Vergelijken de grafieken opnieuw (op een landelijke database seconden)."""
    rijen = [
        {
            "voor_gemeente": gemeente,
            "regio_code": lid,
            "peiljaar": jaar,
            "leeftijd": "18+",
            "groep_naam": f"groep van {gemeente}",
            "groep_aantal": 6,
            "groep_minimum": 5,
            "groep_mediaan": mediaan,
            "groep_q1": mediaan - 2,
            "groep_q3": mediaan + 2,
            "band": True,
        }
        for gemeente, mediaan in (("GM0148", 70.0), ("GM1876", 72.0), ("GM0303", 74.0))
        for jaar in (2022, 2023)
        for lid in ("GM9901", "GM9902")
    ]
    leden = pl.DataFrame(rijen)
    verwacht = tabellen.groep_band(leden)
    assert verwacht.height == 6
    for volgorde in (leden.reverse(), leden.sample(fraction=1, shuffle=True, seed=1), leden.sort("regio_code")):
        assert tabellen.groep_band(volgorde).equals(verwacht)


def _reeks(eenheid: str, landelijk: float | None) -> pl.DataFrame:
    """Verzonnen cijfers, alleen voor deze test: twee regio's van één indicator."""
    return pl.DataFrame(
        {
            "regio_naam": ["Dalfsen", "Dronten"],
            "peiljaar": [2024, 2024],
            "leeftijd": ["totaal", "totaal"],
            "waarde": [12.0, 34.0],
            "ondergrens": [None, None],
            "bovengrens": [None, None],
            "eenheid": [eenheid, eenheid],
            "decimalen": [0, 0],
            "landelijk_waarde": [landelijk, landelijk],
            "significantie": [None, None],
            "bron": ["CBS", "CBS"],
        },
        schema_overrides={"ondergrens": pl.Float64, "bovengrens": pl.Float64, "landelijk_waarde": pl.Float64},
    )


@pytest.mark.parametrize("eenheid", ["aantal", "aantal huishoudens"])
def test_tabel_bij_een_aantal_heeft_geen_kolommen_voor_nederland(eenheid):
    """Een aantal staat nooit naast Nederland (marts/05, `aantallen`): geen kolommen Landelijk en Significantie
    vol '–', alsof het landelijke cijfer ontbreekt."""
    tabel = tabellen.waarden_tabel(_reeks(eenheid, None))
    assert "Landelijk" not in tabel.columns and "Significantie" not in tabel.columns
    assert tabel["Waarde"].to_list()[0].startswith("12")


def test_tabel_bij_een_percentage_houdt_landelijk_en_significantie():
    tabel = tabellen.waarden_tabel(_reeks("%", 20.0))
    assert tabel["Landelijk"].to_list() == ["20%", "20%"] and tabel["Significantie"].to_list() == ["–", "–"]
    assert tabellen.waarden_tabel(_reeks("per 1.000 inwoners", None))["Landelijk"].to_list() == ["–", "–"]


def test_tabel_zonder_enig_interval_heeft_geen_lege_intervalkolom():
    """Onder de wijkkaart en bij een registratie stond een kolom '95%-interval' die in elke rij leeg was: ruis, en op
    een telefoon schoof ze de bron uit beeld. Heeft één rij een interval, dan blijft de kolom (lege cellen zeggen dan
    iets: dat cijfer heeft geen interval)."""
    zonder = tabellen.waarden_tabel(_reeks("%", 20.0))
    assert "95%-interval" not in zonder.columns
    met = tabellen.waarden_tabel(
        _reeks("%", 20.0).with_columns(pl.Series("ondergrens", [10.0, None]), pl.Series("bovengrens", [14.0, None]))
    )
    assert met["95%-interval"].to_list() == ["10 – 14", ""]


def test_kadertabel_en_overzichtstabel_zeggen_bij_een_aantal_geen_vergelijking_in_plaats_van_streepje():
    """In een tabel met meer indicatoren (Kaders: alle indicatoren van een doel; Overzicht) leest 'Landelijk: –' bij
    een aantal als 'het landelijke cijfer ontbreekt'; er is bewust geen vergelijking (marts/05, `aantallen`)."""
    basis = kaderrij(omschrijving="Huishoudens met bewindvoering", laatste_waarde=95.0, laatste_peiljaar=2019)
    rijen = [{**basis, "eenheid": "aantal huishoudens"}, {**basis, "eenheid": "%"}]
    assert tabellen.kader_tabel(pl.DataFrame(rijen))["Landelijk"].to_list() == ["geen vergelijking (aantal)", "–"]
    overzicht = {
        "indicator_naam": "Testindicator",
        "leeftijd": "totaal",
        "regio_naam": "Dalfsen",
        "peiljaar": 2019,
        "peildatum": None,
        "waarde": 95.0,
        "ondergrens": None,
        "bovengrens": None,
        "decimalen": 0,
        "landelijk_waarde": None,
        "verschil": None,
        "significantie": None,
        "oordeel": None,
        "oordeel_grondslag": None,
        "vorige_peiljaar": None,
        "verandering": None,
        "bron": "CBS",
    }
    tabel = tabellen.overzicht_tabel(pl.DataFrame([{**overzicht, "eenheid": "aantal"}, {**overzicht, "eenheid": "%"}]))
    assert tabel["Landelijk"].to_list() == ["geen vergelijking (aantal)", "–"]


def test_tabel_bij_de_grafiek_van_een_registratie_zegt_significantie_niet_van_toepassing(ingebedde_db):
    """Bijstand per 1.000 inwoners 18+ (BBV), Dronten 2016: 28,2 tegen 41,3, 'beter dan landelijk' op het teken van
    het verschil; de tabel bij de grafiek zei 'Significantie: niet te zeggen'."""
    from kompas import gegevens
    from kompas.db import Leesverbinding
    from kompas.teksten import SIGNIFICANTIE_REGISTRATIE

    reeks = gegevens.reeks(Leesverbinding().cursor(), ["bijstand_per_1000_18plus"], ["GM0303"])
    tabel = tabellen.waarden_tabel(reeks)
    dronten = tabel.filter((pl.col("Regio") == "Dronten") & (pl.col("Peiljaar") == "2016"))
    assert dronten["Landelijk"].to_list() == ["41,3 per 1.000 inwoners 18+"]
    assert dronten["Significantie"].to_list() == [SIGNIFICANTIE_REGISTRATIE]


def test_rij_van_nederland_vergelijkt_zich_niet_met_zichzelf():
    """Onder de grafiek van problematische schulden (Kaders, Dronten) stond bij elke rij van Nederland 'Landelijk
    8,6%' naast 'Waarde 8,6%': Nederland naast zichzelf. Daar staat nu 'n.v.t.'; de gemeenten houden hun cijfer."""
    reeks = pl.concat(
        [
            _reeks("%", 20.0).with_columns(regio_soort=pl.lit("gemeente")),
            _reeks("%", 20.0)
            .head(1)
            .with_columns(regio_naam=pl.lit("Nederland"), regio_soort=pl.lit("land"), waarde=20.0),
        ]
    )
    tabel = tabellen.waarden_tabel(reeks)
    assert tabel["Regio"].to_list() == ["Dalfsen", "Dronten", "Nederland"]
    assert tabel["Landelijk"].to_list() == ["20%", "20%", "n.v.t."]
