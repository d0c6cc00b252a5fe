"""OData v4 (datasets.cbs.nl) naast v3: dezelfde opgenomen tabellen in beide vormen, op 127.0.0.1.

De v4-opnamen (tests/odata/datasets/) zijn met tests/odata/maak_fixtures.py uit dezelfde tabellen gemaakt als de
v3-opnamen; de Gezondheidsmonitor-tabellen komen uit de echte CBS-exports waaruit ook de ingebedde cijfers komen.
"""

from __future__ import annotations

import copy
import errno
import os
from pathlib import Path

import cbsodata
import pytest
from odata.server import ODataServer
from odata.server_v4 import ODataV4Server

from kompas.db import DatabaseFout
from loaders import cbs
from loaders.cbs import ververs
from loaders.cbs_v4 import sleutelvorm

from dbhulp import vraag as _lees

ONBEREIKBAAR = "127.0.0.1:9"
KOLOMMEN = "indicator_code, regio_code, peiljaar, leeftijd, waarde, ondergrens, bovengrens, status"


@pytest.fixture
def servers(ingebedde_db, monkeypatch):
    with (
        ODataServer("opendata", paginagrootte=40) as opendata,
        ODataServer("dataderden", paginagrootte=40) as derden,
        ODataV4Server(paginagrootte=25) as v4,
    ):
        monkeypatch.setenv("KOMPAS_CBS_OPENDATA", opendata.host)
        monkeypatch.setenv("KOMPAS_CBS_DATADERDEN", derden.host)
        monkeypatch.setenv("KOMPAS_CBS_DATASETS", v4.host)
        monkeypatch.setenv("KOMPAS_CBS_HTTPS", "0")
        monkeypatch.setenv("NO_PROXY", "127.0.0.1")
        monkeypatch.setattr(cbsodata.options, "requests", {"proxies": {"http": None, "https": None}})
        monkeypatch.setattr(cbs, "WACHT_BASIS", 0)
        yield opendata, v4


def _stil(_tekst):
    pass


def _alleen_v4(monkeypatch):
    monkeypatch.setenv("KOMPAS_CBS_OPENDATA", ONBEREIKBAAR)


def _alleen_v3(monkeypatch):
    monkeypatch.setenv("KOMPAS_CBS_DATASETS", ONBEREIKBAAR)


def _rijen(pad, herkomst_id):
    return _lees(pad, f"select {KOLOMMEN} from waarneming where herkomst_id = ? order by all", [herkomst_id])


def _waarde(pad, herkomst_id, indicator, regio, jaar, leeftijd="totaal"):
    rijen = _lees(
        pad,
        "select waarde, ondergrens, bovengrens, status, citaat from waarneming where herkomst_id = ?"
        " and indicator_code = ? and regio_code = ? and peiljaar = ? and leeftijd = ?",
        [herkomst_id, indicator, regio, jaar, leeftijd],
    )
    return rijen[0] if rijen else None


def _herkomst(pad, herkomst_id):
    return _lees(
        pad,
        "select cast(tabel_gewijzigd as varchar), opgehaald_via, toelichting, titel from herkomst"
        " where herkomst_id = ?",
        [herkomst_id],
    )[0]


# -- metingen op betekenis


def test_sleutelvorm_maakt_van_een_titel_de_cbs_sleutel():
    assert sleutelvorm("Personen per soort uitkering; Bijstand") == "PersonenPerSoortUitkeringBijstand"
    assert sleutelvorm("Wmo-cliënten relatief") == "WmoClientenRelatief"
    assert sleutelvorm("40% personen met laagste inkomen") == "k_40PersonenMetLaagsteInkomen"
    assert sleutelvorm("Personenauto's totaal") == "PersonenautoSTotaal"
    assert sleutelvorm("Aantal inkomensontvangers\xa0\xa0") == "AantalInkomensontvangers"


@pytest.mark.parametrize("tabel", ["85984NED", "85318NED", "83674NED", "85012NED"])
def test_v4_en_v3_geven_dezelfde_waarnemingen(servers, ingebedde_db, monkeypatch, tabel):
    herkomst = f"cbs:{tabel}"
    _alleen_v3(monkeypatch)
    assert ververs([tabel], meld=_stil)[0].gelukt
    via_v3 = _rijen(ingebedde_db, herkomst)
    monkeypatch.setenv("KOMPAS_CBS_DATASETS", servers[1].host)
    _alleen_v4(monkeypatch)
    assert ververs([tabel], meld=_stil)[0].gelukt
    assert _herkomst(ingebedde_db, herkomst)[1].startswith("OData v4 (")
    assert _rijen(ingebedde_db, herkomst) == via_v3
    assert len(via_v3) > 20


def test_meting_gevonden_op_titel_niet_op_code(servers, ingebedde_db, monkeypatch):
    """Andere metingcodes (zelfde titels): dezelfde cijfers; de code staat alleen in het citaat."""
    _, v4 = servers
    _alleen_v4(monkeypatch)
    metingen = copy.deepcopy(v4.lijst("85984NED", "MeasureCodes"))
    nieuw = {m["Identifier"]: f"Z{i:05d}" for i, m in enumerate(metingen)}
    for m in metingen:
        m["Identifier"] = nieuw[m["Identifier"]]
    observaties = [dict(o, Measure=nieuw[o["Measure"]]) for o in v4.lijst("85984NED", "Observations")]
    v4.vervang[("85984NED", "MeasureCodes")] = metingen
    v4.vervang[("85984NED", "Observations")] = observaties
    assert ververs(["85984NED"], meld=_stil)[0].gelukt
    waarde = _waarde(ingebedde_db, "cbs:85984NED", "bijstand_personen", "GM0148", 2024)
    assert waarde[0] == 230 and waarde[4] == f"85984NED, {nieuw['D006842']}"
    # WmoClienten en WmoClientenRelatief niet verward
    assert _waarde(ingebedde_db, "cbs:85984NED", "wmo_per_1000", "GM0148", 2024)[0] == 64


def test_onbekende_titel_geeft_nederlandse_melding_met_wat_erop_lijkt(servers, ingebedde_db, monkeypatch):
    _, v4 = servers
    _alleen_v4(monkeypatch)
    metingen = [
        dict(m, Title="Personen met bijstand") if m["Identifier"] == "D006842" else m
        for m in v4.lijst("85984NED", "MeasureCodes")
    ]
    v4.vervang[("85984NED", "MeasureCodes")] = metingen
    uitkomst = ververs(["85984NED"], meld=_stil)[0]
    assert not uitkomst.gelukt
    assert "v4: geen meting met een titel die past bij PersonenPerSoortUitkeringBijstand" in uitkomst.fout
    assert "lijkt op: 'Personen per soort uitkering; AO'" in uitkomst.fout
    assert "[titels]" in uitkomst.fout


def test_titel_uit_de_configuratie_vindt_een_hernoemde_meting(servers, ingebedde_db, monkeypatch, tmp_path):
    _, v4 = servers
    _alleen_v4(monkeypatch)
    v4.vervang[("85984NED", "MeasureCodes")] = [
        dict(m, Title="Personen met bijstand") if m["Identifier"] == "D006842" else m
        for m in v4.lijst("85984NED", "MeasureCodes")
    ]
    config = tmp_path / "cbs_tabellen.toml"
    tekst = cbs.CONFIG.read_text(encoding="utf-8").replace(
        "[titels]\n", '[titels]\nPersonenPerSoortUitkeringBijstand = "Personen met bijstand"\n'
    )
    config.write_text(tekst, encoding="utf-8")
    assert ververs(["85984NED"], config=config, meld=_stil)[0].gelukt
    assert _waarde(ingebedde_db, "cbs:85984NED", "bijstand_personen", "GM0148", 2024)[0] == 230


# -- regiocodes, ontbrekend en geheim, paginering


def test_v4_opvulling_gestript_ontbrekend_en_geheim_nooit_nul(servers, ingebedde_db, monkeypatch):
    _alleen_v4(monkeypatch)
    meldingen = []
    assert ververs(["85984NED"], meld=meldingen.append)[0].gelukt
    assert "  v4: regiocodes in WijkenEnBuurtenCodes hebben opvulspaties (gestript)" in meldingen
    regios = {
        r[0]
        for r in _lees(ingebedde_db, "select distinct regio_code from waarneming where herkomst_id = 'cbs:85984NED'")
    }
    # de wijk van Dalfsen uit de codelijst; v4 kent geen Municipality: de gemeentenaam uit haar eigen rij
    assert regios == {"GM0148", "GM1876", "GM0303", "NL01", "WK014800"}
    assert _lees(ingebedde_db, "select regio_naam from regio where regio_code = 'WK014800'") == [
        ("Dalfsen (wijk, gem. Dalfsen)",)
    ]
    # '.' (Missing), 'x' (Confidential), null en leeg (cel ontbreekt): geen waarneming, nooit 0
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
    assert "  4 cijfers ontbreken bij de bron ('.', 'x' of leeg); niet geschreven" in meldingen


def test_onbekende_valueattribute_wordt_gemeld_en_ontbreekt(servers, ingebedde_db, monkeypatch):
    _, v4 = servers
    _alleen_v4(monkeypatch)
    observaties = copy.deepcopy(v4.lijst("85984NED", "Observations"))
    for o in observaties:
        if o["Measure"] == "D006842" and o["WijkenEnBuurten"].startswith("GM0148"):
            o.update(ValueAttribute="Geheim", Value=None)
    v4.vervang[("85984NED", "Observations")] = observaties
    meldingen = []
    assert ververs(["85984NED"], meld=meldingen.append)[0].gelukt
    assert "  v4: ValueAttribute 'Geheim' (1 cellen) staat niet in de referentie; als ontbrekend behandeld" in meldingen
    assert _waarde(ingebedde_db, "cbs:85984NED", "bijstand_personen", "GM0148", 2024) is None


def test_paginering_volgt_nextlink_en_filter_gaat_mee(servers, ingebedde_db, monkeypatch):
    _, v4 = servers
    _alleen_v4(monkeypatch)
    meldingen = []
    assert ververs(["83674NED"], meld=meldingen.append)[0].gelukt
    verzoeken = [v for v in v4.verzoeken if "/83674NED/Observations" in v]
    assert len(verzoeken) >= 3 and "%24skip=" in verzoeken[1]
    assert "Measure+eq+" in verzoeken[0] and "startswith%28RegioS%2C%27GM0148%27%29" in verzoeken[0]
    assert "    pagina 3 van de observaties opgehaald" in meldingen


# -- de ingebedde Gezondheidsmonitor precies terug, via v4


@pytest.mark.parametrize("tabel", ["83674NED", "85012NED"])
def test_verversing_geeft_de_ingebedde_gezondheidsmonitor_precies_terug(servers, ingebedde_db, tabel):
    assert ververs([tabel], meld=_stil)[0].gelukt  # api = ["v4", "v3"]
    assert _herkomst(ingebedde_db, f"cbs:{tabel}")[1].startswith("OData v4 (")
    opgehaald = _rijen(ingebedde_db, f"cbs:{tabel}")
    ingebed = _rijen(ingebedde_db, f"ingebed:cbs-{tabel}")
    assert opgehaald == ingebed
    assert len(opgehaald) > 200


# -- terugval


def test_terugval_v4_naar_v3_als_datasets_onbereikbaar_is(servers, ingebedde_db, monkeypatch):
    _alleen_v3(monkeypatch)
    meldingen = []
    assert ververs(["83674NED"], meld=meldingen.append)[0].gelukt
    assert any(m.startswith("  OData v4 mislukt: Tabel 83674NED") for m in meldingen)
    assert any(m.startswith("  terugvallen op OData v3 bij 127.0.0.1:") for m in meldingen)
    assert _herkomst(ingebedde_db, "cbs:83674NED")[1].startswith("OData v3 (")
    assert _rijen(ingebedde_db, "cbs:83674NED") == _rijen(ingebedde_db, "ingebed:cbs-83674NED")


def test_terugval_v3_naar_v4_als_opendata_onbereikbaar_is(servers, ingebedde_db, monkeypatch):
    _alleen_v4(monkeypatch)
    meldingen = []
    assert ververs(["85984NED"], meld=meldingen.append)[0].gelukt
    assert any(m.startswith("  terugvallen op OData v4") for m in meldingen)
    assert _waarde(ingebedde_db, "cbs:85984NED", "bijstand_personen", "GM0148", 2024)[:2] == (230, None)


def test_rivm_heeft_geen_v4_terugval(servers, ingebedde_db, monkeypatch):
    monkeypatch.setenv("KOMPAS_CBS_DATADERDEN", ONBEREIKBAAR)
    uitkomst = ververs(["50120NED"], meld=_stil)[0]
    assert not uitkomst.gelukt and "OData v4" not in uitkomst.fout
    assert not [v for v in servers[1].verzoeken if "50120NED" in v]


# -- dicht falen, herhalen, herhaalbaar, herkomst


def _momentopname(pad):
    return _rijen(pad, "cbs:85984NED"), _lees(
        pad, "select * exclude (opgehaald_op) from herkomst where herkomst_id = 'cbs:85984NED'"
    )


@pytest.mark.parametrize(
    "storing",
    [
        ("vervang", "Observations", []),
        ("vervang", "Observations", "zonder_gm0303"),
        ("vervang", "Observations", "zonder_value_veld"),
        ("vervang", "Observations", "tekst"),
        ("vervang", "Properties", "zonder_modified"),
        ("vervang", "MeasureCodes", []),
        ("storing", ("Observations", 2), 500),
        ("storing", ("Observations", 1), "kapot"),
        ("storing", ("MeasureCodes", 1), "zonder_value"),
    ],
    ids=[
        "leeg",
        "regio_mist",
        "veld_mist",
        "geen_getal",
        "properties_zonder_modified",
        "geen_metingen",
        "pagina2_500",
        "kapotte_json",
        "zonder_value",
    ],
)
def test_v4_fout_antwoord_laat_oude_cijfers_staan(servers, ingebedde_db, monkeypatch, storing):
    _, v4 = servers
    _alleen_v4(monkeypatch)
    assert ververs(["85984NED"], meld=_stil)[0].gelukt
    voor = _momentopname(ingebedde_db)
    soort, sleutel, wat = storing
    if soort == "storing":
        v4.storingen[("85984NED", *sleutel)] = wat
    else:
        inhoud = copy.deepcopy(v4.lijst("85984NED", sleutel))
        if wat == "zonder_gm0303":
            inhoud = [o for o in inhoud if not o["WijkenEnBuurten"].startswith("GM0303")]
        elif wat == "zonder_value_veld":
            inhoud[3].pop("Value")
        elif wat == "tekst":
            inhoud[3]["Value"] = "ongeveer 8"
        elif wat == "zonder_modified":
            inhoud.pop("Modified")
        else:
            inhoud = wat
        v4.vervang[("85984NED", sleutel)] = inhoud
    uitkomst = ververs(["85984NED"], meld=_stil)[0]
    assert not uitkomst.gelukt and "85984NED" in uitkomst.fout
    assert _momentopname(ingebedde_db) == voor
    if wat == "zonder_modified":
        assert "v4: Properties mist Modified (wel aanwezig: Identifier, Title" in uitkomst.fout


def test_v4_storing_twee_keer_dan_antwoord(servers, ingebedde_db, monkeypatch):
    _, v4 = servers
    _alleen_v4(monkeypatch)
    v4.storingen[("85984NED", "Observations", 1)] = [503, "verbreek"]
    meldingen = []
    assert ververs(["85984NED"], meld=meldingen.append)[0].gelukt
    herhalingen = [m for m in meldingen if "opnieuw proberen" in m and v4.host in m]
    assert [h.split(": ", 1)[1].split(";")[0] for h in herhalingen] == ["HTTP-status 503", "geen verbinding"]
    assert herhalingen[0].startswith(f"  de observaties van 85984NED bij {v4.host}")


def test_v4_opnieuw_draaien_geeft_dezelfde_cijfers_en_herkomst(servers, ingebedde_db, monkeypatch):
    _alleen_v4(monkeypatch)
    ververs(["85984NED"], meld=_stil)
    eerst = _momentopname(ingebedde_db)
    totaal = _lees(ingebedde_db, "select count(*) from waarneming")
    ververs(["85984NED"], meld=_stil)
    assert _momentopname(ingebedde_db) == eerst
    assert _lees(ingebedde_db, "select count(*) from waarneming") == totaal


def test_v4_herkomst_van_elke_waarneming(servers, ingebedde_db, monkeypatch):
    _, v4 = servers
    _alleen_v4(monkeypatch)
    ververs(["85984NED"], meld=_stil)
    zonder = _lees(
        ingebedde_db,
        "select count(*) from waarneming w left join herkomst h using (herkomst_id)"
        " where w.herkomst_id = 'cbs:85984NED' and (h.tabel_gewijzigd is null"
        " or h.opgehaald_op is null or h.opgehaald_via is null or w.citaat is null)",
    )
    assert zonder == [(0,)]
    gewijzigd, via, toelichting, titel = _herkomst(ingebedde_db, "cbs:85984NED")
    # Properties.Modified '2025-03-27T02:00:00+01:00' is dezelfde tijd als v3 TableInfos.Modified (lokale tijd)
    assert gewijzigd == "2025-03-27 02:00:00"
    assert via == f"OData v4 (http://{v4.host}/odata/v1/CBS/85984NED/)"
    assert "Live opgehaald over OData v4 uit" in toelichting and "bijstand_personen=D006842" in toelichting
    assert titel == "Kerncijfers wijken en buurten 2024"


# -- releasecontrole: laadt niets


def _inhoud(pad):
    return (
        _lees(pad, "select * from herkomst order by herkomst_id"),
        _lees(pad, "select * from waarneming order by all"),
    )


def test_controleer_noemt_geladen_en_bron_modified_en_nieuwere_kerncijfers(servers, ingebedde_db, monkeypatch):
    _alleen_v3(monkeypatch)
    assert ververs(["85984NED"], meld=_stil)[0].gelukt  # geladen over v3: Modified 27-03-2025 02:00
    monkeypatch.setenv("KOMPAS_CBS_DATASETS", servers[1].host)
    _, v4 = servers
    properties = dict(v4.lijst("83674NED", "Properties"), Modified="2026-11-30T10:00:00Z")
    v4.vervang[("83674NED", "Properties")] = properties
    voor = _inhoud(ingebedde_db)
    meldingen = []
    uitkomsten = cbs.controleer(meld=meldingen.append)
    assert _inhoud(ingebedde_db) == voor
    assert "85984NED: geladen 27-03-2025 02:00, bij de bron 27-03-2025 02:00 (OData v3): actueel" in meldingen
    # nog nooit ververst; de v4-bron geeft UTC, getoond in Nederlandse tijd
    assert "83674NED: geladen niet geladen, bij de bron 30-11-2026 11:00 (OData v4): NIEUWER bij de bron" in meldingen
    per_tabel = {c.tabel_id: c for c in uitkomsten}
    assert per_tabel["83674NED"].nieuwer and not per_tabel["85984NED"].nieuwer
    # niet op de lokale servers: niet te controleren, met de reden
    assert per_tabel["84286NED"].fout and "404" in per_tabel["84286NED"].fout
    # 86165NED (2025) staat in de catalogus en is al geconfigureerd; dus niets nieuwers
    assert "Geen nieuwere Kerncijfers wijken en buurten in de catalogus." in meldingen
    assert not [v for v in v4.verzoeken if "/Observations" in v]


def test_controleer_meldt_nieuwere_kerncijfers_uit_de_catalogus(servers, ingebedde_db, monkeypatch):
    _, v4 = servers
    catalogus = list(v4.lijst("", "Datasets")) + [
        {
            "Identifier": "86300NED",
            "Title": "Kerncijfers wijken en buurten 2026",
            "Modified": "2026-11-01T02:00:00+01:00",
        }
    ]
    v4.vervang[("", "Datasets")] = catalogus
    meldingen = []
    cbs.controleer(meld=meldingen.append)
    i = meldingen.index("Nieuwere Kerncijfers wijken en buurten in de catalogus (nog niet in data/cbs_tabellen.toml):")
    assert meldingen[i + 1 :] == ["  86300NED: Kerncijfers wijken en buurten 2026"]


def test_controleer_catalogus_valt_terug_op_v3(servers, ingebedde_db, monkeypatch):
    opendata, _ = servers
    _alleen_v3(monkeypatch)
    meldingen = []
    cbs.controleer(meld=meldingen.append)
    assert any(m.startswith("  v4-catalogus niet te lezen") for m in meldingen)
    assert "Geen nieuwere Kerncijfers wijken en buurten in de catalogus." in meldingen
    assert any("/ODataCatalog/Tables" in v for v in opendata.verzoeken)


def test_opdrachtregel_controleer_laadt_niets(servers, ingebedde_db):
    import os
    import subprocess
    import sys

    opendata, v4 = servers
    omgeving = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    omgeving.update(
        {
            "KOMPAS_DB": str(ingebedde_db),
            "KOMPAS_CBS_OPENDATA": opendata.host,
            "KOMPAS_CBS_DATADERDEN": opendata.host,
            "KOMPAS_CBS_DATASETS": v4.host,
            "KOMPAS_CBS_HTTPS": "0",
        }
    )
    voor = _inhoud(ingebedde_db)
    uit = subprocess.run(
        [sys.executable, "-m", "loaders", "refresh", "--controleer"],
        cwd=cbs.DATA.parent,
        env=omgeving,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert _inhoud(ingebedde_db) == voor
    assert "85984NED: geladen niet geladen, bij de bron 27-03-2025 02:00" in uit.stdout
    assert uit.returncode == 1 and "tabellen niet te controleren" in uit.stderr  # 86165NED e.a. niet lokaal
    assert "Traceback" not in uit.stderr


def test_over_de_data_toont_per_bron_opgehaald_en_tabel_gewijzigd(servers, ingebedde_db, monkeypatch):
    import duckdb

    from kompas import gegevens, tabellen

    _alleen_v4(monkeypatch)
    ververs(["85984NED"], meld=_stil)
    con = duckdb.connect(str(ingebedde_db), read_only=True)
    try:
        tabel = tabellen.bronnen_tabel(gegevens.bronnen(con.cursor()))
    finally:
        con.close()
    live = [r for r in tabel.to_dicts() if r["Tabel"] == "85984NED" and r["Opgehaald via"]]
    assert len(live) == 1
    assert "27" in live[0]["Tabel gewijzigd bij de uitgever"] and "2025" in live[0]["Tabel gewijzigd bij de uitgever"]
    assert live[0]["Opgehaald via"].startswith("OData v4 (http://127.0.0.1:")
    assert live[0]["Opgehaald of geüpload"]


def test_bestaande_database_zonder_opgehaald_via_wordt_bijgewerkt(servers, ingebedde_db, monkeypatch):
    import duckdb

    con = duckdb.connect(str(ingebedde_db))
    try:  # een database van vóór deze versie: geen kolom opgehaald_via, oude schemaversie
        con.execute("alter table herkomst drop column opgehaald_via")
        con.execute("update afgeleid.schema_versie set versie = 'oud'")
    finally:
        con.close()
    _alleen_v4(monkeypatch)
    from loaders.ingebed import zorg_voor_database

    zorg_voor_database(ingebedde_db)  # de startstap van `python -m loaders refresh` werkt het schema bij
    assert ververs(["85984NED"], meld=_stil)[0].gelukt
    assert _herkomst(ingebedde_db, "cbs:85984NED")[1].startswith("OData v4 (")


def test_verversing_voegt_gezondheidsmonitor_2022_toe(servers, ingebedde_db):
    """85563NED: de cijfers die found_2026-12.csv uit de CBS-export las (GGD-regio's en Nederland, 18+)."""
    meldingen = []
    assert ververs(["85563NED"], meld=meldingen.append)[0].gelukt
    assert _waarde(ingebedde_db, "cbs:85563NED", "ervaren_gezondheid_pct", "GG2209", 2022, "18+")[:3] == (
        67.9,
        None,
        None,
    )
    assert _waarde(ingebedde_db, "cbs:85563NED", "ervaren_gezondheid_pct", "NL01", 2022, "18+")[0] == 70
    assert _waarde(ingebedde_db, "cbs:85563NED", "wekelijks_sporter_pct", "GG1413", 2022, "18+")[0] == 52.3
    # de opname heeft geen gemeenten en geen overgewicht/mantelzorg: gemeld, niet verzonnen
    assert (
        "  niet in deze tabel (optioneel): overgewicht_pct, obesitas_pct, mantelzorger_pct, "
        "zwaarbelaste_mantelzorgers_pct" in meldingen
    )
    assert "  regio's die deze tabel niet kent: GM0148, GM1876, GM0303, PV23, PV25, PV24" in meldingen
    assert _lees(ingebedde_db, "select count(*) from waarneming where herkomst_id = 'cbs:85563NED'") == [(16,)]


def test_tabel_zonder_leeftijdsdimensie_geeft_totaal(servers, ingebedde_db):
    _, v4 = servers
    v4.vervang[("85563NED", "Dimensions")] = [
        d for d in v4.lijst("85563NED", "Dimensions") if d["Identifier"] != "Leeftijd"
    ]
    v4.vervang[("85563NED", "Observations")] = [
        {k: w for k, w in o.items() if k != "Leeftijd"} for o in v4.lijst("85563NED", "Observations")
    ]
    assert ververs(["85563NED"], meld=_stil)[0].gelukt
    assert _lees(
        ingebedde_db,
        "select distinct leeftijd, count(*) from waarneming where herkomst_id = 'cbs:85563NED' group by all",
    ) == [("totaal", 16)]


def test_gelukte_tabellen_samen_in_een_schrijftransactie(servers, ingebedde_db, monkeypatch):
    transacties = []
    echte = cbs.schrijf_transactie

    def tel(pad=None, instantie=None, kopie=None):
        transacties.append(pad)
        return echte(pad, instantie, kopie)

    monkeypatch.setattr(cbs, "schrijf_transactie", tel)
    servers[1].storingen[("85012NED", "Observations", 1)] = 404  # v4 faalt, v3 ook: 85012NED mislukt
    monkeypatch.setenv("KOMPAS_CBS_OPENDATA", ONBEREIKBAAR)
    uitkomst = ververs(["83674NED", "85012NED", "85563NED"], meld=_stil)
    assert [u.gelukt for u in uitkomst] == [True, False, True]
    assert len(transacties) == 1
    assert _rijen(ingebedde_db, "cbs:83674NED") and _rijen(ingebedde_db, "cbs:85563NED")
    assert not _rijen(ingebedde_db, "cbs:85012NED")


def _tel_vervangingen(monkeypatch, pad):
    """Telt hoe vaak de database op `pad` wordt vervangen (de atomaire os.replace van schrijf_transactie)."""
    vervangen = []
    echte = os.replace

    def tel(bron, doel):
        if Path(doel) == Path(pad):
            vervangen.append(Path(pad))
        return echte(bron, doel)

    monkeypatch.setattr("kompas.db.os.replace", tel)
    return vervangen


def test_verversing_vervangt_de_database_een_keer_en_een_mislukte_tabel_houdt_haar_cijfers(
    servers, ingebedde_db, monkeypatch
):
    tabellen = ["83674NED", "85012NED", "85563NED"]
    assert all(u.gelukt for u in ververs(tabellen, meld=_stil))
    oud_85012 = _rijen(ingebedde_db, "cbs:85012NED")
    herkomst_85012 = _lees(ingebedde_db, "select * from herkomst where herkomst_id = 'cbs:85012NED'")
    oud_85563 = _rijen(ingebedde_db, "cbs:85563NED")
    assert oud_85012 and oud_85563
    inode = ingebedde_db.stat().st_ino
    vervangen = _tel_vervangingen(monkeypatch, ingebedde_db)
    _, v4 = servers
    v4.vervang[("85563NED", "Observations")] = [
        {**o, "Value": o["Value"] + 1} if isinstance(o.get("Value"), (int, float)) else o
        for o in v4.lijst("85563NED", "Observations")
    ]
    servers[1].storingen[("85012NED", "Observations", 1)] = 404  # v4 faalt, v3 ook: 85012NED mislukt
    monkeypatch.setenv("KOMPAS_CBS_OPENDATA", ONBEREIKBAAR)
    meldingen = []
    uitkomst = ververs(tabellen, meld=meldingen.append)
    assert [u.gelukt for u in uitkomst] == [True, False, True]
    assert len(vervangen) == 1 and ingebedde_db.stat().st_ino != inode
    assert _rijen(ingebedde_db, "cbs:85012NED") == oud_85012
    assert _lees(ingebedde_db, "select * from herkomst where herkomst_id = 'cbs:85012NED'") == herkomst_85012
    assert _rijen(ingebedde_db, "cbs:85563NED") != oud_85563  # de gelukte tabel is wel vervangen
    geschreven = [m for m in meldingen if "waarnemingen geschreven" in m]
    assert [m.split(":")[0] for m in geschreven] == ["83674NED", "85563NED"]


def test_onleesbare_modified_laat_alleen_die_tabel_mislukken_voor_het_schrijven(servers, ingebedde_db, monkeypatch):
    _alleen_v4(monkeypatch)
    _, v4 = servers
    vervangen = _tel_vervangingen(monkeypatch, ingebedde_db)
    v4.vervang[("85012NED", "Properties")] = {**v4.lijst("85012NED", "Properties"), "Modified": "gisteren"}
    meldingen = []
    uitkomst = ververs(["83674NED", "85012NED"], meld=meldingen.append)
    assert [u.gelukt for u in uitkomst] == [True, False]
    assert "85012NED" in uitkomst[1].fout and "'gisteren' is geen datum-tijd" in uitkomst[1].fout
    assert len(vervangen) == 1  # samen schrijven lukte: geen tweede ronde per tabel
    assert not any("apart" in m for m in meldingen)
    assert _rijen(ingebedde_db, "cbs:83674NED")


def test_databasefout_bij_het_samen_schrijven_schrijft_niets_en_zegt_dat(servers, ingebedde_db, monkeypatch):
    _alleen_v4(monkeypatch)
    voor = _lees(ingebedde_db, "select * exclude (opgehaald_op) from herkomst order by herkomst_id")
    rijen = _lees(ingebedde_db, f"select {KOLOMMEN}, herkomst_id from waarneming order by all")
    echte = cbs.schrijf_in

    def vol(con, klaar, *rest):
        echte(con, klaar, *rest)
        if "85563NED" in {k.tabel.tabel_id for k in klaar}:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(cbs, "schrijf_in", vol)
    meldingen = []
    with pytest.raises(DatabaseFout, match="De schijf is vol"):
        ververs(["83674NED", "85563NED"], meld=meldingen.append)
    assert _lees(ingebedde_db, "select * exclude (opgehaald_op) from herkomst order by herkomst_id") == voor
    assert _lees(ingebedde_db, f"select {KOLOMMEN}, herkomst_id from waarneming order by all") == rijen
    assert not any("waarnemingen geschreven" in m for m in meldingen)
    assert any(m.startswith("Schrijven mislukt") and "niets geschreven" in m for m in meldingen)
