"""De statusregel: staat een indicator (en een doel) op koers? Eén keer gedefinieerd, hier.

Vier uitkomsten, naar het stoplicht van de gemeentelijke voortgangsrapportages (op schema / risico /
niet gerealiseerd) plus 'nog niet te beoordelen':

    'op koers'                de laatste gerealiseerde waarde haalt de streefwaarde
    'risico'                  net niet gehaald: de achterstand is hoogstens één marge (zie hieronder)
    'niet op koers'           de achterstand is groter dan één marge
    'nog niet te beoordelen'  niets om te beoordelen; `beoordeling` zegt waarom (`REDENEN`): geen streefwaarde,
                              nog geen meting, nog geen meting na de nulmeting, of bij een richting geen
                              vertrekpunt

Regel (`beoordeling`; `beoordeel` geeft alleen de status):

1. Geen streefwaarde of geen laatste waarde -> 'nog niet te beoordelen'. Is de laatste waarde de nulmeting
   zelf (`laatste_jaar` <= `nulmeting_jaar`), dan is er ook nog niets gerealiseerd -> 'nog niet te beoordelen'.
   Ontbreekt zowel de streefwaarde als de meting, dan is de reden 'geen streefwaarde' (ook met een meting valt
   er zonder streefwaarde niets te beoordelen).
2. Niveaudoelen worden beoordeeld op de laatste gerealiseerde waarde w:
   - minimaal X: gehaald als w >= X (bij 'strikt', zoals '>30%' of 'hoger dan 74%': w > X);
   - maximaal X: gehaald als w <= X (strikt: w < X);
   - punt X: een puntdoel in de goede richting is een grens: bij goede_richting 'hoger' als minimaal X,
     bij 'lager' als maximaal X (86% cliënttevredenheid: 88% is ook goed). Bij 'neutraal': op koers als
     |w - X| <= marge, risico als |w - X| <= 2 x marge, anders niet op koers;
   - band [A, B]: gehaald als A <= w <= B.
   Niet gehaald en de achterstand tot de grens is hoogstens de marge -> 'risico', anders 'niet op koers'.
   Precies op een strikte grens ('>30%' en w = 30) is dus 'risico'.
3. Richtingsdoelen ('stijging', 'daling', 'gelijk') worden beoordeeld op de verandering d sinds de
   nulmeting; zonder nulmetingswaarde sinds de eerste gerealiseerde waarde (`eerste_waarde`). Zonder
   vertrekpunt -> 'nog niet te beoordelen'. De richting in de streefwaarde gaat voor: de gemeente schreef haar.
   - stijging: d > 0 op koers; 0 >= d >= -marge risico; d < -marge niet op koers (daling gespiegeld);
   - gelijk:   |d| <= marge op koers; verder in de goede richting (goede_richting) ook op koers;
               verder in de verkeerde richting: tot 2 x marge risico, daarna niet op koers;
               bij goede_richting 'neutraal' telt elke afwijking groter dan de marge als verkeerd.
4. De marge (`standaard_marge`), tenzij de aanroeper er een meegeeft:
   - eenheid in procenten ('%', '% huishoudens', ...): 2 procentpunt. Onderbouwing: de meeste
     %-indicatoren in de kaders komen uit steekproeven (GGD-gezondheidsmonitor, cliëntervaringsonderzoek)
     met op gemeenteniveau een 95%-interval van ongeveer 1,5 tot 3 procentpunt; een kleinere achterstand
     is niet van toeval te onderscheiden en is dus 'risico', geen 'niet op koers';
   - andere eenheden (aantallen, per 1.000, euro): 10% van de referentie (de streefwaarde, de
     dichtstbijzijnde bandgrens, of bij een richting het vertrekpunt). Een vaste marge past niet bij
     tellingen van 5 en van 5.000 tegelijk; 10% is de gangbare 'bijna gehaald'-drempel.

`status_doel` voegt indicatorstatussen samen tot een doelstatus: zie daar.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from kompas.streefwaarden import Streefwaarde

OP_KOERS = "op koers"
RISICO = "risico"
NIET_OP_KOERS = "niet op koers"
NIET_TE_BEOORDELEN = "nog niet te beoordelen"
STATUSSEN = (OP_KOERS, RISICO, NIET_OP_KOERS, NIET_TE_BEOORDELEN)

# Waarom een indicator nog niet te beoordelen is (de reden bij NIET_TE_BEOORDELEN).
GEEN_INDICATOR = "geen meetbare indicator"
GEEN_STREEFWAARDE = "geen streefwaarde"
GEEN_METING = "nog geen meting"
GEEN_METING_NA_NULMETING = "nog geen meting na de nulmeting"
GEEN_VERTREKPUNT = "geen vertrekpunt voor de richting"
REDENEN = (GEEN_INDICATOR, GEEN_STREEFWAARDE, GEEN_METING, GEEN_METING_NA_NULMETING, GEEN_VERTREKPUNT)


class Beoordeling(NamedTuple):
    """Een status met, bij 'nog niet te beoordelen', de reden (een van `REDENEN`); anders reden None."""

    status: str
    reden: str | None = None


PROCENT_MARGE = 2.0  # procentpunt
RELATIEVE_MARGE = 0.10  # deel van de referentiewaarde


def standaard_marge(eenheid: str | None, referentie: float | None) -> float:
    """De marge voor 'risico': 2 procentpunt bij een %-eenheid, anders 10% van |referentie|."""
    if eenheid and eenheid.strip().startswith("%"):
        return PROCENT_MARGE
    return abs(referentie or 0.0) * RELATIEVE_MARGE


def _op_achterstand(achterstand: float, marge: float) -> str:
    """Niet gehaald: hoogstens één marge achter is risico, meer is niet op koers."""
    return RISICO if achterstand <= marge else NIET_OP_KOERS


def _ondergrens(w: float, grens: float, strikt: bool, marge: float) -> str:
    gehaald = w > grens if strikt else w >= grens
    return OP_KOERS if gehaald else _op_achterstand(grens - w, marge)


def _bovengrens(w: float, grens: float, strikt: bool, marge: float) -> str:
    gehaald = w < grens if strikt else w <= grens
    return OP_KOERS if gehaald else _op_achterstand(w - grens, marge)


def beoordeel(*args, **kwargs) -> str:
    """De status van één indicator; zie `beoordeling` (die ook zegt waarom iets niet te beoordelen is)."""
    return beoordeling(*args, **kwargs).status


def beoordeling(
    streef: Streefwaarde | None,
    laatste_waarde: float | None,
    nulmeting_waarde: float | None,
    goede_richting: str,
    *,
    eerste_waarde: float | None = None,
    eenheid: str | None = None,
    marge: float | None = None,
    laatste_jaar: int | None = None,
    nulmeting_jaar: int | None = None,
) -> Beoordeling:
    """Status (en reden) van één indicator volgens de regel in de moduledocumentatie.

    streef:           de geldende streefwaarde (zie `kies_streefwaarde`), of None
    laatste_waarde:   de laatste gerealiseerde waarde, of None
    nulmeting_waarde: de waarde van de nulmeting, of None (ook bij een nulmeting met alleen een jaar)
    goede_richting:   'hoger' | 'lager' | 'neutraal' (uit de indicatorregistry)
    eerste_waarde:    vertrekpunt voor een richting als er geen nulmetingswaarde is
    eenheid, marge:   marge voor 'risico'; zonder `marge` geldt `standaard_marge(eenheid, ...)`
    laatste_jaar, nulmeting_jaar: ligt de laatste waarde niet ná de nulmeting -> 'nog niet te beoordelen'
    """
    if goede_richting not in ("hoger", "lager", "neutraal"):
        raise ValueError(f"goede_richting '{goede_richting}' onbekend; verwacht 'hoger', 'lager' of 'neutraal'.")
    if streef is None:
        return Beoordeling(NIET_TE_BEOORDELEN, GEEN_STREEFWAARDE)
    if laatste_waarde is None:
        return Beoordeling(NIET_TE_BEOORDELEN, GEEN_METING)
    if laatste_jaar is not None and nulmeting_jaar is not None and laatste_jaar <= nulmeting_jaar:
        return Beoordeling(NIET_TE_BEOORDELEN, GEEN_METING_NA_NULMETING)
    if streef.soort == "richting" and nulmeting_waarde is None and eerste_waarde is None:
        return Beoordeling(NIET_TE_BEOORDELEN, GEEN_VERTREKPUNT)
    return Beoordeling(
        _status(
            streef,
            float(laatste_waarde),
            nulmeting_waarde,
            goede_richting,
            eerste_waarde=eerste_waarde,
            eenheid=eenheid,
            marge=marge,
        )
    )


def _status(
    streef: Streefwaarde,
    w: float,
    nulmeting_waarde: float | None,
    goede_richting: str,
    *,
    eerste_waarde: float | None,
    eenheid: str | None,
    marge: float | None,
) -> str:

    if streef.soort == "richting":
        vertrek = nulmeting_waarde if nulmeting_waarde is not None else eerste_waarde  # niet None: zie beoordeling
        m = marge if marge is not None else standaard_marge(eenheid, vertrek)
        d = w - float(vertrek)
        if streef.richting == "stijging":
            return OP_KOERS if d > 0 else _op_achterstand(-d, m)
        if streef.richting == "daling":
            return OP_KOERS if d < 0 else _op_achterstand(d, m)
        if streef.richting == "gelijk":
            if abs(d) <= m:
                return OP_KOERS
            if (goede_richting == "hoger" and d > 0) or (goede_richting == "lager" and d < 0):
                return OP_KOERS
            return _op_achterstand(abs(d) - m, m)
        raise ValueError(f"Richting '{streef.richting}' onbekend; verwacht 'stijging', 'daling' of 'gelijk'.")

    if streef.soort == "band":
        if streef.ondergrens is None or streef.bovengrens is None:
            raise ValueError(f"Band '{streef.tekst}' zonder onder- of bovengrens.")
        if w < streef.ondergrens:
            m = marge if marge is not None else standaard_marge(eenheid, streef.ondergrens)
            return _op_achterstand(streef.ondergrens - w, m)
        if w > streef.bovengrens:
            m = marge if marge is not None else standaard_marge(eenheid, streef.bovengrens)
            return _op_achterstand(w - streef.bovengrens, m)
        return OP_KOERS

    if streef.waarde is None:
        raise ValueError(f"Streefwaarde '{streef.tekst}' ({streef.soort}) zonder waarde.")
    grens = float(streef.waarde)
    m = marge if marge is not None else standaard_marge(eenheid, grens)
    if streef.soort == "minimaal" or (streef.soort == "punt" and goede_richting == "hoger"):
        return _ondergrens(w, grens, streef.strikt, m)
    if streef.soort == "maximaal" or (streef.soort == "punt" and goede_richting == "lager"):
        return _bovengrens(w, grens, streef.strikt, m)
    if streef.soort == "punt":  # neutraal: dichtbij de waarde is goed
        afstand = abs(w - grens)
        return OP_KOERS if afstand <= m else _op_achterstand(afstand - m, m)
    raise ValueError(f"Soort streefwaarde '{streef.soort}' onbekend.")


def kies_streefwaarde(
    streefwaarden: Sequence[tuple[int | None, Streefwaarde]], peiljaar: int | None
) -> Streefwaarde | None:
    """De streefwaarde die geldt voor een waarde uit `peiljaar`.

    Volgorde: de streefwaarde voor precies dat jaar; anders de laatste van een eerder jaar (een
    doel blijft gelden tot er een nieuw is); anders een streefwaarde zonder jaar; anders de eerste van een
    later jaar (de waarde ligt vóór de looptijd: toets aan het eerstvolgende doel). Geen streefwaarden -> None.
    """
    if not streefwaarden:
        return None
    met_jaar = sorted(((j, s) for j, s in streefwaarden if j is not None), key=lambda js: js[0])
    zonder_jaar = [s for j, s in streefwaarden if j is None]
    if peiljaar is not None:
        for jaar, streef in met_jaar:
            if jaar == peiljaar:
                return streef
        eerder = [s for j, s in met_jaar if j < peiljaar]
        if eerder:
            return eerder[-1]
    if zonder_jaar:
        return zonder_jaar[0]
    return met_jaar[0][1] if met_jaar else None


def status_doel(statussen: Iterable[str]) -> str:
    """De status van een doel uit de statussen van zijn indicatoren.

    Regel: indicatoren die nog niet te beoordelen zijn tellen niet mee; van de rest telt de minst gunstige
    ('niet op koers' boven 'risico' boven 'op koers'), want een doel is pas gehaald als al zijn beoordeelde
    indicatoren het halen. Is geen enkele indicator te beoordelen (of heeft het doel geen indicatoren), dan
    is de doelstatus 'nog niet te beoordelen'. Toon daarom naast de doelstatus hoeveel indicatoren beoordeeld
    zijn.
    """
    gezien = set()
    for status in statussen:
        if status not in STATUSSEN:
            raise ValueError(f"Status '{status}' onbekend; verwacht een van {', '.join(STATUSSEN)}.")
        gezien.add(status)
    for status in (NIET_OP_KOERS, RISICO, OP_KOERS):
        if status in gezien:
            return status
    return NIET_TE_BEOORDELEN
