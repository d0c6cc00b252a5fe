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

import polars as pl

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
    tabel: pl.DataFrame | None = None  # de waarden: één rij per Waarde (kolommen zoals Waarde)
    streefwaarden: list[Streef] = field(default_factory=list)
    meldingen: list[Melding] = field(default_factory=list)
    overgeslagen: Melding | None = None  # geen gegevens (leeg, geen tabel, alleen een kopregel): waarom

    @property
    def waarden(self) -> list[Waarde]:
        return [] if self.tabel is None else [Waarde(**r) for r in self.tabel.iter_rows(named=True)]

    @property
    def aantal(self) -> int:
        return (0 if self.tabel is None else self.tabel.height) + len(self.streefwaarden)


def _zoek_kop(blad: Blad) -> tuple[int, dict[str, int], dict[int, tuple[int, bool]]] | None:
    """(koprij, {veld: kolom}, {kolom: (jaar, is_nulmeting)}) of None."""
    for r, cellen in enumerate(blad.frame.head(KOPRIJ_ZOEKEN).rows(), start=1):
        velden: dict[str, int] = {}
        jaren: dict[int, tuple[int, bool]] = {}
        for k, cel in enumerate(cellen, start=1):
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


# wat str.strip() weghaalt (tests/test_upload.py rekent het na)
_WITRUIMTE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)


def _teksten(frame: pl.DataFrame) -> pl.DataFrame:
    """Per cel `_tekst` (zonder witruimte eromheen, leeg wordt None), gevectoriseerd."""
    geschoond = frame.select(pl.all().str.strip_chars(_WITRUIMTE))
    return geschoond.select(pl.when(pl.all() != "").then(pl.all()).name.keep())


def _gegevensrijen(
    blad: Blad, teksten: pl.DataFrame, koprij: int, jaren: dict[int, tuple[int, bool]], breed: bool
) -> list[int]:
    """De rijen onder de kopregel met gegevens: niet leeg, geen voetnoot ('* ...' alleen), en in een breed
    werkblad minstens één jaarcel gevuld (geen indicator zonder cijfers, zoals 'Doel 6: aantal garantiebanen')."""
    teksten = teksten.slice(koprij)
    formules = {r for r, k in blad.formule_zonder_waarde if k <= blad.frame.width}
    rij = pl.int_range(koprij + 1, koprij + 1 + teksten.height)
    gevuld = pl.sum_horizontal(pl.col(c).is_not_null() for c in teksten.columns) if teksten.columns else pl.lit(0)
    met_formule = rij.is_in(list(formules))
    houden = ((gevuld > 0) | met_formule) & ~((gevuld == 1) & pl.coalesce(teksten.columns).str.starts_with("*"))
    if breed:
        jaarformules = {r for r, k in blad.formule_zonder_waarde if k in jaren}
        houden &= pl.any_horizontal(
            *(pl.col(str(k)).is_not_null() for k in jaren if str(k) in teksten.columns), rij.is_in(list(jaarformules))
        )
    return teksten.select(rij.filter(houden)).to_series().to_list() if teksten.height else []


class _Kolommen:
    """De cellen van de gegevensrijen, kolom voor kolom, met hun soort (formule zonder waarde, tekstcel,
    procentcel) en de bevindingen van de controles per stap, voor de gevectoriseerde waarden."""

    def __init__(self, controle: _Werkbladcontrole, rijen: list[int]):
        self.controle = controle
        self.rijen = pl.DataFrame({"rij": rijen}, schema={"rij": pl.Int64})
        self.bevindingen: list[tuple[_Bevinding, ...]] = []
        self.gevonden: list[pl.DataFrame] = []  # rij, volgorde, stap, melding_rij, kolom, bevinding

    def cel(self, k: int | None, rijen: pl.DataFrame) -> pl.DataFrame:
        """Voor elke rij van `rijen`: ruw, formule, getalcel, procent van kolom k."""
        blad = self.controle.blad
        if not k:
            return rijen.with_columns(
                ruw=pl.lit(None, pl.String), formule=pl.lit(False), getalcel=pl.lit(True), procent=pl.lit(False)
            )
        # op rijnummer uit kolommen halen (gather), niet joinen: de rijen van `rijen` blijven in hun volgorde
        rij = rijen["rij"]
        hoogte = max(blad.frame.height, blad.cellen["rij"].max() or 0, rij.max() or 0) + 1
        soort = blad.cellen.filter(pl.col("kolom") == k)
        tekst = pl.repeat(False, hoogte, eager=True).scatter(soort["rij"], soort["tekst"]) if soort.height else None
        procent = pl.repeat(False, hoogte, eager=True).scatter(soort["rij"], soort["procent"]) if soort.height else None
        ruw = (
            blad.frame[str(k)].append(pl.Series([None] * (hoogte - blad.frame.height), dtype=pl.String))
            if str(k) in blad.frame.columns
            else None
        )
        formules = [r for r, kk in blad.formule_zonder_waarde if kk == k]
        index = (rij - 1).clip(0)  # rij 1 is plek 0
        return (
            rijen.with_columns(
                ruw=ruw.gather(index) if ruw is not None else pl.lit(None, pl.String),
                getalcel=~tekst.gather(rij) if tekst is not None else pl.lit(True),
                procent=procent.gather(rij) if procent is not None else pl.lit(False),
            )
            .with_columns(formule=pl.col("rij").is_in(formules))
            .with_columns(ruw=pl.when(~pl.col("formule")).then("ruw"))
        )

    def controleer(
        self, f: pl.DataFrame, sleutels: list[str], functie, uit: dict, stap: int, kolom, melding_rij=None
    ) -> pl.DataFrame:
        """Voegt aan f de uitkomst van `functie(*sleutel)` toe, één keer per verschillende sleutel: de kolommen
        van `uit` (naam: (haal uit de uitkomst, dtype)). De bevindingen komen bij stap `stap`, op kolom `kolom`
        (een getal of een kolomnaam van f) en rij `melding_rij` (standaard de rij zelf)."""
        uniek = f.select(sleutels).unique()
        uitkomsten = [functie(*s) for s in uniek.iter_rows()]
        begin = len(self.bevindingen)
        self.bevindingen.extend(b for _, b in uitkomsten)
        tabel = uniek.with_columns(
            *(pl.Series(naam, [haal(u) for u, _ in uitkomsten], dtype=dtype) for naam, (haal, dtype) in uit.items()),
            pl.Series("_bev", [begin + i if b else None for i, (_, b) in enumerate(uitkomsten)], dtype=pl.Int64),
        )
        f = f.join(tabel, on=sleutels, how="left", nulls_equal=True, maintain_order="left")
        self.gevonden.append(
            f.filter(pl.col("_bev").is_not_null()).select(
                "rij",
                "volgorde",
                stap=pl.lit(stap),
                melding_rij=pl.lit(melding_rij, pl.Int64) if melding_rij is not None else pl.col("rij"),
                kolom=pl.col(kolom) if isinstance(kolom, str) else pl.lit(kolom, pl.Int64),
                bevinding="_bev",
            )
        )
        return f.drop("_bev")

    def meldingen(self) -> list[Melding]:
        """Alle meldingen in de volgorde van het werkblad: per rij, per kolom en per stap, zoals een lezer."""
        if not self.gevonden:
            return []
        alle = pl.concat([g.cast({"volgorde": pl.Int64, "kolom": pl.Int64}) for g in self.gevonden])
        return [
            self.controle.melding(b, melding_rij, kolom)
            for _, _, _, melding_rij, kolom, i in alle.sort("rij", "volgorde", "stap").iter_rows()
            for b in self.bevindingen[i]
        ]


def _uit(naam: str, haal, dtype) -> dict:
    return {naam: (haal, dtype)}


def _waarden(controle: _Werkbladcontrole, werkblad: Werkblad, rijen: list[int], velden, jaren, breed) -> None:
    """De waarden van een werkblad, gevectoriseerd: per kolom een frame, elke controle één keer per
    verschillende waarde (de controles van _Werkbladcontrole), de meldingen in de volgorde van het werkblad."""
    k = _Kolommen(controle, rijen)

    def cel(f, kolom, stap, naam):
        c = k.cel(kolom, f.select("rij", "volgorde"))
        c = k.controleer(c, ["ruw", "formule"], controle._cel, _uit(naam, lambda u: u, pl.String), stap, kolom or 0)
        return f.with_columns(c[naam])  # k.cel en controleer houden de rijen van f, in dezelfde volgorde

    f = k.rijen.with_columns(volgorde=pl.lit(-1, pl.Int64))
    if velden.get("gemeente"):
        f = cel(f, velden["gemeente"], 1, "gem_tekst")
        f = k.controleer(
            f, ["gem_tekst"], controle._gemeente, _uit("gem", lambda u: u, pl.String), 2, velden["gemeente"]
        )
    else:
        f = f.with_columns(gem=pl.lit(controle.gemeente, pl.String))
    f = cel(f, velden["indicator"], 3, "ind_tekst")
    f = k.controleer(
        f,
        ["ind_tekst", "gem"],
        lambda t, g: controle._indicator(t, g, True),
        _uit("code", lambda u: u and u[0], pl.String),
        4,
        velden["indicator"],
    )
    f = cel(f, velden.get("bron"), 5, "bron")
    f = cel(f, velden.get("toelichting"), 6, "toelichting")
    f = cel(f, velden.get("leeftijd"), 7, "leeftijd").with_columns(pl.col("leeftijd").fill_null("totaal"))
    kolommen = [(kk, j) for kk, (j, _) in jaren.items()] if breed else [(velden["waarde"], None)]
    v = pl.concat(
        [
            k.cel(kk, f.drop("volgorde")).with_columns(volgorde=pl.lit(i), k=pl.lit(kk), jaar_kop=pl.lit(j, pl.Int64))
            for i, (kk, j) in enumerate(kolommen)
        ]
    ).sort("rij", "volgorde")
    v = k.controleer(v, ["ruw", "formule"], controle._cel, _uit("tekst", lambda u: u, pl.String), 8, "k")
    if breed:
        v = v.filter(pl.col("tekst").is_not_null())
        later = v.filter(pl.col("jaar_kop") > controle.dit_jaar)
        for kk, _ in kolommen:  # een jaarkolom in de toekomst: gemeld op de kopregel, bij elke rij met een waarde
            dezelfde = later.filter(pl.col("k") == kk)
            if not dezelfde.is_empty():
                getalcel = controle.getalcel(werkblad.koprij, kk)
                k.controleer(
                    dezelfde,
                    ["jaar_kop"],
                    lambda j, g=getalcel: controle._jaar(str(j), g, EERSTE_PEILJAAR, controle.dit_jaar, "peiljaar"),
                    {},
                    10,
                    kk,
                    melding_rij=werkblad.koprij,
                )
        v = v.with_columns(jaar=pl.when(pl.col("jaar_kop") <= controle.dit_jaar).then("jaar_kop"))
    else:
        pk = velden.get("peiljaar") or velden.get("jaar")
        pj = k.cel(pk, v.select("rij", "volgorde"))
        pj = k.controleer(pj, ["ruw", "formule"], controle._cel, _uit("pj_tekst", lambda u: u, pl.String), 9, pk or 0)
        pj = k.controleer(
            pj,
            ["pj_tekst", "getalcel"],
            lambda t, g: controle._jaar(t, g, EERSTE_PEILJAAR, controle.dit_jaar, "peiljaar"),
            _uit("jaar", lambda u: u, pl.Int64),
            10,
            pk or 0,
        )
        v = v.join(pj.select("rij", "volgorde", "jaar"), on=["rij", "volgorde"], how="left", maintain_order="left")
        ontbreekt = _bevinding(
            "De waarde ontbreekt.",
            verwacht="een getal",
            oplossing="Vul de waarde in, of laat de hele rij weg als er geen cijfer is.",
        )
        k.controleer(
            v.filter(pl.col("tekst").is_null() & ~pl.col("formule")), ["k"], lambda _: (None, (ontbreekt,)), {}, 11, "k"
        )
        v = v.filter(pl.col("tekst").is_not_null())
    v = k.controleer(
        v,
        ["tekst", "getalcel", "procent"],
        lambda t, g, p: controle._getal(t, g, p, "waarde"),
        {"waarde": (lambda u: u and u[0], pl.Float64), "met_procent": (lambda u: u and u[1], pl.Boolean)},
        12,
        "k",
    )
    v = v.filter(pl.all_horizontal(pl.col("code", "gem", "jaar", "waarde").is_not_null()))
    v = k.controleer(
        v, ["code", "waarde", "met_procent", "tekst"], controle._bereik, _uit("goed", lambda u: u, pl.Boolean), 13, "k"
    ).filter("goed")
    if not breed:
        ek = velden.get("eenheid")
        e = k.cel(ek, v.select("rij", "volgorde", "code"))
        e = k.controleer(e, ["ruw", "formule"], controle._cel, _uit("eenheid", lambda u: u, pl.String), 14, ek or 0)
        k.controleer(e, ["eenheid", "code"], controle._eenheid, {}, 15, ek or 0)
    sleutel = ["gem", "code", "jaar", "leeftijd"]
    # een dubbele rij: niet de eerste met deze sleutel (zonder vensterfunctie over alle rijen: 10x sneller)
    v = v.with_columns(dubbel=~pl.struct(sleutel).is_first_distinct())
    eerste = v.filter(~pl.col("dubbel")).select(*sleutel, eerste="rij")
    k.controleer(
        v.filter("dubbel").join(eerste, on=sleutel, how="left", maintain_order="left"),
        ["eerste", "tekst"],
        lambda eerste, tekst: (
            None,
            (
                _bevinding(
                    f"Dubbele rij: deze gemeente, indicator en peiljaar staan ook in rij {eerste}.",
                    tekst,
                    verwacht="elke combinatie van gemeente, indicator en peiljaar één keer",
                    oplossing="Verwijder een van beide rijen.",
                ),
            ),
        ),
        {},
        16,
        "k",
    )
    controle.meldingen.extend(k.meldingen())
    werkblad.tabel = v.filter(~pl.col("dubbel")).select(
        pl.col("rij").cast(pl.Int32),
        kolom=pl.col("k").replace_strict(
            [kk for kk, _ in kolommen], [kolomletter(kk) for kk, _ in kolommen], return_dtype=pl.String
        ),
        gemeente_code="gem",
        indicator_code="code",
        peiljaar=pl.col("jaar").cast(pl.Int32),
        leeftijd="leeftijd",
        waarde="waarde",
        bron="bron",
        toelichting="toelichting",
    )


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
    teksten = _teksten(blad.frame)
    if not teksten.select(pl.any_horizontal(pl.all().is_not_null()).any()).item():
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
    rijen = _gegevensrijen(blad, teksten, koprij, jaren, breed)
    if werkbladsoort == "waarden":
        _waarden(controle, werkblad, rijen, velden, jaren, breed)
    gezien: dict[tuple, int] = {}
    for rij in rijen if werkbladsoort == "streefwaarden" else ():
        gem = controle.gemeente_code(rij, velden.get("gemeente"))
        ind = controle.indicator(rij, velden["indicator"], gem, registry_nodig=False)
        bron = controle.cel(rij, velden.get("bron"))
        toelichting = controle.cel(rij, velden.get("toelichting"))
        controle.cel(rij, velden.get("leeftijd"))  # een streefwaarde heeft geen leeftijd; wel dezelfde celcontrole
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
