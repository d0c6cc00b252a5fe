"""Maakt de opgenomen OData-antwoorden in tests/odata/ (eenmalig; het resultaat staat in git).

    python tests/odata/maak_fixtures.py

- opendata/85984NED: TableInfos, DataProperties en CategoryGroups zijn de ECHTE metadata van CBS-tabel
  85984NED (shared/reference/cbs_metadata/85984NED), ingekort tot de onderwerpen die de tests gebruiken
  (plus een paar buren met een gelijkend voorvoegsel); de vorm en sleutels zijn ongewijzigd.
- opendata/85318NED: dezelfde vorm met de achtervoegsels van de jaargang 2022 (`_83` voor bijstand,
  zie cbs_open_data.md §1a; de andere nummers zijn voor de test gekozen).
- dataderden/50120NED: RIVM "Gezondheid per wijk en buurt" in de vorm van de OData v3-API, met de
  onderwerpsleutels en dimensiecodes uit cbs_open_data.md §1c.
- De CIJFERS van 85984NED, 85318NED en 50120NED zijn verzonnen en bestaan alleen in tests/.
- opendata/83674NED en 85012NED: de Gezondheidsmonitor 2016/2020 uit de ECHTE StatLine-exports
  (shared/reference/cbs_exports); 85563NED (2022) met de echte cijfers uit found_2026-12.csv.
- datasets/: dezelfde tabellen in de vorm van OData v4 (afgeleid uit de v3-opnamen), en de catalogi.
"""

from __future__ import annotations

import copy
import csv
import json
import os
import re
from pathlib import Path

MAP = Path(__file__).resolve().parent
# de referentiemap naast de checkout (../shared/reference), of KOMPAS_REFERENTIE
REFERENTIE_MAP = Path(
    os.environ.get("KOMPAS_REFERENTIE") or Path(__file__).resolve().parents[3] / "shared" / "reference"
)
REFERENTIE = REFERENTIE_MAP / "cbs_metadata" / "85984NED"

KWB_VOORVOEGSELS = [
    "Gemeentenaam",
    "SoortRegio",
    "Codering",
    "AantalInwoners",
    "HuishoudensTotaal",
    "Nettoarbeidsparticipatie",
    "HuishoudensMetEenLaagInkomen",
    "PersonenPerSoortUitkeringBijstand",
    "PersonenPerSoortUitkeringAO",
    "JongerenMetJeugdzorgInNatura",
    "PercentageJongerenMetJeugdzorg",
    "WmoClienten",
    "WmoClientenRelatief",
]
# Achtervoegsels in de jaargang 2022 (bijstand _83 volgens de referentie; de rest gekozen voor de test).
SUFFIX_2022 = {
    "AantalInwoners": 5,
    "HuishoudensTotaal": 28,
    "Nettoarbeidsparticipatie": 67,
    "HuishoudensMetEenLaagInkomen": 79,
    "PersonenPerSoortUitkeringBijstand": 83,
    "PersonenPerSoortUitkeringAO": 84,
    "JongerenMetJeugdzorgInNatura": 87,
    "PercentageJongerenMetJeugdzorg": 88,
    "WmoClienten": 89,
    "WmoClientenRelatief": 90,
}


def schrijf(pad: Path, inhoud) -> None:
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_text(json.dumps(inhoud, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def voorvoegsel(sleutel: str) -> str:
    return sleutel.rsplit("_", 1)[0]


def kwb_metadata() -> tuple[dict, list, list]:
    info = json.loads((REFERENTIE / "TableInfos.json").read_text(encoding="utf-8"))[0]
    info["Description"] = info["Description"][:600] + " [ingekort voor de test]"
    props = json.loads((REFERENTIE / "DataProperties.json").read_text(encoding="utf-8"))
    topics = [
        p
        for p in props
        if p["Type"] != "TopicGroup" and (p["Type"] != "Topic" or voorvoegsel(p["Key"]) in KWB_VOORVOEGSELS)
    ]
    ouders = {p["ParentID"] for p in topics}
    groepen = [p for p in props if p["Type"] == "TopicGroup" and p["ID"] in ouders]
    ingekort = sorted(topics + groepen, key=lambda p: p["ID"])
    groups = json.loads((REFERENTIE / "CategoryGroups.json").read_text(encoding="utf-8"))
    return info, ingekort, groups


def kwb_rij(i: int, code: str, naam: str, soort: str, sleutels: dict[str, str], waarden: dict) -> dict:
    rij = {
        "ID": i,
        "WijkenEnBuurten": code.ljust(10),
        sleutels["Gemeentenaam"]: naam.ljust(40),
        sleutels["SoortRegio"]: soort.ljust(10),
        sleutels["Codering"]: code.ljust(10),
    }
    for vv, w in waarden.items():
        rij[sleutels[vv]] = w
    return rij


KWB_REGIOS = [  # code, naam, soort
    ("NL00", "Nederland", "Land"),
    ("GM0014", "Groningen", "Gemeente"),
    ("GM0148", "Dalfsen", "Gemeente"),
    ("WK014800", "Dalfsen", "Wijk"),
    ("BU01480000", "Dalfsen", "Buurt"),
    ("GM0303", "Dronten", "Gemeente"),
    ("GM1876", "Bronckhorst", "Gemeente"),
]


def kwb_waarden(jaar: int) -> dict[str, dict]:
    """Verzonnen cijfers per regio; enkele ontbrekende ('.', 'x', leeg, null)."""
    d = jaar - 2022
    basis = {
        "NL00": [17000000 + d, 8000000 + d, 69.0, 8.0, 405000 + 10 * d, 780000, 420000, 11.5, 1300000, 75],
        "GM0014": [240000, 140000, 66.0, 14.0, 12000, 15000, 7000, 12.5, 20000, 80],
        "GM0148": [29000 + d, 11500, 73.0, 4.5, 210 + 10 * d, 1400, 780, 9.0, 1900, 64],
        "WK014800": [9000, 3800, 72.0, 5.0, 90, 500, 260, 9.5, 700, 70],
        "BU01480000": [3000, 1300, 71.0, 5.5, 30, 150, 80, 9.2, 200, 66],
        "GM0303": [42000 + d, 17000, 71.0, 6.0, 560 + 10 * d, 2500, 1500, 12.0, None, "."],
        "GM1876": [36500 + d, 16000, 70.0, "", 250, 2000, 900, "x", 2700, 74],
    }
    volgorde = [
        "AantalInwoners",
        "HuishoudensTotaal",
        "Nettoarbeidsparticipatie",
        "HuishoudensMetEenLaagInkomen",
        "PersonenPerSoortUitkeringBijstand",
        "PersonenPerSoortUitkeringAO",
        "JongerenMetJeugdzorgInNatura",
        "PercentageJongerenMetJeugdzorg",
        "WmoClienten",
        "WmoClientenRelatief",
    ]
    return {code: dict(zip(volgorde, rij)) for code, rij in basis.items()}


def maak_kwb(tabel: str, jaar: int, hernummer: dict[str, int] | None) -> None:
    info, props, groups = kwb_metadata()
    props = copy.deepcopy(props)
    if hernummer:
        for p in props:
            if p["Type"] == "Topic" and voorvoegsel(p["Key"]) in hernummer:
                p["Key"] = f"{voorvoegsel(p['Key'])}_{hernummer[voorvoegsel(p['Key'])]}"
        for p in props:
            if p["Type"] == "GeoDetail":
                p["MapYear"] = jaar
        info = dict(
            info,
            Identifier=tabel,
            Title=f"Kerncijfers wijken en buurten {jaar}",
            ShortTitle=f"Kerncijfers wijken en buurten {jaar}",
            Period=str(jaar),
            Modified=f"{jaar + 1}-02-14T02:00:00",
            MetaDataModified=f"{jaar + 1}-02-14T02:00:00",
            DefaultSelection="$filter=((WijkenEnBuurten eq 'NL00      '))",
        )
    sleutels = {voorvoegsel(p["Key"]): p["Key"] for p in props if p["Type"] == "Topic"}
    waarden = kwb_waarden(jaar)
    rijen = [kwb_rij(i, code, naam, soort, sleutels, waarden[code]) for i, (code, naam, soort) in enumerate(KWB_REGIOS)]
    dim = [
        {"Key": code.ljust(10), "Title": naam, "Description": None, "Municipality": naam, "DetailRegionCode": code}
        for code, naam, _ in KWB_REGIOS
    ]
    doel = MAP / "opendata" / tabel
    schrijf(doel / "TableInfos.json", [info])
    schrijf(doel / "DataProperties.json", props)
    schrijf(doel / "CategoryGroups.json", groups)
    schrijf(doel / "WijkenEnBuurten.json", dim)
    schrijf(doel / "TypedDataSet.json", rijen)


RIVM_TOPICS = [
    ("Gemeentenaam_1", "Gemeentenaam", "String", "naam"),
    ("SoortRegio_2", "Soort regio", "String", "omschrijving"),
    ("Codering_3", "Codering", "String", "code"),
    ("ErvarenGezondheidGoedZeerGoed_4", "Ervaren gezondheid (zeer) goed", "Double", "%"),
    ("VoldoetAanBeweegrichtlijn_5", "Voldoet aan beweegrichtlijn", "Double", "%"),
    ("WekelijkseSporters_6", "Wekelijkse sporters", "Double", "%"),
    ("Ondergewicht_7", "Ondergewicht", "Double", "%"),
    ("Overgewicht_9", "Overgewicht", "Double", "%"),
    ("ErnstigOvergewicht_10", "Ernstig overgewicht", "Double", "%"),
    ("EenOfMeerLangdurigeAandoeningen_16", "Een of meer langdurige aandoeningen", "Double", "%"),
    ("HoogRisicoOpAngstOfDepressie_25", "Hoog risico op angststoornis of depressie", "Double", "%"),
    ("Eenzaam_27", "Eenzaam", "Double", "%"),
    ("ErnstigZeerErnstigEenzaam_28", "(Zeer) ernstig eenzaam", "Double", "%"),
    ("EmotioneelEenzaam_29", "Emotioneel eenzaam", "Double", "%"),
    ("SociaalEenzaam_30", "Sociaal eenzaam", "Double", "%"),
    ("Mantelzorger_31", "Mantelzorger", "Double", "%"),
    ("Vrijwilligerswerk_32", "Vrijwilligerswerk", "Double", "%"),
    ("MoeiteMetRondkomen_33", "Moeite met rondkomen", "Double", "%"),
]
RIVM_REGIOS = [
    ("NL01", "Nederland", "Land"),
    ("GG1009", "GGD IJsselland", "GGD-regio"),
    ("GG1413", "GGD Noord- en Oost-Gelderland", "GGD-regio"),
    ("GG2209", "GGD Flevoland", "GGD-regio"),
    ("GM0148", "Dalfsen", "Gemeente"),
    ("WK014800", "Dalfsen", "Wijk"),
    ("GM0303", "Dronten", "Gemeente"),
    ("GM1876", "Bronckhorst", "Gemeente"),
    ("GM0014", "Groningen", "Gemeente"),
]
RIVM_LEEFTIJD = [("20300", "18 jaar of ouder"), ("53115", "18 tot 65 jaar"), ("80200", "65 jaar of ouder")]
RIVM_MARGES = [("MW00000", "Waarde"), ("MOG0095", "Ondergrens 95%-interval"), ("MBG0095", "Bovengrens 95%-interval")]
RIVM_PERIODEN = [("2016JJ00", "2016", "Definitief"), ("2022JJ00", "2022", "Voorlopig")]


def maak_rivm() -> None:
    doel = MAP / "dataderden" / "50120NED"
    info = {
        "ID": 0,
        "Title": "Gezondheid per wijk en buurt; 2012/2016/2020/2022 (indeling 2022)",
        "ShortTitle": "Gezondheid per wijk en buurt",
        "Identifier": "50120NED",
        "Summary": "Gezondheidsmonitor Volwassenen en Ouderen (testopname)",
        "Modified": "2023-11-30T02:00:00",
        "ReasonDelivery": "Nieuw",
        "ExplanatoryText": "",
        "Language": "nl",
        "Catalog": "RIVM",
        "Frequency": "Onregelmatig",
        "Period": "2016, 2022",
        "ShortDescription": "Testopname in de vorm van de OData v3-API.",
        "Description": "Testopname; de cijfers zijn verzonnen.",
        "DefaultPresentation": "",
        "DefaultSelection": "",
        "GraphTypes": "Table",
        "OutputStatus": "Regulier",
        "Source": "RIVM",
        "MetaDataModified": "2023-11-30T02:00:00",
        "SearchPriority": "1",
    }
    props = [
        {
            "odata.type": "Cbs.OData.Dimension",
            "ID": 0,
            "Position": 0,
            "ParentID": None,
            "Type": "Dimension",
            "Key": "Leeftijd",
            "Title": "Leeftijd",
            "Description": "",
            "Default": "Impossible",
            "PresentationType": "",
        },
        {
            "odata.type": "Cbs.OData.Dimension",
            "ID": 1,
            "Position": 1,
            "ParentID": None,
            "Type": "Dimension",
            "Key": "Marges",
            "Title": "Marges",
            "Description": "95%-betrouwbaarheidsinterval",
            "Default": "Impossible",
            "PresentationType": "",
        },
        {
            "odata.type": "Cbs.OData.GeoDetail",
            "ID": 2,
            "Position": 2,
            "ParentID": None,
            "Type": "GeoDetail",
            "Key": "WijkenEnBuurten",
            "Title": "Wijken en buurten",
            "Description": "",
            "MapYear": 2022,
        },
        {
            "odata.type": "Cbs.OData.TimeDimension",
            "ID": 3,
            "Position": 3,
            "ParentID": None,
            "Type": "TimeDimension",
            "Key": "Perioden",
            "Title": "Perioden",
            "Description": "",
        },
    ]
    for i, (key, titel, soort, eenheid) in enumerate(RIVM_TOPICS):
        props.append(
            {
                "odata.type": "Cbs.OData.Topic",
                "ID": 4 + i,
                "Position": 4 + i,
                "ParentID": None,
                "Type": "Topic",
                "Key": key,
                "Title": titel,
                "Description": None,
                "Datatype": soort,
                "Unit": eenheid,
                "Decimals": 1 if soort == "Double" else 0,
                "Default": "Impossible",
                "PresentationType": "Relative" if soort == "Double" else "",
            }
        )
    rijen = []
    nr = 0
    for r, (code, naam, soort) in enumerate(RIVM_REGIOS):
        for p, (periode, _, _) in enumerate(RIVM_PERIODEN):
            for a, (leeftijd, _) in enumerate(RIVM_LEEFTIJD):
                for marge, _ in RIVM_MARGES:
                    rij = {
                        "ID": nr,
                        "WijkenEnBuurten": code.ljust(10),
                        "Perioden": periode,
                        "Leeftijd": leeftijd,
                        "Marges": marge,
                        "Gemeentenaam_1": naam,
                        "SoortRegio_2": soort,
                        "Codering_3": code.ljust(10),
                    }
                    nr += 1
                    for t, (key, _, datatype, _) in enumerate(RIVM_TOPICS):
                        if datatype != "Double":
                            continue
                        waarde = round(10 + 3 * t + r + 2 * p + a / 2, 1)
                        rij[key] = {
                            "MW00000": waarde,
                            "MOG0095": round(waarde - 2.5, 1),
                            "MBG0095": round(waarde + 2.5, 1),
                        }[marge]
                    # ontbrekende cijfers en een ontbrekende grens
                    if (code, periode, leeftijd) == ("GM0303", "2016JJ00", "80200"):
                        rij["EmotioneelEenzaam_29"] = "." if marge == "MW00000" else None
                    if (code, periode, leeftijd, marge) == ("GM1876", "2022JJ00", "20300", "MOG0095"):
                        rij["Vrijwilligerswerk_32"] = None
                    rijen.append(rij)
    schrijf(doel / "TableInfos.json", [info])
    schrijf(doel / "DataProperties.json", props)
    schrijf(doel / "CategoryGroups.json", [])
    schrijf(
        doel / "Leeftijd.json",
        [{"Key": k, "Title": t, "Description": None, "CategoryGroupID": None} for k, t in RIVM_LEEFTIJD],
    )
    schrijf(
        doel / "Marges.json",
        [{"Key": k, "Title": t, "Description": None, "CategoryGroupID": None} for k, t in RIVM_MARGES],
    )
    schrijf(
        doel / "WijkenEnBuurten.json",
        [
            {"Key": c.ljust(10), "Title": n, "Description": None, "Municipality": n, "DetailRegionCode": c}
            for c, n, _ in RIVM_REGIOS
        ],
    )
    schrijf(
        doel / "Perioden.json", [{"Key": k, "Title": t, "Description": None, "Status": s} for k, t, s in RIVM_PERIODEN]
    )
    schrijf(doel / "TypedDataSet.json", rijen)


# --------------------------------------------------------------------------------------------------
# OData v4 (datasets.cbs.nl/odata/v1/CBS/<tabel>/): dezelfde tabel als de v3-opname, in de vorm van
# shared/reference/cbs_odata_v4.md §3-§7 (Properties als singleton, Dimensions, MeasureCodes, <Dim>Codes en
# Observations in lange vorm). Afgeleid uit de v3-bestanden hierboven, zodat beide API's dezelfde cijfers geven.
#
# Metingcodes: waar de referentie een code voor de Kerncijfers noemt (§12, 'corroborated') staat die hier;
# voor 'Huishoudens met een laag inkomen' is geen code gevonden, die code is voor de test gekozen. De loader
# zoekt metingen op hun titel, nooit op deze codes.
V4_KWB_CODES = {
    "AantalInwoners": "T001036",
    "HuishoudensTotaal": "1050010_2",
    "Nettoarbeidsparticipatie": "M001796_2",
    "HuishoudensMetEenLaagInkomen": "TEST0089",
    "PersonenPerSoortUitkeringBijstand": "D006842",
    "PersonenPerSoortUitkeringAO": "D006837",
    "JongerenMetJeugdzorgInNatura": "T001203",
    "PercentageJongerenMetJeugdzorg": "A045561",
    "WmoClienten": "M001342_1",
    "WmoClientenRelatief": "M001342_2",
}
V4_SOORT = {
    "GeoDetail": "GeoDetailDimension",
    "GeoDimension": "GeoDimension",
    "TimeDimension": "TimeDimension",
    "Dimension": "Dimension",
}
# v3 '.' (ontbreekt) en 'x' (geheim) als ValueAttribute (referentie §6: 'Missing' gezien als Default in v3,
# 'Confidential' niet bevestigd); null en leeg: de cel ontbreekt ("Empty cells will no longer be returned").
V4_ATTRIBUUT = {".": "Missing", "x": "Confidential"}


def lees(pad: Path):
    return json.loads(pad.read_text(encoding="utf-8"))


def maak_v4(catalogus: str, tabel: str, codes: dict[str, str] | None = None) -> None:
    bron = MAP / catalogus / tabel
    info = lees(bron / "TableInfos.json")[0]
    props = lees(bron / "DataProperties.json")
    dims = [p for p in props if p["Type"] in V4_SOORT]
    topics = [p for p in props if p["Type"] == "Topic" and p.get("Datatype") != "String"]
    code_van = {}
    for i, p in enumerate(topics):
        code_van[p["Key"]] = (codes or {}).get(voorvoegsel(p["Key"]), f"M{9000 + i:06d}")
    rijen = lees(bron / "TypedDataSet.json")
    observaties = []
    for rij in rijen:
        for p in topics:
            w = rij.get(p["Key"])
            if w is None or (isinstance(w, str) and not w.strip()):
                continue  # lege cel: niet geleverd
            attribuut = V4_ATTRIBUUT.get(w.strip()) if isinstance(w, str) else None
            obs = {
                "Id": len(observaties),
                "Measure": code_van[p["Key"]],
                "ValueAttribute": attribuut or "None",
                "Value": None if attribuut else w,
                "StringValue": None,
            }
            obs.update({d["Key"]: rij[d["Key"]] for d in dims})
            observaties.append(obs)
    # Modified met tijdzone (cbsodata4 leest Modified als tijd met offset); zelfde moment als in TableInfos
    doel = MAP / "datasets" / tabel
    schrijf(
        doel / "Properties.json",
        {
            "Identifier": tabel,
            "Title": info["Title"],
            "Description": info.get("ShortDescription"),
            "Catalog": "CBS",
            "Language": "nl",
            "Status": "Regulier",
            "DatasetType": "Numeric",
            "Modified": info["Modified"] + "+01:00",
            "TemporalCoverage": info.get("Period"),
            "ObservationCount": len(observaties),
        },
    )
    schrijf(
        doel / "Dimensions.json",
        [
            {
                "Identifier": d["Key"],
                "Title": d["Title"],
                "Description": d.get("Description"),
                "Kind": V4_SOORT[d["Type"]],
                "ContainsGroups": False,
                "ContainsCodes": True,
            }
            for d in dims
        ],
    )
    schrijf(
        doel / "MeasureCodes.json",
        [
            {
                "Identifier": code_van[p["Key"]],
                "Index": i + 1,
                "Title": p["Title"],
                "Description": p.get("Description"),
                "MeasureGroupId": None,
                "DataType": p.get("Datatype"),
                "Unit": p.get("Unit"),
                "Decimals": p.get("Decimals"),
                "PresentationType": p.get("PresentationType"),
            }
            for i, p in enumerate(topics)
        ],
    )
    for d in dims:
        lijst = lees(bron / f"{d['Key']}.json")
        schrijf(
            doel / f"{d['Key']}Codes.json",
            [
                {
                    "Identifier": c["Key"],
                    "Index": i + 1,
                    "Title": c["Title"],
                    "Description": c.get("Description"),
                    "DimensionGroupId": None,
                    **({"Status": c.get("Status")} if "Status" in c else {}),
                }
                for i, c in enumerate(lijst)
            ],
        )
    schrijf(doel / "Observations.json", observaties)


# --------------------------------------------------------------------------------------------------
# CBS Gezondheidsmonitor 2016 (83674NED) en 2020 (85012NED), uit de ECHTE StatLine-exports in
# shared/reference/cbs_exports (dezelfde bestanden waaruit data/waarnemingen/gezondheidsmonitor_*.csv komt).
# De cijfers, de labels van Leeftijd, Marges en RegioS en de kolomnamen zijn die van de export; de regiocodes
# zijn de CBS-codes van data/regio.csv, de Marges-codes die van de RIVM-tabel (cbs_open_data.md §1c).
# Niet in de export en dus voor de test gekozen (de loader hangt er niet van af): de achtervoegsels _1, _2 ...,
# de codes van Leeftijd, de titels (uit de kolomnaam gesplitst), de metingcodes in v4 en Modified.
EXPORTS = REFERENTIE_MAP / "cbs_exports"
GM_REGIO = {
    "Nederland": "NL01",
    "Dalfsen": "GM0148",
    "Bronckhorst": "GM1876",
    "Dronten": "GM0303",
    "GGD IJsselland (GG)": "GG1009",
    "GGD Noord- en Oost-Gelderland (GG)": "GG1413",
    "GGD Flevoland (GG)": "GG2209",
    "Overijssel (PV)": "PV23",
    "Flevoland (PV)": "PV24",
    "Gelderland (PV)": "PV25",
}
GM_MARGES = {"Waarde": "MW00000", "Ondergrens 95%-interval": "MOG0095", "Bovengrens 95%-interval": "MBG0095"}
GM_TABELLEN = [  # bestand, tabel, titel, leeftijdscodes (gekozen), met Perioden
    (
        "Gezondheidsmonitor16_83674NED.csv",
        "83674NED",
        "Gezondheidsmonitor; bevolking 19 jaar of ouder, regio, 2016",
        {"Totaal": "10000", "19 tot 65 jaar": "53950", "65 jaar of ouder": "80200"},
        True,
    ),
    (
        "Gezondheidsmonitor20_85012NED.csv",
        "85012NED",
        "Gezondheidsmonitor; bevolking 18 jaar of ouder, regio, 2020",
        {"Totaal": "10000", "18 tot 65 jaar": "53115", "65 jaar of ouder": "80200"},
        False,
    ),
]


def titel_van_sleutel(sleutel: str) -> str:
    woorden = re.findall(r"[A-Z][a-z]*|\d+", sleutel)
    return " ".join([woorden[0]] + [w.lower() for w in woorden[1:]])


def maak_gezondheidsmonitor(bestand: str, tabel: str, titel: str, leeftijden: dict[str, str], perioden: bool) -> None:
    with open(EXPORTS / bestand, newline="", encoding="utf-8") as f:
        export = [r for r in csv.DictReader(f) if r["RegioS"].strip() in GM_REGIO]
    vast = {"", "ID", "Leeftijd", "Marges", "RegioS", "Perioden"}
    kolommen = [k for k in export[0] if k not in vast]
    sleutel = {k: f"{k}_{i + 1}" for i, k in enumerate(kolommen)}
    props = [
        {
            "odata.type": "Cbs.OData.Dimension",
            "ID": 0,
            "Position": 0,
            "ParentID": None,
            "Type": "Dimension",
            "Key": "Leeftijd",
            "Title": "Leeftijd",
            "Description": "",
            "Default": "Impossible",
            "PresentationType": "",
        },
        {
            "odata.type": "Cbs.OData.Dimension",
            "ID": 1,
            "Position": 1,
            "ParentID": None,
            "Type": "Dimension",
            "Key": "Marges",
            "Title": "Marges",
            "Description": "",
            "Default": "Impossible",
            "PresentationType": "",
        },
        {
            "odata.type": "Cbs.OData.GeoDimension",
            "ID": 2,
            "Position": 2,
            "ParentID": None,
            "Type": "GeoDimension",
            "Key": "RegioS",
            "Title": "Regio's",
            "Description": "",
            "MapYear": None,
        },
    ]
    if perioden:
        props.append(
            {
                "odata.type": "Cbs.OData.TimeDimension",
                "ID": 3,
                "Position": 3,
                "ParentID": None,
                "Type": "TimeDimension",
                "Key": "Perioden",
                "Title": "Perioden",
                "Description": "",
            }
        )
    for k in kolommen:
        props.append(
            {
                "odata.type": "Cbs.OData.Topic",
                "ID": len(props),
                "Position": len(props),
                "ParentID": None,
                "Type": "Topic",
                "Key": sleutel[k],
                "Title": titel_van_sleutel(k),
                "Description": None,
                "Datatype": "Double",
                "Unit": "",
                "Decimals": 1,
                "Default": "Missing",
                "PresentationType": "",
            }
        )
    rijen = []
    for r in export:
        rij = {
            "ID": len(rijen),
            "Leeftijd": leeftijden[r["Leeftijd"]],
            "Marges": GM_MARGES[r["Marges"]],
            "RegioS": GM_REGIO[r["RegioS"].strip()],
        }
        if perioden:
            rij["Perioden"] = f"{r['Perioden']}JJ00"
        for k in kolommen:
            rij[sleutel[k]] = float(r[k]) if r[k].strip() else None
        rijen.append(rij)
    jaar = titel[-4:]
    info = {
        "ID": 0,
        "Title": titel,
        "ShortTitle": titel,
        "Identifier": tabel,
        "Summary": "",
        "Modified": "2000-01-01T00:00:00",
        "ReasonDelivery": "",
        "ExplanatoryText": "",
        "Language": "nl",
        "Catalog": "CBS",
        "Frequency": "",
        "Period": jaar,
        "ShortDescription": "Testopname uit de StatLine-export; Modified is een vaste testwaarde (niet in de export).",
        "Description": "",
        "DefaultPresentation": "",
        "DefaultSelection": "",
        "GraphTypes": "Table",
        "OutputStatus": "Regulier",
        "Source": "CBS",
        "MetaDataModified": "2000-01-01T00:00:00",
        "SearchPriority": "1",
    }
    doel = MAP / "opendata" / tabel
    schrijf(doel / "TableInfos.json", [info])
    schrijf(doel / "DataProperties.json", props)
    schrijf(doel / "CategoryGroups.json", [])
    schrijf(
        doel / "Leeftijd.json",
        [{"Key": c, "Title": t, "Description": None, "CategoryGroupID": None} for t, c in leeftijden.items()],
    )
    schrijf(
        doel / "Marges.json",
        [{"Key": c, "Title": t, "Description": None, "CategoryGroupID": None} for t, c in GM_MARGES.items()],
    )
    schrijf(
        doel / "RegioS.json",
        [
            {
                "Key": c,
                "Title": n.replace(" (GG)", "").replace(" (PV)", ""),
                "Description": None,
                "CategoryGroupID": None,
            }
            for n, c in GM_REGIO.items()
        ],
    )
    if perioden:
        schrijf(doel / "Perioden.json", [{"Key": f"{jaar}JJ00", "Title": jaar, "Description": None, "Status": None}])
    schrijf(doel / "TypedDataSet.json", rijen)


# 2022: 85563NED. Geen volledige export in de referentie; wel de 32 cijfers (Nederland en de drie GGD-regio's,
# 18 jaar of ouder, zonder intervallen) die found_2026-12.csv uit een CBS-export van deze tabel las. De opname bevat
# precies die cijfers; de kolomnamen zijn aangenomen (die van 85012NED, en PsychischeKlachten voor de MHI-5-kolom).
GM_2022_KOLOMMEN = {
    "ervaren gezondheid (zeer) goed": "ErvarenGezondheidGoedZeerGoed",
    "psychische klachten (MHI-5 <= 60)": "PsychischeKlachten",
    "een of meer langdurige aandoeningen": "EenOfMeerLangdurigeAandoeningen",
    "voldoet aan beweegrichtlijn": "VoldoetAanBeweegrichtlijn",
    "wekelijkse sporters": "WekelijksSporter",
    "rokers": "Rokers",
    "voldoet aan richtlijn alcoholgebruik": "VoldoetAanRichtlijnAlcoholgebruik",
    "overmatige drinkers": "OvermatigDrinker",
}


def maak_gezondheidsmonitor_2022() -> None:
    tabel, titel = "85563NED", "Gezondheidsmonitor; bevolking 18 jaar of ouder, regio, 2022"
    with open(REFERENTIE_MAP / "found_2026-12.csv", newline="", encoding="utf-8") as f:
        gelezen = [r for r in csv.DictReader(f) if "85563NED" in r["bron"]]
    namen = {
        "NL01": "Nederland",
        "GG1009": "GGD IJsselland",
        "GG1413": "GGD Noord- en Oost-Gelderland",
        "GG2209": "GGD Flevoland",
    }
    kolommen = list(GM_2022_KOLOMMEN.values())
    sleutel = {k: f"{k}_{i + 1}" for i, k in enumerate(kolommen)}
    rijen: dict[str, dict] = {}
    for r in gelezen:
        assert r["leeftijd"] == "18+" and r["peiljaar"] == "2022", r
        rij = rijen.setdefault(
            r["regio_code"], {"ID": len(rijen), "Leeftijd": "10000", "Marges": "MW00000", "RegioS": r["regio_code"]}
        )
        rij[sleutel[GM_2022_KOLOMMEN[r["indicator"]]]] = float(r["waarde"])
    props = [
        {
            "odata.type": "Cbs.OData.Dimension",
            "ID": 0,
            "Position": 0,
            "ParentID": None,
            "Type": "Dimension",
            "Key": "Leeftijd",
            "Title": "Leeftijd",
            "Description": "",
            "Default": "Impossible",
            "PresentationType": "",
        },
        {
            "odata.type": "Cbs.OData.Dimension",
            "ID": 1,
            "Position": 1,
            "ParentID": None,
            "Type": "Dimension",
            "Key": "Marges",
            "Title": "Marges",
            "Description": "",
            "Default": "Impossible",
            "PresentationType": "",
        },
        {
            "odata.type": "Cbs.OData.GeoDimension",
            "ID": 2,
            "Position": 2,
            "ParentID": None,
            "Type": "GeoDimension",
            "Key": "RegioS",
            "Title": "Regio's",
            "Description": "",
            "MapYear": None,
        },
    ] + [
        {
            "odata.type": "Cbs.OData.Topic",
            "ID": 3 + i,
            "Position": 3 + i,
            "ParentID": None,
            "Type": "Topic",
            "Key": sleutel[k],
            "Title": titel_van_sleutel(k),
            "Description": None,
            "Datatype": "Double",
            "Unit": "%",
            "Decimals": 1,
            "Default": "Missing",
            "PresentationType": "",
        }
        for i, k in enumerate(kolommen)
    ]
    info = {
        "ID": 0,
        "Title": titel,
        "ShortTitle": titel,
        "Identifier": tabel,
        "Summary": "",
        "Modified": "2000-01-01T00:00:00",
        "ReasonDelivery": "",
        "ExplanatoryText": "",
        "Language": "nl",
        "Catalog": "CBS",
        "Frequency": "",
        "Period": "2022",
        "ShortDescription": "Testopname met de cijfers uit found_2026-12.csv; Modified is een vaste testwaarde.",
        "Description": "",
        "DefaultPresentation": "",
        "DefaultSelection": "",
        "GraphTypes": "Table",
        "OutputStatus": "Regulier",
        "Source": "CBS",
        "MetaDataModified": "2000-01-01T00:00:00",
        "SearchPriority": "1",
    }
    doel = MAP / "opendata" / tabel
    schrijf(doel / "TableInfos.json", [info])
    schrijf(doel / "DataProperties.json", props)
    schrijf(doel / "CategoryGroups.json", [])
    schrijf(doel / "Leeftijd.json", [{"Key": "10000", "Title": "Totaal", "Description": None, "CategoryGroupID": None}])
    schrijf(doel / "Marges.json", [{"Key": "MW00000", "Title": "Waarde", "Description": None, "CategoryGroupID": None}])
    schrijf(
        doel / "RegioS.json",
        [{"Key": c, "Title": n, "Description": None, "CategoryGroupID": None} for c, n in namen.items()],
    )
    schrijf(doel / "TypedDataSet.json", list(rijen.values()))


def maak_catalogi() -> None:
    """De catalogus: v3 ODataCatalog/Tables en v4 Datasets, met de opgenomen tabellen en de Kerncijfers-jaargangen
    die de referentie noemt (cbs_open_data.md §1a); 86165NED (2025) is er, zodat de controle hem als nieuwer meldt."""
    tabellen = []
    for catalogus in ("opendata",):
        for p in sorted((MAP / catalogus).iterdir()):
            if p.is_dir():
                info = lees(p / "TableInfos.json")[0]
                tabellen.append(
                    {"Identifier": info["Identifier"], "Title": info["Title"], "Modified": info["Modified"]}
                )
    tabellen.append(
        {"Identifier": "86165NED", "Title": "Kerncijfers wijken en buurten 2025", "Modified": "2025-10-31T02:00:00"}
    )
    schrijf(
        MAP / "opendata" / "Tables.json",
        [dict(t, ShortTitle=t["Title"], Catalog="CBS", Language="nl") for t in tabellen],
    )
    schrijf(
        MAP / "datasets" / "Datasets.json",
        [
            {
                "Identifier": t["Identifier"],
                "Title": t["Title"],
                "Catalog": "CBS",
                "Language": "nl",
                "Status": "Regulier",
                "Modified": t["Modified"] + "+01:00",
            }
            for t in tabellen
        ],
    )


def alles() -> None:
    maak_kwb("85984NED", 2024, None)
    maak_kwb("85318NED", 2022, SUFFIX_2022)
    maak_rivm()
    for args in GM_TABELLEN:
        maak_gezondheidsmonitor(*args)
    maak_gezondheidsmonitor_2022()
    for tabel in ("85984NED", "85318NED"):
        maak_v4("opendata", tabel, V4_KWB_CODES)
    for tabel in [t for _, t, *_ in GM_TABELLEN] + ["85563NED"]:
        maak_v4("opendata", tabel)
    maak_catalogi()


if __name__ == "__main__":
    alles()
    print("fixtures geschreven in", MAP)
