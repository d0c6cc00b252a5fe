"""Maakt de ingebedde cijfers in `data/` uit het referentiemateriaal (eenmalig, herhaalbaar).

    python tools/maak_ingebedde_data.py [--referentie ../shared/reference]

Schrijft `data/bronnen.csv` (één rij per herkomst) en `data/waarnemingen/*.csv` (één rij per cijfer).
Neemt alleen over wat letterlijk in de bron staat: geen interpolatie, geen omrekening. Wat niet
eenduidig is (halfjaarcijfers, onduidelijke leeftijdsgroep, streefwaarden en begrote waarden)
wordt overgeslagen en op de standaarduitvoer gemeld. Het dashboard zelf leest alleen `data/`.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
DATA = PROJECT / "data"
OVERGENOMEN_OP = "2026-11-23"

REGIO_OP_NAAM = {
    "Nederland": "NL01",
    "Dalfsen": "GM0148",
    "Bronckhorst": "GM1876",
    "Dronten": "GM0303",
    "GGD IJsselland (GG)": "GG1009",
    "GGD Noord- en Oost-Gelderland (GG)": "GG1413",
    "GGD Flevoland (GG)": "GG2209",
    "Overijssel (PV)": "PV23",
    "Gelderland (PV)": "PV25",
    "Flevoland (PV)": "PV24",
}

# Kolommen van de CBS-exports van de Gezondheidsmonitor -> indicatorcode.
GM_KOLOMMEN = {
    "ErvarenGezondheidGoedZeerGoed": "ervaren_gezondheid_pct",
    "EenOfMeerLangdurigeAandoeningen": "langdurige_aandoening_pct",
    "Overgewicht": "overgewicht_pct",
    "ErnstigOvergewicht": "obesitas_pct",
    "ErnstigOvergewichtObesitas": "obesitas_pct",
    "VoldoetAanBeweegrichtlijn": "beweegrichtlijn_pct",
    "WekelijkseSporters": "wekelijks_sporter_pct",
    "WekelijksSporter": "wekelijks_sporter_pct",
    "Mantelzorger": "mantelzorger_pct",
    "ZwaarBelasteMantelzorgers": "zwaarbelaste_mantelzorgers_pct",
}

GM_EXPORTS = [
    # bestand, tabel, jaar, titel, leeftijden
    (
        "Gezondheidsmonitor16_83674NED.csv",
        "83674NED",
        2016,
        "Gezondheidsmonitor; bevolking 19 jaar of ouder, regio, 2016",
        {"Totaal": "19+", "19 tot 65 jaar": "19-64", "65 jaar of ouder": "65+"},
    ),
    (
        "Gezondheidsmonitor20_85012NED.csv",
        "85012NED",
        2020,
        "Gezondheidsmonitor; bevolking 18 jaar of ouder, regio, 2020",
        {"Totaal": "18+", "18 tot 65 jaar": "18-64", "65 jaar of ouder": "65+"},
    ),
]
GM_EXPORT_ADRES = (
    "https://github.com/Oxylo/Hackathon_Life_Vitality/blob/25a2a051166b30525790751db7a0c7ff57dc03cb/"
    "Upload/CBS/{bestand}"
)

GGD_LABELS = {
    "(zeer) ernstig eenzaam": "ernstig_eenzaam_pct",
    "sterk eenzaam": "ernstig_eenzaam_pct",
    "eenzaam (totaal)": "eenzaam_pct",
    "eenzaam (matig tot zeer ernstig)": "eenzaam_pct",
    "eenzaam (enigszins tot sterk)": "eenzaam_pct",
    "emotioneel eenzaam": "emotioneel_eenzaam_pct",
    "emotioneel eenzaam (enigszins tot sterk)": "emotioneel_eenzaam_pct",
    "sociaal eenzaam": "sociaal_eenzaam_pct",
    "sociaal eenzaam (enigszins tot sterk)": "sociaal_eenzaam_pct",
    "ervaren gezondheid (zeer) goed": "ervaren_gezondheid_pct",
    "ervaren gezondheid goed": "ervaren_gezondheid_pct",
    "ervaren mentale gezondheid goed": "ervaren_mentale_gezondheid_pct",
    "hoog risico angststoornis of depressie (K10)": "hoog_risico_angst_depressie_pct",
    "angst- of depressiegevoelens afgelopen 4 weken (geen K10-hoog-risico)": "angst_depressiegevoelens_pct",
    "moeite met rondkomen": "moeite_met_rondkomen_pct",
    "overgewicht": "overgewicht_pct",
    "ernstig overgewicht (obesitas)": "obesitas_pct",
    "voldoet aan beweegrichtlijn": "beweegrichtlijn_pct",
    "wekelijks sporten": "wekelijks_sporter_pct",
    "mantelzorger": "mantelzorger_pct",
    "een of meer langdurige aandoeningen": "langdurige_aandoening_pct",
}

BBV_SIMPEL = {
    "bewindvoering_huishoudens": "bewindvoering_huishoudens",
    "bijstand_dichtheid_15plus": "bijstand_per_1000_15plus",
    "bijstand_pct_15plus": "bijstand_pct_15plus",
    "eenzaamheid": "eenzaam_pct",
    "ervaren_gezondheid_goed": "ervaren_gezondheid_pct",
    "huishoudens_laag_inkomen": "huishoudens_laag_inkomen_pct",
    "inburgeringsplichtigen_participatie": "inburgeraars_participatie_pct",
    "jongeren_delict_rechter": "jongeren_delict_rechter_pct",
    "jongeren_met_jeugdbescherming": "jongeren_met_jeugdbescherming_pct",
    "jongeren_met_jeugdhulp": "jongeren_met_jeugdhulp_pct",
    "jongeren_met_jeugdreclassering": "jongeren_met_jeugdreclassering_pct",
    "jongeren_met_jeugdzorg_tot23": "jongeren_met_jeugdzorg_pct",
    "kinderen_in_uitkeringsgezin": "kinderen_in_uitkeringsgezin_pct",
    "kindregeling_bestellingen": "kindregeling_bestellingen",
    "klanttevredenheid_jeugdhulp": "klanttevredenheid_jeugdhulp_pct",
    "moeite_met_rondkomen": "moeite_met_rondkomen_huishoudens_pct",
    "netto_arbeidsparticipatie": "netto_arbeidsparticipatie_pct",
    "problematische_schulden": "problematische_schulden_pct",
    "werkloze_jongeren": "werkloze_jongeren_pct",
    "zonder_startkwalificatie_18_30": "zonder_startkwalificatie_pct",
}

# Kerncijfers in het Dronten-kader (seed 004): indicatorcode, leeftijd.
DRONTEN_KERNCIJFERS = {
    "Aantal inwoners": ("inwoners", "totaal"),
    "Aantal huishoudens": ("huishoudens", "totaal"),
    "Huishoudens met bijstand": ("huishoudens_bijstand_pct", "totaal"),
    "Huishoudens met problematische schulden": ("problematische_schulden_pct", "totaal"),
    "Kinderen in uitkeringsgezin": ("kinderen_in_uitkeringsgezin_pct", "totaal"),
    "Eenouderhuishoudens": ("eenouderhuishoudens_pct", "totaal"),
    "Kinderen met hoog risico op onderwijsachterstand": ("onderwijsachterstand_risico_pct", "totaal"),
    "Jongeren met jeugdhulp": ("jongeren_met_jeugdhulp_pct", "totaal"),
    "15+ bevolking die gemiddeld 1 keer per week contact heeft met familie, vrienden of buren": (
        "wekelijks_contact_pct",
        "15+",
    ),
    "18+ bevolking die de eigen gezondheid (zeer) goed vindt": ("ervaren_gezondheid_pct", "18+"),
    "65+ bevolking die aangeeft zich eenzaam te voelen": ("eenzaam_pct", "65+"),
    "Huishoudens met zorg en ondersteuning": ("huishoudens_zorg_ondersteuning_pct", "totaal"),
}
DRONTEN_DOCUMENT = (
    "gemeente Dronten, Strategisch beleidskader sociaal domein 2025-2028 'Mensen maken de samenleving'"
)

ENQUETE = {
    "eenzaam_pct",
    "ernstig_eenzaam_pct",
    "emotioneel_eenzaam_pct",
    "sociaal_eenzaam_pct",
    "ervaren_gezondheid_pct",
    "overgewicht_pct",
    "obesitas_pct",
    "beweegrichtlijn_pct",
    "wekelijks_sporter_pct",
    "mantelzorger_pct",
    "langdurige_aandoening_pct",
    "hoog_risico_angst_depressie_pct",
}

KWB_2024_REPO = (
    "https://github.com/niquedegraaff/Wikipedia-Generator-CBS-Kerncijfers-Wijken-en-Buurten/blob/"
    "5598198273babd9816e156b4eeb43626f351a17f/2024/cbs_data/stripped_filtered_data_2024.json"
)

WAARNEMING_KOLOMMEN = [
    "indicator_code",
    "regio_code",
    "peiljaar",
    "peildatum",
    "leeftijd",
    "waarde",
    "ondergrens",
    "bovengrens",
    "status",
    "herkomst_id",
    "citaat",
]
BRON_KOLOMMEN = [
    "herkomst_id",
    "soort",
    "bron",
    "titel",
    "tabel_id",
    "adres",
    "periode",
    "opgehaald_op",
    "licentie",
    "toelichting",
]


def getal(tekst: str) -> str:
    """'1.234,5' of '1234.5' -> '1234.5' (tekst, zodat er niets afrondt)."""
    t = tekst.strip().replace("%", "").strip()
    if "," in t:
        t = t.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(\.\d{3})+", t):
        t = t.replace(".", "")
    float(t)
    return t


def peil(jaar: str) -> tuple[str, str] | None:
    """'2020M10' -> ('2020', '2020-10-01'); '2016' -> ('2016', ''); halfjaar -> None."""
    if re.fullmatch(r"\d{4}", jaar):
        return jaar, ""
    m = re.fullmatch(r"(\d{4})M(\d{2})", jaar)
    if m:
        return m.group(1), f"{m.group(1)}-{m.group(2)}-01"
    return None


class Verzameling:
    def __init__(self):
        self.bronnen: dict[str, dict] = {}
        self.rijen: dict[str, list[dict]] = {}
        self.sleutels: dict[tuple, str] = {}
        self.overgeslagen: list[str] = []

    def bron(self, sleutel: str, **velden) -> str:
        hid = "ingebed:" + sleutel
        velden.setdefault("opgehaald_op", OVERGENOMEN_OP)
        self.bronnen.setdefault(hid, {"herkomst_id": hid, **velden})
        return hid

    def voeg_toe(self, bestand: str, **rij) -> None:
        sleutel = (
            rij["indicator_code"],
            rij["regio_code"],
            rij["peiljaar"],
            rij.get("peildatum", ""),
            rij["leeftijd"],
            rij["herkomst_id"],
        )
        if sleutel in self.sleutels:
            if self.sleutels[sleutel] != rij["waarde"]:
                raise SystemExit(f"tegenstrijdige waarden voor {sleutel}: {self.sleutels[sleutel]} en {rij['waarde']}")
            return
        self.sleutels[sleutel] = rij["waarde"]
        self.rijen.setdefault(bestand, []).append(rij)

    def sla_over(self, reden: str) -> None:
        self.overgeslagen.append(reden)


def doc_sleutel(adres: str, bron: str) -> str:
    return "doc-" + hashlib.sha1(f"{adres}|{bron}".encode()).hexdigest()[:10]


def gm_exports(ref: Path, v: Verzameling) -> None:
    for bestand, tabel, jaar, titel, leeftijden in GM_EXPORTS:
        hid = v.bron(
            f"cbs-{tabel}",
            soort="CBS StatLine",
            bron="CBS; GGD'en, CBS en RIVM (Gezondheidsmonitor)",
            titel=titel,
            tabel_id=tabel,
            adres=f"https://www.cbs.nl/nl-nl/cijfers/detail/{tabel}",
            periode=str(jaar),
            licentie="CC BY 4.0 (CBS open data)",
            toelichting="Volledige StatLine-export (labels) zoals vastgelegd in "
            + GM_EXPORT_ADRES.format(bestand=bestand)
            + "; getoetst aan de cijfers op de CBS-pagina.",
        )
        rijen = {}
        with open(ref / "cbs_exports" / bestand, newline="", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                code = REGIO_OP_NAAM.get(r["RegioS"].strip())
                if not code:
                    continue
                rijen[(r["Leeftijd"], r["Marges"], code)] = r
        for (leeftijd_label, marge, code), r in sorted(rijen.items()):
            if marge != "Waarde":
                continue
            onder = rijen[(leeftijd_label, "Ondergrens 95%-interval", code)]
            boven = rijen[(leeftijd_label, "Bovengrens 95%-interval", code)]
            for kolom, indicator in GM_KOLOMMEN.items():
                if kolom not in r:
                    continue
                waarde = r[kolom].strip()
                if waarde in ("", ".", "x"):
                    v.sla_over(f"{tabel} {code} {leeftijd_label} {kolom}: leeg in de export")
                    continue
                v.voeg_toe(
                    f"gezondheidsmonitor_{jaar}",
                    indicator_code=indicator,
                    regio_code=code,
                    peiljaar=str(jaar),
                    peildatum="",
                    leeftijd=leeftijden[leeftijd_label],
                    waarde=getal(waarde),
                    ondergrens=getal(onder[kolom]) if onder[kolom].strip() else "",
                    bovengrens=getal(boven[kolom]) if boven[kolom].strip() else "",
                    status="",
                    herkomst_id=hid,
                    citaat=f"rij '{leeftijd_label}, {r['RegioS']}', kolom {kolom}",
                )


def ggd_waarden(ref: Path, v: Verzameling) -> None:
    with open(ref / "real_values_ggd.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            oorsprong = r["oorspronkelijke_bron"]
            if oorsprong.startswith(("CBS StatLine 83674NED", "CBS StatLine 85012NED")):
                continue  # komt volledig uit de exports hierboven
            label = r["indicator"]
            code = GGD_LABELS.get(label)
            if not code or not r["regio_code"]:
                v.sla_over(f"GGD '{label}' {r['regio']} {r['jaar']} ({r['leeftijd']}): geen eenduidige indicator of regio")
                continue
            leeftijd = r["leeftijd"]
            jaar = int(r["jaar"])
            if leeftijd.startswith("jongvolwassenen"):
                leeftijd = "jongvolwassenen"
            elif leeftijd.startswith("18+ ("):
                leeftijd = "19+" if jaar <= 2016 else "18+"
            elif not re.fullmatch(r"\d\d\+|\d\d-\d\d", leeftijd):
                v.sla_over(f"GGD '{label}' {r['regio']} {jaar}: leeftijd '{leeftijd}' niet eenduidig")
                continue
            if "50140NED" in oorsprong:
                hid = v.bron(
                    "rivm-50140NED",
                    soort="RIVM StatLine",
                    bron="GGD'en en RIVM: Gezondheidsmonitor Jongvolwassenen",
                    titel="Gezondheidsmonitor Jongvolwassenen 2024",
                    tabel_id="50140NED",
                    adres=r["vindplaats_url"],
                    periode="2024",
                    licentie="CC BY 4.0 (RIVM open data)",
                    toelichting=oorsprong,
                )
            else:
                hid = v.bron(
                    doc_sleutel(r["vindplaats_url"], oorsprong),
                    soort="gepubliceerd document",
                    bron=oorsprong,
                    titel=oorsprong,
                    tabel_id="",
                    adres=r["vindplaats_url"],
                    periode=str(jaar),
                    licentie="openbare publicatie; bron vermelden",
                    toelichting="",
                )
            v.voeg_toe(
                "gezondheidsmonitor_overig",
                indicator_code=code,
                regio_code=r["regio_code"],
                peiljaar=str(jaar),
                peildatum="",
                leeftijd=leeftijd,
                waarde=getal(r["waarde"]),
                ondergrens=getal(r["ondergrens"]) if r["ondergrens"] else "",
                bovengrens=getal(r["bovengrens"]) if r["bovengrens"] else "",
                status="",
                herkomst_id=hid,
                citaat=r["citaat"],
            )


def bbv_indicator(r: dict) -> tuple[str, str] | None:
    """(indicatorcode, leeftijd) voor een rij uit real_values_bbv.csv, of None."""
    ind, eenheid, bron = r["indicator"], r["eenheid"], r["oorspronkelijke_bron"]
    if ind == "banen":
        m = re.search(r"15-6[45]", eenheid)
        return ("banen_per_1000", m.group(0)) if m else None
    if ind == "bijstand":
        if "per 1.000 inwoners 18" in eenheid:
            return "bijstand_per_1000_18plus", "18+"
        if "per 10.000" in eenheid:
            return "bijstand_per_10000", "totaal"
        return None
    if ind == "re_integratievoorzieningen":
        if eenheid.startswith("per 1.000"):
            return "re_integratie_per_1000", "15-65"
        if eenheid.startswith("per 10.000"):
            return "re_integratie_per_10000", "15-64"
        return None
    if ind == "wmo_maatwerkarrangement":
        if "86050NED" in bron:
            return "wmo_maatwerkvoorziening_per_1000", "totaal"
        if "10.000" in eenheid:
            return "wmo_per_10000", "totaal"
        return "wmo_per_1000", "totaal"
    if ind == "zonder_startkwalificatie_18_30":
        return "zonder_startkwalificatie_pct", "18-30"
    code = BBV_SIMPEL.get(ind)
    if not code:
        return None
    leeftijd = "totaal"
    if code in ENQUETE:
        leeftijd = "19+" if "19+" in eenheid or int(r["jaar"][:4]) <= 2016 else "18+"
    return code, leeftijd


def bbv_waarden(ref: Path, v: Verzameling) -> None:
    with open(ref / "real_values_bbv.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            omschrijving = f"BBV '{r['indicator']}' {r['gemeente']} {r['jaar']}"
            if r["type"] != "realisatie":
                v.sla_over(f"{omschrijving}: {r['type']} (hoort bij de kaders, geen waarneming)")
                continue
            gekozen = bbv_indicator(r)
            if gekozen is None:
                v.sla_over(f"{omschrijving}: geen eenduidige indicator ({r['eenheid']})")
                continue
            p = peil(r["jaar"])
            if p is None:
                v.sla_over(f"{omschrijving}: geen jaar, of een halfjaarcijfer dat niet met jaarcijfers te vergelijken is")
                continue
            code, leeftijd = gekozen
            hid = v.bron(
                doc_sleutel(r["vindplaats_url"], r["oorspronkelijke_bron"]),
                soort="gepubliceerd document",
                bron=r["oorspronkelijke_bron"],
                titel=r["oorspronkelijke_bron"],
                tabel_id="",
                adres=r["vindplaats_url"],
                periode=p[0],
                licentie="openbare publicatie; bron vermelden",
                toelichting="",
            )
            citaat = r["citaat"]
            if "vermoedelijk per 1.000" in r["eenheid"]:
                citaat += " [eenheid op de pagina '%', vrijwel zeker per 1.000 inwoners]"
            v.voeg_toe(
                "bbv_en_publicaties",
                indicator_code=code,
                regio_code=r["gemeente_code"],
                peiljaar=p[0],
                peildatum=p[1],
                leeftijd=leeftijd,
                waarde=getal(r["waarde"]),
                ondergrens="",
                bovengrens="",
                status="",
                herkomst_id=hid,
                citaat=citaat,
            )


def dronten_kerncijfers(ref: Path, v: Verzameling) -> None:
    hid = v.bron(
        "doc-dronten-beleidskader-2025",
        soort="gepubliceerd document",
        bron="gemeente Dronten",
        titel=DRONTEN_DOCUMENT,
        tabel_id="",
        adres="https://samenleving.dronten.nl",
        periode="2025-2028",
        licentie="openbare publicatie; bron vermelden",
        toelichting="Kerncijfers met de landelijke waarde zoals de gemeente ze publiceert; de bron per cijfer staat er niet bij.",
    )
    with open(ref / "seed_indicators.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["gemeente"] != "Dronten" or not r["doel"].startswith("(kerncijfer"):
                continue
            gekozen = DRONTEN_KERNCIJFERS.get(r["indicator"])
            if not gekozen or not r["waarde_jaar"]:
                v.sla_over(f"Dronten kerncijfer '{r['indicator']}': geen indicator of geen peiljaar")
                continue
            code, leeftijd = gekozen
            regels = r["seed_line"].replace(";", ", ")
            for regio, waarde in (("GM0303", r["waarde"]), ("NL01", r["landelijk_waarde"])):
                if not waarde:
                    continue
                v.voeg_toe(
                    "dronten_kerncijfers",
                    indicator_code=code,
                    regio_code=regio,
                    peiljaar=r["waarde_jaar"],
                    peildatum="",
                    leeftijd=leeftijd,
                    waarde=getal(waarde),
                    ondergrens="",
                    bovengrens="",
                    status="",
                    herkomst_id=hid,
                    citaat=f"kerncijfer '{r['indicator']}' ({'landelijk' if regio == 'NL01' else 'Dronten'}), regels {regels}",
                )


# Cijfers uit de Kerncijfers wijken en buurten die in de referentie letterlijk zijn gezien
# (shared/reference/cbs_open_data.md, par. 2a en 2b): tabel, indicator, regio, peiljaar, waarde, vindplaats.
KWB_GEZIEN = [
    ("85984NED", "inwoners", "GM0148", "2024", "29683", KWB_2024_REPO, "Dalfsen AantalInwoners_5 = 29683"),
    ("85984NED", "inwoners", "GM1876", "2024", "36119", KWB_2024_REPO, "Bronckhorst AantalInwoners_5 = 36119"),
    ("85984NED", "inwoners", "GM0303", "2024", "44354", KWB_2024_REPO, "Dronten AantalInwoners_5 = 44354"),
    ("83765NED", "bijstand_personen", "NL01", "2017", "471190", "https://www.cbs.nl/nl-nl/cijfers/detail/83765NED",
     "Nederland, Personen per soort uitkering; Bijstand = 471 190"),
    ("84286NED", "bijstand_personen", "NL01", "2018", "455140", "https://www.cbs.nl/nl-nl/cijfers/detail/84286NED",
     "Nederland, Personen per soort uitkering; Bijstand = 455 140"),
    ("84286NED", "jongeren_met_jeugdzorg", "NL01", "2018", "423390", "https://www.cbs.nl/nl-nl/cijfers/detail/84286NED",
     "Nederland, Jongeren met jeugdzorg in natura = 423 390"),
    ("85984NED", "bijstand_personen", "NL01", "2024", "405560", "https://www.cbs.nl/nl-nl/cijfers/detail/85984NED",
     "Nederland, Personen per soort uitkering; Bijstand = 405 560"),
]


def kwb_gezien(v: Verzameling) -> None:
    for tabel, code, regio, jaar, waarde, adres, citaat in KWB_GEZIEN:
        hid = v.bron(
            f"cbs-{tabel}",
            soort="CBS StatLine",
            bron="CBS",
            titel=f"Kerncijfers wijken en buurten {jaar}",
            tabel_id=tabel,
            adres=adres,
            periode=jaar,
            licentie="CC BY 4.0 (CBS open data)",
            toelichting="Losse cijfers uit de tabel zoals gezien in de vindplaats; de live verversing haalt de hele tabel op.",
        )
        v.voeg_toe(
            "kerncijfers_wijken_buurten",
            indicator_code=code,
            regio_code=regio,
            peiljaar=jaar,
            peildatum="",
            leeftijd="totaal",
            waarde=waarde,
            ondergrens="",
            bovengrens="",
            status="",
            herkomst_id=hid,
            citaat=citaat,
        )


def schrijf(v: Verzameling) -> None:
    doel = DATA / "waarnemingen"
    doel.mkdir(parents=True, exist_ok=True)
    for oud in doel.glob("*.csv"):
        oud.unlink()
    for naam, rijen in v.rijen.items():
        rijen.sort(key=lambda r: (r["indicator_code"], r["regio_code"], r["peiljaar"], r["peildatum"], r["leeftijd"], r["herkomst_id"]))
        with open(doel / f"{naam}.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, WAARNEMING_KOLOMMEN, lineterminator="\n")
            w.writeheader()
            w.writerows(rijen)
    with open(DATA / "bronnen.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, BRON_KOLOMMEN, lineterminator="\n")
        w.writeheader()
        for hid in sorted(v.bronnen):
            w.writerow({k: v.bronnen[hid].get(k, "") for k in BRON_KOLOMMEN})


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--referentie", type=Path, default=PROJECT.parent / "shared" / "reference")
    args = p.parse_args(argv)
    v = Verzameling()
    gm_exports(args.referentie, v)
    ggd_waarden(args.referentie, v)
    bbv_waarden(args.referentie, v)
    dronten_kerncijfers(args.referentie, v)
    kwb_gezien(v)
    schrijf(v)
    totaal = sum(len(r) for r in v.rijen.values())
    print(f"{totaal} waarnemingen uit {len(v.bronnen)} bronnen geschreven naar {DATA}")
    print(f"{len(v.overgeslagen)} overgeslagen:")
    for reden in v.overgeslagen:
        print("  -", reden)
    return 0


if __name__ == "__main__":
    sys.exit(main())
