"""Streefwaarden en nulmetingen lezen zoals beleidsmedewerkers ze schrijven.

Pure functies zonder database of bestanden; de kaderloader en de Excel-upload gebruiken ze allebei.

Vormen die `parse_streefwaarde` herkent (hoofdletters, spaties en een punt aan het eind doen er niet toe):

- punt:      "86%", "86 %", "3,7%", "240", "twee kernen"
- minimaal:  "minimaal 85%", "minstens 15", "ten minste 5", "≥ 85%", ">= 85%", "niet minder dan 85%",
             en streng (de grens zelf telt niet mee, `strikt=True`): ">30%", "meer dan 30%", "hoger dan 74%"
- maximaal:  "maximaal 25%", "hoogstens 25", "ten hoogste 25", "≤ 25%", "<= 25%", "niet meer dan 25%",
             en streng: "<25%", "minder dan 25%", "lager dan 25%"
- band:      "65-70%", "65% - 70%", "65–70%", "2 a 3", "2 à 3", "tussen 65 en 70%", "65 tot 70%"
- richting:  "stijging", "stijgt", "toename", "neemt toe" (stijging); "daling", "daalt", "afname",
             "afgenomen", "vermindering", "terugdringen" (daling); "gelijk", "gelijk blijven", "gelijk gebleven",
             "blijft gelijk", "stabiel" (gelijk)

Getallen in Nederlandse notatie, gelezen door kompas.opmaak.lees_getal (zoals een waarde in een upload):
"3,7" is 3,7; "1.234" is 1234; "1.234,5" is 1234,5; "2.5" is dubbelzinnig en geeft een ValueError. Telwoorden
tot tien ("twee kernen") zijn ook een getal. Een procentteken of
het woord "procent" mag erachter staan, gevolgd door een eenheidswoord uit `EENHEIDSWOORDEN` en een
opmerking tussen haakjes ("4 a 5 (jaarlijks)"). Een waarde in procenten wordt als getal in procentpunten
opgeslagen (86% -> 86.0); de eenheid staat bij de indicator.

Alles wat hier niet onder valt ("bijna 30%", "5% lagere zorgkosten", "conform de landelijke trend") geeft
een ValueError met een Nederlandse uitleg: schrijf zo'n tekst dan in de toelichting, niet als streefwaarde.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kompas.opmaak import lees_getal

SOORTEN = ("punt", "minimaal", "maximaal", "band", "richting")
RICHTINGEN = ("stijging", "daling", "gelijk")

VOORBEELDEN = (
    "'86%', 'minimaal 85%', 'maximaal 25%', '>30%', 'niet meer dan 25%', '65-70%', '2 a 3', "
    "'stijging', 'daling' of 'gelijk blijven'"
)

# Woorden die na het getal mogen staan zonder de betekenis te veranderen.
EENHEIDSWOORDEN = (
    "personen",
    "plekken",
    "plaatsen",
    "kernen",
    "huishoudens",
    "kinderen",
    "jongeren",
    "deelnemers",
    "inwoners",
    "cliënten",
    "jeugdigen",
    "per jaar",
    "jaarlijks",
)

_RICHTING_WOORDEN = {
    "stijging": (
        "stijging",
        "stijgt",
        "stijgen",
        "gestegen",
        "toename",
        "toenemen",
        "neemt toe",
        "toegenomen",
        "groei",
        "omhoog",
    ),
    "daling": (
        "daling",
        "daalt",
        "dalen",
        "gedaald",
        "afname",
        "afnemen",
        "neemt af",
        "afgenomen",
        "vermindering",
        "verminderen",
        "verminderd",
        "omlaag",
        "terugdringen",
        "terug te dringen",
    ),
    "gelijk": (
        "gelijk",
        "gelijk blijven",
        "gelijk gebleven",
        "blijft gelijk",
        "gelijkblijvend",
        "stabiel",
        "stabiel blijven",
    ),
}
_RICHTING = {woord: richting for richting, woorden in _RICHTING_WOORDEN.items() for woord in woorden}

# (voorvoegsel, soort, strikt); langste eerst, zodat "niet meer dan" vóór "meer dan" komt.
_VERGELIJKERS = sorted(
    [
        ("minimaal", "minimaal", False),
        ("minstens", "minimaal", False),
        ("ten minste", "minimaal", False),
        ("tenminste", "minimaal", False),
        ("niet minder dan", "minimaal", False),
        ("≥", "minimaal", False),
        (">=", "minimaal", False),
        ("=>", "minimaal", False),
        (">", "minimaal", True),
        ("meer dan", "minimaal", True),
        ("hoger dan", "minimaal", True),
        ("groter dan", "minimaal", True),
        ("boven", "minimaal", True),
        ("maximaal", "maximaal", False),
        ("hoogstens", "maximaal", False),
        ("ten hoogste", "maximaal", False),
        ("niet meer dan", "maximaal", False),
        ("niet hoger dan", "maximaal", False),
        ("≤", "maximaal", False),
        ("<=", "maximaal", False),
        ("=<", "maximaal", False),
        ("<", "maximaal", True),
        ("minder dan", "maximaal", True),
        ("lager dan", "maximaal", True),
        ("kleiner dan", "maximaal", True),
        ("onder", "maximaal", True),
    ],
    key=lambda v: -len(v[0]),
)

_TELWOORDEN = {
    "een": 1,
    "één": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
}

_GETAL = r"(?:\d+(?:[.,]\d+)*|" + "|".join(sorted(_TELWOORDEN, key=len, reverse=True)) + r")"
_PROCENT = r"(?:\s*(?:%|procent))?"
_EENHEID = r"(?:\s+(?:" + "|".join(re.escape(w) for w in sorted(EENHEIDSWOORDEN, key=len, reverse=True)) + r"))?"
_OPMERKING = r"(?:\s*\([^()]*\))?"
_WAARDE_RE = re.compile(rf"^(?:een\s+(?=\d))?({_GETAL}){_PROCENT}{_EENHEID}{_OPMERKING}$")
_BAND_RE = re.compile(
    rf"^(?:tussen\s+)?({_GETAL}){_PROCENT}\s*(?:-|–|—|\ba\b|à|\ben\b|\btot en met\b|\btot\b|t/m)\s*"
    rf"({_GETAL}){_PROCENT}{_EENHEID}{_OPMERKING}$"
)
_NULMETING_JAAR_RE = re.compile(r"^(.*?)\s*\(\s*((?:19|20)\d\d)\s*\)\s*$")
_JAAR_RE = re.compile(r"^(?:19|20)\d\d$")


@dataclass(frozen=True)
class Streefwaarde:
    """Een streefwaarde in ontlede vorm, met de oorspronkelijke tekst erbij.

    soort:      'punt' | 'minimaal' | 'maximaal' | 'band' | 'richting'
    waarde:     het getal bij punt, minimaal en maximaal
    ondergrens, bovengrens: de grenzen van een band
    richting:   'stijging' | 'daling' | 'gelijk' bij soort 'richting'
    strikt:     bij minimaal/maximaal: de grens zelf haalt het doel niet ('>30%', 'hoger dan 74%')
    tekst:      zoals de gemeente het schreef
    decimalen:  met hoeveel decimalen het getal geschreven is ('85%' 0, '3,7%' 1; een band: de meeste van de twee
                grenzen); None bij een richting. Geen deel van de vergelijking: het is een eigenschap van de tekst
    """

    soort: str
    waarde: float | None = None
    ondergrens: float | None = None
    bovengrens: float | None = None
    richting: str | None = None
    strikt: bool = False
    tekst: str = ""
    decimalen: int | None = field(default=None, compare=False)


def _normaliseer(tekst: str) -> str:
    tekst = tekst.replace("\u00a0", " ").replace("\u202f", " ").strip().lower()
    tekst = re.sub(r"\s+", " ", tekst)
    return tekst.rstrip(".;").strip()


def _getal(tekst: str) -> float:
    """Een getal uit `_GETAL`: een telwoord ('twee' -> 2.0) of een getal in Nederlandse notatie (lees_getal)."""
    return float(_TELWOORDEN[tekst]) if tekst in _TELWOORDEN else lees_getal(tekst)


def _decimalen(*getallen: str) -> int:
    """Met hoeveel decimalen een getal uit `_GETAL` geschreven is: de cijfers na de decimaalkomma ('3,7' 1, '1.234' 0,
    'twee' 0); van meer getallen (een band) de meeste."""
    return max(len(g.rpartition(",")[2]) if "," in g else 0 for g in getallen)


def geschreven_decimalen(tekst: str | None) -> int | None:
    """Met hoeveel decimalen een streefwaarde of nulmeting geschreven is: '85%' -> 0, '3,7%' -> 1, '65-70%' -> 0,
    '82% (2017)' -> 0. None als de tekst geen getal heeft (een richting, alleen een jaartal) of niet te lezen is:
    dan gelden de decimalen van de indicator."""
    if tekst is None or not str(tekst).strip():
        return None
    t = _normaliseer(str(tekst))
    if _JAAR_RE.match(t):
        return None
    met_jaar = _NULMETING_JAAR_RE.match(t)
    try:
        return parse_streefwaarde(met_jaar.group(1) if met_jaar else t).decimalen
    except ValueError:
        return None


def parse_streefwaarde(tekst: str) -> Streefwaarde:
    """Ontleedt een streefwaarde zoals geschreven; zie de moduledocumentatie voor de vormen.

    Geeft een ValueError (Nederlandse melding met voorbeelden) voor tekst die niet herkend wordt.
    """
    if tekst is None or not str(tekst).strip():
        raise ValueError(f"Lege streefwaarde. Verwacht bijvoorbeeld {VOORBEELDEN}.")
    origineel = str(tekst).strip()
    t = _normaliseer(origineel)

    if t in _RICHTING:
        return Streefwaarde(soort="richting", richting=_RICHTING[t], tekst=origineel)

    band = _BAND_RE.match(t)
    if band:
        onder, boven = _getal(band.group(1)), _getal(band.group(2))
        if onder > boven:
            raise ValueError(
                f"Streefwaarde '{origineel}': de ondergrens ({band.group(1)}) is groter dan de bovengrens "
                f"({band.group(2)}). Schrijf de band van laag naar hoog, bijvoorbeeld '65-70%'."
            )
        return Streefwaarde(
            soort="band",
            ondergrens=onder,
            bovengrens=boven,
            tekst=origineel,
            decimalen=_decimalen(band.group(1), band.group(2)),
        )

    soort, strikt, rest = "punt", False, t
    for voorvoegsel, vergelijker_soort, vergelijker_strikt in _VERGELIJKERS:
        if t.startswith(voorvoegsel):
            soort, strikt, rest = vergelijker_soort, vergelijker_strikt, t[len(voorvoegsel) :].strip()
            break
    waarde = _WAARDE_RE.match(rest)
    if waarde:
        return Streefwaarde(
            soort=soort,
            waarde=_getal(waarde.group(1)),
            strikt=strikt,
            tekst=origineel,
            decimalen=_decimalen(waarde.group(1)),
        )

    raise ValueError(f"Streefwaarde '{origineel}' niet herkend. Verwacht bijvoorbeeld {VOORBEELDEN}.")


def parse_nulmeting(tekst: str) -> tuple[float | None, int | None]:
    """Ontleedt een nulmeting zoals geschreven; geeft (waarde, jaar), elk mogelijk None.

    '82% (2017)' -> (82.0, 2017); '26%' -> (26.0, None); '125' -> (125.0, None);
    '2017' (alleen een jaartal, 1900-2099, zonder procentteken) -> (None, 2017): een nulmetingsjaar
    zonder waarde, zoals in de Dalfsense begroting. Onherkenbare tekst geeft een ValueError.
    """
    if tekst is None or not str(tekst).strip():
        return None, None
    t = _normaliseer(str(tekst))
    if _JAAR_RE.match(t):
        return None, int(t)
    jaar = None
    met_jaar = _NULMETING_JAAR_RE.match(t)
    if met_jaar:
        t, jaar = met_jaar.group(1), int(met_jaar.group(2))
    try:
        streef = parse_streefwaarde(t)
    except ValueError:
        streef = None
    if streef is None or streef.soort != "punt":
        raise ValueError(
            f"Nulmeting '{tekst}' niet herkend. Verwacht een waarde met eventueel het jaar erachter, "
            "zoals '26%', '125' of '82% (2017)', of alleen een jaartal ('2017')."
        )
    return streef.waarde, jaar
