"""Bronnen die een beleidsmedewerker accepteert: eerst de uitgever met zijn eigen tabel en pagina, daarna de kopie
waarin een cijfer gelezen is ('gelezen in'); nooit een bron die alleen 'CBS' heet."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from apptest import draai

PROJECT = Path(__file__).resolve().parent.parent

# Waar de eigen pagina's van een uitgever staan. Een uitgever die hier niet staat (LISA, Nibud, Verwey-Jonker
# Instituut, ...): van hem is geen eigen pagina bekend, dus ook geen adres.
EIGEN_DOMEIN = {
    "CBS": ("cbs.nl",),
    "RIVM": ("rivm.nl",),
    "VZinfo (RIVM)": ("vzinfo.nl", "volksgezondheidenzorg.info"),
    "GGD IJsselland": ("ijssellandscan.nl",),
    "gemeente Dalfsen": ("dalfsen.jaarverslag-2019.nl", "dalfsen.jaarverslag-2014.nl"),
    "gemeente Bronckhorst": ("jaarstukken.bronckhorst.nl", "programmabegroting2023.bronckhorst.nl"),
    "gemeente Dronten": ("samenleving.dronten.nl", "dronten2017.bestuursrapportage.nl"),
}
TABELPAGINA = {
    "CBS": "https://www.cbs.nl/nl-nl/cijfers/detail/{}",
    "RIVM": "https://statline.rivm.nl/#/RIVM/nl/dataset/{}/table",
}


def _bronnen(lees) -> list[dict]:
    return lees("select * from herkomst where soort <> 'upload' order by herkomst_id")


def _host(url: str) -> str:
    return urlsplit(url).hostname or ""


def test_geen_bron_heet_alleen_cbs_of_rivm(lees):
    bronnen = _bronnen(lees)
    assert len(bronnen) > 70
    kaal = [
        (b["herkomst_id"], b["titel"])
        for b in bronnen
        if not b["titel"] or b["titel"].strip() in {"CBS", "RIVM", b["bron"]}
    ]
    assert kaal == []


def test_cbs_en_rivm_eerst_met_tabel_en_eigen_adres(lees):
    for b in _bronnen(lees):
        if b["soort"] in ("CBS StatLine", "RIVM StatLine"):
            assert b["tabel_id"] and b["bron"] == b["soort"].split()[0], b["herkomst_id"]
        if b["bron"] not in TABELPAGINA:
            continue
        if b["tabel_id"]:
            assert b["adres"] == TABELPAGINA[b["bron"]].format(b["tabel_id"]), b["herkomst_id"]
        else:
            # zonder tabel: een eigen publicatie van CBS/RIVM, of de vindplaats noemt geen tabel en zegt dat
            assert "geen tabel" in b["titel"] or _host(b["adres"] or "").endswith(EIGEN_DOMEIN[b["bron"]]), b[
                "herkomst_id"
            ]
    # onder elke grafiek en tegel: uitgever, tabel en eigen adres vóór de kopie
    for w in lees(
        "select distinct bron, herkomst_id, tabel_id, adres, herkomst_soort, herkomst_titel"
        " from indicator_waarden where tabel_id is not null and herkomst_soort <> 'upload'"
    ):
        uitgever = "RIVM" if w["herkomst_soort"] == "RIVM StatLine" else "CBS"
        assert w["bron"].startswith(
            f"{uitgever} StatLine, tabel {w['tabel_id']} {w['herkomst_titel']}, {w['adres']}"
        ), w["bron"]


def test_adres_is_van_de_uitgever_en_een_kopie_heet_gelezen_in(lees):
    for b in _bronnen(lees):
        if b["adres"]:
            assert b["bron"] in EIGEN_DOMEIN or b["adres"].startswith("https://dashboards.cbs.nl/"), b["herkomst_id"]
            assert _host(b["adres"]).endswith(EIGEN_DOMEIN.get(b["bron"], ("cbs.nl",))), (b["herkomst_id"], b["adres"])
        if b["gelezen_in"]:
            assert "https://" in b["gelezen_in"] or "http://" in b["gelezen_in"], b["herkomst_id"]
    # de GitHub-kopieën van CBS- en RIVM-exports: nooit als adres, altijd als 'gelezen in'
    kopie = {b["herkomst_id"]: b for b in _bronnen(lees) if "github.com" in (b["gelezen_in"] or "")}
    assert set(kopie) == {
        "ingebed:cbs-83674NED",
        "ingebed:cbs-85012NED",
        "ingebed:cbs-85984NED-kopie",
        "ingebed:rivm-50140NED",
        "ingebed:cbs-85984NED-kopie-2",
        "ingebed:cbs-70072NED-kopie",
        "ingebed:cbs-85563NED-kopie",
        "ingebed:doc-kwb-2019-kopie",
    }
    assert lees("select count(*) as n from herkomst where adres like '%github.com%'")[0]["n"] == 0
    for w in lees("select distinct bron, gelezen_in from indicator_waarden where gelezen_in is not null"):
        assert w["bron"].endswith(f" (gelezen in: {w['gelezen_in']})"), w["bron"]
    zonder = lees("select count(*) as n from indicator_waarden where gelezen_in is null and bron like '%gelezen in%'")
    assert zonder[0]["n"] == 0


def test_gezondheidsmonitor_2020_onder_de_tegel(ingebedde_db):
    at = draai("pages/overzicht.py")
    bron = next(c.value for c in at.caption if "85012NED" in c.value).replace("\\", "").replace("\u2060", "")
    assert (
        "Bron: CBS StatLine, tabel 85012NED Gezondheidsmonitor; bevolking 18 jaar of ouder, regio, 2020, "
        "https://www.cbs.nl/nl-nl/cijfers/detail/85012NED (gelezen in: kopie van de volledige StatLine-export "
        "(labels) in de openbare GitHub-repository Oxylo/Hackathon_Life_Vitality, https://github.com/"
    ) in bron


def test_over_de_data_uitgever_tabel_adres_en_dan_gelezen_in(ingebedde_db):
    at = draai("pages/over_de_data.py")
    tabel = at.dataframe[0].value
    assert list(tabel.columns[:5]) == ["Uitgever", "Tabel", "Titel", "Adres bij de uitgever", "Gelezen in"]
    (rij,) = tabel[tabel["Tabel"] == "85012NED"].to_dict("records")
    assert (
        rij["Uitgever"] == "CBS" and rij["Adres bij de uitgever"] == "https://www.cbs.nl/nl-nl/cijfers/detail/85012NED"
    )
    assert rij["Gelezen in"].startswith("kopie van de volledige StatLine-export")
    assert not set(tabel["Titel"]) & {"CBS", "RIVM"}


def test_een_licentie_van_cbs_en_rivm_heeft_overal_dezelfde_schrijfwijze(lees):
    """Eén schrijfwijze (loaders.cbs.LICENTIE) in wat de verversing schrijft, in data/bronnen.csv, in de registry
    en in wat de pagina's tonen; geen 'CC BY 4.0 (CBS open data)' naast 'CC BY 4.0'."""
    import csv

    from loaders.cbs import LICENTIE

    for bestand in ("bronnen.csv", "indicatoren.csv"):
        with open(PROJECT / "data" / bestand, newline="", encoding="utf-8") as f:
            cc = {r["licentie"] for r in csv.DictReader(f) if "CC" in r["licentie"].upper()}
        assert cc == {LICENTIE}, bestand
    getoond = {
        r["licentie"]
        for r in lees(
            "select distinct licentie from afgeleid.indicator_waarden union select distinct licentie from indicator"
        )
    }
    assert {lic for lic in getoond if lic and "CC" in lic.upper()} == {LICENTIE}
    # in de code staat de schrijfwijze één keer: in loaders/cbs.py
    code = [PROJECT / "app.py", *(p for m in ("loaders", "kompas", "tools", "pages") for p in (PROJECT / m).rglob("*"))]
    treffers = [
        (pad.relative_to(PROJECT).as_posix(), regel)
        for pad in code
        if pad.suffix in (".py", ".sql", ".toml")
        for regel in pad.read_text(encoding="utf-8").splitlines()
        if "CC BY" in regel
    ]
    assert [pad for pad, regel in treffers if f'"{LICENTIE}"' in regel] == ["loaders/cbs.py"]
    assert {pad for pad, _ in treffers} == {"loaders/cbs.py"}
