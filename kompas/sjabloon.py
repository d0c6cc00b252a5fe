"""Het Excel-sjabloon voor uploads (openpyxl), met de geldige codes uit de database en gegevensvalidatie.

Tekst gaat via kompas.tabellen.xlsx_rij: altijd tekst, nooit een formule."""

from __future__ import annotations

import datetime as dt
import io
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from kompas.tabellen import xlsx_rij

if TYPE_CHECKING:
    import polars as pl

WAARDEN_KOLOMMEN = ["gemeente", "indicator", "peiljaar", "waarde", "eenheid", "bron", "toelichting"]
STREEF_KOLOMMEN = ["gemeente", "indicator", "jaar", "streefwaarde", "nulmeting_jaar", "nulmeting_waarde", "toelichting"]
MAX_INVULRIJ = 5000


def _kop(ws, kolommen: list[str], breedtes: list[int]) -> None:
    xlsx_rij(ws, 1, kolommen)
    for cel, breedte in zip(ws[1], breedtes):
        cel.font = Font(bold=True, color="FFFFFF")
        cel.fill = PatternFill("solid", fgColor="1F4E79")
        ws.column_dimensions[cel.column_letter].width = breedte
    ws.freeze_panes = "A2"


def _lijst(ws, formule: str, bereik: str, titel: str) -> None:
    dv = DataValidation(
        type="list",
        formula1=formule,
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=titel,
        error=f"Kies een {titel.lower()} uit de lijst (werkblad Codes).",
    )
    dv.add(bereik)
    ws.add_data_validation(dv)


def _jaar(ws, bereik: str, van: int, tot: int) -> None:
    dv = DataValidation(
        type="whole",
        operator="between",
        formula1=str(van),
        formula2=str(tot),
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Jaartal",
        error=f"Een jaartal van {van} tot en met {tot}.",
    )
    dv.add(bereik)
    ws.add_data_validation(dv)


def _getal(ws, bereik: str, titel: str, fout: str) -> None:
    dv = DataValidation(
        type="decimal",
        operator="between",
        formula1="-1000000000",
        formula2="1000000000",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=titel,
        error=fout,
    )
    dv.add(bereik)
    ws.add_data_validation(dv)


def maak_sjabloon(gemeenten: pl.DataFrame, indicatoren: pl.DataFrame) -> bytes:
    """Het sjabloon als .xlsx-bytes: werkbladen Waarden, Streefwaarden en Codes.

    `gemeenten` en `indicatoren`: wat kompas.gegevens.gemeenten en .indicatoren geven (op de pagina de gecachte
    leesfuncties van kompas.lezen); het werkblad Codes noemt ze op volgorde, de indicatoren per thema en code.
    """
    gemeenten = gemeenten.select("regio_code", "regio_naam").rows()
    indicatoren = indicatoren.sort("thema", "indicator_code").select("indicator_code", "naam", "eenheid").rows()
    dit_jaar = dt.date.today().year
    n = MAX_INVULRIJ + 1

    wb = Workbook()
    waarden = wb.active
    waarden.title = "Waarden"
    _kop(waarden, WAARDEN_KOLOMMEN, [12, 38, 10, 12, 24, 28, 40])
    streef = wb.create_sheet("Streefwaarden")
    _kop(streef, STREEF_KOLOMMEN, [12, 38, 10, 22, 16, 18, 40])
    codes = wb.create_sheet("Codes")
    xlsx_rij(codes, 1, ["gemeentecode", "gemeente", None, "indicatorcode", "indicator", "eenheid"])
    for cel in codes[1]:
        cel.font = Font(bold=True)
    for i in range(max(len(gemeenten), len(indicatoren))):
        g = gemeenten[i] if i < len(gemeenten) else (None, None)
        ind = indicatoren[i] if i < len(indicatoren) else (None, None, None)
        xlsx_rij(codes, i + 2, [g[0], g[1], None, ind[0], ind[1], ind[2]])
    for kolom, breedte in zip("ABCDEF", [14, 16, 3, 38, 60, 30]):
        codes.column_dimensions[kolom].width = breedte
    gem_lijst = f"Codes!$A$2:$A${len(gemeenten) + 1}"
    ind_lijst = f"Codes!$D$2:$D${len(indicatoren) + 1}"

    for ws in (waarden, streef):
        _lijst(ws, gem_lijst, f"A2:A{n}", "Gemeente")
        _lijst(ws, ind_lijst, f"B2:B{n}", "Indicator")
    _jaar(waarden, f"C2:C{n}", 1990, dit_jaar)
    _getal(waarden, f"D2:D{n}", "Waarde", "Alleen een getal, bijvoorbeeld 12,5. Een percentage als 26 of 26%.")
    _jaar(streef, f"C2:C{n}", 2000, dit_jaar + 10)
    _jaar(streef, f"E2:E{n}", 1990, dit_jaar)
    _getal(streef, f"F2:F{n}", "Nulmeting", "Alleen een getal.")
    streef["D1"].comment = None
    uit = io.BytesIO()
    wb.save(uit)
    return uit.getvalue()
