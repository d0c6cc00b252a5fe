"""Wat een wethouder leest (kompas.teksten): pijlen, kleuren, oude cijfers, koppen, ontbrekend, statussen."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from kompas import teksten


def _rij(**over):
    rij = {
        "indicator_code": "x",
        "indicator_naam": "Bijstand per 1.000 inwoners",
        "eenheid": "per 1.000 inwoners",
        "decimalen": 1,
        "goede_richting": "lager",
        "indicator_soort": "registratie",
        "thema": "bijstand",
        "leeftijd": "totaal",
        "regio_naam": "Dalfsen",
        "peiljaar": 2024,
        "peildatum": None,
        "waarde": 20.0,
        "landelijk_waarde": 25.0,
        "oordeel": "beter",
        "verandering": -0.5,
        "vorige_peiljaar": 2023,
    }
    return {**rij, **over}


@pytest.mark.parametrize(
    ("verandering", "richting", "pijl", "kleur"),
    [
        (-9.2, "hoger", "down", "red"),  # Dronten ervaren gezondheid: daling is slecht -> pijl omlaag, rood
        (-0.5, "lager", "down", "green"),  # een daling van de bijstand is goed -> pijl omlaag, groen
        (0.2, "lager", "up", "red"),  # meer problematische schulden -> pijl omhoog, rood
        (1.0, "hoger", "up", "green"),
        (1.0, "neutraal", "up", "gray"),
        (0.04, "hoger", "off", "gray"),  # op één decimaal ±0,0: geen pijl
    ],
)
def test_pijl_volgt_het_teken_en_kleur_de_goede_richting(verandering, richting, pijl, kleur):
    uit = teksten.verandering(_rij(verandering=verandering, goede_richting=richting))
    assert (uit["pijl"], uit["kleur"]) == (pijl, kleur)
    assert uit["toelichting"] == "sinds 2023"


def test_verandering_blijft_nederlands():
    assert teksten.verandering(_rij(verandering=-9.2, eenheid="%"))["tekst"] == "−9,2 procentpunt"
    assert teksten.verandering(_rij(verandering=None)) is None


def test_tegel_markeert_een_oud_cijfer_en_zegt_de_goede_richting():
    nieuw = teksten.kaart(_rij(peiljaar=2024), huidig_jaar=2026)
    assert nieuw["toelichting"].startswith("peiljaar 2024 · Nederland 25,0 per 1.000 inwoners · beter dan landelijk")
    assert "lager is beter" in nieuw["toelichting"] and not nieuw["oud"]
    oud = teksten.kaart(_rij(peiljaar=2015), huidig_jaar=2026)
    assert oud["oud"] and oud["toelichting"].startswith("cijfer uit 2015 (ouder dan 4 jaar)")
    assert teksten.kaart(_rij(eenheid="% huishoudens", waarde=2.9), huidig_jaar=2026)["waarde"] == "2,9%"


def test_tegel_met_standdatum_zegt_geen_peiljaar_voor_de_stand():
    """'peiljaar stand 1 januari 2024' en 'cijfer uit stand 1 oktober 2020' zijn geen Nederlands."""
    rij = _rij(peiljaar=2024, peildatum=date(2024, 1, 1), peildatum_precisie="dag")
    assert teksten.kaart(rij, huidig_jaar=2026)["toelichting"].startswith("stand 1 januari 2024 · Nederland")
    oud = _rij(peiljaar=2020, peildatum=date(2020, 10, 1), peildatum_precisie="dag")
    assert teksten.kaart(oud, huidig_jaar=2026)["toelichting"].startswith(
        "cijfer van 1 oktober 2020 (ouder dan 4 jaar)"
    )


@pytest.mark.parametrize(
    ("oordeel", "grondslag", "tekst"),
    [
        # overlappende 95%-intervallen zijn geen 'gelijk': 81,1% tegenover 79,1% is niet gelijk, wel binnen de marge
        ("gelijk", "95%-intervallen", "geen significant verschil met landelijk"),
        ("gelijk", "teken van het verschil (registratie zonder interval)", "gelijk aan landelijk"),
        ("beter", "95%-intervallen", "beter dan landelijk"),
        # 'niet te zeggen' alleen laat de lezer raden waarom
        (
            "niet te zeggen",
            "enquêtecijfer zonder interval",
            "beter of slechter dan landelijk niet te zeggen (enquêtecijfer zonder foutmarge)",
        ),
        (
            "niet te zeggen",
            "geen goede richting (neutraal)",
            "geen oordeel: hoger of lager is hier niet beter of slechter",
        ),
    ],
)
def test_tegel_zegt_waarop_het_oordeel_rust(oordeel, grondslag, tekst):
    rij = _rij(oordeel=oordeel, oordeel_grondslag=grondslag)
    delen = teksten.kaart(rij, huidig_jaar=2026)["toelichting"].split(" · ")
    assert delen[2] == tekst


def test_tegel_van_een_aantal_zegt_waarom_er_geen_vergelijking_met_nederland_is():
    """Een aantal krijgt geen landelijke waarde (marts/05): de tegel zegt niet 'geen landelijk cijfer', want Nederland
    heeft er wel een, maar waarom het niet naast Nederland staat."""
    rij = _rij(
        eenheid="aantal",
        decimalen=0,
        waarde=300,
        landelijk_waarde=None,
        oordeel="niet te zeggen",
        oordeel_grondslag="aantal (hangt af van de grootte van de regio)",
    )
    delen = teksten.kaart(rij, huidig_jaar=2026)["toelichting"].split(" · ")
    assert delen[1] == "geen vergelijking met Nederland: een aantal hangt af van de grootte van de gemeente"
    assert teksten.oordeel_tekst(rij) == delen[1]


def test_verandering_noemt_de_peildatum_van_de_vorige_meting():
    assert teksten.verandering(_rij())["toelichting"] == "sinds 2023"
    stand = _rij(vorige_peiljaar=2020, vorige_peildatum=date(2020, 10, 1), vorige_peildatum_precisie=None)
    assert teksten.verandering(stand)["toelichting"] == "sinds 1 oktober 2020"
    maand = _rij(vorige_peiljaar=2017, vorige_peildatum=date(2017, 3, 1), vorige_peildatum_precisie="maand")
    assert teksten.verandering(maand)["toelichting"] == "sinds maart 2017"


def test_kop_herhaalt_zich_niet():
    assert (
        teksten.indicator_kop("Bijstand per 1.000 inwoners", "per 1.000 inwoners", "totaal")
        == "Bijstand per 1.000 inwoners"
    )
    assert (
        teksten.indicator_kop("Bijstand per 1.000 inwoners 18+ (BBV)", "per 1.000 inwoners 18+", "18+")
        == "Bijstand per 1.000 inwoners 18+ (BBV)"
    )
    assert teksten.indicator_kop("Eenzaam", "%", "65+") == "Eenzaam (65+)"
    assert (
        teksten.indicator_kop("Problematische schulden", "% huishoudens", "totaal")
        == "Problematische schulden · % huishoudens"
    )


def test_overzicht_per_thema_toont_wat_er_is_en_bundelt_wat_ontbreekt():
    rijen = [
        _rij(regio_naam="Dalfsen", waarde=None),
        _rij(regio_naam="Dronten", waarde=20.0),
        _rij(
            indicator_code="y",
            indicator_naam="Huishoudens met bijstand",
            eenheid="% huishoudens",
            regio_naam="Dalfsen",
            waarde=None,
        ),
        _rij(
            indicator_code="y",
            indicator_naam="Huishoudens met bijstand",
            eenheid="% huishoudens",
            regio_naam="Dronten",
            waarde=None,
            indicator_soort="eigen registratie",
        ),
    ]
    [thema] = teksten.overzicht_per_thema(pl.DataFrame(rijen), ["Dalfsen", "Dronten"])
    assert [i["indicator_code"] for i in thema["indicatoren"]] == ["x"]  # y heeft geen enkel cijfer
    assert [r and r["regio_naam"] for r in thema["indicatoren"][0]["rijen"]] == [None, "Dronten"]
    regel = thema["ontbrekend"]
    assert regel.startswith(
        "Nog geen cijfer voor: Bijstand per 1.000 inwoners (Dalfsen); "
        "Huishoudens met bijstand (alle gekozen gemeenten)."
    )
    assert "beheerder" in regel and "Cijfers uploaden" in regel
    assert "python" not in regel and "refresh" not in regel  # geen opdrachtregels voor een wethouder


def test_hoe_aanvullen_zonder_opdrachtregel():
    for soort in ("registratie", "enquête", "eigen registratie"):
        tekst = teksten.hoe_aanvullen(soort, "85012NED")
        assert "python" not in tekst and "loaders" not in tekst and "Cijfers uploaden" in tekst


def test_status_met_reden_en_doelstatus():
    assert (
        teksten.status_tekst("nog niet te beoordelen", "nog geen meting na de nulmeting", 2025)
        == "nog niet te beoordelen: nog geen meting na de nulmeting (2025)"
    )
    assert teksten.status_tekst("op koers", icoon=True) == ":green[:material/check_circle:] op koers"
    assert teksten.doel_status_tekst("risico", 2, 3) == "risico (2 van 3 indicatoren beoordeeld)"
    assert teksten.doel_status_tekst("nog niet te beoordelen", 0, 0) == "nog niet te beoordelen: geen indicatoren"
    assert teksten.looptijd_tekst(2019, 2022, 2026) == "looptijd 2019–2022, verlopen"
    assert teksten.looptijd_tekst(2026, 2026, 2026) == "looptijd 2026"


def test_streefwaarde_gelezen_tekst_in_woorden_en_nederlandse_getallen():
    """Hoe een streefwaarde gelezen is, naast de tekst zoals de gemeente die schreef (raadsrapportage)."""
    assert teksten.streefwaarde_gelezen_tekst({"soort": "minimaal", "waarde": 30.0}, "%", 1) == "minimaal 30,0%"
    assert teksten.streefwaarde_gelezen_tekst({"soort": "punt", "waarde": 1240.0}, "aantal", 0) == "1.240"
    assert (
        teksten.streefwaarde_gelezen_tekst({"soort": "band", "ondergrens": 65.0, "bovengrens": 70.0}, "%", 0)
        == "tussen 65 en 70%"
    )
    assert teksten.streefwaarde_gelezen_tekst({"soort": "richting", "richting": "daling"}, "%", 1) == "richting: daling"


def test_significantie_van_een_registratie_is_niet_van_toepassing_in_plaats_van_niet_te_zeggen():
    """Een registratie (geen steekproef) naast Nederland: het oordeel rust op het teken van het verschil ('beter dan
    landelijk'); 'Significantie: niet te zeggen' ernaast las alsof dat oordeel onzeker was."""
    from kompas.teksten import significantie_tekst

    registratie = {"indicator_soort": "registratie", "significantie": "niet te zeggen", "landelijk_waarde": 41.3}
    assert significantie_tekst(registratie) == "niet van toepassing (registratie, geen steekproef)"
    assert significantie_tekst({**registratie, "indicator_soort": "eigen registratie"}) == (
        "niet van toepassing (registratie, geen steekproef)"
    )
    # een enquête zonder interval: echt niet te zeggen; zonder landelijk cijfer: niet te zeggen; geen: '–'
    assert significantie_tekst({**registratie, "indicator_soort": "enquête"}) == "niet te zeggen"
    assert significantie_tekst({**registratie, "landelijk_waarde": None}) == "niet te zeggen"
    assert significantie_tekst({**registratie, "significantie": None}) == "–"
    assert significantie_tekst({"indicator_soort": "enquête", "significantie": "significant hoger"}) == (
        "significant hoger"
    )
