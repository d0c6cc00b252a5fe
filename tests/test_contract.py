"""Contract tussen registry, queries/ en kompas/: elke indicator is beschreven en bereikbaar, elk
SQL-bestand wordt gebruikt en elke gebruikte naam bestaat."""

from __future__ import annotations

import ast
import re

import polars as pl
import pytest

from kompas import gegevens
from kompas.db import MART_LAGEN, PAGINA, PROJECT, QUERIES, SCHEMA_LAGEN, SCHRIJVEN, laag_bestanden

from dbhulp import alleen_lezen

VERPLICHT = ("naam", "definitie", "eenheid", "bron", "licentie", "goede_richting")


@pytest.fixture(scope="module")
def cur(_ingebedde_db_bron):
    with alleen_lezen(_ingebedde_db_bron) as con:
        yield con.cursor()


def _registry() -> pl.DataFrame:
    return pl.read_csv(PROJECT / "data" / "indicatoren.csv", infer_schema=False)


def test_elke_indicator_in_de_registry_is_beschreven():
    registry = _registry()
    assert registry.height > 0
    for rij in registry.iter_rows(named=True):
        for veld in VERPLICHT:
            assert (rij[veld] or "").strip(), f"{rij['indicator_code']}: '{veld}' is leeg in data/indicatoren.csv"
        assert rij["goede_richting"] in ("hoger", "lager", "neutraal"), rij["indicator_code"]
        assert (rij["decimalen"] or "").isdigit(), f"{rij['indicator_code']}: decimalen '{rij['decimalen']}'"


def test_elke_indicator_in_de_registry_is_bereikbaar_via_de_datafuncties(cur):
    """Elke indicator uit de registry staat in de lijst, en elk cijfer in de database komt via de datafuncties
    op de pagina's: een lege uitkomst telt niet als 'bereikbaar'."""
    registry = _registry()["indicator_code"].to_list()
    lijst = gegevens.indicatoren(cur)
    assert sorted(lijst["indicator_code"].to_list()) == sorted(registry)
    gemeenten = ["GM0148", "GM1876", "GM0303"]
    aantal = dict(cur.execute("select indicator_code, count(*) from indicator_waarden group by all").fetchall())
    bij_gemeenten = {
        c
        for (c,) in cur.execute(
            "select distinct indicator_code from indicator_waarden where regio_code in (select unnest($g))",
            {"g": gemeenten},
        ).fetchall()
    }
    assert len(bij_gemeenten) >= 30 and set(aantal) <= set(registry)
    reeks = gegevens.reeks(cur, registry, gemeenten)
    assert bij_gemeenten <= set(reeks["indicator_code"].to_list()) <= set(aantal)
    for code in registry:
        waarden = gegevens.indicator_alle_waarden(cur, code)
        assert waarden.height == aantal.get(code, 0), code
        assert set(waarden["indicator_code"].to_list()) == ({code} if code in aantal else set()), code


def test_elke_berekende_indicator_is_gedeclareerd_met_bekende_codes():
    """data/berekende_indicatoren.csv: teller, noemer en uitkomst staan in de registry, en precies de indicatoren
    met een `berekening` in de registry zijn gedeclareerd (de tekst op de indicatorpagina hoort bij een model)."""
    registry = {r["indicator_code"]: r for r in _registry().iter_rows(named=True)}
    berekend = pl.read_csv(PROJECT / "data" / "berekende_indicatoren.csv", infer_schema=False)
    assert berekend.height >= 1
    for rij in berekend.iter_rows(named=True):
        assert {rij["indicator_code"], rij["teller"], rij["noemer"]} <= set(registry), rij
        assert int(rij["factor"]) > 0 and rij["teller_woord"] and rij["noemer_woord"], rij
    met_berekening = {code for code, r in registry.items() if (r["berekening"] or "").strip()}
    assert set(berekend["indicator_code"].to_list()) == met_berekening


def test_kopindicatoren_staan_in_de_registry():
    registry = set(_registry()["indicator_code"].to_list())
    kop = gegevens.kopindicatoren()
    assert len(kop) > 0
    assert {k["indicator_code"] for k in kop} <= registry


def _querynamen() -> set[str]:
    """De querynamen die kompas/ gebruikt: het letterlijke argument op de plaats van de querynaam in elke
    aanroep van `sql_bestand` en van elke functie die een eigen parameter aan `sql_bestand` doorgeeft
    (`_lees`, `_rijen`, ...). Gelezen met `ast`: een naam in een commentaar of een andere tekst telt niet."""
    bomen = [ast.parse(p.read_text(encoding="utf-8")) for p in sorted((PROJECT / "kompas").rglob("*.py"))]
    plaats = {"sql_bestand": 0}  # functienaam -> positie van de querynaam
    for boom in bomen:
        for functie in ast.walk(boom):
            if not isinstance(functie, ast.FunctionDef):
                continue
            parameters = [a.arg for a in functie.args.args]
            for aanroep in ast.walk(functie):
                if (
                    isinstance(aanroep, ast.Call)
                    and isinstance(aanroep.func, ast.Name)
                    and aanroep.func.id == "sql_bestand"
                    and aanroep.args
                    and isinstance(aanroep.args[0], ast.Name)
                    and aanroep.args[0].id in parameters
                ):
                    plaats[functie.name] = parameters.index(aanroep.args[0].id)
    assert len(plaats) > 1, "geen functie in kompas/ die een querynaam doorgeeft aan sql_bestand"
    namen = set()
    for boom in bomen:
        for aanroep in ast.walk(boom):
            if isinstance(aanroep, ast.Call):
                functie = getattr(aanroep.func, "id", getattr(aanroep.func, "attr", None))
                positie = plaats.get(functie)
                if positie is not None and len(aanroep.args) > positie:
                    argument = aanroep.args[positie]
                    if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                        namen.add(argument.value)
    return namen


def test_elke_paginaquery_wordt_gebruikt_in_kompas():
    gebruikt = _querynamen()
    bestanden = sorted(PAGINA.glob("*.sql"))
    assert len(bestanden) >= 5, "geen paginaqueries gevonden in queries/pagina/"
    ongebruikt = [p.stem for p in bestanden if p.stem not in gebruikt]
    assert not ongebruikt, f"queries zonder gebruiker in kompas/: {ongebruikt}"


def test_elke_gebruikte_querynaam_heeft_een_bestand():
    namen = _querynamen()
    assert {"reeks_indicator", "gemeenten", "kader_indicatoren"} <= namen  # via _lees én via _rijen
    ontbrekend = sorted(n for n in namen if not (PAGINA / f"{n}.sql").exists())
    assert not ontbrekend, f"querynamen zonder bestand in queries/: {ontbrekend}"


def test_paginaqueries_binden_parameters_en_eindigen_met_select_uit_final():
    for pad in sorted(PAGINA.glob("*.sql")):
        tekst = pad.read_text(encoding="utf-8")
        assert "{" not in tekst, f"{pad.name}: sjabloontekens; bind parameters met $naam"
        assert re.search(r"select \* from final", tekst), f"{pad.name}: eindig met 'select * from final'"


# --- de SQL-boom queries/: lagen als mappen, één model per bestand ---------------------------------------------

MODEL_LAGEN = ("staging", "indicatoren", "marts")
_VOORVOEGSEL = re.compile(r"^(\d{2})_(.+)$")
_CREATE = re.compile(r"create\s+(?:or\s+replace\s+)?(view|table|macro)\s+(?:if\s+not\s+exists\s+)?([\w.]+)", re.I)


def _gemaakt(pad) -> list[tuple[str, str]]:
    """(soort, naam) van elke create in een SQL-bestand, commentaar niet meegeteld."""
    return _CREATE.findall(re.sub(r"--[^\n]*", "", pad.read_text(encoding="utf-8")))


def _model(pad) -> tuple[str, str]:
    """(schema, naam) van het object dat een modelbestand maakt, uit de bestandsnaam: '20_afgeleid_x.sql' is
    afgeleid.x, '30_stg_waarneming.sql' is main.stg_waarneming."""
    treffer = _VOORVOEGSEL.match(pad.stem)
    assert treffer, f"{pad}: de naam begint niet met een volgnummer ('10_naam.sql')"
    naam = treffer.group(2)
    return ("afgeleid", naam.removeprefix("afgeleid_")) if naam.startswith("afgeleid_") else ("main", naam)


def test_elk_modelbestand_maakt_precies_het_object_uit_zijn_naam():
    bestanden = laag_bestanden(*MODEL_LAGEN)
    assert len(bestanden) >= 10
    for laag in MODEL_LAGEN:
        nummers = [_VOORVOEGSEL.match(p.stem).group(1) for p in bestanden if p.parent.name == laag]
        assert nummers and len(set(nummers)) == len(nummers), f"{laag}: volgnummers niet uniek: {nummers}"
    for pad in bestanden:
        schema, naam = _model(pad)
        gemaakt = _gemaakt(pad)
        verwacht = naam if schema == "main" else f"afgeleid.{naam}"
        assert [doel for _, doel in gemaakt] == [verwacht], (
            f"{pad}: één model per bestand ({verwacht}), maakt {gemaakt}"
        )


def test_elk_modelbestand_wordt_uitgevoerd_en_niets_anders_maakt_views_of_afgeleide_tabellen(cur):
    """Een model in een map die de bouw niet uitvoert (of een object dat buiten de modelbestanden ontstaat)
    valt hier op: de catalogus van een gebouwde database is precies de modelbestanden."""
    verwacht = {_model(p) for p in laag_bestanden(*MODEL_LAGEN)}
    views = set(
        cur.execute(
            "select schema_name, view_name from duckdb_views() where not internal and database_name = current_database()"
        ).fetchall()
    )
    afgeleid = set(
        cur.execute("select schema_name, table_name from duckdb_tables() where schema_name = 'afgeleid'").fetchall()
    )
    macros = set(
        cur.execute(
            "select distinct schema_name, function_name from duckdb_functions()"
            " where function_type in ('macro', 'table_macro') and not internal and database_name = current_database()"
        ).fetchall()
    )
    in_tabellen = {  # macro's naast de tabeldefinities (upload_herkomst): geen model
        ("main", doel)
        for pad in laag_bestanden("tabellen")
        for soort, doel in _gemaakt(pad)
        if soort.lower() == "macro"
    }
    assert views | (macros - in_tabellen) | (afgeleid - {("afgeleid", "schema_versie")}) == verwacht


def test_elke_tabel_heeft_haar_definitie_in_queries_tabellen(cur):
    gedefinieerd = {
        doel.lower() for pad in laag_bestanden("tabellen") for soort, doel in _gemaakt(pad) if soort.lower() == "table"
    }
    tabellen = {
        t
        for (t,) in cur.execute(
            "select table_name from duckdb_tables() where schema_name = 'main' and database_name = current_database()"
        ).fetchall()
    }
    assert tabellen and tabellen == gedefinieerd


def test_elke_schrijfopdracht_wordt_gebruikt_en_bestaat():
    bestanden = {p.stem for p in SCHRIJVEN.glob("*.sql")}
    # de loaders, en het schrijfpad zelf (kompas/db.py: welke afgeleide rijen een schrijver raakte)
    bronnen = [*sorted((PROJECT / "loaders").rglob("*.py")), PROJECT / "kompas" / "db.py"]
    bomen = [ast.parse(p.read_text(encoding="utf-8")) for p in bronnen]
    gebruikt = {
        aanroep.args[0].value
        for boom in bomen
        for aanroep in ast.walk(boom)
        if isinstance(aanroep, ast.Call)
        and getattr(aanroep.func, "id", None) == "schrijf_sql"
        and aanroep.args
        and isinstance(aanroep.args[0], ast.Constant)
    }
    # en wat een afgeleide tabel in marts/ noemt als voorwaarde (kompas.db.zet_afgeleid_vast voert die uit)
    gebruikt |= {
        naam
        for pad in laag_bestanden(*MART_LAGEN)
        for naam in re.findall(
            r"^-- (?:helemaal bij een andere|helemaal als|alleen als) (\w+) ", pad.read_text(encoding="utf-8"), re.M
        )
    }
    assert bestanden and gebruikt == bestanden, (
        f"ongebruikt: {bestanden - gebruikt}; zonder bestand: {gebruikt - bestanden}"
    )


def test_schema_versie_omvat_alle_lagen_die_de_database_vormen():
    dekt = {p.relative_to(QUERIES).parts[0] for p in laag_bestanden(*SCHEMA_LAGEN, *MART_LAGEN)}
    assert dekt == {"tabellen", *MODEL_LAGEN}
    alle_mappen = {p.name for p in QUERIES.iterdir() if p.is_dir()}
    assert alle_mappen == dekt | {"pagina", "schrijven"}, "een nieuwe map in queries/ hoort in een laag"
    assert not list(QUERIES.glob("*.sql")), "SQL staat in een laagmap van queries/, niet erboven"


# De ene brug van de toonlaag naar de schrijfkant: wat de uploadpagina met een bestand doet (controleren en
# vastleggen in loaders.excel). Die module zelf importeert niemand in loaders/, dus er is geen cyclus.
SCHRIJFBRUG = {"uploaden.py"}


def test_kompas_importeert_niets_uit_loaders():
    """De leeskant (kompas/) hangt niet af van de schrijfkant (loaders/): geen pakketcyclus. Alleen de
    uploadbrug (SCHRIJFBRUG) roept de schrijfkant aan, en loaders/ importeert die brug niet."""
    for pad in sorted((PROJECT / "loaders").rglob("*.py")):
        assert "kompas.uploaden" not in pad.read_text(encoding="utf-8"), pad.name
    for pad in sorted((PROJECT / "kompas").rglob("*.py")):
        if pad.name in SCHRIJFBRUG:
            continue
        for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
            namen = (
                [a.name for a in knoop.names]
                if isinstance(knoop, ast.Import)
                else [knoop.module or ""]
                if isinstance(knoop, ast.ImportFrom)
                else []
            )
            assert not [n for n in namen if n.split(".")[0] == "loaders"], f"{pad.name} importeert {namen}"


def test_elke_bronfamilie_in_bronfamilies_toml_is_een_familie_die_de_code_kan_geven(cur):
    """data/bronfamilies.toml noemt families bij naam: een tikfout zou een jaarlijkse bron stil weer over haar gaten
    laten tekenen. Elke naam komt uit de staging (queries/staging/30_stg_waarneming.sql), uit `bronfamilie` in
    data/cbs_tabellen.toml of uit de ingebedde cijfers; een patroon past op minstens één ingebedde familie."""
    import fnmatch
    import tomllib

    from kompas import grafieken

    staging = (QUERIES / "staging" / "30_stg_waarneming.sql").read_text(encoding="utf-8")
    tabellen = tomllib.loads((PROJECT / "data" / "cbs_tabellen.toml").read_text(encoding="utf-8"))
    ingebed = {f for (f,) in cur.execute("select distinct bronfamilie from stg_waarneming").fetchall()}
    bekend = (
        set(re.findall(r"then '([^']+)'", staging))
        | {s["bronfamilie"] for s in tabellen["tabelsoort"].values() if "bronfamilie" in s}
        | ingebed
    )
    families = grafieken._bronfamilies()
    assert families
    for naam, jaarlijks in families.items():
        assert isinstance(jaarlijks, bool), f"{naam}: true of false, niet {jaarlijks!r}"
        if "*" in naam:
            assert any(fnmatch.fnmatchcase(f, naam) for f in ingebed), f"{naam}: past op geen bronfamilie"
        else:
            assert naam in bekend, f"{naam}: geen bronfamilie die de code kan geven"


def test_welke_bronfamilies_elk_jaar_publiceren():
    from kompas.grafieken import jaarlijks

    for familie in (
        "CBS Kerncijfers wijken en buurten",
        "CBS Sociale zekerheid; bijstand, re-integratie en WSW",
        "CBS StatLine 70072NED",
        "gemeente Dalfsen",
        "gemeente Bronckhorst",
        "gemeente Dronten",
        "upload (eigen registratie)",
        "CBS",  # de verzamelnaam: in de ingebedde gegevens alleen jaarlijkse registerstatistieken
        "LISA",
    ):
        assert jaarlijks(familie), familie
    for familie in (
        "Gezondheidsmonitor Volwassenen en Ouderen",
        "Gezondheidsmonitor Jongvolwassenen",
        "Gezondheidsmonitor Jeugd",
        "waarstaatjegemeente.nl",  # een verzamelsite met verschillende ritmes
        "CBS StatLine 83759NED",  # niet genoemd: niet jaarlijks
        "Gemeente Dalfsen",  # het patroon is hoofdlettergevoelig, zoals de namen
        None,
    ):
        assert not jaarlijks(familie), familie
