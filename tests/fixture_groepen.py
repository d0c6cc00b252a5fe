"""Testdatabase voor de vergelijkingsgroepen: acht testgemeenten met inwoners en cijfers die met de hand na te
rekenen zijn. DEZE GEMEENTEN EN CIJFERS ZIJN VERZONNEN (codes GM99xx, namen 'Testgemeente ...') en leven alleen in
tests/. Het echte schema, de echte registry en de echte data/vergelijkingsgroepen.toml (grootteklassen, minimum 5).

Inwoners 2023 (grootteklasse 20.000 tot 50.000: A t/m F; G precies 50.000: de klasse erboven; H heeft in 2023
geen inwonertal en zit dat jaar dus in geen enkele grootteklasse):
    A 21.000  B 25.000  C 30.000  D 35.000  E 40.000  F 45.000  G 50.000  H -
Ervaren gezondheid 18+ 2023 (goede richting hoger): A 70  B 80  C 75  D 90  E 85  F 60  G 50  H 65
    (A heeft ook 99 uit een gepubliceerd document: geen voorkeursbron, telt niet mee)
    klasse 20.000-50.000: 60 70 75 80 85 90 -> n 6, mediaan 77,5, q1 71,25, q3 83,75; rang D 1 ... F 6
Moeite met rondkomen 18+ 2023 (goede richting lager): A 10  B 20  C 15  D 5  F 30 (E geen cijfer)
    5 10 15 20 30 -> n 5 (= het minimum: band), mediaan 15, q1 10, q3 20; rang D 1, A 2, C 3, B 4, F 5
Eenzaam 65+ 2023: A 40  B 45  C 50 -> n 3: onder het minimum, geen band
2022 (voor de grafiek): dezelfde inwoners, H 22.000; ervaren gezondheid A 68 B 78 C 74 D 88 E 84 F 62.
"""

from __future__ import annotations

from pathlib import Path

from kompas.db import schrijf_transactie
from loaders.ingebed import laad_referentie

GEMEENTEN = {
    # code: (naam, kleur, vorm)
    "GM9901": ("Testgemeente A", "#CC79A7", "square"),
    "GM9902": ("Testgemeente B", "#56B4E9", "diamond"),
    "GM9903": ("Testgemeente C", "#D55E00", "triangle-up"),
    "GM9904": ("Testgemeente D", "#F0E442", "triangle-left"),
    "GM9905": ("Testgemeente E", "#0072B2", "triangle-right"),
    "GM9906": ("Testgemeente F", "#E69F00", "circle"),
    "GM9907": ("Testgemeente G", "#009E73", "cross"),
    "GM9908": ("Testgemeente H", "#000000", "circle"),
}
A, B, C, D, E, F, G, H = GEMEENTEN
FOCUS = (A, G)  # naast de drie echte: Vergelijken toont ze standaard (A met band, G alleen in haar klasse)

INWONERS_2023 = {A: 21000, B: 25000, C: 30000, D: 35000, E: 40000, F: 45000, G: 50000}
INWONERS_2022 = {**INWONERS_2023, H: 22000}
GEZONDHEID_2023 = {A: 70.0, B: 80.0, C: 75.0, D: 90.0, E: 85.0, F: 60.0, G: 50.0, H: 65.0}
GEZONDHEID_2022 = {A: 68.0, B: 78.0, C: 74.0, D: 88.0, E: 84.0, F: 62.0}
RONDKOMEN_2023 = {A: 10.0, B: 20.0, C: 15.0, D: 5.0, F: 30.0}
EENZAAM_2023 = {A: 40.0, B: 45.0, C: 50.0}

HERKOMST = [
    ("test:cbs-groep", "CBS StatLine", "CBS", "Kerncijfers (test)", "T1", "https://example.invalid/T1"),
    ("test:rivm-groep", "RIVM StatLine", "RIVM", "Gezondheidsmonitor (test)", "G", "https://example.invalid/G"),
    ("test:doc-groep", "gepubliceerd document", "Gemeente (test)", "Document", None, "https://example.invalid/D"),
]


def _rijen() -> list[tuple]:
    rijen = []
    for jaar, inwoners in ((2022, INWONERS_2022), (2023, INWONERS_2023)):
        rijen += [("inwoners", code, jaar, "totaal", w, "test:cbs-groep") for code, w in inwoners.items()]
    for indicator, jaar, leeftijd, reeks in (
        ("ervaren_gezondheid_pct", 2023, "18+", GEZONDHEID_2023),
        ("ervaren_gezondheid_pct", 2022, "18+", GEZONDHEID_2022),
        ("moeite_met_rondkomen_pct", 2023, "18+", RONDKOMEN_2023),
        ("eenzaam_pct", 2023, "65+", EENZAAM_2023),
    ):
        rijen += [(indicator, regio, jaar, leeftijd, w, "test:rivm-groep") for regio, w in reeks.items()]
    rijen.append(("ervaren_gezondheid_pct", A, 2023, "18+", 99.0, "test:doc-groep"))  # geen voorkeursbron
    return rijen


def bouw_groepen(pad: Path) -> Path:
    """Bouwt de testdatabase op `pad` via de enige schrijfweg (schrijf_transactie), met een kader voor
    Testgemeente A (ervaren gezondheid) voor de pagina Kaders."""
    with schrijf_transactie(pad) as con:
        laad_referentie(con)
        con.executemany(
            "insert into regio (regio_code, regio_naam, soort, volgorde, kleur, vorm, focus)"
            " values (?, ?, 'gemeente', ?, ?, ?, ?)",
            [
                (code, naam, 100 + i, kleur, vorm, code in FOCUS)
                for i, (code, (naam, kleur, vorm)) in enumerate(GEMEENTEN.items())
            ],
        )
        con.executemany(
            "insert into herkomst (herkomst_id, soort, bron, titel, tabel_id, adres, opgehaald_op, licentie)"
            " values (?, ?, ?, ?, ?, ?, timestamp '2025-01-01', 'CC BY 4.0')",
            HERKOMST,
        )
        con.executemany(
            "insert into waarneming (indicator_code, regio_code, peiljaar, leeftijd, waarde, herkomst_id)"
            " values (?, ?, ?, ?, ?, ?)",
            _rijen(),
        )
        con.execute(
            "insert into kader (kader_id, gemeente_code, document, niveau, naam, volgorde)"
            " values ('GM9901-k1', 'GM9901', 'Testkader (verzonnen)', 'kader', 'Gezond leven', 1)"
        )
        con.execute(
            "insert into doel (doel_id, kader_id, naam, volgorde) values ('GM9901-d1', 'GM9901-k1', 'Gezond', 1)"
        )
        con.execute(
            "insert into kader_indicator (kader_indicator_id, doel_id, gemeente_code, omschrijving, indicator_code,"
            " leeftijd, volgorde) values ('GM9901-i1', 'GM9901-d1', 'GM9901', 'Inwoners voelen zich gezond',"
            " 'ervaren_gezondheid_pct', '18+', 1)"
        )
    return pad
