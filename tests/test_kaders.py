"""Beleidskaders als data (data/kaders/*.toml, loaders/kaders.py): volledig, juist geladen, streng gecontroleerd."""

from __future__ import annotations

import collections
import csv
import shutil
import tomllib
from pathlib import Path

import pytest

from kompas.db import schrijf_transactie
from loaders.ingebed import bouw
from loaders.kaders import KADERS, KaderFout, bron_regelnummers, laad_kaders, lees_kaders

from dbhulp import vraag

# Uittreksel van seed_indicators.csv uit het referentiemateriaal van het project (shared/reference, de kaders,
# doelen en indicatoren in de vijf beleidsdocumenten met hun regelnummer): alleen de kolommen gemeente, document,
# indicator en seed_line, alleen de drie gemeenten, zonder de Dronter kerncijfers (doel "(kerncijfer ...)"), die
# als waarneming in data/ staan. In tests/, zodat de controle hieronder nooit afhangt van een map naast de clone.
SEEDINDICATOREN = Path(__file__).resolve().parent / "referentie" / "seedindicatoren_kaders.csv"
DRIE = ("Dalfsen", "Bronckhorst", "Dronten")

# Elke indicator van de drie gemeenten in seed_indicators.csv (zonder de Dronter kerncijfers, die als waarneming
# in data/ staan), als "<seed-bestand>:<regels zoals in de csv>:<aantal indicatoren>". Afgeleid uit de csv;
# test_lijst_klopt_met_de_seedindicatoren controleert dat op het uittreksel SEEDINDICATOREN.
VERWACHT = """
    000:7:4 000:18:1 000:30:1 000:31:1 000:45:2 000:46;47:1 000:52;63:1 000:53;64:1 000:75:1 000:76:1 000:77:1
    000:82;90:1 000:94;100:1 000:107;110:1 000:114;117;120:1 000:136:1 000:137:1 000:149:1 000:150:1
    000:154;167;168:1 000:172;182:1 000:185;186:1 000:201:2 000:202:1 000:203:1 000:204:1 001:12:1 001:20:1
    001:27;29:1 001:30;37;36:1 001:31;38;36:1 001:32;39;36:1 001:33;40;42;36:1 001:34;41;43:1 001:58:1
    001:60;59:1 001:69:1 001:79;78:1 001:80;78:1 002:64:1 002:66:1 002:68:1 002:70:1 002:93;88;90:1
    002:95;88;90:1 002:97;88;90:1 002:189:1 002:225;230:1 002:232:3 002:286;291:1 002:333;334:1 002:364:1
    002:393:1 002:394;390:1 002:394:2 002:466:1 002:500:1 002:549;550:1 002:566:2 002:621:1 002:721:1
    002:722:1 002:724:1 002:726:1 002:728;566;564:1 002:731:1 002:732:1 002:734:1 002:736;261;262:1 002:738:1
    002:740:1 002:742:1 002:745:1 002:746:1 002:748:1 002:750:1 002:753;439:1 002:754:1 002:756:1 002:759:1
    002:760;564:1 002:762;564:1 002:764:1 002:766:1 002:768;564:1 002:770;554:1 002:772;549;554:1 002:774:1
    002:776;554:1 002:778;564:1 004:187;190;199:1 004:388;173;580:1 004:389;173;580:1 004:390;173;580:1
    004:391;173;580:1 004:392;173;580:1 004:393;173;580:1 004:394;173;580:1 004:479;173;580:1
    004:480;173;580:1 004:481;173;580:1 004:482;173;580:1 004:483;173;580:1 004:484;173;580:1
    004:485;173;580:1 004:561;173;580:1 004:562;173;580:1 004:563;173;580:1 004:564;173;580:1
    004:565;173;580:1 004:566;173;580:1 004:567;173;580:1 004:568;173;580:1 004:569;173;580:1
    004:570;173;580:1 004:571;173;580:1 004:572;173;580:1 004:595;173;580:1
"""
TABELLEN = (
    "kader",
    "doel",
    "kader_indicator",
    "streefwaarde",
    "kader_weggelaten",
    "maatschappelijk_effect",
    "doel_effect",
    "kader_kerncijfer",
)


def _verwacht() -> collections.Counter:
    teller = collections.Counter()
    for item in VERWACHT.split():
        bestand, regels, aantal = item.split(":")
        teller[(bestand, tuple(int(r) for r in regels.split(";")))] += int(aantal)
    return teller


def _uit_csv(pad: Path) -> collections.Counter:
    teller, gezien = collections.Counter(), set()
    with open(pad, encoding="utf-8", newline="") as f:
        for rij in csv.DictReader(f):
            assert rij["gemeente"] in DRIE, rij
            sleutel = (rij["document"], rij["indicator"], rij["seed_line"].split(";")[0])
            if sleutel in gezien:  # dezelfde indicator, andere streefjaar-rij
                continue
            gezien.add(sleutel)
            teller[(rij["document"][:3], tuple(int(r) for r in rij["seed_line"].split(";")))] += 1
    return teller


def _items_in_bestanden() -> list[tuple[str, list[int]]]:
    """(seed-bestand, bron_regels) van elke indicator en elke weggelaten indicator in data/kaders/."""
    items = []
    for pad in sorted(KADERS.glob("*.toml")):
        inhoud = tomllib.loads(pad.read_text(encoding="utf-8"))
        bestand = inhoud["bronbestand"][:3]
        for kader in inhoud["kader"]:
            for doel in kader["doel"]:
                items += [(bestand, bron_regelnummers(i["bron_regels"])) for i in doel.get("indicator", [])]
        items += [(bestand, bron_regelnummers(w["bron_regels"])) for w in inhoud.get("weggelaten", [])]
    return items


def test_elke_seedindicator_staat_in_de_kaders_of_is_weggelaten():
    """Een seedindicator telt als aanwezig als een item zijn regel noemt en het item met een van zijn regels begint."""
    items = _items_in_bestanden()
    ontbreekt = []
    for (bestand, regels), aantal in _verwacht().items():
        treffers = [r for b, r in items if b == bestand and regels[0] in r and r[0] in regels]
        if len(treffers) < aantal:
            ontbreekt.append(f"{bestand} regel {';'.join(map(str, regels))}: {len(treffers)} van {aantal}")
    assert not ontbreekt, "Niet in data/kaders/ en niet weggelaten: " + ", ".join(ontbreekt)


def test_lijst_klopt_met_de_seedindicatoren():
    assert sum(_verwacht().values()) >= 120
    assert _uit_csv(SEEDINDICATOREN) == _verwacht()


def test_hypothetisch_voorbeeld_dronten_is_weggelaten_met_reden(lees):
    assert lees("select count(*) as n from kader_indicator where omschrijving ilike '%geldzorgen%'")[0]["n"] == 0
    weg = lees(
        "select reden from kader_weggelaten where gemeente_code = 'GM0303' and omschrijving ilike '%geldzorgen%'"
    )
    assert len(weg) == 1 and "hypothetisch" in weg[0]["reden"]
    assert "(hypothetisch)" in (KADERS / "dronten_beleidskader_2025_2028.toml").read_text(encoding="utf-8")


def test_dalfsen_streefwaarden_en_nulmetingen_zoals_de_begroting_ze_schrijft(lees):
    rijen = lees(
        """
        select ki.omschrijving, ki.indicator_code, ki.nulmeting_jaar, ki.nulmeting_waarde, s.jaar, s.tekst, s.soort,
               s.waarde, s.strikt
        from kader_indicator ki join streefwaarde s using (kader_indicator_id)
        join doel d using (doel_id) join kader k using (kader_id)
        where k.document like 'Programmabegroting 2020%'
        order by ki.kader_indicator_id, s.jaar
        """
    )
    per = collections.defaultdict(list)
    for r in rijen:
        per[r["indicator_code"]].append(r)
    assert [r["waarde"] for r in per["clientervaring_wmo_hulpvraag_pct"]] == [88, 88, 89, 89]
    assert [r["waarde"] for r in per["clientervaring_wmo_kwaliteit_pct"]] == [86, 86, 86, 86]
    assert per["clientervaring_wmo_kwaliteit_pct"][0]["nulmeting_waarde"] == 84
    gezondheid = per["ervaren_gezondheid_pct"]
    assert [(r["jaar"], r["waarde"]) for r in gezondheid] == [(2021, 85)]
    assert (gezondheid[0]["nulmeting_jaar"], gezondheid[0]["nulmeting_waarde"]) == (2017, 82)
    uitstroom = per["uitstroom_werk_12mnd_pct"]
    assert {(r["tekst"], r["soort"], r["waarde"], r["strikt"]) for r in uitstroom} == {(">30%", "minimaal", 30, True)}
    assert (uitstroom[0]["nulmeting_jaar"], uitstroom[0]["nulmeting_waarde"]) == (2017, None)  # alleen een jaartal
    assert [r["waarde"] for r in per["participatie_pw_aantal"]] == [180, 220, 240, 240]
    assert per["participatie_pw_aantal"][0]["nulmeting_waarde"] == 125


def test_kaderindicatoren_gekoppeld_aan_de_registry_en_kwalitatieve_zonder_code(lees):
    rijen = lees(
        "select gemeente_code, omschrijving, indicator_code, leeftijd, nulmeting_jaar, nulmeting_waarde from kader_indicator"
    )

    def zoek(gemeente, tekst):
        gevonden = [r for r in rijen if r["gemeente_code"] == gemeente and tekst in r["omschrijving"]]
        assert len(gevonden) == 1, (gemeente, tekst, gevonden)
        return gevonden[0]

    assert zoek("GM0303", "eigen gezondheid als goed")["indicator_code"] == "ervaren_gezondheid_pct"
    assert zoek("GM0303", "eigen gezondheid als goed")["leeftijd"] == "18+"
    assert zoek("GM0303", "dat eenzaam is")["indicator_code"] == "eenzaam_pct"
    assert zoek("GM0303", "problematische schulden")["indicator_code"] == "problematische_schulden_pct"
    assert zoek("GM1876", "(vanaf 65 jaar)")["indicator_code"] == "ernstig_eenzaam_pct"
    assert zoek("GM1876", "(vanaf 65 jaar)")["leeftijd"] == "65+"
    # kwalitatieve indicatoren blijven in de boom, zonder code
    assert zoek("GM0303", "Mate waarin professionals")["indicator_code"] is None
    assert zoek("GM1876", "inclusieagenda")["indicator_code"] is None
    dronten = [r for r in rijen if r["gemeente_code"] == "GM0303"]
    assert {(r["nulmeting_jaar"], r["nulmeting_waarde"]) for r in dronten} == {(2025, None)}
    codes = {r["indicator_code"] for r in rijen if r["indicator_code"]}
    assert all(code.isascii() for code in codes)


def test_dronten_elke_opgave_heeft_effecten_en_elk_kerncijfer_een_waarneming(lees):
    opgaven = lees("select naam from kader where gemeente_code = 'GM0303' and niveau = 'opgave' order by volgorde")
    assert [r["naam"] for r in opgaven] == [
        "Bestaanszekerheid bieden",
        "Kansengelijkheid vergroten",
        "Gezond samenleven versterken",
    ]
    assert lees("select count(*) as n from maatschappelijk_effect where gemeente_code = 'GM0303'")[0]["n"] == 4
    zonder_effect = lees(
        """select d.naam from doel d join kader k using (kader_id)
           where k.niveau = 'opgave' and d.doel_id not in (select doel_id from doel_effect)"""
    )
    assert zonder_effect == []
    # elk kerncijfer bij een opgave heeft een echte waarneming voor Dronten in dezelfde leeftijdsgroep
    los = lees(
        """select kk.indicator_code, kk.leeftijd from kader_kerncijfer kk
           where not exists (select 1 from waarneming w where w.indicator_code = kk.indicator_code
                             and w.leeftijd = kk.leeftijd and w.regio_code = 'GM0303')"""
    )
    assert los == []


def test_bouw_laadt_kaders_en_twee_keer_geeft_dezelfde_rijen(tmp_path):
    pad = tmp_path / "kompas.duckdb"

    def inhoud():
        return {t: sorted(map(repr, vraag(pad, f"select * from {t}"))) for t in TABELLEN}

    bouw(pad)
    eerste = inhoud()
    bouw(pad)
    assert inhoud() == eerste
    assert len(eerste["kader"]) >= 30 and len(eerste["kader_indicator"]) >= 100 and len(eerste["streefwaarde"]) >= 40


# ---- controles op slechte invoer -----------------------------------------------------------------------

GOED = """
gemeente_code = "GM0303"
document = "Testkader"
geldig_van = 2025
geldig_tot = 2028
bronbestand = "004_x.txt"

[[kader]]
id = "test"
naam = "Testkader"
bron_regels = "1-3"

  [[kader.doel]]
  naam = "Een doel"
  bron_regels = "2"

    [[kader.doel.indicator]]
    omschrijving = "Een indicator"
    indicator_code = "eenzaam_pct"
    streefwaarde = "daling"
    bron_regels = "3"
"""


def _lees(tmp_path: Path, *teksten: str):
    for nr, tekst in enumerate(teksten):
        (tmp_path / f"k{nr}.toml").write_text(tekst, encoding="utf-8")
    return lees_kaders(tmp_path, {"GM0303", "GM0148"}, {"eenzaam_pct"})


def test_goed_bestand_wordt_gelezen(tmp_path):
    rijen = _lees(tmp_path, GOED)
    assert [r[0] for r in rijen.kader_indicator] == ["GM0303-test.1.1"]
    assert rijen.streefwaarde[0][2:4] == ("daling", "richting")


@pytest.mark.parametrize(
    ("vervang", "door", "verwacht"),
    [
        (
            'indicator_code = "eenzaam_pct"',
            'indicator_code = "bestaat_niet_pct"',
            "k0.toml, kader 1 ('Testkader'), doel 1, indicator 1 ('Een indicator'): indicator_code 'bestaat_niet_pct'",
        ),
        ('gemeente_code = "GM0303"', 'gemeente_code = "GM9999"', "k0.toml, bovenaan: gemeente_code 'GM9999'"),
        ('streefwaarde = "daling"', 'streefwaarde = "bijna 30%"', "Streefwaarde 'bijna 30%' niet herkend"),
        ('streefwaarde = "daling"', 'streefwarde = "daling"', "onbekende sleutel(s) streefwarde"),
        ('streefwaarde = "daling"', 'nulmeting = "82% (2017)"\n    nulmeting_jaar = 2019', "noemt 2017"),
        ('bron_regels = "3"', 'bron_regels = "regel 3"', "bron_regels 'regel 3' niet herkend"),
        ("geldig_van = 2025", 'geldig_van = "2025"', "'geldig_van' ontbreekt of is geen jaartal"),
        ("geldig_tot = 2028", "", "'geldig_tot' ontbreekt of is geen jaartal"),
        ("geldig_van = 2025", "geldig_van = 2029", "geldig_van (2029) ligt na geldig_tot (2028)"),
    ],
)
def test_fout_noemt_bestand_en_onderdeel(tmp_path, vervang, door, verwacht):
    assert vervang in GOED
    with pytest.raises(KaderFout) as fout:
        _lees(tmp_path, GOED.replace(vervang, door))
    assert verwacht in str(fout.value)
    assert "data/kaders/k0.toml" in str(fout.value)


def test_dubbele_id_over_bestanden_heen_wordt_geweigerd(tmp_path):
    with pytest.raises(KaderFout, match="id 'GM0303-test' komt dubbel voor"):
        _lees(tmp_path, GOED, GOED)


def test_fout_laat_de_database_ongemoeid(tmp_path, ingebedde_db):
    def aantal():
        return vraag(ingebedde_db, "select count(*) from kader_indicator")[0][0]

    voor = aantal()
    slecht = tmp_path / "slecht"
    slecht.mkdir()
    shutil.copy(KADERS / "dronten_beleidskader_2025_2028.toml", slecht)
    (slecht / "zz.toml").write_text(GOED.replace('"daling"', '"ongeveer"'), encoding="utf-8")
    with pytest.raises(KaderFout), schrijf_transactie(ingebedde_db) as con:
        laad_kaders(con, slecht)
    assert aantal() == voor > 0
