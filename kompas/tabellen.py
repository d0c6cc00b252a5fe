"""Van gegevens naar wat een mens leest: Nederlandse tabellen en teksten voor de pagina's (zonder Streamlit)."""

from __future__ import annotations

import polars as pl

from kompas import opmaak

OORDEEL_TEKST = {
    "beter": "beter dan landelijk",
    "slechter": "slechter dan landelijk",
    "gelijk": "gelijk aan landelijk",
    "niet te zeggen": "niet te zeggen",
}
STATUS_ICOON = {"op koers": "🟢", "risico": "🟠", "niet op koers": "🔴", "geen gegevens": "⚪"}


def deel(frame: pl.DataFrame, **gelijk) -> pl.DataFrame:
    """De rijen van `frame` waarin elke genoemde kolom de gegeven waarde heeft; een waarde None filtert niet.

    Zo halen pagina's één indicator (en leeftijdsgroep) uit een resultaat dat voor meer indicatoren in één
    query is opgehaald.
    """
    for kolom, waarde in gelijk.items():
        if waarde is not None:
            frame = frame.filter(pl.col(kolom) == waarde)
    return frame


def hoe_aanvullen(indicator_soort: str | None, bron_tabel: str | None = None) -> str:
    """Waar een ontbrekend cijfer vandaan kan komen."""
    if indicator_soort == "eigen registratie":
        return "Vul aan met een Excel-export uit de eigen registratie (pagina Cijfers uploaden)."
    tabel = f" ({bron_tabel})" if bron_tabel else ""
    return (
        f"Haal op bij CBS/RIVM{tabel} met de opdracht 'python -m loaders refresh', "
        "of upload het cijfer uit de eigen registratie (pagina Cijfers uploaden)."
    )


def waarde_tekst(rij: dict) -> str:
    return opmaak.met_eenheid(rij.get("waarde"), rij["eenheid"], rij["decimalen"])


def interval_tekst(rij: dict, voorvoegsel: str = "") -> str:
    onder, boven = rij.get(f"{voorvoegsel}ondergrens"), rij.get(f"{voorvoegsel}bovengrens")
    if opmaak.leeg(onder) or opmaak.leeg(boven):
        return ""
    return f"{opmaak.getal(onder, rij['decimalen'])} – {opmaak.getal(boven, rij['decimalen'])}"


def kaart(rij: dict) -> dict:
    """Eén gemeente × kopindicator als tegel: waarde, verandering, kleur van de pijl en een toelichting."""
    if opmaak.leeg(rij.get("waarde")):
        return {"waarde": "geen gegevens", "delta": None, "delta_kleur": "off",
                "toelichting": hoe_aanvullen(rij.get("indicator_soort"))}
    delen = [f"Peiljaar {opmaak.peilmoment(rij['peiljaar'], rij.get('peildatum'))}"]
    if not opmaak.leeg(rij.get("landelijk_waarde")):
        delen.append("landelijk " + opmaak.met_eenheid(rij["landelijk_waarde"], rij["eenheid"], rij["decimalen"]))
        delen.append(OORDEEL_TEKST.get(rij.get("oordeel") or "niet te zeggen", "niet te zeggen"))
    else:
        delen.append("geen landelijke waarde voor hetzelfde jaar")
    delta = None
    if not opmaak.leeg(rij.get("verandering")):
        delta = f"{opmaak.verschil(rij['verandering'], rij['eenheid'], rij['decimalen'])} sinds {rij['vorige_peiljaar']}"
    kleur = {"hoger": "normal", "lager": "inverse"}.get(rij.get("goede_richting"), "off")
    kort = opmaak.getal(rij["waarde"], rij["decimalen"]) + ("%" if rij["eenheid"].startswith("%") else "")
    return {"waarde": kort, "delta": delta, "delta_kleur": kleur, "toelichting": "; ".join(delen)}


def overzicht_tabel(overzicht: pl.DataFrame) -> pl.DataFrame:
    """De tekstversie van het overzicht: één rij per kopindicator × gemeente."""
    rijen = []
    for r in overzicht.iter_rows(named=True):
        rijen.append({
            "Indicator": r["indicator_naam"],
            "Leeftijd": r["leeftijd"],
            "Gemeente": r["regio_naam"],
            "Peiljaar": opmaak.peilmoment(r["peiljaar"], r["peildatum"]) if not opmaak.leeg(r["waarde"]) else "–",
            "Waarde": waarde_tekst(r),
            "95%-interval": interval_tekst(r),
            "Landelijk": opmaak.met_eenheid(r["landelijk_waarde"], r["eenheid"], r["decimalen"])
            if not opmaak.leeg(r["landelijk_waarde"]) else "–",
            "Verschil": opmaak.verschil(r["verschil"], r["eenheid"], r["decimalen"]),
            "Significantie": r["significantie"] or "–",
            "Oordeel": OORDEEL_TEKST.get(r["oordeel"], "–") if r["oordeel"] else "–",
            "Vorige meting": str(r["vorige_peiljaar"]) if r["vorige_peiljaar"] else "–",
            "Verandering": opmaak.verschil(r["verandering"], r["eenheid"], r["decimalen"]),
            "Bron": r["bron"] or "–",
        })
    return pl.DataFrame(rijen)


def waarden_tabel(waarden: pl.DataFrame) -> pl.DataFrame:
    """Tekstversie van een reeks of vergelijking: regio, peiljaar, leeftijd, waarde, interval, landelijk, bron."""
    rijen = []
    for r in waarden.iter_rows(named=True):
        rij = {
            "Regio": r["regio_naam"],
            "Peiljaar": opmaak.peilmoment(r["peiljaar"], r.get("peildatum")),
            "Leeftijd": r["leeftijd"],
            "Waarde": waarde_tekst(r),
            "95%-interval": interval_tekst(r),
            "Landelijk": opmaak.met_eenheid(r["landelijk_waarde"], r["eenheid"], r["decimalen"])
            if not opmaak.leeg(r.get("landelijk_waarde")) else "–",
            "Significantie": r.get("significantie") or "–",
            "Bron": r.get("bron") or "–",
        }
        if "indicator_naam" in r:
            rij = {"Indicator": r["indicator_naam"], **rij}
        if r.get("berekend_uit"):
            rij["Bron"] += f" (berekend uit {r['berekend_uit']})"
        rijen.append(rij)
    return pl.DataFrame(rijen) if rijen else pl.DataFrame({"Regio": [], "Peiljaar": [], "Waarde": []})


def status_tekst(status: str | None) -> str:
    if not status:
        return "⚪ geen streefwaarde"
    return f"{STATUS_ICOON.get(status, '')} {status}".strip()


def streefwaarde_tekst(streefwaarden: list[dict] | None) -> str:
    """De streefwaarden als tekst; een geüploade streefwaarde noemt haar upload."""
    if not streefwaarden:
        return "geen streefwaarde"
    return "; ".join(
        (f"{s['jaar']}: " if s.get("jaar") else "") + (s.get("tekst") or s.get("soort") or "")
        + (f" ({s['herkomst']})" if (s.get("herkomst") or "").startswith("upload") else "")
        for s in streefwaarden
    )


def nulmeting_tekst(rij: dict) -> str:
    """De nulmeting zoals de gemeente die schreef, anders de waarde zelf; met jaar en, bij een upload, de upload."""
    if rij.get("nulmeting_jaar") is None and not rij.get("nulmeting_tekst") and opmaak.leeg(rij.get("nulmeting_waarde")):
        return "geen nulmeting"
    if opmaak.leeg(rij.get("nulmeting_waarde")):
        tekst = "nog geen waarde" if rij.get("nulmeting_jaar") else (rij.get("nulmeting_tekst") or "nog geen waarde")
    elif rij.get("nulmeting_tekst"):
        tekst = rij["nulmeting_tekst"]
    else:
        tekst = opmaak.met_eenheid(rij["nulmeting_waarde"], rij.get("eenheid"), rij.get("decimalen") or 0)
    if rij.get("nulmeting_jaar") and str(rij["nulmeting_jaar"]) not in tekst:
        tekst = f"{tekst} ({rij['nulmeting_jaar']})"
    herkomst = rij.get("nulmeting_herkomst") or ""
    return f"{tekst}, {herkomst}" if herkomst.startswith("upload") else tekst


def kader_tabel(indicatoren: pl.DataFrame) -> pl.DataFrame:
    """Per indicator van een doel: eigen formulering, laatste waarde, nulmeting, streefwaarde, status, bron."""
    rijen = []
    for r in indicatoren.iter_rows(named=True):
        laatste = "geen gegevens"
        if not opmaak.leeg(r.get("laatste_waarde")):
            laatste = (opmaak.met_eenheid(r["laatste_waarde"], r["eenheid"], r["decimalen"] or 0)
                       + f" ({opmaak.peilmoment(r['laatste_peiljaar'], r['laatste_peildatum'])})")
        rijen.append({
            "Indicator (eigen formulering)": r["omschrijving"],
            "Laatste waarde": laatste,
            "Landelijk": opmaak.met_eenheid(r["landelijk_waarde"], r["eenheid"], r["decimalen"] or 0)
            if not opmaak.leeg(r.get("landelijk_waarde")) else "–",
            "Nulmeting": nulmeting_tekst(r),
            "Streefwaarde": streefwaarde_tekst(r.get("streefwaarden")),
            "Status": status_tekst(r.get("status")),
            "Bron": r.get("bron") or r.get("bron_genoemd") or "–",
        })
    return pl.DataFrame(rijen)


def als_xlsx(tabel: pl.DataFrame, werkblad: str = "Gegevens") -> bytes:
    """Een tabel als Excel-bestand (.xlsx) om te downloaden; tekst blijft tekst."""
    import io

    from openpyxl import Workbook

    boek = Workbook()
    blad = boek.active
    blad.title = werkblad[:31]
    blad.append(tabel.columns)
    for rij in tabel.iter_rows():
        blad.append([w.isoformat() if hasattr(w, "isoformat") else w for w in rij])
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


def alle_waarden_tabel(waarden: pl.DataFrame) -> pl.DataFrame:
    """Elke waarde van een indicator met zijn volledige herkomst (ook niet-getoonde bronnen)."""
    return waarden.select(
        pl.col("regio_naam").alias("Regio"),
        pl.col("peiljaar").alias("Peiljaar"),
        pl.col("peildatum").alias("Peildatum"),
        pl.col("leeftijd").alias("Leeftijd"),
        pl.col("waarde").alias("Waarde"),
        pl.col("ondergrens").alias("Ondergrens 95%"),
        pl.col("bovengrens").alias("Bovengrens 95%"),
        pl.col("landelijk_waarde").alias("Landelijk"),
        pl.col("significantie").alias("Significantie"),
        pl.col("herkomst_soort").alias("Soort bron"),
        pl.col("bron").alias("Bron"),
        pl.col("tabel_id").alias("Tabel"),
        pl.col("adres").alias("Vindplaats"),
        pl.col("opgehaald_op").alias("Opgehaald of geüpload"),
        pl.col("licentie").alias("Licentie"),
        pl.col("citaat").alias("Citaat"),
        pl.col("berekend_uit").alias("Berekend uit"),
        pl.col("is_voorkeur").alias("Getoond op de pagina's"),
    )


def dekking_matrix(dekking: pl.DataFrame) -> pl.DataFrame:
    """Indicator × gemeente als rijen, peiljaren als kolommen: ✓ waar een cijfer is, leeg waar het ontbreekt."""
    if dekking.is_empty():
        return pl.DataFrame({"Indicator": [], "Gemeente": []})
    breed = (
        dekking.with_columns(pl.when(pl.col("aanwezig")).then(pl.lit("✓")).otherwise(pl.lit("")).alias("cel"))
        .sort("peiljaar")
        .pivot(on="peiljaar", index=["indicator_naam", "regio_naam"], values="cel", aggregate_function="first")
        .rename({"indicator_naam": "Indicator", "regio_naam": "Gemeente"})
    )
    jaren = [k for k in breed.columns if k not in ("Indicator", "Gemeente")]
    return breed.with_columns(pl.col(jaren).fill_null(""))
