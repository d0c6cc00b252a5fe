"""De kaartenpagina en de kaartbouwers: geometrie in de specificatie (geen URL), ontbrekende regio's grijs met
'geen gegevens' (nooit een kleur van de schaal), de gemeenten van het kompas omlijnd, Nederlandse getallen."""

from __future__ import annotations

import json

import polars as pl

from kompas import grafieken

from apptest import draai

FOCUS = ["GM0148", "GM1876", "GM0303"]


def _waarden(codes_en_waarden: dict[str, float], naam: str = "regio") -> pl.DataFrame:
    return pl.DataFrame(
        {
            "regio_code": list(codes_en_waarden),
            "regio_naam": [f"{naam} {c}" for c in codes_en_waarden],
            "waarde": list(codes_en_waarden.values()),
            "peiljaar": [2024] * len(codes_en_waarden),
        }
    )


def _spec(grafiek) -> dict:
    spec = grafieken.voor_weergave(grafiek).to_dict()  # valideert tegen het Vega-Lite-schema
    return spec


def _lagen(spec: dict) -> list[dict]:
    return spec["layer"]


def test_gemeentekaart_geometrie_inline_zonder_url():
    spec = _spec(grafieken.gemeentekaart(_waarden({"GM0148": 85.9}), titel="t", eenheid="%", focus=FOCUS))
    tekst = json.dumps(spec)
    assert '"url"' not in tekst and "http" not in tekst.replace("http://json-schema", "").split("$schema")[0]
    vorm = spec["datasets"][spec["data"]["name"]]
    assert vorm["type"] == "Topology"
    assert len(vorm["objects"]["gemeente_2024"]["geometries"]) == 342
    assert spec["data"]["format"] == {"type": "topojson", "feature": "gemeente_2024"}


def test_gemeentekaart_ontbrekend_in_eigen_grijze_laag_met_geen_gegevens():
    spec = _spec(grafieken.gemeentekaart(_waarden({"GM0148": 85.9}), titel="t", eenheid="%", focus=FOCUS))
    lagen = _lagen(spec)
    grijs = [laag for laag in lagen if "!isValid(datum.waarde)" in json.dumps(laag.get("transform", []))]
    gekleurd = [laag for laag in lagen if {"filter": "isValid(datum.waarde)"} in laag.get("transform", [])]
    assert len(grijs) == 1 and len(gekleurd) == 1
    vulling = grijs[0]["encoding"]["fill"]
    assert vulling["scale"] == {"domain": ["geen gegevens"], "range": [grafieken.GEEN_GEGEVENS_KLEUR]}
    assert {"calculate": "'geen gegevens'", "as": "waarde_tekst"} in grijs[0]["transform"]
    assert [t["field"] for t in grijs[0]["encoding"]["tooltip"]] == ["naam", "waarde_tekst"]
    # de schaal van de waarden kent de grijze kleur niet: grijs is geen waarde
    schaal = gekleurd[0]["encoding"]["fill"]
    assert schaal["scale"] == {"scheme": "blues"} and schaal["legend"]["title"] == "%"
    assert spec["resolve"]["scale"]["fill"] == "independent"


def test_gemeentekaart_focus_dik_omlijnd():
    spec = _spec(grafieken.gemeentekaart(_waarden({"GM0148": 85.9}), titel="t", eenheid="%", focus=FOCUS))
    omlijning = [laag for laag in _lagen(spec) if laag["mark"].get("filled") is False]
    assert len(omlijning) == 1
    assert omlijning[0]["mark"]["strokeWidth"] >= 2
    filter_ = next(t["filter"] for t in omlijning[0]["transform"] if "filter" in t)
    assert all(f"'{code}'" in filter_ for code in FOCUS)


def test_de_omlijning_toont_de_tooltip_van_haar_gemeente():
    """De omlijning ligt bovenop (Vega vult haar doorzichtig, dus ze vangt de muis): zonder eigen tooltip toonde een
    gemeente van het kompas in de browser nooit haar cijfer."""
    spec = _spec(grafieken.gemeentekaart(_waarden({"GM0148": 85.9}), titel="t", eenheid="%", decimalen=1, focus=FOCUS))
    omlijning = next(laag for laag in _lagen(spec) if laag["mark"].get("filled") is False)
    assert [(t["field"], t["title"]) for t in omlijning["encoding"]["tooltip"]] == [
        ("naam", "Gemeente"),
        ("waarde_tekst", "%"),
    ]
    # met cijfer: de tekst uit de opzoektabel (85,9); zonder: 'geen gegevens', zoals de grijze laag
    assert any("lookup" in t for t in omlijning["transform"])
    assert any("geen gegevens" in t.get("calculate", "") for t in omlijning["transform"])


def test_kaart_getallen_nederlands():
    spec = _spec(
        grafieken.gemeentekaart(
            _waarden({"GM0148": 28845.0}), titel="Aantal inwoners", eenheid="aantal", decimalen=0, focus=FOCUS
        )
    )
    gekleurd = next(laag for laag in _lagen(spec) if laag["encoding"]["fill"]["field"] == "waarde")
    assert gekleurd["encoding"]["fill"]["legend"]["format"] == ",.0f"
    # de tooltip: het cijfer als Nederlandse tekst (elk met zijn eigen decimalen, tests/test_precisie.py)
    assert {"field": "waarde_tekst", "title": "aantal", "type": "nominal"} in gekleurd["encoding"]["tooltip"]
    opzoeken = next(t for t in gekleurd["transform"] if "lookup" in t)["from"]["data"]
    assert [r["waarde_tekst"] for r in spec["datasets"][opzoeken["name"]]] == ["28.845"]
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    assert spec["config"]["locale"]["number"]["thousands"] == "."
    # in korte regels (op een telefoon kapt Vega een lange regel af met '…')
    assert " ".join(spec["title"]["subtitle"]) == grafieken.KAART_BRON and "CBS/PDOK" in grafieken.KAART_BRON


def test_kaarten_passen_op_een_telefoon_breedte_van_de_pagina_en_legenda_eronder():
    """Een vaste breedte (520 px) liep op een telefoon (390 px) buiten beeld, met de legenda ernaast onzichtbaar."""
    for grafiek in (
        grafieken.gemeentekaart(_waarden({"GM0148": 1.0}), titel="t", eenheid="aantal", decimalen=0, focus=FOCUS),
        grafieken.wijkkaart(_waarden({"WK187600": 1.0}), "GM1876", titel="t", eenheid="aantal", decimalen=0),
    ):
        spec = _spec(grafiek)
        assert spec["width"] == "container"
        legendas = [laag["encoding"]["fill"]["legend"] for laag in _lagen(spec) if "fill" in laag.get("encoding", {})]
        assert legendas and all(legenda["orient"] == "bottom" for legenda in legendas)


def test_wijkkaart_alleen_wijken_van_de_gemeente_inline_en_zo_gedraaid_als_d3_wil():
    spec = _spec(
        grafieken.wijkkaart(_waarden({"WK187600": 8065.0}), "GM1876", titel="t", eenheid="aantal", decimalen=0)
    )
    assert '"url"' not in json.dumps(spec)
    vormen = spec["datasets"][spec["data"]["name"]]["features"]
    assert sorted(f["properties"]["code"] for f in vormen) == [f"WK18760{i}" for i in range(5)]
    # d3-geo: buitenring met de klok mee (anders bedekt één wijk de hele kaart)
    for f in vormen:
        ringen = f["geometry"]["coordinates"]
        assert grafieken._oppervlak_teken(ringen[0]) < 0, f["properties"]["code"]
    grijs = [laag for laag in _lagen(spec) if "!isValid(datum.waarde)" in json.dumps(laag.get("transform", []))]
    assert len(grijs) == 1


def test_kaartenpagina_kaarten_tabellen_bron_en_herkomst_kaart(ingebedde_db):
    at = draai("pages/kaarten.py", indicator="inwoners", jaar="2024", gemeente="GM1876", leeftijd="totaal")
    kaarten = at.get("vega_lite_chart")
    assert len(kaarten) == 2
    tabellen = [df.value for df in at.dataframe]
    assert len(tabellen) == 2
    gemeenten, wijken = tabellen
    assert set(gemeenten["Regio"]) == {"Dalfsen", "Bronckhorst", "Dronten"}
    # de wijken van Bronckhorst, met hun naam zoals op de kaart (zonder '(wijk, gem. Bronckhorst)': dat zegt de kop)
    assert list(wijken["Regio"]) == [f["properties"]["naam"] for f in grafieken.wijkvormen("GM1876")]
    assert "8.065" in set(wijken["Waarde"])  # Wijk 00 Hengelo, KWB 2024, Nederlandse notatie
    bijschriften = [c.value.replace("\\", "") for c in at.caption]
    assert (
        sum(
            c.endswith("Kaart: CBS/PDOK, bewerkt door cartomap (cartomap/nl), gebiedsindeling 2024.")
            for c in bijschriften
        )
        == 2
    )
    assert any(
        c.startswith("Dik omlijnd: Dalfsen, Bronckhorst, Dronten. Grijs, geen gegevens: 339 van de 342 gemeenten.")
        for c in bijschriften
    )
    assert sum(c.startswith("Bron: CBS StatLine") for c in bijschriften) == 2
    assert at.query_params["indicator"] == ["inwoners"] or at.query_params["indicator"] == "inwoners"


def test_kaartenpagina_jaar_zonder_wijkcijfers_zegt_geen_gegevens(ingebedde_db):
    at = draai("pages/kaarten.py", indicator="ervaren_gezondheid_pct", jaar="2020", gemeente="GM0148", leeftijd="65+")
    (gemeenten,) = (df.value for df in at.dataframe)  # geen lege tabel (Streamlit zet daar 'empty' in)
    assert set(gemeenten["Waarde"]) == {"76,2%", "73,7%", "71,9%"}
    assert len(at.info) == 1 and at.info[0].value.startswith("Geen gegevens voor de wijken van Dalfsen in 2020. ")
    assert "beheerder" in at.info[0].value  # wie het kan aanvullen (teksten.hoe_aanvullen)
    bijschriften = [c.value.replace("\\", "") for c in at.caption]
    assert any(c.startswith("Grijs, geen gegevens: Dalfsen, Nieuwleusen, Lemelerveld.") for c in bijschriften)
    assert "Bron: geen gegevens" in bijschriften


def test_kaartenpagina_wijkkaart_kiest_een_jaar_met_wijkcijfers(ingebedde_db):
    """Inwoners: gemeenten tot 2025 (70072NED), wijken alleen 2024 (KWB). De standaard (het laatste gemeentejaar)
    gaf een grijze wijkkaart met 'geen gegevens' terwijl de wijkcijfers van 2024 er zijn."""
    at = draai("pages/kaarten.py", indicator="inwoners", gemeente="GM0148")
    assert at.selectbox(key="krt_jaar").value == 2025
    assert at.selectbox(key="krt_wijkjaar").value == 2024 and at.selectbox(key="krt_wijkjaar").options == ["2024"]
    gemeenten, wijken = (df.value for df in at.dataframe)
    assert set(gemeenten["Peiljaar"]) == {"2025"} and set(wijken["Peiljaar"]) == {"2024"}
    assert len(wijken) == 3 and not at.info
    titels = [json.dumps(json.loads(k.proto.spec)["title"]["text"]) for k in at.get("vega_lite_chart")]
    assert any("per wijk van Dalfsen" in t and "2024" in t for t in titels)
    assert at.query_params["wijkjaar"] in (["2024"], "2024")
    # een jaar uit de URL dat er voor de wijken niet is: het laatste wijkjaar ervoor
    at = draai("pages/kaarten.py", indicator="inwoners", jaar="2025", wijkjaar="2019", gemeente="GM0148")
    assert at.selectbox(key="krt_wijkjaar").value == 2024


def test_kaart_zonder_enige_waarde_alleen_grijs_zonder_kleurschaal():
    leeg = _waarden({}).with_columns(pl.col("waarde").cast(pl.Float64), pl.col("peiljaar").cast(pl.Int64))
    spec = _spec(grafieken.wijkkaart(leeg, "GM0148", titel="t", eenheid="%"))
    velden = [laag["encoding"]["fill"]["field"] for laag in _lagen(spec)]
    assert velden == ["waarde_tekst"]  # geen legenda met 'NaN'
    assert grafieken.kaart_bijschrift(leeg, "GM0148").startswith(
        "Grijs, geen gegevens: Dalfsen, Nieuwleusen, Lemelerveld."
    )


def test_kaart_zonder_grijze_regio_heeft_geen_legenda_geen_gegevens():
    """Alle wijken van Dalfsen hebben een cijfer: geen grijze laag, dus ook geen 'geen gegevens' in de legenda (die
    beloofde een grijs vlak dat er niet is). Eén wijk zonder cijfer: de grijze laag is er weer."""
    alle = _waarden({"WK014801": 15330.0, "WK014802": 9560.0, "WK014803": 4795.0})
    velden = [
        laag["encoding"]["fill"]["field"]
        for laag in _lagen(_spec(grafieken.wijkkaart(alle, "GM0148", titel="t", eenheid="aantal", decimalen=0)))
    ]
    assert velden == ["waarde"]
    twee = alle.filter(pl.col("regio_code") != "WK014803")
    velden = [
        laag["encoding"]["fill"]["field"]
        for laag in _lagen(_spec(grafieken.wijkkaart(twee, "GM0148", titel="t", eenheid="aantal", decimalen=0)))
    ]
    assert velden == ["waarde_tekst", "waarde"]
    # een wijk met een rij zonder waarde is ook grijs
    zonder = alle.with_columns(
        pl.when(pl.col("regio_code") == "WK014803").then(None).otherwise(pl.col("waarde")).alias("waarde")
    )
    velden = [
        laag["encoding"]["fill"]["field"]
        for laag in _lagen(_spec(grafieken.wijkkaart(zonder, "GM0148", titel="t", eenheid="aantal", decimalen=0)))
    ]
    assert velden == ["waarde_tekst", "waarde"]


def test_kaartenpagina_tabel_bij_een_aantal_zonder_landelijk_en_significantie(ingebedde_db):
    """Bij een aantal (inwoners) is er bewust geen vergelijking met Nederland: de tabellen onder de kaarten hebben
    dan geen kolommen Landelijk en Significantie vol '–'; bij een percentage staan ze er wel."""
    at = draai("pages/kaarten.py", indicator="inwoners", jaar="2024", gemeente="GM1876", leeftijd="totaal")
    for tabel in (df.value for df in at.dataframe):
        assert "Landelijk" not in tabel.columns and "Significantie" not in tabel.columns
        assert "Waarde" in tabel.columns
    at = draai("pages/kaarten.py", indicator="ervaren_gezondheid_pct", jaar="2020", gemeente="GM0148", leeftijd="65+")
    (gemeenten,) = (df.value for df in at.dataframe)
    assert "Landelijk" in gemeenten.columns and "Significantie" in gemeenten.columns


def test_kaartenpagina_tabel_zonder_kolom_indicator_zodat_de_waarde_op_een_telefoon_in_beeld_is(ingebedde_db):
    """De naam van de indicator staat al in de titel van de kaart; als eerste kolom van elke rij schoof ze op 390 px
    de kolom Waarde buiten beeld. De download van de cijfers bij een grafiek houdt haar (`tabellen.waarden_tabel`)."""
    at = draai("pages/kaarten.py", indicator="inwoners", jaar="2024", gemeente="GM1876", leeftijd="totaal")
    for tabel in (df.value for df in at.dataframe):
        assert list(tabel.columns[:4]) == ["Regio", "Peiljaar", "Leeftijd", "Waarde"]


def test_kaartenpagina_tabel_zonder_kolom_in_de_grafiek(ingebedde_db):
    """'In de grafiek: ja, trendbreuk: andere bron/definitie ...' gaat over de trendgrafiek van de Indicatorpagina;
    onder een kaart (geen grafiek, geen reeks) las het als een opmerking over de kaart."""
    at = draai("pages/kaarten.py", indicator="inwoners", jaar="2025", gemeente="GM0303", leeftijd="totaal")
    tabellen = [df.value for df in at.dataframe]
    assert len(tabellen) == 2
    for tabel in tabellen:
        assert "In de grafiek" not in tabel.columns and "Bron" in tabel.columns


def test_kaartenpagina_wijktabel_met_de_namen_van_de_kaart(ingebedde_db):
    """'Wijk 01 Dronten west (wijk, gem. Dronten)' onder de kop 'Wijken van Dronten' nam op 390 px de hele breedte
    van de tabel, zodat de waarde buiten beeld viel; de naam op de kaart (en in haar bijschrift) is zonder."""
    at = draai("pages/kaarten.py", indicator="inwoners", gemeente="GM0303")
    _, wijken = (df.value for df in at.dataframe)
    assert list(wijken["Regio"][:2]) == ["Wijk 01 Dronten west", "Wijk 02 Dronten Noord"]
    assert not any("(wijk, gem." in r for r in wijken["Regio"])
    assert "10.200" in set(wijken["Waarde"])  # Wijk 01 Dronten west, KWB 2024
