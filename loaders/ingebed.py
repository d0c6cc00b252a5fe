"""Bouwt de database uit de meegeleverde bestanden in `data/` (of een andere datamap, `bouw(pad, data=...)`).

Vervangt alleen wat uit de datamap komt (regio's, registry, ingebedde cijfers, kaders); geüploade en
live opgehaalde cijfers blijven staan. Twee keer bouwen geeft dezelfde database.
Een gemeente erbij is een rij in `regio.csv` (met GGD-regio, provincie, kleur en vorm, en focus 'ja' als de
pagina's haar standaard tonen); geen code (tests/test_vierde_gemeente.py).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import tomllib
from pathlib import Path

import duckdb

from kompas.db import DATA, DatabaseFout, database_pad, is_actueel, ontbreekt_fout, pas_schema_toe, schrijf_transactie
from loaders.kaders import laad_kaders

KLEURCODE = re.compile(r"^#[0-9A-Fa-f]{6}$")
GEMEENTECODE = re.compile(r"^GM\d{4}$")
HERINDELING_KOLOMMEN = ["oud_code", "oud_naam", "nieuw_code", "nieuw_naam", "per", "soort", "bron"]
HERINDELING_SOORTEN = ("samenvoeging", "codewijziging")


class RegioFout(ValueError):
    """Een fout in `regio.csv`; de melding noemt de regio, wat er staat en wat moet. Er is niets geschreven."""


class VergelijkingsgroepFout(ValueError):
    """Een fout in `vergelijkingsgroepen.toml`; de melding noemt de groep en wat moet. Er is niets geschreven."""


def _csv(pad: Path) -> str:
    return str(pad)


def controleer_regios(con: duckdb.DuckDBPyConnection) -> None:
    """Elke gemeente heeft een kleur (#RRGGBB) en een vorm die de grafieken kennen; een andere regio geen van
    beide (die krijgt haar stijl naar haar regiosoort, kompas.grafieken). Anders `RegioFout`."""
    from kompas.grafieken import VORMEN  # de vormen die de grafieken kunnen tekenen: één lijst

    rijen = con.execute(  # alleen de regio's uit regio.csv; een opgehaalde gemeente heeft geen eigen kleur of vorm
        "select regio_code, soort, kleur, vorm from regio where herkomst_id is null order by volgorde, regio_code"
    ).fetchall()
    for code, regiosoort, kleur, vorm in rijen:
        plaats = f"regio.csv, regio {code}"
        if regiosoort != "gemeente":
            if kleur or vorm:
                raise RegioFout(
                    f"{plaats}: alleen een gemeente heeft een kleur en vorm; een {regiosoort} krijgt haar "
                    "stijl naar haar soort. Maak de kolommen kleur en vorm leeg."
                )
            continue
        if not kleur or not KLEURCODE.match(kleur):
            raise RegioFout(f"{plaats}: kleur {kleur or '(leeg)'} is geen kleurcode; verwacht bijvoorbeeld #0072B2.")
        if vorm not in VORMEN:
            raise RegioFout(f"{plaats}: vorm {vorm or '(leeg)'} is onbekend; kies uit {', '.join(VORMEN)}.")


def controleer_focus(con: duckdb.DuckDBPyConnection, pad: Path) -> None:
    """De kolom focus van regio.csv: 'ja' bij de gemeenten die de pagina's standaard tonen (de zijbalk, het Overzicht,
    Vergelijken, Indicator en Over de data), anders leeg; minstens één gemeente. Anders `RegioFout`."""
    for code, regiosoort, focus in con.execute(
        "select regio_code, soort, coalesce(focus, '')"
        " from read_csv($pad, header = true, all_varchar = true, quote = '\"')"
        " order by cast(volgorde as integer), regio_code",
        {"pad": _csv(pad)},
    ).fetchall():
        plaats = f"regio.csv, regio {code}"
        if focus not in ("", "ja"):
            raise RegioFout(f"{plaats}: focus '{focus}' is onbekend; zet 'ja' (standaard op de pagina's) of laat leeg.")
        if focus and regiosoort != "gemeente":
            raise RegioFout(f"{plaats}: alleen een gemeente kan focus 'ja' hebben, geen {regiosoort}. Maak focus leeg.")
    if not con.execute("select count(*) from regio where focus").fetchone()[0]:
        raise RegioFout("regio.csv: geen gemeente heeft focus 'ja'; zet 'ja' bij de gemeenten die de pagina's tonen.")


def _werk_regio_bij(con: duckdb.DuckDBPyConnection) -> None:
    """Een database van vóór de wijken heeft een soortcontrole zonder 'wijk' (DuckDB kan een controle niet
    wijzigen). De tabel komt helemaal uit data/regio.csv, dus: weg ermee en opnieuw aanmaken volgens het schema."""
    oud = con.execute(
        "select count(*) from duckdb_constraints() where table_name = 'regio' and constraint_type = 'CHECK'"
        " and constraint_text ilike '%soort%' and constraint_text not ilike '%wijk%'"
    ).fetchone()[0]
    if oud:
        con.execute("drop table regio")
        pas_schema_toe(con)


def lees_herindeling(pad: Path) -> list[dict]:
    """De rijen van herindeling.csv (regels met # zijn toelichting), gecontroleerd; anders `RegioFout`."""
    if not pad.exists():
        return []
    with open(pad, encoding="utf-8", newline="") as f:
        regels = [r for r in f if r.strip() and not r.lstrip().startswith("#")]
    lezer = csv.DictReader(regels)
    if lezer.fieldnames != HERINDELING_KOLOMMEN:
        raise RegioFout(
            f"herindeling.csv: de kolommen zijn {', '.join(lezer.fieldnames or [])}; verwacht "
            f"{', '.join(HERINDELING_KOLOMMEN)}."
        )
    rijen = []
    for i, r in enumerate(lezer, start=1):
        plaats = f"herindeling.csv, rij {i} ({r.get('oud_code')})"
        if None in r or None in r.values():
            raise RegioFout(
                f"{plaats}: het aantal kolommen klopt niet; zet een tekst met een komma (de bron) tussen "
                "aanhalingstekens."
            )
        r = {k: v.strip() for k, v in r.items()}
        for kolom in ("oud_code", "nieuw_code"):
            if not GEMEENTECODE.match(r[kolom]):
                raise RegioFout(f"{plaats}: {kolom} '{r[kolom]}' is geen gemeentecode; verwacht GM en vier cijfers.")
        if r["soort"] not in HERINDELING_SOORTEN:
            raise RegioFout(f"{plaats}: soort '{r['soort']}' is onbekend; kies samenvoeging of codewijziging.")
        try:
            r["per"] = dt.date.fromisoformat(r["per"])
        except ValueError:
            raise RegioFout(f"{plaats}: per '{r['per']}' is geen datum; verwacht jjjj-mm-dd.") from None
        if not r["oud_naam"] or not r["nieuw_naam"] or "http" not in r["bron"]:
            raise RegioFout(f"{plaats}: oud_naam, nieuw_naam en bron (met adres) zijn verplicht.")
        if r["oud_code"] == r["nieuw_code"]:
            raise RegioFout(
                f"{plaats}: oud_code en nieuw_code zijn gelijk; een gemeente die haar code houdt en een "
                "andere opneemt staat er als nieuw_code bij de opgenomen gemeente."
            )
        rijen.append(r)
    dubbel = {r["oud_code"] for r in rijen if sum(s["oud_code"] == r["oud_code"] for s in rijen) > 1}
    if dubbel:
        raise RegioFout(f"herindeling.csv: {', '.join(sorted(dubbel))} staat meer dan één keer als oud_code.")
    return rijen


def laad_referentie(con: duckdb.DuckDBPyConnection, data: Path = DATA) -> None:
    """Regio's, aliassen, herindelingen en de indicatorregistry: altijd precies wat in de datamap (`data/`) staat.
    Regio's uit de codelijst van een opgehaalde tabel (herkomst_id gevuld) blijven staan, behalve waar regio.csv of
    een codewijziging in herindeling.csv dezelfde code noemt."""
    _werk_regio_bij(con)
    herindeling = lees_herindeling(data / "herindeling.csv")
    con.execute("delete from herindeling")
    if herindeling:
        con.executemany(
            "insert into herindeling values (?, ?, ?, ?, ?, ?, ?)",
            [[r[k] for k in HERINDELING_KOLOMMEN] for r in herindeling],
        )
    con.execute(
        "delete from regio where herkomst_id is null"
        " or regio_code in (select regio_code from read_csv($pad, header = true, all_varchar = true, quote = '\"'))"
        " or regio_code in (select oud_code from herindeling where soort = 'codewijziging')",
        {"pad": _csv(data / "regio.csv")},
    )
    con.execute(
        "insert into regio (regio_code, regio_naam, soort, ggd_regio_code, provincie_code, volgorde, kleur, vorm,"
        " gemeente_code, focus)"
        " select regio_code, regio_naam, soort, nullif(ggd_regio_code, ''), nullif(provincie_code, ''),"
        " cast(volgorde as integer), nullif(kleur, ''), nullif(vorm, ''), nullif(gemeente_code, ''),"
        " coalesce(focus, '') = 'ja'"
        # quote genoemd: met lege kolommen achteraan herkent de CSV-sniffer de aanhalingstekens niet altijd
        " from read_csv($pad, header = true, all_varchar = true, quote = '\"')",
        {"pad": _csv(data / "regio.csv")},
    )
    controleer_focus(con, data / "regio.csv")
    controleer_regios(con)
    con.execute("delete from regio_alias")
    con.execute(
        "insert into regio_alias select bron_code, regio_code from read_csv($pad, header = true, all_varchar = true)",
        {"pad": _csv(data / "regio_alias.csv")},
    )
    con.execute("delete from indicator")
    con.execute(
        """
        insert into indicator
        select indicator_code, naam, thema, definitie, eenheid, cast(decimalen as integer), goede_richting,
               soort, bron, nullif(bron_tabel, ''), nullif(bron_kolom, ''), licentie, nullif(berekening, ''),
               cast(nullif(min_waarde, '') as double), cast(nullif(max_waarde, '') as double),
               nullif(toelichting, '')
        from read_csv($pad, header = true, all_varchar = true)
        """,
        {"pad": _csv(data / "indicatoren.csv")},
    )
    con.execute("delete from berekende_indicator")
    con.execute(
        "insert into berekende_indicator select indicator_code, teller, noemer, cast(factor as integer), leeftijd,"
        " teller_woord, noemer_woord from read_csv($pad, header = true, all_varchar = true)",
        {"pad": _csv(data / "berekende_indicatoren.csv")},
    )
    laad_vergelijkingsgroepen(con, data / "vergelijkingsgroepen.toml")


def _groepfout(plaats: str, tekst: str) -> VergelijkingsgroepFout:
    return VergelijkingsgroepFout(f"vergelijkingsgroepen.toml, {plaats}: {tekst}")


def laad_vergelijkingsgroepen(con: duckdb.DuckDBPyConnection, pad: Path) -> None:
    """De vergelijkingsgroepen uit `pad` (data/vergelijkingsgroepen.toml, met uitleg en bron in het bestand) in de
    tabellen vergelijkingsgroep en vergelijkingsgroep_lid; altijd precies wat in het bestand staat. Een fout (een
    onbekende gemeentecode, een klasse zonder ondergrens, ...) geeft `VergelijkingsgroepFout`. Zonder bestand zijn er
    geen vergelijkingsgroepen."""
    con.execute("delete from vergelijkingsgroep_lid")
    con.execute("delete from vergelijkingsgroep")
    if not pad.exists():
        return
    try:
        inhoud = tomllib.loads(pad.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as fout:
        raise VergelijkingsgroepFout(f"vergelijkingsgroepen.toml is geen geldige TOML: {fout}") from None
    minimum = inhoud.get("minimum_aantal")
    if not isinstance(minimum, int) or isinstance(minimum, bool) or minimum < 1:
        raise _groepfout("minimum_aantal", "moet een heel getal van minstens 1 zijn (bijvoorbeeld 5).")
    gemeenten = {c for (c,) in con.execute("select regio_code from regio where soort = 'gemeente'").fetchall()}
    groepen, leden = [], []
    klassen = inhoud.get("grootteklasse", {})
    for klasse in klassen.get("klasse", []):
        plaats = f"grootteklasse {klasse.get('groep', '(zonder groep)')}"
        onder, boven = klasse.get("ondergrens"), klasse.get("bovengrens")
        if not isinstance(onder, int) or (boven is not None and (not isinstance(boven, int) or boven <= onder)):
            raise _groepfout(plaats, "ondergrens moet een heel getal zijn en bovengrens (als die er is) groter.")
        groepen.append(
            (klasse.get("groep"), klasse.get("naam"), "grootteklasse", onder, boven, klassen.get("indicator"),
             klassen.get("leeftijd"), klassen.get("bron"), None)
        )  # fmt: skip
    for selectie in inhoud.get("selectie", []):
        plaats = f"selectie {selectie.get('groep', '(zonder groep)')}"
        onbekend = [c for c in selectie.get("leden", []) if c not in gemeenten]
        if onbekend or not selectie.get("leden"):
            raise _groepfout(
                plaats,
                f"leden moeten gemeentecodes uit regio.csv zijn; onbekend: {', '.join(onbekend) or '(geen leden)'}.",
            )
        groepen.append(
            (selectie.get("groep"), selectie.get("naam"), "selectie", None, None, None, None, None,
             selectie.get("toelichting"))
        )  # fmt: skip
        leden += [(selectie["groep"], code) for code in dict.fromkeys(selectie["leden"])]
    if "keuze" in inhoud:
        keuze = inhoud["keuze"]
        groepen.append((keuze.get("groep"), keuze.get("naam"), "keuze", None, None, None, None, None, None))
    for groep in groepen:
        if not groep[0] or not groep[1]:
            raise _groepfout(f"groep {groep[0] or '(leeg)'}", "elke groep heeft een code (groep) en een naam.")
    try:
        con.executemany(
            "insert into vergelijkingsgroep (groep, groep_naam, groep_soort, ondergrens, bovengrens, indicator_code,"
            " leeftijd, bron, toelichting, volgorde, minimum_aantal) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(*g, i, minimum) for i, g in enumerate(groepen, start=1)],
        )
    except duckdb.ConstraintException:
        raise _groepfout("groep", "elke groepcode komt maar één keer voor.") from None
    if leden:
        con.executemany("insert into vergelijkingsgroep_lid (groep, regio_code) values (?, ?)", leden)


def laad_ingebedde_cijfers(con: duckdb.DuckDBPyConnection, data: Path = DATA) -> None:
    """Vervangt de meegeleverde cijfers en hun herkomst."""
    con.execute("delete from waarneming where herkomst_id in (select herkomst_id from herkomst where ingebed)")
    con.execute("delete from herkomst where ingebed")
    con.execute(
        """
        insert into herkomst (herkomst_id, soort, bron, titel, tabel_id, adres, gelezen_in, periode, opgehaald_op,
                              licentie, ingebed, toelichting)
        select herkomst_id, soort, bron, nullif(titel, ''), nullif(tabel_id, ''), nullif(adres, ''),
               nullif(gelezen_in, ''), nullif(periode, ''), cast(nullif(opgehaald_op, '') as timestamp), licentie,
               true, nullif(toelichting, '')
        from read_csv($pad, header = true, all_varchar = true)
        """,
        {"pad": _csv(data / "bronnen.csv")},
    )
    bestanden = sorted(str(p) for p in (data / "waarnemingen").glob("*.csv"))
    con.execute(
        """
        insert into waarneming (indicator_code, regio_code, peiljaar, peildatum, peildatum_precisie, leeftijd, waarde,
                                ondergrens, bovengrens, status, herkomst_id, citaat, decimalen)
        select indicator_code, regio_code, cast(peiljaar as integer), cast(nullif(peildatum, '') as date),
               nullif(peildatum_precisie, ''), leeftijd, cast(nullif(waarde, '') as double),
               cast(nullif(ondergrens, '') as double),
               cast(nullif(bovengrens, '') as double), nullif(status, ''), herkomst_id, nullif(citaat, ''),
               -- de tekst houdt de cijfers zoals gepubliceerd (tools/maak_ingebedde_data.getal: '4' blijft '4',
               -- '4,82' wordt '4.82'): zoveel decimalen publiceerde de bron
               case when nullif(waarde, '') is not null then length(split_part(waarde, '.', 2)) end
        from read_csv($bestanden, header = true, all_varchar = true, union_by_name = true)
        """,
        {"bestanden": bestanden},
    )


def bouw(pad: Path | None = None, data: Path = DATA) -> dict[str, int]:
    """Bouwt of ververst de ingebedde inhoud uit de datamap `data` (standaard `data/`); geeft tellingen terug."""
    data = Path(data)
    with schrijf_transactie(pad) as con:
        laad_referentie(con, data)
        laad_ingebedde_cijfers(con, data)
        laad_kaders(con, data / "kaders")
        tellingen = {
            tabel: con.execute(f"select count(*) from {tabel}").fetchone()[0]  # vaste lijst, geen invoer
            for tabel in ("regio", "indicator", "herkomst", "waarneming")
        }
    return tellingen


def zorg_voor_database(pad: Path | None = None) -> Path:
    """De stap vóór het lezen (start van de app, `python -m loaders`): bouwt een ontbrekende database uit `data/`
    en werkt een database van een andere versie van de SQL bij (een lege schrijftransactie: schema en afgeleide
    tabellen opnieuw). Is alles al actueel, dan leest dit alleen de versie en schrijft niets. Geeft het pad."""
    pad = Path(pad) if pad else database_pad()
    if not pad.exists():
        try:
            bouw(pad)
        except DatabaseFout as fout:
            raise ontbreekt_fout(fout) from fout
    elif not is_actueel(pad):
        # de referentie (regio's met kleur en vorm, registry) hoort bij deze versie van de code: mee bijwerken;
        # uploads en live opgehaalde cijfers blijven staan
        with schrijf_transactie(pad) as con:
            laad_referentie(con)
    return pad
