"""Vergelijkingsgroepen: grootteklasse naar inwoners per peiljaar, selecties, de keuze op een pagina; mediaan,
kwartielen, aantal en rang met de hand nagerekend op tests/fixture_groepen.py (verzonnen testgemeenten)."""

from __future__ import annotations

import pytest
from fixture_groepen import A, B, C, D, E, F, G, H, bouw_groepen

from kompas import gegevens
from kompas.db import sql_bestand

from dbhulp import alleen_lezen

KLASSE = "inwoners_20000_50000"


@pytest.fixture(scope="module")
def groepen_db(tmp_path_factory):
    return bouw_groepen(tmp_path_factory.mktemp("groepen") / "groepen.duckdb")


@pytest.fixture
def cur(groepen_db):
    with alleen_lezen(groepen_db) as con:
        yield con


def _view(cur, indicator: str, groep: str = KLASSE, jaar: int = 2023) -> dict[str, dict]:
    rijen = cur.execute(
        "select * from vergelijkingsgroep_waarden where indicator_code = ? and groep = ? and peiljaar = ?",
        [indicator, groep, jaar],
    )
    namen = [k[0] for k in rijen.description]
    return {r["regio_code"]: r for r in (dict(zip(namen, rij)) for rij in rijen.fetchall())}


def test_mediaan_kwartielen_aantal_en_rang_van_de_grootteklasse_zijn_de_hand_berekende(cur):
    rijen = _view(cur, "ervaren_gezondheid_pct")
    assert set(rijen) == {A, B, C, D, E, F}  # G (precies 50.000) en H (geen inwoners in 2023) niet
    eerste = rijen[A]
    assert eerste["groep_aantal"] == 6
    assert eerste["groep_mediaan"] == pytest.approx(77.5)
    assert eerste["groep_q1"] == pytest.approx(71.25)
    assert eerste["groep_q3"] == pytest.approx(83.75)
    assert eerste["band"] is True
    assert eerste["groep_naam"] == "gemeenten met 20.000 tot 50.000 inwoners"
    assert {code: r["rang"] for code, r in rijen.items()} == {D: 1, E: 2, B: 3, C: 4, A: 5, F: 6}
    assert rijen[A]["waarde"] == 70.0  # het document met 99 is geen voorkeursbron en telt niet mee


def test_lager_is_beter_keert_de_rang_om_en_een_lid_zonder_cijfer_telt_niet_mee(cur):
    rijen = _view(cur, "moeite_met_rondkomen_pct")
    assert set(rijen) == {A, B, C, D, F}  # E heeft geen cijfer
    assert {code: r["rang"] for code, r in rijen.items()} == {D: 1, A: 2, C: 3, B: 4, F: 5}
    assert rijen[D]["groep_aantal"] == 5
    assert (rijen[D]["groep_mediaan"], rijen[D]["groep_q1"], rijen[D]["groep_q3"]) == (15.0, 10.0, 20.0)
    assert rijen[D]["band"] is True  # precies het minimum (5)


def test_onder_het_minimum_geen_band(cur):
    rijen = _view(cur, "eenzaam_pct")
    assert {r["groep_aantal"] for r in rijen.values()} == {3}
    assert {r["band"] for r in rijen.values()} == {False}
    assert {r["groep_minimum"] for r in rijen.values()} == {5}


def test_gemeente_zonder_inwoners_in_dat_jaar_zit_in_geen_grootteklasse(cur):
    klassen = cur.execute(
        "select distinct l.peiljaar from vergelijkingsgroep_leden as l join vergelijkingsgroep using (groep)"
        " where l.regio_code = ? and groep_soort = 'grootteklasse'",
        [H],
    ).fetchall()
    assert klassen == [(2022,)]  # alleen 2022 heeft H een inwonertal; 2023 niet, en dat wordt niet geschat
    assert not cur.execute(
        "select * from vergelijkingsgroep_waarden where regio_code = ? and groep_soort = 'grootteklasse'"
        " and peiljaar = 2023",
        [H],
    ).fetchall()  # H heeft in 2023 wel cijfers (ervaren gezondheid 65), maar zonder inwonertal geen grootteklasse


def test_ondergrens_van_een_klasse_telt_mee_en_de_bovengrens_niet(cur):
    rijen = _view(cur, "ervaren_gezondheid_pct", groep="inwoners_50000_100000")
    assert set(rijen) == {G}
    assert (rijen[G]["groep_aantal"], rijen[G]["rang"], rijen[G]["band"]) == (1, 1, False)


def test_neutrale_richting_rangschikt_van_laag_naar_hoog_en_zegt_dat(cur):
    rijen = _view(cur, "inwoners")
    assert rijen[A]["rang"] == 1 and rijen[F]["rang"] == 6
    assert rijen[A]["rang_richting"] == "van laag naar hoog (geen goede richting)"


def test_paginaquery_geeft_de_groep_van_de_gemeente_ook_in_een_jaar_zonder_eigen_cijfer(cur):
    tabel = gegevens.vergelijkingsgroepen(cur, ["moeite_met_rondkomen_pct"], [E])
    klasse = tabel.filter(tabel["groep"] == KLASSE)
    assert set(klasse["voor_gemeente"]) == {E}
    assert set(klasse["regio_code"]) == {A, B, C, D, F}  # E zelf heeft geen cijfer: geen rang, wel de groep
    assert set(klasse["groep_mediaan"]) == {15.0}


def test_keuze_op_de_pagina_rekent_met_dezelfde_regels_en_de_gekozen_leden(cur):
    tabel = gegevens.vergelijkingsgroep_keuze(cur, ["ervaren_gezondheid_pct"], [A, B, G])
    jaar = tabel.filter(tabel["peiljaar"] == 2023)
    assert dict(zip(jaar["regio_code"], jaar["rang"])) == {B: 1, A: 2, G: 3}
    assert set(jaar["groep_mediaan"]) == {70.0} and set(jaar["groep_aantal"]) == {3}
    assert set(jaar["groep_soort"]) == {"keuze"} and set(jaar["band"]) == {False}
    assert set(tabel.filter(tabel["peiljaar"] == 2022)["regio_code"]) == {A, B}  # G heeft in 2022 geen cijfer


def test_een_eigen_telling_van_de_gemeenten_krijgt_geen_mediaan_en_geen_rang(tmp_path):
    """Een eigen registratie (soort 'eigen registratie' in data/indicatoren.csv) telt elke gemeente op haar eigen
    manier: een mediaan of rang over gemeenten heen vergelijkt verschillende definities. Zes leden met een cijfer
    (genoeg voor een band) geven daarom geen rij, in de view noch in de keuze op de pagina."""
    from kompas.db import schrijf_transactie

    pad = bouw_groepen(tmp_path / "groepen.duckdb")
    with schrijf_transactie(pad) as con:
        con.executemany(
            "insert into waarneming (indicator_code, regio_code, peiljaar, leeftijd, waarde, herkomst_id)"
            " values ('bijstandsgerechtigden_gemeente', ?, 2023, 'totaal', ?, 'test:doc-groep')",
            [(code, 100.0 * (i + 1)) for i, code in enumerate([A, B, C, D, E, F])],
        )
    with alleen_lezen(pad) as con:
        soort = con.execute(
            "select soort from indicator where indicator_code = 'bijstandsgerechtigden_gemeente'"
        ).fetchone()
        assert soort == ("eigen registratie",)
        assert _view(con, "bijstandsgerechtigden_gemeente") == {}
        keuze = gegevens.vergelijkingsgroep_keuze(con, ["bijstandsgerechtigden_gemeente"], [A, B, C, D, E, F])
        assert keuze.is_empty()
        assert len(_view(con, "ervaren_gezondheid_pct")) == 6  # de andere indicatoren blijven


def test_view_en_keuze_zijn_dezelfde_berekening(cur):
    """De leden van de grootteklasse als keuze op de pagina geven dezelfde mediaan, kwartielen en rang."""
    klasse = _view(cur, "ervaren_gezondheid_pct")
    keuze = gegevens.vergelijkingsgroep_keuze(cur, ["ervaren_gezondheid_pct"], sorted(klasse))
    keuze = {r["regio_code"]: r for r in keuze.filter(keuze["peiljaar"] == 2023).iter_rows(named=True)}
    for code, rij in klasse.items():
        for kolom in ("groep_aantal", "groep_mediaan", "groep_q1", "groep_q3", "rang"):
            assert keuze[code][kolom] == rij[kolom], (code, kolom)


def test_banden_zijn_de_cijfers_van_de_view_zonder_de_leden_met_de_rang_van_de_gemeente_zelf(cur):
    """Eén berekening: de band die de grafieken lezen (vergelijkingsgroep_banden) is per groep, peiljaar en
    leeftijdsgroep precies wat de view bij elk lid zegt; de rang is die van de gemeente zelf, leeg zonder cijfer."""
    banden = gegevens.vergelijkingsgroep_banden(cur, ["ervaren_gezondheid_pct", "moeite_met_rondkomen_pct"], [A, E])
    leden = gegevens.vergelijkingsgroepen(cur, ["ervaren_gezondheid_pct", "moeite_met_rondkomen_pct"], [A, E])
    sleutel = ["voor_gemeente", "groep", "indicator_code", "peiljaar", "leeftijd"]
    assert banden.height == banden.unique(sleutel).height  # één rij per band, geen leden
    kolommen = [*sleutel, "groep_aantal", "groep_mediaan", "groep_q1", "groep_q3", "band"]
    assert sorted(banden.select(kolommen).rows()) == sorted(leden.select(kolommen).unique().rows())
    eigen = {
        (r["voor_gemeente"], r["indicator_code"], r["peiljaar"]): r["rang"]
        for r in banden.filter(banden["groep"] == KLASSE).iter_rows(named=True)
    }
    assert eigen[A, "ervaren_gezondheid_pct", 2023] == 5  # zie test_mediaan_kwartielen_...
    assert eigen[E, "moeite_met_rondkomen_pct", 2023] is None  # E heeft geen cijfer: wel de band, geen rang
    rij = banden.filter((banden["voor_gemeente"] == E) & (banden["indicator_code"] == "moeite_met_rondkomen_pct"))
    assert set(rij.filter(rij["groep"] == KLASSE)["groep_mediaan"]) == {15.0}


def test_de_ledenlijst_op_verzoek_is_die_van_de_gekozen_groep_bij_de_grafiek(cur):
    """De ledenlijst en de export (kompas.weergave.Groepskeuze.leden_bij, met een eigen cursor zoals in de thread van
    een downloadknop) lezen de leden van de gekozen groep in de jaren en leeftijdsgroepen van de grafiek."""
    from kompas.weergave import GROOTTEKLASSE, Groepskeuze

    banden = gegevens.vergelijkingsgroep_banden(cur, ["ervaren_gezondheid_pct"], [A])
    trend = gegevens.reeks(cur, ["ervaren_gezondheid_pct"], [A])
    keuze = Groepskeuze(banden.filter(banden["groep_soort"] == GROOTTEKLASSE), "klasse", GROOTTEKLASSE, (A,))
    leden = keuze.leden_bij(trend, "ervaren_gezondheid_pct", cur=cur)
    assert set(leden["groep"]) == {KLASSE}
    assert set(leden.filter(leden["peiljaar"] == 2023)["regio_code"]) == set(_view(cur, "ervaren_gezondheid_pct"))


def test_selectie_uit_de_configuratie_staat_in_de_view(cur):
    groepen = dict(cur.execute("select groep, groep_soort from vergelijkingsgroep").fetchall())
    assert groepen["sociaal_kompas"] == "selectie" and groepen["eigen_keuze"] == "keuze"
    leden = cur.execute("select regio_code from vergelijkingsgroep_lid where groep = 'sociaal_kompas'").fetchall()
    assert sorted(leden) == [("GM0148",), ("GM0303",), ("GM1876",)]


def test_de_view_heeft_de_afgesproken_kolommen(cur):
    kolommen = [k[0] for k in cur.execute("select * from vergelijkingsgroep_waarden limit 0").description]
    for kolom in ("indicator_code", "regio_code", "peiljaar", "leeftijd", "groep", "groep_aantal", "groep_mediaan"):
        assert kolom in kolommen
    assert {"groep_q1", "groep_q3", "rang", "groep_naam", "groep_soort", "band"} <= set(kolommen)
    assert "$" not in sql_bestand("vergelijkingsgroep_waarden").split("\n")[0]


# --- teksten, tabellen en export ----------------------------------------------------------------------------------


def test_rang_en_legenda_teksten():
    from kompas import teksten

    assert teksten.rang_tekst(3, 12) == "3e van 12"
    assert teksten.rang_tekst(None, 12) == "geen rang (geen cijfer)"
    assert teksten.groep_legenda_titel("gemeenten met 20.000 tot 50.000 inwoners", [12, 12]) == [
        "Gemeenten met 20.000 tot 50.000",
        "inwoners (n = 12)",
    ]
    assert teksten.groep_legenda_titel("groep", [9, 12]) == ["Groep (n = 9–12)"]
    assert teksten.te_weinig_tekst("de gekozen gemeenten", 3, 5, [2022, 2023]) == (
        "Geen band voor de gekozen gemeenten in 2022 en 2023: te weinig gemeenten met een cijfer in deze groep "
        "(3; een band vanaf 5)."
    )


def test_export_bij_de_grafiek_bevat_de_leden_van_de_groep(cur):
    from kompas import opmaak, tabellen

    leden = gegevens.vergelijkingsgroepen(cur, ["ervaren_gezondheid_pct"], [A, B])  # A en B: dezelfde klasse
    leden = leden.filter(leden["groep"] == KLASSE)
    trend = gegevens.reeks(cur, ["ervaren_gezondheid_pct"], [A])
    export = tabellen.grafiek_export(trend, leden)
    assert export.columns[0] == "Rij"
    groep = export.filter(export["Rij"] == "lid van de vergelijkingsgroep")
    assert groep.height == 6 + 6  # 2022 en 2023, elk lid één keer (ook al geldt de groep voor A én B)
    rij = groep.filter((groep["Gemeente"] == "Testgemeente D") & (groep["Peiljaar"] == 2023)).row(0, named=True)
    assert (rij["Rang"], rij["Waarde"], rij["Mediaan groep"], rij["25%–75%"]) == (
        "1e van 6",
        "90,0%",
        "77,5%",
        f"{opmaak.getal(71.25, 1)} – {opmaak.getal(83.75, 1)}",  # afgerond zoals overal (kompas.opmaak)
    )
    assert rij["Band getekend"] == "ja" and rij["Bron"].startswith("RIVM")
    assert export.filter(export["Rij"] == "cijfer in de grafiek").height == trend.height
    assert tabellen.als_csv(export).decode("utf-8-sig").splitlines()[0].startswith("Rij;")


def test_onbekende_gemeente_in_een_selectie_geeft_een_nederlandse_fout_en_exitcode_1(tmp_path, monkeypatch, capsys):
    import shutil

    from kompas.db import DATA
    from loaders.__main__ import main

    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("*.duckdb*"))
    pad = data / "vergelijkingsgroepen.toml"
    pad.write_text(pad.read_text(encoding="utf-8").replace('"GM0303"]', '"GM0303", "GM9999"]'), encoding="utf-8")
    monkeypatch.setenv("KOMPAS_DB", str(tmp_path / "k.duckdb"))
    assert main(["build", "--data", str(data)]) == 1
    fout = capsys.readouterr().err
    assert "vergelijkingsgroepen.toml, selectie sociaal_kompas" in fout and "onbekend: GM9999" in fout
    assert "Traceback" not in fout
