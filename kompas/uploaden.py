"""Wat de uploadpagina met een bestand doet: controleren, voorbeeld, vastleggen en intrekken.

Een dunne laag tussen pages/upload.py en loaders.excel (dat controleert en schrijft), zodat de pagina alleen
toont: de controle en het voorbeeld lezen met de gedeelde leesverbinding (kompas.lezen), de rol beperkt alles
tot de eigen gemeenten (kompas.toegang), en na een schrijfactie gaan de gecachte gegevens weg, zodat elke pagina
de nieuwe cijfers toont.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from kompas import lezen
from kompas.toegang import Rol
from loaders import excel
from loaders.excel import UploadGeweigerd, Validatie, Voorbeeld

if TYPE_CHECKING:
    import polars as pl

__all__ = [
    "UploadGeweigerd",
    "Validatie",
    "Voorbeeld",
    "bereid_voor",
    "controleer",
    "voorbeeld",
    "leg_vast",
    "trek_in",
    "intrekbare",
]


def bereid_voor() -> None:
    """Zet het werkproces voor de volgende controle alvast klaar (loaders.excel.warm_werkproces)."""
    excel.warm_werkproces()


def controleer(data: bytes, bestandsnaam: str, gemeente: str | None, rol: Rol) -> Validatie:
    """Het gecontroleerde bestand; UploadGeweigerd (met meldingen) als het niet klopt of als een rij over een
    gemeente gaat waarvoor `rol` niet mag uploaden. `gemeente`: voor werkbladen zonder kolom gemeente."""
    try:
        validatie = excel.valideer(data, bestandsnaam, con=lezen.cursor(), gemeente=gemeente)
    finally:
        bereid_voor()  # voor het volgende bestand
    excel.controleer_gemeenten(validatie, rol.gemeenten)
    return validatie


def voorbeeld(validatie: Validatie) -> list[Voorbeeld]:
    """Per werkblad wat vastleggen verandert (nieuw, gewijzigd, ongewijzigd, vervalt)."""
    return excel.voorbeeld(validatie, con=lezen.cursor())


def leg_vast(validatie: Validatie, rol: Rol) -> list[int]:
    """Legt het bestand vast in één transactie, door en voor `rol`; geeft de upload_id's."""
    ids = excel.leg_vast(validatie, door=rol.door, gemeenten=rol.gemeenten)
    st.cache_data.clear()
    return ids


def trek_in(upload_id: int, rol: Rol) -> int | None:
    """Trekt een upload in (door en voor `rol`); geeft de upload die weer geldt, of None."""
    vorige = excel.trek_in(upload_id, door=rol.door, gemeenten=rol.gemeenten)
    st.cache_data.clear()
    return vorige


def intrekbare(uploads: pl.DataFrame, rol: Rol) -> dict[int, dict]:
    """De geldende uploads (rijen van lezen.uploads) die `rol` mag intrekken, op upload_id."""
    return {
        u["upload_id"]: u
        for u in uploads.iter_rows(named=True)
        if u["geldend"] and rol.mag(u["gemeente_code"].split(","))
    }
