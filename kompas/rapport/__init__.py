"""Raadsrapportage: per gemeente en kader (of al haar kaders) een PDF- of Excel-rapport in de structuur van de
planning-en-controlcyclus, met de bron van elk cijfer.

    python -m kompas rapport GM0148 [--kader KADER_ID] --uit rapport.pdf   (of .xlsx)

Ook als downloadknoppen op de pagina Kaders. `inhoud` verzamelt (zelfde leesfuncties en statusregel als die
pagina), `pdf` en `excel` zetten het in vorm.
"""

from __future__ import annotations

import datetime as dt

import duckdb

from kompas.rapport.inhoud import Inhoud, RapportFout, verzamel

FORMATEN = {".pdf": "application/pdf", ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}

__all__ = ["FORMATEN", "Inhoud", "RapportFout", "bestandsnaam", "maak", "verzamel"]


def maak(
    cur: duckdb.DuckDBPyConnection,
    gemeente_code: str,
    kader_id: str | None = None,
    formaat: str = ".pdf",
    gemaakt: dt.datetime | None = None,
) -> bytes:
    """Het rapport als bytes; `formaat` is '.pdf' of '.xlsx'. RapportFout (Nederlands) bij een onbekende gemeente
    of kader."""
    if formaat not in FORMATEN:
        raise RapportFout(f"Onbekend formaat '{formaat}': kies .pdf of .xlsx.")
    inhoud = verzamel(cur, gemeente_code, kader_id, gemaakt)
    if formaat == ".pdf":
        from kompas.rapport.pdf import als_pdf

        return als_pdf(inhoud)
    from kompas.rapport.excel import als_xlsx

    return als_xlsx(inhoud)


def bestandsnaam(gemeente: str, kader_id: str | None, formaat: str) -> str:
    """'raadsrapportage-dalfsen.pdf', 'raadsrapportage-GM0303-bestaanszekerheid.xlsx'."""
    import re

    deel = kader_id or gemeente
    return "raadsrapportage-" + re.sub(r"[^A-Za-z0-9._-]+", "-", deel).strip("-").lower() + formaat
