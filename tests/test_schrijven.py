"""Een mislukte of gedode schrijfactie komt nooit terug, en de volgende schrijfactie werkt (issue 11, punt 2).

Elk geval doodt een echte upload in een subproces op een genoemde stap van kompas.db.schrijf_transactie
(testhaak KOMPAS_TEST_STOP), of laat de schijf vollopen (een kleine tmpfs, alleen als root; anders
overgeslagen). Daarna legt dit proces een andere upload vast: alleen die mag er staan.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from test_upload import dump

from kompas.db import DatabaseFout, instantie, lees_uit, maak_schrijfkopie, raakt, schrijf_transactie
from loaders import excel

import werkboeken as wb
from dbhulp import alle_uploads, vraag

PROJECT = Path(__file__).resolve().parent.parent


def _upload(bestand: str, waarde: int) -> excel.Validatie:
    return excel.valideer(
        wb.waarden([["GM0148", "bewindvoering_huishoudens", 2021, waarde, None, "GWS4all", None]]), bestand
    )


def _dood_upload_op(stap: str, db: Path) -> None:
    script = textwrap.dedent(f"""
        import sys
        sys.path[:0] = [{str(PROJECT)!r}, {str(PROJECT / "tests")!r}]
        from test_schrijven import _upload
        from loaders import excel
        excel.leg_vast(_upload("gedood.xlsx", 111), door="gedood")
    """)
    proc = subprocess.run(
        [sys.executable, "-c", script],
        cwd=PROJECT,
        capture_output=True,
        timeout=300,
        env={**os.environ, "KOMPAS_DB": str(db), "KOMPAS_TEST_STOP": stap},
    )
    assert proc.returncode == 70, proc.stderr.decode()[-3000:]


def _alleen_de_volgende_upload(db: Path) -> None:
    stand = dump(db)
    assert [r for r in stand["upload"] if "gedood" in r] == []
    assert [r for r in stand["upload"] if "volgende.xlsx" in r]
    waarden = [u["bestandsnaam"] for u in alle_uploads()]
    assert waarden == ["volgende.xlsx"]


@pytest.mark.parametrize("stap", ["na_commit", "tijdens_checkpoint", "na_checkpoint", "voor_vervangen"])
def test_gedode_schrijver_komt_niet_terug(ingebedde_db, stap):
    voor = dump(ingebedde_db)
    _dood_upload_op(stap, ingebedde_db)
    assert dump(ingebedde_db) == voor
    excel.leg_vast(_upload("volgende.xlsx", 222), door="test")
    _alleen_de_volgende_upload(ingebedde_db)
    assert not Path(f"{ingebedde_db}.schrijven").exists() and not Path(f"{ingebedde_db}.schrijven.wal").exists()


@pytest.mark.parametrize("stap", ["na_commit", "tijdens_checkpoint"])
def test_gedode_schrijver_en_daarna_vervangen_database_blokkeert_niets(ingebedde_db, _ingebedde_db_bron, stap):
    _dood_upload_op(stap, ingebedde_db)
    shutil.copyfile(_ingebedde_db_bron, ingebedde_db)  # bijvoorbeeld een teruggezette reservekopie
    excel.leg_vast(_upload("volgende.xlsx", 222), door="test")
    _alleen_de_volgende_upload(ingebedde_db)


@pytest.fixture
def kleine_schijf(tmp_path):
    """Een tmpfs van 32 MB (de database is ~9,5 MB, zijn werkkopie ook, plus de WAL)."""
    schijf = tmp_path / "schijf"
    schijf.mkdir()
    if (
        os.geteuid() != 0
        or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", str(schijf)], capture_output=True
        ).returncode
        != 0
    ):
        pytest.skip("een kleine tmpfs koppelen vraagt root")
    yield schijf
    subprocess.run(["umount", "-l", str(schijf)], check=False)


def _vul(schijf: Path) -> None:
    with open(schijf / "vulsel", "ab") as f, contextlib.suppress(OSError):
        while True:
            f.write(b"\0" * 65536)
            f.flush()


def test_volle_schijf_bij_de_checkpoint_komt_niet_terug(ingebedde_db, kleine_schijf, monkeypatch):
    db = kleine_schijf / "kompas.duckdb"
    shutil.copyfile(ingebedde_db, db)
    monkeypatch.setenv("KOMPAS_DB", str(db))
    voor = dump(db)
    validatie = _upload("gedood.xlsx", 111)
    with monkeypatch.context() as m:
        m.setattr("kompas.db._stap", lambda naam, werk: naam == "na_commit" and _vul(kleine_schijf))
        with pytest.raises(DatabaseFout) as fout:
            excel.leg_vast(validatie, door="gedood")
    assert "De schijf is vol" in str(fout.value) and "niets vastgelegd" in str(fout.value)
    assert dump(db) == voor
    (kleine_schijf / "vulsel").unlink()
    excel.leg_vast(_upload("volgende.xlsx", 222), door="test")
    _alleen_de_volgende_upload(db)


def test_volle_schijf_bij_de_kopie_geeft_een_melding_en_blokkeert_niets(ingebedde_db, monkeypatch):
    def vol(*_):
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as m:
        m.setattr("kompas.db.shutil.copyfile", vol)
        with pytest.raises(DatabaseFout, match="De schijf is vol"):
            with schrijf_transactie(ingebedde_db):
                pass
    excel.leg_vast(_upload("volgende.xlsx", 222), door="test")
    _alleen_de_volgende_upload(ingebedde_db)


def test_een_mislukte_schrijfactie_in_een_gedeelde_instantie_komt_niet_terug(ingebedde_db):
    """De verversing leest en schrijft in één DuckDB-instantie (kompas.db.instantie), die de schrijftransactie na
    afloop sluit. Mislukt de schrijfactie daarin, dan blijft het origineel zoals het was, blijft er geen kopie of oud
    bestand achter en gaat de instantie dicht; de volgende schrijfactie werkt, en alleen zij staat er."""
    import duckdb

    voor = dump(ingebedde_db)
    con = instantie()
    with lees_uit(con, ingebedde_db):
        assert con.execute("select count(*) from herkomst").fetchone()[0] > 0
    with pytest.raises(RuntimeError), schrijf_transactie(ingebedde_db, con) as schrijver:
        schrijver.execute("update herkomst set titel = 'gedood'")
        raise RuntimeError("halverwege")
    assert dump(ingebedde_db) == voor
    assert sorted(p.name for p in ingebedde_db.parent.iterdir() if p.name.startswith(ingebedde_db.name)) == [
        ingebedde_db.name,
        f"{ingebedde_db.name}.lock",
    ]
    with pytest.raises(duckdb.ConnectionException):
        con.execute("select 1")
    con = instantie()
    with lees_uit(con, ingebedde_db):
        assert con.execute("select count(*) from herkomst where titel = 'gedood'").fetchone()[0] == 0
    with schrijf_transactie(ingebedde_db, con) as schrijver:
        schrijver.execute("update herkomst set titel = 'gelukt' where herkomst_id = 'ingebed:cbs-83674NED'")
    assert sorted(p.name for p in ingebedde_db.parent.iterdir() if p.name.startswith(ingebedde_db.name)) == [
        ingebedde_db.name,
        f"{ingebedde_db.name}.lock",
    ]
    assert [r for r in dump(ingebedde_db)["herkomst"] if "'gelukt'" in r]
    excel.leg_vast(_upload("volgende.xlsx", 222), door="test")
    _alleen_de_volgende_upload(ingebedde_db)


def test_het_oude_bestand_dat_een_gedode_schrijver_achterliet_gaat_weg(ingebedde_db):
    """Na het vervangen geeft een draad het oude bestand vrij (een tweede naam, `<db>.oud.*`); sterft het proces
    daarvoor, dan haalt de volgende schrijver het weg."""
    achtergelaten = ingebedde_db.parent / f"{ingebedde_db.name}.oud.123.456"
    shutil.copyfile(ingebedde_db, achtergelaten)
    with schrijf_transactie(ingebedde_db):
        pass
    assert not achtergelaten.exists()
    assert not list(ingebedde_db.parent.glob(f"{ingebedde_db.name}.oud.*"))


def _bestanden(db: Path) -> list[str]:
    return sorted(p.name for p in db.parent.iterdir() if p.name.startswith(db.name))


def _titels(db: Path) -> dict[str, str]:
    return dict(vraag(db, "select herkomst_id, titel from herkomst where titel in ('tussendoor', 'verversing')"))


def test_een_vooraf_gemaakte_kopie_wordt_gebruikt_als_het_origineel_niet_veranderde(ingebedde_db, monkeypatch):
    """De verversing maakt de werkkopie al terwijl ze ophaalt, zonder het slot (maak_schrijfkopie); is het origineel
    onder het slot nog hetzelfde bestand, dan schrijft de transactie in die kopie (ze kopieert niet nog eens)."""
    con = instantie()
    kopie = maak_schrijfkopie(ingebedde_db, con)
    assert kopie is not None and kopie.werk.exists()
    kopieen = []
    echte = shutil.copyfile
    monkeypatch.setattr("kompas.db.shutil.copyfile", lambda *a: kopieen.append(a) or echte(*a))
    with schrijf_transactie(ingebedde_db, con, kopie) as schrijver:
        schrijver.execute("update herkomst set titel = 'verversing' where herkomst_id = 'ingebed:cbs-85012NED'")
    assert kopieen == []
    assert _titels(ingebedde_db) == {"ingebed:cbs-85012NED": "verversing"}
    assert _bestanden(ingebedde_db) == [ingebedde_db.name, f"{ingebedde_db.name}.lock"]


def test_een_vooraf_gemaakte_kopie_van_een_intussen_vervangen_origineel_verliest_niets(ingebedde_db):
    """Legt een andere schrijver iets vast terwijl de verversing ophaalt (na haar kopie, vóór haar transactie), dan
    gooit de transactie de oude kopie weg en schrijft op de nieuwe versie: beide wijzigingen staan er, er blijft
    niets achter."""
    con = instantie()
    kopie = maak_schrijfkopie(ingebedde_db, con)
    with schrijf_transactie(ingebedde_db) as ander:  # een upload, tussendoor
        ander.execute("update herkomst set titel = 'tussendoor' where herkomst_id = 'ingebed:cbs-83674NED'")
    with schrijf_transactie(ingebedde_db, con, kopie) as schrijver:
        schrijver.execute("update herkomst set titel = 'verversing' where herkomst_id = 'ingebed:cbs-85012NED'")
    assert _titels(ingebedde_db) == {"ingebed:cbs-83674NED": "tussendoor", "ingebed:cbs-85012NED": "verversing"}
    assert _bestanden(ingebedde_db) == [ingebedde_db.name, f"{ingebedde_db.name}.lock"]


def test_de_kopie_van_een_gedode_verversing_komt_niet_terug_en_gaat_weg(ingebedde_db):
    """Een verversing die sterft terwijl ze ophaalt, laat haar vooraf gemaakte kopie achter, met wat ze daarin al
    schreef (een WAL). Die komt nooit in de database: de volgende schrijver gebruikt haar niet en haalt haar weg.
    De kopie van een proces dat nog leeft (dat misschien nog ophaalt) blijft staan."""
    script = textwrap.dedent(f"""
        import os, sys
        sys.path[:0] = [{str(PROJECT)!r}]
        from kompas.db import instantie, maak_schrijfkopie
        con = instantie()
        kopie = maak_schrijfkopie({str(ingebedde_db)!r}, con)
        con.execute("use kompas_schrijven")
        con.execute("update herkomst set titel = 'gedood'")
        os._exit(70)
    """)
    voor = dump(ingebedde_db)
    proc = subprocess.run([sys.executable, "-c", script], cwd=PROJECT, capture_output=True, timeout=120)
    assert proc.returncode == 70, proc.stderr.decode()[-3000:]
    achtergelaten = [n for n in _bestanden(ingebedde_db) if ".schrijven." in n]
    assert achtergelaten and any(n.endswith(".wal") for n in achtergelaten), achtergelaten
    assert dump(ingebedde_db) == voor
    levend = subprocess.Popen(["sleep", "60"])
    van_levend = ingebedde_db.parent / f"{ingebedde_db.name}.schrijven.{levend.pid}.1"
    van_levend.write_bytes(b"")
    try:
        excel.leg_vast(_upload("volgende.xlsx", 222), door="test")
        assert [n for n in _bestanden(ingebedde_db) if ".schrijven." in n] == [van_levend.name]
    finally:
        levend.kill()
        levend.wait()
    assert vraag(ingebedde_db, "select count(*) from herkomst where titel = 'gedood'") == [(0,)]
    _alleen_de_volgende_upload(ingebedde_db)


def test_schema_alleen_opnieuw_toegepast_als_de_database_andere_sql_heeft(ingebedde_db, monkeypatch):
    import duckdb

    import kompas.db

    toegepast = []
    echte = kompas.db.pas_schema_toe
    monkeypatch.setattr(kompas.db, "pas_schema_toe", lambda con: toegepast.append(1) or echte(con))
    with schrijf_transactie(ingebedde_db):
        pass
    assert toegepast == []  # met deze SQL gemaakt: het schema staat er al
    con = duckdb.connect(str(ingebedde_db))
    con.execute("drop view stg_waarneming")
    con.execute("update afgeleid.schema_versie set versie = 'ouder'")
    con.close()
    with schrijf_transactie(ingebedde_db) as con:
        assert con.execute("select count(*) from stg_waarneming").fetchone()[0] > 0
    assert toegepast == [1]
    with schrijf_transactie(ingebedde_db):
        pass
    assert toegepast == [1]


def test_views_en_macros_van_marts_alleen_opnieuw_bij_andere_sql(ingebedde_db):
    import duckdb

    def zet(*opdrachten):
        con = duckdb.connect(str(ingebedde_db))
        for opdracht in opdrachten:
            con.execute(opdracht)
        con.close()

    def kolommen():
        con = duckdb.connect(str(ingebedde_db), read_only=True)
        try:
            return [r[0] for r in con.execute("describe afgeleid.per_herkomst").fetchall()]
        finally:
            con.close()

    echt = kolommen()
    assert "herkomst_id" in echt
    # de schrijver vertrouwt de versie: met deze SQL gemaakt, dan wordt de view niet opnieuw gemaakt
    zet("create or replace view afgeleid.per_herkomst as select 1 as proef")
    with schrijf_transactie(ingebedde_db):
        pass
    assert kolommen() == ["proef"]
    # met andere SQL gemaakt: views en macro's van queries/marts/ opnieuw
    zet("update afgeleid.schema_versie set versie = 'ouder'")
    with schrijf_transactie(ingebedde_db):
        pass
    assert kolommen() == echt


def _zonder_volgorde_van_exclude(definitie) -> str:
    """De tekst van een view of macro met de kolommen van elke `EXCLUDE (...)` op naam gesorteerd: DuckDB bewaart die
    kolommen als verzameling en schrijft ze bij een kopie van de database (`copy from database`) in een andere
    volgorde terug; de betekenis is dezelfde."""
    return re.sub(
        r"EXCLUDE \(([^)]*)\)",
        lambda m: "EXCLUDE (" + ", ".join(sorted(k.strip() for k in m.group(1).split(","))) + ")",
        repr(definitie),
    )


def _alles(pad: Path) -> dict:
    """Elke tabel (rijen), view, macro en index van de database."""
    import duckdb

    con = duckdb.connect(str(pad), read_only=True)
    try:
        uit = {
            f"{schema}.{tabel}": sorted(map(repr, con.execute(f'select * from "{schema}"."{tabel}"').fetchall()))
            for schema, tabel in con.execute(
                "select schema_name, table_name from duckdb_tables() where not temporary"
            ).fetchall()  # namen uit de catalogus
        }
        for soort, vraag in {
            "views": "select schema_name, view_name, sql from duckdb_views() where not internal",
            "macros": "select schema_name, function_name, macro_definition from duckdb_functions() where not internal",
            "indexen": "select table_name, index_name, sql from duckdb_indexes()",
            "sleutels": "select table_name, constraint_text from duckdb_constraints()",
        }.items():
            uit[soort] = sorted(map(_zonder_volgorde_van_exclude, con.execute(vraag).fetchall()))
        return uit
    finally:
        con.close()


def test_vrije_ruimte_in_het_bestand_gaat_er_bij_de_volgende_schrijfactie_uit(ingebedde_db):
    """Elke schrijfactie kopieert het hele bestand: blokken die vrij kwamen (een weggehaalde tabel of index, een
    vervangen herkomst) zouden elke volgende kopie duurder maken. Is een groot deel vrij, dan schrijft de
    schrijfactie een compacte database; de inhoud (ook views, macro's, sleutels en indexen) blijft gelijk."""
    grootte = ingebedde_db.stat().st_size
    with schrijf_transactie(ingebedde_db) as con:
        con.execute("create table vulsel as select range as i, md5(range::varchar) as t from range(1000000)")
    assert ingebedde_db.stat().st_size > 2 * grootte
    excel.leg_vast(_upload("eerste.xlsx", 111), door="test")  # achter het vulsel, met een verwijzende sleutel
    voor = _alles(ingebedde_db)
    with schrijf_transactie(ingebedde_db) as con:
        raakt(con)
        con.execute("drop table vulsel")
    del voor["main.vulsel"]
    assert ingebedde_db.stat().st_size < 1.5 * grootte
    na = _alles(ingebedde_db)
    del voor["afgeleid.schema_versie"], na["afgeleid.schema_versie"]  # wat de laatste schrijfactie herberekende
    assert na == voor
    assert not list(ingebedde_db.parent.glob("*.schrijven*"))
    excel.leg_vast(_upload("volgende.xlsx", 222), door="test")
    assert sorted(u["bestandsnaam"] for u in alle_uploads()) == ["eerste.xlsx", "volgende.xlsx"]


def test_geheugengrens_van_de_schrijver_uit_kompas_geheugen(ingebedde_db, monkeypatch):
    """Een volledige herberekening van de landelijke database neemt zonder grens ~14 GB (DuckDB neemt tot 80% van
    het geheugen); met KOMPAS_GEHEUGEN=4GB ~4,1 GB (benchmark, README). De grens geldt voor elke schrijver: een eigen
    instantie en de instantie van de verversing."""
    monkeypatch.setenv("KOMPAS_GEHEUGEN", "512MB")
    with schrijf_transactie(ingebedde_db) as con:
        assert con.execute("select current_setting('memory_limit')").fetchone()[0] == "488.2 MiB"
    gedeeld = instantie()
    with lees_uit(gedeeld, ingebedde_db):
        assert gedeeld.execute("select current_setting('memory_limit')").fetchone()[0] == "488.2 MiB"
    with schrijf_transactie(ingebedde_db, gedeeld):
        pass
    monkeypatch.delenv("KOMPAS_GEHEUGEN")
    with schrijf_transactie(ingebedde_db) as con:  # zonder: DuckDB's eigen standaard
        assert con.execute("select current_setting('memory_limit')").fetchone()[0] != "488.2 MiB"


def test_een_onzinnige_geheugengrens_is_een_nederlandse_fout_en_verandert_niets(ingebedde_db, monkeypatch):
    from dbhulp import vraag

    voor = vraag(ingebedde_db, "select count(*) from waarneming")
    monkeypatch.setenv("KOMPAS_GEHEUGEN", "veel")
    with pytest.raises(DatabaseFout) as fout:
        with schrijf_transactie(ingebedde_db) as con:
            con.execute("delete from waarneming")
    assert fout.value.reden == "instelling"
    assert "KOMPAS_GEHEUGEN" in str(fout.value) and "4GB" in str(fout.value)
    assert "Exception" not in str(fout.value) and str(ingebedde_db) not in str(fout.value)
    assert vraag(ingebedde_db, "select count(*) from waarneming") == voor
    with pytest.raises(DatabaseFout):
        instantie()
