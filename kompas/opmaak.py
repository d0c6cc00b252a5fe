"""Nederlandse getallen en datums: opmaak voor alles wat een mens leest (1.234,5 en 12,3%) en het lezen van
getallen die een mens schreef (lees_getal). Babel (CLDR, locale nl_NL) doet de scheidingstekens; de eigen
regels staan bij lees_getal.
"""

from __future__ import annotations

import datetime as dt
import decimal
import math
import re

from babel.numbers import (
    NumberFormatError,
    format_decimal,
    get_decimal_symbol,
    get_group_symbol,
    get_minus_sign_symbol,
    parse_decimal,
)

LOCALE = "nl_NL"
# de tekens van babel (CLDR) in de plaats van die van Python's eigen opmaak (f"{1234.5:,.1f}" -> '1,234.5')
_BABEL_TEKENS = str.maketrans(
    {",": get_group_symbol(LOCALE), ".": get_decimal_symbol(LOCALE), "-": get_minus_sign_symbol(LOCALE)}
)

MAANDEN = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]

# Vega-Lite-locale voor Altair-grafieken; één keer toepassen bij het tonen (zie kompas/grafieken.py).
VEGA_LOCALE = {
    "number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€ ", ""]},
    "time": {
        "dateTime": "%A %e %B %Y %X",
        "date": "%d-%m-%Y",
        "time": "%H:%M:%S",
        "periods": ["AM", "PM"],
        "days": ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"],
        "shortDays": ["zo", "ma", "di", "wo", "do", "vr", "za"],
        "months": MAANDEN,
        "shortMonths": ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
    },
}


def leeg(waarde) -> bool:
    return waarde is None or (isinstance(waarde, float) and math.isnan(waarde))


def getal(waarde, decimalen: int | None = 1) -> str:
    """1234.5 -> '1.234,5'; 1234567 met 0 decimalen -> '1.234.567'. Een ontbrekende waarde wordt '–'.

    `decimalen=None`: zoveel decimalen als het getal heeft (2.5 -> '2,5', 1234567.0 -> '1.234.567'), voor
    een getal dat iemand zelf schreef of een grens uit de registry. Afronden gebeurt zoals Python het doet
    (op de binaire waarde), babel zet de scheidingstekens.
    """
    if leeg(waarde):
        return "–"
    if decimalen is None:
        return format_decimal(decimal.Decimal(repr(float(waarde))), locale=LOCALE, decimal_quantization=False)
    if not math.isfinite(float(waarde)):
        patroon = "#,##0" + ("." + "0" * decimalen if decimalen > 0 else "")
        return format_decimal(decimal.Decimal(f"{float(waarde):.{decimalen}f}"), format=patroon, locale=LOCALE)
    # precies babel met het patroon #,##0.0… (zelfde afronding, tekens van babel), maar zonder Decimal: ~15x
    # sneller, wat telt voor een tabel van tienduizenden cijfers (tests/test_opmaak.py vergelijkt met babel)
    return f"{float(waarde):,.{decimalen}f}".translate(_BABEL_TEKENS)


class DubbelzinnigGetal(ValueError):
    """'1.5': Engelse decimaalpunt of een tikfout in 1.500? `decimaal` en `heel` zijn de twee lezingen."""

    def __init__(self, tekst: str, decimaal: str, heel: str):
        self.decimaal, self.heel = decimaal, heel
        super().__init__(
            f"'{tekst}' is dubbelzinnig: in Nederlandse notatie scheidt een punt duizendtallen en "
            f"een komma decimalen. Schrijf '{decimaal}' voor een decimaal getal of '{heel}' voor een "
            "heel getal."
        )


_GEEN_GETAL = "Verwacht een getal zoals '86', '3,7' of '1.234'."
_WITRUIMTE = re.compile(r"[\s\u00a0\u202f]+")


def lees_getal(tekst) -> float:
    """Een getal zoals een mens het in een Nederlands werkboek of kader schrijft: '3,7' -> 3.7, '1.234' -> 1234.0.

    Babel leest het volgens nl_NL, streng: een punt is de duizendtalscheiding, een komma de decimaalkomma.
    Eigen regels daarbovenop, elk getest in tests/test_opmaak.py:
    - '1.234' is 1234 (duizendtallen), '1,234' is 1,234 (decimaalkomma): zo schrijft een Nederlands werkboek het.
    - Een punt die geen duizendtalscheiding kan zijn ('1.5', '1234.5', '12.34') is dubbelzinnig (Engelse
      decimaalpunt of een tikfout in 1.500?) en geeft een DubbelzinnigGetal (een ValueError) die beide
      lezingen noemt.
    - Spaties (ook harde) tellen niet: '1 234' is 1234. Een min-teken '−' (zoals opmaak.verschil schrijft)
      telt als '-'.
    - NaN, oneindig en een exponent ('1E5') zijn geen getal in Nederlandse notatie.
    Een getal uit een getalcel van Excel (machinenotatie, '2.5') hoort hier niet: zie loaders/excel_validatie.
    """
    schoon = _WITRUIMTE.sub("", str(tekst)).replace("\u2212", "-")
    if not schoon:
        raise ValueError(f"Leeg, geen getal. {_GEEN_GETAL}")
    if re.fullmatch(r"[+-]?\d+\.\d+", schoon) and not re.fullmatch(r"[+-]?\d{1,3}\.\d{3}", schoon):
        raise DubbelzinnigGetal(tekst, schoon.replace(".", ","), str(int(schoon.replace(".", ""))))
    if re.fullmatch(r"[+-]?[\d.,]+[eE][+-]?\d+", schoon):
        raise ValueError(f"'{tekst}' is geen getal in Nederlandse notatie. {_GEEN_GETAL}")
    try:
        waarde = parse_decimal(schoon, locale=LOCALE, strict=True)
    except NumberFormatError:
        raise ValueError(f"'{tekst}' is geen getal. {_GEEN_GETAL}") from None
    if not waarde.is_finite():
        raise ValueError(f"'{tekst}' is geen getal. {_GEEN_GETAL}")
    return float(waarde)


def met_eenheid(waarde, eenheid: str, decimalen: int = 1) -> str:
    """Een waarde met zijn eenheid: '12,3%', '28,2 per 1.000 inwoners 18+', '405.560'."""
    if leeg(waarde):
        return "geen gegevens"
    tekst = getal(waarde, decimalen)
    if not eenheid:
        return tekst
    if eenheid.startswith("%"):
        rest = eenheid[1:].strip()
        return f"{tekst}%" + (f" ({rest})" if rest else "")
    if eenheid.startswith("aantal"):
        rest = eenheid[len("aantal") :].strip()
        return tekst + (f" {rest}" if rest else "")
    return f"{tekst} {eenheid}"


def verschil(waarde, eenheid: str, decimalen: int = 1) -> str:
    """Een verschil met teken: '+2,4 procentpunt', '−1,0 per 1.000 inwoners'."""
    if leeg(waarde):
        return "–"
    teken = "+" if waarde > 0 else ("−" if waarde < 0 else "±")
    tekst = getal(abs(waarde), decimalen)
    if eenheid.startswith("%"):
        return f"{teken}{tekst} procentpunt"
    if eenheid.startswith("aantal"):
        return f"{teken}{tekst}"
    return f"{teken}{tekst} {eenheid}"


def datum(waarde: dt.date | dt.datetime | None) -> str:
    """1 oktober 2020."""
    if waarde is None:
        return "–"
    return f"{waarde.day} {MAANDEN[waarde.month - 1]} {waarde.year}"


def moment(waarde: dt.datetime | None) -> str:
    """23-11-2026 14:05."""
    if waarde is None:
        return "–"
    if isinstance(waarde, dt.datetime):
        return waarde.strftime("%d-%m-%Y %H:%M")
    return waarde.strftime("%d-%m-%Y")


def peildatum_tekst(waarde: dt.date | dt.datetime | None, precisie: str | None = None) -> str:
    """'1 oktober 2020', of 'maart 2017' als de bron alleen de maand noemt (precisie 'maand', zie
    waarneming.peildatum_precisie): de eerste van de maand die de database opslaat, is geen echte dag."""
    if waarde is None or leeg(waarde):
        return "–"
    if precisie == "maand":
        return f"{MAANDEN[waarde.month - 1]} {waarde.year}"
    return datum(waarde)


def is_aantal(eenheid: str | None) -> bool:
    """Een aantal (eenheid 'aantal', 'aantal huishoudens', ...) hangt af van de grootte van de regio: het staat nooit
    naast het aantal van Nederland (zelfde regel als `aantallen` in queries/marts/05_indicator_waarden_voor.sql)."""
    return (eenheid or "").startswith("aantal")


def peilmoment(peiljaar, peildatum=None, precisie: str | None = None) -> str:
    """'2023', of 'stand 1 oktober 2020' waar de bron een standdatum geeft ('stand maart 2017' als alleen de
    maand bekend is)."""
    if peildatum is not None and not leeg(peildatum):
        return f"stand {peildatum_tekst(peildatum, precisie)}"
    return "–" if leeg(peiljaar) else str(int(peiljaar))


def opsomming(woorden: list[str]) -> str:
    """['Dalfsen', 'Bronckhorst', 'Dronten'] -> 'Dalfsen, Bronckhorst en Dronten'."""
    woorden = [w for w in woorden if w]
    if len(woorden) <= 1:
        return "".join(woorden)
    return ", ".join(woorden[:-1]) + " en " + woorden[-1]


_STUURTEKEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_TEKENNAAM = {0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x1B: "ESC", 0x7F: "DEL"}


def heeft_stuurtekens(tekst: str) -> bool:
    """Bevat de tekst een stuurteken (C0 behalve tab en regeleinden, DEL of C1)?"""
    return not tekst.isprintable() and _STUURTEKEN.search(tekst) is not None


def schone_tekst(tekst, zichtbaar: bool = False, vervang: str = "\ufffd"):
    """Tekst zonder stuurtekens; wat geen tekst is, komt ongewijzigd terug.

    Stuurtekens (NUL, BEL, ESC, ...) laten een Excel-export falen (openpyxl: IllegalCharacterError) en sturen
    een terminal aan. Ze worden `vervang` ('\ufffd'), of met `zichtbaar` een naam: 'a[ESC]b', '[U+0001]'.
    """
    if not isinstance(tekst, str) or tekst.isprintable():
        return tekst
    if zichtbaar:
        return _STUURTEKEN.sub(lambda m: f"[{_TEKENNAAM.get(ord(m.group()), f'U+{ord(m.group()):04X}')}]", tekst)
    return _STUURTEKEN.sub(vervang, tekst)
