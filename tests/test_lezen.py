"""De leeslaag van de pagina's (kompas.lezen): elke datafunctie bij naam, één soort uitkomst, gecachet per
databaseversie; en pagina's die alleen tonen (geen SQL, geen loaders, geen database)."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import polars as pl
import pytest
import streamlit as st

from kompas import gegevens, lezen
from kompas.db import PROJECT

import werkboeken as wb

# parameters om elke leesfunctie mee aan te roepen (de ingebedde database)
AANROEPEN = {
    "overzicht": (["GM0148", "GM0303"],),
    "doelen_telling": (["GM0148", "GM0303"],),
    "gemeenten": (),
    "indicatoren": (),
    "reeks": (["ervaren_gezondheid_pct"], ["GM0148"]),
    "vergelijking": (["ervaren_gezondheid_pct"], ["GM0148"], 2012, 2026),
    "indicator_alle_waarden": ("ervaren_gezondheid_pct", ["GM0148"]),
    "indicator_aantal_waarden": ("ervaren_gezondheid_pct",),
    "kader_boom": ("GM0303",),
    "bronnen": (),
    "dekking": (["GM0148"],),
    "uploads": (),
    "kaartindicatoren": (),
    "kaartwaarden": ("inwoners", 2024, "GM1876"),
    "vergelijkingsgroepen": (["ervaren_gezondheid_pct"], ["GM0148"]),
    "vergelijkingsgroep_banden": (["ervaren_gezondheid_pct"], ["GM0148"]),
    "vergelijkingsgroep_keuze": (["ervaren_gezondheid_pct"], ["GM0148", "GM0303"]),
}


def _leesfuncties_van_gegevens() -> dict[str, inspect.Signature]:
    """De publieke functies van kompas.gegevens die een cursor als eerste parameter nemen."""
    uit = {}
    for naam, functie in inspect.getmembers(gegevens, inspect.isfunction):
        if functie.__module__ != gegevens.__name__ or naam.startswith("_"):
            continue
        parameters = list(inspect.signature(functie).parameters)
        if parameters and parameters[0] == "cur":
            uit[naam] = inspect.signature(functie)
    return uit


def test_elke_datafunctie_heeft_een_leesfunctie_met_dezelfde_parameters_zonder_cursor():
    functies = _leesfuncties_van_gegevens()
    assert set(functies) == set(AANROEPEN), "nieuwe datafunctie? zet haar in kompas/lezen.py en in AANROEPEN"
    for naam, handtekening in functies.items():
        lees = getattr(lezen, naam, None)
        assert lees is not None, f"kompas.lezen.{naam} ontbreekt"
        zonder_cursor = list(handtekening.parameters.values())[1:]
        assert list(inspect.signature(lees).parameters.values()) == zonder_cursor, naam
        assert lees.__doc__ == getattr(gegevens, naam).__doc__, naam


@pytest.fixture
def leeg_cache():
    st.cache_data.clear()
    yield
    st.cache_data.clear()


def test_elke_leesfunctie_geeft_een_polars_dataframe_gelijk_aan_de_implementatie(ingebedde_db, leeg_cache):
    from dbhulp import alleen_lezen

    with alleen_lezen(ingebedde_db) as con:
        for naam, args in AANROEPEN.items():
            uitkomst = getattr(lezen, naam)(*args)
            assert isinstance(uitkomst, pl.DataFrame), f"{naam} geeft {type(uitkomst).__name__}"
            assert uitkomst.equals(getattr(gegevens, naam)(con.cursor(), *args)), naam
    # de functies met een vaste uitkomst op de ingebedde gegevens: echt gevuld, niet leeg door een fout
    assert lezen.gemeenten()["regio_code"].to_list() == ["GM0148", "GM1876", "GM0303"]
    assert lezen.overzicht(["GM0148"]).height == len(gegevens.kopindicatoren())


def test_twee_leesfuncties_delen_geen_cache(ingebedde_db, leeg_cache):
    """Elke leesfunctie is dezelfde geneste functie; Streamlit sleutelt de cache op naam en broncode
    (streamlit#11157). Zonder eigen naam gaf indicatoren() hier wat bronnen() had gecachet."""
    bronnen, indicatoren = lezen.bronnen(), lezen.indicatoren()
    assert "herkomst_id" in bronnen.columns and "indicator_code" in indicatoren.columns


def test_cache_leest_pas_opnieuw_bij_een_nieuwe_databaseversie(ingebedde_db, leeg_cache, monkeypatch):
    from loaders import excel

    echte = lezen.gedeelde_leesverbinding
    cursors = []

    class Tellend:
        def __init__(self, gedeeld):
            self.gedeeld = gedeeld

        def versie(self):
            return self.gedeeld.versie()

        def cursor(self):
            cursors.append(1)
            return self.gedeeld.cursor()

    monkeypatch.setattr(lezen, "gedeelde_leesverbinding", lambda: Tellend(echte()))
    assert lezen.uploads().is_empty()
    assert lezen.uploads().is_empty()
    assert len(cursors) == 1  # de tweede keer uit de cache, zonder query
    data = wb.waarden([["GM0148", "bewindvoering_huishoudens", 2021, 111, None, "GWS4all", None]])
    excel.leg_vast(excel.valideer(data, "bewind.xlsx"), door="test")  # vervangt het databasebestand
    lijst = lezen.uploads()
    assert len(cursors) == 2 and lijst["bestandsnaam"].to_list() == ["bewind.xlsx"]


# ---------------------------------------------------------------- pagina's tonen alleen

# wat een pagina (of app.py) mag importeren: Streamlit, de standaardbibliotheek en de toonlaag van kompas
TOEGESTAAN = {
    "streamlit",
    "datetime",
    "pathlib",
    "urllib",
    "kompas.lezen",
    "kompas.weergave",
    "kompas.tabellen",
    "kompas.teksten",
    "kompas.opmaak",
    "kompas.toegang",
    "kompas.uploaden",
    "kompas.sjabloon",
}
VERBODEN_AANROEPEN = {"execute", "sql", "cursor", "connect", "gedeelde_leesverbinding", "fetchall", "query"}
# app.py is ook de start: daar, en alleen daar, de expliciete stap die een ontbrekende database bouwt of een oude
# bijwerkt (loaders.ingebed.zorg_voor_database op kompas.db.database_pad); de pagina's lezen daarna alleen
START = {"loaders.ingebed", "kompas.db"}


def _overtredingen(bron: str, ook: frozenset[str] = frozenset()) -> list[str]:
    """Wat in een pagina niet thuishoort: imports buiten TOEGESTAAN (loaders, duckdb, kompas.gegevens, ...),
    aanroepen die een database of verbinding gebruiken, en SQL in een tekst."""
    uit = []
    for knoop in ast.walk(ast.parse(bron)):
        if isinstance(knoop, ast.Import):
            modules = [a.name for a in knoop.names]
        elif isinstance(knoop, ast.ImportFrom):
            modules = [knoop.module or ""]
            if knoop.module == "kompas":
                modules = [f"kompas.{a.name}" for a in knoop.names]
        else:
            modules = []
        uit += [f"import {m}" for m in modules if m not in TOEGESTAAN | ook and m.split(".")[0] not in TOEGESTAAN]
        if isinstance(knoop, ast.Call):
            naam = getattr(knoop.func, "attr", getattr(knoop.func, "id", None))
            if naam in VERBODEN_AANROEPEN:
                uit.append(f"aanroep {naam}()")
        if isinstance(knoop, ast.Constant) and isinstance(knoop.value, str):
            tekst = " ".join(knoop.value.lower().split())
            if any(w in tekst for w in ("select ", "insert into", "delete from", " from regio", "update ")):
                uit.append(f"SQL in een tekst: {knoop.value[:40]!r}")
    return uit


def _paginas() -> list[Path]:
    return [PROJECT / "app.py", *sorted((PROJECT / "pages").glob("*.py"))]


def test_paginas_tonen_alleen_geen_sql_geen_loaders_geen_database():
    assert len(_paginas()) >= 7
    for pad in _paginas():
        ook = frozenset(START) if pad.name == "app.py" else frozenset()
        assert not _overtredingen(pad.read_text(encoding="utf-8"), ook), (
            pad.name,
            _overtredingen(pad.read_text(), ook),
        )


def test_alleen_app_py_doet_de_startstap_en_verder_niets_uit_loaders():
    bron = (PROJECT / "app.py").read_text(encoding="utf-8")
    uit_start = {
        (k.module, a.name)
        for k in ast.walk(ast.parse(bron))
        if isinstance(k, ast.ImportFrom) and k.module in START
        for a in k.names
    }
    assert uit_start == {("loaders.ingebed", "zorg_voor_database"), ("kompas.db", "database_pad")}
    assert _overtredingen("from loaders.ingebed import zorg_voor_database")  # in een pagina: fout


@pytest.mark.parametrize(
    "bron",
    [
        "from loaders import excel",
        "import loaders.excel",
        "from kompas import gegevens",
        "from kompas.db import Leesverbinding",
        "import duckdb",
        "x = gedeelde_leesverbinding().cursor().execute('select 1')",
        "gemeenten = con.sql(q)",
        "q = '''select regio_code\n  from regio'''",
    ],
)
def test_de_paginacontrole_vangt_wat_een_pagina_niet_mag(bron):
    assert _overtredingen(bron)


def test_de_paginacontrole_laat_een_gewone_pagina_staan():
    assert not _overtredingen(
        "import streamlit as st\nfrom kompas import tabellen, uploaden\n"
        "from kompas.lezen import gemeenten\nst.text('Selecteer een gemeente uit de lijst')"
    )
