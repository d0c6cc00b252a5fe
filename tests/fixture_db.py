"""Kleine testdatabase voor de queries: het echte schema en de echte registry/regio's (uit data/), met een
handvol met de hand geschreven cijfers. DEZE CIJFERS ZIJN VERZONNEN en leven alleen in tests/.

De verwachte uitkomsten in tests/test_queries*.py zijn met de hand uit deze rijen afgeleid.
Regio's: GM0148 (veel gegevens), GM0303 (bronvoorkeur, definitiebreuk), GM1876 (niets), GG1009, NL01.
"""

from __future__ import annotations

from pathlib import Path

from kompas.db import schrijf_transactie
from loaders.ingebed import laad_referentie

HERKOMST = [
    # herkomst_id, soort, bron, titel, tabel_id, adres, opgehaald_op, licentie
    (
        "test:cbs-T1",
        "CBS StatLine",
        "CBS",
        "Kerncijfers (test)",
        "T1",
        "https://example.invalid/T1",
        "2025-01-01",
        "CC BY 4.0",
    ),
    (
        "test:rivm-G",
        "RIVM StatLine",
        "RIVM",
        "Gezondheidsmonitor (test)",
        "G",
        "https://example.invalid/G",
        "2025-01-01",
        "CC BY 4.0",
    ),
    (
        "test:doc-A",
        "gepubliceerd document",
        "Gemeente (test)",
        "Document A",
        None,
        "https://example.invalid/A",
        "2025-01-01",
        "openbare publicatie",
    ),
    (
        "test:upload-1",
        "upload",
        "gemeente Dronten",
        "upload.xlsx",
        None,
        "upload.xlsx",
        "2025-02-01",
        "eigen registratie gemeente",
    ),
    # bronfamilies (trendbreuk): de Gezondheidsmonitor uit een andere tabel en uit een document is dezelfde meting;
    # bron van de RIVM-tabel zoals data/cbs_tabellen.toml die schrijft (tests/test_queries.py controleert dat)
    (
        "test:rivm-50120NED",
        "RIVM StatLine",
        "RIVM; GGD'en, CBS en RIVM (Gezondheidsmonitor Volwassenen en Ouderen)",
        "Gezondheid per wijk en buurt (test)",
        "50120NED",
        "https://example.invalid/50120NED",
        "2025-01-01",
        "CC BY 4.0",
    ),
    (
        "test:doc-GM",
        "gepubliceerd document",
        "Gezondheidsmonitor Volwassenen en Ouderen 2022 via VZinfo (test)",
        "VZinfo (test)",
        None,
        "https://example.invalid/GM",
        "2025-01-01",
        "openbare publicatie",
    ),
]

# indicator_code, regio_code, peiljaar, peildatum, leeftijd, waarde, ondergrens, bovengrens, herkomst_id
WAARNEMINGEN = [
    # bijstand: tellingen waaruit bijstand_per_1000 wordt berekend
    ("bijstand_personen", "GM0148", 2023, None, "totaal", 300, None, None, "test:cbs-T1"),
    ("inwoners", "GM0148", 2023, None, "totaal", 30000, None, None, "test:cbs-T1"),
    ("inwoners", "GM0148", 2023, None, "totaal", 31000, None, None, "test:doc-A"),  # geen voorkeur
    ("bijstand_personen", "GM0148", 2022, None, "totaal", 330, None, None, "test:cbs-T1"),
    ("inwoners", "GM0148", 2022, None, "totaal", 30000, None, None, "test:cbs-T1"),
    ("bijstand_personen", "GM0148", 2021, None, "totaal", 270, None, None, "test:cbs-T1"),  # geen inwoners
    ("bijstand_personen", "NL01", 2023, None, "totaal", 450000, None, None, "test:cbs-T1"),
    ("inwoners", "NL01", 2023, None, "totaal", 18000000, None, None, "test:cbs-T1"),
    # GM0303: gepubliceerd cijfer gaat voor; de tellingen zouden 12,5 geven
    ("bijstand_personen", "GM0303", 2023, None, "totaal", 500, None, None, "test:cbs-T1"),
    ("inwoners", "GM0303", 2023, None, "totaal", 40000, None, None, "test:cbs-T1"),
    ("bijstand_per_1000", "GM0303", 2023, None, "totaal", 13.0, None, None, "test:doc-A"),
    # andere definitie, eigen reeks
    ("bijstand_per_10000", "GM0148", 2023, None, "totaal", 95.0, None, None, "test:doc-A"),
    # enquête met intervallen
    ("ervaren_gezondheid_pct", "NL01", 2020, None, "18+", 80.0, 79.0, 81.0, "test:rivm-G"),
    ("ervaren_gezondheid_pct", "GM0148", 2020, None, "18+", 83.0, 81.0, 85.0, "test:rivm-G"),  # raakt
    ("ervaren_gezondheid_pct", "GG1009", 2020, None, "18+", 83.0, 81.1, 84.9, "test:rivm-G"),  # hoger
    ("ervaren_gezondheid_pct", "GM0303", 2020, None, "18+", 76.0, 74.0, 78.9, "test:rivm-G"),  # lager
    ("ervaren_gezondheid_pct", "NL01", 2016, None, "19+", 75.0, None, None, "test:rivm-G"),
    ("ervaren_gezondheid_pct", "GM0148", 2016, None, "19+", 70.0, 68.0, 72.0, "test:rivm-G"),
    ("ervaren_gezondheid_pct", "NL01", 2024, None, "18+", 82.0, None, None, "test:rivm-G"),
    ("ervaren_gezondheid_pct", "GM0148", 2024, None, "18+", 84.0, 82.0, 86.0, "test:rivm-G"),  # op de grens
    # problematische schulden: bronvoorkeur, landelijk uit dezelfde bron, peildatum
    ("problematische_schulden_pct", "GM0303", 2023, None, "totaal", 7.0, None, None, "test:doc-A"),
    ("problematische_schulden_pct", "GM0303", 2023, None, "totaal", 7.5, None, None, "test:upload-1"),
    ("problematische_schulden_pct", "NL01", 2023, None, "totaal", 8.0, None, None, "test:doc-A"),
    ("problematische_schulden_pct", "NL01", 2023, None, "totaal", 8.2, None, None, "test:cbs-T1"),
    ("problematische_schulden_pct", "GM0148", 2020, "2020-10-01", "totaal", 3.0, None, None, "test:doc-A"),
    ("problematische_schulden_pct", "NL01", 2020, "2020-01-01", "totaal", 7.9, None, None, "test:doc-A"),
    ("problematische_schulden_pct", "NL01", 2020, "2020-10-01", "totaal", 7.6, None, None, "test:doc-A"),
    # trendbreuk: mantelzorgers in Dronten uit vier herkomsten, drie bronfamilies (zie test_queries.py)
    ("mantelzorger_pct", "GM0303", 2020, None, "18+", 14.0, 13.0, 15.0, "test:rivm-G"),
    ("mantelzorger_pct", "GM0303", 2022, None, "18+", 15.0, None, None, "test:doc-GM"),  # zelfde familie
    ("mantelzorger_pct", "GM0303", 2023, None, "18+", 20.0, None, None, "test:doc-A"),  # gemeentedocument
    ("mantelzorger_pct", "GM0303", 2024, None, "18+", 16.0, 15.0, 17.0, "test:rivm-50120NED"),  # terug: breuk
    ("mantelzorger_pct", "GM0303", 2025, None, "18+", 17.0, None, None, "test:upload-1"),  # upload: breuk
    ("mantelzorger_pct", "NL01", 2020, None, "18+", 15.0, 14.8, 15.2, "test:rivm-G"),
    ("mantelzorger_pct", "NL01", 2024, None, "18+", 15.5, 15.3, 15.7, "test:rivm-50120NED"),
    # enquête zonder interval
    ("eenzaam_pct", "GM0303", 2022, None, "65+", 47.1, None, None, "test:doc-A"),
    ("eenzaam_pct", "NL01", 2022, None, "65+", 48.6, None, None, "test:doc-A"),
]

KADERS = [("GM0148-k1", "GM0148", "Testkader", "kader", "Meedoen", 1)]
DOELEN = [
    ("GM0148-d1", "GM0148-k1", "Minder armoede, gezonder", 1),
    ("GM0148-d2", "GM0148-k1", "Eigen doel", 2),
    ("GM0148-d3", "GM0148-k1", "Doel zonder indicatoren", 3),
    ("GM0148-d4", "GM0148-k1", "Eenheid van het kader wijkt af", 4),
]
# kader_indicator_id, doel_id, omschrijving, indicator_code, leeftijd, eenheid (zoals het kader die noemt),
# nulmeting_jaar, nulmeting_waarde, volgorde
KADER_INDICATOREN = [
    (
        "GM0148-i1",
        "GM0148-d1",
        "Bijstand per 1.000",
        "bijstand_per_1000",
        None,
        "aantal (trend t.o.v. landelijk)",
        2022,
        None,
        1,
    ),
    ("GM0148-i2", "GM0148-d1", "Inwoners voelen zich gezond", "ervaren_gezondheid_pct", "18+", None, 2020, 80.0, 2),
    ("GM0148-i3", "GM0148-d2", "Tevredenheid over het loket", None, None, None, None, None, 1),
    # het kader zegt '%', de registry-indicator is per 1.000 inwoners (zoals Wmo-cliënten in Bronckhorst)
    ("GM0148-i4", "GM0148-d4", "Percentage in de bijstand", "bijstand_per_1000", None, "%", None, None, 1),
]
# kader_indicator_id, jaar, tekst, soort, waarde
STREEFWAARDEN = [
    ("GM0148-i1", 2026, "maximaal 10", "maximaal", 10.0),
    ("GM0148-i2", 2024, ">84%", "minimaal", 84.0),
    ("GM0148-i2", 2026, "minimaal 85%", "minimaal", 85.0),
    ("GM0148-i4", 2026, "maximaal 9", "maximaal", 9.0),
]


def bouw_fixture(pad: Path) -> Path:
    """Bouwt de testdatabase op `pad` via de enige schrijfweg (schrijf_transactie)."""
    with schrijf_transactie(pad) as con:
        laad_referentie(con)
        con.executemany(
            "insert into herkomst (herkomst_id, soort, bron, titel, tabel_id, adres, opgehaald_op, licentie)"
            " values (?, ?, ?, ?, ?, ?, cast(? as timestamp), ?)",
            HERKOMST,
        )
        con.executemany(
            "insert into waarneming (indicator_code, regio_code, peiljaar, peildatum, leeftijd, waarde,"
            " ondergrens, bovengrens, herkomst_id) values (?, ?, ?, cast(? as date), ?, ?, ?, ?, ?)",
            WAARNEMINGEN,
        )
        con.executemany(
            "insert into kader (kader_id, gemeente_code, document, niveau, naam, volgorde) values (?, ?, ?, ?, ?, ?)",
            KADERS,
        )
        con.executemany("insert into doel (doel_id, kader_id, naam, volgorde) values (?, ?, ?, ?)", DOELEN)
        con.executemany(
            "insert into kader_indicator (kader_indicator_id, doel_id, gemeente_code, omschrijving, indicator_code,"
            " leeftijd, eenheid, nulmeting_jaar, nulmeting_waarde, volgorde) values (?, ?, 'GM0148', ?, ?, ?, ?, ?, ?, ?)",
            KADER_INDICATOREN,
        )
        con.executemany(
            "insert into streefwaarde (kader_indicator_id, jaar, tekst, soort, waarde) values (?, ?, ?, ?, ?)",
            STREEFWAARDEN,
        )
    return pad
