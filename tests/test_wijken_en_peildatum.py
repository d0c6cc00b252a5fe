"""Wijken (KWB 2024) zijn regio's met hun gemeente, maar staan nergens waar gemeenten gekozen of gecontroleerd
worden; de peildatum van een stand (ook een maand zonder dag) staat bij het cijfer in tabel en tooltip."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import polars as pl

from kompas import gegevens, grafieken, tabellen
from kompas.sjabloon import maak_sjabloon
from loaders.excel_validatie import laad_referentie

from apptest import draai
from dbhulp import alleen_lezen

GEMEENTEN = ["GM0148", "GM1876", "GM0303"]


def test_wijken_zijn_er_maar_niet_in_de_gemeentelijsten(ingebedde_db):
    with alleen_lezen(ingebedde_db) as con:
        assert con.execute("select count(*) from regio where soort = 'wijk'").fetchone()[0] == 15
        # de zijbalk, Overzicht en Vergelijken nemen hun gemeenten uit gegevens.gemeenten
        assert gegevens.gemeenten(con.cursor())["regio_code"].to_list() == GEMEENTEN
        # de controle van een upload: alleen gemeentecodes zijn geldig, geen WK-code
        assert list(laad_referentie(con).gemeenten) == GEMEENTEN
        # het Excel-sjabloon: de keuzelijst met gemeenten (werkblad Codes, kolom A)
        codes = openpyxl.load_workbook(
            io.BytesIO(maak_sjabloon(gegevens.gemeenten(con.cursor()), gegevens.indicatoren(con.cursor())))
        )["Codes"]
        assert [c.value for c in codes["A"][1:] if c.value] == GEMEENTEN


def _keuzes_en_tekst(at) -> tuple[list[str], str]:
    keuzes = [str(o) for w in [*at.multiselect, *at.selectbox] for o in w.options]
    tekst = " ".join(str(e.value) for e in [*at.markdown, *at.caption, *at.metric, *at.info])
    return keuzes, tekst


def test_geen_wijk_in_zijbalk_overzicht_en_vergelijken(ingebedde_db):
    overzicht = draai("pages/overzicht.py")
    assert {m.label for m in overzicht.metric} == {"Dalfsen", "Bronckhorst", "Dronten"}
    for at in (overzicht, draai("pages/vergelijken.py")):
        keuzes, tekst = _keuzes_en_tekst(at)
        assert not [k for k in keuzes if "wijk" in k.lower() or k.startswith("WK")]
        assert "wijk" not in " ".join(c.value for c in at.sidebar.caption).lower()
        assert "(wijk, gem." not in tekst
    vergelijk = draai("pages/vergelijken.py", indicator="inwoners")
    for grafiek in vergelijk.get("vega_lite_chart"):
        assert "(wijk, gem." not in str(grafiek.proto.spec)


def test_indicatorpagina_toont_de_peildatum_van_een_bijstandstand(ingebedde_db):
    at = draai("pages/indicator.py", indicator="bijstand_personen")
    trend = at.dataframe[0].value  # de tabel bij de grafiek
    nl2017 = trend[(trend["Regio"] == "Nederland") & trend["Peiljaar"].str.contains("2017")]
    assert sorted(nl2017["Peiljaar"]) == [
        "2017",
        "stand december 2017",
        "stand juni 2017",
        "stand maart 2017",
        "stand september 2017",
    ]  # de maand zonder verzonnen dag
    alle = at.dataframe[-1].value
    assert "maart 2017" in alle["Peildatum"].to_list() and "1 maart 2017" not in alle["Peildatum"].to_list()


def test_de_vorige_meting_heeft_de_precisie_van_haar_eigen_peildatum(lees):
    """De stand van juni 2017 volgt op die van maart 2017 (alleen de maand bekend): 'sinds maart 2017', niet
    'sinds 1 maart 2017' (een verzonnen dag) en niet 'sinds 2017' (dat is hetzelfde jaar)."""
    (rij,) = lees(
        "select vorige_peildatum, vorige_peildatum_precisie from afgeleid.indicator_waarden"
        " where indicator_code = 'bijstand_personen' and regio_code = 'NL01' and peildatum = date '2017-06-01'"
    )
    assert (str(rij["vorige_peildatum"]), rij["vorige_peildatum_precisie"]) == ("2017-03-01", "maand")


def test_tooltip_noemt_de_peildatum():
    reeks = pl.DataFrame(
        {
            "regio_code": ["NL01", "NL01"],
            "regio_soort": ["land", "land"],
            "regio_naam": ["Nederland"] * 2,
            "regio_volgorde": [0, 0],
            "peiljaar": [2017, 2018],
            "peildatum": [dt.date(2017, 3, 1), None],
            "peildatum_precisie": ["maand", None],
            "leeftijd": ["totaal"] * 2,
            "waarde": [471190.0, 455140.0],
            "ondergrens": [None, None],
            "bovengrens": [None, None],
        },
        schema_overrides={"ondergrens": pl.Float64, "bovengrens": pl.Float64},
    )
    spec = grafieken.trend(reeks, titel="Personen met bijstand", eenheid="aantal", decimalen=0).to_dict()
    punten = [
        laag
        for laag in spec["layer"]
        if laag.get("mark", {}).get("type") == "point" and "tooltip" in laag.get("encoding", {})
    ]
    assert {"field": "peilmoment", "type": "nominal", "title": "Peiljaar"} in punten[0]["encoding"]["tooltip"]
    rijen = [r for ds in spec["datasets"].values() for r in ds]
    assert sorted(r["peilmoment"] for r in rijen if "peilmoment" in r) == ["2018", "stand maart 2017"]
    # de tabel bij de grafiek zegt hetzelfde
    assert tabellen.waarden_tabel(reeks.with_columns(pl.lit("aantal").alias("eenheid"), pl.lit(0).alias("decimalen")))[
        "Peiljaar"
    ].to_list() == ["stand maart 2017", "2018"]


def test_grafiek_ervaren_gezondheid_nederland_heeft_2022_uit_85563NED(ingebedde_db, lees):
    at = draai("pages/indicator.py", indicator="ervaren_gezondheid_pct")
    proto = at.get("vega_lite_chart")[0].proto
    rijen = [r for ds in proto.datasets for r in pl.read_ipc_stream(io.BytesIO(ds.data.data)).to_dicts()]
    nl = {r["peiljaar"]: r["waarde"] for r in rijen if r.get("regio_naam") == "Nederland"}
    assert nl[2022] == 70.0 and nl[2020] == 79.1
    bron = lees(
        "select herkomst_id from afgeleid.indicator_waarden where indicator_code = 'ervaren_gezondheid_pct'"
        " and regio_code = 'NL01' and peiljaar = 2022 and leeftijd = '18+' and in_grafiek"
    )
    assert bron == [{"herkomst_id": "ingebed:cbs-85563NED-kopie"}]  # StatLine vóór de samenvatting van het RIVM
