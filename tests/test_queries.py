"""De queries en datafuncties op de kleine testdatabase (tests/fixture_db.py); verwachte uitkomsten met de
hand uitgerekend uit de rijen daar."""

from __future__ import annotations

from pathlib import Path

import pytest

from kompas import gegevens
from tests.fixture_db import bouw_fixture

from dbhulp import alleen_lezen


@pytest.fixture(scope="module")
def cur(tmp_path_factory):
    pad = bouw_fixture(tmp_path_factory.mktemp("queries") / "fixture.duckdb")
    with alleen_lezen(pad) as con:
        yield con.cursor()


def rij(df, **sleutels) -> dict:
    """De ene rij met deze waarden, uit een polars DataFrame of een lijst dicts."""
    rijen = df if isinstance(df, list) else df.to_dicts()
    gevonden = [r for r in rijen if all(r[naam] == waarde for naam, waarde in sleutels.items())]
    assert len(gevonden) == 1, f"verwacht één rij voor {sleutels}, gevonden {len(gevonden)}"
    return gevonden[0]


def waarden(cur, **sleutels) -> list[dict]:
    voorwaarden = " and ".join(f"{k} = ${k}" for k in sleutels)
    return cur.sql(f"select * from indicator_waarden where {voorwaarden}", params=sleutels).pl().to_dicts()


# --- berekende bijstand per 1.000 ----------------------------------------------------------------------


def test_bijstand_per_1000_berekend_uit_de_voorkeursaantallen(cur):
    (w,) = waarden(cur, indicator_code="bijstand_per_1000", regio_code="GM0148", peiljaar=2023)
    # 300 personen / 30.000 inwoners (CBS, niet de 31.000 uit het document) × 1.000
    assert w["waarde"] == pytest.approx(10.0)
    assert w["is_berekend"] and w["is_voorkeur"]
    assert w["berekend_uit"] == "bijstand_personen T1 / inwoners T1"
    assert w["herkomst_soort"] == "CBS StatLine"
    assert w["landelijk_waarde"] == pytest.approx(25.0)  # 450.000 / 18.000.000 × 1.000
    assert w["verschil_landelijk"] == pytest.approx(-15.0)
    assert w["vorige_peiljaar"] == 2022 and w["vorige_waarde"] == pytest.approx(11.0)
    assert w["verandering"] == pytest.approx(-1.0)


def test_bijstand_per_1000_als_gegevens_geeft_precies_de_cijfers_van_de_handgeschreven_view(cur):
    """De declaratie (data/berekende_indicatoren.csv) met het generieke model ind_berekend geeft rij voor rij en
    kolom voor kolom wat de handgeschreven view van sessie 3 gaf (tests/referentie/)."""
    oud = (Path(__file__).parent / "referentie" / "ind_bijstand_per_1000_sessie3.sql").read_text(encoding="utf-8")
    select = oud[oud.index("with tellingen as") :].rstrip().rstrip(";")
    verwacht = cur.sql(f"select * from ({select}) order by all").pl()
    nieuw = cur.sql("select * from ind_berekend where indicator_code = 'bijstand_per_1000' order by all").pl()
    assert verwacht.height == 3  # GM0148 2022 en 2023, NL01 2023; GM0303 heeft een gepubliceerd cijfer
    assert nieuw.select(verwacht.columns).equals(verwacht)
    (w,) = [r for r in nieuw.to_dicts() if r["regio_code"] == "GM0148" and r["peiljaar"] == 2023]
    assert w["citaat"] == "berekend: 300 personen / 30000 inwoners × 1.000"


def test_een_nieuwe_berekende_indicator_is_alleen_een_declaratie(tmp_path):
    """Een tweede declaratie (per 10.000) geeft zonder nieuwe SQL haar cijfers; een gepubliceerd cijfer gaat voor."""
    from kompas.db import schrijf_transactie

    pad = bouw_fixture(tmp_path / "fixture.duckdb")
    with schrijf_transactie(pad) as con:
        con.execute(
            "insert into berekende_indicator values "
            "('bijstand_per_10000', 'bijstand_personen', 'inwoners', 10000, 'totaal', 'personen', 'inwoners')"
        )
    with alleen_lezen(pad) as con:
        rijen = con.execute(
            "select regio_code, peiljaar, waarde, is_berekend, citaat from afgeleid.indicator_waarden"
            " where indicator_code = 'bijstand_per_10000' order by all"
        ).fetchall()
    assert rijen == [
        ("GM0148", 2022, pytest.approx(110.0), True, "berekend: 330 personen / 30000 inwoners × 10.000"),
        ("GM0148", 2023, 95.0, False, None),  # gepubliceerd (document A): geen berekening voor die cel
        ("GM0303", 2023, pytest.approx(125.0), True, "berekend: 500 personen / 40000 inwoners × 10.000"),
        ("NL01", 2023, pytest.approx(250.0), True, "berekend: 450000 personen / 18000000 inwoners × 10.000"),
    ]


def test_registratie_zonder_interval_beoordeeld_op_het_teken_niet_op_significantie(cur):
    (w,) = waarden(cur, indicator_code="bijstand_per_1000", regio_code="GM0148", peiljaar=2023)
    assert w["significantie"] == "niet te zeggen"
    assert w["oordeel"] == "beter"  # lager is beter, 15 onder landelijk
    assert w["oordeel_grondslag"] == "teken van het verschil (registratie zonder interval)"


def test_geen_cijfer_zonder_noemer_en_zonder_landelijk_is_het_oordeel_niet_te_zeggen(cur):
    assert waarden(cur, indicator_code="bijstand_per_1000", regio_code="GM0148", peiljaar=2021) == []
    (w,) = waarden(cur, indicator_code="bijstand_per_1000", regio_code="GM0148", peiljaar=2022)
    assert w["waarde"] == pytest.approx(11.0)
    assert w["landelijk_waarde"] is None and w["oordeel"] == "niet te zeggen"


def test_gepubliceerd_cijfer_gaat_voor_een_berekend_cijfer(cur):
    rijen = waarden(cur, indicator_code="bijstand_per_1000", regio_code="GM0303", peiljaar=2023)
    assert len(rijen) == 1
    assert rijen[0]["waarde"] == 13.0 and not rijen[0]["is_berekend"]


def test_per_10000_blijft_een_eigen_reeks(cur):
    r = gegevens.reeks(cur, ["bijstand_per_1000"], ["GM0148"])
    assert set(r["indicator_code"]) == {"bijstand_per_1000"}
    assert sorted(r.filter(r["regio_code"] == "GM0148")["waarde"].to_list()) == pytest.approx([10.0, 11.0])


# --- significantie en oordeel --------------------------------------------------------------------------


def test_rakende_intervallen_zijn_niet_significant(cur):
    (w,) = waarden(cur, indicator_code="ervaren_gezondheid_pct", regio_code="GM0148", peiljaar=2020)
    assert w["significantie"] == "geen significant verschil"
    assert w["verschil_significant"] is False
    assert w["oordeel"] == "gelijk"
    assert w["verschil_landelijk"] == pytest.approx(3.0)


def test_gescheiden_intervallen_zijn_significant_met_richting(cur):
    (hoger,) = waarden(cur, indicator_code="ervaren_gezondheid_pct", regio_code="GG1009", peiljaar=2020)
    assert hoger["significantie"] == "significant hoger" and hoger["oordeel"] == "beter"
    (lager,) = waarden(cur, indicator_code="ervaren_gezondheid_pct", regio_code="GM0303", peiljaar=2020)
    assert lager["significantie"] == "significant lager" and lager["oordeel"] == "slechter"


def test_landelijk_zonder_interval_buiten_en_op_de_intervalgrens(cur):
    (buiten,) = waarden(cur, indicator_code="ervaren_gezondheid_pct", regio_code="GM0148", peiljaar=2016)
    assert buiten["significantie"] == "significant lager"  # 75 ligt boven [68, 72]
    assert buiten["oordeel"] == "slechter"
    (grens,) = waarden(cur, indicator_code="ervaren_gezondheid_pct", regio_code="GM0148", peiljaar=2024)
    assert grens["significantie"] == "geen significant verschil"  # 82 = ondergrens
    assert grens["oordeel"] == "gelijk"


def test_enquete_zonder_interval_is_niet_te_zeggen(cur):
    (w,) = waarden(cur, indicator_code="eenzaam_pct", regio_code="GM0303")
    assert w["verschil_landelijk"] == pytest.approx(-1.5)
    assert w["significantie"] == "niet te zeggen" and w["oordeel"] == "niet te zeggen"


def test_een_aantal_wordt_niet_met_het_aantal_van_nederland_vergeleken(cur):
    """300 personen met bijstand in Dalfsen tegenover 450.000 in Nederland zegt niets over beter of slechter: een
    aantal hangt af van de grootte van de regio. Zonder deze regel was het oordeel 'beter' (lager is beter)."""
    (w,) = waarden(cur, indicator_code="bijstand_personen", regio_code="GM0148", peiljaar=2023)
    assert w["eenheid"] == "aantal" and w["goede_richting"] == "lager"
    assert w["landelijk_waarde"] is None and w["verschil_landelijk"] is None
    assert w["significantie"] is None
    assert w["oordeel"] == "niet te zeggen"
    assert w["oordeel_grondslag"] == "aantal (hangt af van de grootte van de regio)"
    # een verhoudingsgetal uit dezelfde tellingen wordt wel vergeleken
    (per_1000,) = waarden(cur, indicator_code="bijstand_per_1000", regio_code="GM0148", peiljaar=2023)
    assert per_1000["landelijk_waarde"] == pytest.approx(25.0) and per_1000["oordeel"] == "beter"


def test_nederland_zelf_heeft_geen_oordeel(cur):
    (w,) = waarden(cur, indicator_code="ervaren_gezondheid_pct", regio_code="NL01", peiljaar=2020)
    assert w["significantie"] is None and w["oordeel"] is None


# --- reeksen: definitiebreuk, vorige meting, ontbrekende jaren -----------------------------------------


def test_definitiebreuk_19_plus_en_18_plus_niet_verbonden(cur):
    (w2020,) = waarden(cur, indicator_code="ervaren_gezondheid_pct", regio_code="GM0148", peiljaar=2020)
    assert w2020["vorige_peiljaar"] is None  # 2016 is 19+, een andere reeks
    (w2016,) = waarden(cur, indicator_code="ervaren_gezondheid_pct", regio_code="GM0148", peiljaar=2016)
    assert w2016["landelijk_waarde"] == 75.0  # de 19+-waarde, niet de 18+-waarde van een ander jaar


def test_vorige_meting_slaat_een_ontbrekend_jaar_over(cur):
    (w,) = waarden(cur, indicator_code="ervaren_gezondheid_pct", regio_code="GM0148", peiljaar=2024)
    assert w["vorige_peiljaar"] == 2020  # 2022 ontbreekt en blijft ontbreken
    assert w["verandering"] == pytest.approx(1.0)


def test_reeks_voegt_nederland_en_ggd_toe_en_houdt_leeftijdsgroepen_apart(cur):
    alle = gegevens.reeks(cur, ["ervaren_gezondheid_pct"], ["GM0148"])
    assert set(alle["regio_code"]) == {"GM0148", "GG1009", "NL01"}
    assert set(alle["reeks"]) == {"ervaren_gezondheid_pct | 18+", "ervaren_gezondheid_pct | 19+"}
    gm = alle.filter((alle["regio_code"] == "GM0148") & (alle["leeftijd"] == "18+"))
    assert gm["peiljaar"].to_list() == [2020, 2024]
    assert gm["ondergrens"].to_list() == [81.0, 82.0]


def test_reeks_van_meerdere_indicatoren_in_een_query_is_gelijk_aan_los(cur):
    r = gegevens.reeks(cur, ["ervaren_gezondheid_pct", "bijstand_per_1000"], ["GM0148"])
    los = [gegevens.reeks(cur, [code], ["GM0148"]) for code in ("bijstand_per_1000", "ervaren_gezondheid_pct")]
    assert r.to_dicts() == los[0].to_dicts() + los[1].to_dicts()  # gesorteerd op indicator_code


# --- trendbreuk: één lijn per reeks (indicator, leeftijd, bronfamilie), één waarde per regio-jaar ------


def _grafiek(cur, indicator_code, regio_code) -> list[dict]:
    r = gegevens.reeks(cur, [indicator_code], [regio_code])
    return r.filter((r["regio_code"] == regio_code) & r["in_grafiek"]).sort("peiljaar").to_dicts()


def test_bronfamilie_gezondheidsmonitor_ongeacht_tabel_of_document(cur):
    families = {w["peiljaar"]: w["bronfamilie"] for w in _grafiek(cur, "mantelzorger_pct", "GM0303")}
    assert families == {
        2020: "Gezondheidsmonitor Volwassenen en Ouderen",  # RIVM-tabel G
        2022: "Gezondheidsmonitor Volwassenen en Ouderen",  # document dat de Gezondheidsmonitor citeert
        2023: "Gemeente (test)",  # een document van de gemeente
        2024: "Gezondheidsmonitor Volwassenen en Ouderen",  # RIVM 50120NED
        2025: "upload (eigen registratie)",  # upload, ook al heet de bron 'gemeente Dronten'
    }


def test_trendbreuk_bij_elke_wissel_van_bronfamilie(cur):
    lijn = _grafiek(cur, "mantelzorger_pct", "GM0303")
    assert [(w["peiljaar"], w["trendbreuk"], w["reeks_deel"]) for w in lijn] == [
        (2020, False, 1),
        (2022, False, 1),  # RIVM-tabel en document: dezelfde meting, één lijn
        (2023, True, 2),  # gemeentedocument: breuk
        (2024, True, 3),  # terug naar de Gezondheidsmonitor: weer een breuk, geen brug over 2023
        (2025, True, 4),  # upload: breuk
    ]
    assert len({w["reeks_id"] for w in lijn}) == 4
    assert lijn[0]["reeks_id"] == lijn[1]["reeks_id"] == "GM0303 | mantelzorger_pct | 18+ | 1"
    # Nederland: twee StatLine-tabellen van de Gezondheidsmonitor, één lijn
    nl = _grafiek(cur, "mantelzorger_pct", "NL01")
    assert [w["trendbreuk"] for w in nl] == [False, False] and len({w["reeks_id"] for w in nl}) == 1


def test_vorige_meting_alleen_uit_dezelfde_bronfamilie(cur):
    """De verandering op het Overzicht ('+1,0 sinds 2022') vergelijkt nooit over een trendbreuk heen: de vorige
    meting komt uit dezelfde bronfamilie (issue 10: '−9,2 sinds 2020' vergeleek een gemeentedocument met de
    Gezondheidsmonitor)."""
    rijen = cur.sql("""select peiljaar, vorige_peiljaar, verandering from afgeleid.indicator_waarden
                       where indicator_code = 'mantelzorger_pct' and regio_code = 'GM0303' and is_voorkeur
                       order by peiljaar""").fetchall()
    assert [(j, v) for j, v, _ in rijen] == [
        (2020, None),
        (2022, 2020),  # Gezondheidsmonitor (RIVM-tabel, dan een document dat haar citeert)
        (2023, None),  # gemeentedocument: geen eerdere meting in die familie
        (2024, 2022),  # Gezondheidsmonitor: vergeleken met 2022, niet met het document van 2023
        (2025, None),  # upload
    ]
    assert rijen[3][2] == pytest.approx(1.0)


def test_leeftijdsgroepen_zijn_aparte_lijnen_geen_trendbreuken(cur):
    r = gegevens.reeks(cur, ["ervaren_gezondheid_pct"], ["GM0148"])
    gm = r.filter(r["regio_code"] == "GM0148")
    assert not gm["trendbreuk"].any()
    ids = dict(zip(gm["leeftijd"], gm["reeks_id"]))
    assert ids == {
        "19+": "GM0148 | ervaren_gezondheid_pct | 19+ | 1",
        "18+": "GM0148 | ervaren_gezondheid_pct | 18+ | 1",
    }


def test_een_grafiekwaarde_per_regio_en_jaar(cur):
    r = gegevens.reeks(cur, ["problematische_schulden_pct"], ["GM0148"])
    nl2020 = r.filter((r["regio_code"] == "NL01") & (r["peiljaar"] == 2020)).sort("peildatum").to_dicts()
    # beide standen zijn voorkeur (elk voor hun eigen peildatum) en staan in de tabel; in de grafiek alleen
    # de laatste stand van het jaar (1 oktober), geen verticale zigzag
    assert [(str(w["peildatum"]), w["is_voorkeur"], w["in_grafiek"]) for w in nl2020] == [
        ("2020-01-01", True, False),
        ("2020-10-01", True, True),
    ]
    assert nl2020[0]["reeks_id"] is None and not nl2020[0]["trendbreuk"]
    grafiek = r.filter(r["in_grafiek"])
    assert grafiek.group_by("regio_code", "peiljaar", "leeftijd").len()["len"].max() == 1


def test_waarden_zonder_voorkeur_nooit_in_de_grafiek(cur):
    rijen = cur.sql("select * from afgeleid.indicator_waarden where in_grafiek and not is_voorkeur").fetchall()
    assert rijen == []
    dubbel = cur.sql("""
        select indicator_code, regio_code, peiljaar, leeftijd from afgeleid.indicator_waarden where in_grafiek
        group by all having count(*) > 1""").fetchall()
    assert dubbel == []


def test_trendbreuk_in_de_ingebedde_cijfers(lees):
    """Op de echte cijfers: Dronten 2020 (CBS Gezondheidsmonitor) en 2023 (beleidskader van de gemeente)."""
    (w,) = lees(
        "select * from afgeleid.indicator_waarden where indicator_code = 'ervaren_gezondheid_pct'"
        " and regio_code = 'GM0303' and peiljaar = 2023 and in_grafiek"
    )
    assert w["trendbreuk"] and w["bronfamilie"] == "gemeente Dronten" and w["reeks_deel"] == 2
    families = lees(
        "select distinct tabel_id, bronfamilie from afgeleid.indicator_waarden"
        " where tabel_id in ('83674NED', '85012NED') order by tabel_id"
    )
    assert {f["bronfamilie"] for f in families} == {"Gezondheidsmonitor Volwassenen en Ouderen"}
    # Nederland 2020 en de Corona Gezondheidsmonitor 2022 (RIVM-samenvatting): één lijn
    nl = lees(
        "select peiljaar, trendbreuk from afgeleid.indicator_waarden where indicator_code ="
        " 'ervaren_gezondheid_pct' and regio_code = 'NL01' and leeftijd = '18+' and in_grafiek and peiljaar <= 2022"
        " order by peiljaar"
    )
    assert [(n["peiljaar"], n["trendbreuk"]) for n in nl] == [(2020, False), (2022, False)]


# --- bronvoorkeur en peildatum -------------------------------------------------------------------------


def test_bronvoorkeur_en_landelijk_cijfer_uit_dezelfde_bron(cur):
    rijen = {
        w["herkomst_id"]: w
        for w in waarden(cur, indicator_code="problematische_schulden_pct", regio_code="GM0303", peiljaar=2023)
    }
    upload, document = rijen["test:upload-1"], rijen["test:doc-A"]
    assert upload["is_voorkeur"] and not document["is_voorkeur"]
    assert upload["herkomst_soort"] == "upload"
    # upload: geen landelijk cijfer in de upload, dus de landelijke voorkeurswaarde (CBS 8,2)
    assert upload["landelijk_waarde"] == 8.2 and upload["verschil_landelijk"] == pytest.approx(-0.7)
    # document: landelijk uit hetzelfde document
    assert document["landelijk_waarde"] == 8.0 and document["verschil_landelijk"] == pytest.approx(-1.0)


def test_voorkeur_volgorde_is_de_volgorde_van_de_voorkeur(cur):
    """De macro voorkeur_volgorde (queries/staging/05) geeft dezelfde volgorde als de vier sorteersleutels die ze
    vervangt, ook met lege waarden op elke plek: bron_rang oplopend, opgehaald_op aflopend met leeg achteraan,
    gepubliceerd_als oplopend met leeg vooraan, herkomst_id oplopend."""
    rijen = cur.execute(
        """
        with r (bron_rang, opgehaald_op, gepubliceerd_als, herkomst_id) as (
            select * from (values (1), (2), (null::integer)) as a (bron_rang)
            cross join (values (timestamp '2025-01-01 10:00'), (timestamp '2026-06-01 08:30'), (null::timestamp))
                as b (opgehaald_op)
            cross join (values ('GM0001'), ('GM0002'), (null::varchar)) as c (gepubliceerd_als)
            cross join (values ('a'), ('b'), (null::varchar)) as d (herkomst_id)
        )
        select
            list(r order by bron_rang asc, opgehaald_op desc nulls last, gepubliceerd_als asc nulls first,
                herkomst_id asc) as verwacht,
            list(r order by voorkeur_volgorde(bron_rang, opgehaald_op, gepubliceerd_als, herkomst_id)) as macro
        from r
        """
    ).fetchall()
    ((verwacht, macro),) = rijen
    assert len(verwacht) == 81
    assert macro == verwacht


def test_landelijk_cijfer_van_dezelfde_peildatum(cur):
    (w,) = waarden(cur, indicator_code="problematische_schulden_pct", regio_code="GM0148")
    assert w["landelijk_waarde"] == 7.6  # 1 oktober 2020, niet 1 januari


# --- overzicht -----------------------------------------------------------------------------------------


def test_overzicht_laatste_waarden_en_een_gemeente_zonder_gegevens(cur):
    o = gegevens.overzicht(cur, ["GM0148", "GM1876"]).to_dicts()
    kop = gegevens.kopindicatoren()
    assert len(o) == len(kop) * 2
    b = rij(o, indicator_code="bijstand_per_1000", regio_code="GM0148")
    assert b["peiljaar"] == 2023 and b["waarde"] == pytest.approx(10.0)
    assert b["landelijk_waarde"] == pytest.approx(25.0) and b["verschil"] == pytest.approx(-15.0)
    assert b["vorige_peiljaar"] == 2022 and b["verandering"] == pytest.approx(-1.0)
    assert b["oordeel"] == "beter" and b["berekend_uit"] == "bijstand_personen T1 / inwoners T1"
    assert b["bron"].startswith("CBS StatLine, tabel T1 Kerncijfers (test), https://example.invalid/T1")
    g = rij(o, indicator_code="ervaren_gezondheid_pct", leeftijd="18+", regio_code="GM0148")
    assert g["peiljaar"] == 2024 and g["ondergrens"] == 82.0
    leeg = [r for r in o if r["regio_code"] == "GM1876"]
    assert len(leeg) == len(kop)
    assert all(r["waarde"] is None and r["regio_naam"] == "Bronckhorst" for r in leeg)
    # op volgorde van kopindicator, daarbinnen van gemeente (de pagina groepeert zo)
    assert [r["volgorde"] for r in o] == sorted(r["volgorde"] for r in o)
    assert [r["regio_code"] for r in o[:2]] == ["GM0148", "GM1876"]


def test_overzicht_houdt_de_leeftijd_aan(cur):
    o = gegevens.overzicht(cur, ["GM0303"])
    assert rij(o, indicator_code="eenzaam_pct", leeftijd="65+")["waarde"] == 47.1
    assert rij(o, indicator_code="eenzaam_pct", leeftijd="18+")["waarde"] is None
    assert rij(o, indicator_code="problematische_schulden_pct")["waarde"] == 7.5  # de upload


# --- vergelijking, detail, registry, bronnen, dekking --------------------------------------------------


def test_vergelijking_alleen_binnen_de_jaren_en_alleen_voorkeurswaarden(cur):
    v = gegevens.vergelijking(
        cur, ["ervaren_gezondheid_pct", "problematische_schulden_pct"], ["GM0148", "GM0303", "NL01"], 2019, 2023
    )
    assert set(zip(v["indicator_code"], v["regio_code"], v["peiljaar"])) == {
        ("ervaren_gezondheid_pct", "GM0148", 2020),
        ("ervaren_gezondheid_pct", "GM0303", 2020),
        ("ervaren_gezondheid_pct", "NL01", 2020),
        ("problematische_schulden_pct", "GM0148", 2020),
        ("problematische_schulden_pct", "GM0303", 2023),
        ("problematische_schulden_pct", "NL01", 2020),
        ("problematische_schulden_pct", "NL01", 2023),
    }
    assert v.height == 8  # NL01 2020 heeft twee peildata


def test_alle_waarden_bevatten_ook_bronnen_zonder_voorkeur(cur):
    d = gegevens.indicator_alle_waarden(cur, "problematische_schulden_pct")
    gm = d.filter(d["regio_code"] == "GM0303")
    assert gm.height == 2 and gm["is_voorkeur"].sum() == 1
    assert set(gm["herkomst_soort"]) == {"upload", "gepubliceerd document"}


def test_indicatoren_vatten_samen_wat_er_is(cur):
    register = gegevens.indicatoren(cur)
    (info,) = register.filter(register["indicator_code"] == "ervaren_gezondheid_pct").to_dicts()
    assert info["eenheid"] == "%" and info["goede_richting"] == "hoger"
    assert info["aantal_waarden"] == 8 and info["leeftijden"] == ["18+", "19+"]
    assert (info["eerste_peiljaar"], info["laatste_peiljaar"]) == (2016, 2024)


def test_bronnen_tellen_opgeslagen_en_berekende_cijfers(cur):
    b = gegevens.bronnen(cur)
    t1 = rij(b, herkomst_id="test:cbs-T1")
    assert t1["aantal_cijfers"] == 10 and t1["aantal_berekend"] == 3  # GM0148 2022/2023 en NL01 2023
    assert t1["tabel_id"] == "T1"


def test_dekking_toont_aanwezig_en_ontbrekend(cur):
    d = gegevens.dekking(cur, ["GM0148", "GM1876"])
    b = d.filter(d["indicator_code"] == "bijstand_per_1000")
    assert set(b["peiljaar"]) == {2022, 2023}
    assert rij(b, regio_code="GM0148", peiljaar=2023)["aanwezig"] is True
    assert rij(b, regio_code="GM1876", peiljaar=2023)["aanwezig"] is False
    leeg = rij(d, indicator_code="wmo_per_1000", regio_code="GM0148")
    assert leeg["peiljaar"] is None and leeg["aanwezig"] is False


def test_gemeenten_op_volgorde_met_ggd_regio_en_een_indicator_zonder_cijfers(cur):
    g = gegevens.gemeenten(cur)
    assert g["regio_code"].to_list() == ["GM0148", "GM1876", "GM0303"]
    assert rij(g, regio_code="GM0303")["ggd_regio_naam"] == "GGD Flevoland"
    i = gegevens.indicatoren(cur)
    assert rij(i, indicator_code="wmo_per_1000")["aantal_waarden"] == 0


# --- kaderboom -----------------------------------------------------------------------------------------


def test_kader_boom_waarden_nulmeting_en_status(cur):
    k = gegevens.kader_boom(cur, "GM0148")
    assert k.height == 5  # 4 indicatoren + 1 doel zonder indicatoren
    i1 = rij(k, kader_indicator_id="GM0148-i1")
    assert i1["laatste_waarde"] == pytest.approx(10.0) and i1["laatste_peiljaar"] == 2023
    assert i1["nulmeting_waarde"] == pytest.approx(11.0) and i1["nulmeting_herkomst"] == "waarneming"
    assert i1["verandering_sinds_nulmeting"] == pytest.approx(-1.0)
    assert i1["streef_tekst"] == "maximaal 10" and i1["status"] == "op koers"
    i2 = rij(k, kader_indicator_id="GM0148-i2")
    assert i2["laatste_waarde"] == 84.0 and i2["leeftijd"] == "18+"
    assert i2["nulmeting_herkomst"] == "kader" and i2["verandering_sinds_nulmeting"] == pytest.approx(4.0)
    assert [s["tekst"] for s in i2["streefwaarden"]] == [">84%", "minimaal 85%"]
    assert i2["streef_jaar"] == 2024 and i2["status"] == "risico"  # '>84%' is streng: 84 haalt het net niet
    assert i1["doel_status"] == i2["doel_status"] == "risico"
    assert (i1["doel_beoordeeld"], i1["doel_indicatoren"]) == (2, 2)
    i3 = rij(k, kader_indicator_id="GM0148-i3")  # zonder gekoppelde registry-indicator
    assert i3["status"] == "nog niet te beoordelen" and i3["status_reden"] == "geen meetbare indicator"
    assert i3["doel_status"] == "nog niet te beoordelen" and (i3["doel_beoordeeld"], i3["doel_indicatoren"]) == (0, 1)
    d3 = rij(k, doel_id="GM0148-d3")
    assert d3["kader_indicator_id"] is None and d3["doel_status"] == "nog niet te beoordelen"
    assert d3["doel_indicatoren"] == 0 and d3["status_reden"] is None


def test_doelen_telling_zelfde_regel_als_kaderboom(cur):
    """Het Overzicht telt de doelen met dezelfde statusregel als de Kaderspagina."""
    [telling] = gegevens.doelen_telling(cur, ["GM0148"]).to_dicts()
    boom = gegevens.kader_boom(cur, "GM0148").unique("doel_id")
    verwacht = {
        s: boom.filter(boom["doel_status"] == s).height
        for s in ("op koers", "risico", "niet op koers", "nog niet te beoordelen")
    }
    assert telling["aantal_doelen"] == boom.height == 4
    assert {s: telling[s] for s in verwacht} == verwacht
    assert verwacht["risico"] == 1 and verwacht["nog niet te beoordelen"] >= 2  # d1 risico; d2, d3 niet te beoordelen
    assert gegevens.doelen_telling(cur, ["GM1876"]).is_empty()  # geen kaders: geen telling


def test_kader_boom_eenheid_uit_de_registry_en_de_woorden_van_het_kader_erbij(cur):
    k = gegevens.kader_boom(cur, "GM0148")
    i1 = rij(k, kader_indicator_id="GM0148-i1")
    assert i1["eenheid"] == "per 1.000 inwoners"  # de cijfers zijn registry-cijfers
    assert i1["kader_eenheid"] == "aantal (trend t.o.v. landelijk)"  # de woorden van het kader, als tekst
    assert rij(k, kader_indicator_id="GM0148-i2")["kader_eenheid"] is None


def test_kader_boom_statusmarge_volgt_de_eenheid_uit_de_registry(cur):
    # 10,0 per 1.000 tegen 'maximaal 9': 1,0 te hoog. Met de '%' van het kader zou de marge 2 procentpunt zijn
    # (risico); de registry-eenheid 'per 1.000 inwoners' geeft 10% van 9 = 0,9: niet op koers.
    i4 = rij(gegevens.kader_boom(cur, "GM0148"), kader_indicator_id="GM0148-i4")
    assert i4["eenheid"] == "per 1.000 inwoners" and i4["kader_eenheid"] == "%"
    assert i4["laatste_waarde"] == pytest.approx(10.0)
    assert i4["status"] == "niet op koers"


def test_kader_boom_van_een_gemeente_zonder_kaders_is_leeg(cur):
    assert gegevens.kader_boom(cur, "GM1876").height == 0


def test_kaartindicatoren_zijn_precies_de_voorkeursjaren_van_gemeenten_en_wijken_in_de_indicatorwaarden(cur):
    # de keuzes van de kaartenpagina komen uit de samenvatting afgeleid.kaart_jaren; ze moeten precies zijn wat
    # een selectie uit heel afgeleid.indicator_waarden geeft (de vorige query)
    direct = cur.sql(
        "select distinct indicator_code, indicator_naam, eenheid, decimalen, indicator_soort, regio_soort, peiljaar"
        " from afgeleid.indicator_waarden where is_voorkeur and regio_soort in ('gemeente', 'wijk')"
        " order by indicator_naam, regio_soort, peiljaar, indicator_code"
    ).pl()
    keuzes = gegevens.kaartindicatoren(cur)
    assert not keuzes.is_empty()
    assert keuzes.sort(["indicator_naam", "regio_soort", "peiljaar", "indicator_code"]).equals(direct)
