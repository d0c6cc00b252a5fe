"""Van gegevens naar wat een mens leest: Nederlandse tabellen (polars) voor st.dataframe en de downloads.

De teksten per waarde (tegel, status, nulmeting, streefwaarde) staan in kompas.teksten.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from kompas import opmaak
from kompas.teksten import OORDEEL_TEKST, interval_tekst, nulmeting_tekst, status_tekst, streefwaarde_tekst, waarde_tekst

def deel(frame: pl.DataFrame, **gelijk) -> pl.DataFrame:
    """De rijen van `frame` waarin elke genoemde kolom de gegeven waarde heeft; een waarde None filtert niet.

    Zo halen pagina's één indicator (en leeftijdsgroep) uit een resultaat dat voor meer indicatoren in één
    query is opgehaald.
    """
    for kolom, waarde in gelijk.items():
        if waarde is not None:
            frame = frame.filter(pl.col(kolom) == waarde)
    return frame


def overzicht_tabel(overzicht: list[dict]) -> pl.DataFrame:
    """De tekstversie van het overzicht (rijen uit kompas.gegevens.overzicht): één rij per kopindicator × gemeente."""
    rijen = []
    for r in overzicht:
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


def als_csv(tabel: pl.DataFrame) -> bytes:
    """Een tabel als CSV zoals Nederlandse Excel die opent: puntkomma, decimale komma, UTF-8 met BOM,
    datums als dd-mm-jjjj."""
    return tabel.write_csv(separator=";", decimal_comma=True, include_bom=True, date_format="%d-%m-%Y",
                           datetime_format="%d-%m-%Y %H:%M").encode("utf-8")


def als_xlsx(tabel: pl.DataFrame, werkblad: str = "Gegevens") -> bytes:
    """Een tabel als Excel-bestand (.xlsx) om te downloaden; tekst blijft tekst."""
    import io

    from openpyxl import Workbook

    boek = Workbook()
    blad = boek.active
    blad.title = werkblad[:31]
    blad.append(tabel.columns)
    for rij in tabel.iter_rows():
        rij = [opmaak.schone_tekst(w) for w in rij]   # opgeslagen stuurtekens mogen de export niet breken
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


def _tekst(waarde, decimalen: int | None = None) -> str:
    """Eén cel als Nederlandse tekst: kommagetallen (met `decimalen`, of zoveel als gegeven), datums als
    '1 oktober 2020' en tijdstippen als '23-11-2026 14:05', ja/nee, en leeg waar niets is (niet 'None')."""
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, float):
        if decimalen is None:
            decimalen = len(f"{waarde:.6f}".rstrip("0").split(".")[1])
        return opmaak.getal(waarde, decimalen)
    if isinstance(waarde, dt.datetime) and waarde.time() != dt.time():
        return opmaak.moment(waarde)
    if isinstance(waarde, dt.date):
        return opmaak.datum(waarde)
    return str(waarde)


def leesbaar(tabel: pl.DataFrame, decimalen: int | None = None) -> pl.DataFrame:
    """Een getypeerde tabel (zoals voor de downloads) als Nederlandse tekst voor st.dataframe (zie `_tekst`)."""
    return pl.DataFrame(
        {kolom: [_tekst(w, decimalen) for w in tabel[kolom].to_list()] for kolom in tabel.columns},
        schema=dict.fromkeys(tabel.columns, pl.String),
    )


def bronnen_tabel(bronnen: pl.DataFrame) -> pl.DataFrame:
    """Elke bron (kompas.gegevens.bronnen) met tabel of vindplaats, periode, ophaalmoment, licentie en aantal cijfers."""
    return leesbaar(bronnen.select(
        pl.col("soort").alias("Soort"), pl.col("bron").alias("Bron"), pl.col("titel").alias("Titel"),
        pl.col("tabel_id").alias("Tabel"), pl.col("adres").alias("Vindplaats"), pl.col("periode").alias("Periode"),
        pl.col("opgehaald_op").alias("Opgehaald of geüpload"), pl.col("licentie").alias("Licentie"),
        pl.col("aantal_cijfers").alias("Cijfers"), pl.col("toelichting").alias("Toelichting"),
    ))


def dekking_matrix(dekking: pl.DataFrame) -> pl.DataFrame:
    """Indicator × gemeente als rijen, peiljaren als kolommen: ✓ waar een cijfer is, leeg waar het ontbreekt.
    Een indicator zonder enig cijfer heeft een lege rij (geen kolom voor 'geen jaar')."""
    if dekking.is_empty():
        return pl.DataFrame({"Indicator": [], "Gemeente": []})
    breed = (
        dekking.with_columns(pl.col("peiljaar").cast(pl.String).fill_null("geen jaar"))
        .with_columns(pl.when(pl.col("aanwezig")).then(pl.lit("✓")).otherwise(pl.lit("")).alias("cel"))
        .sort("peiljaar")
        .pivot(on="peiljaar", index=["indicator_naam", "regio_naam"], values="cel", aggregate_function="first")
        .rename({"indicator_naam": "Indicator", "regio_naam": "Gemeente"})
    )
    breed = breed.drop("geen jaar", strict=False)
    jaren = [k for k in breed.columns if k not in ("Indicator", "Gemeente")]
    return breed.with_columns(pl.col(jaren).fill_null(""))


def meldingen_tabel(meldingen) -> pl.DataFrame:
    """De meldingen van een geweigerd bestand (loaders.excel_lezen.Melding), met Nederlandse kolomkoppen."""
    kolommen = {"Werkblad": "werkblad", "Rij": "rij", "Kolom": "kolom", "Probleem": "probleem",
                "Gevonden": "gevonden", "Verwacht": "verwacht", "Zo los je het op": "oplossing"}
    return pl.DataFrame([{kop: _tekst(getattr(m, veld)) for kop, veld in kolommen.items()} for m in meldingen],
                        schema=dict.fromkeys(kolommen, pl.String))


def voorbeeld_tabel(rijen: list[dict]) -> pl.DataFrame:
    """Het voorbeeld van één werkblad (loaders.excel.Voorbeeld.rijen): wat de upload per rij verandert.
    Waarden hebben een peiljaar, streefwaarden een jaar; beide komen in de kolom Jaar."""
    kolommen = {"Wat": "status", "Rij": "rij", "Kolom": "kolom", "Gemeente": "gemeente_code",
                "Indicator": "indicator_code", "Jaar": "jaar", "Leeftijd": "leeftijd",
                "Nu": "oude_waarde", "Na de upload": "nieuwe_waarde"}
    return pl.DataFrame(
        [{kop: _tekst({"jaar": r.get("peiljaar"), **r}.get(veld)) for kop, veld in kolommen.items()} for r in rijen],
        schema=dict.fromkeys(kolommen, pl.String),
    )


def uploads_tabel(uploads: list[dict]) -> pl.DataFrame:
    """De eerdere uploads (loaders.excel.uploads), nieuwste eerst, met wie, wanneer en of ze nog gelden."""
    rijen = []
    for u in uploads:
        if u["geldend"]:
            stand = "geldt"
        elif u["ingetrokken_op"]:
            stand = f"ingetrokken {opmaak.moment(u['ingetrokken_op'])} door {u['ingetrokken_door']}"
        else:
            stand = "vervangen door een nieuwere versie"
        rijen.append({
            "Upload": str(u["upload_id"]), "Bestand": u["bestandsnaam"], "Werkblad": u["werkblad"],
            "Soort": u["soort"], "Geüpload": opmaak.moment(u["geupload_op"]), "Door": u["door"],
            "Gemeente": u["gemeente_code"],
            "Rijen": f"{u['rijen_totaal']} ({u['rijen_nieuw']} nieuw, {u['rijen_gewijzigd']} gewijzigd, "
                     f"{u['rijen_ongewijzigd']} ongewijzigd, {u['rijen_vervallen']} vervallen)",
            "Vervangt": _tekst(u["vervangt_upload_id"]), "Stand": stand, "SHA-256": u["sha256"],
        })
    return pl.DataFrame(rijen, schema=dict.fromkeys(
        ["Upload", "Bestand", "Werkblad", "Soort", "Geüpload", "Door", "Gemeente", "Rijen", "Vervangt", "Stand",
         "SHA-256"], pl.String))
