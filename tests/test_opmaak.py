import datetime as dt

import polars as pl
import pytest

from kompas import opmaak


def test_getal_met_nederlandse_scheidingstekens():
    assert opmaak.getal(1234.5) == "1.234,5"
    assert opmaak.getal(405560, 0) == "405.560"
    assert opmaak.getal(0.05, 2) == "0,05"
    assert opmaak.getal(-1234567.891, 2) == "-1.234.567,89"


def test_getal_met_vaste_decimalen_is_precies_babel_met_het_nederlandse_patroon():
    import decimal
    import random

    from babel.numbers import format_decimal

    willekeurig = random.Random(15)
    waarden = [0.0, -0.0, 0.05, -0.05, 0.125, 2.675, 999.95, 9999.5, -2.5, 1e-9, 1e15, -1e15, 1e20, float("inf")]
    waarden += [willekeurig.uniform(-1e7, 1e7) for _ in range(2000)] + [
        willekeurig.uniform(-10, 10) for _ in range(2000)
    ]
    for decimalen in range(4):
        patroon = "#,##0" + ("." + "0" * decimalen if decimalen else "")
        for w in waarden:
            babel = format_decimal(decimal.Decimal(f"{w:.{decimalen}f}"), format=patroon, locale="nl_NL")
            assert opmaak.getal(w, decimalen) == babel, (w, decimalen)


def test_getal_zonder_vaste_decimalen_geen_wetenschappelijke_notatie():
    assert opmaak.getal(1234567, 0) == "1.234.567"
    assert opmaak.getal(1234567.0, None) == "1.234.567"  # niet '1,23457e+06'
    assert opmaak.getal(2.5, None) == "2,5"
    assert opmaak.getal(0.125, None) == "0,125"
    assert opmaak.getal(100, None) == "100"


@pytest.mark.parametrize(
    "tekst, getal",
    [
        ("3,7", 3.7),
        ("1.234", 1234.0),
        ("44.354", 44354.0),
        ("1.234,5", 1234.5),
        ("1.234.567", 1234567.0),
        ("1234,5", 1234.5),
        ("86", 86.0),
        ("-3", -3.0),
        ("+3", 3.0),
        ("1,234", 1.234),  # eigen regel: een komma is altijd de decimaalkomma
        ("1 234", 1234.0),
        ("1\u00a0234,5", 1234.5),  # spaties (ook harde) tellen niet
        ("−1,5", -1.5),  # het min-teken van opmaak.verschil
    ],
)
def test_lees_getal_nederlandse_notatie(tekst, getal):
    assert opmaak.lees_getal(tekst) == getal


@pytest.mark.parametrize("tekst", ["1.5", "2.5", "1234.5", "0.26", "12.34"])
def test_lees_getal_een_punt_die_geen_duizendtal_kan_zijn_is_dubbelzinnig(tekst):
    with pytest.raises(ValueError, match="dubbelzinnig") as fout:
        opmaak.lees_getal(tekst)
    assert f"'{tekst.replace('.', ',')}' voor een decimaal getal" in str(fout.value)


@pytest.mark.parametrize("tekst", ["veel", "", "NaN", "Infinity", "1E5", "12.34.567", "1.234,", "1,2,3", "86%"])
def test_lees_getal_weigert_wat_geen_getal_is(tekst):
    with pytest.raises(ValueError, match="geen getal"):
        opmaak.lees_getal(tekst)


def test_opmaak_en_lezen_zijn_elkaars_omgekeerde():
    for waarde in (1234567.0, 1234.5, 0.26, -3.75, 44354.0):
        assert opmaak.lees_getal(opmaak.getal(waarde, None)) == waarde
        assert opmaak.lees_getal(opmaak.verschil(waarde, "aantal", 2).lstrip("+")) == round(waarde, 2)


def test_ontbrekend_is_geen_nul():
    assert opmaak.getal(None) == "–"
    assert opmaak.getal(float("nan")) == "–"
    assert opmaak.met_eenheid(None, "%") == "geen gegevens"


def test_getal_met_eenheid_en_verschil_in_procentpunt_of_eigen_eenheid():
    assert opmaak.met_eenheid(12.34, "%") == "12,3%"
    assert opmaak.met_eenheid(2.9, "% huishoudens") == "2,9% (huishoudens)"
    assert opmaak.met_eenheid(28.2, "per 1.000 inwoners 18+") == "28,2 per 1.000 inwoners 18+"
    assert opmaak.met_eenheid(44354, "aantal", 0) == "44.354"
    assert opmaak.verschil(2.4, "%") == "+2,4 procentpunt"
    assert opmaak.verschil(-1.0, "per 1.000 inwoners") == "−1,0 per 1.000 inwoners"
    assert opmaak.verschil(0, "%") == "±0,0 procentpunt"


def test_datums_in_woorden_en_een_peildatum_zonder_verzonnen_dag():
    assert opmaak.datum(dt.date(2020, 10, 1)) == "1 oktober 2020"
    assert opmaak.peilmoment(2020, dt.date(2020, 10, 1)) == "stand 1 oktober 2020"
    assert opmaak.peilmoment(2023, None) == "2023"
    # de bron noemt alleen de maand: geen verzonnen dag (de database slaat de eerste van de maand op)
    assert opmaak.peilmoment(2017, dt.date(2017, 3, 1), "maand") == "stand maart 2017"
    assert opmaak.peildatum_tekst(dt.date(2017, 12, 1), "maand") == "december 2017"
    assert opmaak.peildatum_tekst(dt.date(2020, 10, 1)) == "1 oktober 2020"
    assert opmaak.moment(dt.datetime(2026, 11, 23, 14, 5)) == "23-11-2026 14:05"


def test_deel_filtert_op_gegeven_waarden_en_negeert_none():
    import polars as pl

    from kompas.tabellen import deel

    frame = pl.DataFrame({"indicator_code": ["a", "a", "b"], "leeftijd": ["18+", "65+", "18+"], "waarde": [1, 2, 3]})
    assert deel(frame, indicator_code="a")["waarde"].to_list() == [1, 2]
    assert deel(frame, indicator_code="a", leeftijd="65+")["waarde"].to_list() == [2]
    assert deel(frame, indicator_code="a", leeftijd=None)["waarde"].to_list() == [1, 2]
    assert deel(frame, indicator_code="c").is_empty()


def test_nulmeting_tekst_zonder_dubbel_jaar_en_met_upload():
    from kompas.teksten import nulmeting_tekst

    assert (
        nulmeting_tekst({"nulmeting_tekst": "82% (2017)", "nulmeting_jaar": 2017, "nulmeting_waarde": 82.0})
        == "82% (2017)"
    )
    assert nulmeting_tekst({"nulmeting_tekst": "26%", "nulmeting_jaar": 2019, "nulmeting_waarde": 26.0}) == "26% (2019)"
    assert nulmeting_tekst({"nulmeting_jaar": 2025}) == "nog geen waarde (2025)"
    assert nulmeting_tekst({}) == "geen nulmeting"
    assert (
        nulmeting_tekst(
            {
                "nulmeting_jaar": 2021,
                "nulmeting_waarde": 81.5,
                "eenheid": "%",
                "decimalen": 1,
                "nulmeting_herkomst": "upload: d.xlsx (23-11-2026)",
            }
        )
        == "81,5% (2021), upload: d.xlsx (23-11-2026)"
    )


def test_csv_voor_nederlandse_excel_met_bom_puntkomma_en_decimale_komma():
    import datetime as dt

    import polars as pl

    from kompas.tabellen import als_csv

    tabel = pl.DataFrame(
        {"Regio": ["Dalfsen"], "Waarde": [12.5], "Peildatum": [dt.date(2024, 1, 1)], "Bron": ["CEO; GWS4all"]}
    )
    tekst = als_csv(tabel).decode("utf-8")
    assert tekst.startswith("\ufeff")  # BOM: Excel leest de tekens (ë, –) goed
    assert tekst.splitlines()[1] == 'Dalfsen;12,5;01-01-2024;"CEO; GWS4all"'


def test_uploadtabellen_in_het_nederlands():
    from kompas.tabellen import meldingen_tabel, voorbeeld_tabel
    from loaders.excel_lezen import Melding

    m = meldingen_tabel([Melding(bestand="x.xlsx", probleem="Geen Excel-werkmap.", oplossing="Sla op als .xlsx.")])
    assert m.columns[:3] == ["Werkblad", "Rij", "Kolom"]
    assert m.row(0) == ("", "", "", "Geen Excel-werkmap.", "", "", "Sla op als .xlsx.")  # leeg, niet 'None'
    v = voorbeeld_tabel(
        [
            {
                "rij": 4,
                "kolom": "D",
                "gemeente_code": "GM0148",
                "indicator_code": "k",
                "peiljaar": 2023,
                "leeftijd": "totaal",
                "oude_waarde": None,
                "nieuwe_waarde": 81.5,
                "status": "nieuw",
            },
            {
                "rij": 2,
                "kolom": "D",
                "gemeente_code": "GM0148",
                "indicator_code": "k",
                "jaar": 2025,
                "oude_waarde": "minimaal 80%",
                "nieuwe_waarde": "minimaal 85%",
                "status": "gewijzigd",
            },
        ]
    )
    assert v.row(0, named=True) == {
        "Wat": "nieuw",
        "Rij": "4",
        "Kolom": "D",
        "Gemeente": "GM0148",
        "Indicator": "k",
        "Jaar": "2023",
        "Leeftijd": "totaal",
        "Nu": "",
        "Na de upload": "81,5",
    }
    assert v.row(1, named=True)["Jaar"] == "2025" and v.row(1, named=True)["Na de upload"] == "minimaal 85%"


def test_leesbaar_maakt_een_getypeerde_tabel_nederlands():
    import datetime as dt

    import polars as pl

    from kompas.tabellen import leesbaar

    tabel = pl.DataFrame(
        {
            "Peiljaar": [2020, 2023],
            "Peildatum": [dt.datetime(2020, 10, 1), None],
            "Waarde": [7.6, 1234.5],
            "Opgehaald": [dt.datetime(2026, 11, 23, 14, 5), None],
            "Getoond": [True, False],
            "Bron": ["CBS", None],
        }
    )
    assert leesbaar(tabel, 1).rows() == [
        ("2020", "1 oktober 2020", "7,6", "23-11-2026 14:05", "ja", "CBS"),
        ("2023", "", "1.234,5", "", "nee", ""),
    ]


def test_leesbaar_geeft_elke_cel_wat_tekst_per_cel_geeft_ook_bij_herhaalde_waarden():
    import datetime as dt

    import polars as pl

    from kompas.tabellen import _tekst, leesbaar

    tabel = pl.DataFrame(
        {
            "Getal": [0.0, -0.0, 7.25, None, 1234.56, 1234.56],
            "Jaar": [2020, 2020, None, 2021, 2021, -1],
            "Datum": [dt.date(2020, 10, 1), None, dt.date(2020, 10, 1), None, None, dt.date(2021, 1, 1)],
            "Moment": [dt.datetime(2026, 11, 23, 14, 5)] * 5 + [None],
            "Ja": [True, False, None, True, True, False],
            "Bron": ["CBS", "CBS", None, "RIVM", "", "CBS"],
            "Lijst": [["a"], ["a"], None, [], ["b", "c"], ["a"]],
        }
    )
    for decimalen in (None, 0, 1):
        verwacht = [tuple(_tekst(w, decimalen) for w in rij) for rij in tabel.rows()]
        assert leesbaar(tabel, decimalen).rows() == verwacht


def kaderrij(**anders) -> dict:
    """Een rij zoals `tabellen.kader_tabel` haar krijgt (marts/80): alles leeg, behalve wat de test zet."""
    return {
        "omschrijving": "Indicator",
        "eenheid": "%",
        "kader_eenheid": None,
        "laatste_waarde": None,
        "laatste_peiljaar": None,
        "laatste_peildatum": None,
        "decimalen": 0,
        "landelijk_waarde": None,
        "nulmeting_jaar": None,
        "nulmeting_waarde": None,
        "nulmeting_tekst": None,
        "streefwaarden": None,
        "status": None,
        "bron": None,
        "bron_genoemd": None,
    } | anders


def test_eenheid_van_de_registry_met_de_woorden_van_het_kader():
    from kompas.tabellen import kader_tabel
    from kompas.teksten import eenheid_tekst

    rij = {"eenheid": "per 1.000 inwoners", "kader_eenheid": "aantal (trend t.o.v. landelijk)"}
    assert eenheid_tekst(rij) == "per 1.000 inwoners (in het kader: aantal (trend t.o.v. landelijk))"
    assert eenheid_tekst({"eenheid": "%", "kader_eenheid": "%"}) == "%"
    assert eenheid_tekst({"eenheid": "%", "kader_eenheid": None}) == "%"
    rij = kaderrij(
        omschrijving="Wmo-verwijzingen",
        eenheid="per 1.000 inwoners",
        kader_eenheid="%",
        laatste_waarde=54.0,
        laatste_peiljaar=2016,
    )
    tabel = kader_tabel(pl.DataFrame([rij]))
    assert tabel["Eenheid"].to_list() == ["per 1.000 inwoners (in het kader: %)"]
    assert tabel["Laatste waarde"].to_list() == ["54 per 1.000 inwoners (2016)"]  # niet '54%'


def test_schone_tekst_haalt_stuurtekens_weg_en_laat_gewone_tekst_staan():
    from kompas.opmaak import schone_tekst

    assert schone_tekst("Dalfsen — 12,5%\tregel\nnieuw") == "Dalfsen — 12,5%\tregel\nnieuw"
    assert schone_tekst("a\x00b\x1b[31mc\x07\x9b") == "a\ufffdb\ufffd[31mc\ufffd\ufffd"
    assert schone_tekst("a\x1bb", zichtbaar=True) == "a[ESC]b"
    assert schone_tekst("\x00\x07\x01", zichtbaar=True) == "[NUL][BEL][U+0001]"


def test_excel_export_met_stuurtekens_in_opgeslagen_tekst():
    import io

    import openpyxl
    import polars as pl

    from kompas.tabellen import als_xlsx

    tabel = pl.DataFrame({"Bron": ["GWS\x004all", "stand\x1b[31m 31-12", "gewoon"], "Waarde": [1.5, 2.0, None]})
    from openpyxl.utils.escape import unescape

    blad = openpyxl.load_workbook(io.BytesIO(als_xlsx(tabel))).active  # faalt niet (IllegalCharacterError)
    # Excels eigen schrijfwijze voor stuurtekens (_x001B_): de tekst komt ongeschonden terug
    assert [unescape(blad.cell(r, 1).value) for r in range(2, 5)] == ["GWS\x004all", "stand\x1b[31m 31-12", "gewoon"]
    assert blad.cell(2, 2).value == 1.5


def test_als_tekst_breekt_elke_autolink():
    from kompas.weergave import als_tekst

    uit = als_tekst("https://example.invalid/x WWW.example.invalid naam@gemeente.invalid")
    assert "://" not in uit.replace("\\", "") and "WWW." not in uit.replace("\\", "") and "m@" not in uit
    assert (
        uit.replace("\\", "").replace("\u2060", "")
        == "https://example.invalid/x WWW.example.invalid naam@gemeente.invalid"
    )
