"""Wat er in een raadsrapportage staat, los van de vorm (PDF of Excel): per gemeente en kader(s) de kaderboom
(kader / opgave / beleidsveld -> doel -> indicator, in de eigen woorden van de gemeente), per indicator de
reeks (gemeente, GGD-regio, Nederland) en de bronnen van elk cijfer.

Dezelfde leesfuncties en dezelfde statusregel als de Kaderspagina: `kompas.gegevens.kader_boom` (status en
doelstatus uit kompas.status), `gegevens.reeks`, `gegevens.bronnen`; de teksten uit kompas.teksten en
kompas.tabellen. Niets wordt hier berekend dat niet al in die functies zit, behalve het tellen van doelen per
kader voor de samenvatting.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import duckdb
import polars as pl

from kompas import gegevens, opmaak, tabellen, teksten
from kompas.status import STATUSSEN

TITEL = "Raadsrapportage sociaal domein"
TIJDZONE = ZoneInfo("Europe/Amsterdam")


class RapportFout(Exception):
    """Het rapport kan niet worden gemaakt (onbekende gemeente of kader); de tekst is Nederlands."""


@dataclass
class Indicator:
    rij: dict  # de rij uit kader_boom
    reeks: pl.DataFrame  # gemeente, GGD-regio en Nederland (gegevens.reeks), deze indicator en leeftijd
    tabel: pl.DataFrame  # tabellen.waarden_tabel(reeks), met de bron als nummer
    bronnen: list[str]  # de bronnen van de cijfers in `tabel`, genummerd [1], [2], ...
    herkomsten: list[str]  # herkomst_id's van die cijfers (voor de bronnenlijst van het rapport)


@dataclass
class Doel:
    rij: dict
    indicatoren: list[Indicator] = field(default_factory=list)


@dataclass
class Kader:
    rij: dict
    doelen: list[Doel] = field(default_factory=list)


@dataclass
class Inhoud:
    gemeente_code: str
    gemeente: str
    ggd_regio: str | None
    keuze: str  # wat gekozen is, in woorden
    gemaakt: dt.datetime
    kaders: list[Kader]
    bronnen: pl.DataFrame  # gegevens.bronnen, alleen de herkomsten van de cijfers in het rapport

    @property
    def titel(self) -> str:
        return f"{TITEL} {self.gemeente}"


def _gemeente(cur: duckdb.DuckDBPyConnection, code: str) -> dict:
    """De gemeente (naam, GGD-regio) uit gegevens.gemeenten."""
    rijen = gegevens.gemeenten(cur).to_dicts()
    per_code = {g["regio_code"]: g for g in rijen}
    if code not in per_code:
        bekend = ", ".join(f"{g['regio_code']} ({g['regio_naam']})" for g in rijen)
        raise RapportFout(f"Onbekende gemeente '{code}'. Kies een van: {bekend}.")
    return per_code[code]


def _bronnummers(tabel: pl.DataFrame) -> tuple[pl.DataFrame, list[str]]:
    """De kolom Bron van een waardentabel als nummer ([1], [2], ...) met de lijst van bronnen erbij: de tabel
    blijft leesbaar en elk cijfer houdt zijn bron."""
    if tabel.is_empty() or "Bron" not in tabel.columns:
        return tabel, []
    uniek = list(dict.fromkeys(tabel["Bron"].to_list()))
    nummer = {b: f"[{i}]" for i, b in enumerate(uniek, start=1)}
    return tabel.with_columns(pl.col("Bron").replace_strict(nummer)), [f"{nummer[b]} {b}" for b in uniek]


def keuze_tekst(kaders: list[Kader]) -> str:
    documenten = list(dict.fromkeys(k.rij["document"] for k in kaders))
    if len(kaders) == 1:
        k = kaders[0].rij
        return f"{k['kader_niveau'].capitalize()} '{k['kader_naam']}' uit {k['document']}"
    woord = "document" if len(documenten) == 1 else "documenten"
    return f"Alle {len(kaders)} kaders uit {len(documenten)} {woord}: {'; '.join(documenten)}"


def verzamel(
    cur: duckdb.DuckDBPyConnection, gemeente_code: str, kader_id: str | None = None, gemaakt: dt.datetime | None = None
) -> Inhoud:
    """De inhoud van het rapport voor een gemeente: alle kaders (nieuwste document eerst) of één."""
    gemeente = _gemeente(cur, gemeente_code)
    boom = gegevens.kader_boom(cur, gemeente_code)
    if boom.is_empty():
        raise RapportFout(f"{gemeente['regio_naam']} heeft (nog) geen kaders in Sociaal Kompas.")
    if kader_id is not None and kader_id not in boom["kader_id"].to_list():
        bekend = ", ".join(boom["kader_id"].unique(maintain_order=True).to_list())
        raise RapportFout(f"Onbekend kader '{kader_id}' voor {gemeente['regio_naam']}. Kies een van: {bekend}.")
    volgorde = [d["document"] for d in tabellen.documenten(boom)]  # nieuwste document eerst, zoals de pagina
    boom = boom.sort(pl.col("document").replace_strict({d: i for i, d in enumerate(volgorde)}), maintain_order=True)
    if kader_id is not None:
        boom = boom.filter(pl.col("kader_id") == kader_id)

    regios = [gemeente_code] + ([gemeente["ggd_regio_code"]] if gemeente["ggd_regio_code"] else [])
    reeksen = gegevens.reeks(cur, boom["indicator_code"].drop_nulls().unique().sort().to_list(), regios)
    herkomsten: set[str] = set()
    kaders = []
    for (_,), kader in boom.group_by("kader_id", maintain_order=True):
        k = Kader(kader.row(0, named=True))
        for (doel_id,), doel in kader.group_by("doel_id", maintain_order=True):
            if doel_id is None:
                continue
            d = Doel(doel.row(0, named=True))
            for rij in doel.filter(pl.col("kader_indicator_id").is_not_null()).iter_rows(named=True):
                reeks = (
                    tabellen.deel(reeksen, indicator_code=rij["indicator_code"], leeftijd=rij["leeftijd"])
                    if rij["indicator_code"]
                    else reeksen.clear()
                )
                # indicator en leeftijdsgroep staan boven de tabel
                tabel, bronnen = (
                    _bronnummers(tabellen.waarden_tabel(reeks).drop("Indicator", "Leeftijd", strict=False))
                    if not reeks.is_empty()
                    else (pl.DataFrame(), [])
                )
                ids = [h for h in reeks["herkomst_id"].unique(maintain_order=True).to_list() if h]
                herkomsten.update(ids)
                d.indicatoren.append(Indicator(rij, reeks, tabel, bronnen, ids))
            k.doelen.append(d)
        kaders.append(k)
    alle_bronnen = gegevens.bronnen(cur)
    return Inhoud(
        gemeente_code=gemeente_code,
        gemeente=gemeente["regio_naam"],
        ggd_regio=gemeente.get("ggd_regio_naam"),
        keuze=keuze_tekst(kaders),
        gemaakt=gemaakt or dt.datetime.now(TIJDZONE),
        kaders=kaders,
        bronnen=alle_bronnen.filter(pl.col("herkomst_id").is_in(sorted(herkomsten))),
    )


# --- teksten die PDF en Excel allebei gebruiken -------------------------------------------------------------


def telling(kader: Kader) -> dict[str, int]:
    """Hoeveel doelen van het kader op koers / risico / niet op koers / nog niet te beoordelen zijn (de doelstatus
    van kader_boom, dus dezelfde regel als de Kaderspagina)."""
    uit = dict.fromkeys(STATUSSEN, 0)
    for d in kader.doelen:
        uit[d.rij["doel_status"] or STATUSSEN[-1]] += 1
    return uit


def doel_status(doel: Doel) -> str:
    r = doel.rij
    return teksten.doel_status_tekst(r["doel_status"], r["doel_beoordeeld"], r["doel_indicatoren"])


def indicator_status(rij: dict) -> str:
    return teksten.status_tekst(rij["status"], rij["status_reden"], rij["nulmeting_jaar"])


def document_bron(rij: dict) -> str:
    """Waar het document iets zegt: 'Programmabegroting 2026 ..., regels 37; 30; 36'."""
    regels = (rij.get("bron_regels") or "").replace(";", "; ")
    return rij["document"] + (f", regel{'s' if ';' in regels or '-' in regels else ''} {regels}" if regels else "")


def nulmeting_bron(rij: dict) -> str:
    herkomst = rij.get("nulmeting_herkomst") or ""
    if herkomst.startswith("upload"):
        return herkomst
    if rij.get("nulmeting_jaar") is None and not rij.get("nulmeting_tekst"):
        return "–"
    return "kader: " + document_bron(rij)


def streefwaarden(rij: dict) -> list[dict]:
    """Per streefwaarde: jaar, zoals geschreven, zoals gelezen en waar ze vandaan komt."""
    uit = []
    for s in rij.get("streefwaarden") or []:
        herkomst = s.get("herkomst") or ""
        uit.append(
            {
                "jaar": s.get("jaar"),
                "geschreven": s.get("tekst") or "–",
                # zonder registry-indicator de eenheid zoals het kader haar noemt ('% lagere zorgkosten')
                "gelezen": teksten.streefwaarde_gelezen_tekst(
                    s, rij.get("eenheid") or rij.get("kader_eenheid") or "", rij.get("decimalen")
                ),
                "bron": herkomst if herkomst.startswith("upload") else "kader: " + document_bron(rij),
            }
        )
    return uit


def laatste(rij: dict, reeks: pl.DataFrame, ggd_regio: str | None) -> dict:
    """De laatste waarde van de gemeente met Nederland, het verschil, de significantie en de GGD-regio in
    hetzelfde jaar (uit de reeks; alleen als de GGD-regio een cijfer heeft). Bij een aantal is de significantie
    None: er is geen vergelijking met Nederland (dat zegt 'nederland'), dus ook geen regel Significantie."""
    eenheid, dec = rij.get("eenheid") or "", rij.get("decimalen") or 0
    if opmaak.leeg(rij.get("laatste_waarde")):
        return {
            "waarde": "geen gegevens",
            "peiljaar": "–",
            "nederland": teksten.nederland_tekst(eenheid, None, dec),
            "verschil": "–",
            "significantie": None if opmaak.is_aantal(eenheid) else "–",
            "ggd": None,
        }
    # de GGD-regio alleen waar die cijfers heeft voor deze indicator (enquêtes), anders None (niet van toepassing)
    ggd = None
    van_ggd = (
        reeks.filter((pl.col("regio_naam") == ggd_regio) & pl.col("waarde").is_not_null())
        if ggd_regio and not reeks.is_empty() and not opmaak.is_aantal(eenheid)
        else reeks.clear()
    )
    if not van_ggd.is_empty():
        zelfde = van_ggd.filter(pl.col("peiljaar") == rij["laatste_peiljaar"])
        ggd = (  # met de decimalen van het GGD-cijfer zelf (marts/05): '83%' blijft '83%'
            f"{opmaak.met_eenheid(zelfde['waarde'][0], eenheid, teksten.decimalen_van(zelfde.row(0, named=True)))}"
            f" ({ggd_regio})"
            if not zelfde.is_empty()
            else f"geen gegevens voor {rij['laatste_peiljaar']} ({ggd_regio})"
        )
    eigen, landelijk = (
        teksten.decimalen_van(rij, "laatste_decimalen"),
        teksten.decimalen_van(rij, "landelijk_decimalen"),
    )
    return {
        "waarde": opmaak.met_eenheid(rij["laatste_waarde"], eenheid, eigen),
        "peiljaar": opmaak.peilmoment(rij["laatste_peiljaar"], rij.get("laatste_peildatum")),
        "nederland": teksten.nederland_tekst(eenheid, rij.get("landelijk_waarde"), landelijk),
        "verschil": opmaak.verschil(
            rij.get("verschil_landelijk"), eenheid, teksten.verschil_decimalen(rij, "laatste_decimalen")
        ),
        "significantie": None if opmaak.is_aantal(eenheid) else teksten.significantie_tekst(rij),
        "ggd": ggd,
    }
