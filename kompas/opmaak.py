"""Nederlandse getal- en datumopmaak voor alles wat een mens leest: 1.234,5 en 12,3%."""

from __future__ import annotations

import datetime as dt
import math
import re

MAANDEN = [
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
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


def getal(waarde, decimalen: int = 1) -> str:
    """1234.5 -> '1.234,5'. Een ontbrekende waarde wordt '–'."""
    if leeg(waarde):
        return "–"
    tekst = f"{float(waarde):,.{decimalen}f}"
    return tekst.replace(",", "\0").replace(".", ",").replace("\0", ".")


def met_eenheid(waarde, eenheid: str, decimalen: int = 1) -> str:
    """Een waarde met zijn eenheid: '12,3%', '28,2 per 1.000 inwoners 18+', '405.560'."""
    if leeg(waarde):
        return "geen gegevens"
    tekst = getal(waarde, decimalen)
    if eenheid.startswith("%"):
        rest = eenheid[1:].strip()
        return f"{tekst}%" + (f" ({rest})" if rest else "")
    if eenheid.startswith("aantal"):
        rest = eenheid[len("aantal"):].strip()
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


def peilmoment(peiljaar, peildatum=None) -> str:
    """'2023', of 'stand 1 oktober 2020' waar de bron een standdatum geeft."""
    if peildatum is not None and not leeg(peildatum):
        return f"stand {datum(peildatum)}"
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
