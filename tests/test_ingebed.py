"""De database gebouwd uit data/: echte cijfers, met herkomst, herhaalbaar."""

from __future__ import annotations

import csv

import duckdb
import pytest

from dbhulp import alleen_lezen, vraag

from kompas.db import DATA, Lezer, schema_versie, schrijf_transactie
from loaders.ingebed import bouw

# Gepubliceerde cijfers zoals in de vindplaats (shared/reference), met hun interval waar gegeven.
GEPUBLICEERD = [
    # indicator, regio, peiljaar, leeftijd, waarde, ondergrens, bovengrens, tabel of adres
    ("ervaren_gezondheid_pct", "GM0148", 2016, "19+", 82.0, 79.2, 84.5, "83674NED"),
    ("ervaren_gezondheid_pct", "GM0148", 2020, "18+", 85.9, 83.6, 87.9, "85012NED"),
    ("ervaren_gezondheid_pct", "GM1876", 2020, "18+", 81.1, 78.4, 83.4, "85012NED"),
    ("ervaren_gezondheid_pct", "GM0303", 2016, "19+", 80.6, 76.8, 83.9, "83674NED"),
    ("ervaren_gezondheid_pct", "NL01", 2016, "19+", 75.6, 75.4, 75.8, "83674NED"),
    ("ervaren_gezondheid_pct", "GG1009", 2020, "18+", 81.8, None, None, "85012NED"),
    ("mantelzorger_pct", "GM1876", 2016, "19+", 17.6, None, None, "83674NED"),
    ("beweegrichtlijn_pct", "GM0303", 2016, "19+", 41.2, None, None, "83674NED"),
    ("overgewicht_pct", "GG2209", 2020, "18+", 52.9, None, None, "85012NED"),
]


def test_bouw_geeft_de_gepubliceerde_cijfers_exact(lees):
    for indicator, regio, jaar, leeftijd, waarde, onder, boven, tabel in GEPUBLICEERD:
        rijen = lees(
            """
            select w.waarde, w.ondergrens, w.bovengrens, h.tabel_id
            from waarneming w join herkomst h using (herkomst_id)
            where indicator_code = $i and regio_code = $r and peiljaar = $j and leeftijd = $l
              and h.tabel_id = $t
            """,
            {"i": indicator, "r": regio, "j": jaar, "l": leeftijd, "t": tabel},
        )
        assert len(rijen) == 1, (indicator, regio, jaar)
        assert rijen[0]["waarde"] == waarde
        if onder is not None:
            assert (rijen[0]["ondergrens"], rijen[0]["bovengrens"]) == (onder, boven)


def test_dronten_kerncijfers_met_landelijke_waarde(lees):
    rijen = lees(
        """
        select indicator_code, leeftijd, waarde, landelijk_waarde from indicator_waarden
        where regio_code = 'GM0303' and herkomst_id = 'ingebed:doc-dronten-beleidskader-2025'
        order by indicator_code
        """
    )
    gevonden = {(r["indicator_code"], r["leeftijd"]): (r["waarde"], r["landelijk_waarde"]) for r in rijen}
    assert gevonden[("huishoudens_bijstand_pct", "totaal")] == (2.9, 4.7)
    assert gevonden[("problematische_schulden_pct", "totaal")] == (7.7, 8.8)
    assert gevonden[("eenzaam_pct", "65+")] == (47.1, 48.6)
    assert gevonden[("ervaren_gezondheid_pct", "18+")] == (73.0, 70.0)


def test_elke_waarneming_heeft_herkomst_indicator_en_regio(lees):
    zonder = lees(
        """
        select count(*) as n from waarneming w
        left join herkomst h using (herkomst_id)
        left join indicator i using (indicator_code)
        left join regio r using (regio_code)
        where h.herkomst_id is null or i.indicator_code is null or r.regio_code is null
           or h.bron is null or h.soort is null or h.titel is null
           or (h.adres is null and h.tabel_id is null and h.gelezen_in is null
               and h.herkomst_id <> 'ingebed:doc-dronten-beleidskader-2025')
        """
    )
    # het Dronten-kader is het enige zonder adres: het document staat er met titel en hoofdstuk; een adres
    # ervan staat niet in het referentiemateriaal
    assert zonder[0]["n"] == 0
    assert lees("select count(*) as n from waarneming")[0]["n"] > 700


def test_ontbrekende_cijfers_blijven_ontbrekend(lees):
    # Bronckhorst heeft geen enkel gepubliceerd cijfer voor problematische schulden in de referentie.
    assert lees(
        "select count(*) as n from waarneming where regio_code = 'GM1876' and indicator_code = 'problematische_schulden_pct'"
    )[0]["n"] == 0
    # Lege cellen in de CBS-export worden niet als 0 ingelezen.
    assert lees("select count(*) as n from waarneming where waarde = 0")[0]["n"] == 0


def test_leeftijdsgroepen_blijven_gescheiden(lees):
    leeftijden = {
        r["leeftijd"]
        for r in lees(
            "select distinct leeftijd from waarneming where indicator_code = 'ervaren_gezondheid_pct' and regio_code = 'GM0148'"
        )
    }
    assert {"19+", "18+", "65+"} <= leeftijden


def _dump(pad) -> list[tuple]:
    with alleen_lezen(pad) as con:
        return con.execute(
            "select * exclude (opgehaald_op) from indicator_waarden order by all"
        ).fetchall() + con.execute("select * from herkomst order by herkomst_id").fetchall()


def test_twee_keer_bouwen_geeft_dezelfde_database(tmp_path):
    pad = tmp_path / "k.duckdb"
    bouw(pad)
    eerst = _dump(pad)
    bouw(pad)
    assert _dump(pad) == eerst


def _voeg_geupload_cijfer_toe(pad) -> None:
    with schrijf_transactie(pad) as con:
        con.execute(
            "insert into herkomst (herkomst_id, soort, bron, adres) values ('upload:1', 'upload', 'gemeente Dalfsen', 'x.xlsx')"
        )
        con.execute(
            "insert into waarneming (indicator_code, regio_code, peiljaar, leeftijd, waarde, herkomst_id)"
            " values ('bewindvoering_huishoudens', 'GM0148', 2024, 'totaal', 101, 'upload:1')"
        )


def test_bouwen_laat_geuploade_cijfers_staan(tmp_path):
    pad = tmp_path / "k.duckdb"
    bouw(pad)
    _voeg_geupload_cijfer_toe(pad)
    bouw(pad)
    assert vraag(pad, "select waarde from waarneming where herkomst_id = 'upload:1'") == [(101.0,)]


def test_mislukte_schrijftransactie_laat_database_ongemoeid(tmp_path):
    pad = tmp_path / "k.duckdb"
    bouw(pad)
    voor = _dump(pad)
    with pytest.raises(RuntimeError):
        with schrijf_transactie(pad) as con:
            con.execute("delete from waarneming")
            raise RuntimeError("halverwege mis")
    assert _dump(pad) == voor
    assert not (tmp_path / "k.duckdb.schrijven").exists()


def test_registry_is_volledig_en_eenheden_zijn_niet_vermengd():
    with open(DATA / "indicatoren.csv", newline="", encoding="utf-8") as f:
        rijen = list(csv.DictReader(f))
    codes = [r["indicator_code"] for r in rijen]
    assert len(codes) == len(set(codes))
    for r in rijen:
        for veld in ("naam", "definitie", "eenheid", "decimalen", "goede_richting", "bron", "licentie"):
            assert r[veld].strip(), (r["indicator_code"], veld)
        assert r["goede_richting"] in ("hoger", "lager", "neutraal")
        # De eenheid staat in de code waar die verschilt: per 1.000 en per 10.000 zijn aparte indicatoren.
        if "per 10.000" in r["eenheid"]:
            assert "10000" in r["indicator_code"], r["indicator_code"]


def _afgeleid_en_view(pad) -> tuple[list[tuple], list[tuple]]:
    return (vraag(pad, "select * from afgeleid.indicator_waarden order by all"),
            vraag(pad, "select * from indicator_waarden order by all"))


def test_elke_schrijftransactie_zet_de_afgeleide_tabellen_vast(tmp_path):
    pad = tmp_path / "k.duckdb"
    bouw(pad)
    vast, view = _afgeleid_en_view(pad)
    assert vast == view and len(vast) > 700
    _voeg_geupload_cijfer_toe(pad)
    vast_na, view_na = _afgeleid_en_view(pad)
    assert vast_na == view_na
    assert len(vast_na) == len(vast) + 1
    per_indicator = vraag(
        pad, "select aantal_waarden from afgeleid.per_indicator where indicator_code = 'bewindvoering_huishoudens'")
    assert per_indicator[0][0] >= 1


def test_lezer_leest_alleen_en_de_start_werkt_een_database_van_een_oudere_versie_bij(tmp_path):
    from kompas.db import DatabaseFout
    from loaders.ingebed import zorg_voor_database

    pad = tmp_path / "k.duckdb"
    bouw(pad)
    con = duckdb.connect(str(pad))
    con.execute("drop schema afgeleid cascade")  # zoals een database van vóór de afgeleide tabellen
    con.close()
    voor = pad.read_bytes()
    lezer = Lezer(pad)
    with pytest.raises(DatabaseFout) as fout:
        lezer.cursor()
    assert fout.value.reden == "verouderd" and "python -m loaders build" in str(fout.value)
    assert pad.read_bytes() == voor                    # de lezer schrijft niets
    assert zorg_voor_database(pad) == pad              # de stap bij de start (app.py) en in python -m loaders
    try:
        aantal = lezer.cursor().execute("select count(*) from afgeleid.indicator_waarden").fetchone()[0]
        versie = lezer.cursor().execute("select versie from afgeleid.schema_versie").fetchone()[0]
    finally:
        lezer.close()
    assert aantal > 700
    assert versie == schema_versie()


def test_de_startstap_schrijft_niets_als_de_database_actueel_is(tmp_path):
    from loaders.ingebed import zorg_voor_database

    pad = tmp_path / "k.duckdb"
    zorg_voor_database(pad)                            # ontbreekt: bouwt uit data/
    assert vraag(pad, "select count(*) from waarneming")[0][0] > 700
    stat = pad.stat()
    zorg_voor_database(pad)
    assert (pad.stat().st_ino, pad.stat().st_mtime_ns) == (stat.st_ino, stat.st_mtime_ns)


def test_lezer_bouwt_geen_ontbrekende_database(tmp_path):
    from kompas.db import DatabaseFout

    lezer = Lezer(tmp_path / "k.duckdb")
    with pytest.raises(DatabaseFout) as fout:
        lezer.cursor()
    assert fout.value.reden == "niet_gebouwd" and not (tmp_path / "k.duckdb").exists()


# --- sleutels (queries/tabellen/): een dubbele of verkeerde rij wordt geweigerd, in het Nederlands -------------

ENGELS = ("Error", "Exception", "Constraint", "COALESCE", "duckdb", "violates")


def _weigert(pad, sql: str) -> str:
    from kompas.db import DatabaseFout

    voor = pad.read_bytes()
    with pytest.raises(DatabaseFout) as fout:
        with schrijf_transactie(pad) as con:
            con.execute(sql)
    assert fout.value.reden == "sleutel"
    tekst = str(fout.value)
    assert not any(woord in tekst for woord in ENGELS), tekst
    assert "Er is niets vastgelegd" in tekst
    assert pad.read_bytes() == voor
    return tekst


def test_een_dubbel_cijfer_wordt_geweigerd_door_de_sleutel_van_waarneming(ingebedde_db):
    tekst = _weigert(ingebedde_db, """
        insert into waarneming select * from waarneming
        where indicator_code = 'ervaren_gezondheid_pct' and regio_code = 'GM0148' and peiljaar = 2020
            and leeftijd = '18+' and peildatum is null
        limit 1""")
    assert "dubbel" in tekst and "ervaren_gezondheid_pct" in tekst and "peildatum: geen" in tekst


def test_een_dubbele_streefwaarde_voor_hetzelfde_jaar_wordt_geweigerd(ingebedde_db):
    tekst = _weigert(ingebedde_db, "insert into streefwaarde select * from streefwaarde where jaar is null limit 1")
    assert "dubbel" in tekst and "jaar: geen" in tekst
    _weigert(ingebedde_db, "insert into streefwaarde select * from streefwaarde where jaar is not null limit 1")


def test_een_geuploade_waarde_zonder_upload_wordt_geweigerd(ingebedde_db):
    tekst = _weigert(ingebedde_db, """
        insert into upload_waarde (upload_id, rij, gemeente_code, indicator_code, peiljaar, waarde)
        values (999, 2, 'GM0148', 'bewindvoering_huishoudens', 2024, 5)""")
    assert "verwijst naar iets wat niet (meer) bestaat" in tekst
