"""De grafiekbouwers, getoetst op hun Vega-Lite-specificatie (chart.to_dict(), dat ook valideert).

De cijfers hieronder ZIJN VERZONNEN (testgegevens); ze hebben de kolommen van queries/pagina/reeks_indicator.sql.
"""

import json
from collections.abc import Sequence

import polars as pl
import pytest

from kompas import grafieken
from kompas.teksten import grafiek_ondertitel, grafiek_tekst, opsomming

# naam, soort, volgorde, kleur, vorm (kleur en vorm: alleen een gemeente, zoals in data/regio.csv)
REGIO = {
    "GM0148": ("Dalfsen", "gemeente", 1, "#0072B2", "circle"),
    "GM1876": ("Bronckhorst", "gemeente", 2, "#E69F00", "triangle-down"),
    "GM0303": ("Dronten", "gemeente", 3, "#009E73", "cross"),
    "GG1009": ("GGD IJsselland", "ggd_regio", 11, None, None),
    "PV23": ("Overijssel", "provincie", 21, None, None),
    "NL01": ("Nederland", "land", 0, None, None),
}


def _rijen(*rijen) -> pl.DataFrame:
    """(regio_code, peiljaar, leeftijd, waarde, reeks_deel, in_grafiek, bronfamilie) -> een reeks zoals uit de query."""
    uit = []
    for code, jaar, leeftijd, waarde, deel, in_grafiek, familie in rijen:
        naam, soort, volgorde, kleur, vorm = REGIO[code]
        uit.append(
            {
                "regio_code": code,
                "regio_naam": naam,
                "regio_soort": soort,
                "regio_volgorde": volgorde,
                "regio_kleur": kleur,
                "regio_vorm": vorm,
                "peiljaar": jaar,
                "leeftijd": leeftijd,
                "waarde": waarde,
                "ondergrens": None if waarde is None else waarde - 1.5,
                "bovengrens": None if waarde is None else waarde + 1.5,
                "eenheid": "%",
                "in_grafiek": in_grafiek,
                "bronfamilie": familie,
                "reeks_id": f"{code} | x | {leeftijd} | {deel}" if in_grafiek else None,
                "trendbreuk": False,
            }
        )
    frame = pl.DataFrame(uit)
    # trendbreuk zoals de SQL hem zet: de eerste waarde van een volgend reeksdeel
    return frame.with_columns(
        (pl.col("reeks_id") != pl.col("reeks_id").shift(1).over(["regio_code", "leeftijd"]))
        .fill_null(False)
        .alias("trendbreuk")
    )


GM = "Gezondheidsmonitor Volwassenen en Ouderen"
REEKS = _rijen(
    ("GM0148", 2016, "19+", 82.0, 1, True, GM),
    ("GM0148", 2020, "18+", 85.9, 1, True, GM),
    ("GM0148", 2023, "18+", 80.0, 2, True, "gemeente Dalfsen"),  # trendbreuk: andere bron
    ("GM0148", 2022, "18+", None, None, False, GM),  # ontbreekt: niet tekenen, geen 0
    ("GG1009", 2020, "18+", 81.8, 1, True, GM),
    ("NL01", 2016, "19+", 75.6, 1, True, GM),
    ("NL01", 2020, "18+", 79.1, 1, True, GM),
    ("NL01", 2020, "18+", 79.0, 1, False, GM),  # tweede waarde voor 2020: alleen in de tabel
)


def _ondertitel(spec) -> str:
    """De ondertitel als één tekst (de regels zijn kort, zodat ze op een telefoon passen)."""
    return " ".join(spec["title"]["subtitle"])


def _mark(laag) -> str:
    return laag["mark"]["type"] if isinstance(laag["mark"], dict) else laag["mark"]


def _laag(spec, mark: str, **kenmerk) -> dict:
    lagen = [
        laag
        for laag in spec["layer"]
        if _mark(laag) == mark and all(laag["mark"].get(k) == v for k, v in kenmerk.items())
    ]
    assert len(lagen) == 1, f"verwacht één laag {mark} {kenmerk}, gevonden {len(lagen)}"
    return lagen[0]


def _data(spec, laag) -> list[dict]:
    return spec["datasets"][laag["data"]["name"]] if "data" in laag else next(iter(spec["datasets"].values()))


def test_trend_heeft_interval_lijnen_nulmeting_en_streefwaarde():
    spec = grafieken.trend(
        REEKS,
        titel="Ervaren gezondheid",
        eenheid="%",
        nulmeting={"jaar": 2017, "waarde": 82},
        streefwaarden=[
            {"jaar": 2021, "soort": "punt", "waarde": 85, "tekst": "85%"},
            {"jaar": 2023, "soort": "band", "ondergrens": 65, "bovengrens": 70, "tekst": "65-70%"},
        ],
    ).to_dict()
    marks = [_mark(laag) for laag in spec["layer"]]
    assert marks.count("area") == 1 and marks.count("line") == 1
    assert spec["title"]["text"] == "Ervaren gezondheid"
    rijen = next(iter(spec["datasets"].values()))
    assert all(r["waarde"] is not None for r in rijen)  # een ontbrekende waarde wordt niet getekend (geen 0)
    assert "nulmeting 2017" in [r.get("label") for d in spec["datasets"].values() for r in d]


def test_lijnen_breken_per_reeks_en_alleen_grafiekwaarden_worden_getekend():
    spec = grafieken.trend(REEKS, titel="t", eenheid="%").to_dict()
    lijn = _laag(spec, "line")
    assert lijn["encoding"]["detail"]["field"] == "reeks_id"
    assert _laag(spec, "area")["encoding"]["detail"]["field"] == "reeks_id"  # ook de band niet over een breuk
    rijen = _data(spec, lijn)
    # de tweede Nederland-waarde van 2020 (niet in_grafiek) staat niet in de grafiek: geen verticale zigzag
    assert [(r["regio_code"], r["peiljaar"]) for r in rijen].count(("NL01", 2020)) == 1
    dalfsen = {r["reeks_id"] for r in rijen if r["regio_code"] == "GM0148"}
    assert dalfsen == {"GM0148 | x | 19+ | 1", "GM0148 | x | 18+ | 1", "GM0148 | x | 18+ | 2"}


NIET_JAARLIJKS = "waarstaatjegemeente.nl"  # een familie die niet elk jaar publiceert (data/bronfamilies.toml)
# Nederland elk jaar, Dronten alleen 2016 en 2022, Dalfsen elk jaar maar 2019 gepubliceerd zonder waarde (geheim)
GAT = _rijen(
    *[
        ("NL01", j, "totaal", 60.0 + j - 2014, 1, True, NIET_JAARLIJKS)
        for j in (2014, 2015, 2016, 2017, 2018, 2019, 2021, 2022)
    ],
    ("GM0303", 2016, "totaal", 70.0, 1, True, NIET_JAARLIJKS),
    ("GM0303", 2022, "totaal", 72.0, 1, True, NIET_JAARLIJKS),
    *[("GM0148", j, "totaal", 65.0, 1, True, NIET_JAARLIJKS) for j in (2017, 2018, 2021)],
    ("GM0148", 2019, "totaal", None, None, False, NIET_JAARLIJKS),
)


def _lijnstukken(spec) -> dict[str, list[list[int]]]:
    """Per regio de getekende lijnen: de peiljaren per reeks_id."""
    stukken: dict[str, dict[str, list[int]]] = {}
    for r in _data(spec, _laag(spec, "line")):
        stukken.setdefault(r["regio_naam"], {}).setdefault(r["reeks_id"], []).append(r["peiljaar"])
    return {naam: sorted(sorted(j) for j in ids.values()) for naam, ids in stukken.items()}


def test_een_lijn_loopt_niet_over_een_jaar_waarin_de_bron_wel_mat_maar_de_regio_geen_cijfer_heeft():
    spec = grafieken.trend(GAT, titel="t", eenheid="%").to_dict()
    stukken = _lijnstukken(spec)
    # Dronten 2016 en 2022 zijn twee losse punten: in 2017-2021 mat CBS wel (Nederland), Dronten heeft geen cijfer
    assert stukken["Dronten"] == [[2016], [2022]]
    # Dalfsen 2019 is gepubliceerd zonder waarde: de lijn breekt daar
    assert stukken["Dalfsen"] == [[2017, 2018], [2021]]
    # Nederland heeft geen 2020, en niemand anders in dezelfde bron ook niet: gewoon één lijn (een bron die niet elk
    # jaar publiceert, data/bronfamilies.toml)
    assert stukken["Nederland"] == [[2014, 2015, 2016, 2017, 2018, 2019, 2021, 2022]]
    # ook het 95%-interval loopt niet over het gat (dezelfde reeks_id)
    vlak = {(r["regio_naam"], r["peiljaar"]): r["reeks_id"] for r in _data(spec, _laag(spec, "area"))}
    assert vlak[("Dronten", 2016)] != vlak[("Dronten", 2022)]
    assert "Onderbroken lijn: geen cijfer voor Dalfsen in 2019, voor Dronten in 2017–2019 en 2021" in _ondertitel(spec)


def test_een_meting_om_de_vier_jaar_is_één_lijn():
    vierjaarlijks = _rijen(
        *[(code, j, "18+", 80.0, 1, True, GM) for code in ("GM0148", "GG1009", "NL01") for j in (2012, 2016, 2020)]
    )
    spec = grafieken.trend(vierjaarlijks, titel="t", eenheid="%").to_dict()
    assert set(map(str, _lijnstukken(spec).values())) == {"[[2012, 2016, 2020]]"}
    assert "Onderbroken" not in _ondertitel(spec)


# --- een bron die elk jaar publiceert (data/bronfamilies.toml): elk jaar tussen twee cijfers is een gat ----------
KWB = "CBS Kerncijfers wijken en buurten"


def _aantallen(familie: str, jaren: Sequence[int], codes=("GM0148", "GM1876", "GM0303"), deel: int = 1) -> pl.DataFrame:
    """Een aantal (zonder interval) per gemeente en jaar uit één bronfamilie; `deel`: het reeksdeel."""
    rijen = _rijen(
        *[(code, j, "totaal", 1000.0 * (i + 1) + j, deel, True, familie) for i, code in enumerate(codes) for j in jaren]
    )
    return rijen.with_columns(
        pl.lit("aantal").alias("eenheid"),
        pl.lit(None, pl.Float64).alias("ondergrens"),
        pl.lit(None, pl.Float64).alias("bovengrens"),
    )


def test_een_jaarlijkse_bron_breekt_de_lijn_over_de_jaren_zonder_cijfer():
    """Aantal inwoners uit de Kerncijfers wijken en buurten: ingebed zijn 2019 en 2024. De jaargangen 2020-2023 heeft
    het CBS wel gepubliceerd, wij hebben ze niet; een rechte lijn 2019-2024 suggereert een groei die niemand mat."""
    spec = grafieken.trend(
        _aantallen(KWB, (2019, 2024)), titel="Aantal inwoners", eenheid="aantal", decimalen=0
    ).to_dict()
    assert _lijnstukken(spec) == {naam: [[2019], [2024]] for naam in ("Dalfsen", "Bronckhorst", "Dronten")}
    # ontbrekend blijft ontbrekend: geen punt voor 2020-2023 (niet geïnterpoleerd)
    assert {r["peiljaar"] for r in _data(spec, _laag(spec, "line"))} == {2019, 2024}
    # regio's met dezelfde jaren zonder cijfer staan samen in de noot
    assert "Onderbroken lijn: geen cijfer voor Dalfsen, Bronckhorst en Dronten in 2020–2023" in _ondertitel(spec)


def test_een_jaarlijkse_bron_met_opeenvolgende_jaren_is_één_lijn():
    spec = grafieken.trend(_aantallen(KWB, (2017, 2018, 2019)), titel="t", eenheid="aantal", decimalen=0).to_dict()
    assert set(map(str, _lijnstukken(spec).values())) == {"[[2017, 2018, 2019]]"}
    assert "Onderbroken" not in _ondertitel(spec)


@pytest.mark.parametrize("familie", ["gemeente Dalfsen", "upload (eigen registratie)"])
def test_de_eigen_registratie_van_een_gemeente_breekt_over_een_jaar_zonder_cijfer(familie):
    """Dalfsen, kinderen met een bestelling via de kindregeling: 2017 en 2019 uit het jaarverslag (eigen
    administratie), 2018 niet; de gemeente telde in 2018 wel."""
    spec = grafieken.trend(_aantallen(familie, (2017, 2019), codes=("GM0148",)), titel="t", eenheid="aantal").to_dict()
    assert _lijnstukken(spec) == {"Dalfsen": [[2017], [2019]]}
    assert "Onderbroken lijn: geen cijfer voor Dalfsen in 2018" in _ondertitel(spec)


@pytest.mark.parametrize(
    "familie",
    ["Gezondheidsmonitor Volwassenen en Ouderen", "Gezondheidsmonitor Jongvolwassenen", "Gezondheidsmonitor Jeugd"],
)
def test_de_gezondheidsmonitor_2016_2020_blijft_één_lijn(familie):
    """De Gezondheidsmonitor meet om de paar jaar (2012, 2016, 2020, 2022): een lijn 2016-2020 is het ritme van de
    enquête, geen gat."""
    reeks = _rijen(
        *[(code, j, "65+", 70.0, 1, True, familie) for code in ("GM0148", "GM0303", "NL01") for j in (2016, 2020)]
    )
    spec = grafieken.trend(reeks, titel="t", eenheid="%").to_dict()
    assert _lijnstukken(spec) == {naam: [[2016, 2020]] for naam in ("Dalfsen", "Dronten", "Nederland")}
    assert "Onderbroken" not in _ondertitel(spec)


def test_een_trendbreuk_naar_een_andere_jaarlijkse_bron_is_geen_gat():
    """Inwoners 2024 uit de Kerncijfers, 2025 uit 70072NED: een trendbreuk (andere bron), geen jaar zonder cijfer."""
    reeks = pl.concat([_aantallen(KWB, (2019, 2024)), _aantallen("CBS StatLine 70072NED", (2025,), deel=2)])
    spec = grafieken.trend(
        reeks.with_columns((pl.col("peiljaar") == 2025).alias("trendbreuk")), titel="t", eenheid="aantal"
    ).to_dict()
    assert _lijnstukken(spec) == {naam: [[2019], [2024], [2025]] for naam in ("Dalfsen", "Bronckhorst", "Dronten")}
    regels = _ondertitel(spec)
    assert "Trendbreuk 2025 (Dalfsen, Bronckhorst en Dronten): andere bron/definitie" in regels
    assert regels.endswith("Onderbroken lijn: geen cijfer voor Dalfsen, Bronckhorst en Dronten in 2020–2023")


def test_kleine_veelvouden_onderbreken_de_lijn_zoals_de_trendgrafiek():
    veelvoud = grafieken.kleine_veelvouden(GAT, titel="t", eenheid="%")
    dronten = dict(veelvoud["panelen"])["Dronten"].to_dict()
    assert len({r["reeks_id"] for r in next(iter(dronten["datasets"].values()))}) == 2
    assert (
        "Onderbroken lijn: geen cijfer voor Dalfsen in 2019, voor Dronten in 2017–2019 en 2021"
        in (veelvoud["ondertitel"])
    )


def test_de_band_van_een_vergelijkingsgroep_loopt_niet_over_een_jaar_zonder_band():
    groep = pl.DataFrame(
        {
            "peiljaar": [2014, 2015, 2016, 2017, 2018],
            "leeftijd": ["totaal"] * 5,
            "groep_naam": ["gemeenten 25.000–50.000 inwoners"] * 5,
            "groep_aantal": [40, 41, 3, 42, 42],
            "groep_minimum": [5] * 5,
            "groep_mediaan": [60.0, 61.0, 55.0, 62.0, 63.0],
            "groep_q1": [58.0, 59.0, 54.0, 60.0, 61.0],
            "groep_q3": [62.0, 63.0, 57.0, 64.0, 65.0],
            "band": [True, True, False, True, True],  # 2016: te weinig leden met een cijfer
        }
    )
    spec = grafieken.trend(GAT, titel="t", eenheid="%", groep=groep).to_dict()
    mediaan = _laag(spec, "line", strokeDash=[6, 3])
    lijnen: dict[str, list[int]] = {}
    for r in _data(spec, mediaan):
        lijnen.setdefault(r[mediaan["encoding"]["detail"]["field"]], []).append(r["peiljaar"])
    assert sorted(map(sorted, lijnen.values())) == [[2014, 2015], [2017, 2018]]


def test_titel_en_ondertitel_passen_op_een_telefoon():
    """Vega breekt een titel niet af maar kapt hem af met '…': op een telefoon (390 px) viel zo de helft van een
    trendbreuk of onderbroken lijn weg. De ondertitel staat in korte regels; een lange titel heeft op een smalle
    grafiek twee regels (een expressie op `width`), op een brede één."""
    titel = "Ervaren gezondheid (zeer) goed — Dronten (18 jaar en ouder)"
    spec = grafieken.trend(GAT, titel=titel, eenheid="%", regio="Dronten").to_dict()
    regels = _getekende_ondertitel(
        grafieken.weergave_spec(grafieken.trend(GAT, titel=titel, eenheid="%", regio="Dronten")), 300
    )
    assert len(regels) == 3 and all(len(r) <= grafieken.ONDERTITEL_TEKENS for r in regels), regels
    assert (
        _ondertitel(spec)
        == " ".join(regels)
        == (
            "Getoond: Dalfsen, Dronten en Nederland "
            "Onderbroken lijn: geen cijfer voor Dalfsen in 2019, voor Dronten in 2017–2019 en 2021"
        )
    )
    uitdrukking = spec["title"]["text"]["expr"]
    assert uitdrukking.startswith(f"width < {grafieken.SMAL} ? ")
    smal, breed = (json.loads(deel) for deel in uitdrukking.removeprefix(f"width < {grafieken.SMAL} ? ").split(" : "))
    assert breed == titel and " ".join(smal) == titel and all(len(r) <= grafieken.TITEL_TEKENS_SMAL for r in smal)
    assert grafieken.trend(GAT, titel="Bijstand", eenheid="%").to_dict()["title"]["text"] == "Bijstand"


def _getekende_ondertitel(spec: dict, breedte: int) -> list[str]:
    """De regels van de ondertitel zoals Vega ze tekent bij een plotvlak van `breedte` px (SVG van vl-convert)."""
    import re

    import vl_convert

    svg = vl_convert.vegalite_to_svg({**spec, "width": breedte})
    groep = re.search(r'class="[^"]*role-title-subtitle[^"]*".*?</g>', svg, re.S)
    return re.findall(r">([^<>]+)</(?:tspan|text)>", groep.group(0)) if groep else []


def test_ondertitel_staat_op_een_breed_scherm_in_lange_regels():
    """Op een breed scherm stond de ondertitel als smalle kolom van 46 tekens boven een grafiek van 900 px (sessie 12:
    'cramped'). Nu naar de breedte van het plotvlak: op een telefoon korte regels, breder langere (ONDERTITEL_BREED),
    op het papier van de raadsrapportage (560 px) daartussen; elke tekst blijft heel."""
    spec = grafieken.weergave_spec(grafieken.trend(GAT, titel="Eenzaam", eenheid="%", regio="Dronten"))
    tekst = "Getoond: Dalfsen, Dronten en Nederland Onderbroken lijn: geen cijfer voor Dalfsen in 2019, voor Dronten in 2017–2019 en 2021"
    telefoon, papier, scherm = (_getekende_ondertitel(spec, b) for b in (300, 560, 1000))
    assert [" ".join(r) for r in (telefoon, papier, scherm)] == [tekst] * 3
    assert len(telefoon) == 3 and all(len(r) <= grafieken.ONDERTITEL_TEKENS for r in telefoon)
    assert len(papier) == 3 and max(map(len, papier)) > grafieken.ONDERTITEL_TEKENS
    assert scherm == [
        "Getoond: Dalfsen, Dronten en Nederland",
        "Onderbroken lijn: geen cijfer voor Dalfsen in 2019, voor Dronten in 2017–2019 en 2021",
    ]
    # past alles op een telefoon, dan gewoon de regels (geen expressie)
    kort = grafieken.weergave_spec(
        grafieken.trend(GAT.filter(pl.col("regio_naam") == "Nederland"), titel="E", eenheid="%")
    )
    assert isinstance(kort["title"]["subtitle"], list)


def test_jaren_als_tekst():
    from kompas.teksten import jaren_tekst

    assert jaren_tekst([2017, 2018, 2019, 2021]) == "2017–2019 en 2021"
    assert jaren_tekst([2016, 2020]) == "2016 en 2020"
    assert jaren_tekst([2019]) == "2019"
    assert jaren_tekst([2012, 2013, 2016, 2017, 2018]) == "2012, 2013 en 2016–2018"


def test_trendbreuk_staat_in_de_grafiek_en_in_de_ondertitel():
    spec = grafieken.trend(REEKS, titel="t", eenheid="%", regio="Dalfsen").to_dict()
    tekst = _laag(spec, "text", angle=270)
    assert [r["peiljaar"] for r in _data(spec, tekst)] == [2023]
    assert (
        "Trendbreuk 2023 (Dalfsen): andere bron/definitie: gemeente Dalfsen (daarvoor "
        "Gezondheidsmonitor Volwassenen en Ouderen)"
    ) in _ondertitel(spec)


def _legendalaag(spec) -> dict:
    """De laag die de legenda maakt: alle stijlkanalen op regio_naam, met een legenda."""
    lagen = [
        laag
        for laag in spec["layer"]
        if any(
            isinstance(enc, dict) and enc.get("field") == "regio_naam" and enc.get("legend") is not None
            for enc in laag.get("encoding", {}).values()
        )
    ]
    assert len(lagen) == 1, "precies één laag geeft de legenda"
    return lagen[0]


def _stijlen(spec) -> dict[str, tuple]:
    """Per regio (kleur, vorm van de marker, streep van de lijn), zoals getekend."""
    punten = _data(spec, _laag(spec, "point", filled=True, size=90))
    streep = _laag(spec, "line")["encoding"]["strokeDash"]["scale"]
    strepen = dict(zip(streep["domain"], map(tuple, streep["range"])))
    return {r["regio_naam"]: (r["stijl_kleur"], r["stijl_vorm"], strepen[r["regio_naam"]]) for r in punten}


def test_elke_reeks_heeft_een_eigen_kleur_vorm_en_streep():
    reeks = pl.concat([REEKS, _rijen(("PV23", 2020, "18+", 80.5, 1, True, GM))])
    spec = grafieken.trend(reeks, titel="t", eenheid="%").to_dict()
    stijlen = _stijlen(spec)
    kleuren = {naam: s[0] for naam, s in stijlen.items()}
    assert _legendalaag(spec)["encoding"]["fill"]["scale"]["domain"] == [
        "Dalfsen",
        "GGD IJsselland",
        "Overijssel",
        "Nederland",
    ]  # legendavolgorde: gemeente, GGD, provincie, NL
    assert kleuren["Dalfsen"] == "#0072B2" and kleuren["Nederland"] == "#000000"
    assert kleuren["GGD IJsselland"] != kleuren["Dalfsen"]  # niet meer allebei blauw
    # eigen kleur en eigen vorm per reeks; de streep onderscheidt de neutrale reeksen (Nederland en de gemeente
    # zijn beide doorgetrokken: zwart met vierkanten tegenover een kleur)
    assert len(set(kleuren.values())) == len({s[1] for s in stijlen.values()}) == 4
    assert stijlen["Nederland"][1:] == ("square", ())
    assert stijlen["GGD IJsselland"][1] == "triangle-up" and stijlen["GGD IJsselland"][2] != ()
    assert stijlen["Overijssel"][1:] == ("diamond", (2, 2))
    # de lijn heeft dezelfde kleur als haar markers
    assert _laag(spec, "line")["encoding"]["stroke"] == {"field": "stijl_kleur", "type": "nominal", "scale": None}


def test_stijl_hangt_af_van_code_en_soort_niet_van_de_naam():
    hernoemd = REEKS.with_columns(pl.col("regio_naam").replace({"GGD IJsselland": "GGD IJsselland (nieuwe naam)"}))
    spec = grafieken.trend(hernoemd, titel="t", eenheid="%").to_dict()
    assert _stijlen(spec)["GGD IJsselland (nieuwe naam)"][0] == "#4D4D4D"
    stijlen = grafieken.reeks_stijlen(
        [(c, "gemeente", REGIO[c][3], REGIO[c][4]) for c in ("GM0148", "GM1876", "GM0303")]
        + [
            ("GG1009", "ggd_regio"),
            ("GG1413", "ggd_regio"),
            ("GG2209", "ggd_regio"),
            ("PV23", "provincie"),
            ("PV25", "provincie"),
            ("NL01", "land"),
            ("XX01", "gemeentegrootteklasse"),
            ("GM9999", "gemeente", None, None),
        ]
    )
    assert [stijlen[c].kleur for c in ("GM0148", "GM1876", "GM0303")] == ["#0072B2", "#E69F00", "#009E73"]
    assert stijlen["GM9999"].kleur not in ("#0072B2", "#E69F00", "#009E73")  # zonder eigen kleur: een vrije
    patronen = [(s.kleur, s.vorm, s.streep) for s in stijlen.values()]
    assert len(set(patronen)) == len(patronen)  # geen twee reeksen hetzelfde
    neutraal = [stijlen[c] for c in ("GG1009", "GG1413", "PV23", "NL01", "XX01")]
    assert all(s.kleur in ("#000000", "#4D4D4D", "#767676", "#5E5E5E") for s in neutraal)
    assert all(s.vorm in grafieken.VORMEN for s in stijlen.values())


def test_legenda_is_niet_doorzichtig_en_toont_lijn_streep_en_marker():
    spec = grafieken.trend(REEKS, titel="t", eenheid="%", regio="Dalfsen").to_dict()
    legendalaag = _legendalaag(spec)
    kanalen = {k: enc for k, enc in legendalaag["encoding"].items() if isinstance(enc, dict) and "legend" in enc}
    # één legenda: vulling, lijnkleur, streep en symbool op hetzelfde veld, met dezelfde titel en domein
    assert set(kanalen) == {"fill", "stroke", "strokeDash", "shape"}
    assert {enc["legend"]["title"] for enc in kanalen.values()} == {"Regio"}
    assert all(enc["legend"]["symbolOpacity"] == 1 for enc in kanalen.values())
    assert len({tuple(enc["scale"]["domain"]) for enc in kanalen.values()}) == 1
    assert "opacity" not in legendalaag["mark"]  # niets doorzichtigs dat de legenda overneemt
    # het symbool is een stukje lijn met de marker erop
    assert all(pad.startswith("M-1,0H1M") for pad in kanalen["shape"]["scale"]["range"])
    # eigen schalen per laag, zodat de getekende lagen de legenda niet opsplitsen (Vega-Lite 6.5 in Streamlit)
    assert spec["resolve"]["scale"] == dict.fromkeys(("fill", "stroke", "shape", "strokeDash"), "independent")
    # de andere lagen dragen geen legenda, en wat doorzichtig is gebruikt fillOpacity/strokeOpacity
    for laag in spec["layer"]:
        if laag is not legendalaag:
            assert not any(
                isinstance(enc, dict) and enc.get("legend") not in (None, "geen") and enc.get("field") == "regio_naam"
                for enc in laag.get("encoding", {}).values()
            )
        if isinstance(laag["mark"], dict):
            assert "opacity" not in laag["mark"] or laag["mark"]["opacity"] == 1


def test_y_as_heeft_de_eenheid_van_de_cijfers_uit_de_registry():
    reeks = REEKS.with_columns(pl.lit("per 1.000 inwoners").alias("eenheid"))
    # de pagina gaf vroeger de eenheid uit het kader mee ('%'); de cijfers zijn per 1.000 inwoners
    spec = grafieken.trend(reeks, titel="Wmo-cliënten per 1.000 inwoners", eenheid="%", decimalen=0).to_dict()
    assert _laag(spec, "line")["encoding"]["y"]["axis"]["title"] == "per 1.000 inwoners"
    tooltip = {t["field"]: t["title"] for t in _laag(spec, "point", filled=True, size=90)["encoding"]["tooltip"]}
    assert tooltip["waarde_tekst"] == "per 1.000 inwoners"
    (_, paneel), *_ = grafieken.kleine_veelvouden(reeks, titel="t", eenheid="%")["panelen"]
    assert paneel.to_dict()["layer"][1]["encoding"]["y"]["axis"]["title"] == "per 1.000 inwoners"


def test_ondertitel_zegt_wat_getekend_is_als_de_gemeente_geen_gegevens_heeft():
    alleen_regio = REEKS.filter(pl.col("regio_code") != "GM0148")
    spec = grafieken.trend(alleen_regio, titel="Ervaren gezondheid — Dalfsen", eenheid="%", regio="Dalfsen").to_dict()
    assert _ondertitel(spec).startswith("Dalfsen: geen gegevens; getoond: GGD IJsselland en Nederland")
    alleen_nl = REEKS.filter(pl.col("regio_code") == "NL01")
    spec = grafieken.trend(alleen_nl, titel="t", eenheid="%", regio="Dalfsen").to_dict()
    assert _ondertitel(spec).startswith("Dalfsen: geen gegevens; getoond: Nederland")


def test_grafiek_ondertitel_noemt_getoonde_regios_leeftijdsgroepen_en_trendbreuken():
    assert grafiek_ondertitel("Dalfsen", ["GGD IJsselland", "Nederland"], []) == [
        "Dalfsen: geen gegevens; getoond: GGD IJsselland en Nederland"
    ]
    assert grafiek_ondertitel("Dronten", ["Dronten", "GGD Flevoland", "Nederland"], [], ["18+"]) == [
        "Getoond: Dronten, GGD Flevoland en Nederland"
    ]
    assert grafiek_ondertitel("Dalfsen", ["Dalfsen", "Nederland"], [], ["19+", "18+"])[1] == (
        "Leeftijdsgroepen 19+ en 18+: aparte lijnen (andere definitie)"
    )
    breuken = [
        {"regio_naam": "Nederland", "peiljaar": 2023, "van": GM, "naar": "gemeente Dronten"},
        {"regio_naam": "Dronten", "peiljaar": 2023, "van": GM, "naar": "gemeente Dronten"},
        {"regio_naam": "Dronten", "peiljaar": 2025, "van": "gemeente Dronten", "naar": "upload (eigen registratie)"},
    ]
    assert grafiek_ondertitel("Dronten", ["Dronten", "Nederland"], breuken)[1:] == [
        f"Trendbreuk 2023 (Dronten en Nederland): andere bron/definitie: gemeente Dronten (daarvoor {GM})",
        "Trendbreuk 2025 (Dronten): andere bron/definitie: upload (eigen registratie) (daarvoor gemeente Dronten)",
    ]
    assert grafiek_ondertitel(None, [], [{"regio_naam": "Nederland", "peiljaar": 2019}]) == [
        "Trendbreuk 2019 (Nederland): andere bron/definitie"
    ]
    assert opsomming(["a"]) == "a" and opsomming([]) == "" and opsomming(["a", "b", "c"]) == "a, b en c"


def test_de_noot_over_een_onderbroken_lijn_noemt_regios_met_dezelfde_jaren_samen():
    gat = [2020, 2021, 2022, 2023]
    onderbrekingen = [
        {"regio_naam": "Dalfsen", "jaren": gat},
        {"regio_naam": "Bronckhorst", "jaren": [2021]},
        {"regio_naam": "Dronten", "jaren": gat},
    ]
    assert grafiek_ondertitel(None, [], [], onderbrekingen=onderbrekingen) == [
        "Onderbroken lijn: geen cijfer voor Dalfsen en Dronten in 2020–2023, voor Bronckhorst in 2021"
    ]


def test_tabel_zegt_welke_waarden_in_de_grafiek_staan():
    assert grafiek_tekst({"waarde": 79.1, "in_grafiek": True, "trendbreuk": False}) == "ja"
    assert grafiek_tekst({"waarde": 79.0, "in_grafiek": False}) == (
        "nee (een andere waarde voor dit jaar staat in de grafiek)"
    )
    assert (
        grafiek_tekst({"waarde": 80.0, "in_grafiek": True, "trendbreuk": True, "bronfamilie": "gemeente Dalfsen"})
        == "ja, trendbreuk: andere bron/definitie (gemeente Dalfsen)"
    )


def test_kleur_en_vorm_van_een_gemeente_komen_uit_de_data_niet_uit_de_code():
    """Een andere kleur en vorm in de gegevens (data/regio.csv -> regio_kleur, regio_vorm) is wat getekend wordt;
    Nederland, GGD-regio en provincie houden hun stijl naar soort."""
    anders = REEKS.with_columns(
        pl.when(pl.col("regio_code") == "GM0148")
        .then(pl.lit("#CC79A7"))
        .otherwise(pl.col("regio_kleur"))
        .alias("regio_kleur"),
        pl.when(pl.col("regio_code") == "GM0148")
        .then(pl.lit("diamond"))
        .otherwise(pl.col("regio_vorm"))
        .alias("regio_vorm"),
    )
    for spec in (
        grafieken.trend(anders, titel="t", eenheid="%").to_dict(),
        grafieken.kleine_veelvouden(anders, titel="t", eenheid="%")["panelen"][0][1].to_dict(),
    ):
        punten = [
            r
            for rijen in spec["datasets"].values()
            for r in rijen
            if r.get("regio_naam") == "Dalfsen" and "stijl_kleur" in r
        ]
        assert punten and {(r["stijl_kleur"], r["stijl_vorm"]) for r in punten} == {("#CC79A7", "diamond")}
    stijlen = _stijlen(grafieken.trend(anders, titel="t", eenheid="%").to_dict())
    assert stijlen["Nederland"][:2] == ("#000000", "square") and stijlen["GGD IJsselland"][0] == "#4D4D4D"


def _gemeentestijlen_uit_data() -> list:
    """De kleur en vorm van elke gemeente in data/regio.csv (geen cijfers: de stijl die de pagina's tekenen)."""
    import csv
    from pathlib import Path

    with open(Path(__file__).resolve().parent.parent / "data" / "regio.csv", newline="", encoding="utf-8") as f:
        return [grafieken.Stijl(r["kleur"], r["vorm"]) for r in csv.DictReader(f) if r["soort"] == "gemeente"]


def test_elke_gemeente_in_de_data_heeft_een_eigen_kleur_en_een_bekende_vorm():
    stijlen = _gemeentestijlen_uit_data()
    assert stijlen and len({s.kleur.upper() for s in stijlen}) == len(stijlen)
    assert all(s.vorm in grafieken.VORMEN for s in stijlen)


@pytest.mark.parametrize(
    "stijl",
    [
        *_gemeentestijlen_uit_data(),
        *grafieken.EXTRA_GEMEENTE_STIJLEN,
        *(s for v in grafieken.NEUTRALE_STIJLEN.values() for s in v),
        *grafieken.ANDERE_STIJLEN,
    ],
)
def test_elke_reeks_haalt_contrast_3_op_1_tegen_wit(stijl):
    """WCAG 1.4.11: elke lijn haalt 3:1, of haar markers hebben een rand die het haalt (Bronckhorst #E69F00)."""
    assert grafieken.contrast(stijl.rand) >= 3.0
    if grafieken.contrast(stijl.kleur) < 3.0:
        assert grafieken.contrast(stijl.rand) >= 4.5 and stijl.rand != stijl.kleur.upper()


def test_contrast_van_bekende_kleuren_en_de_donkere_rand_van_bronckhorst():
    assert grafieken.contrast("#000000") == pytest.approx(21.0)
    assert grafieken.contrast("#767676") == pytest.approx(4.54, abs=0.01)
    assert grafieken.contrast("#E69F00") == pytest.approx(2.25, abs=0.01)  # Bronckhorst haalt 3:1 niet zelf
    assert grafieken.Stijl("#E69F00", "triangle-down").rand == "#966700"


def test_x_as_heeft_alleen_hele_jaren():
    spec = grafieken.trend(REEKS, titel="t", eenheid="%").to_dict()
    assert _laag(spec, "line")["encoding"]["x"]["axis"]["values"] == list(range(2016, 2024))


def test_kleine_veelvouden_noemen_een_gekozen_regio_zonder_gegevens():
    veelvoud = grafieken.kleine_veelvouden(REEKS, titel="t", eenheid="%", regios=["Dalfsen", "Bronckhorst", "Dronten"])
    assert [naam for naam, _ in veelvoud["panelen"]] == ["Dalfsen", "GGD IJsselland", "Nederland"]
    assert veelvoud["ondertitel"][0] == "Geen gegevens voor Bronckhorst en Dronten"
    assert not any(
        r.startswith("Geen gegevens")
        for r in grafieken.kleine_veelvouden(REEKS, titel="t", eenheid="%", regios=["Dalfsen"])["ondertitel"]
    )


def test_kleine_veelvouden_delen_de_schaal_en_breken_bij_een_andere_bron():
    veelvoud = grafieken.kleine_veelvouden(REEKS, titel="t", eenheid="%")
    # losse panelen (die op een smal scherm doorlopen op een volgende rij), op legendavolgorde
    assert [naam for naam, _ in veelvoud["panelen"]] == ["Dalfsen", "GGD IJsselland", "Nederland"]
    specs = [paneel.to_dict() for _, paneel in veelvoud["panelen"]]
    # dezelfde schaal: elk paneel hetzelfde domein, met de intervalgrenzen erin
    domeinen = [
        (sp["layer"][1]["encoding"]["x"]["scale"]["domain"], sp["layer"][1]["encoding"]["y"]["scale"]["domain"])
        for sp in specs
    ]
    assert all(d == domeinen[0] for d in domeinen)
    alle = REEKS.filter(pl.col("waarde").is_not_null())
    _, (y_laag, y_hoog) = domeinen[0]
    assert y_laag <= alle["ondergrens"].drop_nulls().min() and y_hoog >= alle["bovengrens"].max()
    assert all(sp["width"] == 200 for sp in specs)  # een vaste breedte: op 390 px past er één per rij
    lijn = next(laag for laag in specs[0]["layer"] if _mark(laag) == "line")
    assert lijn["encoding"]["detail"]["field"] == "reeks_id"
    assert lijn["encoding"]["strokeDash"]["field"] == "leeftijd"
    nl = next(iter(specs[2]["datasets"].values()))
    assert [(r["regio_code"], r["peiljaar"]) for r in nl].count(("NL01", 2020)) == 1
    assert {r["regio_code"] for r in nl} == {"NL01"}
    assert veelvoud["ondertitel"][0].startswith("Trendbreuk 2023 (Dalfsen)")


# inwoners: een aantal. Nederland (18 miljoen) op dezelfde as drukte de gemeenten plat op de nullijn.
AANTAL = _rijen(
    ("GM0148", 2019, "totaal", 28500.0, 1, True, NIET_JAARLIJKS),
    ("GM0148", 2024, "totaal", 29900.0, 1, True, NIET_JAARLIJKS),
    ("GM0303", 2024, "totaal", 43000.0, 1, True, NIET_JAARLIJKS),
    ("GG1009", 2024, "totaal", 540000.0, 1, True, NIET_JAARLIJKS),
    ("NL01", 2019, "totaal", 17300000.0, 1, True, NIET_JAARLIJKS),
    ("NL01", 2024, "totaal", 17900000.0, 1, True, NIET_JAARLIJKS),
).with_columns(pl.lit("aantal").alias("eenheid"), pl.lit(None, pl.Float64).alias("ondergrens"))


def test_een_aantal_tekent_geen_nederland_en_geen_ggd_regio_naast_de_gemeenten():
    spec = grafieken.trend(AANTAL, titel="Aantal inwoners", eenheid="aantal", regio="Dalfsen").to_dict()
    getekend = {r["regio_naam"] for r in _data(spec, _laag(spec, "line"))}
    assert getekend == {"Dalfsen", "Dronten"}
    ondertitel = _ondertitel(spec)
    assert "Getoond: Dalfsen en Dronten" in ondertitel
    assert (
        "Niet getoond: GGD IJsselland en Nederland (een aantal hangt af van de grootte van de regio; de cijfers "
        "staan in de tabel)" in ondertitel
    )
    veelvoud = grafieken.kleine_veelvouden(AANTAL, titel="t", eenheid="aantal")
    assert [naam for naam, _ in veelvoud["panelen"]] == ["Dalfsen", "Dronten"]
    assert any(r.startswith("Niet getoond: GGD IJsselland en Nederland") for r in veelvoud["ondertitel"])
    # een verhoudingsgetal houdt Nederland naast de gemeenten
    procent = grafieken.trend(AANTAL.with_columns(pl.lit("%").alias("eenheid")), titel="t", eenheid="%").to_dict()
    assert "Nederland" in {r["regio_naam"] for r in _data(procent, _laag(procent, "line"))}
    # alleen Nederland heeft een cijfer: dan staat Nederland er wel
    alleen_nl = grafieken.trend(AANTAL.filter(pl.col("regio_code") == "NL01"), titel="t", eenheid="aantal").to_dict()
    assert {r["regio_naam"] for r in _data(alleen_nl, _laag(alleen_nl, "line"))} == {"Nederland"}


def test_weergave_schrijft_getallen_met_een_decimale_komma():
    spec = grafieken.voor_weergave(grafieken.trend(REEKS, titel="t", eenheid="%")).to_dict()
    assert spec["config"]["locale"]["number"]["decimal"] == ","


def test_markeringen_buiten_de_toegankelijkheidsboom():
    """Geen naamloze 'graphics-symbol'-groepen (axe: svg-img-alt); de grafiek heeft zelf een naam en een tabel."""
    (_, paneel), *_ = grafieken.kleine_veelvouden(REEKS, titel="t", eenheid="%")["panelen"]
    for spec in (
        grafieken.voor_weergave(grafieken.trend(REEKS, titel="t", eenheid="%")).to_dict(),
        grafieken.voor_weergave(paneel).to_dict(),
    ):
        assert all(spec["config"][soort]["aria"] is False for soort in ("line", "point", "rule", "area", "text"))
        assert "mark" not in spec["config"]  # de grafiek zelf houdt haar rol en naam


def test_de_grafiekcache_ziet_elke_rij_ook_midden_in_een_lange_reeks():
    """De gecachte specificatie (kompas.weergave) hoort bij precies deze cijfers. Streamlit's eigen sleutel van
    een polars-frame kijkt alleen naar de eerste en laatste tien rijen: een ververst cijfer midden in een reeks gaf
    dan de oude grafiek terug, met het oude cijfer."""
    from kompas import weergave

    rijen = [("GM0148", jaar, "18+", 70.0 + (jaar - 1990) / 10, 1, True, GM) for jaar in range(1990, 2030)]
    oud = _rijen(*rijen)
    nieuw = oud.with_columns(
        waarde=pl.when(pl.col("peiljaar") == 2010).then(99.9).otherwise(pl.col("waarde")),
    )
    opties = {"titel": "t", "eenheid": "%", "decimalen": 1, "nulmeting": None, "streefwaarden": None, "regio": None}

    def waarden_2010(spec: dict) -> set:
        import pyarrow as pa

        uit = set()
        for data in spec["datasets"].values():
            for rij in pa.ipc.open_stream(data).read_all().to_pylist():
                if rij.get("peiljaar") == 2010 and rij.get("waarde") is not None:
                    uit.add(rij["waarde"])
        return uit

    assert 70.0 + 2.0 in waarden_2010(weergave._trend_spec(oud, opties))
    assert 99.9 in waarden_2010(weergave._trend_spec(nieuw, opties))


def _vakken(svg: str) -> tuple[list[tuple[float, float, float, float]], list[tuple[float, float, float, float]]]:
    """Uit een SVG van vl-convert: de vakken (x0, y0, x1, y1, in px) van de getekende markers van de regio's en van
    de labels 'trendbreuk' (verticale tekst; de lengte geschat op 0,6 x de letterhoogte per teken)."""
    import re

    punten = []
    # alleen de paden direct in de groep (een lege laag, zoals die van de legenda, sluit niet meteen af)
    for groep in re.finditer(r'<g class="mark-symbol role-mark[^"]*"[^>]*>((?:(?!<g).)*?)</g>', svg, re.S):
        for x, y in re.findall(r'transform="translate\(([-\d.]+),([-\d.]+)\)" d="M', groep.group(1)):
            punten.append((float(x) - 6, float(y) - 6, float(x) + 6, float(y) + 6))
    labels = []
    patroon = (
        r'<text[^>]*text-anchor="(\w+)" transform="translate\(([-\d.]+),([-\d.]+)\) rotate\(270\)'
        r'(?: translate\(([-\d.]+),([-\d.]+)\))?"[^>]*font-size="([\d.]+)px"[^>]*>trendbreuk</text>'
    )
    for anker, x, y, tx, ty, grootte in re.findall(patroon, svg):
        x, y, tx, ty, grootte = float(x), float(y), float(tx or 0), float(ty or 0), float(grootte)
        lengte = 0.6 * grootte * len("trendbreuk")
        van = {"end": -lengte, "middle": -lengte / 2, "start": 0.0}[anker]
        # rotate(270): (u, v) in de tekst -> (v, -u) op het scherm; de tekst ligt op v in [-grootte, 0]
        labels.append((x + ty - grootte, y - (tx + van + lengte), x + ty, y - (tx + van)))
    return punten, labels


def _overlapt(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("breedte", [300, 600])
def test_label_trendbreuk_valt_niet_over_een_cijfer(breedte):
    """Problematische schulden, Dronten (sessie 13): trendbreuken in 2023 en 2024, en Nederland staat die jaren
    bovenaan de grafiek. Het label 'trendbreuk' stond altijd boven langs de streep, dus over het vierkantje van
    Nederland. Het label staat nu waar dat jaar geen cijfer staat."""
    import vl_convert

    cbs, dronten = "CBS", "gemeente Dronten"
    reeks = _rijen(
        ("NL01", 2015, "totaal", 8.6, 1, True, cbs),
        ("NL01", 2018, "totaal", 8.3, 1, True, cbs),
        ("NL01", 2020, "totaal", 7.6, 1, True, cbs),
        ("NL01", 2023, "totaal", 8.8, 2, True, dronten),
        ("NL01", 2024, "totaal", 8.9, 3, True, cbs),
        ("GM0303", 2020, "totaal", 6.7, 1, True, cbs),
        ("GM0303", 2023, "totaal", 7.7, 2, True, dronten),
        ("GM0303", 2024, "totaal", 7.9, 3, True, cbs),
    ).with_columns(ondergrens=None, bovengrens=None)
    spec = grafieken.weergave_spec(grafieken.trend(reeks, titel="Schulden", eenheid="%", regio="Dronten"))
    punten, labels = _vakken(vl_convert.vegalite_to_svg({**spec, "width": breedte}))
    assert len(punten) == 8 and len(labels) == 2, (punten, labels)
    assert [(p, l) for p in punten for l in labels if _overlapt(p, l)] == []


@pytest.mark.parametrize("breedte", [300, 600])
def test_label_trendbreuk_valt_niet_over_een_interval(breedte):
    """Ook met 95%-intervallen (een verticale streep per cijfer) staat het label naast wat er dat jaar getekend is."""
    import vl_convert

    spec = grafieken.weergave_spec(grafieken.trend(REEKS, titel="t", eenheid="%", regio="Dalfsen"))
    svg = vl_convert.vegalite_to_svg({**spec, "width": breedte})
    punten, labels = _vakken(svg)
    assert len(labels) == 1, labels
    assert [(p, l) for p in punten for l in labels if _overlapt(p, l)] == []
    # het interval van Dalfsen 2023 (78,5-81,5) ligt onder of boven het label, niet ernaast
    plaats = dict(_data(spec, _laag(spec, "text", angle=270))[0])
    assert plaats["peiljaar"] == 2023 and not 78.5 <= plaats["waarde"] <= 81.5, plaats


def test_label_trendbreuk_als_alle_cijfers_even_hoog_zijn():
    """Nederland 2022 en 2023 allebei 70% (twee bronnen): geen lege plek op de streep om te kiezen; het label staat
    dan boven langs de streep, niet op het cijfer."""
    import vl_convert

    reeks = _rijen(
        ("NL01", 2022, "18+", 70.0, 1, True, GM), ("NL01", 2023, "18+", 70.0, 2, True, "gemeente Dronten")
    ).with_columns(ondergrens=None, bovengrens=None)
    spec = grafieken.weergave_spec(grafieken.trend(reeks, titel="t", eenheid="%", regio="Nederland"))
    punten, labels = _vakken(vl_convert.vegalite_to_svg({**spec, "width": 300}))
    assert len(punten) == 2 and len(labels) == 1, (punten, labels)
    assert [(p, l) for p in punten for l in labels if _overlapt(p, l)] == []


def _plotvlak_en_punten(svg: str) -> tuple[tuple[float, float], list[tuple[float, float]]]:
    """De breedte en hoogte van het plotvlak en de middens van de markers van de regio's (SVG van vl-convert)."""
    import re

    vlakken = re.findall(r'class="background"[^>]*d="M0,0h([\d.]+)v([\d.]+)h', svg)
    breedte, hoogte = max(((float(b), float(h)) for b, h in vlakken), key=lambda v: v[0] * v[1])
    punten, _ = _vakken(svg)
    return (breedte, hoogte), [((x0 + x1) / 2, (y0 + y1) / 2) for x0, y0, x1, y1 in punten]


@pytest.mark.parametrize("breedte", [300, 600])
def test_geen_cijfer_op_de_rand_van_de_grafiek(breedte):
    """Eenzaam, 18+ (pagina Indicator): GGD Noord- en Oost-Gelderland 2020 = 44 was het laagste cijfer en Vega rondde
    de as af op precies 44, zodat het driehoekje half op de x-as lag; het eerste en laatste jaar lagen op de linker-
    en rechterrand. Elk cijfer staat nu minstens een halve marker binnen het plotvlak."""
    import vl_convert

    reeks = _rijen(
        ("NL01", 2020, "18+", 46.6, 1, True, GM),
        ("NL01", 2022, "18+", 48.6, 1, True, GM),
        ("GG1009", 2020, "18+", 44.0, 1, True, GM),
    ).with_columns(ondergrens=None, bovengrens=None)
    spec = grafieken.weergave_spec(grafieken.trend(reeks, titel="Eenzaam", eenheid="%", regio="Nederland"))
    (w, h), punten = _plotvlak_en_punten(vl_convert.vegalite_to_svg({**spec, "width": breedte}))
    assert len(punten) == 3
    assert all(6 <= x <= w - 6 and 6 <= y <= h - 6 for x, y in punten), (w, h, punten)


def test_geen_cijfer_op_de_rand_van_een_paneel():
    """Vergelijken, ervaren gezondheid: Nederland 2022 = 70 was het laagste cijfer van alle panelen en lag op de x-as
    van het paneel. Ook met het gedeelde bereik van de panelen staat elk cijfer binnen het plotvlak."""
    import vl_convert

    reeks = _rijen(
        ("NL01", 2016, "18+", 75.6, 1, True, GM),
        ("NL01", 2022, "18+", 70.0, 1, True, GM),
        ("GM0303", 2016, "18+", 80.7, 1, True, GM),
    ).with_columns(ondergrens=None, bovengrens=None)
    for _, paneel in grafieken.kleine_veelvouden(reeks, titel="t", eenheid="%")["panelen"]:
        (w, h), punten = _plotvlak_en_punten(vl_convert.vegalite_to_svg(grafieken.weergave_spec(paneel)))
        assert punten and all(6 <= x <= w - 6 and 6 <= y <= h - 6 for x, y in punten), (w, h, punten)


def test_label_trendbreuk_houdt_ruimte_voor_de_tekst_van_de_nulmeting():
    """De nulmeting van een kader staat vaak in het jaar van de trendbreuk (het kaderdocument zelf is de nieuwe bron),
    met de tekst 'nulmeting 2023' boven haar vierkantje. Boven de nulmeting is zonder die tekst meer plaats (70-83,
    nulmeting 76), met de tekst niet meer: het label komt eronder."""
    reeks = _rijen(("GM0148", 2020, "18+", 70.0, 1, True, GM), ("GM0148", 2021, "18+", 83.0, 1, True, GM))
    data = reeks.with_columns(ondergrens=None, bovengrens=None)
    bezet, waarden = grafieken._bezet_per_jaar(data, {"jaar": 2023, "waarde": 76.0}, None)
    assert bezet[2023] == [(76.0, 76.0, grafieken.NULMETING_TEKST_PX)]
    [(jaar, plek)] = grafieken.breuklabel_plekken([2023], bezet, min(waarden), max(waarden))
    assert jaar == 2023 and 70 < plek < 76, plek
    # zonder tekst erboven was boven de meeste plaats
    [(_, zonder)] = grafieken.breuklabel_plekken([2023], {2023: [(76.0, 76.0, 0)]}, 70.0, 83.0)
    assert zonder > 76
