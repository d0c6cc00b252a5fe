"""De statusregel (kompas.status) op de randgevallen."""

from __future__ import annotations

import pytest

from kompas.status import (
    GEEN_METING,
    GEEN_METING_NA_NULMETING,
    GEEN_STREEFWAARDE,
    GEEN_VERTREKPUNT,
    NIET_OP_KOERS,
    NIET_TE_BEOORDELEN,
    OP_KOERS,
    RISICO,
    Beoordeling,
    beoordeel,
    beoordeling,
    kies_streefwaarde,
    standaard_marge,
    status_doel,
)
from kompas.streefwaarden import parse_streefwaarde as p


def test_geen_waarde_of_geen_streefwaarde_is_geen_gegevens():
    assert beoordeel(p("86%"), None, 84.0, "hoger", eenheid="%") == NIET_TE_BEOORDELEN
    assert beoordeel(None, 90.0, 84.0, "hoger", eenheid="%") == NIET_TE_BEOORDELEN


def test_niet_te_beoordelen_zegt_waarom():
    """Drie gevallen die een wethouder uit elkaar moet kunnen houden (issue 10, punt 6)."""
    assert beoordeling(None, 90.0, 84.0, "hoger", eenheid="%") == Beoordeling(NIET_TE_BEOORDELEN, GEEN_STREEFWAARDE)
    assert beoordeling(None, None, None, "hoger") == Beoordeling(NIET_TE_BEOORDELEN, GEEN_STREEFWAARDE)
    assert beoordeling(p("86%"), None, 84.0, "hoger", eenheid="%") == Beoordeling(NIET_TE_BEOORDELEN, GEEN_METING)
    assert beoordeling(p("minimaal 85%"), 90.0, None, "hoger", laatste_jaar=2025, nulmeting_jaar=2025) == Beoordeling(
        NIET_TE_BEOORDELEN, GEEN_METING_NA_NULMETING
    )
    assert beoordeling(p("daling"), 7.0, None, "lager", eenheid="%") == Beoordeling(
        NIET_TE_BEOORDELEN, GEEN_VERTREKPUNT
    )
    # waar een gerealiseerde waarde en een streefwaarde zijn, wordt de status berekend, zonder reden
    assert beoordeling(p("86%"), 88.0, 84.0, "hoger", eenheid="%") == Beoordeling(OP_KOERS, None)


def test_alleen_een_nulmeting_is_geen_gegevens():
    # De enige waarde is de nulmeting zelf (Dronten: 2025 is nulmeting).
    assert beoordeel(p("stijging"), 40.0, 40.0, "hoger", laatste_jaar=2025, nulmeting_jaar=2025) == NIET_TE_BEOORDELEN
    assert (
        beoordeel(p("minimaal 85%"), 90.0, None, "hoger", laatste_jaar=2025, nulmeting_jaar=2025) == NIET_TE_BEOORDELEN
    )
    # Nulmeting met alleen een jaar en geen latere waarde
    assert beoordeel(p(">30%"), None, None, "hoger", nulmeting_jaar=2017) == NIET_TE_BEOORDELEN


def test_puntdoel_volgt_de_goede_richting():
    # 86% cliënttevredenheid, hoger is beter: 88% is op koers, 85% risico, 80% niet op koers
    assert beoordeel(p("86%"), 88.0, 84.0, "hoger", eenheid="%") == OP_KOERS
    assert beoordeel(p("86%"), 85.0, 84.0, "hoger", eenheid="%") == RISICO
    assert beoordeel(p("86%"), 80.0, 84.0, "hoger", eenheid="%") == NIET_OP_KOERS
    # 25% langdurig in de uitkering, lager is beter
    assert beoordeel(p("25%"), 24.0, 26.0, "lager", eenheid="%") == OP_KOERS
    assert beoordeel(p("25%"), 28.0, 26.0, "lager", eenheid="%") == NIET_OP_KOERS
    # neutraal: dichtbij is goed, in beide richtingen
    assert beoordeel(p("100"), 95.0, None, "neutraal", eenheid="aantal") == OP_KOERS
    assert beoordeel(p("100"), 115.0, None, "neutraal", eenheid="aantal") == RISICO
    assert beoordeel(p("100"), 125.0, None, "neutraal", eenheid="aantal") == NIET_OP_KOERS


def test_minimaal_en_maximaal_op_de_grens():
    assert beoordeel(p("minimaal 85%"), 85.0, None, "hoger", eenheid="%") == OP_KOERS
    assert beoordeel(p("minimaal 85%"), 83.0, None, "hoger", eenheid="%") == RISICO  # precies 2 punt achter
    assert beoordeel(p("minimaal 85%"), 82.9, None, "hoger", eenheid="%") == NIET_OP_KOERS
    assert beoordeel(p("maximaal 25%"), 25.0, None, "lager", eenheid="%") == OP_KOERS
    assert beoordeel(p("maximaal 25%"), 27.0, None, "lager", eenheid="%") == RISICO
    assert beoordeel(p("maximaal 25%"), 27.5, None, "lager", eenheid="%") == NIET_OP_KOERS
    # strikt: precies op de grens is niet gehaald
    assert beoordeel(p(">30%"), 30.0, None, "hoger", eenheid="%") == RISICO
    assert beoordeel(p(">30%"), 30.1, None, "hoger", eenheid="%") == OP_KOERS
    assert beoordeel(p("hoger dan 74%"), 74.0, None, "hoger", eenheid="%") == RISICO


def test_marge_voor_aantallen_is_tien_procent_van_de_streefwaarde():
    assert standaard_marge("aantal", 240) == pytest.approx(24.0)
    assert standaard_marge("% huishoudens", 7.7) == 2.0
    assert beoordeel(p("240"), 220.0, 125.0, "hoger", eenheid="aantal") == RISICO
    assert beoordeel(p("240"), 210.0, 125.0, "hoger", eenheid="aantal") == NIET_OP_KOERS
    assert beoordeel(p("240"), 210.0, 125.0, "hoger", eenheid="aantal", marge=40) == RISICO


def test_band_is_op_koers_binnen_de_grenzen_en_daarbuiten_risico_of_niet_op_koers():
    assert beoordeel(p("65-70%"), 65.0, None, "neutraal", eenheid="%") == OP_KOERS
    assert beoordeel(p("65-70%"), 70.0, None, "neutraal", eenheid="%") == OP_KOERS
    assert beoordeel(p("65-70%"), 63.5, None, "neutraal", eenheid="%") == RISICO
    assert beoordeel(p("65-70%"), 72.5, None, "neutraal", eenheid="%") == NIET_OP_KOERS
    assert beoordeel(p("2 a 3"), 3.0, None, "hoger", eenheid="aantal") == OP_KOERS
    assert beoordeel(p("2 a 3"), 1.0, None, "hoger", eenheid="aantal") == NIET_OP_KOERS


def test_richting_op_de_trend_sinds_de_nulmeting():
    daling = p("afgenomen")
    assert beoordeel(daling, 44.0, 47.1, "lager", eenheid="%") == OP_KOERS
    assert beoordeel(daling, 47.1, 47.1, "lager", eenheid="%") == RISICO  # geen beweging
    assert beoordeel(daling, 48.5, 47.1, "lager", eenheid="%") == RISICO
    assert beoordeel(daling, 50.0, 47.1, "lager", eenheid="%") == NIET_OP_KOERS
    stijging = p("stijging")
    assert beoordeel(stijging, 130.0, 100.0, "hoger", eenheid="aantal") == OP_KOERS
    assert beoordeel(stijging, 95.0, 100.0, "hoger", eenheid="aantal") == RISICO
    assert beoordeel(stijging, 80.0, 100.0, "hoger", eenheid="aantal") == NIET_OP_KOERS


def test_richting_zonder_nulmeting_gebruikt_de_eerste_waarde():
    assert beoordeel(p("daling"), 7.0, None, "lager", eerste_waarde=8.8, eenheid="%") == OP_KOERS
    assert beoordeel(p("daling"), 7.0, None, "lager", eenheid="%") == NIET_TE_BEOORDELEN


def test_gelijk_blijven_houdt_rekening_met_goede_richting():
    gelijk = p("gelijk gebleven")
    assert beoordeel(gelijk, 21.0, 20.0, "lager", eenheid="%") == OP_KOERS  # binnen de marge
    assert beoordeel(gelijk, 15.0, 20.0, "lager", eenheid="%") == OP_KOERS  # beter dan gevraagd
    assert beoordeel(gelijk, 23.0, 20.0, "lager", eenheid="%") == RISICO
    assert beoordeel(gelijk, 25.0, 20.0, "lager", eenheid="%") == NIET_OP_KOERS
    assert beoordeel(gelijk, 25.0, 20.0, "hoger", eenheid="%") == OP_KOERS
    assert beoordeel(gelijk, 15.0, 20.0, "neutraal", eenheid="%") == NIET_OP_KOERS


def test_onbekende_goede_richting_wordt_geweigerd():
    with pytest.raises(ValueError, match="goede_richting"):
        beoordeel(p("86%"), 80.0, None, "omhoog")


def test_streefwaarde_van_het_laatste_eerdere_jaar_geldt_en_ervoor_de_eerste():
    reeks = [(2020, p("86%")), (2021, p("88%")), (2023, p("89%"))]
    assert kies_streefwaarde(reeks, 2021).waarde == 88.0
    assert kies_streefwaarde(reeks, 2022).waarde == 88.0  # laatste eerdere doel blijft gelden
    assert kies_streefwaarde(reeks, 2025).waarde == 89.0
    assert kies_streefwaarde(reeks, 2018).waarde == 86.0  # vóór de looptijd: eerstvolgende doel
    assert kies_streefwaarde([(None, p("maximaal 25%"))], 2024).waarde == 25.0
    assert kies_streefwaarde([], 2024) is None


def test_doelstatus_is_de_slechtste_beoordeelde_status():
    assert status_doel([OP_KOERS, RISICO, NIET_TE_BEOORDELEN]) == RISICO
    assert status_doel([OP_KOERS, NIET_OP_KOERS, RISICO]) == NIET_OP_KOERS
    assert status_doel([OP_KOERS, NIET_TE_BEOORDELEN]) == OP_KOERS
    assert status_doel([NIET_TE_BEOORDELEN, NIET_TE_BEOORDELEN]) == NIET_TE_BEOORDELEN
    assert status_doel([]) == NIET_TE_BEOORDELEN
    with pytest.raises(ValueError, match="onbekend"):
        status_doel(["groen"])
