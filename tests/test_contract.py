"""Contract tussen registry, queries/ en kompas/: elke indicator is beschreven en bereikbaar, elk
SQL-bestand wordt gebruikt en elke gebruikte naam bestaat."""

from __future__ import annotations

import re

import duckdb
import polars as pl
import pytest

from kompas import gegevens
from kompas.db import PROJECT, QUERIES

VERPLICHT = ("naam", "definitie", "eenheid", "bron", "licentie", "goede_richting")


@pytest.fixture(scope="module")
def cur(_ingebedde_db_bron):
    con = duckdb.connect(str(_ingebedde_db_bron), read_only=True)
    yield con.cursor()
    con.close()


def _registry() -> pl.DataFrame:
    return pl.read_csv(PROJECT / "data" / "indicatoren.csv", infer_schema=False)


def test_every_registry_indicator_is_described():
    registry = _registry()
    assert registry.height > 0
    for rij in registry.iter_rows(named=True):
        for veld in VERPLICHT:
            assert (rij[veld] or "").strip(), f"{rij['indicator_code']}: '{veld}' is leeg in data/indicatoren.csv"
        assert rij["goede_richting"] in ("hoger", "lager", "neutraal"), rij["indicator_code"]
        assert (rij["decimalen"] or "").isdigit(), f"{rij['indicator_code']}: decimalen '{rij['decimalen']}'"


def test_every_registry_indicator_reachable_through_query_path(cur):
    registry = _registry()["indicator_code"].to_list()
    lijst = gegevens.indicatoren(cur)
    assert sorted(lijst["indicator_code"].to_list()) == sorted(registry)
    reeks = gegevens.reeks(cur, registry, ["GM0148", "GM1876", "GM0303"])
    assert set(reeks["indicator_code"].to_list()) <= set(registry)
    for code in registry:
        assert set(gegevens.indicator_alle_waarden(cur, code)["indicator_code"].to_list()) <= {code}


def test_headline_indicators_exist_in_registry():
    registry = set(_registry()["indicator_code"].to_list())
    kop = gegevens.kopindicatoren()
    assert len(kop) > 0
    assert {k["indicator_code"] for k in kop} <= registry


def _python_bronnen() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in (PROJECT / "kompas").rglob("*.py"))


def test_every_query_file_is_used_by_kompas():
    code = _python_bronnen()
    gebruikt = set(re.findall(r"""["']([a-z0-9_]+)["']""", code))
    ongebruikt = [p.stem for p in sorted(QUERIES.glob("*.sql")) if p.stem not in gebruikt]
    assert not ongebruikt, f"queries zonder gebruiker in kompas/: {ongebruikt}"


def test_every_named_query_exists():
    code = _python_bronnen()
    namen = set(re.findall(r"""(?:sql_bestand|_lees)\(\s*(?:cur,\s*)?["']([a-z0-9_]+)["']""", code))
    assert namen, "geen querynamen gevonden in kompas/"
    ontbrekend = sorted(n for n in namen if not (QUERIES / f"{n}.sql").exists())
    assert not ontbrekend, f"sql_bestand-namen zonder bestand in queries/: {ontbrekend}"


def test_query_files_bind_parameters_and_end_in_final():
    for pad in sorted(QUERIES.glob("*.sql")):
        tekst = pad.read_text(encoding="utf-8")
        assert "{" not in tekst, f"{pad.name}: sjabloontekens; bind parameters met $naam"
        assert re.search(r"select \* from final", tekst), f"{pad.name}: eindig met 'select * from final'"
