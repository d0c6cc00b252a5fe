"""De raadsrapportage als PDF: typst (kompas/rapport/rapport.typ) zet de tekst, vl-convert maakt van elke
trendgrafiek een SVG (vector). De grafiek is die van de Kaderspagina: `grafieken.trend` met
`grafieken.weergave_spec` (Nederlandse getalnotatie), dezelfde opties als pages/kaders.py.

De inhoud gaat als één JSON-tekst naar typst (`sys.inputs`), grafieken als SVG-tekst daarin: geen tijdelijke
bestanden. Tekst uit de database wordt in typst als tekst getoond, nooit als opmaak gelezen.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from kompas import grafieken, opmaak, teksten
from kompas.rapport.inhoud import (
    TITEL,
    Indicator,
    Inhoud,
    document_bron,
    doel_status,
    indicator_status,
    laatste,
    nulmeting_bron,
    streefwaarden,
    telling,
)
from kompas.status import STATUSSEN

SJABLOON = Path(__file__).with_name("rapport.typ")
# de breedte van een grafiek in px (Vega); op de pagina schaalt typst haar naar de tekstbreedte
GRAFIEKBREEDTE = 560
# lettertypen: Liberation Sans (metrisch gelijk aan Arial) of DejaVu Sans, beide Debian-pakketten die met chromium
# meekomen; anders valt typst terug op zijn eigen ingebouwde lettertypen
LETTERS = "Liberation Sans, DejaVu Sans, sans-serif"


def grafiek_svg(inhoud: Inhoud, ind: Indicator) -> str | None:
    """De trendgrafiek als SVG, of None als er geen enkel cijfer is (zoals de pagina dan geen grafiek toont)."""
    if ind.reeks.is_empty() or ind.reeks["waarde"].drop_nulls().is_empty():
        return None
    import vl_convert

    spec = grafieken.weergave_spec(
        grafieken.trend(ind.reeks, **grafieken.kaderindicator_opties(ind.rij, inhoud.gemeente))
    )
    spec["width"] = GRAFIEKBREEDTE  # op de pagina: width="stretch"; hier de breedte van het papier
    spec.setdefault("config", {})["font"] = LETTERS
    return vl_convert.vegalite_to_svg(spec)


def alt_tekst(inhoud: Inhoud, ind: Indicator) -> str:
    """Wat de grafiek toont, voor een schermlezer: indicator, regio's, jaren, eenheid, nulmeting, streefwaarde."""
    rij, reeks = ind.rij, ind.reeks.filter(ind.reeks["waarde"].is_not_null())
    regios = teksten.opsomming(reeks["regio_naam"].unique(maintain_order=True).to_list())
    jaren = sorted(reeks["peiljaar"].unique().to_list())
    periode = str(jaren[0]) if len(jaren) == 1 else f"{jaren[0]} tot en met {jaren[-1]}"
    delen = [f"Grafiek: {rij['indicator_naam']} ({rij['eenheid']}) per peiljaar, {periode}, voor {regios}"]
    if inhoud.gemeente not in reeks["regio_naam"].to_list():
        delen.append(f"geen gegevens voor {inhoud.gemeente}")
    if rij["nulmeting_waarde"] is not None and rij["nulmeting_jaar"]:
        delen.append(f"met de nulmeting {rij['nulmeting_jaar']}")
    if rij["streefwaarden"]:
        delen.append("met de streefwaarde(n)")
    return ", ".join(delen) + ". De cijfers staan in de tabel onder de grafiek."


def _indicator(inhoud: Inhoud, ind: Indicator) -> dict:
    rij = ind.rij
    uit = {
        "omschrijving": rij["omschrijving"],
        "gekoppeld": rij["indicator_code"] is not None,
        "naam": rij["indicator_naam"] or "geen meetbare indicator gekoppeld",
        "eenheid": teksten.eenheid_tekst(rij) or "–",
        "leeftijd": rij["leeftijd"] if rij["indicator_code"] else "–",
        "status": rij["status"] or STATUSSEN[-1],
        "status_tekst": indicator_status(rij),
        "nulmeting": teksten.nulmeting_tekst(rij),
        "nulmeting_bron": nulmeting_bron(rij),
        "streefwaarden": [{k: ("–" if v is None else str(v)) for k, v in s.items()} for s in streefwaarden(rij)],
        "laatste": laatste(rij, ind.reeks, inhoud.ggd_regio),
        "bron_genoemd": rij["bron_genoemd"] or "–",
        "document": document_bron(rij),
        "toelichting": rij["toelichting"] or "",
        "grafiek": None,
        "alt": None,
        "tabel": None,
        "bronnen": ind.bronnen,
        "geen_gegevens": None,
    }
    if not rij["indicator_code"]:
        uit["geen_gegevens"] = "Geen gegevens: geen meetbare indicator gekoppeld."
        return uit
    if ind.reeks.filter(ind.reeks["regio_code"] == inhoud.gemeente_code)["waarde"].drop_nulls().is_empty():
        uit["geen_gegevens"] = f"Geen gegevens voor {inhoud.gemeente}. " + teksten.hoe_aanvullen(rij["indicator_soort"])
    svg = grafiek_svg(inhoud, ind)
    if svg:
        uit["grafiek"], uit["alt"] = svg, alt_tekst(inhoud, ind)
    if not ind.tabel.is_empty():
        uit["tabel"] = {
            "kolommen": ind.tabel.columns,
            "rijen": [[str(w) if w is not None else "–" for w in r] for r in ind.tabel.iter_rows()],
        }
    return uit


def _moment(waarde: dt.datetime | None) -> str:
    """'23-11-2026 14:05', of alleen de datum als er geen tijd bij is (ingebedde bronnen: middernacht)."""
    if waarde is None:
        return "–"
    return opmaak.moment(waarde.date() if waarde.time() == dt.time() else waarde)


def _versie(inhoud: Inhoud) -> list[dict]:
    """De gegevensversie voor het voorblad: per uitgever hoeveel bronnen, welke tabellen en wanneer opgehaald of
    geüpload (de eerste en de laatste keer)."""
    uit = []
    for (uitgever,), groep in inhoud.bronnen.group_by("bron", maintain_order=True):
        momenten = groep["opgehaald_op"].drop_nulls()
        eerste, laatste = (_moment(momenten.min()), _moment(momenten.max())) if len(momenten) else ("–", "–")
        uit.append(
            {
                "uitgever": uitgever or "–",
                "aantal": str(groep.height),
                "tabellen": ", ".join(groep["tabel_id"].drop_nulls().unique(maintain_order=True).to_list()) or "–",
                "opgehaald": eerste if eerste == laatste else f"{eerste} tot {laatste}",
            }
        )
    return uit


def gegevens_json(inhoud: Inhoud) -> dict:
    """Alles wat het typst-sjabloon toont, als gewone tekst (Nederlandse getallen en datums al opgemaakt)."""
    bronnen = [
        {
            "uitgever": b["bron"] or "–",
            "tabel": b["tabel_id"] or "–",
            "titel": b["titel"] or "–",
            "adres": b["adres"] or "–",
            "gelezen_in": b["gelezen_in"] or "",
            "periode": b["periode"] or "–",
            "opgehaald": _moment(b["opgehaald_op"]),
            "licentie": b["licentie"] or "–",
            "herkomst_soort": b["herkomst_soort"] or "–",
        }
        for b in inhoud.bronnen.iter_rows(named=True)
    ]
    return {
        "titel": inhoud.titel,
        "versie": _versie(inhoud),
        "rapporttitel": TITEL,
        "gemeente": inhoud.gemeente,
        "gemeente_code": inhoud.gemeente_code,
        "ggd_regio": inhoud.ggd_regio or "–",
        "gemaakt": f"{opmaak.datum(inhoud.gemaakt)}, {inhoud.gemaakt:%H:%M}",
        "keuze": inhoud.keuze,
        "statussen": list(STATUSSEN),
        "samenvatting": [
            {
                "kader": k.rij["kader_naam"],
                "niveau": k.rij["kader_niveau"],
                "document": k.rij["document"],
                "telling": [telling(k)[s] for s in STATUSSEN],
                "doelen": len(k.doelen),
            }
            for k in inhoud.kaders
        ],
        "kaders": [
            {
                "naam": k.rij["kader_naam"],
                "niveau": k.rij["kader_niveau"].capitalize(),
                "document": k.rij["document"],
                "looptijd": teksten.looptijd_tekst(k.rij["geldig_van"], k.rij["geldig_tot"], inhoud.gemaakt.year),
                "omschrijving": k.rij["kader_omschrijving"] or "",
                "doelen": [
                    {
                        "naam": d.rij["doel_naam"],
                        "status": d.rij["doel_status"] or STATUSSEN[-1],
                        "status_tekst": doel_status(d),
                        "indicatoren": [_indicator(inhoud, i) for i in d.indicatoren],
                    }
                    for d in k.doelen
                ],
            }
            for k in inhoud.kaders
        ],
        "bronnen": bronnen,
    }


def als_pdf(inhoud: Inhoud) -> bytes:
    """Het rapport als PDF (A4 staand, getagd volgens PDF/UA-1, taal nl)."""
    import typst

    data = json.dumps(gegevens_json(inhoud), ensure_ascii=False)
    gemaakt = inhoud.gemaakt.replace(microsecond=0)
    gemaakt = gemaakt.astimezone(dt.timezone(gemaakt.utcoffset() or dt.timedelta()))  # typst: een vaste offset
    return typst.compile(str(SJABLOON), sys_inputs={"gegevens": data}, pdf_standards=["ua-1"], timestamp=gemaakt)
