"""De band van een vergelijkingsgroep op de pagina's (AppTest), op de verzonnen testgemeenten van
tests/fixture_groepen.py: legenda met de naam van de groep en n, de ledenlijst, 'te weinig gemeenten', het
Overzicht met rang en mediaan."""

from __future__ import annotations

import io
import json

import polars as pl
import pytest
import streamlit as st
from fixture_groepen import A, bouw_groepen

from apptest import draai

EIGEN_TELLING = "Geen vergelijkingsgroep: een eigen telling van de gemeente, andere gemeenten tellen anders."
TITEL = ["Gemeenten met 20.000 tot 50.000", "inwoners (n = 6)"]


@pytest.fixture(scope="module")
def _groepen_bron(tmp_path_factory):
    return bouw_groepen(tmp_path_factory.mktemp("groepen_paginas") / "groepen.duckdb")


@pytest.fixture
def groepen_db(_groepen_bron, monkeypatch):
    monkeypatch.setenv("KOMPAS_DB", str(_groepen_bron))
    st.cache_data.clear()
    st.cache_resource.clear()
    yield _groepen_bron
    st.cache_data.clear()
    st.cache_resource.clear()


def _spec(grafiek) -> dict:
    return json.loads(grafiek.proto.spec)


def _groeplegenda(spec: dict) -> dict | None:
    """De legenda van de band (laag met het veld groep_deel): titel en regels, of None."""
    for laag in spec.get("layer", []):
        vulling = laag.get("encoding", {}).get("fill") or {}
        if vulling.get("field") == "groep_deel":
            return {"titel": vulling["legend"]["title"], "regels": vulling["scale"]["domain"]}
    return None


def _datasets(grafiek) -> list[dict]:
    return [r for ds in grafiek.proto.datasets for r in pl.read_ipc_stream(io.BytesIO(ds.data.data)).to_dicts()]


def test_kaders_tekent_de_band_met_de_naam_van_de_groep_en_n_in_de_legenda(groepen_db):
    at = draai("pages/kaders.py", gemeente=A)
    (grafiek,) = at.get("vega_lite_chart")
    legenda = _groeplegenda(_spec(grafiek))
    assert legenda == {
        "titel": TITEL,
        "regels": ["Middelste helft (25%–75%)", "Mediaan"],
    }
    rijen = [r for r in _datasets(grafiek) if r.get("groep_tekst")]
    per_jaar = {r["peiljaar"]: (r["groep_q1"], r["groep_mediaan"], r["groep_q3"]) for r in rijen}
    assert per_jaar[2023] == pytest.approx((71.25, 77.5, 83.75))  # met de hand, zie fixture_groepen
    bijschriften = " ".join(c.value for c in at.caption)
    assert "berekend door Sociaal Kompas uit de geladen cijfers" in bijschriften
    assert [k.label for k in at.get("download_button") if "Cijfers bij de grafiek" in k.label] == [
        "Cijfers bij de grafiek (CSV)",
        "Cijfers bij de grafiek (Excel)",
    ]


def _gelezen(monkeypatch) -> list[str]:
    """De paginaqueries (queries/pagina/<naam>.sql) die kompas.gegevens vanaf nu leest."""
    from kompas import gegevens

    namen: list[str] = []
    lees = gegevens._lees

    def tel(cur, naam, params=None):
        namen.append(naam)
        return lees(cur, naam, params)

    monkeypatch.setattr(gegevens, "_lees", tel)
    return namen


def test_kaders_leest_bij_elke_rerun_alleen_de_banden_en_de_leden_pas_bij_openklappen(groepen_db, monkeypatch):
    gelezen = _gelezen(monkeypatch)
    at = draai("pages/kaders.py", gemeente=A)
    (lijst,) = [e for e in at.expander if e.label.startswith("Leden van de vergelijkingsgroep: gemeenten met 20.000")]
    assert "vergelijkingsgroep_banden" in gelezen and "vergelijkingsgroep_waarden" not in gelezen
    assert not [df for df in at.dataframe if "Rang" in df.value.columns]  # dicht: geen ledenlijst
    at.session_state[lijst.key] = True  # de bezoeker klapt de lijst open
    at.run()
    assert not at.exception and "vergelijkingsgroep_waarden" in gelezen
    tabel = next(df.value for df in at.dataframe if "Rang" in df.value.columns)
    rij = tabel[(tabel["Gemeente"] == "Testgemeente A") & (tabel["Peiljaar"] == 2023)].iloc[0]
    assert rij["Rang"] == "5e van 6" and rij["Mediaan groep"] == "77,5%"


def test_te_weinig_gemeenten_geeft_geen_band_maar_een_melding(groepen_db):
    at = draai("pages/kaders.py", gemeente=A, groep="keuze", leden="GM9901,GM9902,GM9907")
    (grafiek,) = at.get("vega_lite_chart")
    assert _groeplegenda(_spec(grafiek)) is None
    meldingen = " ".join(i.value for i in at.caption).replace("\\", "")
    assert "te weinig gemeenten met een cijfer in deze groep (3; een band vanaf 5)" in meldingen
    assert any(e.label == "Leden van de vergelijkingsgroep: de gekozen gemeenten" for e in at.expander)
    # zonder band geen bronregel van de band en geen export van de groep: één regel en de ledenlijst
    assert "berekend door Sociaal Kompas" not in meldingen
    assert not [k for k in at.get("download_button") if "Cijfers bij de grafiek" in k.label]


def test_overzicht_noemt_rang_en_mediaan_van_de_grootteklasse(groepen_db):
    at = draai("pages/overzicht.py", gemeenten=A)
    bijschriften = [c.value.replace("\\", "") for c in at.caption]  # als_tekst ontsnapt markdown
    assert "Onder gemeenten met 20.000 tot 50.000 inwoners (2023): 5e van 6, mediaan 77,5%" in bijschriften
    # te weinig leden voor een rang: één regel voor de hele pagina (niet onder elke tegel), met groep, jaar, aantal,
    # en bij welke kopindicator van welke gemeente
    (te_weinig,) = [b for b in bijschriften if "te weinig gemeenten" in b]
    assert te_weinig.startswith(
        "Onder gemeenten met 20.000 tot 50.000 inwoners (2023): te weinig gemeenten met een cijfer in deze groep (3) "
        "voor een rang en mediaan, bij "
    )
    assert "(Testgemeente A)" in te_weinig


def test_overzicht_zegt_te_weinig_gemeenten_een_keer_voor_alle_tegels(ingebedde_db):
    """De meegeleverde cijfers: de grootteklasse van de drie gemeenten heeft 3 leden, dus geen enkele tegel heeft een
    rang. Eén regel zegt dat voor alle tegels (per groep en jaar), niet een regel onder elke tegel."""
    st.cache_data.clear()
    st.cache_resource.clear()
    at = draai("pages/overzicht.py")
    te_weinig = [c.value.replace("\\", "") for c in at.caption if "te weinig gemeenten" in c.value]
    jaren = {t.split("(")[1].split(")")[0] for t in te_weinig}
    assert te_weinig and len(te_weinig) == len(jaren)  # één regel per groep en jaar
    assert len(te_weinig) < len(at.metric)
    assert all("Dalfsen" in t or "Bronckhorst" in t or "Dronten" in t for t in te_weinig)


def test_vergelijken_tekent_per_gemeente_de_band_van_haar_eigen_grootteklasse(groepen_db):
    at = draai("pages/vergelijken.py", indicatoren="ervaren_gezondheid_pct", van="2020", tot="2026")
    panelen = {json.loads(g.proto.spec)["title"]["text"]: _spec(g) for g in at.get("vega_lite_chart")}
    assert _groeplegenda(panelen["Testgemeente A"]) == {
        "titel": ["Groep (n = 6)"],
        "regels": ["middelste helft", "mediaan"],
    }
    bijschriften = [c.value.replace("\\", "") for c in at.caption]
    assert (
        "Grijze band bij Testgemeente A: middelste helft (25%–75%) en mediaan van gemeenten met 20.000 tot 50.000 "
        "inwoners (n = 6)" in bijschriften
    )
    assert _groeplegenda(panelen["Testgemeente G"]) is None  # alleen in haar klasse (50.000 tot 100.000): geen band
    meldingen = " ".join(i.value for i in at.caption).replace("\\", "")
    assert "Geen band voor gemeenten met 50.000 tot 100.000 inwoners" in meldingen
    assert any(e.label.startswith("Leden van de vergelijkingsgroep") for e in at.expander)


def test_met_de_ingebedde_gegevens_is_de_grootteklasse_te_klein_voor_een_band(ingebedde_db):
    """Met de meegeleverde cijfers hebben alleen de drie gemeenten (en Nederland) een inwonertal: hun grootteklasse
    (20.000 tot 50.000) heeft 3 leden. Dat staat er eerlijk: geen band, wel de melding en de ledenlijst."""
    st.cache_data.clear()
    st.cache_resource.clear()
    at = draai("pages/vergelijken.py", indicatoren="huishoudens", van="2019", tot="2026", leeftijd="totaal")
    assert at.selectbox(key="vgl_groep").value == "grootteklasse"
    assert all(_groeplegenda(_spec(g)) is None for g in at.get("vega_lite_chart"))
    meldingen = " ".join(i.value for i in at.caption).replace("\\", "")
    assert "Geen band voor gemeenten met 20.000 tot 50.000 inwoners in 2024 en 2025" in meldingen
    assert "te weinig gemeenten met een cijfer in deze groep (3; een band vanaf 5)" in meldingen


def test_zonder_inwonertal_in_de_jaren_van_de_grafiek_zegt_de_pagina_waarom_er_geen_band_is(ingebedde_db):
    """Dronten heeft inwoners in 2019, 2024 en 2025, de Gezondheidsmonitor 18+ is van 2020: geen grootteklasse."""
    st.cache_data.clear()
    st.cache_resource.clear()
    at = draai("pages/kaders.py", gemeente="GM0303", kader="GM0303-gezond-samenleven")
    assert at.selectbox(key="kdr_groep").value == "grootteklasse"
    bijschriften = " ".join(c.value for c in at.caption).replace("\\", "")
    assert (
        "Geen band voor gemeenten met 20.000 tot 50.000 inwoners: geen lid van de groep heeft een cijfer"
        in bijschriften
    )


def test_een_eigen_telling_krijgt_geen_band_maar_zegt_waarom(ingebedde_db):
    """Dalfsen, Bestaanszekerheid: kindregeling en bewindvoering zijn eigen tellingen van de gemeente. Geen 'te
    weinig gemeenten' en geen ledenlijst (alsof meer gemeenten het wel zouden oplossen), maar waarom niet."""
    st.cache_data.clear()
    st.cache_resource.clear()
    at = draai("pages/kaders.py", gemeente="GM0148")
    # alleen eigen tellingen in dit kader: geen grootteklasse om uit te kiezen
    assert at.selectbox(key="kdr_groep").value == "geen"
    soorten = at.get("vega_lite_chart")
    assert len(soorten) >= 2  # twee grafieken, elk van een eigen telling
    bijschriften = " ".join(c.value for c in at.caption).replace("\\", "")
    assert bijschriften.count(EIGEN_TELLING) == len(soorten)
    assert "te weinig gemeenten" not in bijschriften and "Geen band" not in bijschriften
    assert not [e for e in at.expander if e.label.startswith("Leden van de vergelijkingsgroep")]
    # ook wie zelf gemeenten kiest, krijgt niet 'geen lid van de groep heeft een cijfer' maar waarom niet
    at = draai("pages/kaders.py", gemeente="GM0148", groep="keuze", leden="GM0148,GM1876,GM0303")
    bijschriften = " ".join(c.value for c in at.caption).replace("\\", "")
    assert bijschriften.count(EIGEN_TELLING) == len(soorten) and "Geen band" not in bijschriften
