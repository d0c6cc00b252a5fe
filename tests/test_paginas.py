"""Elke pagina met streamlit.testing.AppTest op de ingebedde database: wat er staat, niet alleen 'geen fout'."""

from __future__ import annotations

import pytest
from pathlib import Path

from streamlit.testing.v1 import AppTest

PROJECT = Path(__file__).resolve().parent.parent
TIJD = 60


def _draai(pagina: str, **params) -> AppTest:
    at = AppTest.from_file(str(PROJECT / pagina), default_timeout=TIJD)
    for sleutel, waarde in params.items():
        at.query_params[sleutel] = waarde
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _teksten(at: AppTest) -> str:
    delen = [m.value for m in at.markdown] + [c.value for c in at.caption] + [i.value for i in at.info]
    delen += [f"{m.label}: {m.value}" for m in at.metric]
    # tekst uit bronnen staat ontsnapt (geen markdown); voor de controle halen we de escapes weg
    return "\n".join(str(d) for d in delen).replace("\\", "")


def test_overzicht_drie_gemeenten_met_landelijk_en_ontbrekend(ingebedde_db):
    at = _draai("pages/overzicht.py")
    labels = {m.label for m in at.metric}
    assert labels == {"Dalfsen", "Bronckhorst", "Dronten"}
    waarden = [(m.label, m.value) for m in at.metric]
    assert ("Dronten", "2,9%") in waarden  # huishoudens met bijstand 2023
    assert ("Dalfsen", "85,9%") in waarden  # ervaren gezondheid 18+ 2020
    assert ("Bronckhorst", "geen gegevens") in waarden
    tekst = _teksten(at)
    assert "landelijk 4,7%" in tekst and "beter dan landelijk" in tekst
    assert "Cijfers uploaden" in tekst  # hoe een ontbrekend cijfer aan te vullen
    assert "Bron: " in tekst


def test_overzicht_url_herstelt_de_keuze(ingebedde_db):
    at = _draai("pages/overzicht.py", gemeenten="GM0303")
    assert {m.label for m in at.metric} == {"Dronten"}
    assert at.query_params["gemeenten"] in ("GM0303", ["GM0303"])


def test_overzicht_verandering_sinds_vorige_meting(ingebedde_db):
    at = _draai("pages/overzicht.py", gemeenten="GM0303")
    deltas = [m.delta for m in at.metric if m.delta]
    # ervaren gezondheid 18+: 82,2 (2020, CBS) -> 73 (2023, Dronten-kader)
    assert any(d.startswith("−9,2 procentpunt sinds 2020") for d in deltas), deltas


def test_kaders_eigen_woorden_status_en_bron(ingebedde_db):
    at = _draai("pages/kaders.py", gemeente="GM0303", kader="GM0303-gezond-samenleven")
    tekst = _teksten(at)
    assert any("gezonde leefomgeving" in s.value for s in at.subheader)
    assert "geen gegevens" in tekst
    assert at.selectbox(key="kdr_gemeente").value == "GM0303"
    assert len(at.get("vega_lite_chart")) >= 1  # trend van een gekoppelde indicator met cijfers
    assert "Bron: " in tekst


def test_kaders_dalfsen_streefwaarde_en_nulmeting(ingebedde_db):
    at = _draai("pages/kaders.py", gemeente="GM0148", kader="GM0148-b2020-participatie")
    tekst = _teksten(at)
    assert "2020: 180" in tekst and "125 (2019)" in tekst


def test_vergelijken_kleine_veelvouden_met_tabel(ingebedde_db):
    at = _draai("pages/vergelijken.py", indicatoren="mantelzorger_pct,problematische_schulden_pct", van="2014", tot="2024")
    assert at.multiselect(key="vgl_indicatoren").value == ["mantelzorger_pct", "problematische_schulden_pct"]
    assert len(at.get("vega_lite_chart")) == 2
    assert len(at.dataframe) == 2


def test_indicator_alle_waarden_met_herkomst(ingebedde_db):
    at = _draai("pages/indicator.py", indicator="eenzaam_pct")
    tabel = at.dataframe[0].value
    assert "47,1" in tabel["Waarde"].to_list()          # Nederlandse notatie (Dronten 65+, 2022)
    assert (tabel["Bron"] != "").all()
    assert "None" not in set(tabel.to_numpy().ravel())  # een lege cel, niet 'None'
    schulden = _draai("pages/indicator.py", indicator="problematische_schulden_pct").dataframe[0].value
    assert "1 oktober 2020" in schulden["Peildatum"].to_list()  # niet '2020-10-01 00:00:00'
    assert [b.label for b in at.get("download_button")] == ["Download CSV", "Download Excel"]


def test_over_de_data_bronnen_en_dekking(ingebedde_db, lees):
    at = _draai("pages/over_de_data.py")
    aantal = lees("select count(*) as n from herkomst")[0]["n"]
    assert len(at.dataframe[0].value) == aantal
    bronnen = at.dataframe[0].value
    assert "None" not in set(bronnen.to_numpy().ravel())
    dekking = at.dataframe[1].value
    assert {"Indicator", "Gemeente", "2016", "2020"} <= set(dekking.columns)
    assert not {"null", "geen jaar"} & set(dekking.columns)   # een indicator zonder cijfers: een lege rij
    leeg = dekking[dekking["Indicator"] == "Wmo-cliënten per 1.000 inwoners"]
    assert len(leeg) == 3 and (leeg.drop(columns=["Indicator", "Gemeente"]) == "").all().all()
    dronten_16 = dekking[(dekking["Indicator"] == "Ervaren gezondheid (zeer) goed") & (dekking["Gemeente"] == "Dronten")]
    assert list(dronten_16["2016"]) == ["✓"]


@pytest.mark.parametrize("pagina", ["kaders", "vergelijken", "indicator", "over_de_data"])
def test_onbekende_url_waarden_vallen_terug_op_standaard(ingebedde_db, pagina):
    _draai(f"pages/{pagina}.py", gemeente="GM9999", kader="bestaat-niet", indicator="bestaat_niet",
           indicatoren="x,y")


def test_overzicht_laadt_geen_zware_modules(ingebedde_db):
    """De eerste pagina opent zonder polars, pyarrow, pandas en altair (issue: zware imports niet op het
    pad naar de eerste pagina). In een schoon proces, omdat andere tests ze al geladen hebben."""
    import subprocess
    import sys

    script = (
        "import sys, streamlit.testing.v1 as t\n"
        "at = t.AppTest.from_file(sys.argv[1], default_timeout=60).run()\n"
        "assert not at.exception, at.exception\n"
        "assert len(at.metric) == 24, len(at.metric)\n"
        "print(sorted(m for m in ('polars', 'pyarrow', 'pandas', 'altair') if m in sys.modules))\n"
    )
    uit = subprocess.run([sys.executable, "-c", script, str(PROJECT / "pages" / "overzicht.py")],
                         capture_output=True, text=True, cwd=PROJECT, timeout=120)
    assert uit.returncode == 0, uit.stderr[-2000:]
    assert uit.stdout.strip().splitlines()[-1] == "[]"


def test_indicatorpagina_met_stuurtekens_in_opgeslagen_tekst(ingebedde_db):
    """Tekst die ooit met stuurtekens is opgeslagen (vóór de uploadcontrole) breekt pagina noch Excel-export."""
    from kompas.db import schrijf_transactie

    with schrijf_transactie(ingebedde_db) as con:
        con.execute("update waarneming set citaat = 'stand\x1b[31m 31-12\x07 _x001B_' where indicator_code = 'eenzaam_pct'")
    at = _draai("pages/indicator.py", indicator="eenzaam_pct")
    knoppen = [k.proto.label for k in at.get("download_button")]
    assert "Download Excel" in knoppen, knoppen
