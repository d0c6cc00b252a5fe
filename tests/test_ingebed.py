"""De database gebouwd uit data/: echte cijfers, met herkomst, herhaalbaar."""

from __future__ import annotations

import csv
import re

import duckdb
import pytest

from kompas.db import DATA, DatabaseFout, Leesverbinding, schema_versie, schrijf_transactie
from loaders.ingebed import bouw

from dbhulp import alleen_lezen, vraag

# Gepubliceerde cijfers zoals in de vindplaats (shared/reference), met hun interval waar gegeven.
GEPUBLICEERD = [
    # indicator, regio, peiljaar, leeftijd, waarde, ondergrens, bovengrens, tabel of adres
    ("ervaren_gezondheid_pct", "GM0148", 2016, "19+", 82.0, 79.2, 84.5, "83674NED"),
    ("ervaren_gezondheid_pct", "GM0148", 2020, "18+", 85.9, 83.6, 87.9, "85012NED"),
    ("ervaren_gezondheid_pct", "GM1876", 2020, "18+", 81.1, 78.4, 83.4, "85012NED"),
    ("ervaren_gezondheid_pct", "GM0303", 2016, "19+", 80.6, 76.8, 83.9, "83674NED"),
    ("ervaren_gezondheid_pct", "NL01", 2016, "19+", 75.6, 75.4, 75.8, "83674NED"),
    ("ervaren_gezondheid_pct", "GG1009", 2020, "18+", 81.8, None, None, "85012NED"),
    ("mantelzorger_pct", "GM1876", 2016, "19+", 17.6, None, None, "83674NED"),
    ("beweegrichtlijn_pct", "GM0303", 2016, "19+", 41.2, None, None, "83674NED"),
    ("overgewicht_pct", "GG2209", 2020, "18+", 52.9, None, None, "85012NED"),
]


def test_bouw_geeft_de_gepubliceerde_cijfers_exact(lees):
    for indicator, regio, jaar, leeftijd, waarde, onder, boven, tabel in GEPUBLICEERD:
        rijen = lees(
            """
            select w.waarde, w.ondergrens, w.bovengrens, h.tabel_id
            from waarneming w join herkomst h using (herkomst_id)
            where indicator_code = $i and regio_code = $r and peiljaar = $j and leeftijd = $l
              and h.tabel_id = $t
            """,
            {"i": indicator, "r": regio, "j": jaar, "l": leeftijd, "t": tabel},
        )
        assert len(rijen) == 1, (indicator, regio, jaar)
        assert rijen[0]["waarde"] == waarde
        if onder is not None:
            assert (rijen[0]["ondergrens"], rijen[0]["bovengrens"]) == (onder, boven)


def test_dronten_kerncijfers_met_landelijke_waarde(lees):
    rijen = lees(
        """
        select indicator_code, leeftijd, waarde, landelijk_waarde from indicator_waarden
        where regio_code = 'GM0303' and herkomst_id = 'ingebed:doc-dronten-beleidskader-2025'
        order by indicator_code
        """
    )
    gevonden = {(r["indicator_code"], r["leeftijd"]): (r["waarde"], r["landelijk_waarde"]) for r in rijen}
    assert gevonden[("huishoudens_bijstand_pct", "totaal")] == (2.9, 4.7)
    assert gevonden[("problematische_schulden_pct", "totaal")] == (7.7, 8.8)
    assert gevonden[("eenzaam_pct", "65+")] == (47.1, 48.6)
    assert gevonden[("ervaren_gezondheid_pct", "18+")] == (73.0, 70.0)


def test_elke_waarneming_heeft_herkomst_indicator_en_regio(lees):
    zonder = lees(
        """
        select count(*) as n from waarneming w
        left join herkomst h using (herkomst_id)
        left join indicator i using (indicator_code)
        left join regio r using (regio_code)
        where h.herkomst_id is null or i.indicator_code is null or r.regio_code is null
           or h.bron is null or h.soort is null or h.titel is null
           or (h.adres is null and h.tabel_id is null and h.gelezen_in is null
               and h.herkomst_id <> 'ingebed:doc-dronten-beleidskader-2025')
        """
    )
    # het Dronten-kader is het enige zonder adres: het document staat er met titel en hoofdstuk; een adres
    # ervan staat niet in het referentiemateriaal
    assert zonder[0]["n"] == 0
    assert lees("select count(*) as n from waarneming")[0]["n"] == 897


def test_ontbrekende_cijfers_blijven_ontbrekend(lees):
    # Bronckhorst heeft geen enkel gepubliceerd cijfer voor problematische schulden in de referentie.
    assert (
        lees(
            "select count(*) as n from waarneming where regio_code = 'GM1876' and indicator_code = 'problematische_schulden_pct'"
        )[0]["n"]
        == 0
    )
    # Lege cellen in de CBS-export worden niet als 0 ingelezen. De enige 0 is een echte 0 die in de bron staat:
    # Dalfsen, uitkeringen IOAZ, rekening 2014 (jaarverslag 2014, kerngegevens).
    nullen = lees("select indicator_code, regio_code, peiljaar from waarneming where waarde = 0")
    assert nullen == [{"indicator_code": "uitkeringen_ioaz_gemeente", "regio_code": "GM0148", "peiljaar": 2014}]


def test_leeftijdsgroepen_blijven_gescheiden(lees):
    leeftijden = {
        r["leeftijd"]
        for r in lees(
            "select distinct leeftijd from waarneming where indicator_code = 'ervaren_gezondheid_pct' and regio_code = 'GM0148'"
        )
    }
    assert {"19+", "18+", "65+"} <= leeftijden


def _dump(pad) -> list[tuple]:
    with alleen_lezen(pad) as con:
        return (
            con.execute("select * exclude (opgehaald_op) from indicator_waarden order by all").fetchall()
            + con.execute("select * from herkomst order by herkomst_id").fetchall()
        )


def test_twee_keer_bouwen_geeft_dezelfde_database(tmp_path):
    pad = tmp_path / "k.duckdb"
    bouw(pad)
    eerst = _dump(pad)
    bouw(pad)
    assert _dump(pad) == eerst


def _voeg_geupload_cijfer_toe(pad) -> None:
    with schrijf_transactie(pad) as con:
        con.execute(
            "insert into herkomst (herkomst_id, soort, bron, adres) values ('upload:1', 'upload', 'gemeente Dalfsen', 'x.xlsx')"
        )
        con.execute(
            "insert into waarneming (indicator_code, regio_code, peiljaar, leeftijd, waarde, herkomst_id)"
            " values ('bewindvoering_huishoudens', 'GM0148', 2024, 'totaal', 101, 'upload:1')"
        )


def test_bouwen_laat_geuploade_cijfers_staan(tmp_path):
    pad = tmp_path / "k.duckdb"
    bouw(pad)
    _voeg_geupload_cijfer_toe(pad)
    bouw(pad)
    assert vraag(pad, "select waarde from waarneming where herkomst_id = 'upload:1'") == [(101.0,)]


def test_mislukte_schrijftransactie_laat_database_ongemoeid(tmp_path):
    pad = tmp_path / "k.duckdb"
    bouw(pad)
    voor = _dump(pad)
    with pytest.raises(RuntimeError):
        with schrijf_transactie(pad) as con:
            con.execute("delete from waarneming")
            raise RuntimeError("halverwege mis")
    assert _dump(pad) == voor
    assert not (tmp_path / "k.duckdb.schrijven").exists()


def test_registry_is_volledig_en_eenheden_zijn_niet_vermengd():
    with open(DATA / "indicatoren.csv", newline="", encoding="utf-8") as f:
        rijen = list(csv.DictReader(f))
    codes = [r["indicator_code"] for r in rijen]
    assert len(codes) == len(set(codes))
    for r in rijen:
        for veld in ("naam", "definitie", "eenheid", "decimalen", "goede_richting", "bron", "licentie"):
            assert r[veld].strip(), (r["indicator_code"], veld)
        assert r["goede_richting"] in ("hoger", "lager", "neutraal")
        # De eenheid staat in de code waar die verschilt: per 1.000 en per 10.000 zijn aparte indicatoren.
        if "per 10.000" in r["eenheid"]:
            assert "10000" in r["indicator_code"], r["indicator_code"]


def _afgeleid_en_view(pad) -> tuple[list[tuple], list[tuple]]:
    return (
        vraag(pad, "select * from afgeleid.indicator_waarden order by all"),
        vraag(pad, "select * from indicator_waarden order by all"),
    )


def test_elke_schrijftransactie_zet_de_afgeleide_tabellen_vast(tmp_path):
    pad = tmp_path / "k.duckdb"
    bouw(pad)
    vast, view = _afgeleid_en_view(pad)
    assert vast == view and len(vast) > 700
    _voeg_geupload_cijfer_toe(pad)
    vast_na, view_na = _afgeleid_en_view(pad)
    assert vast_na == view_na
    assert len(vast_na) == len(vast) + 1
    per_indicator = vraag(
        pad, "select aantal_waarden from afgeleid.per_indicator where indicator_code = 'bewindvoering_huishoudens'"
    )
    assert per_indicator[0][0] >= 1


def test_lezer_leest_alleen_en_de_start_werkt_een_database_van_een_oudere_versie_bij(tmp_path):
    from kompas.db import DatabaseFout
    from loaders.ingebed import zorg_voor_database

    pad = tmp_path / "k.duckdb"
    bouw(pad)
    con = duckdb.connect(str(pad))
    con.execute("drop schema afgeleid cascade")  # zoals een database van vóór de afgeleide tabellen
    con.close()
    voor = pad.read_bytes()
    verbinding = Leesverbinding(pad)
    with pytest.raises(DatabaseFout) as fout:
        verbinding.cursor()
    assert fout.value.reden == "verouderd" and "python -m loaders build" in str(fout.value)
    assert pad.read_bytes() == voor  # de verbinding schrijft niets
    assert zorg_voor_database(pad) == pad  # de stap bij de start (app.py) en in python -m loaders
    try:
        aantal = verbinding.cursor().execute("select count(*) from afgeleid.indicator_waarden").fetchone()[0]
        versie = verbinding.cursor().execute("select versie from afgeleid.schema_versie").fetchone()[0]
    finally:
        verbinding.close()
    assert aantal > 700
    assert versie == schema_versie()


def _regio_csv() -> list[dict]:
    with open(DATA / "regio.csv", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_kleur_en_vorm_van_een_gemeente_komen_uit_regio_csv(lees):
    verwacht = {r["regio_code"]: (r["kleur"] or None, r["vorm"] or None) for r in _regio_csv()}
    assert {r["regio_code"]: (r["kleur"], r["vorm"]) for r in lees("select * from regio")} == verwacht
    # en zo in de gegevens van elke grafiek (afgeleid.indicator_waarden, kolommen regio_kleur en regio_vorm)
    getekend = {
        (r["regio_code"], r["regio_kleur"], r["regio_vorm"])
        for r in lees("select distinct regio_code, regio_kleur, regio_vorm from afgeleid.indicator_waarden")
    }
    assert getekend and all(verwacht[code] == (kleur, vorm) for code, kleur, vorm in getekend)
    assert {code for code, kleur, _ in getekend if kleur} == {
        r["regio_code"] for r in _regio_csv() if r["soort"] == "gemeente"
    }


def test_een_oudere_database_zonder_kleur_krijgt_bij_de_startstap_de_kleuren_uit_regio_csv(tmp_path):
    from loaders.ingebed import zorg_voor_database

    pad = tmp_path / "k.duckdb"
    bouw(pad)
    con = duckdb.connect(str(pad))
    con.execute("drop schema afgeleid cascade")  # een database van vóór de kolommen kleur en vorm
    con.execute("drop view indicator_waarden")
    con.execute("alter table regio drop column kleur")
    con.execute("alter table regio drop column vorm")
    con.close()
    with pytest.raises(DatabaseFout):  # de leeskant werkt niets bij
        Leesverbinding(pad).cursor()
    zorg_voor_database(pad)  # de startstap: schema bij, en de referentie uit data/ opnieuw
    gemeenten = {r["regio_code"]: (r["kleur"], r["vorm"]) for r in _regio_csv() if r["soort"] == "gemeente"}
    getekend = dict(
        (c, (k, v))
        for c, k, v in vraag(
            pad,
            "select distinct regio_code, regio_kleur, regio_vorm from afgeleid.indicator_waarden"
            " where regio_kleur is not null",
        )
    )
    assert getekend == gemeenten


@pytest.mark.parametrize(
    "kleur, vorm, melding",
    [
        ("blauw", "circle", "kleur blauw is geen kleurcode"),
        ("", "circle", "kleur (leeg) is geen kleurcode"),
        ("#0072B2", "ster", "vorm ster is onbekend"),
    ],
)
def test_een_gemeente_zonder_geldige_kleur_of_vorm_wordt_geweigerd(tmp_path, kleur, vorm, melding):
    from loaders.ingebed import RegioFout

    data = _datamap_met_eerste_gemeente(tmp_path, kleur=kleur, vorm=vorm)
    pad = tmp_path / "k.duckdb"
    with pytest.raises(RegioFout, match=re.escape(melding)):
        bouw(pad, data=data)
    assert not pad.exists()  # niets geschreven


@pytest.mark.parametrize(
    "wijzig, melding",
    [
        ({"GM0148": "nee"}, "regio.csv, regio GM0148: focus 'nee' is onbekend"),
        ({"GG1009": "ja"}, "regio.csv, regio GG1009: alleen een gemeente kan focus 'ja' hebben, geen ggd_regio"),
        ({"GM0148": "", "GM1876": "", "GM0303": ""}, "regio.csv: geen gemeente heeft focus 'ja'"),
    ],
)
def test_een_onjuiste_focus_in_regio_csv_wordt_geweigerd(tmp_path, wijzig, melding):
    from loaders.ingebed import RegioFout

    data = _datamap_met_regios(tmp_path, lambda r: {**r, "focus": wijzig.get(r["regio_code"], r["focus"])})
    pad = tmp_path / "k.duckdb"
    with pytest.raises(RegioFout, match=re.escape(melding)):
        bouw(pad, data=data)
    assert not pad.exists()  # niets geschreven


def test_de_focusgemeenten_komen_uit_regio_csv(lees):
    focus = {r["regio_code"] for r in _regio_csv() if r["focus"] == "ja"}
    assert focus == {"GM0148", "GM1876", "GM0303"}
    assert {r["regio_code"] for r in lees("select regio_code from regio where focus")} == focus


def _datamap_met_eerste_gemeente(tmp_path, **velden):
    """Een kopie van data/ waarin de eerste rij van regio.csv `velden` krijgt."""
    return _datamap_met_regios(
        tmp_path, lambda r: {**r, **velden} if r["regio_code"] == _regio_csv()[0]["regio_code"] else r
    )


def _datamap_met_regios(tmp_path, wijzig):
    """Een kopie van data/ waarin elke rij van regio.csv door `wijzig` gaat."""
    import shutil

    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("*.duckdb*"))
    rijen = [wijzig(r) for r in _regio_csv()]
    with open(data / "regio.csv", "w", newline="", encoding="utf-8") as f:
        schrijver = csv.DictWriter(f, list(rijen[0]), lineterminator="\n")
        schrijver.writeheader()
        schrijver.writerows(rijen)
    return data


def test_build_met_een_fout_in_de_datamap_meldt_in_het_nederlands(tmp_path, monkeypatch, capsys):
    from loaders.__main__ import main

    pad = tmp_path / "k.duckdb"
    monkeypatch.setenv("KOMPAS_DB", str(pad))
    data = _datamap_met_eerste_gemeente(tmp_path, vorm="ster")
    assert main(["build", "--data", str(data)]) == 1
    fout = capsys.readouterr().err
    assert fout.startswith("Fout: regio.csv, regio ") and "vorm ster is onbekend" in fout
    assert "Traceback" not in fout and not pad.exists()
    assert main(["build", "--data", str(_datamap_met_eerste_gemeente(tmp_path / "goed"))]) == 0
    assert pad.exists()


# Ronde 2026-12 (shared/reference/found_2026-12.csv): 142 van de 159 cijfers overgenomen, 17 niet (schattingen en
# begrotingen, secundaire bronnen, een jaar dat niet op de pagina staat). Verwachte waarden uit de referentie.
GEVONDEN = [
    # indicator, regio, peiljaar, leeftijd, waarde, tabel_id, herkomst_id (None: het document van de gemeente)
    ("inwoners", "GM0148", 2019, "totaal", 28499, None, "ingebed:doc-kwb-2019-kopie"),
    ("inwoners_vrouwen", "GM1876", 2019, "totaal", 18158, None, "ingebed:doc-kwb-2019-kopie"),
    ("inwoners", "NL01", 2024, "totaal", 17942942, "85984NED", "ingebed:cbs-85984NED-kopie-2"),  # NL00 in de KWB
    ("inwoners", "NL01", 2024, "65+", 3677228, "85984NED", "ingebed:cbs-85984NED-kopie-2"),
    ("inwoners", "GM0303", 2024, "65+", 8384, "85984NED", "ingebed:cbs-85984NED-kopie-2"),
    ("inwoners", "WK187601", 2024, "totaal", 10990, "85984NED", "ingebed:cbs-85984NED-kopie-2"),
    ("inwoners_mannen", "WK030305", 2024, "totaal", 1435, "85984NED", "ingebed:cbs-85984NED-kopie-2"),
    ("inwoners", "GM1876", 2025, "totaal", 36012, "70072NED", "ingebed:cbs-70072NED-kopie"),
    ("inwoners", "NL01", 2025, "80+", 932295, "70072NED", "ingebed:cbs-70072NED-kopie"),
    ("huishoudens", "GM0303", 2025, "totaal", 19491, "70072NED", "ingebed:cbs-70072NED-kopie"),
    ("ervaren_gezondheid_pct", "GG2209", 2022, "18+", 67.9, "85563NED", "ingebed:cbs-85563NED-kopie"),
    ("rokers_pct", "GG1413", 2022, "18+", 14.7, "85563NED", "ingebed:cbs-85563NED-kopie"),
    ("psychische_klachten_pct", "NL01", 2022, "18+", 21.5, "85563NED", "ingebed:cbs-85563NED-kopie"),
    ("bijstandsgerechtigden_gemeente", "GM1876", 2022, "totaal", 278, None, None),
    ("uitkeringen_wwb_gemeente", "GM0148", 2014, "totaal", 197, None, None),
    ("uitkeringen_lopend_gemeente", "GM0303", 2017, "totaal", 667, None, None),
    ("inwoners_gemeente", "GM1876", 2022, "totaal", 36077, None, None),
]


def test_gevonden_cijfers_2026_12_exact_met_herkomst(lees):
    for indicator, regio, jaar, leeftijd, waarde, tabel, hid in GEVONDEN:
        rijen = lees(
            """
            select w.waarde, w.ondergrens, h.tabel_id, h.herkomst_id, h.soort, h.bron, h.adres, h.gelezen_in
            from waarneming w join herkomst h using (herkomst_id)
            where indicator_code = $i and regio_code = $r and peiljaar = $j and leeftijd = $l
              and (w.herkomst_id = $h or ($h is null and h.opgehaald_op = '2026-12-01'))
            """,
            {"i": indicator, "r": regio, "j": jaar, "l": leeftijd, "h": hid},
        )
        assert [r["waarde"] for r in rijen] == [waarde], (indicator, regio, jaar)
        rij = rijen[0]
        assert rij["tabel_id"] == tabel and rij["ondergrens"] is None
        if tabel:  # het CBS met zijn eigen tabelpagina; de kopie waarin het gelezen is apart
            assert (rij["bron"], rij["adres"]) == ("CBS", f"https://www.cbs.nl/nl-nl/cijfers/detail/{tabel}")
            assert rij["gelezen_in"].startswith("StatLine-CSV-export") and "github.com" in rij["gelezen_in"]
        elif hid is None:  # de eigen telling van een gemeente: haar eigen pagina, nooit een CBS-definitie
            assert rij["bron"].startswith("gemeente ") and rij["adres"].startswith("http")
            assert rij["soort"] == "gepubliceerd document"


def test_gevonden_schattingen_en_secundaire_cijfers_niet_overgenomen(lees):
    # schattingen in de begroting (Bronckhorst 298 voor 1-1-2022, 267 en 36.000 voor 1-1-2023; Dalfsen begroting
    # 2014: WWB 130), de overuwbuurt-cijfers zonder jaar (28.901) en de kruiscontrole van jewiltwat.nl (44.354)
    for indicator, regio, jaar in [
        ("bijstandsgerechtigden_gemeente", "GM1876", 2023),
        ("inwoners_gemeente", "GM1876", 2023),
        ("inwoners", "GM0148", 2021),
    ]:
        assert (
            lees(
                "select count(*) as n from waarneming where indicator_code = $i and regio_code = $r and peiljaar = $j",
                {"i": indicator, "r": regio, "j": jaar},
            )[0]["n"]
            == 0
        )
    assert lees("select count(*) as n from waarneming where waarde in (298, 130, 28901)")[0]["n"] == 0
    assert (
        lees(
            "select count(*) as n from waarneming where herkomst_id = 'ingebed:cbs-85984NED-kopie'"
            " and regio_code = 'GM0303' and indicator_code = 'inwoners'"
        )[0]["n"]
        == 1
    )
    per_bron = {
        r["herkomst_id"]: r["n"]
        for r in lees(
            "select herkomst_id, count(*) as n from waarneming where herkomst_id in (select herkomst_id from herkomst"
            " where opgehaald_op = '2026-12-01') group by all"
        )
    }
    assert sum(per_bron.values()) == 142
    assert per_bron["ingebed:cbs-85984NED-kopie-2"] == 4 + 3 + 15 * 4  # NL00, 65+ van de gemeenten, 15 wijken
    assert per_bron["ingebed:cbs-85563NED-kopie"] == 32 and per_bron["ingebed:cbs-70072NED-kopie"] == 16


def test_bijstand_nederland_2017_per_kwartaal_met_peildatum_zonder_dag(lees):
    rijen = lees(
        """
        select peildatum, peildatum_precisie, waarde, in_grafiek from indicator_waarden
        where indicator_code = 'bijstand_personen' and regio_code = 'NL01' and peiljaar = 2017
        order by peildatum nulls last
        """
    )
    kwartalen = [(r["peildatum"].month, r["peildatum_precisie"], r["waarde"]) for r in rijen if r["peildatum"]]
    assert kwartalen == [(3, "maand", 471190), (6, "maand", 467530), (9, "maand", 458980), (12, "maand", 456530)]
    # in de grafiek één waarde voor 2017: het jaarcijfer van de Kerncijfers (83765NED), geen zigzag per kwartaal
    assert [(r["peildatum"], r["in_grafiek"]) for r in rijen if r["in_grafiek"]] == [(None, True)]
    # een kwartaalstand wordt niet gedeeld door het inwonertal van het jaar
    assert (
        lees(
            "select count(*) as n from indicator_waarden where indicator_code = 'bijstand_per_1000'"
            " and regio_code = 'NL01' and peiljaar = 2017"
        )[0]["n"]
        == 0
    )


def test_wijken_zijn_regios_met_hun_gemeente(lees):
    wijken = lees("select regio_code, gemeente_code, ggd_regio_code from regio where soort = 'wijk' order by volgorde")
    assert len(wijken) == 15
    assert {w["gemeente_code"] for w in wijken} == {"GM0148", "GM1876", "GM0303"}
    assert all(w["gemeente_code"] == "GM" + w["regio_code"][2:6] and w["ggd_regio_code"] is None for w in wijken)
    per_gemeente = {
        r["gemeente_code"]: r["n"]
        for r in lees("select gemeente_code, count(*) as n from regio where soort = 'wijk' group by all")
    }
    assert per_gemeente == {"GM0148": 3, "GM1876": 5, "GM0303": 7}
    # CBS rondt wijkcijfers op 5 af: de som van de wijken wijkt iets af van de gemeente (29.685 tegen 29.683)
    som = lees(
        "select sum(waarde) as s from waarneming w join regio r using (regio_code) where r.soort = 'wijk'"
        " and r.gemeente_code = 'GM0148' and indicator_code = 'inwoners' and leeftijd = 'totaal'"
    )
    assert som[0]["s"] == 29685


def test_een_database_van_voor_de_wijken_wordt_bijgewerkt(tmp_path):
    pad = tmp_path / "k.duckdb"
    con = duckdb.connect(str(pad))
    # de regiotabel zoals vóór de wijken: een soortcontrole zonder 'wijk', geen gemeente_code
    con.execute(
        "create table regio (regio_code varchar primary key, regio_naam varchar not null, soort varchar"
        " not null check (soort in ('gemeente', 'ggd_regio', 'provincie', 'land')), ggd_regio_code varchar,"
        " provincie_code varchar, volgorde integer not null)"
    )
    con.execute("insert into regio values ('GM0148', 'Dalfsen', 'gemeente', null, null, 1)")
    con.close()
    bouw(pad)
    assert vraag(pad, "select count(*) from regio where soort = 'wijk'") == [(15,)]
    assert vraag(pad, "select gemeente_code from regio where regio_code = 'WK030307'") == [("GM0303",)]


def test_de_startstap_schrijft_niets_als_de_database_actueel_is(tmp_path):
    from loaders.ingebed import zorg_voor_database

    pad = tmp_path / "k.duckdb"
    zorg_voor_database(pad)  # ontbreekt: bouwt uit data/
    assert vraag(pad, "select count(*) from waarneming")[0][0] > 700
    stat = pad.stat()
    zorg_voor_database(pad)
    assert (pad.stat().st_ino, pad.stat().st_mtime_ns) == (stat.st_ino, stat.st_mtime_ns)


def test_lezer_bouwt_geen_ontbrekende_database(tmp_path):
    from kompas.db import DatabaseFout

    verbinding = Leesverbinding(tmp_path / "k.duckdb")
    with pytest.raises(DatabaseFout) as fout:
        verbinding.cursor()
    assert fout.value.reden == "niet_gebouwd" and not (tmp_path / "k.duckdb").exists()


# --- sleutels (queries/tabellen/): een dubbele of verkeerde rij wordt geweigerd, in het Nederlands -------------

ENGELS = ("Error", "Exception", "Constraint", "COALESCE", "duckdb", "violates")


def _weigert(pad, sql: str, **geraakt) -> str:
    from kompas.db import DatabaseFout, raakt

    voor = pad.read_bytes()
    with pytest.raises(DatabaseFout) as fout:
        with schrijf_transactie(pad) as con:
            if geraakt:
                raakt(con, **geraakt)
            con.execute(sql)
    assert fout.value.reden == "sleutel"
    tekst = str(fout.value)
    assert not any(woord in tekst for woord in ENGELS), tekst
    assert "Er is niets vastgelegd" in tekst
    assert pad.read_bytes() == voor
    return tekst


def test_een_dubbel_cijfer_wordt_geweigerd_door_de_sleutel_van_waarneming(ingebedde_db):
    tekst = _weigert(
        ingebedde_db,
        """
        insert into waarneming select * from waarneming
        where indicator_code = 'ervaren_gezondheid_pct' and regio_code = 'GM0148' and peiljaar = 2020
            and leeftijd = '18+' and peildatum is null
        limit 1""",
    )
    assert "dubbel" in tekst and "ervaren_gezondheid_pct" in tekst and "peildatum: geen" in tekst


_DUBBEL_UIT_HERKOMST = """
    insert into waarneming select * from waarneming
    where herkomst_id = (select any_value(herkomst_id) from waarneming where indicator_code = 'inwoners'
        and regio_code = 'GM0148')
        and indicator_code = 'inwoners' and regio_code = 'GM0148'
    limit 1"""


@pytest.mark.parametrize(
    "geraakt",
    [
        {"herkomsten": ["cbs:85984NED"]},  # een schrijver die zegt wat hij raakte (kompas.db.raakt), ook een andere
        {"indicatoren": ["inwoners"]},
        {"herkomsten": [], "indicatoren": []},  # of niets: de sleutel geldt voor elke rij
    ],
    ids=["herkomst", "indicator", "niets"],
)
def test_een_dubbel_cijfer_wordt_geweigerd_ook_als_de_schrijver_zegt_wat_hij_raakte(ingebedde_db, geraakt):
    tekst = _weigert(ingebedde_db, _DUBBEL_UIT_HERKOMST, **geraakt)
    assert "dubbel" in tekst and "inwoners" in tekst and "GM0148" in tekst


def test_een_rij_die_door_een_wijziging_dubbel_wordt_wordt_geweigerd(ingebedde_db):
    # twee jaren van één reeks uit één herkomst; het eerste jaar wordt het laatste
    indicator, regio, herkomst, leeftijd, eerste, laatste = vraag(
        ingebedde_db,
        """select indicator_code, regio_code, herkomst_id, leeftijd, min(peiljaar), max(peiljaar)
        from waarneming where peildatum is null group by all having count(*) > 1 order by all limit 1""",
    )[0]
    tekst = _weigert(
        ingebedde_db,
        f"""update waarneming set peiljaar = {laatste}
        where indicator_code = '{indicator}' and regio_code = '{regio}' and herkomst_id = '{herkomst}'
            and leeftijd = '{leeftijd}' and peildatum is null and peiljaar = {eerste}""",
        indicatoren=[indicator],
    )
    assert "dubbel" in tekst and indicator in tekst


def test_een_dubbele_streefwaarde_voor_hetzelfde_jaar_wordt_geweigerd(ingebedde_db):
    tekst = _weigert(ingebedde_db, "insert into streefwaarde select * from streefwaarde where jaar is null limit 1")
    assert "dubbel" in tekst and "jaar: geen" in tekst
    _weigert(ingebedde_db, "insert into streefwaarde select * from streefwaarde where jaar is not null limit 1")


def test_een_geuploade_waarde_zonder_upload_wordt_geweigerd(ingebedde_db):
    tekst = _weigert(
        ingebedde_db,
        """
        insert into upload_waarde (upload_id, rij, gemeente_code, indicator_code, peiljaar, waarde)
        values (999, 2, 'GM0148', 'bewindvoering_huishoudens', 2024, 5)""",
    )
    assert "verwijst naar iets wat niet (meer) bestaat" in tekst
