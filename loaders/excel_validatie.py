"""Wat er in een werkblad staat, begrijpen en controleren. Schrijft niets.

Vormen die worden herkend (kopregel mag onder titel- of logoregels staan, gezocht in de eerste 30 rijen):
- lang, waarden:       gemeente | indicator | peiljaar | waarde | eenheid | bron | toelichting  (het sjabloon)
- lang, streefwaarden: gemeente | indicator | jaar | streefwaarde | nulmeting_jaar | nulmeting_waarde | toelichting
- breed: Indicator | Bron | Nulmeting 2019 | 2020 | 2021 | ... (jaren als kolommen, zoals de begroting van
  Dalfsen). Met een kolom 'Nulmeting ...' of een bladnaam met 'streef'/'doel' zijn de jaarkolommen
  streefwaarden; anders waarden per peiljaar.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kompas import opmaak
from kompas.opmaak import heeft_stuurtekens, schone_tekst
from loaders import excel_lezen
from loaders.excel_lezen import KOPRIJ_ZOEKEN, Blad, Melding, kolomletter

if TYPE_CHECKING:  # het werkproces (lees_en_controleer) hoeft DuckDB niet te laden
    import duckdb

EERSTE_PEILJAAR = 1990
EERSTE_STREEFJAAR = 2000
STREEF_JAREN_VOORUIT = 10

KOLOMNAMEN = {
    "gemeente": {"gemeente", "gemeentecode", "gemeente code", "gemeentenaam", "regio", "regio code"},
    "indicator": {"indicator", "indicatorcode", "indicator code", "indicatornaam"},
    "peiljaar": {"peiljaar"},
    "jaar": {"jaar", "streefjaar"},
    "waarde": {"waarde"},
    "eenheid": {"eenheid"},
    "bron": {"bron"},
    "toelichting": {"toelichting", "opmerking", "opmerkingen"},
    "leeftijd": {"leeftijd", "leeftijdsgroep"},
    "streefwaarde": {"streefwaarde", "streefwaarde tekst"},
    "nulmeting_jaar": {"nulmeting jaar"},
    "nulmeting_waarde": {"nulmeting waarde", "nulmeting"},
}
_JAARKOLOM = re.compile(r"^(nulmeting\s*)?\(?(\d{4})\)?(\s*\(?nulmeting\)?)?$")


@dataclass
class Referentie:
    """Wat in de database staat en waartegen een bestand wordt gecontroleerd."""

    gemeenten: dict[str, str]  # code -> naam
    indicatoren: dict[str, dict]  # code -> registry-rij
    kader: dict[tuple[str, str], tuple[str, str | None]]  # (gemeente, genormaliseerde tekst) -> (id, code)

    def gemeente_lijst(self) -> str:
        return ", ".join(f"{c} ({n})" for c, n in self.gemeenten.items())


def laad_referentie(con: duckdb.DuckDBPyConnection) -> Referentie:
    gemeenten = dict(
        con.execute("select regio_code, regio_naam from regio where soort = 'gemeente' order by volgorde").fetchall()
    )
    cur = con.execute(
        "select indicator_code, naam, eenheid, decimalen, min_waarde, max_waarde from indicator order by indicator_code"
    )
    indicatoren = {r[0]: dict(naam=r[1], eenheid=r[2], decimalen=r[3], min=r[4], max=r[5]) for r in cur.fetchall()}
    kader = {}
    for kid, gem, oms, code in con.execute(
        "select kader_indicator_id, gemeente_code, omschrijving, indicator_code from kader_indicator order by volgorde"
    ).fetchall():
        kader.setdefault((gem, normaliseer_indicator(oms)), (kid, code))
    return Referentie(gemeenten=gemeenten, indicatoren=indicatoren, kader=kader)


def _kop(waarde) -> str:
    return re.sub(r"\s+", " ", str(waarde).replace("_", " ")).strip().lower() if waarde is not None else ""


def normaliseer_indicator(tekst: str) -> str:
    """'Doel 4: Niet meer dan 25%  zit ... uitkering **' -> 'niet meer dan 25% zit ... uitkering'."""
    t = re.sub(r"\s+", " ", str(tekst)).strip().lower()
    t = re.sub(r"^doel\s*\d+[a-z]?\s*[:.)\-]\s*", "", t)
    t = re.sub(r"[\s*†‡.:;]+$", "", t)
    return t


_MACHINEGETAL = re.compile(r"[-+]?\d+(?:\.\d+)?")


@functools.lru_cache(maxsize=65536)
def lees_getal(tekst, getalcel: bool = False) -> tuple[float, bool]:
    """(getal, met procentteken) uit een cel. ValueError (Nederlandse uitleg) als het geen getal is.

    Een getalcel komt van calamine in machinenotatie ('1.234' is 1,234; '0.26'); tekst leest opmaak.lees_getal
    zoals een mens in een Nederlands werkboek schrijft ('1.234' is 1234, '12,5', '26%'), net als een
    streefwaarde: dezelfde tekst is in een waarde en een streefwaarde hetzelfde getal.
    """
    s = str(tekst).strip()
    if getalcel:
        if not _MACHINEGETAL.fullmatch(s):
            raise ValueError(f"'{tekst}' is geen getal.")
        return float(s), False
    procent = s.endswith("%")
    return opmaak.lees_getal(s[:-1] if procent else s), procent


def getalcel_als_tekst(tekst: str, procent: bool) -> str:
    """Een getalcel in Nederlandse notatie, zoals de gebruiker hem in Excel ziet: 1.234 -> '1,234', 0,26 in een
    procentcel -> '26%'. Alle decimalen blijven staan (opmaak.getal zonder vaste decimalen)."""
    getal = lees_getal(tekst, getalcel=True)[0]
    return opmaak.getal(round(getal * 100, 10), None) + "%" if procent else opmaak.getal(getal, None)


@dataclass
class Waarde:
    rij: int
    kolom: str | None
    gemeente_code: str
    indicator_code: str
    peiljaar: int
    leeftijd: str
    waarde: float
    bron: str | None
    toelichting: str | None


@dataclass
class Streef:
    rij: int
    kolom: str | None
    gemeente_code: str
    indicator_code: str | None
    kader_indicator_id: str | None
    indicator_tekst: str
    jaar: int | None
    tekst: str | None
    soort: str | None
    waarde: float | None
    ondergrens: float | None
    bovengrens: float | None
    richting: str | None
    nulmeting_jaar: int | None
    nulmeting_waarde: float | None
    bron: str | None
    toelichting: str | None


@dataclass
class Werkblad:
    """Het begrepen werkblad: werkbladsoort, rijen en de problemen."""

    naam: str
    werkbladsoort: str  # 'waarden' of 'streefwaarden'
    koprij: int
    waarden: list[Waarde] = field(default_factory=list)
    streefwaarden: list[Streef] = field(default_factory=list)
    meldingen: list[Melding] = field(default_factory=list)
    overgeslagen: Melding | None = None  # geen gegevens (leeg, geen tabel, alleen een kopregel): waarom

    @property
    def aantal(self) -> int:
        return len(self.waarden) + len(self.streefwaarden)


def _zoek_kop(blad: Blad) -> tuple[int, dict[str, int], dict[int, tuple[int, bool]]] | None:
    """(koprij, {veld: kolom}, {kolom: (jaar, is_nulmeting)}) of None."""
    for r in range(1, min(len(blad.rijen), KOPRIJ_ZOEKEN) + 1):
        velden: dict[str, int] = {}
        jaren: dict[int, tuple[int, bool]] = {}
        for k, cel in enumerate(blad.rijen[r - 1], start=1):
            kop = _kop(cel)
            if kop.endswith(".0") and kop[:-2].isdigit():
                kop = kop[:-2]
            for veld, namen in KOLOMNAMEN.items():
                if kop in namen and veld not in velden:
                    velden[veld] = k
                    break
            else:
                m = _JAARKOLOM.match(kop)
                if m and 1900 < int(m.group(2)) < 2200:
                    jaren[k] = (int(m.group(2)), bool(m.group(1) or m.group(3)))
        if "indicator" in velden and ({"waarde", "streefwaarde"} & velden.keys() or jaren):
            return r, velden, jaren
    return None


def _tekst(waarde) -> str | None:
    if waarde is None:
        return None
    t = str(waarde).strip()
    return t or None


@dataclass(frozen=True)
class _Bevinding:
    """Een probleem met een waarde, nog zonder plek; `_Werkbladcontrole.meld` zet er de plek bij."""

    probleem: str
    gevonden: str | None = None
    verwacht: str | None = None
    oplossing: str | None = None


_Uitkomst = tuple  # (uitkomst, tuple[_Bevinding, ...])


class _Werkbladcontrole:
    """Leest één werkblad in; verzamelt meldingen in plaats van te stoppen bij de eerste.

    Elke controle (`_cel`, `_gemeente`, `_indicator`, `_jaar`, `_getal`, `_bereik`, `_eenheid`) hangt alleen af
    van de waarde (en de soort cel), niet van de plek: ze geeft (uitkomst, bevindingen) en wordt per
    verschillende waarde één keer gedaan. De rij-voor-rij-aanroepen (`cel`, `getal`, ...) en de gevectoriseerde
    waarden (`_waarden`) zetten de plek erbij. Zo heeft elke controle één thuis.
    """

    def __init__(self, bestand: str, blad: Blad, ref: Referentie, gemeente: str | None):
        self.bestand, self.blad, self.ref, self.gemeente = bestand, blad, ref, gemeente
        self.dit_jaar = dt.date.today().year
        self.meldingen: list[Melding] = []
        for naam in ("_cel", "_gemeente", "_indicator", "_jaar", "_getal", "_bereik", "_eenheid"):
            setattr(self, naam, functools.lru_cache(maxsize=None)(getattr(self, naam)))

    def melding(self, bevinding: _Bevinding, rij: int | None = None, kolom: int | None = None) -> Melding:
        return Melding(
            bestand=self.bestand,
            werkblad=self.blad.naam,
            rij=rij,
            kolom=kolomletter(kolom) if kolom else None,
            gevonden=bevinding.gevonden,
            probleem=bevinding.probleem,
            verwacht=bevinding.verwacht,
            oplossing=bevinding.oplossing,
        )

    def meld(self, probleem: str, rij: int | None = None, kolom: int | None = None, gevonden=None, **kw):
        self.meldingen.append(self.melding(_bevinding(probleem, gevonden, **kw), rij, kolom))

    def _met_plek(self, uitkomst: _Uitkomst, rij: int | None, kolom: int | None):
        waarde, bevindingen = uitkomst
        self.meldingen.extend(self.melding(b, rij, kolom) for b in bevindingen)
        return waarde

    # ------------------------------------------------ de controles, per waarde

    def _cel(self, ruw, formule: bool) -> _Uitkomst:
        """De tekst van een cel (None als leeg); een formule zonder berekende waarde of een stuurteken is een
        probleem."""
        if formule:
            return None, (
                _bevinding(
                    "De cel bevat een formule zonder berekende waarde.",
                    verwacht="een waarde, of een formule die Excel heeft uitgerekend",
                    oplossing="Open het bestand in Excel, laat het herberekenen en sla het op, "
                    "of plak de cellen als waarden.",
                ),
            )
        tekst = _tekst(ruw)
        if tekst is not None and heeft_stuurtekens(tekst):
            return schone_tekst(tekst, vervang=""), (
                _bevinding(
                    "De cel bevat een onzichtbaar stuurteken (zoals NUL, BEL of ESC; in het bestand soms "
                    "geschreven als _x001B_); zulke tekst wordt niet opgeslagen.",
                    schone_tekst(tekst, zichtbaar=True),
                    verwacht="gewone tekst, zonder stuurtekens",
                    oplossing="Verwijder het teken: typ de cel opnieuw in, of zet er =WISSEN.CONTROL(cel) "
                    "(Engelse Excel: =CLEAN(cel)) naast en plak de uitkomst als waarde.",
                ),
            )
        return tekst, ()

    def _getal(self, tekst: str, getalcel: bool, procentcel: bool, wat: str) -> _Uitkomst:
        """(getal, met procent) of None."""
        try:
            getal, procent = lees_getal(tekst, getalcel)
        except opmaak.DubbelzinnigGetal as fout:
            return None, (
                _bevinding(
                    f"Het getal ({wat}) is dubbelzinnig: in Nederlandse notatie scheidt een punt duizendtallen "
                    "en een komma decimalen.",
                    tekst,
                    verwacht="een getal in Nederlandse notatie, bijvoorbeeld 12,5 of 1.234",
                    oplossing=f"Schrijf '{fout.decimaal}' voor een decimaal getal of '{fout.heel}' voor een heel getal.",
                ),
            )
        except ValueError:
            return None, (
                _bevinding(
                    f"Tekst waar een getal ({wat}) hoort.",
                    tekst,
                    verwacht="een getal, bijvoorbeeld 12,5 of 26%",
                    oplossing="Zet alleen het getal in de cel; een streefwaarde als 'minimaal 85%' hoort in "
                    "het werkblad Streefwaarden, een opmerking in de kolom toelichting.",
                ),
            )
        if procentcel and getalcel:
            return (getal * 100, True), ()  # 0,26 opgemaakt als 26% -> 26 (een tekstcel toont Excel zoals hij is)
        return (getal, procent), ()

    def _gemeente(self, tekst: str | None) -> _Uitkomst:
        if tekst is None:
            return None, (
                _bevinding(
                    "De gemeente ontbreekt.",
                    verwacht=f"een van: {self.ref.gemeente_lijst()}",
                    oplossing="Vul de gemeentecode of -naam in.",
                ),
            )
        for code, naam in self.ref.gemeenten.items():
            if tekst.upper() == code or tekst.lower() in (naam.lower(), f"gemeente {naam.lower()}"):
                return code, ()
        return None, (
            _bevinding(
                "Onbekende gemeente.",
                tekst,
                verwacht=f"een van: {self.ref.gemeente_lijst()}",
                oplossing="Gebruik een code of naam uit het werkblad Codes van het sjabloon.",
            ),
        )

    def _indicator(self, tekst: str | None, gemeente: str | None, registry_nodig: bool) -> _Uitkomst:
        """(indicator_code, kader_indicator_id, tekst) of None."""
        if tekst is None:
            return None, (
                _bevinding(
                    "De indicator ontbreekt.",
                    verwacht="een indicatorcode uit het werkblad Codes",
                    oplossing="Vul de indicatorcode in.",
                ),
            )
        code = tekst.strip().lower()
        if code in self.ref.indicatoren:
            return (code, None, tekst), ()
        norm = normaliseer_indicator(tekst)
        for c, ind in self.ref.indicatoren.items():
            if normaliseer_indicator(ind["naam"]) == norm:
                return (c, None, tekst), ()
        if gemeente and (gemeente, norm) in self.ref.kader:
            kid, c = self.ref.kader[(gemeente, norm)]
            if c or not registry_nodig:
                return (c, kid, tekst), ()
            return None, (
                _bevinding(
                    "Deze indicator uit het kader van de gemeente is (nog) niet aan een indicator in de registry "
                    "gekoppeld; waarden ervan kunnen nog niet worden opgeslagen.",
                    tekst,
                    verwacht="een indicatorcode uit het werkblad Codes",
                    oplossing="Gebruik een indicatorcode, of vraag de beheerder de indicator op te nemen.",
                ),
            )
        return None, (
            _bevinding(
                "Onbekende indicator.",
                tekst,
                verwacht="een indicatorcode of -naam uit het werkblad Codes, of de formulering uit het "
                "beleidskader van de gemeente",
                oplossing="Kies de indicator uit de lijst in het sjabloon (werkblad Codes).",
            ),
        )

    def _jaar(self, tekst: str | None, getalcel: bool, van: int, tot: int, wat: str) -> _Uitkomst:
        verwacht = f"een jaartal van {van} tot en met {tot}"
        if tekst is None:
            return None, (_bevinding(f"Het {wat} ontbreekt.", verwacht=verwacht, oplossing=f"Vul het {wat} in."),)
        try:
            getal, _ = lees_getal(tekst, getalcel)
        except ValueError:
            getal = None
        if getal is None or getal != int(getal):
            return None, (
                _bevinding(
                    f"Het {wat} is geen jaartal.",
                    tekst,
                    verwacht=verwacht,
                    oplossing="Schrijf het jaar als getal, bijvoorbeeld 2023.",
                ),
            )
        if not van <= getal <= tot:
            return None, (
                _bevinding(
                    f"Het {wat} ligt buiten het toegestane bereik.",
                    tekst,
                    verwacht=verwacht,
                    oplossing="Controleer het jaartal.",
                ),
            )
        return int(getal), ()

    def _bereik(self, code: str, waarde: float, procent: bool, tekst: str) -> _Uitkomst:
        """True als de waarde kan voor deze indicator."""
        ind = self.ref.indicatoren[code]
        is_pct = ind["eenheid"].startswith("%")
        if procent and not is_pct:
            return False, (
                _bevinding(
                    f"Een percentage bij een indicator met eenheid '{ind['eenheid']}'.",
                    tekst,
                    verwacht=f"een getal in {ind['eenheid']}",
                    oplossing="Controleer de indicator of de waarde.",
                ),
            )
        laag = ind["min"] if ind["min"] is not None else (0.0 if is_pct else None)
        hoog = ind["max"] if ind["max"] is not None else (100.0 if is_pct else None)
        if (laag is not None and waarde < laag) or (hoog is not None and waarde > hoog):
            grens = (
                f"van {opmaak.getal(laag, None)} tot en met {opmaak.getal(hoog, None)}"
                if hoog is not None
                else f"minstens {opmaak.getal(laag, None)}"
            )
            return False, (
                _bevinding(
                    f"De waarde ligt buiten het mogelijke bereik voor '{code}' ({ind['eenheid']}).",
                    tekst,
                    verwacht=f"een waarde {grens}",
                    oplossing="Controleer de waarde; een percentage schrijf je als 26 of 26%, niet als 2600.",
                ),
            )
        if ind["decimalen"] == 0 and ind["eenheid"].startswith("aantal") and waarde != int(waarde):
            return False, (
                _bevinding(
                    f"Een aantal hoort een heel getal te zijn ('{code}').",
                    tekst,
                    verwacht="een heel getal, zonder punt als duizendtalscheiding (1234, niet 1.234)",
                    oplossing="Schrijf het aantal zonder punt of komma.",
                ),
            )
        return True, ()

    def _eenheid(self, tekst: str | None, code: str) -> _Uitkomst:
        if tekst is None:
            return None, ()
        verwacht = self.ref.indicatoren[code]["eenheid"]
        t = _kop(tekst).replace("procent", "%").replace("percentage", "%")
        v = _kop(verwacht)
        if t == v or v.startswith(t + " ") or (t == "%" and v.startswith("%")):
            return None, ()
        return None, (
            _bevinding(
                f"De eenheid past niet bij indicator '{code}'.",
                tekst,
                verwacht=f"'{verwacht}'",
                oplossing="Controleer of de juiste indicator is gekozen, of reken de waarde om naar de eenheid "
                "van de indicator.",
            ),
        )

    # ------------------------------------------------ rij voor rij: dezelfde controles, met de plek erbij

    def getalcel(self, rij: int, kolom: int) -> bool:
        return (rij, kolom) not in self.blad.tekstcellen

    def cel(self, rij: int, kolom: int | None):
        """De waarde van een cel; None als leeg. Meldt een formule zonder berekende waarde of een stuurteken."""
        if not kolom:
            return None
        formule = (rij, kolom) in self.blad.formule_zonder_waarde
        return self._met_plek(self._cel(None if formule else self.blad.cel(rij, kolom), formule), rij, kolom)

    def getal(self, rij: int, kolom: int, tekst: str, wat: str) -> tuple[float, bool] | None:
        getalcel = self.getalcel(rij, kolom)
        return self._met_plek(self._getal(tekst, getalcel, (rij, kolom) in self.blad.procent, wat), rij, kolom)

    def gemeente_code(self, rij: int, kolom: int | None) -> str | None:
        if kolom is None and self.gemeente:
            return self.gemeente
        return self._met_plek(self._gemeente(self.cel(rij, kolom)), rij, kolom)

    def indicator(self, rij: int, kolom: int, gemeente: str | None, registry_nodig: bool):
        """(indicator_code, kader_indicator_id, tekst) of None."""
        return self._met_plek(self._indicator(self.cel(rij, kolom), gemeente, registry_nodig), rij, kolom)

    def jaar(self, rij: int, kolom: int, tekst: str | None, van: int, tot: int, wat: str) -> int | None:
        return self._met_plek(self._jaar(tekst, self.getalcel(rij, kolom), van, tot, wat), rij, kolom)

    def bereik(self, rij: int, kolom: int, code: str, waarde: float, procent: bool, tekst: str) -> bool:
        return self._met_plek(self._bereik(code, waarde, procent, tekst), rij, kolom)

    def eenheid(self, rij: int, kolom: int | None, code: str) -> None:
        self._met_plek(self._eenheid(self.cel(rij, kolom), code), rij, kolom)


def _bevinding(probleem: str, gevonden=None, **kw) -> _Bevinding:
    return _Bevinding(probleem, None if gevonden is None else schone_tekst(str(gevonden), zichtbaar=True), **kw)


def _gevuld(rij: list) -> list:
    return [c for c in rij if c is not None and str(c).strip()]


def lees_werkblad(
    bestand: str, blad: Blad, ref: Referentie, gemeente: str | None = None, werkbladsoort: str | None = None
) -> Werkblad:
    """Interpreteert en controleert één werkblad.

    Een werkblad zonder gegevens (leeg, zonder tabel zoals een blad dat de export uitlegt, of alleen een
    kopregel) heeft `overgeslagen`: de reden, als Melding. Het bestand wordt pas geweigerd als geen enkel
    werkblad gegevens heeft (loaders.excel.valideer).
    """
    controle = _Werkbladcontrole(bestand, blad, ref, gemeente)
    werkblad = Werkblad(naam=blad.naam, werkbladsoort=werkbladsoort or "waarden", koprij=0)
    if not any(_tekst(c) for r in blad.rijen for c in r):
        controle.meld("Het werkblad is leeg: geen gegevens.", oplossing=_VUL_SJABLOON)
        werkblad.overgeslagen = controle.meldingen.pop()
        return werkblad
    kop = _zoek_kop(blad)
    if kop is None:
        controle.meld(
            "Geen kopregel gevonden, dus geen tabel met gegevens.",
            verwacht="een rij met de kolomnamen gemeente, indicator, peiljaar, "
            "waarde (of indicator met jaartallen als kolommen) in de eerste 30 rijen",
            oplossing="Gebruik het sjabloon, of zet de kolomnamen boven de gegevens.",
        )
        werkblad.overgeslagen = controle.meldingen.pop()
        return werkblad
    koprij, velden, jaren = kop
    if werkbladsoort is None:
        if "streefwaarde" in velden:
            werkbladsoort = "streefwaarden"
        elif "waarde" in velden:
            werkbladsoort = "waarden"
        elif any(nul for _, nul in jaren.values()) or re.search(r"streef|doel", blad.naam, re.I):
            werkbladsoort = "streefwaarden"
        else:
            werkbladsoort = "waarden"
    werkblad = Werkblad(naam=blad.naam, werkbladsoort=werkbladsoort, koprij=koprij)
    breed = "waarde" not in velden and "streefwaarde" not in velden
    if "gemeente" not in velden and not gemeente:
        controle.meld(
            "Het werkblad heeft geen kolom 'gemeente' en er is geen gemeente gekozen.",
            koprij,
            verwacht="een kolom gemeente, of een gekozen gemeente",
            oplossing="Kies de gemeente bij het uploaden (of --gemeente GM0148), of voeg een kolom gemeente toe.",
        )
        werkblad.meldingen = controle.meldingen
        return werkblad
    gezien: dict[tuple, int] = {}
    for rij in range(koprij + 1, len(blad.rijen) + 1):
        cellen = blad.rijen[rij - 1]
        gevuld = _gevuld(cellen)
        if not gevuld and not any((rij, k) in blad.formule_zonder_waarde for k in range(1, len(cellen) + 1)):
            continue
        if len(gevuld) == 1 and str(gevuld[0]).lstrip().startswith("*"):
            continue  # voetnoot onder de tabel
        if breed and not any(_tekst(blad.cel(rij, k)) or (rij, k) in blad.formule_zonder_waarde for k in jaren):
            continue  # een indicator zonder cijfers (zoals 'Doel 6: aantal garantiebanen')
        gem = controle.gemeente_code(rij, velden.get("gemeente"))
        ind = controle.indicator(rij, velden["indicator"], gem, registry_nodig=werkbladsoort == "waarden")
        bron = controle.cel(rij, velden.get("bron"))
        toelichting = controle.cel(rij, velden.get("toelichting"))
        leeftijd = controle.cel(rij, velden.get("leeftijd")) or "totaal"
        if werkbladsoort == "waarden":
            kolommen = [(k, j) for k, (j, nul) in jaren.items()] if breed else [(velden["waarde"], None)]
            for k, jaar_kop in kolommen:
                tekst = controle.cel(rij, k)
                if breed and tekst is None:
                    continue
                if jaar_kop is None:
                    jaar = controle.jaar(
                        rij,
                        velden.get("peiljaar") or velden.get("jaar"),
                        controle.cel(rij, velden.get("peiljaar") or velden.get("jaar")),
                        EERSTE_PEILJAAR,
                        controle.dit_jaar,
                        "peiljaar",
                    )
                else:
                    jaar = (
                        jaar_kop
                        if jaar_kop <= controle.dit_jaar
                        else controle.jaar(koprij, k, str(jaar_kop), EERSTE_PEILJAAR, controle.dit_jaar, "peiljaar")
                    )
                if tekst is None:
                    if (rij, k) not in blad.formule_zonder_waarde:
                        controle.meld(
                            "De waarde ontbreekt.",
                            rij,
                            k,
                            verwacht="een getal",
                            oplossing="Vul de waarde in, of laat de hele rij weg als er geen cijfer is.",
                        )
                    continue
                getal = controle.getal(rij, k, tekst, "waarde")
                if ind is None or gem is None or jaar is None or getal is None:
                    continue
                code = ind[0]
                if not controle.bereik(rij, k, code, getal[0], getal[1], tekst):
                    continue
                if not breed:
                    controle.eenheid(rij, velden.get("eenheid"), code)
                sleutel = (gem, code, jaar, leeftijd)
                if sleutel in gezien:
                    controle.meld(
                        f"Dubbele rij: deze gemeente, indicator en peiljaar staan ook in rij {gezien[sleutel]}.",
                        rij,
                        k,
                        tekst,
                        verwacht="elke combinatie van gemeente, indicator en peiljaar één keer",
                        oplossing="Verwijder een van beide rijen.",
                    )
                    continue
                gezien[sleutel] = rij
                werkblad.waarden.append(
                    Waarde(rij, kolomletter(k), gem, code, jaar, leeftijd, getal[0], bron, toelichting)
                )
        else:
            _streefrij(controle, werkblad, rij, velden, jaren, breed, gem, ind, bron, toelichting, gezien)
    if not werkblad.aantal and not controle.meldingen:
        controle.meld("Het werkblad heeft alleen een kopregel: geen gegevens.", koprij, oplossing=_VUL_SJABLOON)
        werkblad.overgeslagen = controle.meldingen.pop()
    werkblad.meldingen = controle.meldingen
    return werkblad


_VUL_SJABLOON = "Vul het werkblad Waarden of Streefwaarden van het sjabloon."


def _streefrij(
    controle: _Werkbladcontrole, werkblad: Werkblad, rij, velden, jaren, breed, gem, ind, bron, toelichting, gezien
):
    from kompas.streefwaarden import parse_streefwaarde

    blad = controle.blad
    nul_jaar = nul_waarde = None
    doelen: list[tuple[int | None, int | None]] = []  # (kolom, jaar)
    if breed:
        for k, (jaar, is_nul) in jaren.items():
            tekst = controle.cel(rij, k)
            if is_nul:
                nul_jaar = jaar
                if tekst is not None:
                    getal = controle.getal(rij, k, tekst, "nulmeting")
                    if getal and ind and ind[0]:
                        controle.bereik(rij, k, ind[0], getal[0], getal[1], tekst)
                    nul_waarde = getal[0] if getal else None
            elif tekst is not None:
                doelen.append((k, jaar))
        if not doelen:
            doelen.append((None, None))
    else:
        tekst_jaar = controle.cel(rij, velden.get("jaar"))
        jaar = (
            controle.jaar(
                rij, velden.get("jaar"), tekst_jaar, EERSTE_STREEFJAAR, controle.dit_jaar + STREEF_JAREN_VOORUIT, "jaar"
            )
            if tekst_jaar or "nulmeting_jaar" not in velden
            else None
        )
        nj = controle.cel(rij, velden.get("nulmeting_jaar"))
        if nj is not None:
            nul_jaar = controle.jaar(
                rij, velden["nulmeting_jaar"], nj, EERSTE_PEILJAAR, controle.dit_jaar, "nulmetingsjaar"
            )
        nw = controle.cel(rij, velden.get("nulmeting_waarde"))
        if nw is not None:
            getal = controle.getal(rij, velden["nulmeting_waarde"], nw, "nulmeting")
            nul_waarde = getal[0] if getal else None
        doelen.append((velden.get("streefwaarde"), jaar))
    for k, jaar in doelen:
        if breed and k is not None:
            jaar = (
                jaar
                if EERSTE_STREEFJAAR <= jaar <= controle.dit_jaar + STREEF_JAREN_VOORUIT
                else controle.jaar(
                    werkblad.koprij, k, str(jaar), EERSTE_STREEFJAAR, controle.dit_jaar + STREEF_JAREN_VOORUIT, "jaar"
                )
            )
        tekst = controle.cel(rij, k) if k else None
        if tekst is not None and controle.getalcel(rij, k):
            try:
                tekst = getalcel_als_tekst(tekst, (rij, k) in blad.procent)
            except ValueError:
                pass
        if tekst is None and not breed:
            controle.meld(
                "De streefwaarde ontbreekt.",
                rij,
                k,
                verwacht="een streefwaarde, bijvoorbeeld 'minimaal 85%'",
                oplossing="Vul de streefwaarde in.",
            )
            continue
        s = None
        if tekst is not None:
            try:
                s = parse_streefwaarde(tekst)
            except ValueError as fout:
                controle.meld(
                    f"De streefwaarde is niet te lezen: {fout}",
                    rij,
                    k,
                    tekst,
                    verwacht="bijvoorbeeld '85%', 'minimaal 85%', '>30%', 'maximaal 25%', '20-30%' of 'daling'",
                    oplossing="Schrijf de streefwaarde zoals in de voorbeelden.",
                )
                continue
        if ind is None or gem is None:
            continue
        sleutel = ("streef", gem, ind[0] or ind[1], jaar)
        if sleutel in gezien:
            controle.meld(
                f"Dubbele rij: deze gemeente, indicator en jaar staan ook in rij {gezien[sleutel]}.",
                rij,
                k,
                tekst,
                verwacht="elke combinatie van gemeente, indicator en jaar één keer",
                oplossing="Verwijder een van beide rijen.",
            )
            continue
        gezien[sleutel] = rij
        if s is not None and ind[0]:
            for getal in (s.waarde, s.ondergrens, s.bovengrens):
                if getal is not None and not controle.bereik(rij, k, ind[0], getal, False, tekst):
                    break
        werkblad.streefwaarden.append(
            Streef(
                rij=rij,
                kolom=kolomletter(k) if k else None,
                gemeente_code=gem,
                indicator_code=ind[0],
                kader_indicator_id=ind[1],
                indicator_tekst=ind[2],
                jaar=jaar,
                tekst=tekst,
                soort=s.soort if s else None,
                waarde=s.waarde if s else None,
                ondergrens=s.ondergrens if s else None,
                bovengrens=s.bovengrens if s else None,
                richting=s.richting if s else None,
                nulmeting_jaar=nul_jaar,
                nulmeting_waarde=nul_waarde,
                bron=bron,
                toelichting=toelichting,
            )
        )


def lees_en_controleer(
    data: bytes, naam: str, ref: Referentie, gemeente: str | None, werkbladsoort: str | None, grenzen: dict[str, int]
) -> tuple[list[str], list[Werkblad]]:
    """(namen van de gelezen werkbladen, de werkbladen met gegevens of meldingen). Werpt UploadGeweigerd.

    Draait in het werkproces (loaders/werker.py, aangeroepen door loaders.excel.valideer): hier opent
    calamine het bestand. `grenzen`: MAX_* uit loaders.excel_lezen zoals de aanroeper ze kent.
    """
    for grens, waarde in grenzen.items():
        setattr(excel_lezen, grens, waarde)
    bladen = excel_lezen.lees_werkbladen(data, naam)
    werkbladen = [w for b in bladen if (w := lees_werkblad(naam, b, ref, gemeente, werkbladsoort)) is not None]
    return [b.naam for b in bladen], werkbladen
