"""Live verversing uit CBS/RIVM: de echte cbsodata-client tegen een lokale OData v3-server.

De server (tests/odata/server.py) serveert opgenomen antwoorden in de vorm van de echte API; de
cijfers erin zijn verzonnen en bestaan alleen in tests/.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import subprocess
import sys
from pathlib import Path

import cbsodata
import duckdb
import pytest
from odata.server import ODataServer  # tests/ staat op sys.path (pytest, prepend)

from loaders import cbs
from loaders.cbs import CbsFout, lees_config, lees_registry, ververs, ververs_tabel

from dbhulp import vraag as _lees

PROJECT = Path(__file__).resolve().parent.parent
ONBEREIKBAAR = "127.0.0.1:9"  # discard-poort: verbinding geweigerd


@pytest.fixture
def servers(ingebedde_db, monkeypatch):
    """Twee lokale catalogi (opendata en dataderden); de KOMPAS_CBS_*-variabelen wijzen ernaar."""
    with ODataServer("opendata", paginagrootte=3) as opendata, ODataServer("dataderden", paginagrootte=40) as derden:
        monkeypatch.setenv("KOMPAS_CBS_OPENDATA", opendata.host)
        monkeypatch.setenv("KOMPAS_CBS_DATADERDEN", derden.host)
        monkeypatch.setenv("KOMPAS_CBS_HTTPS", "0")
        # OData v4 (terugval voor de Kerncijfers) onbereikbaar: deze tests gaan over de v3-weg; zie test_cbs_v4.py
        monkeypatch.setenv("KOMPAS_CBS_DATASETS", ONBEREIKBAAR)
        monkeypatch.setenv("NO_PROXY", "127.0.0.1")
        # geen proxy uit de omgeving voor 127.0.0.1 (publieke optie van cbsodata, geen interne code)
        monkeypatch.setattr(cbsodata.options, "requests", {"proxies": {"http": None, "https": None}})
        monkeypatch.setattr(cbs, "WACHT_BASIS", 0)  # herhalen zonder te wachten
        yield opendata, derden


def _stil(_tekst: str) -> None:
    pass


def _klok(monkeypatch) -> None:
    """Elke verversing haalt een seconde later op (cbs._nu): twee verversingen kort na elkaar vallen anders vaak in
    dezelfde seconde, en dan is opgehaald_op niet later."""
    start = dt.datetime.now().replace(microsecond=0)
    seconden = itertools.count()
    monkeypatch.setattr(cbs, "_nu", lambda: start + dt.timedelta(seconds=next(seconden)))


def _waarnemingen(pad: Path, herkomst_id: str) -> list[tuple]:
    return _lees(
        pad,
        "select indicator_code, regio_code, peiljaar, leeftijd, waarde, ondergrens, bovengrens, status"
        " from waarneming where herkomst_id = ? order by all",
        [herkomst_id],
    )


def _waarde(pad, herkomst_id, indicator, regio, peiljaar, leeftijd="totaal"):
    rijen = _lees(
        pad,
        "select waarde, ondergrens, bovengrens, status from waarneming where herkomst_id = ?"
        " and indicator_code = ? and regio_code = ? and peiljaar = ? and leeftijd = ?",
        [herkomst_id, indicator, regio, peiljaar, leeftijd],
    )
    assert len(rijen) <= 1
    return rijen[0] if rijen else None


def _tabel(tabel_id):
    return next(t for t in lees_config() if t.tabel_id == tabel_id)


# -- kolomsleutels, regiocodes, ontbrekende waarden


def test_achtervoegsel_per_tabel_opgezocht_in_dataproperties(servers, ingebedde_db):
    uitkomst = ververs(["85984NED", "85318NED"], meld=_stil)
    assert [u.fout for u in uitkomst] == [None, None]
    # zelfde indicator, ander achtervoegsel (_94 in 2024, _83 in 2022), beide gevonden
    assert _waarde(ingebedde_db, "cbs:85984NED", "bijstand_personen", "GM0148", 2024)[0] == 230
    assert _waarde(ingebedde_db, "cbs:85318NED", "bijstand_personen", "GM0148", 2022)[0] == 210
    citaten = {
        r[0]
        for r in _lees(
            ingebedde_db,
            "select citaat from waarneming where herkomst_id in"
            " ('cbs:85984NED', 'cbs:85318NED') and indicator_code = 'bijstand_personen'",
        )
    }
    assert citaten == {
        "85984NED, PersonenPerSoortUitkeringBijstand_94",
        "85318NED, PersonenPerSoortUitkeringBijstand_83",
    }
    # WmoClienten_100 en WmoClientenRelatief_101 niet verward
    assert _waarde(ingebedde_db, "cbs:85984NED", "wmo_clienten", "GM0148", 2024)[0] == 1900
    assert _waarde(ingebedde_db, "cbs:85984NED", "wmo_per_1000", "GM0148", 2024)[0] == 64


def test_opvulling_gestript_en_nl00_wordt_nl01(servers, ingebedde_db):
    meldingen = []
    ververs(["85984NED"], meld=meldingen.append)
    # de Kerncijfers kennen geen GGD-regio's: gemeld en overgeslagen, geen fout
    assert "  regio's die deze tabel niet kent: GG1009, GG1413, GG2209" in meldingen
    regios = {
        r[0]
        for r in _lees(ingebedde_db, "select distinct regio_code from waarneming where herkomst_id = 'cbs:85984NED'")
    }
    # de regio's uit regio.csv en de wijk van een focusgemeente uit de codelijst; geen buurt en zonder alle_gemeenten
    # geen andere gemeente (Groningen); geen opvulspaties; NL00 -> NL01
    assert regios == {"GM0148", "GM1876", "GM0303", "NL01", "WK014800"}
    # de wijk is een regio met haar gemeente, naam en herkomst uit de codelijst van de tabel
    assert _lees(
        ingebedde_db,
        "select regio_naam, soort, gemeente_code, herkomst_id, focus from regio where regio_code = 'WK014800'",
    ) == [("Dalfsen (wijk, gem. Dalfsen)", "wijk", "GM0148", "cbs:85984NED", False)]
    assert "  3 gemeenten en 1 wijk in deze tabel, waarvan 0 gemeenten en 1 wijk uit de codelijst van de tabel" in (
        meldingen
    )
    assert _waarde(ingebedde_db, "cbs:85984NED", "inwoners", "NL01", 2024)[0] == 17000002


def test_filter_gaat_mee_naar_de_api(servers):
    opendata, _ = servers
    ververs(["85984NED"], meld=_stil)
    datasetverzoeken = [v for v in opendata.verzoeken if "/TypedDataSet" in v]
    assert (
        "%24filter=" in datasetverzoeken[0] and "startswith%28WijkenEnBuurten%2C%27GM0148%27%29" in datasetverzoeken[0]
    )
    assert len(datasetverzoeken) >= 2  # gepagineerd via odata.nextLink


def test_punt_x_en_leeg_worden_null_en_nooit_nul(servers, ingebedde_db):
    ververs(["85984NED"], meld=_stil)
    # GM0303: WmoClienten null, WmoClientenRelatief '.'; GM1876: PercentageJongerenMetJeugdzorg 'x', laag inkomen ''
    for indicator, regio in [
        ("wmo_clienten", "GM0303"),
        ("wmo_per_1000", "GM0303"),
        ("jongeren_met_jeugdzorg_pct", "GM1876"),
        ("huishoudens_laag_inkomen_pct", "GM1876"),
    ]:
        assert _waarde(ingebedde_db, "cbs:85984NED", indicator, regio, 2024) is None, (indicator, regio)
    assert _lees(ingebedde_db, "select count(*) from waarneming where herkomst_id = 'cbs:85984NED' and waarde = 0") == [
        (0,)
    ]
    # de andere cijfers van dezelfde regio's zijn er wel
    assert _waarde(ingebedde_db, "cbs:85984NED", "jongeren_met_jeugdzorg", "GM1876", 2024)[0] == 900


def test_kwb_status_voorlopig_of_definitief_uit_de_metadata(servers, ingebedde_db):
    ververs(["85984NED"], meld=_stil)
    # bijstand: "Het betreft voorlopige cijfers." in DataProperties; inwoners: tabel zegt "Definitief, tenzij ..."
    assert _waarde(ingebedde_db, "cbs:85984NED", "bijstand_personen", "GM0148", 2024)[3] == "voorlopig"
    assert _waarde(ingebedde_db, "cbs:85984NED", "inwoners", "GM0148", 2024)[3] == "definitief"


# -- RIVM 50120NED: Leeftijd, Marges, Perioden


def test_marges_worden_intervalgrenzen(servers, ingebedde_db):
    ververs(["50120NED"], meld=_stil)
    # Eenzaam_27 is onderwerp 11 in de opname: 10 + 3*11 + regio 4 (GM0148) + 2*periode(1) + leeftijd 0
    waarde, onder, boven, status = _waarde(ingebedde_db, "rivm:50120NED", "eenzaam_pct", "GM0148", 2022, "18+")
    assert (waarde, onder, boven) == (49.0, 46.5, 51.5)
    assert status == "voorlopig"
    assert _waarde(ingebedde_db, "rivm:50120NED", "eenzaam_pct", "GM0148", 2016, "18+")[3] == "definitief"
    leeftijden = {
        r[0]
        for r in _lees(ingebedde_db, "select distinct leeftijd from waarneming where herkomst_id = 'rivm:50120NED'")
    }
    assert leeftijden == {"18+", "18-64", "65+"}
    # één waarneming per indicator/regio/jaar/leeftijd: Marges-rijen zijn geen aparte waarnemingen
    dubbel = _lees(
        ingebedde_db,
        "select count(*) from (select indicator_code, regio_code, peiljaar, leeftijd from waarneming"
        " where herkomst_id = 'rivm:50120NED' group by all having count(*) > 1)",
    )
    assert dubbel == [(0,)]


def test_rivm_alle_regios_en_een_ontbrekend_cijfer_of_grens_blijft_ontbreken(servers, ingebedde_db):
    ververs(["50120NED"], meld=_stil)
    regios = {
        r[0]
        for r in _lees(ingebedde_db, "select distinct regio_code from waarneming where herkomst_id = 'rivm:50120NED'")
    }
    # RIVM 50120NED levert ook wijken: die van een focusgemeente (WK014800, Dalfsen) komt mee
    assert regios == {"GM0148", "GM1876", "GM0303", "GG1009", "GG1413", "GG2209", "NL01", "WK014800"}
    # '.' als waarde: geen waarneming (ook niet met grenzen)
    assert _waarde(ingebedde_db, "rivm:50120NED", "emotioneel_eenzaam_pct", "GM0303", 2016, "65+") is None
    # ontbrekende ondergrens: waarde blijft, ondergrens NULL
    waarde, onder, boven, _ = _waarde(ingebedde_db, "rivm:50120NED", "vrijwilligerswerk_pct", "GM1876", 2022, "18+")
    assert waarde is not None and onder is None and boven == waarde + 2.5
    # 14 indicatoren x 8 regio's x 2 jaren x 3 leeftijden, min het ene ontbrekende cijfer
    assert _lees(ingebedde_db, "select count(*) from waarneming where herkomst_id = 'rivm:50120NED'") == [
        (14 * 8 * 2 * 3 - 1,)
    ]


def test_rivm_gezondheidsmonitor_is_dezelfde_bronfamilie_als_de_cbs_export(servers, ingebedde_db):
    """De titel van 50120NED noemt de Gezondheidsmonitor niet; de familie komt uit cbs_tabellen.toml, zodat de
    opgehaalde cijfers op één lijn liggen met de ingebedde CBS-exports (83674NED/85012NED), zonder trendbreuk."""
    ververs(["50120NED"], meld=_stil)
    families = {
        r[0]
        for r in _lees(
            ingebedde_db,
            "select distinct bronfamilie from stg_waarneming"
            " where herkomst_id in ('rivm:50120NED', 'ingebed:cbs-85012NED')",
        )
    }
    assert families == {"Gezondheidsmonitor Volwassenen en Ouderen"}


# -- herkomst


def test_elke_waarneming_heeft_herkomst_met_tabel_modified_en_ophaaltijd(servers, ingebedde_db):
    ververs(["85984NED", "50120NED"], meld=_stil)
    zonder = _lees(
        ingebedde_db,
        "select count(*) from waarneming w left join herkomst h using (herkomst_id)"
        " where w.herkomst_id in ('cbs:85984NED', 'rivm:50120NED') and (h.herkomst_id is null"
        " or h.tabel_id is null or h.tabel_gewijzigd is null or h.opgehaald_op is null)",
    )
    assert zonder == [(0,)]
    h = _lees(
        ingebedde_db,
        "select herkomst_id, soort, tabel_id, titel, periode, cast(tabel_gewijzigd as varchar),"
        " licentie, opgehaald_op > now()::timestamp - interval 1 hour, bron, adres, gelezen_in,"
        " toelichting"
        " from herkomst where herkomst_id in ('cbs:85984NED', 'rivm:50120NED') order by 1",
    )
    cbs, rivm = h
    assert cbs[:8] == (
        "cbs:85984NED",
        "CBS StatLine",
        "85984NED",
        "Kerncijfers wijken en buurten 2024",
        "2024",
        "2025-03-27 02:00:00",
        "CC BY 4.0",
        True,
    )
    assert rivm[:3] == ("rivm:50120NED", "RIVM StatLine", "50120NED")
    # de uitgever met zijn eigen tabelpagina, geen kopie; de feed waaruit is opgehaald staat in de toelichting
    assert cbs[8:11] == ("CBS", "https://www.cbs.nl/nl-nl/cijfers/detail/85984NED", None)
    assert rivm[8:11] == ("RIVM", "https://statline.rivm.nl/#/RIVM/nl/dataset/50120NED/table", None)
    assert f"uit http://{servers[0].host}/ODataFeed/odata/85984NED/ " in cbs[11]
    assert f"uit http://{servers[1].host}/ODataFeed/odata/50120NED/ " in rivm[11]
    bron = _lees(ingebedde_db, "select distinct bron from indicator_waarden where herkomst_id = 'rivm:50120NED'")
    assert bron == [
        ("RIVM StatLine, tabel 50120NED " + rivm[3] + ", https://statline.rivm.nl/#/RIVM/nl/dataset/50120NED/table",)
    ]
    # de view voor analisten toont ze
    assert _lees(ingebedde_db, "select count(*) from indicator_waarden where herkomst_id = 'cbs:85984NED'")[0][0] > 0


# -- fail closed


def _momentopname(pad):
    return (
        _waarnemingen(pad, "cbs:85984NED"),
        _lees(pad, "select * exclude (opgehaald_op) from herkomst where herkomst_id = 'cbs:85984NED'"),
        _lees(pad, "select count(*) from waarneming")[0][0],
    )


@pytest.mark.parametrize(
    "storing",
    [
        ("vervang", ("85984NED", "TypedDataSet"), []),  # leeg antwoord
        ("storing", ("85984NED", "TypedDataSet", 2), 500),  # nextLink-pagina faalt
        ("storing", ("85984NED", "TypedDataSet", 1), "kapot"),  # geen geldige JSON
        ("storing", ("85984NED", "DataProperties", 1), "zonder_value"),  # verkeerde vorm
        ("storing", ("85984NED", "TableInfos", 1), 503),  # HTTP-fout op metadata
        ("vervang", ("85984NED", "TypedDataSet"), "zonder_gm0303"),  # een regio ontbreekt
        ("vervang", ("85984NED", "TypedDataSet"), "zonder_kolom"),  # kolom ontbreekt in de rijen
        ("vervang", ("85984NED", "TypedDataSet"), "tekst"),  # waarde is geen getal
        ("vervang", ("85984NED", "DataProperties"), "zonder_bijstand"),  # kolom weg uit DataProperties
    ],
    ids=[
        "leeg",
        "pagina2_500",
        "kapotte_json",
        "zonder_value",
        "http_503",
        "regio_mist",
        "kolom_mist",
        "geen_getal",
        "property_mist",
    ],
)
def test_fout_antwoord_laat_oude_cijfers_staan(servers, ingebedde_db, storing):
    opendata, _ = servers
    assert ververs(["85984NED"], meld=_stil)[0].gelukt
    voor = _momentopname(ingebedde_db)
    assert voor[0]

    soort, sleutel, wat = storing
    if soort == "storing":
        opendata.storingen[sleutel] = wat
    else:
        rijen = [dict(r) for r in opendata.lijst(*sleutel)]
        if wat == "zonder_gm0303":
            rijen = [r for r in rijen if not r["WijkenEnBuurten"].startswith("GM0303")]
        elif wat == "zonder_kolom":
            for r in rijen:
                r.pop("WmoClienten_100")
        elif wat == "tekst":
            rijen[2]["AantalInwoners_5"] = "ongeveer 29000"
        elif wat == "zonder_bijstand":
            rijen = [r for r in rijen if not str(r.get("Key")).startswith("PersonenPerSoortUitkeringBijstand")]
        else:
            rijen = wat
        opendata.vervang[sleutel] = rijen

    uitkomst = ververs(["85984NED"], meld=_stil)[0]
    assert not uitkomst.gelukt
    assert "85984NED" in uitkomst.fout
    assert _momentopname(ingebedde_db) == voor


def test_foutmelding_is_nederlands_en_noemt_wat_er_mist(servers, ingebedde_db):
    opendata, _ = servers
    opendata.vervang[("85984NED", "TypedDataSet")] = []
    with pytest.raises(CbsFout, match=r"Tabel 85984NED: de dataset is leeg"):
        ververs_tabel(_tabel("85984NED"), lees_registry(ingebedde_db), meld=_stil)
    opendata.vervang.pop(("85984NED", "TypedDataSet"))
    opendata.vervang[("85984NED", "TypedDataSet")] = [
        r for r in opendata.lijst("85984NED", "TypedDataSet") if not r["WijkenEnBuurten"].startswith("GM1876")
    ]
    with pytest.raises(CbsFout, match=r"regio GM1876 ontbreekt \(deels\) in het antwoord"):
        ververs_tabel(_tabel("85984NED"), lees_registry(ingebedde_db), meld=_stil)
    opendata.vervang.pop(("85984NED", "TypedDataSet"))
    opendata.storingen[("85984NED", "TypedDataSet", 2)] = 500
    with pytest.raises(CbsFout, match=r"HTTP-fout bij het ophalen van de dataset"):
        ververs_tabel(_tabel("85984NED"), lees_registry(ingebedde_db), meld=_stil)


def test_andere_tabellen_gaan_door_als_een_tabel_faalt(servers, ingebedde_db):
    opendata, _ = servers
    opendata.storingen[("85318NED", "TypedDataSet", 1)] = 500
    uitkomst = ververs(["85318NED", "85984NED", "50120NED"], meld=_stil)
    assert [u.gelukt for u in uitkomst] == [False, True, True]
    assert _waarnemingen(ingebedde_db, "cbs:85318NED") == []
    assert _waarnemingen(ingebedde_db, "cbs:85984NED")


def test_tabellen_worden_tegelijk_opgehaald_met_de_voortgang_per_tabel_in_volgorde(servers, ingebedde_db):
    """De tabellen worden tegelijk opgehaald (cbs.GELIJKTIJDIG): terwijl de eerste op een trage pagina wacht, haalt de
    tweede al op. De voortgang blijft per tabel één blok, in de volgorde van de tabellen; een tabel die faalt, faalt
    op zichzelf, en geschreven wordt daarna samen."""
    opendata, _ = servers
    opendata.traag_seconden = 1.0
    opendata.storingen[("85984NED", "TypedDataSet", 1)] = "traag"  # de eerste pagina van de eerste tabel
    opendata.storingen[("85318NED", "TypedDataSet", 1)] = 500
    regels: list[str] = []
    uitkomst = ververs(["85984NED", "85318NED", "50120NED"], meld=regels.append)
    assert [u.gelukt for u in uitkomst] == [True, False, True]
    # tegelijk: de tweede tabel vroeg haar dataset op vóór de eerste haar tweede pagina (na de trage eerste)
    verzoeken = opendata.verzoeken
    tweede_pagina = next(i for i, v in enumerate(verzoeken) if "/85984NED/TypedDataSet" in v and "skip=3" in v)
    assert any("/85318NED/TypedDataSet" in v for v in verzoeken[:tweede_pagina])
    # de voortgang: per tabel één blok, in volgorde
    blokken: list[list[str]] = []
    for regel in regels:
        if not regel.startswith(" "):
            blokken.append([])
        blokken[-1].append(regel)
    koppen = [b[0].split(" ")[0] for b in blokken]
    assert koppen[:3] == ["85984NED", "85318NED", "50120NED"], regels
    assert any("klaar om te schrijven" in r for r in blokken[0])
    assert any("MISLUKT" in r for r in blokken[1]) and not any("klaar om te schrijven" in r for r in blokken[1])
    assert any("klaar om te schrijven" in r for r in blokken[2])
    assert [b[0].split(":")[0] for b in blokken[3:]] == ["85984NED", "50120NED"]  # samen geschreven
    assert _waarnemingen(ingebedde_db, "cbs:85318NED") == []


def test_de_werkkopie_wordt_gemaakt_terwijl_de_tabellen_worden_opgehaald(servers, ingebedde_db, monkeypatch):
    """Terwijl de draden ophalen, maakt de verversing de werkkopie van de database al (kompas.db.maak_schrijfkopie,
    zonder het slot); de schrijftransactie kopieert dan niet opnieuw (shutil.copyfile, onder het slot). Er blijft geen kopie achter, ook niet als
    elke tabel mislukt."""
    import shutil

    from kompas import db

    opendata, _ = servers
    opendata.traag_seconden = 1.0
    opendata.storingen[("85984NED", "TypedDataSet", 1)] = "traag"
    momenten = []
    echte_kopie = cbs.maak_schrijfkopie

    def kopie(*a):
        gemaakt = echte_kopie(*a)
        momenten.append(any("/85984NED/TypedDataSet" in v and "skip=3" in v for v in opendata.verzoeken))
        return gemaakt

    kopieen = []
    echte = shutil.copyfile
    monkeypatch.setattr(cbs, "maak_schrijfkopie", kopie)
    monkeypatch.setattr(db.shutil, "copyfile", lambda *a: kopieen.append(a[1]) or echte(*a))
    uitkomst = ververs(["85984NED", "50120NED"], meld=_stil)
    assert [u.gelukt for u in uitkomst] == [True, True]
    assert momenten == [False]  # klaar voordat de trage eerste pagina antwoordde (de tweede nog niet gevraagd)
    assert kopieen == []  # de schrijftransactie kopieerde niet opnieuw
    rest = sorted(p.name for p in ingebedde_db.parent.iterdir() if p.name.startswith(ingebedde_db.name))
    assert rest == [ingebedde_db.name, f"{ingebedde_db.name}.lock"]
    opendata.storingen[("85984NED", "TypedDataSet", 1)] = 404
    assert not any(u.gelukt for u in ververs(["85984NED"], meld=_stil))
    rest = sorted(p.name for p in ingebedde_db.parent.iterdir() if p.name.startswith(ingebedde_db.name))
    assert rest == [ingebedde_db.name, f"{ingebedde_db.name}.lock"]


# -- herhalen bij een tijdelijke storing


@pytest.mark.parametrize("storing", [503, "verbreek", "traag"], ids=["http_503", "verbinding_weg", "time_out"])
def test_tijdelijke_storing_wordt_herhaald_en_gemeld(servers, ingebedde_db, monkeypatch, storing):
    opendata, _ = servers
    monkeypatch.setattr(cbs, "TIJDSLIMIET", 0.5)
    opendata.traag_seconden = 1.5
    # de tweede pagina van de dataset faalt twee keer en antwoordt daarna
    opendata.storingen[("85984NED", "TypedDataSet", 2)] = [storing, storing]
    meldingen = []
    uitkomst = ververs(["85984NED"], meld=meldingen.append)[0]
    assert uitkomst.gelukt, uitkomst.fout
    herhalingen = [m for m in meldingen if "opnieuw proberen" in m]
    assert len(herhalingen) == 2
    oorzaak = {503: "HTTP-status 503", "verbreek": "geen verbinding", "traag": "de server antwoordde niet op tijd"}
    assert herhalingen[0].startswith(f"  de dataset van 85984NED bij {opendata.host}: {oorzaak[storing]}; opnieuw")
    assert "(poging 2 van 4)" in herhalingen[0] and "(poging 3 van 4)" in herhalingen[1]
    assert _waarde(ingebedde_db, "cbs:85984NED", "bijstand_personen", "GM0148", 2024)[0] == 230


def test_blijvende_storing_faalt_dicht_na_de_laatste_poging(servers, ingebedde_db):
    opendata, _ = servers
    assert ververs(["85984NED"], meld=_stil)[0].gelukt
    voor = _momentopname(ingebedde_db)
    opendata.storingen[("85984NED", "TypedDataSet", 1)] = 503
    meldingen = []
    uitkomst = ververs(["85984NED"], meld=meldingen.append)[0]
    assert not uitkomst.gelukt
    assert "(status 503 na 4 pogingen)" in uitkomst.fout
    assert len([m for m in meldingen if "de dataset van 85984NED" in m and "opnieuw proberen" in m]) == 3
    assert _momentopname(ingebedde_db) == voor


def test_ontbrekende_tabel_wordt_niet_herhaald(servers, ingebedde_db):
    opendata, _ = servers
    meldingen = []
    uitkomst = ververs(["86165NED"], meld=meldingen.append)[0]  # niet op de lokale server: 404
    assert not uitkomst.gelukt and "status 404)" in uitkomst.fout
    assert not [m for m in meldingen if opendata.host in m and "opnieuw proberen" in m]


# -- herhaalbaar


def test_opnieuw_draaien_geeft_dezelfde_cijfers(servers, ingebedde_db):
    ververs(["85984NED", "50120NED"], meld=_stil)
    eerst = (_waarnemingen(ingebedde_db, "cbs:85984NED"), _waarnemingen(ingebedde_db, "rivm:50120NED"))
    totaal = _lees(ingebedde_db, "select count(*) from waarneming")
    ververs(["85984NED", "50120NED"], meld=_stil)
    assert (_waarnemingen(ingebedde_db, "cbs:85984NED"), _waarnemingen(ingebedde_db, "rivm:50120NED")) == eerst
    assert _lees(ingebedde_db, "select count(*) from waarneming") == totaal
    assert _lees(ingebedde_db, "select count(*) from herkomst where herkomst_id = 'cbs:85984NED'") == [(1,)]


def _rijen_met_rowid(pad, herkomst_id):
    return _lees(
        pad,
        "select rowid, indicator_code, regio_code, peiljaar, leeftijd, waarde from waarneming"
        " where herkomst_id = ? order by all",
        [herkomst_id],
    )


def test_dezelfde_cijfers_laten_de_rijen_staan_en_werken_alleen_de_herkomst_bij(servers, ingebedde_db, monkeypatch):
    # een verversing die precies dezelfde rijen terugkrijgt, schrijft ze niet opnieuw (geen delete en insert: minder
    # te schrijven bij de checkpoint, geen vrije blokken); de herkomst (opgehaald_op) wordt wel bijgewerkt, ook in
    # de afgeleide tabellen
    _klok(monkeypatch)
    ververs(["85984NED"], meld=_stil)
    ververs(["50120NED"], meld=_stil)  # rijen na die van 85984NED: opnieuw invoegen zou hun rowid veranderen
    voor = _rijen_met_rowid(ingebedde_db, "cbs:85984NED")
    [(eerder,)] = _lees(ingebedde_db, "select opgehaald_op from herkomst where herkomst_id = 'cbs:85984NED'")
    assert voor
    ververs(["85984NED"], meld=_stil)
    assert _rijen_met_rowid(ingebedde_db, "cbs:85984NED") == voor
    [(later,)] = _lees(ingebedde_db, "select opgehaald_op from herkomst where herkomst_id = 'cbs:85984NED'")
    assert later > eerder
    assert _lees(
        ingebedde_db,
        "select distinct opgehaald_op from afgeleid.indicator_waarden where herkomst_id = 'cbs:85984NED'",
    ) == [(later,)]


def test_samen_ververst_blijft_een_gelijke_tabel_staan_en_wordt_een_andere_vervangen(
    servers, ingebedde_db, monkeypatch
):
    # de tabellen van één verversing worden samen geschreven; per tabel blijven dezelfde rijen staan (rowid
    # ongewijzigd) en worden veranderde rijen vervangen, en van beide is de herkomst bijgewerkt
    _klok(monkeypatch)
    opendata, _ = servers
    ververs(["50120NED"], meld=_stil)
    ververs(["85984NED"], meld=_stil)  # na die van 50120NED: het vervangen verschuift hun rowid niet
    voor = _rijen_met_rowid(ingebedde_db, "rivm:50120NED")
    eerder = dict(_lees(ingebedde_db, "select herkomst_id, opgehaald_op from herkomst where herkomst_id like '%NED'"))
    rijen = [dict(r) for r in opendata.lijst("85984NED", "TypedDataSet")]
    rijen[2]["AantalInwoners_5"] = 29003
    opendata.vervang[("85984NED", "TypedDataSet")] = rijen
    assert all(u.gelukt for u in ververs(["85984NED", "50120NED"], meld=_stil))
    assert _rijen_met_rowid(ingebedde_db, "rivm:50120NED") == voor
    assert _waarde(ingebedde_db, "cbs:85984NED", "inwoners", "GM0148", 2024)[0] == 29003.0
    later = dict(_lees(ingebedde_db, "select herkomst_id, opgehaald_op from herkomst where herkomst_id like '%NED'"))
    assert all(later[h] > eerder[h] for h in ("cbs:85984NED", "rivm:50120NED"))


def test_onbekende_code_bij_het_samen_schrijven_weigert_alleen_die_tabel(servers, ingebedde_db, monkeypatch):
    # de toets in de schrijftransactie (een code die intussen niet meer in de registry of regio staat): de tabel met
    # die code wordt geweigerd met haar naam en de code, de andere tabel wordt alsnog apart geschreven
    echte = cbs.haal_en_controleer

    def met_onbekende_code(tabel, *rest):
        klaar = echte(tabel, *rest)
        if tabel.tabel_id == "50120NED":
            klaar.waarnemingen.rijen.append({**klaar.waarnemingen.rijen[0], "indicator_code": "bestaat_niet"})
        return klaar

    monkeypatch.setattr(cbs, "haal_en_controleer", met_onbekende_code)
    meldingen = []
    goed, fout = ververs(["85984NED", "50120NED"], meld=meldingen.append)
    assert goed.gelukt and not fout.gelukt
    assert "Tabel 50120NED: onbekende indicator- of regiocodes" in fout.fout and "bestaat_niet" in fout.fout
    assert "niets geschreven" in fout.fout
    assert any(m.startswith("Samen schrijven mislukt") for m in meldingen)
    assert _waarnemingen(ingebedde_db, "cbs:85984NED")
    assert not _waarnemingen(ingebedde_db, "rivm:50120NED")


@pytest.mark.parametrize(
    ("nieuw", "verwacht"),
    [(29003, 29003.0), (None, None)],
    ids=["ander_cijfer", "cijfer_ontbreekt_nu"],
)
def test_een_ander_cijfer_wordt_wel_geschreven(servers, ingebedde_db, nieuw, verwacht):
    opendata, _ = servers
    ververs(["85984NED"], meld=_stil)
    assert _waarde(ingebedde_db, "cbs:85984NED", "inwoners", "GM0148", 2024)[0] == 29002.0
    rijen = [dict(r) for r in opendata.lijst("85984NED", "TypedDataSet")]
    rijen[2]["AantalInwoners_5"] = nieuw
    opendata.vervang[("85984NED", "TypedDataSet")] = rijen
    assert ververs(["85984NED"], meld=_stil)[0].gelukt
    rij = _waarde(ingebedde_db, "cbs:85984NED", "inwoners", "GM0148", 2024)
    assert (rij and rij[0]) == verwacht
    assert _lees(
        ingebedde_db,
        "select waarde from afgeleid.indicator_waarden where herkomst_id = 'cbs:85984NED'"
        " and indicator_code = 'inwoners' and regio_code = 'GM0148' and peiljaar = 2024",
    ) == ([(verwacht,)] if rij else [])


def test_ingebedde_cijfers_blijven_staan(servers, ingebedde_db):
    voor = _lees(ingebedde_db, "select count(*) from waarneming where herkomst_id like 'ingebed:%'")
    ververs(["85984NED"], meld=_stil)
    assert _lees(ingebedde_db, "select count(*) from waarneming where herkomst_id like 'ingebed:%'") == voor


# -- configuratie en registry


def test_configuratie_noemt_alleen_bekende_indicatoren_met_voorvoegsel(ingebedde_db):
    registry = lees_registry(ingebedde_db)
    for tabel in lees_config():
        for code in tabel.instellingen["indicatoren"]:
            assert registry.bron_kolom.get(code), (tabel.tabel_id, code)
        assert registry.regios_van(tabel) and set(registry.regios_van(tabel)) <= registry.regios


def test_de_regios_komen_uit_regio_csv_een_gemeente_erbij_wordt_ook_opgehaald(servers, ingebedde_db):
    """Geen lijst regiocodes in cbs_tabellen.toml: elke regio van de genoemde soorten in de tabel regio (gebouwd uit
    data/regio.csv). Groningen (GM0014) staat in de opgenomen tabel; als gemeente in regio komt hij mee."""
    registry = lees_registry(ingebedde_db)
    assert registry.regios_van(_tabel("85984NED")) == tuple(
        code for soort in ("gemeente", "ggd_regio", "land") for code, s in registry.regio_soort.items() if s == soort
    )
    con = duckdb.connect(str(ingebedde_db))
    con.execute(
        "insert into regio (regio_code, regio_naam, soort, volgorde, kleur, vorm)"
        " values ('GM0014', 'Groningen', 'gemeente', 4, '#CC79A7', 'diamond')"
    )
    con.close()
    ververs(["85984NED"], meld=_stil)
    assert _waarde(ingebedde_db, "cbs:85984NED", "inwoners", "GM0014", 2024)[0] == 240000


def test_https_en_host_uit_de_omgeving(servers, monkeypatch):
    from loaders.cbs import hosts

    opendata, derden = servers
    assert hosts() == ({"opendata": opendata.host, "dataderden": derden.host, "datasets": ONBEREIKBAAR}, False)
    monkeypatch.delenv("KOMPAS_CBS_OPENDATA")
    monkeypatch.setenv("KOMPAS_CBS_HTTPS", "1")
    assert hosts()[0]["opendata"] == "opendata.cbs.nl" and hosts()[1] is True
    monkeypatch.delenv("KOMPAS_CBS_DATASETS")
    assert hosts()[0]["datasets"] == "datasets.cbs.nl"


# -- opdrachtregel


def _cli(*args, env) -> subprocess.CompletedProcess:
    omgeving = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    omgeving.update(env)
    return subprocess.run(
        [sys.executable, "-m", "loaders", "refresh", *args],
        cwd=PROJECT,
        env=omgeving,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_opdrachtregel_meldt_voortgang_en_samenvatting_met_passende_exitcode(servers, ingebedde_db):
    opendata, derden = servers
    env = {
        "KOMPAS_DB": str(ingebedde_db),
        "KOMPAS_CBS_OPENDATA": opendata.host,
        "KOMPAS_CBS_DATADERDEN": derden.host,
        "KOMPAS_CBS_HTTPS": "0",
        "KOMPAS_CBS_DATASETS": opendata.host,
    }  # de v3-server kent /odata/v1 niet: 404, terugval faalt meteen
    goed = _cli("85984NED", "50120NED", env=env)
    assert goed.returncode == 0, goed.stderr
    assert "85984NED (Kerncijfers wijken en buurten) ophalen bij 127.0.0.1:" in goed.stdout
    assert "pagina 2 van de dataset opgehaald" in goed.stdout
    assert "Samenvatting:" in goed.stdout and "waarnemingen geschreven" in goed.stdout
    assert "Download" not in goed.stderr  # de paginalog van cbsodata lekt niet naar stderr

    # 86165NED staat niet op de lokale server: HTTP 404; 85984NED wordt wel geschreven
    half = _cli("86165NED", "85984NED", env=env)
    assert half.returncode == 1
    assert "86165NED: MISLUKT - OData v3: Tabel 86165NED" in half.stdout
    assert "1 van 2 tabellen mislukt (86165NED); hun vorige cijfers zijn blijven staan." in half.stderr

    onbekend = _cli("12345NED", env=env)
    assert onbekend.returncode == 2
    assert "Onbekende tabel(len) 12345NED" in onbekend.stderr


def test_configuratie_met_regiocodes_of_een_onbekende_regiosoort_wordt_geweigerd(ingebedde_db, tmp_path):
    eigen = PROJECT / "data" / "cbs_tabellen.toml"
    oud = tmp_path / "oud.toml"
    oud.write_text(
        eigen.read_text(encoding="utf-8").replace(
            'regio_soorten = ["gemeente", "ggd_regio", "land"]', 'regios = ["GM0148", "NL01"]'
        ),
        encoding="utf-8",
    )
    with pytest.raises(CbsFout, match="'regios' bestaat niet meer; de regio's komen uit data/regio.csv"):
        lees_config(oud)
    typo = tmp_path / "typo.toml"
    typo.write_text(eigen.read_text(encoding="utf-8").replace('"ggd_regio"', '"ggd"'), encoding="utf-8")
    with pytest.raises(CbsFout, match="regiosoort 'ggd' in 'regio_soorten', maar data/regio.csv heeft geen regio"):
        ververs(["85984NED"], config=typo, meld=_stil)


def test_een_config_met_de_oude_sleutel_soort_noemt_de_nieuwe_naam_tabelsoort(tmp_path):
    eigen = (PROJECT / "data" / "cbs_tabellen.toml").read_text(encoding="utf-8")
    oud = tmp_path / "oud.toml"
    oud.write_text(eigen.replace("[tabelsoort.", "[soort."), encoding="utf-8")
    with pytest.raises(CbsFout, match=r"\[soort.<code>\] heet nu \[tabelsoort.<code>\]"):
        lees_config(oud)
    per_tabel = tmp_path / "per_tabel.toml"
    per_tabel.write_text(eigen.replace('tabelsoort = "kwb"', 'soort = "kwb"'), encoding="utf-8")
    with pytest.raises(CbsFout, match="'soort' heet nu 'tabelsoort'"):
        lees_config(per_tabel)


# -- de vaste kosten van een verversing: herkennen wat al precies zo staat, zonder het in SQL te vergelijken


@pytest.fixture
def schrijfqueries(monkeypatch):
    """De namen van de queries/schrijven-bestanden die loaders.cbs uitvoert, in volgorde."""
    namen: list[str] = []
    echte = cbs.schrijf_sql

    def spion(naam: str) -> str:
        namen.append(naam)
        return echte(naam)

    monkeypatch.setattr(cbs, "schrijf_sql", spion)
    return namen


def _wijken(pad):
    return _lees(
        pad,
        "select regio_code, regio_naam, soort, gemeente_code, herkomst_id from regio where soort = 'wijk' order by 1",
    )


def test_dezelfde_regios_en_rijen_worden_herkend_zonder_ze_in_sql_te_vergelijken(servers, ingebedde_db, schrijfqueries):
    # de tweede verversing krijgt dezelfde codelijst en dezelfde rijen terug: de regio's staan er al precies zo (in
    # Python tegen de registry) en de rijen hebben dezelfde vingerafdruk als bij de vorige verversing (herkomst)
    ververs(["85984NED", "50120NED"], meld=_stil)
    wijken = _wijken(ingebedde_db)
    rijen = _rijen_met_rowid(ingebedde_db, "cbs:85984NED")
    assert wijken and rijen
    schrijfqueries.clear()
    assert all(u.gelukt for u in ververs(["85984NED", "50120NED"], meld=_stil))
    assert "opgehaalde_regios" not in schrijfqueries
    assert "opgehaalde_waarnemingen" not in schrijfqueries
    assert _wijken(ingebedde_db) == wijken
    assert _rijen_met_rowid(ingebedde_db, "cbs:85984NED") == rijen


def _wijk_hernoemd(opendata, code="WK014800", naam="Dalfsen-Centrum"):
    lijst = [dict(r) for r in opendata.lijst("85984NED", "WijkenEnBuurten")]
    for r in lijst:
        if r["Key"].strip() == code:
            r["Title"] = naam
    opendata.vervang[("85984NED", "WijkenEnBuurten")] = lijst


def test_een_wijk_met_een_andere_naam_in_de_codelijst_wordt_bijgewerkt(servers, ingebedde_db):
    opendata, _ = servers
    ververs(["85984NED"], meld=_stil)
    ververs(["85984NED"], meld=_stil)  # de regio's staan er nu al precies zo
    _wijk_hernoemd(opendata)
    assert ververs(["85984NED"], meld=_stil)[0].gelukt
    assert ("WK014800", "Dalfsen-Centrum (wijk, gem. Dalfsen)", "wijk", "GM0148", "cbs:85984NED") in _wijken(
        ingebedde_db
    )


def test_een_regio_die_een_andere_schrijver_intussen_veranderde_wordt_weer_die_uit_de_codelijst(
    servers, ingebedde_db, monkeypatch
):
    # de registry (en daarmee wat de verversing van de regio's weet) is gelezen vóór het ophalen, zonder het slot;
    # verandert een andere schrijver intussen een regio, dan mag de verversing niet op de gelezen registry vertrouwen
    from kompas.db import schrijf_transactie

    ververs(["85984NED"], meld=_stil)
    ververs(["85984NED"], meld=_stil)
    [(naam,)] = _lees(ingebedde_db, "select regio_naam from regio where regio_code = 'WK014800'")
    echte = cbs.haal_en_controleer

    def met_een_andere_schrijver(*a):
        with schrijf_transactie(ingebedde_db) as con:
            con.execute("update regio set regio_naam = 'iets anders' where regio_code = 'WK014800'")
        return echte(*a)

    monkeypatch.setattr(cbs, "haal_en_controleer", met_een_andere_schrijver)
    assert ververs(["85984NED"], meld=_stil)[0].gelukt
    assert _lees(ingebedde_db, "select regio_naam from regio where regio_code = 'WK014800'") == [(naam,)]


def _eerst_twee_keer_dan(servers, ingebedde_db, wijzig):
    """Twee verversingen van 85984NED (de tweede met een vingerafdruk van de eerste), dan `wijzig(opendata)` en
    een derde; geeft de rijen daarna."""
    opendata, _ = servers
    ververs(["85984NED"], meld=_stil)
    ververs(["85984NED"], meld=_stil)
    wijzig(opendata)
    assert ververs(["85984NED"], meld=_stil)[0].gelukt
    return _lees(
        ingebedde_db,
        "select indicator_code, regio_code, peiljaar, waarde, decimalen from waarneming"
        " where herkomst_id = 'cbs:85984NED' order by all",
    )


def _typed(opendata, pas_aan):
    rijen = [dict(r) for r in opendata.lijst("85984NED", "TypedDataSet")]
    opendata.vervang[("85984NED", "TypedDataSet")] = pas_aan(rijen)


def test_na_een_herkende_verversing_wordt_een_ander_cijfer_toch_geschreven(servers, ingebedde_db):
    def ander(rijen):
        rijen[2]["AantalInwoners_5"] = 29003
        return rijen

    rijen = _eerst_twee_keer_dan(servers, ingebedde_db, lambda o: _typed(o, ander))
    assert ("inwoners", "GM0148", 2024, 29003.0, 0) in rijen
    assert _lees(
        ingebedde_db,
        "select waarde from afgeleid.indicator_waarden where herkomst_id = 'cbs:85984NED'"
        " and indicator_code = 'inwoners' and regio_code = 'GM0148' and peiljaar = 2024",
    ) == [(29003.0,)]


def test_na_een_herkende_verversing_wordt_een_weggevallen_rij_toch_weggehaald(servers, ingebedde_db):
    # de wijk WK014800 is uit de tabel (codelijst en cijfers) verdwenen
    def zonder_wijk(opendata):
        for naam in ("TypedDataSet", "WijkenEnBuurten"):
            sleutel = "WijkenEnBuurten" if naam == "TypedDataSet" else "Key"
            rijen = [dict(r) for r in opendata.lijst("85984NED", naam) if r[sleutel].strip() != "WK014800"]
            opendata.vervang[("85984NED", naam)] = rijen

    rijen = _eerst_twee_keer_dan(servers, ingebedde_db, zonder_wijk)
    assert rijen and not [r for r in rijen if r[1] == "WK014800"]


def test_na_een_herkende_verversing_wordt_een_andere_precisie_toch_geschreven(servers, ingebedde_db):
    def decimalen(opendata):
        props = [dict(p) for p in opendata.lijst("85984NED", "DataProperties")]
        for p in props:
            if p.get("Key") == "AantalInwoners_5":
                p["Decimals"] = 2
        opendata.vervang[("85984NED", "DataProperties")] = props

    rijen = _eerst_twee_keer_dan(servers, ingebedde_db, decimalen)
    assert ("inwoners", "GM0148", 2024, 29002.0, 2) in rijen


def test_na_een_bouw_worden_dezelfde_rijen_nog_herkend_en_een_ander_cijfer_geschreven(servers, ingebedde_db):
    from loaders.ingebed import bouw

    opendata, _ = servers
    ververs(["85984NED"], meld=_stil)
    bouw(ingebedde_db)  # de referentie opnieuw uit data/; de opgehaalde rijen blijven staan
    assert ververs(["85984NED"], meld=_stil)[0].gelukt
    _typed(opendata, lambda r: [dict(r[0]), dict(r[1]), {**r[2], "AantalInwoners_5": 29004}, *r[3:]])
    assert ververs(["85984NED"], meld=_stil)[0].gelukt
    assert _waarde(ingebedde_db, "cbs:85984NED", "inwoners", "GM0148", 2024)[0] == 29004.0


def test_een_indicator_die_intussen_uit_de_registry_verdween_weigert_de_tabel_ook_bij_dezelfde_rijen(
    servers, ingebedde_db, monkeypatch
):
    # dezelfde rijen als bij de vorige verversing, maar een andere schrijver haalde intussen een indicator weg: de
    # toets op onbekende codes blijft (hier van de registry die de transactie niet meer kan vertrouwen)
    from kompas.db import schrijf_transactie

    ververs(["85984NED"], meld=_stil)
    ververs(["85984NED"], meld=_stil)
    echte = cbs.haal_en_controleer

    def met_een_andere_schrijver(*a):
        with schrijf_transactie(ingebedde_db) as con:
            con.execute("delete from waarneming where indicator_code = 'huishoudens'")
            con.execute("delete from indicator where indicator_code = 'huishoudens'")
        return echte(*a)

    monkeypatch.setattr(cbs, "haal_en_controleer", met_een_andere_schrijver)
    [uitkomst] = ververs(["85984NED"], meld=_stil)
    assert not uitkomst.gelukt
    assert "huishoudens" in uitkomst.fout


def test_een_wijk_uit_twee_tabellen_houdt_de_naam_uit_de_laatst_gewijzigde(servers, ingebedde_db):
    # 85984NED (Modified 2025) en 85318NED (2023) noemen allebei WK014800: de naam komt uit de laatst gewijzigde, ook
    # als de oudere haar anders noemt; noemt de nieuwste haar anders, dan wordt ze bijgewerkt
    opendata, _ = servers
    beide = ["85984NED", "85318NED"]
    ververs(beide, meld=_stil)
    [wijk] = [w for w in _wijken(ingebedde_db) if w[0] == "WK014800"]
    assert wijk[4] == "cbs:85984NED"
    lijst = [dict(r) for r in opendata.lijst("85318NED", "WijkenEnBuurten")]
    for r in lijst:
        if r["Key"].strip() == "WK014800":
            r["Title"] = "Oud-Dalfsen"
    opendata.vervang[("85318NED", "WijkenEnBuurten")] = lijst
    assert all(u.gelukt for u in ververs(beide, meld=_stil))
    assert ververs(["85318NED"], meld=_stil)[0].gelukt
    assert [w for w in _wijken(ingebedde_db) if w[0] == "WK014800"] == [wijk]
    _wijk_hernoemd(opendata)
    assert all(u.gelukt for u in ververs(beide, meld=_stil))
    assert [w for w in _wijken(ingebedde_db) if w[0] == "WK014800"] == [
        ("WK014800", "Dalfsen-Centrum (wijk, gem. Dalfsen)", "wijk", "GM0148", "cbs:85984NED")
    ]


def test_een_wijk_krijgt_de_naam_uit_de_tabel_die_nu_het_laatst_gewijzigd_is(servers, ingebedde_db):
    # staat de wijk er al precies zo uit 85984NED, maar is 85318NED nu later gewijzigd (CBS publiceerde haar opnieuw)
    # met een andere naam, dan komt de naam uit 85318NED: de verversing vergelijkt met de tabel die de regio zou zetten
    opendata, _ = servers
    beide = ["85984NED", "85318NED"]
    ververs(beide, meld=_stil)
    ververs(beide, meld=_stil)
    lijst = [dict(r) for r in opendata.lijst("85318NED", "WijkenEnBuurten")]
    for r in lijst:
        if r["Key"].strip() == "WK014800":
            r["Title"] = "Oud-Dalfsen"
    opendata.vervang[("85318NED", "WijkenEnBuurten")] = lijst
    [info] = opendata.lijst("85318NED", "TableInfos")
    opendata.vervang[("85318NED", "TableInfos")] = [{**info, "Modified": "2026-01-05T02:00:00"}]
    assert all(u.gelukt for u in ververs(beide, meld=_stil))
    assert [w for w in _wijken(ingebedde_db) if w[0] == "WK014800"] == [
        ("WK014800", "Oud-Dalfsen (wijk, gem. Dalfsen)", "wijk", "GM0148", "cbs:85318NED")
    ]
