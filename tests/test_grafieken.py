import polars as pl

from kompas import grafieken

REEKS = pl.DataFrame({
    "regio_naam": ["Dalfsen", "Dalfsen", "Nederland", "Nederland", "Dalfsen"],
    "peiljaar": [2016, 2020, 2016, 2020, 2022],
    "leeftijd": ["19+", "18+", "19+", "18+", "18+"],
    "waarde": [82.0, 85.9, 75.6, 79.1, None],
    "ondergrens": [79.2, 83.6, 75.4, 78.9, None],
    "bovengrens": [84.5, 87.9, 75.8, 79.3, None],
})


def _lagen(spec):
    return spec["layer"]


def test_trend_heeft_interval_lijnen_nulmeting_en_streefwaarde():
    grafiek = grafieken.trend(
        REEKS, titel="Ervaren gezondheid", eenheid="%", nulmeting={"jaar": 2017, "waarde": 82},
        streefwaarden=[{"jaar": 2021, "soort": "punt", "waarde": 85, "tekst": "85%"},
                       {"jaar": 2023, "soort": "band", "ondergrens": 65, "bovengrens": 70, "tekst": "65-70%"}],
    )
    spec = grafiek.to_dict()
    marks = [laag["mark"]["type"] if isinstance(laag["mark"], dict) else laag["mark"] for laag in _lagen(spec)]
    assert marks.count("area") == 1 and "line" in marks
    assert spec["title"]["text"] == "Ervaren gezondheid"
    # de lijn scheidt leeftijdsgroepen (18+ en 19+ worden niet verbonden)
    lijn = next(l for l in _lagen(spec) if (l["mark"]["type"] if isinstance(l["mark"], dict) else l["mark"]) == "line")
    assert lijn["encoding"]["strokeDash"]["field"] == "leeftijd"
    # ontbrekende waarde wordt niet getekend (geen 0)
    rijen = next(iter(spec["datasets"].values()))
    assert all(r["waarde"] is not None for r in rijen)
    teksten = [r.get("label") for d in spec["datasets"].values() for r in d]
    assert "nulmeting 2017" in teksten


def test_kleuren_per_regio_vast():
    schaal = grafieken.kleurschaal(["Nederland", "Dronten", "Dalfsen"])
    paren = dict(zip(schaal.domain, schaal.range))
    assert paren["Dalfsen"] == grafieken.REGIO_KLEUREN["Dalfsen"]
    assert paren["Nederland"] == "#000000"


def test_kleine_veelvouden_delen_de_schaal():
    spec = grafieken.kleine_veelvouden(REEKS, titel="t", eenheid="%").to_dict()
    assert spec["resolve"]["scale"]["y"] == "shared"
    assert spec["facet"]["field"] == "regio_naam"


def test_locale_bij_weergave():
    spec = grafieken.voor_weergave(grafieken.trend(REEKS, titel="t", eenheid="%")).to_dict()
    assert spec["config"]["locale"]["number"]["decimal"] == ","
