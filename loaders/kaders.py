"""Laadt de beleidskaders uit `data/kaders/*.toml` in de kadertabellen (queries/tabellen/10_kaders.sql).

`laad_kaders(con)` leest en controleert eerst alle bestanden en vervangt daarna in één keer de tabellen
kader, doel, kader_indicator, streefwaarde, kader_weggelaten, maatschappelijk_effect, doel_effect en
kader_kerncijfer. Een fout in één bestand (onbekende sleutel, gemeente of indicatorcode, dubbele id,
onleesbare streefwaarde of nulmeting) geeft een `KaderFout` met bestand en onderdeel; er wordt dan niets
geschreven. Twee keer laden geeft dezelfde rijen.

Het bestandsformaat staat in `data/kaders/LEESMIJ.md`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from kompas.db import DATA
from kompas.streefwaarden import parse_nulmeting, parse_streefwaarde

KADERS = DATA / "kaders"

NIVEAUS = ("opgave", "kader", "beleidsveld", "programma", "doelstelling")

_SLEUTELS_BESTAND = {
    "gemeente_code",
    "document",
    "geldig_van",
    "geldig_tot",
    "bronbestand",
    "niveau",
    "kader",
    "weggelaten",
    "effect",
}
_SLEUTELS_KADER = {"id", "naam", "niveau", "omschrijving", "bron_regels", "doel", "kerncijfers"}
_SLEUTELS_DOEL = {"naam", "bron_regels", "effecten", "indicator"}
_SLEUTELS_INDICATOR = {
    "omschrijving",
    "indicator_code",
    "leeftijd",
    "bron_genoemd",
    "eenheid",
    "nulmeting",
    "nulmeting_jaar",
    "streefwaarde",
    "streefwaarden",
    "bron_regels",
    "toelichting",
}
_SLEUTELS_WEGGELATEN = {"omschrijving", "reden", "bron_regels"}
_SLEUTELS_EFFECT = {"id", "naam", "bron_regels"}
_SLEUTELS_KERNCIJFER = {"indicator_code", "leeftijd", "omschrijving", "bron_regels"}

_BRON_REGELS_RE = re.compile(r"^\d+(?:-\d+)?(?:;\s*\d+(?:-\d+)?)*$")
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class KaderFout(ValueError):
    """Een fout in een kaderbestand; de melding noemt bestand, onderdeel, wat er staat en wat moet."""


@dataclass
class _Rijen:
    kader: list[tuple] = field(default_factory=list)
    doel: list[tuple] = field(default_factory=list)
    kader_indicator: list[tuple] = field(default_factory=list)
    streefwaarde: list[tuple] = field(default_factory=list)
    kader_weggelaten: list[tuple] = field(default_factory=list)
    maatschappelijk_effect: list[tuple] = field(default_factory=list)
    doel_effect: list[tuple] = field(default_factory=list)
    kader_kerncijfer: list[tuple] = field(default_factory=list)


_INSERTS = {
    "kader": "insert into kader (kader_id, gemeente_code, document, geldig_van, geldig_tot, niveau, naam,"
    " omschrijving, volgorde, bron_regels, bronbestand, kaderbestand)"
    " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "doel": "insert into doel (doel_id, kader_id, naam, volgorde, bron_regels) values (?, ?, ?, ?, ?)",
    "kader_indicator": "insert into kader_indicator (kader_indicator_id, doel_id, gemeente_code, omschrijving,"
    " indicator_code, leeftijd, bron_genoemd, eenheid, nulmeting_jaar, nulmeting_waarde,"
    " nulmeting_tekst, volgorde, bron_regels, toelichting)"
    " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "streefwaarde": "insert into streefwaarde (kader_indicator_id, jaar, tekst, soort, waarde, ondergrens,"
    " bovengrens, richting, strikt) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "kader_weggelaten": "insert into kader_weggelaten (gemeente_code, document, omschrijving, reden, bron_regels)"
    " values (?, ?, ?, ?, ?)",
    "maatschappelijk_effect": "insert into maatschappelijk_effect (effect_id, gemeente_code, document, naam,"
    " volgorde, bron_regels) values (?, ?, ?, ?, ?, ?)",
    "doel_effect": "insert into doel_effect (doel_id, effect_id) values (?, ?)",
    "kader_kerncijfer": "insert into kader_kerncijfer (kader_id, indicator_code, leeftijd, omschrijving, volgorde,"
    " bron_regels) values (?, ?, ?, ?, ?, ?)",
}


def bron_regelnummers(bron_regels: str | None) -> list[int]:
    """'36-38;59' -> [36, 37, 38, 59]: de regelnummers in de volgorde waarin ze genoemd zijn."""
    nummers: list[int] = []
    for deel in (bron_regels or "").split(";"):
        deel = deel.strip()
        if not deel:
            continue
        if "-" in deel:
            van, tot = (int(x) for x in deel.split("-", 1))
            nummers.extend(range(van, tot + 1))
        else:
            nummers.append(int(deel))
    return nummers


class _Kaderbestand:
    """Leest één kaderbestand en zet het om in rijen; elke fout noemt bestand en plaats."""

    def __init__(self, pad: Path, gemeenten: set[str], codes: set[str], rijen: _Rijen, ids: dict[str, str]):
        self.pad, self.gemeenten, self.codes, self.rijen, self.ids = pad, gemeenten, codes, rijen, ids
        self.naam = f"data/kaders/{pad.name}"

    def fout(self, plaats: str, bericht: str) -> KaderFout:
        return KaderFout(f"{self.naam}, {plaats}: {bericht}")

    def sleutels(self, tabel: dict, toegestaan: set[str], plaats: str) -> None:
        onbekend = sorted(set(tabel) - toegestaan)
        if onbekend:
            raise self.fout(
                plaats,
                f"onbekende sleutel(s) {', '.join(onbekend)}. Toegestaan: "
                f"{', '.join(sorted(toegestaan))}. Controleer de spelling.",
            )

    def tekst(self, tabel: dict, sleutel: str, plaats: str, verplicht: bool = True) -> str | None:
        waarde = tabel.get(sleutel)
        if waarde is None or (isinstance(waarde, str) and not waarde.strip()):
            if verplicht:
                raise self.fout(plaats, f"'{sleutel}' ontbreekt of is leeg. Vul '{sleutel} = \"...\"' in.")
            return None
        if not isinstance(waarde, str):
            raise self.fout(plaats, f"'{sleutel}' moet tekst tussen aanhalingstekens zijn, gevonden: {waarde!r}.")
        return waarde.strip()

    def looptijd(self, inhoud: dict) -> tuple[int, int]:
        """De jaren waarvoor het document geldt (`geldig_van`, `geldig_tot`): daarmee kiest de Kaderspagina het
        nieuwste document van een gemeente en zegt ze of een document verlopen is."""
        jaren = []
        for sleutel in ("geldig_van", "geldig_tot"):
            jaar = inhoud.get(sleutel)
            if not isinstance(jaar, int) or isinstance(jaar, bool) or not 1990 <= jaar <= 2100:
                raise self.fout(
                    "bovenaan",
                    f"'{sleutel}' ontbreekt of is geen jaartal (gevonden: {jaar!r}). Vul "
                    f"het jaar in waarvoor het document geldt, zonder aanhalingstekens: {sleutel} = 2026.",
                )
            jaren.append(jaar)
        if jaren[0] > jaren[1]:
            raise self.fout("bovenaan", f"geldig_van ({jaren[0]}) ligt na geldig_tot ({jaren[1]}). Draai ze om.")
        return jaren[0], jaren[1]

    def regels(self, tabel: dict, plaats: str) -> str | None:
        regels = self.tekst(tabel, "bron_regels", plaats, verplicht=True)
        if not _BRON_REGELS_RE.match(regels):
            raise self.fout(
                plaats,
                f"bron_regels '{regels}' niet herkend. Verwacht regelnummers gescheiden door "
                "';', met '-' voor een bereik, bijvoorbeeld \"36-41;59\".",
            )
        return regels

    def nieuw_id(self, id_: str, plaats: str) -> str:
        if id_ in self.ids:
            raise self.fout(
                plaats, f"id '{id_}' komt dubbel voor (ook in {self.ids[id_]}). Geef elk onderdeel een eigen id."
            )
        self.ids[id_] = f"{self.naam}, {plaats}"
        return id_

    def lees(self) -> None:
        try:
            inhoud = tomllib.loads(self.pad.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as e:
            raise KaderFout(f"{self.naam}: geen geldige TOML ({e}). Controleer aanhalingstekens en haakjes.") from e
        self.sleutels(inhoud, _SLEUTELS_BESTAND, "bovenaan")
        gemeente = self.tekst(inhoud, "gemeente_code", "bovenaan")
        if gemeente not in self.gemeenten:
            raise self.fout(
                "bovenaan",
                f"gemeente_code '{gemeente}' is geen gemeente in data/regio.csv "
                f"(bekend: {', '.join(sorted(self.gemeenten))}). Voeg de gemeente daar toe of "
                "corrigeer de code.",
            )
        document = self.tekst(inhoud, "document", "bovenaan")
        looptijd = self.looptijd(inhoud)
        bronbestand = self.tekst(inhoud, "bronbestand", "bovenaan", verplicht=False)
        standaard_niveau = self.tekst(inhoud, "niveau", "bovenaan", verplicht=False) or "kader"

        effecten: dict[str, str] = {}
        for e_nr, effect in enumerate(inhoud.get("effect", []), start=1):
            plaats = f"effect {e_nr}"
            self.sleutels(effect, _SLEUTELS_EFFECT, plaats)
            kort = self.tekst(effect, "id", plaats)
            effect_id = self.nieuw_id(f"{gemeente}-{kort}", plaats)
            effecten[kort] = effect_id
            self.rijen.maatschappelijk_effect.append(
                (effect_id, gemeente, document, self.tekst(effect, "naam", plaats), e_nr, self.regels(effect, plaats))
            )

        kaders = inhoud.get("kader", [])
        if not kaders:
            raise self.fout("bovenaan", "geen enkel [[kader]]. Een kaderbestand heeft minstens één kader.")
        for k_nr, kader in enumerate(kaders, start=1):
            self.lees_kader(kader, k_nr, gemeente, (document, *looptijd), bronbestand, standaard_niveau, effecten)

        for w_nr, weg in enumerate(inhoud.get("weggelaten", []), start=1):
            plaats = f"weggelaten {w_nr}"
            self.sleutels(weg, _SLEUTELS_WEGGELATEN, plaats)
            self.rijen.kader_weggelaten.append(
                (
                    gemeente,
                    document,
                    self.tekst(weg, "omschrijving", plaats),
                    self.tekst(weg, "reden", plaats),
                    self.regels(weg, plaats),
                )
            )

    def lees_kader(self, kader, k_nr, gemeente, document, bronbestand, standaard_niveau, effecten) -> None:
        plaats = f"kader {k_nr} ('{kader.get('naam', '?')}')"
        self.sleutels(kader, _SLEUTELS_KADER, plaats)
        kort = self.tekst(kader, "id", plaats)
        if not _ID_RE.match(kort):
            raise self.fout(plaats, f"id '{kort}' mag alleen kleine letters, cijfers, '-' en '_' bevatten.")
        kader_id = self.nieuw_id(f"{gemeente}-{kort}", plaats)
        niveau = self.tekst(kader, "niveau", plaats, verplicht=False) or standaard_niveau
        if niveau not in NIVEAUS:
            raise self.fout(plaats, f"niveau '{niveau}' onbekend; verwacht een van {', '.join(NIVEAUS)}.")
        self.rijen.kader.append(
            (
                kader_id,
                gemeente,
                *document,
                niveau,
                self.tekst(kader, "naam", plaats),
                self.tekst(kader, "omschrijving", plaats, verplicht=False),
                k_nr,
                self.regels(kader, plaats),
                bronbestand,
                self.pad.name,
            )
        )
        for c_nr, kern in enumerate(kader.get("kerncijfers", []), start=1):
            c_plaats = f"{plaats}, kerncijfer {c_nr}"
            self.sleutels(kern, _SLEUTELS_KERNCIJFER, c_plaats)
            code = self.code(kern, c_plaats, verplicht=True)
            self.rijen.kader_kerncijfer.append(
                (
                    kader_id,
                    code,
                    self.tekst(kern, "leeftijd", c_plaats, False) or "totaal",
                    self.tekst(kern, "omschrijving", c_plaats),
                    c_nr,
                    self.regels(kern, c_plaats),
                )
            )
        doelen = kader.get("doel", [])
        if not doelen:
            raise self.fout(plaats, "geen enkel [[kader.doel]]. Elk kader heeft minstens één doel.")
        for d_nr, doel in enumerate(doelen, start=1):
            d_plaats = f"{plaats}, doel {d_nr}"
            self.sleutels(doel, _SLEUTELS_DOEL, d_plaats)
            doel_id = self.nieuw_id(f"{kader_id}.{d_nr}", d_plaats)
            self.rijen.doel.append(
                (doel_id, kader_id, self.tekst(doel, "naam", d_plaats), d_nr, self.regels(doel, d_plaats))
            )
            for kort_effect in doel.get("effecten", []):
                if kort_effect not in effecten:
                    raise self.fout(
                        d_plaats,
                        f"effect '{kort_effect}' staat niet bij de [[effect]]-en van dit "
                        f"bestand (bekend: {', '.join(effecten) or 'geen'}).",
                    )
                self.rijen.doel_effect.append((doel_id, effecten[kort_effect]))
            for i_nr, ind in enumerate(doel.get("indicator", []), start=1):
                self.lees_indicator(
                    ind,
                    f"{d_plaats}, indicator {i_nr} ('{ind.get('omschrijving', '?')}')",
                    f"{doel_id}.{i_nr}",
                    doel_id,
                    gemeente,
                    i_nr,
                )

    def code(self, tabel: dict, plaats: str, verplicht: bool = False) -> str | None:
        code = self.tekst(tabel, "indicator_code", plaats, verplicht=verplicht)
        if code is not None and code not in self.codes:
            raise self.fout(
                plaats,
                f"indicator_code '{code}' staat niet in de registry (data/indicatoren.csv). "
                "Voeg de indicator daar toe of laat indicator_code leeg en leg uit in 'toelichting'.",
            )
        return code

    def lees_indicator(self, ind: dict, plaats: str, ki_id: str, doel_id: str, gemeente: str, volgorde: int) -> None:
        self.sleutels(ind, _SLEUTELS_INDICATOR, plaats)
        self.nieuw_id(ki_id, plaats)
        code = self.code(ind, plaats)
        leeftijd = self.tekst(ind, "leeftijd", plaats, verplicht=False)
        if leeftijd and not code:
            raise self.fout(plaats, "'leeftijd' zonder indicator_code; leeftijd hoort bij een registry-indicator.")
        if code and not leeftijd:
            leeftijd = "totaal"
        toelichting = self.tekst(ind, "toelichting", plaats, verplicht=False)

        nulmeting_tekst = self.tekst(ind, "nulmeting", plaats, verplicht=False)
        nulmeting_jaar = ind.get("nulmeting_jaar")
        if nulmeting_jaar is not None and not isinstance(nulmeting_jaar, int):
            raise self.fout(
                plaats, f"nulmeting_jaar moet een jaartal zonder aanhalingstekens zijn, gevonden: {nulmeting_jaar!r}."
            )
        try:
            nulmeting_waarde, jaar_in_tekst = parse_nulmeting(nulmeting_tekst)
        except ValueError as e:
            raise self.fout(plaats, str(e)) from e
        if jaar_in_tekst is not None and nulmeting_jaar is not None and jaar_in_tekst != nulmeting_jaar:
            raise self.fout(
                plaats,
                f"nulmeting '{nulmeting_tekst}' noemt {jaar_in_tekst}, maar nulmeting_jaar is "
                f"{nulmeting_jaar}. Laat één van beide weg of maak ze gelijk.",
            )
        nulmeting_jaar = nulmeting_jaar if nulmeting_jaar is not None else jaar_in_tekst

        streefwaarden: list[tuple[int | None, str]] = []
        if "streefwaarde" in ind:
            streefwaarden.append((None, self.tekst(ind, "streefwaarde", plaats)))
        per_jaar = ind.get("streefwaarden", {})
        if not isinstance(per_jaar, dict):
            raise self.fout(plaats, 'streefwaarden moet een tabel per jaar zijn: streefwaarden = { 2020 = "86%" }.')
        for jaar, tekst in per_jaar.items():
            if not re.fullmatch(r"(?:19|20)\d\d", str(jaar)) or not isinstance(tekst, str):
                raise self.fout(
                    plaats,
                    f"streefwaarden: '{jaar} = {tekst!r}' niet herkend. Verwacht een jaartal "
                    'met tekst: { 2020 = "86%" }.',
                )
            streefwaarden.append((int(jaar), tekst))
        for jaar, tekst in streefwaarden:
            try:
                s = parse_streefwaarde(tekst)
            except ValueError as e:
                raise self.fout(plaats, f"{e} Zet een tekst die geen streefwaarde is in 'toelichting'.") from e
            self.rijen.streefwaarde.append(
                (ki_id, jaar, s.tekst, s.soort, s.waarde, s.ondergrens, s.bovengrens, s.richting, s.strikt)
            )

        self.rijen.kader_indicator.append(
            (
                ki_id,
                doel_id,
                gemeente,
                self.tekst(ind, "omschrijving", plaats),
                code,
                leeftijd,
                self.tekst(ind, "bron_genoemd", plaats, verplicht=False),
                self.tekst(ind, "eenheid", plaats, False),
                nulmeting_jaar,
                nulmeting_waarde,
                nulmeting_tekst,
                volgorde,
                self.regels(ind, plaats),
                toelichting,
            )
        )


def lees_kaders(map_: Path, gemeenten: set[str], codes: set[str]) -> _Rijen:
    """Leest en controleert alle kaderbestanden in `map_`; geeft de rijen per tabel (schrijft niets)."""
    bestanden = sorted(map_.glob("*.toml"))
    if not bestanden:
        raise KaderFout(f"Geen kaderbestanden (*.toml) gevonden in {map_}. Verwacht minstens één bestand.")
    rijen, ids = _Rijen(), {}
    for pad in bestanden:
        _Kaderbestand(pad, gemeenten, codes, rijen, ids).lees()
    return rijen


def laad_kaders(con: duckdb.DuckDBPyConnection, map_: Path | None = None) -> dict[str, int]:
    """Vervangt alle kadertabellen door de inhoud van `data/kaders/*.toml`; geeft het aantal rijen per tabel.

    Controleert tegen de regio's en de registry die al in `con` staan (laad_referentie eerst). Alles wordt
    gelezen en gecontroleerd vóór het eerste delete; roep dit aan binnen `schrijf_transactie`, zodat ook
    een fout halverwege het schrijven niets achterlaat. Bij een fout: KaderFout, en er is niets veranderd.
    """
    gemeenten = {r[0] for r in con.execute("select regio_code from regio where soort = 'gemeente'").fetchall()}
    codes = {r[0] for r in con.execute("select indicator_code from indicator").fetchall()}
    rijen = lees_kaders(map_ or KADERS, gemeenten, codes)
    tellingen = {}
    for tabel, sql in _INSERTS.items():
        con.execute(_VERWIJDER[tabel])
        waarden = getattr(rijen, tabel)
        if waarden:
            con.executemany(sql, waarden)
        tellingen[tabel] = len(waarden)
    return tellingen


_VERWIJDER = {tabel: f"delete from {tabel}" for tabel in _INSERTS}  # vaste lijst tabelnamen, geen invoer
