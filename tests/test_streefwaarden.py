"""Streefwaarden lezen zoals beleidsmedewerkers ze schrijven (kompas.streefwaarden)."""

from __future__ import annotations

import pytest

from kompas.streefwaarden import Streefwaarde, parse_nulmeting, parse_streefwaarde


@pytest.mark.parametrize(
    ("tekst", "soort", "waarde", "strikt"),
    [
        ("86%", "punt", 86.0, False),
        ("86 %", "punt", 86.0, False),
        ("240", "punt", 240.0, False),
        ("3,7%", "punt", 3.7, False),
        ("Twee kernen", "punt", 2.0, False),
        ("minimaal 85%", "minimaal", 85.0, False),
        ("Minimaal 85 procent", "minimaal", 85.0, False),
        ("minstens 15", "minimaal", 15.0, False),
        ("minimaal een 7", "minimaal", 7.0, False),
        ("≥ 85%", "minimaal", 85.0, False),
        (">30%", "minimaal", 30.0, True),
        ("> 30 %", "minimaal", 30.0, True),
        ("hoger dan 74%", "minimaal", 74.0, True),
        ("maximaal 25%", "maximaal", 25.0, False),
        ("maximaal 3,7%", "maximaal", 3.7, False),
        ("niet meer dan 25%", "maximaal", 25.0, False),
        ("<= 25%", "maximaal", 25.0, False),
        ("minder dan 10", "maximaal", 10.0, True),
    ],
)
def test_niveau_streefwaarde_geeft_soort_waarde_en_strengheid(tekst, soort, waarde, strikt):
    s = parse_streefwaarde(tekst)
    assert (s.soort, s.waarde, s.strikt) == (soort, waarde, strikt)
    assert s.tekst == tekst


@pytest.mark.parametrize(
    ("tekst", "onder", "boven"),
    [
        ("65-70%", 65.0, 70.0),
        ("65% - 70 %", 65.0, 70.0),
        ("65–70%", 65.0, 70.0),
        ("2 a 3", 2.0, 3.0),
        ("2 à 3", 2.0, 3.0),
        ("4 a 5 (jaarlijks)", 4.0, 5.0),
        ("tussen 65 en 70%", 65.0, 70.0),
        ("12,5-15,5%", 12.5, 15.5),
    ],
)
def test_band_streefwaarde_geeft_onder_en_bovengrens(tekst, onder, boven):
    assert parse_streefwaarde(tekst) == Streefwaarde(soort="band", ondergrens=onder, bovengrens=boven, tekst=tekst)


@pytest.mark.parametrize(
    ("tekst", "richting"),
    [
        ("stijging", "stijging"),
        ("Stijgt", "stijging"),
        ("toename", "stijging"),
        ("daling", "daling"),
        ("afgenomen", "daling"),
        ("vermindering", "daling"),
        ("gelijk blijven", "gelijk"),
        ("gelijk gebleven.", "gelijk"),
        ("Gelijk", "gelijk"),
    ],
)
def test_richting_streefwaarde_heeft_een_richting_en_geen_waarde(tekst, richting):
    s = parse_streefwaarde(tekst)
    assert (s.soort, s.richting, s.waarde) == ("richting", richting, None)


def test_streefwaarde_leest_nederlandse_notatie_en_telwoorden():
    assert parse_streefwaarde("3,7").waarde == 3.7
    assert parse_streefwaarde("1.234").waarde == 1234.0
    assert parse_streefwaarde("minimaal 44.354").waarde == 44354.0
    assert parse_streefwaarde("1.234,5").waarde == 1234.5
    assert parse_streefwaarde("15,3 %").waarde == 15.3
    assert parse_streefwaarde("twee kernen").waarde == 2.0


def test_engelse_decimaalpunt_is_dubbelzinnig():
    # '2.5' kan 2,5 zijn (Engelse notatie) of een tikfout in 2.500: niet raden (een getalcel uit Excel
    # komt niet als tekst hier, zie loaders/excel_validatie)
    with pytest.raises(ValueError, match="dubbelzinnig.*'2,5' voor een decimaal getal"):
        parse_streefwaarde("2.5")


@pytest.mark.parametrize(
    "tekst",
    ["bijna 30%", "minimaal 5% lagere zorgkosten", "conform de landelijke trend", "", "   ", "30% ongeveer", "85%%"],
)
def test_onherkenbare_tekst_geeft_nederlandse_fout(tekst):
    with pytest.raises(ValueError, match="(niet herkend|Lege streefwaarde)") as fout:
        parse_streefwaarde(tekst)
    assert "Verwacht bijvoorbeeld" in str(fout.value)


def test_band_verkeerd_om_wordt_geweigerd():
    with pytest.raises(ValueError, match="ondergrens"):
        parse_streefwaarde("70-65%")


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("82% (2017)", (82.0, 2017)),
        ("26%", (26.0, None)),
        ("125", (125.0, None)),
        ("2017", (None, 2017)),
        ("", (None, None)),
        ("84 % ( 2017 )", (84.0, 2017)),
        ("3,5%", (3.5, None)),
    ],
)
def test_nulmeting_geeft_waarde_en_jaar_of_ontbrekend(tekst, verwacht):
    assert parse_nulmeting(tekst) == verwacht


def test_nulmeting_die_geen_waarde_is():
    with pytest.raises(ValueError, match="Nulmeting 'minimaal 5%' niet herkend"):
        parse_nulmeting("minimaal 5%")


def test_geschreven_decimalen_telt_de_cijfers_na_de_komma_van_de_tekst():
    from kompas.streefwaarden import geschreven_decimalen

    assert geschreven_decimalen("85%") == 0
    assert geschreven_decimalen("3,7%") == 1
    assert geschreven_decimalen("1.234") == 0  # duizendtallen, geen decimalen
    assert geschreven_decimalen("1.234,56") == 2
    assert geschreven_decimalen("65-70,5%") == 1  # een band: de meeste van de twee grenzen
    assert geschreven_decimalen("82% (2017)") == 0  # een nulmeting met haar jaar
    assert geschreven_decimalen("Twee kernen") == 0
    # geen getal: dan gelden de decimalen van de indicator
    assert geschreven_decimalen("2017") is None  # alleen een nulmetingsjaar
    assert geschreven_decimalen("daling") is None
    assert geschreven_decimalen("bijna 30%") is None
    assert geschreven_decimalen(None) is None and geschreven_decimalen("") is None
