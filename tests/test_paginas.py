"""Elke pagina met streamlit.testing.AppTest op de ingebedde database: wat er staat, niet alleen 'geen fout'."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from apptest import draai

PROJECT = Path(__file__).resolve().parent.parent
TIJD = 60


_draai = draai


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
    # wat ontbreekt is geen lege tegel, maar één regel per thema die zegt wie het kan aanvullen
    assert all(m.value != "geen gegevens" for m in at.metric)
    tekst = _teksten(at)
    assert "Nederland 4,7%" in tekst and "beter dan landelijk" in tekst
    assert "Nog geen cijfer voor: Bijstand per 1.000 inwoners (alle gekozen gemeenten)" in tekst
    assert "Cijfers uploaden" in tekst and "beheerder" in tekst
    assert "python -m" not in tekst  # geen opdrachtregels op een pagina voor wethouders
    assert "cijfer uit 2015 (ouder dan 4 jaar)" in tekst  # Dalfsen bijstand per 10.000 (BBV)
    assert "cijfer van 1 oktober 2020 (ouder dan 4 jaar)" in tekst  # Dalfsen problematische schulden
    assert "stand 1 januari 2024 · Nederland 8,9%" in tekst and "peiljaar stand" not in tekst  # Dronten
    # Bronckhorst ervaren gezondheid 81,1% tegenover 79,1%: de intervallen overlappen, dat is niet 'gelijk'
    assert "geen significant verschil met landelijk" in tekst and "gelijk aan landelijk" not in tekst
    assert "(enquêtecijfer zonder foutmarge)" in tekst  # Dronten eenzaam 65+ uit het eigen beleidskader
    assert "Bron: " in tekst
    # geen kop die zichzelf herhaalt ("Bijstand per 1.000 inwoners · per 1.000 inwoners")
    assert not any(" · per 1.000" in m.value for m in at.markdown)


def test_overzicht_pijl_volgt_het_teken(ingebedde_db):
    """Een daling heeft een pijl omlaag (issue 10.1: '↑ −9,2' was fout); de kleur volgt de goede richting."""
    from streamlit.proto.Metric_pb2 import Metric

    at = _draai("pages/overzicht.py")
    met_verandering = [m for m in at.metric if m.proto.delta]
    assert met_verandering
    for m in met_verandering:
        richting = Metric.MetricDirection.DOWN if m.proto.delta.startswith("−") else Metric.MetricDirection.UP
        assert m.proto.direction == richting, (m.label, m.proto.delta)
        assert m.proto.color in (Metric.MetricColor.GREEN, Metric.MetricColor.RED)


def test_overzicht_telt_de_doelen_per_gemeente_met_link_naar_kaders(ingebedde_db):
    at = _draai("pages/overzicht.py")
    tekst = _teksten(at)
    assert "Doelen uit de eigen kaders" in [h.value for h in at.header]
    assert "nog niet te beoordelen" in tekst and "op koers" in tekst
    assert "Programmabegroting 2026" in tekst  # Dalfsen: het nieuwste document
    links = [(p.proto.page, p.proto.query_string) for p in at.get("page_link")]
    assert ("kaders", "gemeente=GM0148") in [(pagina.rsplit("/", 1)[-1], q) for pagina, q in links] or any(
        "gemeente=GM0148" in q for _, q in links
    )


def test_overzicht_url_herstelt_de_keuze(ingebedde_db):
    at = _draai("pages/overzicht.py", gemeenten="GM0303")
    assert {m.label for m in at.metric} == {"Dronten"}
    assert at.query_params["gemeenten"] in ("GM0303", ["GM0303"])


def test_overzicht_verandering_sinds_vorige_meting(ingebedde_db):
    at = _draai("pages/overzicht.py", gemeenten="GM0303")
    deltas = [(m.proto.delta, m.proto.delta_description) for m in at.metric if m.proto.delta]
    # problematische schulden Dronten: 6,7% (2020) -> 7,9% (2024), beide CBS; 7,7% (2023, gemeentedocument) is een
    # andere bronfamilie en telt niet als vorige meting
    assert ("+1,2 procentpunt", "sinds 1 oktober 2020") in deltas, deltas  # de stand van de vorige meting


def test_kaders_eigen_woorden_status_en_bron(ingebedde_db):
    at = _draai("pages/kaders.py", gemeente="GM0303", kader="GM0303-gezond-samenleven")
    tekst = _teksten(at)
    assert any("gezonde leefomgeving" in s.value for s in at.subheader)
    # Dronten: 2025 is de nulmeting, streefwaarden volgen later -> de status zegt waarom
    assert "nog niet te beoordelen: geen streefwaarde" in tekst
    assert "indicatoren beoordeeld)" in tekst
    assert at.selectbox(key="kdr_gemeente").value == "GM0303"
    assert len(at.get("vega_lite_chart")) >= 1  # trend van een gekoppelde indicator met cijfers
    assert "Bron: " in tekst


def test_kaders_noemt_het_gekozen_kader_voluit_onder_de_keuzelijst(ingebedde_db):
    """Op een telefoon (390 px) kapt de keuzelijst een lange naam af ('Kader 4: Zo doen we dat. Samenredzaamheid in
    de ke'); het bijschrift eronder noemde alleen het document. Nu staat de naam er voluit."""
    at = _draai("pages/kaders.py", gemeente="GM1876", kader="GM1876-k4-samenredzaamheid")
    bijschriften = [c.value.replace("\\", "") for c in at.caption]
    assert any(
        c.startswith("Kader 4: Zo doen we dat. Samenredzaamheid in de kernen — kader uit: Uitvoeringsprogramma")
        for c in bijschriften
    ), bijschriften


def test_kaders_opent_op_nieuwste_document_met_metingen(ingebedde_db):
    """Zonder keuze in de URL: het nieuwste document van de gemeente en daarin het eerste kader met een meting."""
    at = _draai("pages/kaders.py", gemeente="GM0148")
    assert at.selectbox(key="kdr_document").value.startswith("Programmabegroting 2026")
    assert at.selectbox(key="kdr_kader").value == "GM0148-b2026-bestaanszekerheid"
    assert at.selectbox(key="kdr_document").options[-1].startswith("Programmabegroting 2020-2023")
    # een gedeelde link naar een kader uit het oudere document kiest dat document
    oud = _draai("pages/kaders.py", gemeente="GM0148", kader="GM0148-b2020-participatie")
    assert oud.selectbox(key="kdr_document").value.startswith("Programmabegroting 2020-2023")


def test_kaders_dalfsen_streefwaarde_en_nulmeting(ingebedde_db):
    at = _draai("pages/kaders.py", gemeente="GM0148", kader="GM0148-b2020-participatie")
    tekst = _teksten(at)
    assert "2020: 180" in tekst and "125 (2019)" in tekst


def test_vergelijken_kleine_veelvouden_met_tabel(ingebedde_db):
    at = _draai(
        "pages/vergelijken.py", indicatoren="mantelzorger_pct,problematische_schulden_pct", van="2014", tot="2024"
    )
    assert at.multiselect(key="vgl_indicatoren").value == ["mantelzorger_pct", "problematische_schulden_pct"]
    # per indicator een kop en één paneel per regio met cijfers (de drie gemeenten en Nederland)
    koppen = {m.value.replace("\\", "") for m in at.markdown}
    assert koppen >= {"**Mantelzorgers (%)**", "**Problematische schulden (% huishoudens)**"}
    assert len(at.get("vega_lite_chart")) == 4 + 3  # Bronckhorst heeft geen cijfer voor problematische schulden
    # de tabellen bij de grafieken (de ledenlijsten van de vergelijkingsgroep hebben een kolom Gemeente)
    tabellen = [df.value for df in at.dataframe if "Regio" in df.value.columns]
    assert len(tabellen) == 2
    # Nederland 2020 heeft twee standen (1 januari en 1 oktober): beide in de tabel, één in de grafiek
    schulden = tabellen[1]
    nl2020 = schulden[(schulden["Regio"] == "Nederland") & schulden["Peiljaar"].str.contains("2020")]
    assert sorted(nl2020["In de grafiek"]) == ["ja", "nee (een andere waarde voor dit jaar staat in de grafiek)"]
    assert schulden["In de grafiek"].str.startswith("ja, trendbreuk").any()  # 2023: het beleidskader van Dronten


def test_indicator_alle_waarden_met_herkomst(ingebedde_db):
    at = _draai("pages/indicator.py", indicator="eenzaam_pct")
    tabel = at.dataframe[-1].value  # de laatste tabel: alle waarden met herkomst
    assert "47,1" in tabel["Waarde"].to_list()  # Nederlandse notatie (Dronten 65+, 2022)
    assert (tabel["Bron"] != "").all()
    assert "None" not in set(tabel.to_numpy().ravel())  # een lege cel, niet 'None'
    schulden = _draai("pages/indicator.py", indicator="problematische_schulden_pct").dataframe[-1].value
    assert "1 oktober 2020" in schulden["Peildatum"].to_list()  # niet '2020-10-01 00:00:00'
    assert [b.label for b in at.get("download_button")] == ["Download CSV", "Download Excel"]


def _downloadmakers(monkeypatch) -> dict:
    """Per bestandsnaam (maker, MIME-type) van elke downloadknop die een pagina vanaf nu tekent: de maker is wat
    Streamlit pas bij de klik aanroept (kompas.weergave.download_knop)."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    makers = {}
    echt_uitgesteld = MediaFileManager.add_deferred

    def onthoud(self, data_callable, mimetype, coordinates, file_name=None, **k):
        makers[file_name] = (data_callable, mimetype)
        return echt_uitgesteld(self, data_callable, mimetype, coordinates, file_name, **k)

    monkeypatch.setattr(MediaFileManager, "add_deferred", onthoud)
    return makers


def test_indicator_maakt_csv_en_excel_pas_bij_de_klik(ingebedde_db, monkeypatch):
    """Een (re)run van de pagina maakt geen downloadbestanden (issue 15: 2,1 s per rerun op een landelijke
    database); de klik geeft dezelfde bytes als de bouwers van kompas.tabellen, met dezelfde naam en MIME-type."""
    import io

    import openpyxl

    from kompas import gegevens, tabellen
    from kompas.db import Leesverbinding

    aangeroepen = []
    for naam in ("als_csv", "als_xlsx", "alle_waarden_tabel"):
        echt = getattr(tabellen, naam)
        monkeypatch.setattr(
            tabellen, naam, lambda *a, _echt=echt, _naam=naam, **k: aangeroepen.append(_naam) or _echt(*a, **k)
        )
    makers = _downloadmakers(monkeypatch)
    at = _draai("pages/indicator.py", indicator="eenzaam_pct")
    at.run()  # een rerun
    assert "als_csv" not in aangeroepen and "als_xlsx" not in aangeroepen
    knoppen = at.get("download_button")
    assert [b.label for b in knoppen] == ["Download CSV", "Download Excel"]
    assert all(b.proto.deferred_file_id and not b.proto.url for b in knoppen)  # geen bytes in de pagina

    verbinding = Leesverbinding(ingebedde_db)
    try:
        tabel = tabellen.alle_waarden_tabel(gegevens.indicator_alle_waarden(verbinding.cursor(), "eenzaam_pct"))
    finally:
        verbinding.close()
    maak_csv, mime_csv = makers["eenzaam_pct.csv"]
    maak_xlsx, mime_xlsx = makers["eenzaam_pct.xlsx"]
    assert mime_csv == "text/csv"
    assert mime_xlsx == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    aangeroepen.clear()
    assert maak_csv() == tabellen.als_csv(tabel)
    assert "als_csv" in aangeroepen

    def cellen(xlsx: bytes):
        blad = openpyxl.load_workbook(io.BytesIO(xlsx)).active
        return blad.title, [(c.value, c.number_format, c.quotePrefix) for rij in blad.iter_rows() for c in rij]

    verbinding = Leesverbinding(ingebedde_db)
    try:
        per_rij = tabellen.waarde_decimalen(gegevens.indicator_alle_waarden(verbinding.cursor(), "eenzaam_pct"))
    finally:
        verbinding.close()
    assert cellen(maak_xlsx()) == cellen(tabellen.als_xlsx(tabel, "Eenzaam", 1, per_rij))


@pytest.fixture
def groepen_met_wijken(tmp_path, monkeypatch):
    """De testgemeenten van tests/fixture_groepen.py (focus: de drie echte en Testgemeente A en G; B t/m F en H
    niet) met VERZONNEN ervaren gezondheid 2023 voor een wijk van A, een wijk van B, GGD IJsselland (de GGD van
    Dalfsen), Overijssel en Nederland. Alleen voor deze tests."""
    import streamlit as st
    from fixture_groepen import A, B, bouw_groepen

    from kompas.db import schrijf_transactie

    pad = bouw_groepen(tmp_path / "groepen.duckdb")
    with schrijf_transactie(pad) as con:
        con.executemany(
            "insert into regio (regio_code, regio_naam, soort, gemeente_code, volgorde) values (?, ?, 'wijk', ?, ?)",
            [("WK990101", "Wijk van A (test)", A, 900), ("WK990201", "Wijk van B (test)", B, 901)],
        )
        con.executemany(
            "insert into waarneming (indicator_code, regio_code, peiljaar, leeftijd, waarde, herkomst_id)"
            " values ('ervaren_gezondheid_pct', ?, 2023, '18+', ?, 'test:rivm-groep')",
            [("WK990101", 71.0), ("WK990201", 81.0), ("GG1009", 72.0), ("PV23", 73.0), ("NL01", 74.0)],
        )
    monkeypatch.setenv("KOMPAS_DB", str(pad))
    st.cache_data.clear()
    st.cache_resource.clear()
    yield pad
    st.cache_data.clear()
    st.cache_resource.clear()


def _gelezen(monkeypatch) -> list[tuple[str, dict]]:
    """(naam, parameters) van elke paginaquery (queries/pagina/<naam>.sql) die kompas.gegevens vanaf nu leest."""
    from kompas import gegevens

    gelezen: list[tuple[str, dict]] = []
    lees = gegevens._lees

    def onthoud(cur, naam, params=None):
        gelezen.append((naam, dict(params or {})))
        return lees(cur, naam, params)

    monkeypatch.setattr(gegevens, "_lees", onthoud)
    return gelezen


def test_indicator_toont_de_focusgemeenten_hun_wijken_ggd_en_nederland_en_de_download_alles(
    groepen_met_wijken, monkeypatch
):
    """Op een landelijke database zijn dat tienduizenden rijen (issue 15): de pagina toont de waarden van de
    focusgemeenten, hun wijken, hun GGD-regio's en Nederland, de downloads alle regio's."""
    import io

    import polars as pl

    makers = _downloadmakers(monkeypatch)
    gelezen = _gelezen(monkeypatch)
    at = _draai("pages/indicator.py", indicator="ervaren_gezondheid_pct")
    at.run()  # een rerun
    tabel = at.dataframe[-1].value
    assert set(tabel["Regio"]) == {
        "Testgemeente A",
        "Testgemeente G",
        "Wijk van A (test)",
        "GGD IJsselland",
        "Nederland",
    }  # niet B t/m F en H, niet de wijk van B, niet Overijssel
    assert "Bron" in tabel.columns and "Getoond op de pagina's" in tabel.columns  # de herkomst blijft
    # de volledige tabel (alle regio's) pas bij de klik, niet bij het openen of een rerun
    assert [p for naam, p in gelezen if naam == "indicator_waarden_detail" and p.get("gemeenten") is None] == []
    # 2023: 8 testgemeenten en het document van A; 2022: 6 testgemeenten; 2 wijken, GGD, provincie, Nederland
    tekst = _teksten(at)
    assert "20 waarden" in tekst and "alle regio's" in tekst

    maak_csv, _ = makers["ervaren_gezondheid_pct.csv"]
    download = pl.read_csv(io.BytesIO(maak_csv()), separator=";")
    assert len(download) == 20
    assert {"Testgemeente B", "Testgemeente H", "Wijk van B (test)", "Overijssel"} <= set(download["Regio"])


def _grafiekdata(at: AppTest) -> list[dict]:
    """De rijen van de eerste grafiek (Streamlit stuurt de datasets van een Vega-Lite-grafiek als Arrow)."""
    import io

    import polars as pl

    proto = at.get("vega_lite_chart")[0].proto
    return [r for ds in proto.datasets for r in pl.read_ipc_stream(io.BytesIO(ds.data.data)).to_dicts()]


def test_indicator_trend_voor_gemeenten_ggd_en_nederland(ingebedde_db, lees):
    at = _draai("pages/indicator.py", indicator="ervaren_gezondheid_pct")
    assert len(at.get("vega_lite_chart")) == 1
    rijen = [r for r in _grafiekdata(at) if r.get("regio_naam")]
    regios = {r["regio_naam"] for r in rijen}
    assert regios == {
        "Dalfsen",
        "Bronckhorst",
        "Dronten",
        "Nederland",
        "GGD IJsselland",
        "GGD Flevoland",
        "GGD Noord- en Oost-Gelderland",
    }  # geen provincies
    # alleen voorkeurswaarden: deze indicator heeft dubbele cijfers uit andere bronnen, de grafiek één per punt
    punten = [(r["regio_naam"], r["peiljaar"], r["leeftijd"]) for r in rijen]
    assert len(punten) == len(set(punten))
    # één definitie tegelijk: de leeftijdsgroep met de meeste cijfers (18+), te kiezen; 19+ blijft een aparte reeks
    assert at.get("button_group")[0].value == "18+" and {r["leeftijd"] for r in rijen} == {"18+"}
    voorkeur = lees(
        "select count(*) as n from afgeleid.indicator_waarden where indicator_code = 'ervaren_gezondheid_pct' "
        "and in_grafiek and leeftijd = '18+' and regio_naam in ?",
        [sorted(regios)],
    )[0]["n"]
    assert len(rijen) == voorkeur
    assert "Bron: " in _teksten(at)


def test_indicator_inwoners_breekt_de_lijn_over_de_jaargangen_die_we_niet_hebben(ingebedde_db):
    """Aantal inwoners uit de Kerncijfers wijken en buurten: ingebed 2019 en 2024, de jaargangen 2020-2023 niet. De
    bron publiceert elk jaar (data/bronfamilies.toml), dus geen rechte lijn 2019-2024 maar losse punten, met de
    jaren zonder cijfer in de ondertitel."""
    import json

    at = _draai("pages/indicator.py", indicator="inwoners", leeftijd="totaal")
    rijen = [r for r in _grafiekdata(at) if r.get("regio_naam") and r.get("reeks_id")]
    dalfsen = {r["peiljaar"]: r["reeks_id"] for r in rijen if r["regio_naam"] == "Dalfsen"}
    assert {2019, 2024} <= set(dalfsen) and not {2020, 2021, 2022, 2023} & set(dalfsen)
    assert dalfsen[2019] != dalfsen[2024]
    ondertitel = json.loads(at.get("vega_lite_chart")[0].proto.spec)["title"]["subtitle"]
    if isinstance(ondertitel, dict):  # naar de breedte (grafieken._ondertitel_tekst): de regels van een breed scherm
        ondertitel = json.loads(ondertitel["expr"].rsplit(" : ", 1)[1])
    ondertitel = " ".join(ondertitel)
    assert "Onderbroken lijn: geen cijfer voor Dalfsen, Bronckhorst en Dronten in 2020–2023" in ondertitel


def test_indicator_gezondheidsmonitor_2016_2020_blijft_een_lijn(ingebedde_db):
    at = _draai("pages/indicator.py", indicator="ervaren_gezondheid_pct", leeftijd="65+")
    rijen = [r for r in _grafiekdata(at) if r.get("regio_naam") and r.get("reeks_id")]
    dalfsen = {r["peiljaar"]: r["reeks_id"] for r in rijen if r["regio_naam"] == "Dalfsen"}
    assert set(dalfsen) == {2016, 2020} and dalfsen[2016] == dalfsen[2020]


def test_indicator_keuzelijst_met_namen_en_code_in_de_url(ingebedde_db, lees):
    at = _draai("pages/indicator.py", indicator="eenzaam_pct")
    keuze = at.selectbox(key="ind_indicator")
    namen = [r["naam"] for r in lees("select naam from indicator")]
    assert sorted(keuze.options) == sorted(namen)  # namen, geen '(code)'
    assert keuze.value == "eenzaam_pct"
    assert at.query_params["indicator"] in ("eenzaam_pct", ["eenzaam_pct"])
    keuze.select("mantelzorger_pct").run()
    assert at.query_params["indicator"] in ("mantelzorger_pct", ["mantelzorger_pct"])


def test_links_naar_de_indicatorpagina_dragen_de_indicator_in_de_url(ingebedde_db):
    from kompas.weergave import indicator_link

    assert indicator_link("eenzaam_pct") == "indicator?indicator=eenzaam_pct"
    # via app.py (st.navigation): een st.page_link naar de indicatorpagina met de indicator in de URL
    at = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=TIJD).run()
    assert not at.exception, [e.value for e in at.exception]
    links = [p.proto for p in at.get("page_link") if p.proto.page == "indicator"]
    assert links and all(p.query_string.startswith("indicator=") for p in links)
    assert {"indicator=ervaren_gezondheid_pct", "indicator=bijstand_per_1000"} & {p.query_string for p in links}
    kaders = _draai("pages/kaders.py", gemeente="GM0303", kader="GM0303-gezond-samenleven")
    assert "indicator=beweegrichtlijn_pct" in {p.proto.query_string for p in kaders.get("page_link")}


def test_over_de_data_bronnen_en_dekking(ingebedde_db, lees):
    at = _draai("pages/over_de_data.py")
    aantal = lees("select count(*) as n from herkomst")[0]["n"]
    assert len(at.dataframe[0].value) == aantal
    bronnen = at.dataframe[0].value
    assert "None" not in set(bronnen.to_numpy().ravel())
    dekking = at.dataframe[1].value
    assert {"Indicator", "Gemeente", "2016", "2020"} <= set(dekking.columns)
    assert not {"null", "geen jaar"} & set(dekking.columns)  # een indicator zonder cijfers: een lege rij
    leeg = dekking[dekking["Indicator"] == "Wmo-cliënten per 1.000 inwoners"]
    assert len(leeg) == 3 and (leeg.drop(columns=["Indicator", "Gemeente"]) == "").all().all()
    dronten_16 = dekking[
        (dekking["Indicator"] == "Ervaren gezondheid (zeer) goed") & (dekking["Gemeente"] == "Dronten")
    ]
    assert list(dronten_16["2016"]) == ["✓"]


def _keuzes(at: AppTest) -> dict:
    """Wat de bezoeker gekozen ziet: de waarde van elke keuzelijst en schuifregelaar, op label."""
    keuzes = {}
    for soort in ("selectbox", "multiselect", "select_slider", "slider"):
        for element in at.get(soort):
            keuzes[f"{soort}: {element.label}"] = element.value
    return keuzes


@pytest.mark.parametrize(
    "pagina, verwacht",
    [
        ("kaders", {"selectbox: Gemeente": "GM0148"}),
        (
            "vergelijken",
            {
                "multiselect: Indicatoren": ["ervaren_gezondheid_pct", "mantelzorger_pct"],
                "select_slider: Jaren": (2012, 2026),
            },
        ),
        ("indicator", {"selectbox: Indicator": "ervaren_gezondheid_pct"}),
        ("over_de_data", {}),
    ],
)
def test_onbekende_url_waarden_vallen_terug_op_standaard(ingebedde_db, pagina, verwacht):
    """Een link met onbekende waarden toont de pagina zoals zonder parameters, en zet de standaard in de URL."""
    standaard = _draai(f"pages/{pagina}.py")
    at = _draai(
        f"pages/{pagina}.py",
        gemeente="GM9999",
        kader="bestaat-niet",
        indicator="bestaat_niet",
        indicatoren="x,y",
        van="1900",
        tot="abc",
        leeftijd="x",
    )
    assert _keuzes(at) == _keuzes(standaard)
    assert verwacht.items() <= _keuzes(at).items()
    for sleutel, waarde in standaard.query_params.items():
        assert at.query_params[sleutel] == waarde, sleutel


def test_overzicht_laadt_geen_pandas_en_altair(ingebedde_db):
    """De eerste pagina opent zonder pandas en altair (zware imports niet op het pad naar de eerste pagina; de
    tabel en de grafieken komen later). polars en pyarrow wel: elke leesfunctie geeft een polars DataFrame
    (kompas.lezen). In een schoon proces, omdat andere tests ze al geladen hebben."""
    import subprocess
    import sys

    script = (
        "import sys, streamlit.testing.v1 as t\n"
        "at = t.AppTest.from_file(sys.argv[1], default_timeout=60).run()\n"
        "assert not at.exception, at.exception\n"
        "assert len(at.metric) >= 9, len(at.metric)\n"
        "print(sorted(m for m in ('pandas', 'altair') if m in sys.modules))\n"
    )
    uit = subprocess.run(
        [sys.executable, "-c", script, str(PROJECT / "app.py")],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        timeout=120,
    )
    assert uit.returncode == 0, uit.stderr[-2000:]
    assert uit.stdout.strip().splitlines()[-1] == "[]"


def test_indicatorpagina_met_stuurtekens_in_opgeslagen_tekst(ingebedde_db):
    """Tekst die ooit met stuurtekens is opgeslagen (vóór de uploadcontrole) breekt pagina noch Excel-export."""
    from kompas.db import schrijf_transactie

    with schrijf_transactie(ingebedde_db) as con:
        con.execute(
            "update waarneming set citaat = 'stand\x1b[31m 31-12\x07 _x001B_' where indicator_code = 'eenzaam_pct'"
        )
    at = _draai("pages/indicator.py", indicator="eenzaam_pct")
    knoppen = [k.proto.label for k in at.get("download_button")]
    assert "Download Excel" in knoppen, knoppen


def test_via_app_nagekeken_tegen_de_geinstalleerde_streamlit():
    """weergave.via_app leunt op een privé-attribuut van Streamlit; requirements.txt noemt de versie waartegen
    dat is nagekeken. Een andere Streamlit: eerst opnieuw nakijken (is er nu een ondersteunde manier?), dan het
    commentaar bijwerken. De browsertest 'gedeelde link na herstart' bewijst dat het werkt."""
    import re

    import streamlit
    from streamlit.runtime.pages_manager import PagesManager

    tekst = (PROJECT / "requirements.txt").read_text(encoding="utf-8")
    (nagekeken,) = re.findall(r"nagekeken tegen streamlit (\d+(?:\.\d+)*)", tekst)
    assert nagekeken == streamlit.__version__
    assert hasattr(PagesManager, "uses_pages_directory")


def test_een_verse_start_bouwt_de_database_via_app_py(tmp_path, monkeypatch):
    """Zonder database bouwt de start (app.py, één keer per proces) haar uit data/; de pagina's lezen alleen."""
    pad = tmp_path / "nieuw" / "kompas.duckdb"
    monkeypatch.setenv("KOMPAS_DB", str(pad))
    at = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=TIJD).run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error and pad.exists()
    assert len(at.metric) >= 9


def _klik_op_download(maker) -> str:
    """Wat de browser krijgt als iemand op een downloadknop van kompas.weergave.download_knop klikt waarvan de maker
    `maker` is: Streamlit's eigen afhandeling (DeferredFileHandler, in een eigen thread) met een echte
    MediaFileManager. Geeft de foutmelding die onder de knop komt ('' bij een gelukte download)."""
    import asyncio

    from streamlit.proto.BackMsg_pb2 import BackendOperationRequest
    from streamlit.runtime.backend_operation_handler import DeferredFileHandler
    from streamlit.runtime.media_file_manager import MediaFileManager
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    from kompas.weergave import download_knop

    class Plek:  # wat download_knop aan Streamlit doorgeeft
        def download_button(self, label, data, **opties):
            self.data, self.opties = data, opties

    plek = Plek()
    download_knop(plek, "Download CSV", maker, file_name="x.csv", mime="text/csv")
    assert plek.opties["on_click"] == "ignore"
    beheer = MediaFileManager(MemoryMediaFileStorage("/media"))
    verzoek = BackendOperationRequest(request_id="1")
    verzoek.deferred_file.file_id = beheer.add_deferred(plek.data, "text/csv", "1", "x.csv")
    antwoord = asyncio.run(DeferredFileHandler(lambda: beheer).handle(verzoek, "sessie"))
    return antwoord.error_msg


def test_mislukte_download_zegt_in_het_nederlands_wat_te_doen():
    """Mislukt het maken van een downloadbestand bij de klik, dan zegt de knop in het Nederlands wat er is en wat te
    doen; niet Streamlit's Engelse 'Failed to generate file for download', geen exceptie, geen serverpad."""

    def kapot():
        raise KeyError("/srv/kompas/kompas.duckdb")

    def database_weg():
        raise duckdb.IOException('IO Error: Cannot open file "/srv/kompas/kompas.duckdb": No such file')

    assert _klik_op_download(lambda: b"a;b\n") == ""  # een gelukte download: geen melding
    melding = _klik_op_download(kapot)
    assert melding.startswith("Het bestand kon niet worden gemaakt") and "opnieuw" in melding
    assert _klik_op_download(database_weg).startswith("De database van Sociaal Kompas is beschadigd")
    for melding in (_klik_op_download(kapot), _klik_op_download(database_weg)):
        assert not any(t in melding for t in ("Failed", "KeyError", "IOException", "/srv", "Error"))
