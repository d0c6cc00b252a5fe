"""Een Excel-bestand veilig openen en lezen, vóór enige interpretatie.

1. `controleer_bestand`: grootte, echt .xlsx (zip-handtekening en content types), geen macro's,
   niet versleuteld, geen zip-bom. Dit gebeurt voordat een Excel-bibliotheek het bestand opent.
2. `controleer_omvang`: het aantal werkbladen en de echte omvang van elk werkblad (elke celverwijzing,
   ook zonder r-attribuut, en de opgegeven <dimension>), en het aantal gedeelde teksten, in één stromende
   doorloop zonder DTD (de werkbladen in blokken, gevectoriseerd met polars), vóórdat calamine iets reserveert. Eén cel op XFD1048576 laat calamine anders
   512 GB aanvragen en het hele proces afbreken. Het lezen zelf gebeurt bovendien in een werkproces met
   een geheugen- en tijdgrens (loaders/werker.py), voor parserfouten die hier niet voorzien zijn.
   Dezelfde doorloop noteert welke cellen tekst zijn, welke als percentage zijn opgemaakt en welke formules
   geen berekende waarde hebben (calamine ziet dat niet; openpyxl wel, maar is op 50.000 rijen ~20x trager).
3. `lees_werkbladen`: de cellen via calamine (fastexcel, snel), als polars-frame van teksten.
"""

from __future__ import annotations

import functools
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from xml.parsers import expat

import fastexcel
import numpy as np
import polars as pl

from kompas import opmaak
from kompas.opmaak import schone_tekst

MAX_BESTAND = 20 * 1024 * 1024  # 20 MB
MAX_UITGEPAKT = 300 * 1024 * 1024  # som van de uitgepakte delen
MAX_VERHOUDING = 100  # uitgepakt / ingepakt, boven 10 MB uitgepakt
MAX_RIJEN = 100_000
MAX_KOLOMMEN = 100
MAX_WERKBLADEN = 50
KOPRIJ_ZOEKEN = 30  # zoek de kopregel in de eerste 30 rijen

XLSX_HOOFD = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
XLSM_HOOFD = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"


@dataclass
class Melding:
    """Eén probleem, zo dat een beleidsmedewerker het kan vinden en oplossen."""

    bestand: str
    probleem: str
    werkblad: str | None = None
    rij: int | None = None
    kolom: str | None = None
    gevonden: str | None = None
    verwacht: str | None = None
    oplossing: str | None = None

    def tekst(self) -> str:
        plaats = [self.bestand]
        if self.werkblad:
            plaats.append(f"werkblad '{self.werkblad}'")
        if self.rij:
            plaats.append(f"rij {self.rij}")
        if self.kolom:
            plaats.append(f"kolom {self.kolom}")
        delen = [", ".join(plaats) + ": " + self.probleem]
        if self.gevonden is not None:
            delen.append(f"Gevonden: '{self.gevonden}'.")
        if self.verwacht:
            delen.append(f"Verwacht: {self.verwacht}.")
        if self.oplossing:
            delen.append(self.oplossing)
        return schone_tekst(" ".join(delen), zichtbaar=True)  # nooit ruwe stuurtekens naar een terminal


class UploadGeweigerd(Exception):
    """Het bestand is geweigerd; er is niets geschreven."""

    def __init__(self, meldingen: list[Melding]):
        self.meldingen = meldingen
        super().__init__("\n".join(m.tekst() for m in meldingen))

    def __reduce__(self):  # terug uit het werkproces (loaders/werker.py) met de meldingen zelf
        return (type(self), (self.meldingen,))


def weiger(bestand: str, probleem: str, **kw) -> UploadGeweigerd:
    return UploadGeweigerd([Melding(bestand=bestand, probleem=probleem, **kw)])


def kolomletter(nummer: int) -> str:
    """1 -> 'A', 28 -> 'AB'."""
    letters = ""
    while nummer:
        nummer, rest = divmod(nummer - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _kolomnummer(letters: bytes) -> int:
    nummer = 0
    for b in letters:
        nummer = nummer * 26 + (b - 64)
    return nummer


def _beschadigd(naam: str, werkblad: str | None = None) -> UploadGeweigerd:
    return weiger(
        naam,
        "Het bestand is beschadigd en kan niet worden gelezen.",
        werkblad=werkblad,
        oplossing="Open het in Excel en sla het opnieuw op als Excel-werkmap (*.xlsx).",
    )


def controleer_bestand(data: bytes, naam: str) -> None:
    """Weigert alles wat geen veilig, gewoon .xlsx-bestand is. Opent niets met een Excel-bibliotheek."""
    achtervoegsel = PurePosixPath(naam).suffix.lower()
    if len(data) > MAX_BESTAND:
        raise weiger(
            naam,
            f"Het bestand is te groot ({len(data) / 1024 / 1024:.1f} MB).".replace(".", ",", 1),
            verwacht=f"hoogstens {MAX_BESTAND // 1024 // 1024} MB",
            oplossing="Splits het bestand of laat overbodige werkbladen weg.",
        )
    if not data:
        raise weiger(naam, "Het bestand is leeg (0 bytes).", oplossing="Sla het bestand opnieuw op als .xlsx.")
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        if "EncryptionInfo".encode("utf-16-le") in data or b"EncryptionInfo" in data:
            raise weiger(
                naam,
                "Het werkboek is met een wachtwoord beveiligd; Sociaal Kompas kan het niet lezen.",
                oplossing="Haal in Excel de beveiliging weg (Bestand > Info > Werkmap beveiligen) en sla op als .xlsx.",
            )
        raise weiger(
            naam,
            "Dit is een oud Excel-bestand (.xls), geen .xlsx.",
            oplossing="Open het in Excel en kies Opslaan als > Excel-werkmap (*.xlsx).",
        )
    if achtervoegsel in (".xlsm", ".xltm", ".xlsb", ".xls", ".csv", ".ods"):
        raise weiger(
            naam,
            f"Bestanden met de extensie '{achtervoegsel}' worden niet aangenomen.",
            verwacht="een Excel-werkmap (.xlsx) zonder macro's",
            oplossing="Sla het bestand op als Excel-werkmap (*.xlsx).",
        )
    if data[:4] != b"PK\x03\x04":
        begin = data[:2000]
        if begin and all(b in b"\t\r\n" or b >= 32 for b in begin) and (b";" in begin or b"," in begin):
            raise weiger(
                naam,
                "Dit is een tekstbestand (CSV) met de extensie .xlsx, geen Excel-werkmap.",
                oplossing="Open het in Excel en kies Opslaan als > Excel-werkmap (*.xlsx).",
            )
        raise weiger(
            naam,
            "Het bestand is geen Excel-werkmap (.xlsx) of is beschadigd.",
            oplossing="Sla het bestand in Excel opnieuw op als Excel-werkmap (*.xlsx).",
        )
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise weiger(
            naam,
            "Het bestand is beschadigd: het is geen leesbare Excel-werkmap.",
            oplossing="Sla het bestand in Excel opnieuw op als Excel-werkmap (*.xlsx).",
        ) from None
    uitgepakt = sum(i.file_size for i in infos)
    ingepakt = sum(i.compress_size for i in infos) or 1
    if uitgepakt > MAX_UITGEPAKT or (uitgepakt > 10 * 1024 * 1024 and uitgepakt / ingepakt > MAX_VERHOUDING):
        raise weiger(
            naam,
            f"Het bestand pakt uit tot {uitgepakt // 1024 // 1024} MB, veel meer dan de "
            f"{len(data) // 1024} kB van het bestand zelf (mogelijk een zip-bom).",
            verwacht=f"hoogstens {MAX_UITGEPAKT // 1024 // 1024} MB uitgepakt en een verhouding tot {MAX_VERHOUDING}:1",
            oplossing="Lever alleen de werkbladen met de cijfers aan.",
        )
    namen = {i.filename for i in infos}
    if "[Content_Types].xml" not in namen or "xl/workbook.xml" not in namen:
        raise weiger(
            naam,
            "Het bestand is een zip-bestand maar geen Excel-werkmap.",
            oplossing="Sla het bestand in Excel op als Excel-werkmap (*.xlsx).",
        )
    try:
        types = zf.read("[Content_Types].xml")
    except Exception:
        raise weiger(naam, "Het bestand is beschadigd.", oplossing="Sla het opnieuw op als .xlsx.") from None
    if XLSM_HOOFD.encode() in types or any(n.lower().endswith("vbaproject.bin") for n in namen):
        raise weiger(
            naam,
            "Het werkboek bevat macro's (.xlsm); die worden om veiligheidsredenen niet aangenomen.",
            oplossing="Sla het op als Excel-werkmap (*.xlsx) zonder macro's.",
        )
    if XLSX_HOOFD.encode() not in types:
        raise weiger(
            naam,
            "Het bestand is geen gewone Excel-werkmap (.xlsx); mogelijk een sjabloon of invoegtoepassing.",
            oplossing="Sla het op als Excel-werkmap (*.xlsx).",
        )


_CELVERWIJZING = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})")


def _rij_kolom(ref: str) -> tuple[int, int]:
    """'XFD1048576' -> (1048576, 16384). ValueError als het geen celverwijzing is."""
    m = _CELVERWIJZING.fullmatch(ref.strip())
    if not m:
        raise ValueError(ref)
    return int(m.group(2)), _kolomnummer(m.group(1).upper().encode())


class _Klaar(Exception):
    """Stopt expat zodra gelezen is wat nodig is."""


def _expat(start) -> expat.XMLParserType:
    """Een expat-parser die elke DTD weigert (geen entiteiten, geen externe verwijzingen), zoals defusedxml."""
    p = expat.ParserCreate()

    def geen_dtd(*_):
        raise ValueError("DTD")

    p.StartDoctypeDeclHandler = geen_dtd
    p.EntityDeclHandler = geen_dtd
    p.ExternalEntityRefHandler = geen_dtd
    p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    p.StartElementHandler = start
    return p


_BLOK = 16 * 1024 * 1024  # zoveel uitgepakte XML per keer: het geheugen blijft begrensd, ook bij 300 MB
_TAG = r"<(?:\w+:)?(?:row|c)\b[^>]*>"
_TAG_BEGIN = re.compile(rb"<(?:\w+:)?(?:row|c)\b")
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.I)
_DIMENSIE = re.compile(rb"<(?:\w+:)?dimension\b[^>]*?\sref\s*=\s*[\"']([^\"']*)[\"']")
_ATTRIBUUT = r"\s{}\s*=\s*[\"']([^\"']*)[\"']"
_TEKSTTYPE = r"\st\s*=\s*[\"'](?:s|inlineStr|str)[\"']"  # gedeelde tekst, inline tekst, formule met tekst
_CELLEN_SCHEMA = {"rij": pl.Int64, "kolom": pl.Int64, "tekst": pl.Boolean, "procent": pl.Boolean}


@dataclass
class _Stand:
    """Waar de doorloop van een werkblad-XML is na een blok (voor rijen en cellen zonder r-attribuut)."""

    rij: int = 0
    kolom: int = 0
    max_rij: int = 0
    max_kolom: int = 0
    verste: str = ""


def _blokken(bron) -> Iterator[bytes]:
    """De XML in blokken van ongeveer _BLOK bytes, elk afgesneden vóór het begin van een rij of cel."""
    rest = b""
    while stuk := bron.read(_BLOK):
        rest += stuk
        begins = [m.start() for m in _TAG_BEGIN.finditer(rest, max(0, len(rest) - 4096))]
        knip = begins[-1] if begins else rest.rfind(b"<")
        if knip > 0:
            yield rest[:knip]
            rest = rest[knip:]
    if rest:
        yield rest


def _stukken(tekst: str, grootte: int = 256 * 1024) -> list[str]:
    """De tekst in stukken van ongeveer `grootte`, gesneden vóór een '<' (polars zoekt in stukken parallel)."""
    stukken, begin = [], 0
    while begin < len(tekst):
        eind = tekst.find("<", begin + grootte)
        eind = len(tekst) if eind < 0 else eind
        stukken.append(tekst[begin:eind])
        begin = eind
    return stukken


def _cellen_in_blok(blok: bytes, stand: _Stand, procent_stijlen: set[int]) -> pl.DataFrame:
    """De tekst- en procentcellen (rij, kolom, tekst, procent) in een blok XML; werkt `stand` bij.

    Telt zoals een lezer: een rij of cel zonder r-attribuut staat direct na de vorige. Gevectoriseerd: een
    werkblad van 50.000 rijen heeft 400.000 cellen. ValueError als iets geen celverwijzing is of er een DTD
    in staat (zoals defusedxml: geen entiteiten). Een blok waarin elke rij en cel geschreven is zoals Excel en
    openpyxl dat doen, gaat de snelle weg (`_plek_zoals_excel`, op de bytes); al het andere de grondige
    (`_plek_grondig`, per tag met polars), met dezelfde uitkomst.
    """
    if b"<!" in blok and _DTD.search(blok):
        raise ValueError("DTD")
    tekst = blok.decode("utf-8")  # UnicodeDecodeError: beschadigd, op beide wegen
    f = _plek_zoals_excel(blok, stand, procent_stijlen)
    if f is None:
        tags = pl.Series(_stukken(tekst)).str.extract_all(_TAG).explode().drop_nulls()
        f = None if tags.is_empty() else _plek_grondig(tags, stand, procent_stijlen)
    if f is None or f.is_empty():
        return pl.DataFrame(schema=_CELLEN_SCHEMA)
    return _tekst_en_procent(f, stand)


# Een rij en een cel zoals Excel, openpyxl en LibreOffice ze schrijven: r als eerste attribuut, met dubbele
# aanhalingstekens en zonder spaties, een celverwijzing in hoofdletters zonder $; een cel heeft daarna hoogstens
# s en t, in die volgorde. Voor zo'n tag is de plek de celverwijzing zelf (geen telling nodig). Als reguliere
# expressie (zo leest `_plek_zoals_excel` elke tag die `_TAG` vindt, en anders valt hij terug):
_ZOALS_EXCEL = (
    r'^(?:<row r="[0-9]{1,9}"[^<>]*>|<c r="[A-Z]{1,3}[0-9]{1,7}"(?: s="[0-9]{1,9}")?(?: t="[a-zA-Z]{1,9}")?/?>)$'
)
_WOORDTEKEN = np.zeros(256, dtype=bool)  # \w in ASCII; een byte vanaf 128 kan ook een woordteken beginnen
_WOORDTEKEN[list(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")] = True
_NIET_ASCII = np.arange(256) >= 128
_CIJFER = np.zeros(256, dtype=bool)
_CIJFER[list(b"0123456789")] = True
_HOOFDLETTER = np.zeros(256, dtype=bool)
_HOOFDLETTER[list(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ")] = True
_LETTER = _HOOFDLETTER | np.isin(np.arange(256), list(b"abcdefghijklmnopqrstuvwxyz"))
_MARGE = 64  # nullen achter het blok: de controles lezen tot zo ver voorbij een tag zonder grenscontrole


def _venster(a: np.ndarray, plek: np.ndarray, breedte: int) -> np.ndarray:
    """De `breedte` bytes vanaf elke plek, als rijen van een matrix (één keer kopiëren in plaats van per byte)."""
    return np.lib.stride_tricks.sliding_window_view(a, breedte)[plek]


def _reeks(a: np.ndarray, begin: np.ndarray, teken: np.ndarray, grondtal: int, verschuiving: int, maximum: int):
    """(waarde, aantal) van de tekens uit `teken` die vanaf elke plek `begin` in `a` op elkaar volgen (hoogstens
    `maximum`): cijfers (grondtal 10) of kolomletters (grondtal 26, A=1)."""
    waarde = np.zeros(len(begin), dtype=np.int64)
    aantal = np.zeros(len(begin), dtype=np.int64)
    bezig = np.ones(len(begin), dtype=bool)
    for stap in range(maximum):
        b = a[begin + stap]
        bezig &= teken[b]
        if not bezig.any():
            break
        waarde = np.where(bezig, waarde * grondtal + (b.astype(np.int64) - verschuiving), waarde)
        aantal += bezig
    return waarde, aantal


def _is(a: np.ndarray, plek: np.ndarray, tekst: bytes) -> np.ndarray:
    """Of op elke plek in `a` deze bytes staan (per 8 in één vergelijking)."""
    uit = np.ones(len(plek), dtype=bool)
    for begin in range(0, len(tekst), 8):
        stuk = tekst[begin : begin + 8]
        masker = int.from_bytes(b"\xff" * len(stuk) + bytes(8 - len(stuk)), "little")
        w = _venster(a, plek + begin, 8).view(np.uint64).ravel()
        uit &= (w & np.uint64(masker)) == np.uint64(int.from_bytes(stuk.ljust(8, b"\0"), "little"))
    return uit


def _attribuut(a: np.ndarray, plek: np.ndarray, begin: bytes, teken: np.ndarray, grondtal: int, verschuiving: int):
    """Een attribuut als ' s="12"' (1 tot 9 tekens uit `teken`) dat op `plek` kan staan: (waarde, of het er staat,
    de plek erna; zonder het attribuut `plek` zelf)."""
    waarde = np.zeros(len(plek), dtype=np.int64)
    er = np.flatnonzero(_is(a, plek, begin))
    w, n = _reeks(a, plek[er] + len(begin), teken, grondtal, verschuiving, 9)
    goed = (n >= 1) & (a[plek[er] + len(begin) + n] == ord('"'))
    er, w, n = er[goed], w[goed], n[goed]
    waarde[er] = w
    staat = np.zeros(len(plek), dtype=bool)
    staat[er] = True
    na = plek.copy()
    na[er] += len(begin) + n + 1
    return waarde, staat, na


def _sluit_voor_volgende_tag(a: np.ndarray, plek: np.ndarray, verst: int = 512) -> np.ndarray:
    """Of vanaf elke plek eerst een '>' komt en dan pas een '<' (`[^<>]*>`), binnen `verst` bytes (verder: nee, dan
    de grondige weg; een rij zoals Excel heeft na r hoogstens spans, s, ht en dergelijke)."""
    uit = np.zeros(len(plek), dtype=bool)
    open_ = np.arange(len(plek))
    for stap in range(verst):
        b = a[plek[open_] + stap]
        uit[open_[b == ord(">")]] = True
        open_ = open_[(b != ord(">")) & (b != ord("<")) & (b != 0)]
        if not len(open_):
            break
    return uit


_NAAMRUIMTE = re.compile(rb":(?:row|c)(?![A-Za-z0-9_])")  # zoals de \b van `_TAG`, of een byte buiten ASCII


def _plek_zoals_excel(blok: bytes, stand: _Stand, procent_stijlen: set[int]) -> pl.DataFrame | None:
    """(is_rij, rij, kolom, huidige_rij, tekst, procent) per tag, als elke tag die `_TAG` in dit blok vindt
    geschreven is zoals `_ZOALS_EXCEL`; anders None (dan telt `_plek_grondig`). Voor zulke tags dezelfde uitkomst
    als `_plek_grondig`, maar gevectoriseerd over de bytes (numpy), zonder elke tag als tekst uit te knippen en
    te ontleden: dat kostte de helft van de omvangcontrole.

    Een tag is '<row' of '<c' met daarna een teken dat geen woordteken is (de \\b van `_TAG`); volgt er een byte
    buiten ASCII, of staat er ergens ':row' of ':c' zo (een naamruimte: `_TAG` kent '<x:c'), dan de grondige weg.
    Een tag zoals Excel bevat geen '<', dus er staat dan geen tag binnen een andere: dit zijn precies de tags.
    """
    if _NAAMRUIMTE.search(blok):
        return None
    a = np.frombuffer(blok + bytes(_MARGE), dtype=np.uint8)
    plek = np.flatnonzero(a == ord("<"))
    na = a[plek + 1]
    plek = plek[(na == ord("c")) | (na == ord("r"))]
    c = a[plek + 1] == ord("c")
    row = ~c & _is(a, plek + 2, b"ow")
    na = np.where(c, a[plek + 2], a[plek + 4])  # het teken na de naam
    if ((c | row) & _NIET_ASCII[na]).any():
        return None
    tag = (c | row) & ~_WOORDTEKEN[na]
    plek, is_rij = plek[tag], row[tag]

    # rijen: <row r="[0-9]{1,9}"[^<>]*>, dus na het aanhalingsteken eerst een '>', dan pas een '<'
    pr = plek[is_rij]
    goed = _is(a, pr + 4, b' r="')
    rij_r, n = _reeks(a, pr + 8, _CIJFER, 10, ord("0"), 9)
    eind = pr + 8 + n
    goed &= (n >= 1) & (a[eind] == ord('"'))
    goed[goed] = _sluit_voor_volgende_tag(a, eind[goed] + 1)
    if not goed.all():
        return None

    # cellen: <c r="[A-Z]{1,3}[0-9]{1,7}"(?: s="[0-9]{1,9}")?(?: t="[a-zA-Z]{1,9}")?/?>
    pc = plek[~is_rij]
    goed = _is(a, pc + 2, b' r="')
    kolom_c, n = _reeks(a, pc + 6, _HOOFDLETTER, 26, ord("A") - 1, 3)
    goed &= n >= 1
    rij_c, m = _reeks(a, pc + 6 + n, _CIJFER, 10, ord("0"), 7)
    eind = pc + 6 + n + m
    goed &= (m >= 1) & (a[eind] == ord('"'))
    eind = eind + 1
    stijl, met_stijl, eind = _attribuut(a, eind, b' s="', _CIJFER, 10, ord("0"))
    # t: eerst de waarden die Excel schrijft (één letter, str, inlineStr), de rest (zelden) letter voor letter
    met_type = _is(a, eind, b' t="')
    een = met_type & _LETTER[a[eind + 4]] & (a[eind + 5] == ord('"'))
    tekst = met_type & (_is(a, eind + 4, b'str"') | _is(a, eind + 4, b'inlineStr"'))
    eind = np.where(een, eind + 6, np.where(tekst, eind + 5 + np.where(a[eind + 5] == ord("t"), 3, 9), eind))
    tekst |= een & (a[eind - 2] == ord("s"))
    anders = np.flatnonzero(met_type & ~een & ~tekst)
    eind[anders] = _attribuut(a, eind[anders], b' t="', _LETTER, 0, 0)[2]
    goed &= (a[eind] == ord(">")) | _is(a, eind, b"/>")
    if not goed.all():
        return None

    rij, kolom, soort_tekst, soort_procent, heeft_stijl = (
        np.zeros(len(plek), dtype=t) for t in (np.int64, np.int64, bool, bool, bool)
    )
    rij[is_rij], rij[~is_rij], kolom[~is_rij], soort_tekst[~is_rij] = rij_r, rij_c, kolom_c, tekst
    if procent_stijlen:  # zoals `_tekst_procent`: onbekend (null) zonder s-attribuut
        soort_procent[~is_rij], heeft_stijl[~is_rij] = np.isin(stijl, list(procent_stijlen)), met_stijl
    f = pl.DataFrame(
        {"is_rij": is_rij, "rij": rij, "kolom": kolom, "tekst": soort_tekst, "procent": soort_procent, "s": heeft_stijl}
    )
    return f.select(
        "is_rij",
        "rij",
        kolom=pl.when(~pl.col("is_rij")).then("kolom"),
        huidige_rij=pl.when("is_rij").then("rij").forward_fill().fill_null(stand.rij),
        tekst="tekst",
        procent=pl.when(pl.col("s") | (not procent_stijlen)).then("procent"),
    )


def _tekst_procent(procent_stijlen: set[int]) -> dict[str, pl.Expr]:
    """Of een tag een tekstcel is (gedeelde of inline tekst, of een formule met tekst) en of hij als percentage
    is opgemaakt (zijn stijl s in `procent_stijlen`)."""
    return {
        "tekst": pl.col("tag").str.contains(_TEKSTTYPE),
        "procent": pl.col("tag")
        .str.extract(_ATTRIBUUT.format("s"))
        .cast(pl.Int64, strict=False)
        .is_in(list(procent_stijlen))
        if procent_stijlen
        else pl.lit(False),
    }


def _plek_grondig(tags: pl.Series, stand: _Stand, procent_stijlen: set[int]) -> pl.DataFrame:
    """(is_rij, rij, kolom, huidige_rij, tekst, procent) per tag, voor elke schrijfwijze: attributen in elke volgorde, met
    spaties en enkele aanhalingstekens, met een naamruimte, en rijen en cellen zonder r-attribuut (die staan
    direct na de vorige). ValueError als iets geen celverwijzing is."""
    f = pl.DataFrame({"tag": tags}).with_columns(
        is_rij=pl.col("tag").str.contains(r"^<(?:\w+:)?row\b"),
        ref=pl.col("tag").str.extract(_ATTRIBUUT.format("r")).str.strip_chars(),
    )
    is_cel = ~pl.col("is_rij")
    delen = pl.col("ref").str.extract_groups(r"^\$?(?<letters>[A-Za-z]{1,3})\$?(?<cijfers>[0-9]{1,7})$")
    f = (
        f.with_columns(delen=pl.when(is_cel).then(delen))
        .unnest("delen")
        .with_columns(
            rij_ref=pl.when("is_rij").then(pl.col("ref").str.extract(r"^([0-9]{1,9})$").cast(pl.Int64)),
            cel_rij_ref=pl.col("cijfers").cast(pl.Int64),
        )
    )
    if f.select((pl.col("ref").is_not_null() & pl.col("rij_ref").is_null() & pl.col("letters").is_null()).any()).item():
        raise ValueError("geen celverwijzing")
    letters = f["letters"].drop_nulls().unique().to_list()  # weinig verschillende: de kolommen

    rijpos, celpos = pl.col("is_rij").cum_sum(), is_cel.cum_sum()
    f = f.with_columns(
        kolom_ref=pl.col("letters").replace_strict(
            letters, [_kolomnummer(t.upper().encode()) for t in letters], default=None, return_dtype=pl.Int64
        )
    ).with_columns(
        # rij: het r-attribuut, of de rij ervoor + 1; kolom: het r-attribuut, of de cel ervoor + 1 (een rij begint bij 0)
        rij=pl.when("is_rij").then(
            pl.when(pl.col("rij_ref").is_not_null()).then("rij_ref").forward_fill().fill_null(stand.rij)
            + rijpos
            - pl.when(pl.col("rij_ref").is_not_null()).then(rijpos).forward_fill().fill_null(0)
        ),
        kolom=pl.when(is_cel).then(
            pl.when("is_rij")
            .then(0)
            .when(pl.col("kolom_ref").is_not_null())
            .then("kolom_ref")
            .forward_fill()
            .fill_null(stand.kolom)
            + celpos
            - pl.when(pl.col("is_rij") | pl.col("kolom_ref").is_not_null()).then(celpos).forward_fill().fill_null(0)
        ),
    )
    f = f.with_columns(huidige_rij=pl.col("rij").forward_fill().fill_null(stand.rij)).with_columns(
        rij=pl.coalesce("rij", "cel_rij_ref", "huidige_rij")
    )
    return f.select("is_rij", "rij", "kolom", "huidige_rij", **_tekst_procent(procent_stijlen))


def _tekst_en_procent(f: pl.DataFrame, stand: _Stand) -> pl.DataFrame:
    """Uit de plek en soort van elke tag (is_rij, rij, kolom, huidige_rij, tekst, procent): de tekst- en
    procentcellen; werkt `stand` bij (de omvang, de verste cel, en waar het volgende blok verder telt)."""
    # de verste cel: de laatste die tot dan toe de grootste rij (rijen tellen mee) of kolom overtrof
    f = f.with_columns(
        voor_rij=pl.max_horizontal(pl.col("rij").cum_max().shift(1), pl.lit(stand.max_rij)),
        voor_kolom=pl.max_horizontal(pl.col("kolom").cum_max().forward_fill().shift(1), pl.lit(stand.max_kolom)),
    )
    nieuw = f.filter(
        pl.col("kolom").is_not_null()
        & ((pl.col("rij") > pl.col("voor_rij")) | (pl.col("kolom") > pl.col("voor_kolom")))
    )
    if not nieuw.is_empty():
        stand.verste = f"{kolomletter(nieuw['kolom'][-1])}{nieuw['rij'][-1]}"
    stand.max_rij = max(stand.max_rij, f["rij"].max())
    stand.max_kolom = max(stand.max_kolom, f["kolom"].max() or 0)
    stand.rij = f["huidige_rij"][-1]
    stand.kolom = 0 if f["is_rij"][-1] else f["kolom"][-1]
    return f.filter(~pl.col("is_rij") & (pl.col("tekst") | pl.col("procent"))).select(
        "rij", "kolom", "tekst", "procent"
    )


@dataclass
class _Omvang:
    """Wat de doorloop van één werkblad-XML vond."""

    rijen: int
    kolommen: int
    verste: str
    dim_rijen: int
    dim_kolommen: int
    cellen: pl.DataFrame  # de tekst- en procentcellen: rij, kolom, tekst, procent
    formule_zonder_waarde: set[tuple[int, int]]


def _omvang_werkblad(zf: zipfile.ZipFile, pad: str, procent_stijlen: set[int]) -> _Omvang:
    """Eén stromende doorloop van een werkblad-XML, in blokken: de omvang volgens de cellen en volgens
    <dimension>, de tekst- en procentcellen, en de formules zonder berekende waarde (calamine ziet dat niet)."""
    stand = _Stand()
    dim_rij = dim_kolom = 0
    delen, formules = [], set()
    with zf.open(pad) as bron:
        for blok in _blokken(bron):
            for m in _DIMENSIE.finditer(blok) if b"dimension" in blok else ():
                for deel in m.group(1).decode("utf-8", "replace").split(":"):
                    r, k = _rij_kolom(deel)
                    dim_rij, dim_kolom = max(dim_rij, r), max(dim_kolom, k)
            cellen = _cellen_in_blok(blok, stand, procent_stijlen)
            if stand.max_rij <= MAX_RIJEN and stand.max_kolom <= MAX_KOLOMMEN:  # te groot: alleen nog tellen
                delen.append(cellen)
                formules |= _formules_zonder_waarde(blok)
    return _Omvang(
        stand.max_rij,
        stand.max_kolom,
        stand.verste,
        dim_rij,
        dim_kolom,
        pl.concat(delen) if delen else pl.DataFrame(schema=_CELLEN_SCHEMA),
        formules,
    )


def _unieke_teksten(zf: zipfile.ZipFile, pad: str) -> int:
    """Het aantal unieke gedeelde teksten dat het bestand opgeeft (calamine reserveert er vooraf ruimte voor)."""
    gevonden = 0

    def start(element: str, attrs: dict) -> None:
        nonlocal gevonden
        gevonden = int(attrs.get("uniqueCount") or 0)
        raise _Klaar

    try:
        with zf.open(pad) as bron:
            _expat(start).ParseFile(bron)
    except _Klaar:
        pass
    return gevonden


def _te_groot(
    naam: str, bladnaam: str, rijen: int, kolommen: int, bron: str = "", verste: str | None = None
) -> UploadGeweigerd | None:
    gevonden = f"een cel op {verste}" if verste else None
    if rijen > MAX_RIJEN:
        return weiger(
            naam,
            f"Het werkblad heeft {opmaak.getal(rijen, 0)} rijen{bron}.",
            werkblad=bladnaam,
            gevonden=gevonden,
            verwacht=f"hoogstens {opmaak.getal(MAX_RIJEN, 0)} rijen",
            oplossing="Splits de gegevens over meer bestanden, of verwijder lege rijen en cellen onder "
            "de tabel (selecteer ze en kies Verwijderen).",
        )
    if kolommen > MAX_KOLOMMEN:
        return weiger(
            naam,
            f"Het werkblad heeft {opmaak.getal(kolommen, 0)} kolommen{bron}.",
            werkblad=bladnaam,
            gevonden=gevonden,
            verwacht=f"hoogstens {MAX_KOLOMMEN} kolommen",
            oplossing="Laat lege of overbodige kolommen weg (selecteer ze en kies Verwijderen).",
        )
    return None


def controleer_omvang(data: bytes, naam: str) -> dict[str, _Omvang]:
    """Weigert een werkmap met te veel werkbladen, een te groot werkblad of te veel gedeelde teksten.

    Geeft per werkblad-XML (pad in het zip-bestand) wat de doorloop vond: ook de tekst- en procentcellen en de
    formules zonder waarde.

    Leest elke werkblad-XML helemaal (stromend, in blokken, zonder DTD), want één cel ver weg kan overal staan;
    alleen de laatste <row> bekijken is niet genoeg. Opent niets met een Excel-bibliotheek.
    """
    zf = zipfile.ZipFile(io.BytesIO(data))
    try:
        paden = _werkblad_paden(zf)
    except (KeyError, zipfile.BadZipFile, OSError, ValueError):
        raise weiger(
            naam,
            "Het bestand is beschadigd: de werkbladenlijst ontbreekt of is onleesbaar.",
            oplossing="Sla het bestand in Excel opnieuw op als .xlsx.",
        ) from None
    namen = set(zf.namelist())
    losse = sorted(n for n in namen if n.lower().startswith("xl/worksheets/") and n.lower().endswith(".xml"))
    aantal = max(len(paden), len(losse))
    if aantal > MAX_WERKBLADEN:
        raise weiger(
            naam,
            f"Het werkboek heeft {opmaak.getal(aantal, 0)} werkbladen.",
            verwacht=f"hoogstens {MAX_WERKBLADEN} werkbladen",
            oplossing="Lever alleen de werkbladen met de cijfers aan.",
        )
    bladnaam_van = {pad: blad for blad, pad in paden.items()}
    procent_stijlen = _procent_stijlen(zf)
    omvang: dict[str, _Omvang] = {}
    for pad in dict.fromkeys([*paden.values(), *losse]):
        bladnaam = bladnaam_van.get(pad) or PurePosixPath(pad).stem
        if pad not in namen:
            raise _beschadigd(naam, bladnaam)
        try:
            o = omvang[pad] = _omvang_werkblad(zf, pad, procent_stijlen)
        except (ValueError, UnicodeDecodeError, pl.exceptions.PolarsError, zipfile.BadZipFile, OSError, EOFError):
            raise _beschadigd(naam, bladnaam) from None
        fout = _te_groot(naam, bladnaam, o.rijen, o.kolommen, verste=o.verste) or _te_groot(
            naam, bladnaam, o.dim_rijen, o.dim_kolommen, " volgens het opgegeven bereik (dimensie)"
        )
        if fout:
            raise fout
    for pad in (n for n in namen if n.lower().endswith("sharedstrings.xml")):
        try:
            uniek = _unieke_teksten(zf, pad)
        except (ValueError, expat.ExpatError, zipfile.BadZipFile, OSError, EOFError):
            raise _beschadigd(naam) from None
        if uniek > zf.getinfo(pad).file_size // 5:  # elke tekst kost minstens '<si/>'
            raise weiger(
                naam,
                f"Het bestand zegt {opmaak.getal(uniek, 0)} verschillende teksten te bevatten, meer dan "
                "erin passen; het is beschadigd of met opzet zo gemaakt.",
                oplossing="Open het in Excel en sla het opnieuw op als Excel-werkmap (*.xlsx).",
            )
    return omvang


@dataclass
class Blad:
    """De ruwe inhoud van één werkblad. Rijen en kolommen tellen vanaf 1, zoals in Excel."""

    naam: str
    frame: pl.DataFrame  # tekst per cel (calamine); kolom "k" is kolom k, rij i is rij i+1
    # de tekst- en procentcellen (rij, kolom, tekst, procent). Een getalcel komt als machinenotatie ('1.234' is
    # 1,234), een tekstcel is geschreven zoals een mens het schrijft ('1.234' is 1234): zie
    # loaders.excel_validatie.lees_getal; procent: opgemaakt als percentage
    cellen: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=_CELLEN_SCHEMA))
    formule_zonder_waarde: set[tuple[int, int]] = field(default_factory=set)

    @functools.cached_property
    def tekstcellen(self) -> set[tuple[int, int]]:
        """(rij, kolom) van de tekstcellen, voor de controle rij voor rij (streefwaarden)."""
        return set(self.cellen.filter("tekst").select("rij", "kolom").iter_rows())

    @functools.cached_property
    def procent(self) -> set[tuple[int, int]]:
        """(rij, kolom) van de cellen met %-opmaak."""
        return set(self.cellen.filter("procent").select("rij", "kolom").iter_rows())

    def cel(self, rij: int, kolom: int):
        if rij - 1 < self.frame.height and kolom - 1 < self.frame.width:
            return self.frame[rij - 1, kolom - 1]
        return None


_CEL = re.compile(rb"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.S)
_REF = re.compile(rb'\br="([A-Z]{1,3})(\d+)"')
_WAARDE = re.compile(rb"<v>[^<]+</v>")


def _werkblad_paden(zf: zipfile.ZipFile) -> dict[str, str]:
    """Werkbladnaam -> pad van de XML in het zip-bestand."""
    wb = zf.read("xl/workbook.xml").decode("utf-8", "replace")
    rels = zf.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    doelen = {
        m.group(1): m.group(2) for m in re.finditer(r'<Relationship\b[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"', rels)
    }
    doelen.update(
        {m.group(2): m.group(1) for m in re.finditer(r'<Relationship\b[^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"', rels)}
    )
    paden = {}
    for m in re.finditer(r"<(?:\w+:)?sheet\b([^>]*)/?>", wb):
        attrs = m.group(1)
        naam = re.search(r'\bname="([^"]*)"', attrs)
        rid = re.search(r'\br:id="([^"]*)"', attrs) or re.search(r'\b\w+:id="([^"]*)"', attrs)
        if naam and rid and rid.group(1) in doelen:
            doel = doelen[rid.group(1)].lstrip("/")
            paden[_xml_tekst(naam.group(1))] = doel if doel.startswith("xl/") else f"xl/{doel}"
    return paden


def _xml_tekst(s: str) -> str:
    return (
        s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'").replace("&amp;", "&")
    )


def _procent_stijlen(zf: zipfile.ZipFile) -> set[int]:
    """Indexen in cellXfs waarvan de getalnotatie een percentage is (9, 10 of eigen notatie met %)."""
    try:
        stijlen = zf.read("xl/styles.xml").decode("utf-8", "replace")
    except KeyError:
        return set()
    procent_ids = {9, 10}
    for m in re.finditer(r'<numFmt\b[^>]*numFmtId="(\d+)"[^>]*formatCode="([^"]*)"', stijlen):
        code = re.sub(r'"[^"]*"|\\.', "", _xml_tekst(m.group(2)))
        if "%" in code:
            procent_ids.add(int(m.group(1)))
    xfs = re.search(r"<cellXfs\b[^>]*>(.*?)</cellXfs>", stijlen, re.S)
    if not xfs:
        return set()
    uit = set()
    for i, m in enumerate(re.finditer(r"<xf\b([^>]*)", xfs.group(1))):
        nf = re.search(r'numFmtId="(\d+)"', m.group(1))
        if nf and int(nf.group(1)) in procent_ids:
            uit.add(i)
    return uit


def _formules_zonder_waarde(xml: bytes) -> set[tuple[int, int]]:
    """(rij, kolom) van de formules zonder berekende waarde in een stuk werkblad-XML."""
    formules: set[tuple[int, int]] = set()
    if b"<f" in xml:
        for m in _CEL.finditer(xml):
            inhoud = m.group(2)
            if inhoud and b"<f" in inhoud and not _WAARDE.search(inhoud):
                ref = _REF.search(m.group(1))
                if ref:
                    formules.add((int(ref.group(2)), _kolomnummer(ref.group(1))))
    return formules


def lees_werkbladen(data: bytes, naam: str, overslaan: tuple[str, ...] = ("codes",)) -> list[Blad]:
    """Alle werkbladen (behalve `overslaan`, hoofdletterongevoelig) als ruwe cellen.

    Eerst `controleer_omvang`; roep dit voor een geüpload bestand aan in het werkproces (loaders/werker.py).
    """
    omvang = controleer_omvang(data, naam)
    zf = zipfile.ZipFile(io.BytesIO(data))
    try:
        paden = _werkblad_paden(zf)
    except (KeyError, zipfile.BadZipFile, OSError, ValueError):
        raise weiger(
            naam,
            "Het bestand is beschadigd: de werkbladenlijst ontbreekt of is onleesbaar.",
            oplossing="Sla het bestand in Excel opnieuw op als .xlsx.",
        ) from None
    try:
        lezer = fastexcel.read_excel(data)
    except Exception:  # calamine meldt beschadigde XML als algemene fout
        raise _beschadigd(naam) from None
    if len(lezer.sheet_names) > MAX_WERKBLADEN:
        raise weiger(
            naam,
            f"Het werkboek heeft {opmaak.getal(len(lezer.sheet_names), 0)} werkbladen.",
            verwacht=f"hoogstens {MAX_WERKBLADEN} werkbladen",
            oplossing="Lever alleen de werkbladen met de cijfers aan.",
        )
    bladen = []
    for bladnaam in lezer.sheet_names:
        if bladnaam.strip().lower() in overslaan:
            continue
        if bladnaam not in paden:  # calamine vond een werkblad dat controleer_omvang niet heeft gezien
            raise _beschadigd(naam, bladnaam)
        try:
            blad = lezer.load_sheet(bladnaam, header_row=None, skip_rows=0, dtypes="string")
            kolommen = blad.available_columns()
            if kolommen and max(k.absolute_index for k in kolommen) + 1 > MAX_KOLOMMEN:
                raise weiger(
                    naam,
                    f"Het werkblad heeft {max(k.absolute_index for k in kolommen) + 1} kolommen.",
                    werkblad=bladnaam,
                    verwacht=f"hoogstens {MAX_KOLOMMEN} kolommen",
                    oplossing="Laat lege of overbodige kolommen weg.",
                )
            frame = blad.to_polars()
        except UploadGeweigerd:
            raise
        except Exception:
            raise _beschadigd(naam, bladnaam) from None
        if frame.height > MAX_RIJEN:
            raise weiger(
                naam,
                f"Het werkblad heeft {frame.height} rijen.",
                werkblad=bladnaam,
                verwacht=f"hoogstens {MAX_RIJEN} rijen",
                oplossing="Splits de gegevens over meer bestanden.",
            )
        eerste = min((k.absolute_index for k in kolommen), default=0)
        frame = frame.select(
            *(pl.lit(None, pl.String).alias(str(k + 1)) for k in range(eerste)),
            *(pl.col(c).alias(str(eerste + i + 1)) for i, c in enumerate(frame.columns)),
        )
        o = omvang[paden[bladnaam]]
        bladen.append(Blad(bladnaam, frame, o.cellen, o.formule_zonder_waarde))
    return bladen
