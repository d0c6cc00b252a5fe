"""De reikwijdte van de verversing: alle gemeenten van Nederland en de wijken, uit de codelijst van elke tabel.

De lokale OData v3-server serveert de Kerncijfers 2024 voor 342 gemeenten en hun wijken (tests/odata/landelijk.py:
verzonnen, alleen voor de tests); de echte cbsodata-client haalt ze op.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from pathlib import Path

import cbsodata
import pytest
from odata.landelijk import serveer_gemeenten
from odata.server import ODataServer

from loaders import cbs
from loaders.cbs import ververs
from loaders.ingebed import bouw

from dbhulp import vraag

PROJECT = Path(__file__).resolve().parent.parent
FOCUS = {"GM0148", "GM1876", "GM0303"}


@pytest.fixture
def opendata(ingebedde_db, monkeypatch):
    with ODataServer("opendata", paginagrootte=500) as server:
        monkeypatch.setenv("KOMPAS_CBS_OPENDATA", server.host)
        monkeypatch.setenv("KOMPAS_CBS_DATADERDEN", server.host)
        monkeypatch.setenv("KOMPAS_CBS_DATASETS", "127.0.0.1:9")  # v4 onbereikbaar: de v3-weg
        monkeypatch.setenv("KOMPAS_CBS_HTTPS", "0")
        monkeypatch.setenv("NO_PROXY", "127.0.0.1")
        monkeypatch.setattr(cbsodata.options, "requests", {"proxies": {"http": None, "https": None}})
        monkeypatch.setattr(cbs, "WACHT_BASIS", 0)
        yield server


def _stil(_t):
    pass


def _regios(pad, soort):
    return vraag(
        pad,
        "select regio_code, regio_naam, gemeente_code, herkomst_id, focus from regio where soort = ? order by 1",
        [soort],
    )


def _config(tmp_path, **vervang) -> Path:
    tekst = (PROJECT / "data" / "cbs_tabellen.toml").read_text(encoding="utf-8")
    for sleutel, waarde in vervang.items():
        oud = {"alle_gemeenten": "alle_gemeenten = false", "wijken": 'wijken = "focus"'}[sleutel]
        assert oud in tekst
        tekst = tekst.replace(oud, f"{sleutel} = {waarde}")
    pad = tmp_path / "cbs_tabellen.toml"
    pad.write_text(tekst, encoding="utf-8")
    return pad


def test_alle_gemeenten_komen_uit_de_codelijst_met_naam_en_herkomst_en_zijn_geen_focus(opendata, ingebedde_db):
    land = serveer_gemeenten(opendata, 342, n_wijken=700)
    meldingen = []
    [uitkomst] = ververs(["85984NED"], meld=meldingen.append, alle_gemeenten=True)
    assert uitkomst.gelukt, uitkomst.fout
    gemeenten = _regios(ingebedde_db, "gemeente")
    assert len(gemeenten) == 342
    opgehaald = {code: (naam, herkomst, focus) for code, naam, _, herkomst, focus in gemeenten if code not in FOCUS}
    # code en naam zoals de codelijst ze geeft, de tabel als herkomst, geen focus
    assert opgehaald == {
        code: (land.gemeenten[code], "cbs:85984NED", False) for code in land.gemeenten if code not in FOCUS
    }
    # de focusgemeenten houden hun rij uit regio.csv
    assert {c: (h, f) for c, _, _, h, f in gemeenten if c in FOCUS} == {c: (None, True) for c in FOCUS}
    # van elke gemeente de cijfers, met de herkomst van de tabel
    per_gemeente = vraag(
        ingebedde_db,
        "select count(distinct regio_code) from waarneming w join regio r using (regio_code)"
        " where w.herkomst_id = 'cbs:85984NED' and r.soort = 'gemeente' and w.indicator_code = 'inwoners'",
    )
    assert per_gemeente == [(342,)]
    assert vraag(
        ingebedde_db,
        "select waarde from waarneming where herkomst_id = 'cbs:85984NED' and indicator_code = 'inwoners'"
        " and regio_code = 'GM9001'",
    ) == [(float(land.waarde("GM9001", "AantalInwoners_5")),)]
    # wijken: alleen die van de focusgemeenten (standaard wijken = "focus"), met hun gemeente als ouder
    wijken = {code: (naam, ouder) for code, naam, ouder, _, _ in _regios(ingebedde_db, "wijk")}
    verwacht = {c: (f"{n} (wijk, gem. {land.gemeenten[g]})", g) for c, (n, g) in land.wijken.items() if g in FOCUS}
    assert {c: w for c, w in wijken.items() if c in verwacht} == verwacht
    assert not [c for c in wijken if f"GM{c[2:6]}" not in FOCUS]
    # de voortgang zegt hoeveel gemeenten en wijken er zijn geladen
    aantal_wijken = len(verwacht)
    assert (
        f"  342 gemeenten en {aantal_wijken} wijken in deze tabel, waarvan 339 gemeenten en {aantal_wijken} wijken uit "
        "de codelijst van de tabel" in meldingen
    )
    assert any(
        m.startswith("85984NED: ") and m.endswith(f"342 gemeenten, {aantal_wijken} wijken en 1 land") for m in meldingen
    )


def test_alle_gemeenten_twee_keer_en_na_een_bouw_dezelfde_regios_en_cijfers(opendata, ingebedde_db):
    serveer_gemeenten(opendata, 342, n_wijken=400)

    def stand():
        return (
            vraag(ingebedde_db, "select * from regio order by regio_code"),
            vraag(
                ingebedde_db,
                "select indicator_code, regio_code, peiljaar, leeftijd, waarde, status, citaat from waarneming"
                " where herkomst_id = 'cbs:85984NED' order by all",
            ),
        )

    assert ververs(["85984NED"], meld=_stil, alle_gemeenten=True)[0].gelukt
    eerst = stand()
    assert len(eerst[0]) > 342
    assert ververs(["85984NED"], meld=_stil, alle_gemeenten=True)[0].gelukt
    assert stand() == eerst
    # een bouw uit data/ vervangt de regio's uit regio.csv en laat de opgehaalde staan, met hun cijfers
    bouw(ingebedde_db)
    assert stand() == eerst


def test_zonder_alle_gemeenten_geen_andere_gemeente_en_de_instelling_in_de_configuratie_werkt(
    opendata, ingebedde_db, tmp_path
):
    serveer_gemeenten(opendata, 50)
    assert ververs(["85984NED"], meld=_stil)[0].gelukt
    assert {r[0] for r in _regios(ingebedde_db, "gemeente")} == FOCUS
    assert ververs(["85984NED"], config=_config(tmp_path, alle_gemeenten="true"), meld=_stil)[0].gelukt
    assert len(_regios(ingebedde_db, "gemeente")) == 50


def test_wijken_alle_haalt_de_wijken_van_elke_gemeente_en_geen_haalt_er_geen(opendata, ingebedde_db, tmp_path):
    land = serveer_gemeenten(opendata, 60, n_wijken=300)
    config = _config(tmp_path, alle_gemeenten="true", wijken='"alle"')
    assert ververs(["85984NED"], config=config, meld=_stil)[0].gelukt
    wijken = {code for code, *_ in _regios(ingebedde_db, "wijk")}
    assert set(land.wijken) <= wijken
    geen = _config(tmp_path, wijken='"geen"')
    meldingen = []
    assert ververs(["85984NED"], config=geen, meld=meldingen.append)[0].gelukt
    assert vraag(
        ingebedde_db,
        "select count(*) from waarneming w join regio r using (regio_code) where w.herkomst_id = 'cbs:85984NED'"
        " and r.soort = 'wijk'",
    ) == [(0,)]
    assert "  3 gemeenten en 0 wijken in deze tabel" in meldingen


def test_een_tabel_zonder_wijken_slaat_ze_over_en_meldt_dat(opendata, ingebedde_db):
    meldingen = []
    [uitkomst] = ververs(["83674NED"], meld=meldingen.append)  # Gezondheidsmonitor 2016: RegioS zonder wijken
    assert uitkomst.gelukt, uitkomst.fout
    assert "  wijken: deze tabel levert geen wijken van de gevraagde gemeenten (overgeslagen)" in meldingen


def test_een_wijk_of_gemeente_buiten_de_codelijst_wordt_niet_bedacht(opendata, ingebedde_db):
    """Een rij in de dataset waarvan de code niet in de codelijst staat, wordt geen regio (en geen cijfer)."""
    serveer_gemeenten(opendata, 10, n_wijken=10)
    opendata.vervang[("85984NED", "TypedDataSet")].append(
        dict(opendata.vervang[("85984NED", "TypedDataSet")][-1], WijkenEnBuurten="WK014899  ", ID=99999)
    )
    assert ververs(["85984NED"], meld=_stil, alle_gemeenten=True)[0].gelukt
    assert vraag(ingebedde_db, "select count(*) from regio where regio_code = 'WK014899'") == [(0,)]
    assert vraag(ingebedde_db, "select count(*) from waarneming where regio_code = 'WK014899'") == [(0,)]


def test_opdrachtregel_alle_gemeenten(opendata, ingebedde_db):
    serveer_gemeenten(opendata, 342)
    omgeving = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    uit = subprocess.run(
        [sys.executable, "-m", "loaders", "refresh", "85984NED", "--alle-gemeenten"],
        cwd=PROJECT,
        env=omgeving,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert uit.returncode == 0, uit.stderr
    assert "342 gemeenten en 1 wijk in deze tabel" in uit.stdout
    assert len(_regios(ingebedde_db, "gemeente")) == 342


def test_gekozen_cijfers_voor_n_gemeenten_staan_zo_in_indicator_waarden(opendata, ingebedde_db):
    """De hulp voor vergelijkingsgroepen: serveer_gemeenten met gekozen cijfers; na de verversing staan precies die in
    de publieke view, zodat een mediaan of rang met de hand na te rekenen is."""
    gekozen = {f"GM{9001 + i}": {"WmoClientenRelatief_101": w} for i, w in enumerate([50, 80, 65, 70, 90, 55, "."])}
    serveer_gemeenten(opendata, 11, waarden=gekozen)
    assert ververs(["85984NED"], meld=_stil, alle_gemeenten=True)[0].gelukt
    rijen = dict(
        vraag(
            ingebedde_db,
            "select regio_code, waarde from afgeleid.indicator_waarden where indicator_code = 'wmo_per_1000'"
            " and herkomst_id = 'cbs:85984NED' and regio_code like 'GM9%'",
        )
    )
    assert rijen == {
        code: float(c["WmoClientenRelatief_101"])
        for code, c in gekozen.items()
        if c != {"WmoClientenRelatief_101": "."}
    }
    assert statistics.median(rijen.values()) == 67.5  # 50, 55, 65, 70, 80, 90; '.' ontbreekt en telt niet


def test_mediaan_kwartielen_en_rang_van_een_grootteklasse_na_verversen_van_alle_gemeenten_kloppen_met_de_hand(
    opendata, ingebedde_db
):
    """De stand-in feed serveert veel gemeenten (verzonnen, alleen voor deze test); na `refresh --alle-gemeenten`
    rekent vergelijkingsgroep_waarden de grootteklasse uit de geladen inwoners van datzelfde jaar, en mediaan,
    kwartielen en rang uit de geladen cijfers. Hier met de hand nagerekend."""
    inkomen, inwoners = "HuishoudensMetEenLaagInkomen_89", "AantalInwoners_5"
    gekozen = {
        "GM0148": {inwoners: 29002, inkomen: 8.0},
        "GM1876": {inwoners: 36502, inkomen: 9.0},
        "GM0303": {inwoners: 42002, inkomen: 11.0},
        "GM9001": {inwoners: 25000, inkomen: 7.0},
        "GM9002": {inwoners: 30000, inkomen: 12.0},
        "GM9003": {inwoners: 49999, inkomen: 10.0},
        "GM9004": {inwoners: 21000, inkomen: "."},  # geen cijfer: telt niet mee
        "GM9005": {inwoners: 50000, inkomen: 5.0},  # 50.000: de klasse erboven
        "GM9006": {inwoners: 19999, inkomen: 6.0},  # onder 20.000: de klasse eronder
        "GM9007": {inwoners: 20000, inkomen: 13.0},  # 20.000 hoort erbij
    }
    serveer_gemeenten(opendata, 11, waarden=gekozen)
    assert ververs(["85984NED"], meld=_stil, alle_gemeenten=True)[0].gelukt
    rijen = vraag(
        ingebedde_db,
        "select regio_code, groep_aantal, groep_mediaan, groep_q1, groep_q3, rang from vergelijkingsgroep_waarden"
        " where indicator_code = 'huishoudens_laag_inkomen_pct' and groep = 'inwoners_20000_50000'"
        " and peiljaar = 2024 order by regio_code",
    )
    # leden met een cijfer: 7, 8, 9, 10, 11, 12, 13 (GM9001, GM0148, GM1876, GM9003, GM0303, GM9002, GM9007)
    # mediaan 10; kwartielen lineair (quantile_cont): positie 1,5 -> 8,5 en 4,5 -> 11,5; lager is beter: 7 is 1e
    leden = {r[0] for r in rijen}
    assert leden == {"GM0148", "GM1876", "GM0303", "GM9001", "GM9002", "GM9003", "GM9007"}
    assert {(r[1], r[2], r[3], r[4]) for r in rijen} == {(7, 10.0, 8.5, 11.5)}
    rang = {r[0]: r[5] for r in rijen}
    assert (rang["GM9001"], rang["GM0148"], rang["GM1876"], rang["GM0303"], rang["GM9007"]) == (1, 2, 3, 5, 7)
