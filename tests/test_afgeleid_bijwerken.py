"""Het schrijfpad herberekent alleen wat een schrijver raakte (kompas.db.raakt, zet_afgeleid_vast): na elke schrijf-
actie is elke afgeleide tabel precies wat een volledige herberekening geeft.

Een reeks echte schrijfacties op de ingebedde database: een verversing van één tabel (de lokale OData-server van
tests/odata, verzonnen cijfers), een upload, een nieuwe versie met andere cijfers, intrekken (de vorige versie komt
terug), nog eens intrekken, en een upload van een noemer (inwoners, waaruit bijstand_per_1000 wordt berekend). Na
elke stap wordt een kopie helemaal herberekend (een schrijftransactie die niets zegt) en vergeleken, tabel voor
tabel, met `except all` in beide richtingen.
"""

from __future__ import annotations

import datetime as dt
import itertools
import shutil

import duckdb
import pytest
from test_cbs_refresh import _klok, _stil, servers  # noqa: F401  (de fixture met de lokale OData-servers)

from kompas.db import raakt, schrijf_transactie
from loaders import cbs, excel
from loaders.cbs import ververs

import werkboeken as wb
from dbhulp import alleen_lezen, vraag

DOOR = "test@dalfsen.nl"


def _afgeleide_tabellen(pad) -> list[str]:
    rijen = vraag(
        pad,
        "select table_name from duckdb_tables() where schema_name = 'afgeleid' and table_name <> 'schema_versie'"
        " order by all",
    )
    return [t for (t,) in rijen]


def _herberekend(pad) -> list[str] | None:
    """Welke indicatoren de laatste schrijfactie opnieuw afleidde (NULL: alles)."""
    return vraag(pad, "select herberekend from afgeleid.schema_versie")[0][0]


def _herberekend_regios(pad) -> list[str] | None:
    """In welke regio's (NULL: alle)."""
    return vraag(pad, "select herberekend_regios from afgeleid.schema_versie")[0][0]


def verschillen_met_volledig(pad, tmp_path) -> dict[str, tuple[int, int]]:
    """Per afgeleide tabel (rijen alleen in de database, rijen alleen in de volledige herberekening); leeg als
    alles gelijk is."""
    volledig = tmp_path / "volledig.duckdb"
    volledig.unlink(missing_ok=True)
    shutil.copyfile(pad, volledig)
    with schrijf_transactie(volledig):
        pass  # zegt niets: alles opnieuw
    assert _herberekend(volledig) is None
    tabellen = _afgeleide_tabellen(pad)
    assert tabellen == _afgeleide_tabellen(volledig)
    verschil = {}
    with alleen_lezen(pad) as con:
        con.execute("attach $pad as volledig (read_only)", {"pad": str(volledig)})
        for tabel in tabellen:  # namen uit de catalogus van de eigen database
            kolommen = [r[0] for r in con.execute(f"describe afgeleid.{tabel}").fetchall()]
            assert kolommen == [r[0] for r in con.execute(f"describe volledig.afgeleid.{tabel}").fetchall()], tabel
            alleen_hier = con.execute(
                f"select count(*) from (from afgeleid.{tabel} except all from volledig.afgeleid.{tabel})"
            ).fetchone()[0]
            alleen_daar = con.execute(
                f"select count(*) from (from volledig.afgeleid.{tabel} except all from afgeleid.{tabel})"
            ).fetchone()[0]
            if alleen_hier or alleen_daar:
                verschil[tabel] = (alleen_hier, alleen_daar)
    return verschil


def _upload(rijen: list[list], naam: str = "dalfsen.xlsx") -> list[int]:
    return excel.leg_vast(excel.valideer(wb.waarden(rijen), naam), door=DOOR)


def _bijstand_per_1000(pad, jaar: int) -> list[tuple]:
    return vraag(
        pad,
        "select waarde, herkomst_id from afgeleid.indicator_waarden where indicator_code = 'bijstand_per_1000'"
        " and regio_code = 'GM0148' and peiljaar = ? and is_voorkeur",
        [jaar],
    )


def _tweede_statline_cijfer(db) -> None:
    """Een tweede StatLine-cijfer (VERZONNEN, testgegevens) voor de cel huishoudens × GM0148 × 2024, opgehaald op
    15-11-2026: tussen twee StatLine-cijfers voor dezelfde cel gaat het laatst opgehaalde voor."""
    with schrijf_transactie(db) as con:
        raakt(con, herkomsten=["test:tweede"])
        con.execute(
            "insert into herkomst (herkomst_id, soort, bron, titel, opgehaald_op, licentie) values ('test:tweede',"
            " 'CBS StatLine', 'CBS', 'tweede kopie (test)', timestamp '2026-11-15 12:00:00', 'CC BY 4.0')"
        )
        con.execute(
            "insert into waarneming (indicator_code, regio_code, peiljaar, leeftijd, waarde, herkomst_id)"
            " values ('huishoudens', 'GM0148', 2024, 'totaal', 12345, 'test:tweede')"
        )


def test_na_elke_schrijfactie_is_elke_afgeleide_tabel_gelijk_aan_een_volledige_herberekening(
    servers,  # noqa: F811
    ingebedde_db,
    tmp_path,
):
    alle_indicatoren = len(vraag(ingebedde_db, "select indicator_code from indicator"))

    def controleer(stap: str, moet_bevatten: set[str], alleen_dalfsen: bool = True) -> None:
        herberekend = _herberekend(ingebedde_db)
        assert herberekend is not None, f"{stap}: alles herberekend, niet alleen wat geraakt is"
        assert moet_bevatten <= set(herberekend), f"{stap}: {herberekend}"
        assert len(herberekend) < alle_indicatoren / 2, f"{stap}: {herberekend}"
        if alleen_dalfsen:  # een upload van Dalfsen: alleen Dalfsen, en Nederland waarmee elke rij vergelijkt
            assert _herberekend_regios(ingebedde_db) == ["GM0148", "NL01"], stap
        assert verschillen_met_volledig(ingebedde_db, tmp_path) == {}, stap

    # 1. verversing van één tabel: Kerncijfers 2024, met inwoners en bijstand_personen (dus ook bijstand_per_1000).
    # De eerste keer komen er regio's bij (de wijken van de focusgemeenten uit de codelijst): dat herberekent alles,
    # want een regio verandert elke rij van die regio; de tweede keer zijn de regio's en de cijfers gelijk: niets
    # herberekend (test_een_verversing_herberekent_alleen_wat_veranderde).
    assert [u.fout for u in ververs(["85984NED"], meld=_stil)] == [None]
    assert _herberekend(ingebedde_db) is None, "nieuwe regio's: alles herberekend"
    assert verschillen_met_volledig(ingebedde_db, tmp_path) == {}
    assert [u.fout for u in ververs(["85984NED"], meld=_stil)] == [None]
    assert _herberekend(ingebedde_db) == []
    assert verschillen_met_volledig(ingebedde_db, tmp_path) == {}

    # 2. upload: een eigen indicator en een teller van een berekende indicator in een jaar zonder CBS-cijfer
    rij_eigen = ["GM0148", "bewindvoering_huishoudens", 2022, 181, "aantal huishoudens", "GWS4all", None]
    (v1,) = _upload([rij_eigen, ["GM0148", "bijstand_personen", 2019, 300, "aantal", "eigen telling", None]])
    controleer("upload", {"bewindvoering_huishoudens", "bijstand_personen", "bijstand_per_1000"})
    eerst = _bijstand_per_1000(ingebedde_db, 2019)

    # 2b. een streefwaarde en nulmeting uit een upload voor een kaderindicator van Dalfsen: de kaderboom verandert
    # zonder dat een cijfer verandert (kader_versie)
    streef = [["GM0148", "garantiebanen_aantal", 2026, "minimaal 40", 2020, 25, None]]
    excel.leg_vast(excel.valideer(wb.waarden(streef, kop=wb.STREEF_KOP, blad="Streefwaarden"), "s.xlsx"), door=DOOR)
    assert _herberekend(ingebedde_db) == []
    assert verschillen_met_volledig(ingebedde_db, tmp_path) == {}
    streefwaarden = vraag(
        ingebedde_db,
        "select streefwaarden from afgeleid.kader_indicatoren where indicator_code = 'garantiebanen_aantal'"
        " and gemeente_code = 'GM0148'",
    )
    assert "minimaal 40" in str(streefwaarden)

    # 3. een nieuwe versie van dezelfde upload met andere cijfers (vervangt v1)
    (v2,) = _upload(
        [[*rij_eigen[:3], 190, *rij_eigen[4:]], ["GM0148", "bijstand_personen", 2019, 360, "aantal", "x", None]]
    )
    controleer("nieuwe versie", {"bewindvoering_huishoudens", "bijstand_per_1000"})
    assert _bijstand_per_1000(ingebedde_db, 2019) != eerst

    # 4. intrekken: v1 komt terug; 5. ook v1 intrekken: de upload is helemaal weg
    assert excel.trek_in(v2, DOOR) == v1
    controleer("intrekken", {"bewindvoering_huishoudens", "bijstand_per_1000"})
    assert _bijstand_per_1000(ingebedde_db, 2019) == eerst
    excel.trek_in(v1, DOOR)
    controleer("nog eens intrekken", {"bewindvoering_huishoudens", "bijstand_per_1000"})

    # 6. een andere noemer: inwoners uit een upload gaan voor het document; bijstand_per_1000 verandert mee
    _upload([["GM0148", "bijstand_personen", 2019, 300, "aantal", None, None]], naam="bijstand.xlsx")
    voor = _bijstand_per_1000(ingebedde_db, 2019)
    _upload([["GM0148", "inwoners", 2019, 25000, "aantal", "eigen telling", None]], naam="inwoners.xlsx")
    controleer("noemer", {"inwoners", "bijstand_per_1000"})
    na = _bijstand_per_1000(ingebedde_db, 2019)
    assert na and voor and na != voor


def test_een_nieuwe_versie_van_een_upload_herberekent_de_cellen_die_erbij_kwamen_wegvielen_of_veranderden(
    ingebedde_db, tmp_path
):
    """queries/schrijven/geraakt.sql vergelijkt oud en nieuw alleen in cellen (indicator, regio) die al rijen van de
    genoemde herkomsten hadden; een cel met alleen nieuwe rijen is zonder vergelijking geraakt, een cel met alleen
    oude rijen ook. Een nieuwe versie van een upload met een cel erbij, een cel minder, een veranderde en een met
    hetzelfde cijfer (die is toch geraakt: herkomst en bron van de rij zijn de nieuwe upload)."""
    gelijk = ["GM0148", "inburgeraars_participatie_pct", 2022, 55, "%", "eigen telling", None]
    oud = ["GM0148", "kindregeling_bestellingen", 2022, 10, "aantal kinderen", "eigen telling", None]
    eigen = ["GM0148", "bewindvoering_huishoudens", 2022, 181, "aantal huishoudens", "GWS4all", None]
    _upload([gelijk, oud, eigen], naam="versies.xlsx")
    assert set(_herberekend(ingebedde_db)) == {
        "inburgeraars_participatie_pct", "kindregeling_bestellingen", "bewindvoering_huishoudens"
    }  # fmt: skip
    erbij = ["GM0148", "klanttevredenheid_jeugdhulp_pct", 2022, 70, "%", "eigen telling", None]
    _upload([gelijk, [*eigen[:2], 2023, 190, *eigen[4:]], eigen, erbij], naam="versies.xlsx")  # vervangt de eerste
    assert _herberekend(ingebedde_db) == [
        "bewindvoering_huishoudens", "inburgeraars_participatie_pct", "kindregeling_bestellingen",
        "klanttevredenheid_jeugdhulp_pct",
    ]  # fmt: skip
    assert _herberekend_regios(ingebedde_db) == ["GM0148", "NL01"]
    assert verschillen_met_volledig(ingebedde_db, tmp_path) == {}


KWB = ("85984NED", "TypedDataSet")  # de opgenomen Kerncijfers 2024 (tests/odata/opendata/85984NED)
KWB_HERKOMST = "cbs:85984NED"


def _kwb_rijen(opendata, **wijzigingen) -> list[dict]:
    """De opgenomen rijen van 85984NED, met `wijzigingen`: {regio: {kolom: waarde}} (regio zonder opvulling)."""
    opendata.vervang.pop(KWB, None)
    rijen = [dict(r) for r in opendata.lijst(*KWB)]
    for rij in rijen:
        rij.update(wijzigingen.get(rij["WijkenEnBuurten"].strip(), {}))
    return rijen


def _zet_opgehaald_op(pad, herkomst_id: str, moment: str) -> None:
    """Een schrijver die alleen herkomst.opgehaald_op van een herkomst verandert (zoals een verversing die dezelfde
    cijfers terugkrijgt, op een ander moment) en dat zegt."""
    with schrijf_transactie(pad) as con:
        raakt(con, herkomsten=[herkomst_id])
        con.execute(
            "update herkomst set opgehaald_op = $moment::timestamp where herkomst_id = $id",
            {"moment": moment, "id": herkomst_id},
        )


def _opgehaald_op(pad, herkomst_id: str) -> set:
    return {
        r
        for (r,) in vraag(
            pad, "select distinct opgehaald_op from afgeleid.indicator_waarden where herkomst_id = ?", [herkomst_id]
        )
    }


def test_een_verversing_herberekent_alleen_wat_veranderde(servers, ingebedde_db, tmp_path):  # noqa: F811
    """Een verversing vervangt een hele herkomst; geraakt zijn alleen de cellen (indicator, regio) waar haar rijen
    vóór en na verschillen (queries/schrijven/geraakt.sql), en elke afgeleide tabel is daarna precies een volledige
    herberekening, opgehaald_op per rij en de voorkeur tussen twee StatLine-cijfers voor dezelfde cel inbegrepen."""
    opendata, _ = servers
    assert [u.fout for u in ververs(["85984NED"], meld=_stil)] == [None]  # de eerste keer: nieuwe regio's, alles
    assert _herberekend(ingebedde_db) is None

    def ververs_en_controleer(indicatoren: list[str] | None, regios: list[str] | None, stap: str) -> None:
        assert [u.fout for u in ververs(["85984NED"], meld=_stil)] == [None], stap
        assert _herberekend(ingebedde_db) == indicatoren, stap
        if indicatoren:
            assert _herberekend_regios(ingebedde_db) == regios, stap
        assert verschillen_met_volledig(ingebedde_db, tmp_path) == {}, stap

    # (a) dezelfde cijfers, later opgehaald: niets herberekend, wel het nieuwe opgehaald_op in elke rij
    _zet_opgehaald_op(ingebedde_db, KWB_HERKOMST, "2026-12-01 12:00:00")  # ná elke ingebedde StatLine-kopie
    assert _herberekend(ingebedde_db) == []
    assert verschillen_met_volledig(ingebedde_db, tmp_path) == {}
    assert _opgehaald_op(ingebedde_db, KWB_HERKOMST) == {dt.datetime(2026, 12, 1, 12)}
    ververs_en_controleer([], None, "dezelfde cijfers")
    [(opgehaald,)] = vraag(ingebedde_db, "select opgehaald_op from herkomst where herkomst_id = ?", [KWB_HERKOMST])
    assert _opgehaald_op(ingebedde_db, KWB_HERKOMST) == {opgehaald}

    # (b) één ander cijfer: alleen die indicator in die gemeente (met Nederland); een teller van een berekende
    # indicator: ook de berekende en haar noemer
    opendata.vervang[KWB] = _kwb_rijen(opendata, GM0148={"HuishoudensTotaal_29": 11111})
    ververs_en_controleer(["huishoudens"], ["GM0148", "NL01"], "ander aantal huishoudens")
    opendata.vervang[KWB] = _kwb_rijen(
        opendata, GM0148={"HuishoudensTotaal_29": 11111}, GM0303={"PersonenPerSoortUitkeringBijstand_94": 777}
    )
    ververs_en_controleer(["bijstand_per_1000", "bijstand_personen", "inwoners"], ["GM0303", "NL01"], "bijstand")

    # (c) een cijfer dat wegvalt ('.' bij de bron: niet geschreven) en terugkomt
    opendata.vervang[KWB] = _kwb_rijen(
        opendata,
        GM0148={"HuishoudensTotaal_29": 11111},
        GM0303={"PersonenPerSoortUitkeringBijstand_94": 777},
        GM1876={"WmoClienten_100": None},
    )
    ververs_en_controleer(["wmo_clienten"], ["GM1876", "NL01"], "een cijfer minder")
    opendata.vervang[KWB] = _kwb_rijen(
        opendata, GM0148={"HuishoudensTotaal_29": 11111}, GM0303={"PersonenPerSoortUitkeringBijstand_94": 777}
    )
    ververs_en_controleer(["wmo_clienten"], ["GM1876", "NL01"], "het cijfer terug")

    # (c) cijfers voor een regio die de herkomst nog niet had (een bekende wijk, data/regio.csv, nu ook in de
    # codelijst van de tabel): haar cellen, met de berekende indicator
    kwb = [
        "bijstand_per_1000", "bijstand_personen", "huishoudens", "huishoudens_laag_inkomen_pct", "inwoners",
        "jongeren_met_jeugdzorg", "jongeren_met_jeugdzorg_pct", "netto_arbeidsparticipatie_pct", "wmo_clienten",
        "wmo_per_1000",
    ]  # fmt: skip
    wijk = next(r for r in opendata.lijst(*KWB) if r["WijkenEnBuurten"].startswith("WK0148"))
    codelijst = list(opendata.lijst("85984NED", "WijkenEnBuurten"))
    code = next(c for c in codelijst if c["Key"].startswith("WK0148"))

    def wijk_erbij(wijkcode: str, naam: str) -> None:
        opendata.vervang[("85984NED", "WijkenEnBuurten")] = [
            *opendata.lijst("85984NED", "WijkenEnBuurten"),
            {**code, "Key": f"{wijkcode}  ", "Title": naam, "DetailRegionCode": wijkcode},
        ]
        opendata.vervang[KWB] = [
            *opendata.lijst(*KWB),
            {**wijk, "ID": 90 + len(codelijst), "WijkenEnBuurten": f"{wijkcode}  "},
        ]

    wijk_erbij("WK014801", "Lemelerveld")
    ververs_en_controleer(kwb, ["WK014801", "NL01"], "een regio erbij")
    # een nieuwe regio (een wijk die alleen de codelijst van de tabel kent): alles, want een regio verandert elke
    # rij ervan (queries/schrijven/referentie_versie.sql)
    wijk_erbij("WK014899", "Nieuwe wijk")
    ververs_en_controleer(None, None, "een nieuwe wijk")
    assert vraag(ingebedde_db, "select count(*) from regio where regio_code = 'WK014899'") == [(1,)]

    # de voorkeur: een tweede StatLine-cijfer voor dezelfde cel (huishoudens, niet in een berekening), eerder
    # opgehaald; de verversing gaat voor. Zet de verversing terug van vóór dat cijfer en van vóór de ingebedde
    # StatLine-kopieën (23-11 en 1-12): dan gaan die voor, zonder dat een cijfer verandert
    _tweede_statline_cijfer(ingebedde_db)
    assert _herberekend(ingebedde_db) == ["huishoudens"]
    assert verschillen_met_volledig(ingebedde_db, tmp_path) == {}
    voorkeur = (
        "select waarde from afgeleid.indicator_waarden where indicator_code = 'huishoudens' and regio_code = 'GM0148'"
        " and peiljaar = 2024 and is_voorkeur"
    )
    assert vraag(ingebedde_db, voorkeur) == [(11111,)]
    _zet_opgehaald_op(ingebedde_db, KWB_HERKOMST, "2026-11-01 12:00:00")
    assert {"huishoudens", "inwoners"} <= set(_herberekend(ingebedde_db)), "de voorkeur wisselde: geraakt"
    assert vraag(ingebedde_db, voorkeur) == [(12345,)]
    assert verschillen_met_volledig(ingebedde_db, tmp_path) == {}


def test_een_andere_registry_of_regio_herberekent_alles_ook_als_de_schrijver_weinig_noemt(ingebedde_db, tmp_path):
    with schrijf_transactie(ingebedde_db) as con:
        raakt(con, indicatoren=["inwoners"])
        con.execute("update regio set regio_naam = 'Dalfsen (test)' where regio_code = 'GM0148'")
    assert _herberekend(ingebedde_db) is None
    assert verschillen_met_volledig(ingebedde_db, tmp_path) == {}
    namen = vraag(
        ingebedde_db, "select distinct regio_naam from afgeleid.indicator_waarden where regio_code = 'GM0148'"
    )
    assert namen == [("Dalfsen (test)",)]


def test_een_schrijver_die_niets_noemt_laat_alles_herberekenen(ingebedde_db):
    with schrijf_transactie(ingebedde_db) as con:
        con.execute(
            "update waarneming set waarde = waarde + 1 where regio_code = 'GM0148' and indicator_code = 'inwoners'"
        )
    assert _herberekend(ingebedde_db) is None


@pytest.mark.parametrize("indicator", ["eenzaam_pct"])
def test_een_schrijver_die_een_indicator_noemt_herberekent_alleen_die(ingebedde_db, tmp_path, indicator):
    with schrijf_transactie(ingebedde_db) as con:
        raakt(con, indicatoren=[indicator])
        con.execute("update waarneming set waarde = waarde + 1 where indicator_code = ?", [indicator])
    assert _herberekend(ingebedde_db) == [indicator]
    assert verschillen_met_volledig(ingebedde_db, tmp_path) == {}


@pytest.mark.parametrize(
    "breuk",
    [
        "insert into regio_breuk values ('GM0148', 2020, 'afbakening gewijzigd (test)', 'test')",
        "insert into herindeling values ('GM0148', 'Dalfsen', 'GM1876', 'Bronckhorst', date '2020-01-01',"
        " 'samenvoeging', 'test')",
    ],
)
def test_een_breuk_in_een_regio_herberekent_alles_ook_als_de_schrijver_weinig_noemt(ingebedde_db, tmp_path, breuk):
    """Een herindeling of gewijzigde afbakening verandert de reeksen van alle indicatoren van die regio."""
    with schrijf_transactie(ingebedde_db) as con:
        raakt(con, indicatoren=["inwoners"])
        con.execute(breuk)
    assert _herberekend(ingebedde_db) is None
    assert verschillen_met_volledig(ingebedde_db, tmp_path) == {}


def test_een_ander_inwonertal_herberekent_de_vergelijkingsgroepen_van_elke_indicator(ingebedde_db, tmp_path):
    """Het inwonertal bepaalt de grootteklasse, en die de vergelijkingsgroep van elke indicator: raakt een schrijver
    alleen `inwoners` en zet dat een gemeente in een andere klasse, dan worden de andere afgeleide tabellen alleen voor
    inwoners herberekend, maar de tabellen van de vergelijkingsgroepen helemaal
    (queries/schrijven/groep_leden_veranderd.sql)."""
    with schrijf_transactie(ingebedde_db) as con:
        raakt(con, indicatoren=["inwoners"])
        con.execute("update waarneming set waarde = 60000 where regio_code = 'GM0148' and indicator_code = 'inwoners'")
    assert _herberekend(ingebedde_db) == ["bijstand_per_1000", "bijstand_personen", "inwoners"]  # met de berekende
    klassen = vraag(
        ingebedde_db,
        "select distinct groep from afgeleid.vergelijkingsgroep_waarden where regio_code = 'GM0148'"
        " and indicator_code <> 'inwoners' and groep_soort = 'grootteklasse'",
    )
    assert klassen == [("inwoners_50000_100000",)]  # ook bij de andere indicatoren: Dalfsen in haar nieuwe klasse
    assert verschillen_met_volledig(ingebedde_db, tmp_path) == {}


@pytest.mark.parametrize(
    ("indicator", "wijziging"),
    [
        ("huishoudens", "waarde + 1"),
        ("inwoners", "waarde + 1"),  # een ander inwonertal in dezelfde grootteklasse: dezelfde groepen
    ],
)
def test_een_andere_indicator_herberekent_alleen_haar_eigen_groepscijfers(ingebedde_db, tmp_path, indicator, wijziging):
    with schrijf_transactie(ingebedde_db) as con:
        raakt(con, indicatoren=[indicator])
        # de wijziging komt uit de parametrisering hierboven, geen invoer
        con.execute(f"update waarneming set waarde = {wijziging} where indicator_code = ?", [indicator])
        con.execute("create table main.bewaard as from afgeleid.vergelijkingsgroep_waarden")  # vóór de commit
    nieuw = vraag(
        ingebedde_db,
        "select count(*) from (from afgeleid.vergelijkingsgroep_waarden except all from main.bewaard)"
        " where indicator_code <> ?",
        [indicator],
    )
    assert nieuw == [(0,)]
    assert verschillen_met_volledig(ingebedde_db, tmp_path) == {}


def test_een_ander_cijfer_van_een_kaderindicator_verandert_de_kaderboom(ingebedde_db, tmp_path):
    """De kaderboom slaat een schrijfactie alleen over als geen geraakte indicator in een kader van een geraakte gemeente
    staat (queries/schrijven/kader_geraakt.sql); hier staat hij er wel in, en de laatste waarde verandert."""
    [(indicator, gemeente)] = vraag(
        ingebedde_db,
        "select indicator_code, gemeente_code from afgeleid.kader_indicatoren where laatste_waarde is not null"
        " order by all limit 1",
    )
    sql = "select laatste_waarde from afgeleid.kader_indicatoren where indicator_code = ? and gemeente_code = ?"
    voor = vraag(ingebedde_db, sql, [indicator, gemeente])
    with schrijf_transactie(ingebedde_db) as con:
        raakt(con, indicatoren=[indicator])
        con.execute(
            "update waarneming set waarde = waarde + 7 where indicator_code = ? and regio_code = ?",
            [indicator, gemeente],
        )
    assert vraag(ingebedde_db, sql, [indicator, gemeente]) != voor
    assert verschillen_met_volledig(ingebedde_db, tmp_path) == {}


def test_een_indicator_buiten_elk_kader_laat_de_kaderboom_staan(ingebedde_db, tmp_path):
    assert vraag(ingebedde_db, "select count(*) from kader_indicator where indicator_code = 'huishoudens'") == [(0,)]
    with schrijf_transactie(ingebedde_db) as con:
        raakt(con, indicatoren=["huishoudens"])
        con.execute("update waarneming set waarde = waarde + 1 where indicator_code = 'huishoudens'")
    assert verschillen_met_volledig(ingebedde_db, tmp_path) == {}


@pytest.mark.parametrize(
    "wijziging",
    [
        "update vergelijkingsgroep set minimum_aantal = minimum_aantal + 50",  # minder banden
        "update vergelijkingsgroep set groep_naam = groep_naam || ' (test)'",
        # een lid minder in een selectie
        "delete from vergelijkingsgroep_lid where regio_code = (select min(regio_code) from vergelijkingsgroep_lid)",
        # andere klassegrenzen: bijna iedereen valt uit zijn klasse
        "update vergelijkingsgroep set bovengrens = ondergrens + 1 where groep_soort = 'grootteklasse'",
    ],
)
def test_andere_vergelijkingsgroepen_zonder_ander_cijfer_herberekenen_de_groepstabellen(
    ingebedde_db, tmp_path, wijziging
):
    """Geen geraakte indicator, maar andere groepen uit de configuratie: de tabellen van de vergelijkingsgroepen
    volgen (queries/schrijven/groep_versie.sql), ook afgeleid.vergelijkingsgroep_leden, die anders alleen opnieuw
    wordt vastgezet als de indicator van een grootteklasse geraakt is."""
    with schrijf_transactie(ingebedde_db) as con:
        raakt(con)
        con.execute(wijziging)  # uit de parametrisering hierboven, geen invoer
    assert _herberekend(ingebedde_db) == []
    assert verschillen_met_volledig(ingebedde_db, tmp_path) == {}


def test_een_lege_schrijfactie_laat_alles_staan(ingebedde_db, tmp_path):
    with schrijf_transactie(ingebedde_db) as con:
        raakt(con)
        con.execute("update waarneming set waarde = waarde + 1 where indicator_code = 'huishoudens'")  # niet genoemd
    assert _herberekend(ingebedde_db) == []
    # de afgeleide tabellen zijn die van vóór de schrijfactie: huishoudens is niet herberekend
    assert set(verschillen_met_volledig(ingebedde_db, tmp_path)) >= {"indicator_waarden"}


def _gelezen_schrijf_sql(monkeypatch) -> list[str]:
    """Welke queries/schrijven/<naam>.sql kompas.db leest (en uitvoert), vanaf nu."""
    import kompas.db

    gelezen: list[str] = []
    echte = kompas.db.schrijf_sql

    def schrijf_sql(naam: str) -> str:
        gelezen.append(naam)
        return echte(naam)

    monkeypatch.setattr(kompas.db, "schrijf_sql", schrijf_sql)
    return gelezen


def _rowids(pad) -> list[tuple]:
    return vraag(
        pad, "select rowid, indicator_code, regio_code, herkomst_id from afgeleid.indicator_waarden order by 1"
    )


def test_een_verversing_met_dezelfde_cijfers_leidt_niets_af_en_werkt_opgehaald_op_bij(
    servers,  # noqa: F811
    ingebedde_db,
    tmp_path,
    monkeypatch,
):
    """Kregen alle tabellen precies hun rijen terug (en is verder niets van hun herkomst anders dan opgehaald_op,
    Modified en de toelichting), dan kan geen afgeleide rij veranderen: geraakt.sql hoeft niet, de afgeleide rijen
    blijven staan (dezelfde rowid) en dragen wel het nieuwe opgehaald_op."""
    assert all(u.gelukt for u in ververs(["85984NED", "50120NED"], meld=_stil))
    voor = _rowids(ingebedde_db)
    gelezen = _gelezen_schrijf_sql(monkeypatch)
    assert all(u.gelukt for u in ververs(["85984NED", "50120NED"], meld=_stil))
    assert "geraakt" not in gelezen
    assert _herberekend(ingebedde_db) == []
    assert _rowids(ingebedde_db) == voor
    for herkomst in ("cbs:85984NED", "rivm:50120NED"):
        [(opgehaald,)] = vraag(ingebedde_db, "select opgehaald_op from herkomst where herkomst_id = ?", [herkomst])
        assert _opgehaald_op(ingebedde_db, herkomst) == {opgehaald}
    assert verschillen_met_volledig(ingebedde_db, tmp_path) == {}


def test_de_tabellen_van_een_verversing_dragen_een_moment_en_laten_de_voorkeur_niet_wisselen(
    servers,  # noqa: F811
    ingebedde_db,
    tmp_path,
    monkeypatch,
):
    """85563NED (CBS) en 50120NED (RIVM) leveren cijfers voor dezelfde cellen; tussen twee StatLine-cijfers gaat het
    laatst opgehaalde voor. De tabellen van één verversing dragen één moment van ophalen, ook als de draden ze in
    verschillende seconden ophalen: welke van de twee voorgaat hangt dan niet af van de volgorde van de draden, en een
    verversing met dezelfde cijfers laat de voorkeur niet wisselen (geraakt.sql niet nodig, niets afgeleid)."""
    start = dt.datetime(2026, 12, 3, 12)
    seconden = itertools.count()
    monkeypatch.setattr(cbs, "_nu", lambda: start + dt.timedelta(seconds=next(seconden)))  # elke vraag later
    herkomsten = ["cbs:85563NED", "rivm:50120NED"]
    for _ in range(2):
        assert all(u.gelukt for u in ververs(["85563NED", "50120NED"], meld=_stil))
        momenten = vraag(
            ingebedde_db,
            "select distinct opgehaald_op from herkomst where list_contains($h, herkomst_id)",
            {"h": herkomsten},
        )
        assert len(momenten) == 1
        gelezen = _gelezen_schrijf_sql(monkeypatch)
    assert "geraakt" not in gelezen
    assert _herberekend(ingebedde_db) == []
    assert verschillen_met_volledig(ingebedde_db, tmp_path) == {}
    gedeelde_cellen = vraag(
        ingebedde_db,
        "select count(*) from (select 1 from waarneming where list_contains($h, herkomst_id)"
        " group by indicator_code, regio_code, peiljaar, leeftijd having count(distinct herkomst_id) = 2)",
        {"h": herkomsten},
    )
    assert gedeelde_cellen[0][0] > 0


def test_een_gewijzigde_tabel_naast_een_gelijke_leidt_alleen_de_gewijzigde_af(
    servers,  # noqa: F811
    ingebedde_db,
    tmp_path,
):
    opendata, _ = servers
    assert all(u.gelukt for u in ververs(["85984NED", "50120NED"], meld=_stil))
    opendata.vervang[KWB] = _kwb_rijen(opendata, GM0148={"HuishoudensTotaal_29": 11111})
    assert all(u.gelukt for u in ververs(["85984NED", "50120NED"], meld=_stil))
    assert _herberekend(ingebedde_db) == ["huishoudens"]
    assert _herberekend_regios(ingebedde_db) == ["GM0148", "NL01"]
    [(opgehaald,)] = vraag(ingebedde_db, "select opgehaald_op from herkomst where herkomst_id = 'rivm:50120NED'")
    assert _opgehaald_op(ingebedde_db, "rivm:50120NED") == {opgehaald}
    assert verschillen_met_volledig(ingebedde_db, tmp_path) == {}


def test_dezelfde_cijfers_onder_een_andere_titel_werken_de_afgeleide_rijen_bij(
    servers,  # noqa: F811
    ingebedde_db,
    tmp_path,
):
    """De afgeleide rijen dragen ook de titel (en bron, adres, ...) van hun herkomst: een tabel die CBS hernoemde,
    met dezelfde cijfers, moet ze bijwerken."""
    opendata, _ = servers
    assert [u.fout for u in ververs(["85984NED"], meld=_stil)] == [None]
    [info] = opendata.lijst("85984NED", "TableInfos")
    opendata.vervang[("85984NED", "TableInfos")] = [{**info, "Title": "Kerncijfers wijken en buurten 2024 (hernoemd)"}]
    assert [u.fout for u in ververs(["85984NED"], meld=_stil)] == [None]
    assert vraag(
        ingebedde_db,
        "select distinct herkomst_titel from afgeleid.indicator_waarden where herkomst_id = ?",
        [KWB_HERKOMST],
    ) == [("Kerncijfers wijken en buurten 2024 (hernoemd)",)]
    assert verschillen_met_volledig(ingebedde_db, tmp_path) == {}


def test_dezelfde_cijfers_later_opgehaald_kunnen_de_voorkeur_laten_wisselen(
    servers,  # noqa: F811
    ingebedde_db,
    tmp_path,
):
    """Tussen twee StatLine-cijfers voor dezelfde cel gaat het laatst opgehaalde voor: een verversing die dezelfde
    cijfers terugkrijgt maar nu nieuwer is dan het andere cijfer, laat de voorkeur wisselen."""
    assert [u.fout for u in ververs(["85984NED"], meld=_stil)] == [None]
    _tweede_statline_cijfer(ingebedde_db)
    _zet_opgehaald_op(ingebedde_db, KWB_HERKOMST, "2026-11-01 12:00:00")  # vóór het tweede cijfer
    voorkeur = (
        "select herkomst_id from afgeleid.indicator_waarden where indicator_code = 'huishoudens'"
        " and regio_code = 'GM0148' and peiljaar = 2024 and is_voorkeur"
    )
    assert vraag(ingebedde_db, voorkeur) == [("test:tweede",)]
    assert [u.fout for u in ververs(["85984NED"], meld=_stil)] == [None]  # nu: nieuwer dan het tweede cijfer
    assert vraag(ingebedde_db, voorkeur) == [(KWB_HERKOMST,)]
    assert verschillen_met_volledig(ingebedde_db, tmp_path) == {}


def _opgehaald_op_tabellen_uit_de_catalogus(pad) -> list[tuple[str, bool]]:
    """(tabel, met indicator_code) van elke afgeleide tabel met herkomst_id en opgehaald_op, uit de catalogus."""
    return vraag(
        pad,
        "select 'afgeleid.' || c.table_name, bool_or(c.column_name = 'indicator_code') from duckdb_columns() as c"
        " join duckdb_tables() as t using (schema_name, table_name) where c.schema_name = 'afgeleid'"
        " group by c.table_name having count(*) filter (c.column_name in ('herkomst_id', 'opgehaald_op')) = 2"
        " order by 1",
    )


def _bewaarde_opgehaald_op_tabellen(pad) -> list[tuple[str, bool]] | None:
    [(lijst,)] = vraag(pad, "select opgehaald_op_tabellen from afgeleid.schema_versie")
    return None if lijst is None else [(d["tabel"], d["per_indicator"]) for d in lijst]


def test_welke_afgeleide_tabellen_opgehaald_op_dragen_is_bewaard_en_volgt_de_catalogus(
    servers,  # noqa: F811
    ingebedde_db,
    monkeypatch,
):
    """Welke afgeleide tabellen opgehaald_op per rij dragen, hangt alleen van de SQL in marts/ af: kompas.db stelt het
    bij een volledige herberekening vast en bewaart het in afgeleid.schema_versie, zodat een verversing het niet aan
    de catalogus hoeft te vragen. Na elke schrijfactie is die lijst wat de catalogus zegt, ook als een bewaarde lijst
    niet meer klopt en de database met andere SQL gemaakt is (dan wordt alles opnieuw berekend)."""
    verwacht = _opgehaald_op_tabellen_uit_de_catalogus(ingebedde_db)
    assert ("afgeleid.indicator_waarden", True) in verwacht
    assert _bewaarde_opgehaald_op_tabellen(ingebedde_db) == verwacht  # na de bouw
    _klok(monkeypatch)
    for _ in range(2):  # nieuwe regio's (alles opnieuw), dan dezelfde cijfers (alleen opgehaald_op)
        assert [u.fout for u in ververs(["85984NED"], meld=_stil)] == [None]
        assert _bewaarde_opgehaald_op_tabellen(ingebedde_db) == verwacht
    assert _herberekend(ingebedde_db) == []
    con = duckdb.connect(str(ingebedde_db))
    con.execute("update afgeleid.schema_versie set versie = 'ouder', opgehaald_op_tabellen = []")
    con.close()
    with schrijf_transactie(ingebedde_db):
        pass
    assert _bewaarde_opgehaald_op_tabellen(ingebedde_db) == verwacht


def test_een_database_zonder_bewaarde_lijst_werkt_opgehaald_op_toch_bij(
    servers,  # noqa: F811
    ingebedde_db,
    tmp_path,
    monkeypatch,
):
    """Een database van vóór de kolom opgehaald_op_tabellen (afgeleid.schema_versie, zelfde SQL): een verversing met
    dezelfde cijfers leidt niets af, werkt opgehaald_op in de afgeleide rijen toch bij en bewaart de lijst."""
    _klok(monkeypatch)
    assert [u.fout for u in ververs(["85984NED"], meld=_stil)] == [None]
    con = duckdb.connect(str(ingebedde_db))
    con.execute(
        "create or replace table afgeleid.schema_versie as"
        " select * exclude (opgehaald_op_tabellen) from afgeleid.schema_versie"
    )
    con.close()
    assert [u.fout for u in ververs(["85984NED"], meld=_stil)] == [None]
    assert _herberekend(ingebedde_db) == []
    [(opgehaald,)] = vraag(ingebedde_db, "select opgehaald_op from herkomst where herkomst_id = ?", [KWB_HERKOMST])
    assert _opgehaald_op(ingebedde_db, KWB_HERKOMST) == {opgehaald}
    assert _bewaarde_opgehaald_op_tabellen(ingebedde_db) == _opgehaald_op_tabellen_uit_de_catalogus(ingebedde_db)
    assert verschillen_met_volledig(ingebedde_db, tmp_path) == {}


def test_een_verversing_neemt_de_vingerafdrukken_van_kaders_en_groepen_over_en_die_kloppen(
    servers,  # noqa: F811
    ingebedde_db,
    monkeypatch,
):
    """Een verversing verandert niets aan de kaders of de vergelijkingsgroepen (loaders.cbs.schrijf_in zegt dat met
    `raakt(..., ongewijzigd=...)`): kompas.db neemt hun vingerafdrukken van de vorige commit over in plaats van
    queries/schrijven/kader_versie.sql en groep_versie.sql uit te voeren. Ze moeten dan ook kloppen: na elke
    verversing gelijk aan wat die queries nu geven (zou een verversing ze toch veranderen, dan faalt dit)."""
    from kompas.db import schrijf_sql

    _klok(monkeypatch)
    opendata, _ = servers
    for wijziging in ({}, {}, {"GM0148": {"HuishoudensTotaal_29": 11111}}):  # alles, dezelfde cijfers, een ander
        opendata.vervang[KWB] = _kwb_rijen(opendata, **wijziging)
        gelezen = _gelezen_schrijf_sql(monkeypatch)
        assert [u.fout for u in ververs(["85984NED", "50120NED"], meld=_stil)] == [None, None]
        assert "kader_versie" not in gelezen and "groep_versie" not in gelezen
        [(bewaard,)] = vraag(ingebedde_db, "select vingerafdrukken from afgeleid.schema_versie")
        nu = {naam: vraag(ingebedde_db, schrijf_sql(naam))[0][0] for naam in ("kader_versie", "groep_versie")}
        assert dict(bewaard) == nu
    assert _herberekend(ingebedde_db) == ["huishoudens"]


def test_een_onbekende_ongewijzigde_vingerafdruk_is_een_fout(ingebedde_db):
    with pytest.raises(ValueError, match="onbekende vingerafdruk"), schrijf_transactie(ingebedde_db) as con:
        raakt(con, ongewijzigd=["bestaat_niet"])


def test_de_herkomstkolommen_van_de_afgeleide_rijen_staan_in_de_afdruk_van_kompas_db():
    """kompas.db slaat geraakt.sql over voor een herkomst waarvan alleen opgehaald_op veranderde (en haar rijen
    niet); dat mag alleen als de afdruk van de herkomst (queries/schrijven/herkomst_stand.sql) elke kolom van
    herkomst noemt die stg_waarneming (en dus elke afgeleide rij) leest."""
    import re

    from kompas.db import QUERIES, schrijf_sql

    stg = (QUERIES / "staging" / "30_stg_waarneming.sql").read_text(encoding="utf-8")
    gelezen = set(re.findall(r"\bh\.(\w+)", stg)) - {"opgehaald_op", "herkomst_id"}
    afdruk = re.search(r"hash\((.*?)\)", schrijf_sql("herkomst_stand"), re.S).group(1)
    assert gelezen == {k.strip() for k in afdruk.split(",")}
