import datetime as dt

from kompas import opmaak


def test_getal_met_nederlandse_scheidingstekens():
    assert opmaak.getal(1234.5) == "1.234,5"
    assert opmaak.getal(405560, 0) == "405.560"
    assert opmaak.getal(0.05, 2) == "0,05"
    assert opmaak.getal(-1234567.891, 2) == "-1.234.567,89"


def test_ontbrekend_is_geen_nul():
    assert opmaak.getal(None) == "–"
    assert opmaak.getal(float("nan")) == "–"
    assert opmaak.met_eenheid(None, "%") == "geen gegevens"


def test_eenheden():
    assert opmaak.met_eenheid(12.34, "%") == "12,3%"
    assert opmaak.met_eenheid(2.9, "% huishoudens") == "2,9% (huishoudens)"
    assert opmaak.met_eenheid(28.2, "per 1.000 inwoners 18+") == "28,2 per 1.000 inwoners 18+"
    assert opmaak.met_eenheid(44354, "aantal", 0) == "44.354"
    assert opmaak.verschil(2.4, "%") == "+2,4 procentpunt"
    assert opmaak.verschil(-1.0, "per 1.000 inwoners") == "−1,0 per 1.000 inwoners"
    assert opmaak.verschil(0, "%") == "±0,0 procentpunt"


def test_datums():
    assert opmaak.datum(dt.date(2020, 10, 1)) == "1 oktober 2020"
    assert opmaak.peilmoment(2020, dt.date(2020, 10, 1)) == "stand 1 oktober 2020"
    assert opmaak.peilmoment(2023, None) == "2023"
    assert opmaak.moment(dt.datetime(2026, 11, 23, 14, 5)) == "23-11-2026 14:05"
