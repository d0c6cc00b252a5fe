"""De raadsrapportage (kompas/rapport/): PDF en Excel voor elke gemeente uit de ingebedde gegevens.

De PDF wordt gelezen met poppler (pdfinfo, pdftotext), zoals een lezer hem ziet; elke pagina komt als PNG in
test-artefacts/rapport/ (pdftoppm), om te bekijken. De verwachte namen en cijfers komen rechtstreeks uit de
database (eigen SQL), niet uit de code die het rapport maakt.
"""

from __future__ import annotations

import collections
import datetime as dt
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from kompas import opmaak, rapport

from dbhulp import alleen_lezen, vraag, vraag_dicts

PROJECT = Path(__file__).resolve().parent.parent
ARTEFACTEN = PROJECT / "test-artefacts" / "rapport"
GEMEENTEN = ["GM0148", "GM1876", "GM0303"]
GEMAAKT = dt.datetime(2026, 12, 1, 14, 5, tzinfo=dt.timezone(dt.timedelta(hours=1)))

if not shutil.which("pdftotext"):  # pragma: no cover - scripts/test installeert poppler-utils
    pytest.skip("pdftotext ontbreekt; installeer met 'apt-get install poppler-utils'", allow_module_level=True)


def _pdf_tekst(pad: Path, *opties: str) -> str:
    return subprocess.run(["pdftotext", *opties, str(pad), "-"], capture_output=True, text=True, check=True).stdout


def _pdfinfo(pad: Path) -> dict[str, str]:
    uit = subprocess.run(["pdfinfo", str(pad)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (r.partition(":") for r in uit.splitlines()) if v}


def _plat(tekst: str) -> str:
    """Alle witruimte (ook regeleinden in een lange kop) als één spatie."""
    return re.sub(r"\s+", " ", tekst)


@pytest.fixture(scope="module")
def rapporten(_ingebedde_db_bron, tmp_path_factory) -> dict[str, dict[str, Path]]:
    """Per gemeente het volledige rapport als PDF en als Excel, één keer gemaakt; de PDF-pagina's als PNG."""
    map_ = tmp_path_factory.mktemp("rapport")
    ARTEFACTEN.mkdir(parents=True, exist_ok=True)
    uit: dict[str, dict[str, Path]] = {}
    with alleen_lezen(_ingebedde_db_bron) as con:
        for gemeente in GEMEENTEN:
            uit[gemeente] = {}
            for formaat in rapport.FORMATEN:
                pad = map_ / f"{gemeente}{formaat}"
                pad.write_bytes(rapport.maak(con.cursor(), gemeente, None, formaat, gemaakt=GEMAAKT))
                uit[gemeente][formaat] = pad
            # eerst in de eigen tijdelijke map: met pytest -n 2 maken twee werkers dit rapport soms tegelijk, en
            # telde de ene de pagina's in test-artefacts/ terwijl de andere ze daar nog schreef
            paginas = map_ / f"{gemeente}-paginas"
            paginas.mkdir()
            subprocess.run(
                ["pdftoppm", "-r", "70", "-png", str(uit[gemeente][".pdf"]), str(paginas / gemeente)], check=True
            )
            uit[gemeente]["paginas"] = sorted(paginas.glob("*.png"))
            for oud in ARTEFACTEN.glob(f"{gemeente}-*.png"):
                oud.unlink(missing_ok=True)
            for png in uit[gemeente]["paginas"]:
                shutil.copyfile(png, ARTEFACTEN / png.name)
    return uit


def _namen(db: Path, gemeente: str) -> list[str]:
    rijen = vraag(
        db, "select k.naam, d.naam from kader k left join doel d using (kader_id) where k.gemeente_code = ?", [gemeente]
    )
    return sorted({n for rij in rijen for n in rij if n})


def _waarden(db: Path, gemeente: str) -> list[dict]:
    """Elke voorkeurswaarde van de kaderindicatoren van de gemeente voor de gemeente, haar GGD-regio en Nederland."""
    return vraag_dicts(
        db,
        """
        select distinct w.indicator_code, w.indicator_naam, w.leeftijd, w.regio_naam, w.peiljaar, w.peildatum,
               w.waarde, w.decimalen, w.eenheid, w.tabel_id
        from afgeleid.indicator_waarden w
        join kader_indicator ki on ki.indicator_code = w.indicator_code and ki.leeftijd = w.leeftijd
        where ki.gemeente_code = $g and w.is_voorkeur and w.waarde is not null
          and w.regio_code in (select $g union select ggd_regio_code from regio where regio_code = $g
                               union select regio_code from regio where soort = 'land')
    """,
        {"g": gemeente},
    )


@pytest.mark.parametrize("gemeente", GEMEENTEN)
def test_pdf_heeft_elk_kader_en_doel_en_de_cijfers_met_bron(rapporten, _ingebedde_db_bron, gemeente):
    pdf = rapporten[gemeente][".pdf"]
    info = _pdfinfo(pdf)
    pagina_s = int(info["Pages"])
    assert pagina_s >= 5
    assert info["Page size"].startswith("595.") and "(A4)" in info["Page size"]  # A4 staand
    assert info["Tagged"] == "yes"
    naam = vraag(_ingebedde_db_bron, "select regio_naam from regio where regio_code = ?", [gemeente])[0][0]
    assert info["Title"] == f"Raadsrapportage sociaal domein {naam}"
    assert len(rapporten[gemeente]["paginas"]) == pagina_s

    tekst = _plat(_pdf_tekst(pdf))
    ontbreekt = [n for n in _namen(_ingebedde_db_bron, gemeente) if _plat(n) not in tekst]
    assert not ontbreekt, ontbreekt
    assert "Inhoud" in tekst and "Samenvatting" in tekst and "Gegevensversie" in tekst
    assert f"Pagina 2 van {pagina_s}" in tekst
    assert "1 december 2026, 14:05" in tekst  # wanneer gemaakt, op het voorblad

    # elk cijfer van de gemeente, haar GGD-regio en Nederland staat erin, in Nederlandse notatie, met zijn tabel
    waarden = _waarden(_ingebedde_db_bron, gemeente)
    assert waarden
    for w in waarden:
        getal = opmaak.met_eenheid(w["waarde"], w["eenheid"], w["decimalen"] or 0)
        assert getal in tekst, (w, getal)
        if w["tabel_id"]:
            assert w["tabel_id"] in tekst, w
    assert "Bron: [1]" in tekst
    assert re.search(r"\d,\d", tekst)  # decimale komma


@pytest.mark.parametrize("gemeente", GEMEENTEN)
def test_pdf_zegt_geen_gegevens_waar_een_cijfer_ontbreekt(rapporten, _ingebedde_db_bron, gemeente):
    """Elke gekoppelde kaderindicator zonder laatste waarde staat er als 'Laatste waarde geen gegevens', nooit
    als 0; een kaderindicator zonder gekoppelde indicator zegt 'Geen gegevens: geen meetbare indicator gekoppeld'."""

    def tel(voorwaarde: str) -> int:
        return vraag(
            _ingebedde_db_bron,
            "select count(*) from afgeleid.kader_indicatoren where gemeente_code = ? "
            f"and kader_indicator_id is not null and {voorwaarde}",
            [gemeente],
        )[0][0]

    pdf = rapporten[gemeente][".pdf"]
    regels = _pdf_tekst(pdf, "-layout").splitlines()
    laatste = [r.split("Laatste waarde", 1)[1].strip() for r in regels if r.strip().startswith("Laatste waarde")]
    assert laatste.count("geen gegevens") == tel("indicator_code is not null and laatste_waarde is null") > 0
    assert len(laatste) == tel("indicator_code is not null")
    assert not any(re.fullmatch(r"0(,0+)?%?", w) for w in laatste)
    assert _plat(_pdf_tekst(pdf)).count("Geen gegevens: geen meetbare indicator gekoppeld.") == tel(
        "indicator_code is null"
    )


def test_pdf_heeft_een_vectorgrafiek_per_indicator_met_cijfers(rapporten, _ingebedde_db_bron):
    """Dronten: elke kaderindicator met cijfers heeft een grafiek (Figure in de tagstructuur), als vector: de
    aslabels zijn tekst in de PDF (Nederlandse notatie), geen plaatje."""
    met_cijfers = vraag(
        _ingebedde_db_bron,
        """
        select count(*) from afgeleid.kader_indicatoren ki where gemeente_code = 'GM0303' and exists (
            select 1 from afgeleid.indicator_waarden w
            where w.indicator_code = ki.indicator_code and w.leeftijd = ki.leeftijd and w.is_voorkeur
              and w.waarde is not null and (w.regio_code in ('GM0303', 'GG2209') or w.regio_soort = 'land'))
    """,
    )[0][0]
    pdf = rapporten["GM0303"][".pdf"]
    structuur = subprocess.run(
        ["pdfinfo", "-struct", str(pdf)], capture_output=True, text=True, check=False, errors="replace"
    ).stdout
    assert structuur.count("Figure") == met_cijfers > 0
    beelden = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert len(beelden.strip().splitlines()) == 2  # alleen de kop: geen rasterbeeld
    # toegankelijk: taal nl, PDF/UA-1 in de metadata, en elke grafiek een alt-tekst die zegt wat ze toont
    ruw = pdf.read_bytes()
    assert b"/Lang(nl-NL)" in ruw and b"<pdfuaid:part>1</pdfuaid:part>" in ruw
    alt = re.findall(rb"/Alt\((Grafiek: [^)]*\)[^)]*)\)", ruw)
    assert len(alt) == met_cijfers
    assert any(
        a.startswith(
            b"Grafiek: Problematische schulden (% huishoudens) per peiljaar, 2015 tot en met 2024, "
            b"voor Nederland en Dronten"
        )
        for a in alt
    ), alt
    tekst = _pdf_tekst(pdf)
    assert "Peiljaar" in tekst and "Regio" in tekst  # as- en legendatitels uit de grafiek
    assert "Problematische schulden — Dronten" in tekst  # de titel van de grafiek, als op de pagina


def test_excel_heeft_een_blad_per_kader_en_de_cijfers_van_de_database(rapporten, _ingebedde_db_bron):
    for gemeente in GEMEENTEN:
        boek = openpyxl.load_workbook(rapporten[gemeente][".xlsx"])
        kaders = [r[0] for r in vraag(_ingebedde_db_bron, "select naam from kader where gemeente_code = ?", [gemeente])]
        assert boek.sheetnames[0] == "Samenvatting" and boek.sheetnames[-1] == "Bronnen"
        assert len(boek.sheetnames) == len(kaders) + 2
        gevonden: collections.Counter = collections.Counter()
        kadernamen = set()
        for blad in boek.worksheets[1:-1]:
            kop = [c.value for c in blad[1]]
            assert blad.auto_filter.ref == blad.dimensions and blad.freeze_panes == "A2"
            assert "decimalen" not in kop and "Eenheid" in kop
            assert blad.column_dimensions["A"].width >= 8
            k = {naam: i for i, naam in enumerate(kop)}
            for rij in blad.iter_rows(min_row=2):
                kadernamen.add(rij[k["Kader"]].value)
                waarde = rij[k["Waarde"]]
                if waarde.value is None:
                    assert rij[k["Bron"]].value in ("geen gegevens", None) or rij[k["Regio"]].value
                    continue
                assert isinstance(waarde.value, (int, float)) and waarde.data_type == "n"
                assert isinstance(rij[k["Peiljaar"]].value, int)
                assert isinstance(rij[k["Opgehaald of geüpload"]].value, dt.datetime)
                assert rij[k["Opgehaald of geüpload"]].number_format == "d-m-yyyy"
                assert waarde.number_format.startswith("#,##0")
                # Excel bewaart 15 significante cijfers: een berekend cijfer (22,602759346822836) komt terug
                # als 22,60275934682284; vergelijk op 9 decimalen
                gevonden[
                    (rij[k["Indicator"]].value, rij[k["Regio"]].value, rij[k["Peiljaar"]].value, round(waarde.value, 9))
                ] += 1
        assert kadernamen == set(kaders)
        # elke waarde één keer per kaderindicator die haar toont: vergelijk als verzameling met de database
        verwacht = {
            (w["indicator_naam"], w["regio_naam"], w["peiljaar"], round(w["waarde"], 9))
            for w in _waarden(_ingebedde_db_bron, gemeente)
        }
        assert set(gevonden) == verwacht, gemeente
        bronnen = boek["Bronnen"]
        kop = [c.value for c in bronnen[1]]
        tabellen_in_bestand = {r[kop.index("Tabel")].value for r in bronnen.iter_rows(min_row=2)}
        assert {w["tabel_id"] for w in _waarden(_ingebedde_db_bron, gemeente) if w["tabel_id"]} <= tabellen_in_bestand


def test_excel_samenvatting_telt_de_doelen_zoals_de_kaderspagina(rapporten, _ingebedde_db_bron):
    boek = openpyxl.load_workbook(rapporten["GM1876"][".xlsx"])
    blad = boek["Samenvatting"]
    kop = [c.value for c in blad[1]]
    assert kop[-5:] == ["op koers", "risico", "niet op koers", "nog niet te beoordelen", "Doelen"]
    doelen = dict(
        vraag(
            _ingebedde_db_bron,
            "select k.naam, count(d.doel_id) from kader k left join doel d "
            "using (kader_id) where k.gemeente_code = 'GM1876' group by k.naam",
        )
    )
    for rij in blad.iter_rows(min_row=2, values_only=True):
        assert rij[-1] == doelen[rij[1]] == sum(rij[-5:-1])


def test_tekst_die_op_een_formule_lijkt_blijft_tekst(ingebedde_db):
    """Een kadernaam als '=HYPERLINK(...)' is in Excel tekst (geen formule) en in de PDF letterlijk te lezen."""
    from kompas.db import Leesverbinding, schrijf_transactie

    formule = '=HYPERLINK("http://example.invalid","klik")'
    with schrijf_transactie(ingebedde_db) as con:
        con.execute("update kader set naam = ? where kader_id = 'GM0303-bestaanszekerheid'", [formule])
        con.execute("update doel set naam = '@SOM(A1)' where doel_id = 'GM0303-bestaanszekerheid.1'")
    verbinding = Leesverbinding(ingebedde_db)
    try:
        xlsx = rapport.maak(verbinding.cursor(), "GM0303", "GM0303-bestaanszekerheid", ".xlsx")
        pdf = rapport.maak(verbinding.cursor(), "GM0303", "GM0303-bestaanszekerheid", ".pdf")
    finally:
        verbinding.close()
    boek = openpyxl.load_workbook(io.BytesIO(xlsx))
    blad = boek.worksheets[1]
    cellen = [c for rij in blad.iter_rows() for c in rij if isinstance(c.value, str) and c.value[:1] in "=@"]
    assert {c.value for c in cellen} >= {formule, "@SOM(A1)"}
    assert all(c.data_type == "s" and c.quotePrefix for c in cellen)
    pad = ingebedde_db.parent / "formule.pdf"
    pad.write_bytes(pdf)
    assert formule in _plat(_pdf_tekst(pad)) and "@SOM(A1)" in _pdf_tekst(pad)


def test_rapport_van_een_kader_heeft_alleen_dat_kader_naast_samenvatting_en_bronnen(ingebedde_db):
    from kompas.db import Leesverbinding

    verbinding = Leesverbinding(ingebedde_db)
    try:
        xlsx = rapport.maak(verbinding.cursor(), "GM0303", "GM0303-gezond-samenleven", ".xlsx")
    finally:
        verbinding.close()
    assert openpyxl.load_workbook(io.BytesIO(xlsx)).sheetnames == [
        "Samenvatting",
        "Gezond samenleven versterken",
        "Bronnen",
    ]


# --- opdrachtregel ------------------------------------------------------------------------------------------


def _kompas(*args: str, env_db: Path) -> subprocess.CompletedProcess:
    import os

    return subprocess.run(
        [sys.executable, "-m", "kompas", *args],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "KOMPAS_DB": str(env_db)},
        timeout=300,
    )


def test_opdrachtregel_schrijft_het_rapport(ingebedde_db, tmp_path):
    uit = tmp_path / "dronten.xlsx"
    klaar = _kompas("rapport", "GM0303", "--kader", "GM0303-gezond-samenleven", "--uit", str(uit), env_db=ingebedde_db)
    assert klaar.returncode == 0, klaar.stderr
    assert klaar.stdout.strip() == f"Rapport geschreven: {uit}"
    assert openpyxl.load_workbook(uit).sheetnames[1] == "Gezond samenleven versterken"


@pytest.mark.parametrize(
    ("args", "code", "melding"),
    [
        (["GM9999"], 1, "Fout: Onbekende gemeente 'GM9999'. Kies een van: GM0148 (Dalfsen)"),
        (["GM0303", "--kader", "GM0148-b2026-sport"], 1, "Fout: Onbekend kader 'GM0148-b2026-sport' voor Dronten"),
    ],
)
def test_opdrachtregel_onbekende_gemeente_of_kader(ingebedde_db, tmp_path, args, code, melding, capsys):
    from kompas.__main__ import main

    uit = tmp_path / "rapport.pdf"
    assert main(["rapport", *args, "--uit", str(uit)]) == code
    fout = capsys.readouterr().err
    assert fout.startswith(melding), fout
    assert "Traceback" not in fout and not uit.exists()


def test_opdrachtregel_verkeerde_extensie_en_map(ingebedde_db, tmp_path, capsys):
    from kompas.__main__ import main

    assert main(["rapport", "GM0303", "--uit", str(tmp_path / "rapport.docx")]) == 2
    assert "moet eindigen op .pdf of .xlsx" in capsys.readouterr().err
    assert main(["rapport", "GM0303", "--uit", str(tmp_path / "bestaat-niet" / "r.pdf")]) == 1
    assert "bestaat niet; er is geen rapport gemaakt" in capsys.readouterr().err


def test_opdrachtregel_zonder_uit_is_een_nederlandse_gebruiksfout(ingebedde_db):
    klaar = _kompas("rapport", "GM0303", env_db=ingebedde_db)
    assert klaar.returncode == 2
    assert "deze argumenten ontbreken: --uit" in klaar.stderr and "Traceback" not in klaar.stderr


# --- de pagina Kaders ---------------------------------------------------------------------------------------


def test_kaderspagina_heeft_downloadknoppen_voor_kader_en_alle_kaders(ingebedde_db):
    from apptest import draai

    at = draai("pages/kaders.py", gemeente="GM0303", kader="GM0303-gezond-samenleven")
    knoppen = {k.proto.label: k.proto for k in at.get("download_button")}
    assert list(knoppen) == ["PDF van dit kader", "Excel van dit kader", "PDF van alle kaders", "Excel van alle kaders"]
    # het bestand wordt pas gemaakt bij een klik (een uitgestelde download, geen bytes in de pagina);
    # tests/test_browser.py klikt en leest het bestand
    assert all(k.deferred_file_id and not k.url for k in knoppen.values())


def test_bestandsnaam_noemt_gemeente_of_kader_in_kleine_letters():
    assert rapport.bestandsnaam("Dronten", None, ".pdf") == "raadsrapportage-dronten.pdf"
    assert (
        rapport.bestandsnaam("Dronten", "GM0303-gezond-samenleven", ".xlsx")
        == "raadsrapportage-gm0303-gezond-samenleven.xlsx"
    )


def test_een_aantal_staat_in_het_rapport_niet_naast_nederland():
    """Personen met bijstand (een aantal): 'Nederland: geen gegevens' zou suggereren dat er een landelijk cijfer
    ontbreekt; er is geen vergelijking, en de GGD-regio staat er ook niet naast."""
    import polars as pl

    from kompas.rapport import inhoud

    rij = {"eenheid": "aantal", "decimalen": 0, "laatste_waarde": 300.0, "laatste_peiljaar": 2023}
    reeks = pl.DataFrame({"regio_naam": ["GGD IJsselland"], "waarde": [9000.0], "peiljaar": [2023]})
    uit = inhoud.laatste(rij, reeks, "GGD IJsselland")
    assert uit["nederland"] == "geen vergelijking (een aantal hangt af van de grootte van de gemeente)"
    assert uit["ggd"] is None
    assert inhoud.laatste({**rij, "laatste_waarde": None}, reeks, None)["nederland"] == uit["nederland"]
    procent = inhoud.laatste({**rij, "eenheid": "%", "landelijk_waarde": None}, reeks.clear(), None)
    assert procent["nederland"] == "geen gegevens"
    # geen regel 'Significantie: –' bij een aantal (zoals de tabellen geen kolom Significantie hebben)
    assert uit["significantie"] is None and procent["significantie"] == "–"


def test_pdf_noemt_bij_een_aantal_geen_significantie(rapporten):
    """Kinderen met een bestelling via de kindregeling (Dalfsen, een aantal): 'Nederland: geen vergelijking', en dan
    geen regel 'Significantie: –' eronder die leest alsof het oordeel ontbreekt; bij een percentage wel."""
    tekst = _plat(_pdf_tekst(rapporten["GM0148"][".pdf"], "-layout"))  # kenmerk en waarde op één regel
    na = tekst.split("Indicator Kinderen met een bestelling via de kindregeling")[1]
    blok = na.split("Bron volgens het kader")[0]
    assert "Nederland geen vergelijking (een aantal hangt af van de grootte van de gemeente)" in blok
    assert "Significantie" not in blok
    assert "Significantie" in tekst.split("Indicator Ervaren gezondheid (zeer) goed")[1].split("Bron volgens")[0]
