"""Verzonnen landelijke Kerncijfers voor de tests: veel gemeenten en wijken op de lokale OData v3-server.

    with ODataServer("opendata") as s:
        land = serveer_gemeenten(s, 342, n_wijken=3300, waarden={"GM9001": {"AantalInwoners_5": 30000}})

Alles hier is VERZONNEN en bestaat alleen in de tests: de gemeenten GM9001... heten "Verzonnen gemeente 001", hun
wijken "Verzonnen wijk 50", en hun cijfers zijn rekenwerk op de opgenomen rij van Dalfsen (tests/odata/opendata/
85984NED). De opgenomen rijen (Nederland, Groningen, de drie focusgemeenten, de wijk en buurt van Dalfsen) blijven
zoals ze zijn. De vorm is die van de echte tabel: opgevulde sleutels ('GM9001    '), de codelijst WijkenEnBuurten met
Title en Municipality, en de kolom IndelingswijzigingGemeenteWijkBuurt_4 ('1'; '3' voor `afbakening_gewijzigd`).

`serveer_gemeenten` zet de antwoorden in `server.vervang`; `waarden` kiest per regiocode de cijfers (CBS-sleutels als
'AantalInwoners_5'; None of '.' is een ontbrekend cijfer), bijvoorbeeld om een mediaan met de hand na te rekenen.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

TABEL = "85984NED"
INDELING = "IndelingswijzigingGemeenteWijkBuurt_4"
EERSTE_CODE = 9001  # GM9001 ...: geen code die CBS gebruikt, en de naam zegt dat ze verzonnen is
EERSTE_WIJK = 50  # WK<gemeente>50 ...: niet de wijkcodes uit data/regio.csv (01 ... 07)
REGIOKOLOMMEN = ("ID", "WijkenEnBuurten", "Gemeentenaam_1", "SoortRegio_2", "Codering_3", INDELING)


@dataclass
class Landelijk:
    """Wat de server nu serveert (onze codes, zonder opvulling)."""

    gemeenten: dict[str, str] = field(default_factory=dict)  # code -> naam, alle gemeenten in de codelijst
    wijken: dict[str, tuple[str, str]] = field(default_factory=dict)  # code -> (naam in de codelijst, gemeentecode)
    rijen: list[dict] = field(default_factory=list)  # de TypedDataSet

    def waarde(self, code: str, kolom: str):
        return next(r[kolom] for r in self.rijen if r["WijkenEnBuurten"].strip() == code)


def _sleutel(code: str) -> str:
    return code.ljust(10)


def _verzonnen(sjabloon: dict, i: int, schaal: float) -> dict:
    """Cijfers voor regio nr. i: die van het sjabloon, vermenigvuldigd met een factor tussen 0,5 en 1,5 (verzonnen)."""
    uit = {}
    for kolom, waarde in sjabloon.items():
        if kolom in REGIOKOLOMMEN or not isinstance(waarde, (int, float)) or isinstance(waarde, bool):
            continue
        factor = 0.5 + (i % 11) / 10
        if kolom.startswith(("AantalInwoners", "HuishoudensTotaal")):
            uit[kolom] = int(round(waarde * schaal * (0.2 + (i % 37) / 6)))
        elif isinstance(waarde, int):
            uit[kolom] = int(round(waarde * factor * schaal))
        else:
            uit[kolom] = round(waarde * factor, 1)
    return uit


def serveer_gemeenten(
    server,
    n_gemeenten: int = 342,
    *,
    n_wijken: int = 0,
    waarden: Mapping[str, Mapping[str, object]] | None = None,
    afbakening_gewijzigd: tuple[str, ...] = (),
    tabel: str = TABEL,
) -> Landelijk:
    """Laat `server` (een `ODataServer('opendata')`) de Kerncijfers `tabel` serveren voor `n_gemeenten` gemeenten
    (de opgenomen gemeenten plus verzonnen GM9001 ...) en `n_wijken` verzonnen wijken, verdeeld over alle gemeenten
    (ook de focusgemeenten; hooguit 50 per gemeente, nummers 50 ... 99). Geeft wat er geserveerd wordt."""
    waarden = waarden or {}
    opgenomen = [dict(r) for r in server.lijst(tabel, "TypedDataSet")]
    codelijst = [dict(c) for c in server.lijst(tabel, "WijkenEnBuurten")]
    eigenschappen = [dict(p) for p in server.lijst(tabel, "DataProperties")]
    sjabloon = next(r for r in opgenomen if r["WijkenEnBuurten"].strip() == "GM0148")
    land = Landelijk()
    for c in codelijst:
        code = c["Key"].strip()
        if code.startswith("GM"):
            land.gemeenten[code] = c["Title"]
        elif code.startswith("WK"):
            land.wijken[code] = (c["Title"], f"GM{code[2:6]}")
    nieuw_gemeenten = [f"GM{EERSTE_CODE + i}" for i in range(max(0, n_gemeenten - len(land.gemeenten)))]
    for i, code in enumerate(nieuw_gemeenten, start=1):
        land.gemeenten[code] = f"Verzonnen gemeente {i:03d}"
    rijen = list(opgenomen)
    for i, code in enumerate(nieuw_gemeenten, start=1):
        naam = land.gemeenten[code]
        rijen.append(
            {
                "WijkenEnBuurten": _sleutel(code),
                "Gemeentenaam_1": naam.ljust(40),
                "SoortRegio_2": "Gemeente  ",
                "Codering_3": _sleutel(code),
                **_verzonnen(sjabloon, i, 1.0),
            }
        )
        codelijst.append(
            {"Key": _sleutel(code), "Title": naam, "Description": None, "Municipality": naam, "DetailRegionCode": code}
        )
    alle = list(land.gemeenten)
    per_gemeente: dict[str, int] = {}
    for j in range(n_wijken):
        gemeente = alle[j % len(alle)]
        nummer = per_gemeente.get(gemeente, EERSTE_WIJK - 1) + 1
        per_gemeente[gemeente] = nummer
        code = f"WK{gemeente[2:]}{nummer:02d}"
        naam = f"Verzonnen wijk {nummer:02d}"
        land.wijken[code] = (naam, gemeente)
        rijen.append(
            {
                "WijkenEnBuurten": _sleutel(code),
                "Gemeentenaam_1": land.gemeenten[gemeente].ljust(40),
                "SoortRegio_2": "Wijk      ",
                "Codering_3": _sleutel(code),
                **_verzonnen(sjabloon, j, 0.1),
            }
        )
        codelijst.append(
            {
                "Key": _sleutel(code),
                "Title": naam,
                "Description": None,
                "Municipality": land.gemeenten[gemeente],
                "DetailRegionCode": code,
            }
        )
    for i, rij in enumerate(rijen):
        code = rij["WijkenEnBuurten"].strip()
        rij["ID"] = i
        rij[INDELING] = "3         " if code in afbakening_gewijzigd else "1         "
        for kolom, waarde in waarden.get(code, {}).items():
            rij[kolom] = waarde
    if not any(p.get("Key") == INDELING for p in eigenschappen):
        plek = next(i for i, p in enumerate(eigenschappen) if p.get("Key") == "Codering_3") + 1
        eigenschappen.insert(
            plek,
            {
                "odata.type": "Cbs.OData.Topic",
                "ID": 5,
                "Position": 4,
                "ParentID": 1,
                "Type": "Topic",
                "Key": INDELING,
                "Title": "Indelingswijziging gemeente, wijk, buurt",
                "Description": "",
                "Datatype": "String",
                "Unit": "code",
                "Decimals": 0,
                "Default": "Impossible",
                "PresentationType": "",
            },
        )
    server.vervang[(tabel, "TypedDataSet")] = rijen
    server.vervang[(tabel, "WijkenEnBuurten")] = codelijst
    server.vervang[(tabel, "DataProperties")] = eigenschappen
    land.rijen = rijen
    return land
