"""Een gemeente erbij is alleen een wijziging in databestanden: een kopie van data/ met een vierde gemeente
(tests/vierde_gemeente/: Raalte, GGD IJsselland, Overijssel, eigen kleur en vorm, twee echte cijfers uit de CBS-export)
wordt een database waarin de zijbalk, het Overzicht, Vergelijken, de Indicator- en de Kaderspagina haar tonen, met
haar kleur in de grafieken en "geen gegevens" waar zij geen cijfers heeft. Geen regel code verandert.
"""

from __future__ import annotations

import csv
import filecmp
import io
import shutil
import sys
from pathlib import Path

import pytest

from kompas.db import DATA
from loaders.ingebed import bouw

from apptest import draai
from dbhulp import vraag

FIXTURE = Path(__file__).resolve().parent / "vierde_gemeente"


def _rijen(pad: Path) -> list[dict]:
    with open(pad, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


VIERDE = _rijen(FIXTURE / "regio.csv")[0]  # Raalte


@pytest.fixture(scope="module")
def vierde_data(tmp_path_factory) -> Path:
    """data/ gekopieerd, met de rij uit tests/vierde_gemeente/regio.csv erbij en haar waarnemingen."""
    data = tmp_path_factory.mktemp("vierde") / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("*.duckdb*"))
    kolommen = list(_rijen(data / "regio.csv")[0])
    with open(data / "regio.csv", "a", newline="", encoding="utf-8") as f:
        csv.DictWriter(f, kolommen, lineterminator="\n").writerows(_rijen(FIXTURE / "regio.csv"))
    for bestand in (FIXTURE / "waarnemingen").glob("*.csv"):
        shutil.copy(bestand, data / "waarnemingen" / bestand.name)
    return data


@pytest.fixture(scope="module")
def _vierde_db(vierde_data) -> Path:
    pad = vierde_data.parent / "kompas.duckdb"
    bouw(pad, data=vierde_data)
    return pad


@pytest.fixture
def vierde_db(_vierde_db, monkeypatch) -> Path:
    monkeypatch.setenv("KOMPAS_DB", str(_vierde_db))
    return _vierde_db


def _grafiekrijen(spec_proto) -> list[dict]:
    import polars as pl

    return [r for ds in spec_proto.datasets for r in pl.read_ipc_stream(io.BytesIO(ds.data.data)).to_dicts()]


def _stijlen_van(at, naam: str) -> set[tuple]:
    """(stijl_kleur, stijl_vorm) van de regio `naam` in alle grafieken van de pagina."""
    return {
        (r["stijl_kleur"], r["stijl_vorm"])
        for grafiek in at.get("vega_lite_chart")
        for r in _grafiekrijen(grafiek.proto)
        if r.get("regio_naam") == naam and "stijl_kleur" in r
    }


def test_de_fixture_verschilt_van_data_alleen_in_regio_csv_en_een_cijferbestand(vierde_data):
    vergelijking = filecmp.dircmp(DATA, vierde_data, ignore=[p.name for p in DATA.glob("*.duckdb*")])
    assert vergelijking.diff_files == ["regio.csv"] and not vergelijking.left_only and not vergelijking.right_only
    assert vergelijking.subdirs["waarnemingen"].right_only == [p.name for p in (FIXTURE / "waarnemingen").glob("*.csv")]
    assert not vergelijking.subdirs["waarnemingen"].diff_files and not vergelijking.subdirs["kaders"].diff_files


def test_de_vierde_gemeente_staat_in_de_database_met_kleur_en_vorm(vierde_db):
    assert vraag(
        vierde_db,
        "select regio_naam, soort, ggd_regio_code, provincie_code, kleur, vorm from regio where regio_code = ?",
        [VIERDE["regio_code"]],
    ) == [
        (
            VIERDE["regio_naam"],
            "gemeente",
            VIERDE["ggd_regio_code"],
            VIERDE["provincie_code"],
            VIERDE["kleur"],
            VIERDE["vorm"],
        )
    ]


def test_zijbalk_en_overzicht_noemen_de_vierde_gemeente_met_geen_gegevens_waar_zij_niets_heeft(vierde_db):
    at = draai("pages/overzicht.py")
    namen = [r["regio_naam"] for r in _rijen(DATA / "regio.csv") if r["soort"] == "gemeente"]
    alle = [*namen, VIERDE["regio_naam"]]
    zijbalk = " ".join(c.value for c in at.sidebar.caption)
    assert f"{', '.join(alle[:-1])} en {alle[-1]}" in zijbalk
    keuze = at.get("button_group")[0]  # de gemeenten-pills, standaard alle gekozen
    assert [o.content for o in keuze.proto.options] == alle and VIERDE["regio_code"] in keuze.value
    # haar echte cijfer (ervaren gezondheid 18+, 2020, uit de CBS-export) als tegel; de rest: geen gegevens
    tegels = [(m.label, m.value) for m in at.metric]
    assert (VIERDE["regio_naam"], "82,8%") in tegels
    ontbrekend = " ".join(c.value for c in at.caption).replace("\\", "")
    assert VIERDE["regio_naam"] in ontbrekend and "Nog geen cijfer voor" in ontbrekend
    assert all(m.value != "0" and not m.value.startswith("0,0") for m in at.metric if m.label == VIERDE["regio_naam"])
    # de doelen: zij heeft geen kaderdocument; de andere gemeenten houden hun telling
    assert not any(f"kaders van {VIERDE['regio_naam']}" in (p.proto.label or "") for p in at.get("page_link"))


def test_vergelijken_toont_de_vierde_gemeente_in_haar_eigen_kleur(vierde_db):
    at = draai("pages/vergelijken.py", indicatoren="ervaren_gezondheid_pct,mantelzorger_pct", van="2012", tot="2026")
    assert _stijlen_van(at, VIERDE["regio_naam"]) == {(VIERDE["kleur"], VIERDE["vorm"])}
    assert f"Geen gegevens voor {VIERDE['regio_naam']}" not in " ".join(c.value for c in at.caption)
    # een indicator zonder cijfer van haar: geen paneel, wel gezegd
    leeg = draai("pages/vergelijken.py", indicatoren="eenzaam_pct", van="2012", tot="2026")
    assert leeg.get("vega_lite_chart") and _stijlen_van(leeg, VIERDE["regio_naam"]) == set()
    assert any(
        c.value.replace("\\", "").startswith("Geen gegevens voor ") and VIERDE["regio_naam"] in c.value
        for c in leeg.caption
    )
    # de andere gemeenten houden de kleur uit data/regio.csv
    for gemeente in (r for r in _rijen(DATA / "regio.csv") if r["soort"] == "gemeente"):
        assert _stijlen_van(at, gemeente["regio_naam"]) == {(gemeente["kleur"], gemeente["vorm"])}


def test_indicator_en_kaders_tonen_de_vierde_gemeente(vierde_db):
    at = draai("pages/indicator.py", indicator="mantelzorger_pct")
    assert _stijlen_van(at, VIERDE["regio_naam"]) == {(VIERDE["kleur"], VIERDE["vorm"])}
    # een indicator zonder één cijfer van haar: geen lijn van haar, geen nul
    leeg = draai("pages/indicator.py", indicator="eenzaam_pct")
    assert _stijlen_van(leeg, VIERDE["regio_naam"]) == set()
    kaders = draai("pages/kaders.py", gemeente=VIERDE["regio_code"])
    assert kaders.selectbox(key="kdr_gemeente").value == VIERDE["regio_code"]
    meldingen = " ".join(i.value for i in kaders.info)
    assert f"Voor {VIERDE['regio_naam']} zijn geen kaders, doelen of indicatoren ingelezen: geen gegevens" in meldingen


def test_het_hulpscript_kent_de_vierde_gemeente_uit_regio_csv(vierde_data):
    sys.path.insert(0, str(DATA.parent / "tools"))
    try:
        import maak_ingebedde_data
    finally:
        sys.path.remove(str(DATA.parent / "tools"))
    assert maak_ingebedde_data.regio_op_naam(vierde_data)[VIERDE["regio_naam"]] == VIERDE["regio_code"]
    ggd = next(r for r in _rijen(DATA / "regio.csv") if r["regio_code"] == VIERDE["ggd_regio_code"])
    assert maak_ingebedde_data.regio_op_naam(vierde_data)[f"{ggd['regio_naam']} (GG)"] == ggd["regio_code"]


def test_de_standaardgemeente_van_kaders_is_de_eerste_in_regio_csv(vierde_data, tmp_path, monkeypatch):
    """Geen vaste gemeentecode op de pagina: staat de vierde gemeente vooraan (volgorde), dan opent Kaders op haar."""
    data = tmp_path / "data"
    shutil.copytree(vierde_data, data)
    rijen = _rijen(data / "regio.csv")
    rijen = [{**r, "volgorde": "0"} if r["regio_code"] == VIERDE["regio_code"] else r for r in rijen]
    with open(data / "regio.csv", "w", newline="", encoding="utf-8") as f:
        schrijver = csv.DictWriter(f, list(rijen[0]), lineterminator="\n")
        schrijver.writeheader()
        schrijver.writerows(rijen)
    pad = tmp_path / "kompas.duckdb"
    bouw(pad, data=data)
    monkeypatch.setenv("KOMPAS_DB", str(pad))
    at = draai("pages/kaders.py")
    assert at.selectbox(key="kdr_gemeente").value == VIERDE["regio_code"]
    assert at.query_params["gemeente"] in (VIERDE["regio_code"], [VIERDE["regio_code"]])


# --- een gemeente die geen focusgemeente is (focus leeg in regio.csv): kiesbaar, maar niet standaard getoond ------


@pytest.fixture(scope="module")
def _niet_focus_db(vierde_data, tmp_path_factory) -> Path:
    """De vierde gemeente met focus leeg en vooraan (volgorde 0): toont een pagina standaard alle gemeenten, of
    de eerste, dan toont ze haar (met haar echte cijfers voor ervaren gezondheid en mantelzorg)."""
    data = tmp_path_factory.mktemp("niet_focus") / "data"
    shutil.copytree(vierde_data, data)
    rijen = _rijen(data / "regio.csv")
    rijen = [{**r, "focus": "", "volgorde": "0"} if r["regio_code"] == VIERDE["regio_code"] else r for r in rijen]
    with open(data / "regio.csv", "w", newline="", encoding="utf-8") as f:
        schrijver = csv.DictWriter(f, list(rijen[0]), lineterminator="\n")
        schrijver.writeheader()
        schrijver.writerows(rijen)
    pad = data.parent / "kompas.duckdb"
    bouw(pad, data=data)
    return pad


@pytest.fixture
def niet_focus_db(_niet_focus_db, monkeypatch) -> Path:
    monkeypatch.setenv("KOMPAS_DB", str(_niet_focus_db))
    return _niet_focus_db


FOCUS = [r for r in _rijen(DATA / "regio.csv") if r["focus"] == "ja"]


def test_zijbalk_en_overzicht_tonen_standaard_de_focusgemeenten_en_de_andere_is_kiesbaar(niet_focus_db):
    assert vraag(niet_focus_db, "select focus from regio where regio_code = ?", [VIERDE["regio_code"]]) == [(False,)]
    at = draai("pages/overzicht.py")
    namen = [r["regio_naam"] for r in FOCUS]
    zijbalk = " ".join(c.value for c in at.sidebar.caption)
    assert f"{', '.join(namen[:-1])} en {namen[-1]}" in zijbalk and VIERDE["regio_naam"] not in zijbalk
    keuze = at.get("button_group")[0]
    assert VIERDE["regio_naam"] in [o.content for o in keuze.proto.options]  # kiesbaar
    assert keuze.value == [r["regio_code"] for r in FOCUS]  # standaard: de focusgemeenten
    assert {m.label for m in at.metric} == set(namen)
    # gekozen (in de URL) toont het Overzicht haar wel, met haar echte cijfer
    gekozen = draai("pages/overzicht.py", gemeenten=VIERDE["regio_code"])
    assert (VIERDE["regio_naam"], "82,8%") in [(m.label, m.value) for m in gekozen.metric]


def test_vergelijken_indicator_en_over_de_data_tonen_standaard_alleen_de_focusgemeenten(niet_focus_db):
    at = draai("pages/vergelijken.py", indicatoren="ervaren_gezondheid_pct,mantelzorger_pct", van="2012", tot="2026")
    assert _stijlen_van(at, VIERDE["regio_naam"]) == set()
    assert all(_stijlen_van(at, r["regio_naam"]) for r in FOCUS)
    assert not any(VIERDE["regio_naam"] in d.value["Regio"].to_list() for d in at.dataframe)
    indicator = draai("pages/indicator.py", indicator="mantelzorger_pct")
    assert _stijlen_van(indicator, VIERDE["regio_naam"]) == set()
    assert all(_stijlen_van(indicator, r["regio_naam"]) for r in FOCUS)
    dekking = draai("pages/over_de_data.py").dataframe[-1].value
    assert set(dekking["Gemeente"]) == {r["regio_naam"] for r in FOCUS}


def test_kaders_opent_op_de_eerste_focusgemeente_en_de_andere_is_kiesbaar(niet_focus_db):
    at = draai("pages/kaders.py")
    keuze = at.selectbox(key="kdr_gemeente")
    assert keuze.value == FOCUS[0]["regio_code"] and keuze.options[0] == VIERDE["regio_naam"]
    assert (
        draai("pages/kaders.py", gemeente=VIERDE["regio_code"]).selectbox(key="kdr_gemeente").value
        == VIERDE["regio_code"]
    )
