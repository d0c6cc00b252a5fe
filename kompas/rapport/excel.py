"""De raadsrapportage als Excel-bestand: een samenvatting, één werkblad per kader en een werkblad met de bronnen.

Dezelfde inhoud als de PDF (kompas.rapport.inhoud), als tabellen: per kaderindicator elke waarde van de gemeente,
haar GGD-regio en Nederland als rij, met echte getal- en datumcellen, de eenheid, elk getal met de decimalen van
zijn eigen cijfer (zoveel als de bron publiceerde, nooit meer dan de indicator), filters en kolombreedtes. Het schrijven zelf is dat van elke download (kompas.tabellen.als_xlsx_bladen:
tekst blijft tekst, nooit een formule).
"""

from __future__ import annotations

import polars as pl

from kompas import tabellen, teksten
from kompas.rapport.inhoud import (
    Indicator,
    Inhoud,
    doel_status,
    indicator_status,
    nulmeting_bron,
    streefwaarden,
    telling,
)
from kompas.status import STATUSSEN

# per getalkolom de kolom met de decimalen van haar cijfer in elke rij (`per_rij` van kompas.tabellen.als_xlsx_bladen):
# de waarde en haar interval zoveel als de bron publiceerde, Nederland de zijne, het verschil de kleinste van de twee
# (marts/05, kompas.teksten); deze kolommen komen niet in het bestand
_DECIMALEN = {
    "Nulmeting": "decimalen nulmeting",
    "Waarde": "decimalen waarde",
    "Ondergrens 95%": "decimalen waarde",
    "Bovengrens 95%": "decimalen waarde",
    "Nederland": "decimalen Nederland",
    "Verschil met Nederland": "decimalen verschil",
}

KADERKOLOMMEN = {
    "Kader": pl.String,
    "Document": pl.String,
    "Doel": pl.String,
    "Status doel": pl.String,
    "Indicator (eigen formulering)": pl.String,
    "Indicator": pl.String,
    "Leeftijd": pl.String,
    "Eenheid": pl.String,
    "Status": pl.String,
    "Nulmeting (zoals geschreven)": pl.String,
    "Nulmeting": pl.Float64,
    "Nulmeting jaar": pl.Int32,
    "Bron nulmeting": pl.String,
    "Streefwaarden (zoals geschreven)": pl.String,
    "Streefwaarden (zo gelezen)": pl.String,
    "Regio": pl.String,
    "Peiljaar": pl.Int32,
    "Peildatum": pl.Date,
    "Waarde": pl.Float64,
    "Ondergrens 95%": pl.Float64,
    "Bovengrens 95%": pl.Float64,
    "Nederland": pl.Float64,
    "Verschil met Nederland": pl.Float64,
    "Significantie": pl.String,
    "In de grafiek": pl.String,
    "Bron": pl.String,
    "Tabel": pl.String,
    "Opgehaald of geüpload": pl.Datetime("us"),
    **dict.fromkeys(_DECIMALEN.values(), pl.Int32),
}


def _indicator_rijen(inhoud: Inhoud, doel, ind: Indicator) -> list[dict]:
    r = ind.rij
    sw = streefwaarden(r)
    vast = {
        "Doel": doel.rij["doel_naam"],
        "Status doel": doel_status(doel),
        "Indicator (eigen formulering)": r["omschrijving"],
        "Indicator": r["indicator_naam"] or "geen meetbare indicator gekoppeld",
        "Leeftijd": r["leeftijd"] if r["indicator_code"] else None,
        "Eenheid": teksten.eenheid_tekst(r) or None,
        "Status": indicator_status(r),
        "Nulmeting (zoals geschreven)": teksten.nulmeting_tekst(r),
        "Nulmeting": r["nulmeting_waarde"],
        "Nulmeting jaar": r["nulmeting_jaar"],
        "Bron nulmeting": nulmeting_bron(r),
        "Streefwaarden (zoals geschreven)": teksten.streefwaarde_tekst(r["streefwaarden"]),
        "Streefwaarden (zo gelezen)": "; ".join((f"{s['jaar']}: " if s["jaar"] else "") + s["gelezen"] for s in sw)
        or "geen streefwaarde",
        **dict.fromkeys(_DECIMALEN.values(), r["decimalen"] or 0),  # zonder eigen cijfer: die van de indicator
        "decimalen nulmeting": teksten.nulmeting_decimalen(r),
    }
    waarden = ind.reeks.filter(pl.col("waarde").is_not_null()) if not ind.reeks.is_empty() else ind.reeks
    if waarden.is_empty():
        return [{**vast, "Regio": inhoud.gemeente, "Bron": "geen gegevens"}]
    return [
        {
            **vast,
            "Regio": w["regio_naam"],
            "Peiljaar": w["peiljaar"],
            "Peildatum": w["peildatum"],
            "Waarde": w["waarde"],
            "Ondergrens 95%": w["ondergrens"],
            "Bovengrens 95%": w["bovengrens"],
            "Nederland": w["landelijk_waarde"],
            "Verschil met Nederland": w["verschil_landelijk"],
            "Significantie": w["significantie"],
            "In de grafiek": teksten.grafiek_tekst(w),
            "Bron": (w["bron"] or "–") + (f" (berekend uit {w['berekend_uit']})" if w.get("berekend_uit") else ""),
            "Tabel": w["tabel_id"],
            "Opgehaald of geüpload": w["opgehaald_op"],
            "decimalen waarde": teksten.decimalen_van(w),
            "decimalen Nederland": teksten.decimalen_van(w, "landelijk_decimalen"),
            "decimalen verschil": teksten.verschil_decimalen(w),
        }
        for w in waarden.iter_rows(named=True)
    ]


def kader_tabel(inhoud: Inhoud, kader) -> pl.DataFrame:
    """Eén rij per waarde van elke kaderindicator van het kader; een indicator zonder cijfers krijgt één rij met
    een lege waarde en 'geen gegevens' als bron (nooit 0)."""
    rijen = []
    eigen = {"Kader": kader.rij["kader_naam"], "Document": kader.rij["document"]}
    for doel in kader.doelen:
        if not doel.indicatoren:
            rijen.append(
                {
                    **eigen,
                    "Doel": doel.rij["doel_naam"],
                    "Status doel": doel_status(doel),
                    "Indicator": "geen indicatoren",
                    "Bron": "geen gegevens",
                }
            )
        for ind in doel.indicatoren:
            rijen.extend({**eigen, **r} for r in _indicator_rijen(inhoud, doel, ind))
    return pl.DataFrame([{k: r.get(k) for k in KADERKOLOMMEN} for r in rijen], schema=KADERKOLOMMEN)


def samenvatting_tabel(inhoud: Inhoud) -> pl.DataFrame:
    rijen = [
        {
            "Gemeente": inhoud.gemeente,
            "Kader": k.rij["kader_naam"],
            "Niveau": k.rij["kader_niveau"],
            "Document": k.rij["document"],
            **{s: telling(k)[s] for s in STATUSSEN},
            "Doelen": len(k.doelen),
        }
        for k in inhoud.kaders
    ]
    return pl.DataFrame(
        rijen,
        schema={
            "Gemeente": pl.String,
            "Kader": pl.String,
            "Niveau": pl.String,
            "Document": pl.String,
            **dict.fromkeys(STATUSSEN, pl.Int64),
            "Doelen": pl.Int64,
        },
    )


def als_xlsx(inhoud: Inhoud) -> bytes:
    """Het rapport als .xlsx: 'Samenvatting', één blad per kader (de naam van het kader) en 'Bronnen'."""
    bladen = [("Samenvatting", samenvatting_tabel(inhoud), None)]
    for k in inhoud.kaders:
        tabel = kader_tabel(inhoud, k)
        per_rij = {kolom: tabel[verborgen].to_list() for kolom, verborgen in _DECIMALEN.items()}
        bladen.append((k.rij["kader_naam"], tabel.drop(set(_DECIMALEN.values())), None, per_rij))
    bladen.append(("Bronnen", tabellen.bronnen_tabel(inhoud.bronnen, als_tekst=False), None))
    return tabellen.als_xlsx_bladen(bladen)
