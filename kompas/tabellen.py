"""Van gegevens naar wat een mens leest: Nederlandse tabellen (polars) voor st.dataframe en de downloads.

De teksten per waarde (tegel, status, nulmeting, streefwaarde) staan in kompas.teksten.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import polars as pl

from kompas import opmaak
from kompas.teksten import (
    decimalen_van,
    eenheid_tekst,
    grafiek_tekst,
    interval_tekst,
    landelijk_cel,
    nulmeting_tekst,
    oordeel_tekst,
    rang_tekst,
    significantie_tekst,
    status_tekst,
    streefwaarde_tekst,
    verschil_decimalen,
    vorige_meting_tekst,
    waarde_tekst,
)


def deel(frame: pl.DataFrame, **gelijk) -> pl.DataFrame:
    """De rijen van `frame` waarin elke genoemde kolom de gegeven waarde heeft; een waarde None filtert niet.

    Zo halen pagina's één indicator (en leeftijdsgroep) uit een resultaat dat voor meer indicatoren in één
    query is opgehaald.
    """
    for kolom, waarde in gelijk.items():
        if waarde is not None:
            frame = frame.filter(pl.col(kolom) == waarde)
    return frame


def focus(gemeenten: pl.DataFrame) -> pl.DataFrame:
    """De focusgemeenten (kolom focus in data/regio.csv) uit `gemeenten` (kompas.lezen.gemeenten), op volgorde:
    wat de pagina's standaard tonen. De andere gemeenten blijven kiesbaar waar een pagina een keuze heeft."""
    return gemeenten.filter(pl.col("focus"))


def overzicht_tabel(overzicht: pl.DataFrame) -> pl.DataFrame:
    """De tekstversie van het overzicht (rijen uit kompas.gegevens.overzicht): één rij per kopindicator × gemeente."""
    rijen = []
    for r in overzicht.iter_rows(named=True):
        rijen.append(
            {
                "Indicator": r["indicator_naam"],
                "Leeftijd": r["leeftijd"],
                "Gemeente": r["regio_naam"],
                "Peiljaar": opmaak.peilmoment(r["peiljaar"], r["peildatum"], r.get("peildatum_precisie"))
                if not opmaak.leeg(r["waarde"])
                else "–",
                "Waarde": waarde_tekst(r),
                "95%-interval": interval_tekst(r),
                "Landelijk": landelijk_cel(
                    r["landelijk_waarde"], r["eenheid"], decimalen_van(r, "landelijk_decimalen")
                ),
                "Verschil": opmaak.verschil(r["verschil"], r["eenheid"], verschil_decimalen(r)),
                "Significantie": significantie_tekst(r),
                "Oordeel": oordeel_tekst(r),
                "Vorige meting": vorige_meting_tekst(r),
                "Verandering": opmaak.verschil(
                    r["verandering"], r["eenheid"], verschil_decimalen(r, ander="vorige_decimalen")
                ),
                "Bron": r["bron"] or "–",
            }
        )
    return pl.DataFrame(rijen)


def waarden_tabel(waarden: pl.DataFrame) -> pl.DataFrame:
    """Tekstversie van een reeks of vergelijking: regio, peiljaar, leeftijd, waarde, interval, landelijk, bron."""
    rijen = []
    for r in waarden.iter_rows(named=True):
        rij = {
            "Regio": r["regio_naam"],
            "Peiljaar": opmaak.peilmoment(r["peiljaar"], r.get("peildatum"), r.get("peildatum_precisie")),
            "Leeftijd": r["leeftijd"],
            "Waarde": waarde_tekst(r),
            "95%-interval": interval_tekst(r),
            "Landelijk": landelijk_cel(
                r.get("landelijk_waarde"), r["eenheid"], decimalen_van(r, "landelijk_decimalen"), r.get("regio_soort")
            ),
            "Significantie": significantie_tekst(r),
            "Bron": r.get("bron") or "–",
        }
        if "in_grafiek" in r:
            rij["In de grafiek"] = grafiek_tekst(r)
        if "indicator_naam" in r:
            rij = {"Indicator": r["indicator_naam"], **rij}
        if r.get("berekend_uit"):
            rij["Bron"] += f" (berekend uit {r['berekend_uit']})"
        rijen.append(rij)
    if not rijen:
        return pl.DataFrame({"Regio": [], "Peiljaar": [], "Waarde": []})
    tabel = pl.DataFrame(rijen)
    if (tabel["95%-interval"] == "").all():  # geen enkel cijfer met een interval: geen lege kolom
        tabel = tabel.drop("95%-interval")
    return _zonder_nederland_bij_aantal(tabel, waarden)


def _zonder_nederland_bij_aantal(tabel: pl.DataFrame, waarden: pl.DataFrame) -> pl.DataFrame:
    """Zijn alle `waarden` aantallen (`opmaak.is_aantal`), dan zonder de kolommen Landelijk en Significantie: een
    aantal staat bewust nooit naast Nederland (marts/05_indicator_waarden_voor.sql, `aantallen`), en een kolom vol
    '–' leest als 'het landelijke cijfer ontbreekt'. Zoals de grafiek, die Nederland dan niet tekent."""
    if "eenheid" in waarden.columns and not waarden.is_empty() and all(map(opmaak.is_aantal, waarden["eenheid"])):
        return tabel.drop("Landelijk", "Significantie", strict=False)
    return tabel


def documenten(boom: pl.DataFrame) -> list[dict]:
    """De kaderdocumenten van een gemeente, nieuwste eerst (hoogste `geldig_van`): document, geldig_van/tot."""
    docs = boom.group_by("document", maintain_order=True).agg(
        pl.col("geldig_van").first(), pl.col("geldig_tot").first()
    )
    return docs.sort("geldig_van", descending=True, nulls_last=True, maintain_order=True).to_dicts()


def leeftijden(reeks: pl.DataFrame) -> list[str]:
    """De leeftijdsgroepen met cijfers; de eerste opent de Indicatorpagina, zodat de grafiek één definitie
    tegelijk toont (18+ en 19+ zijn verschillende reeksen). Eerst de hele bevolking ('totaal'), dan alle
    volwassenen ('18+', dan '19+' van de Gezondheidsmonitor tot en met 2016), daarna de rest: de meeste cijfers
    eerst, dan de nieuwste."""
    met = reeks.filter(pl.col("waarde").is_not_null())
    if met.is_empty():
        return []
    per = {
        r["leeftijd"]: r
        for r in met.group_by("leeftijd")
        .agg(pl.len().alias("aantal"), pl.col("peiljaar").max().alias("laatste"))
        .iter_rows(named=True)
    }
    breed = {"totaal": 0, "18+": 1, "19+": 2}
    return sorted(per, key=lambda l: (breed.get(l, 3), -per[l]["aantal"], -per[l]["laatste"], l))


def standaard_kader(boom: pl.DataFrame) -> str:
    """Het kader waarop de Kaderspagina opent (binnen `boom`, meestal één document): het eerste met een gemeten
    indicator (een waarde voor de gemeente); anders het eerste met een gekoppelde indicator; anders het eerste."""
    for voorwaarde in (pl.col("laatste_waarde").is_not_null(), pl.col("indicator_code").is_not_null()):
        met = boom.filter(voorwaarde)
        if not met.is_empty():
            return met["kader_id"][0]
    return boom["kader_id"][0]


def kader_tabel(indicatoren: pl.DataFrame) -> pl.DataFrame:
    """Per indicator van een doel: eigen formulering, laatste waarde, nulmeting, streefwaarde, status, bron."""
    rijen = []
    for r in indicatoren.iter_rows(named=True):
        laatste = "geen gegevens"
        if not opmaak.leeg(r.get("laatste_waarde")):
            peil = opmaak.peilmoment(r["laatste_peiljaar"], r["laatste_peildatum"], r.get("laatste_peildatum_precisie"))
            laatste = opmaak.met_eenheid(r["laatste_waarde"], r["eenheid"], decimalen_van(r, "laatste_decimalen"))
            laatste += f" ({peil})"
        rijen.append(
            {
                "Indicator (eigen formulering)": r["omschrijving"],
                "Eenheid": eenheid_tekst(r) or "–",
                "Laatste waarde": laatste,
                "Landelijk": landelijk_cel(
                    r.get("landelijk_waarde"), r["eenheid"], decimalen_van(r, "landelijk_decimalen")
                ),
                "Nulmeting": nulmeting_tekst(r),
                "Streefwaarde": streefwaarde_tekst(r.get("streefwaarden")),
                "Status": status_tekst(r.get("status"), r.get("status_reden"), r.get("nulmeting_jaar")),
                "Bron": r.get("bron") or r.get("bron_genoemd") or "–",
            }
        )
    return pl.DataFrame(rijen)


# Tekst die een spreadsheet als formule leest (OWASP, 'CSV injection'): = + - @ als eerste teken, ook na spaties
# of een regeleinde, of een tab of CR als eerste teken. Eén regel voor elke download (als_csv, als_xlsx, het sjabloon).
_FORMULE = re.compile(r"^(?:[\t\r]|\s*[=+\-@])")


def lijkt_formule(tekst) -> bool:
    """Zou Excel of LibreOffice deze tekst als formule lezen? '=1+1', '+31 6', '-2', '@SUM(A1)', '\\t=1'."""
    return isinstance(tekst, str) and _FORMULE.match(tekst) is not None


def _csv_tekst(naam: str) -> pl.Expr:
    """Een tekstkolom voor de CSV: een ' vóór tekst die als formule gelezen zou worden (zoals OWASP aanraadt)."""
    kolom = pl.col(naam)
    return pl.when(kolom.str.contains(_FORMULE.pattern)).then(pl.lit("'") + kolom).otherwise(kolom).alias(naam)


def _ja_nee(naam: str) -> pl.Expr:
    kolom = pl.col(naam)
    return pl.when(kolom).then(pl.lit("ja")).when(kolom.not_()).then(pl.lit("nee")).otherwise(None).alias(naam)


def _met_tijd(reeks: pl.Series) -> bool:
    """Heeft een kolom tijdstippen met een tijd van de dag (niet alleen middernacht)?"""
    return bool((reeks.dt.time().drop_nulls() != dt.time()).any())


def als_csv(tabel: pl.DataFrame) -> bytes:
    """Een tabel als CSV zoals Nederlandse Excel die opent: puntkomma, decimale komma, UTF-8 met BOM,
    datums als dd-mm-jjjj (tijdstippen met hh:mm als ze een tijd hebben), ja/nee; tekst die Excel als formule
    zou lezen begint met een '."""
    tabel = tabel.with_columns(
        [pl.col(k).dt.date() for k, t in tabel.schema.items() if t == pl.Datetime and not _met_tijd(tabel[k])]
        + [_ja_nee(k) for k, t in tabel.schema.items() if t == pl.Boolean]
        + [_csv_tekst(k) for k, t in tabel.schema.items() if t == pl.String]
        + [pl.col(k).fill_nan(None) for k, t in tabel.schema.items() if t.is_float()]  # NaN ontbreekt: leeg
    )
    tabel = tabel.rename({k: "'" + k for k in tabel.columns if lijkt_formule(k)})
    return tabel.write_csv(
        separator=";", decimal_comma=True, include_bom=True, date_format="%d-%m-%Y", datetime_format="%d-%m-%Y %H:%M"
    ).encode("utf-8")


# OOXML-tekst (ST_Xstring): stuurtekens (die XML niet toelaat, en een CR die een XML-lezer een LF maakt) als
# _xHHHH_, en een letterlijke '_xHHHH_' met een ontsnapt '_', zodat Excel precies de oorspronkelijke tekst toont.
_OOXML_ONTSNAPPEN = re.compile(r"[\x00-\x08\x0b-\x1f]|_(?=x[0-9A-Fa-f]{4}_)")


def xlsx_cel(cel, waarde, formaat: str | None = None) -> None:
    """Zet één cel van een openpyxl-werkblad. Tekst is altijd tekst, nooit een formule (openpyxl maakt van tekst
    die met '=' begint anders een formule); lijkt de tekst op een formule, dan houdt Excel hem ook bij bewerken
    als tekst (quotePrefix). Ja/nee in plaats van True/False."""
    if isinstance(waarde, bool):
        waarde = "ja" if waarde else "nee"
    if isinstance(waarde, str):
        cel.value = _OOXML_ONTSNAPPEN.sub(lambda m: f"_x{ord(m.group()):04X}_", waarde)
        cel.data_type = "s"
        cel.quotePrefix = lijkt_formule(waarde)
    else:
        if isinstance(waarde, dt.datetime) and waarde.tzinfo is not None:  # Excel kent geen tijdzones
            waarde = waarde.astimezone(ZoneInfo("Europe/Amsterdam")).replace(tzinfo=None)
        cel.value = None if opmaak.leeg(waarde) else waarde
    if formaat:
        cel.number_format = formaat


def xlsx_rij(blad, rij: int, waarden, formaten=()) -> None:
    """Rij `rij` (vanaf 1) van een openpyxl-werkblad, cel voor cel met xlsx_cel."""
    formaten = list(formaten)
    for kolom, waarde in enumerate(waarden, start=1):
        xlsx_cel(blad.cell(row=rij, column=kolom), waarde, formaten[kolom - 1] if kolom <= len(formaten) else None)


def _xlsx_formaat(reeks: pl.Series, decimalen: int | None) -> str | None:
    """Excel-getalnotatie van een kolom (Engelse codes in het bestand; Nederlandse Excel toont d-m-jjjj, 1.234,5)."""
    if reeks.dtype == pl.Date:
        return "d-m-yyyy"
    if reeks.dtype == pl.Datetime:
        return "d-m-yyyy h:mm" if _met_tijd(reeks) else "d-m-yyyy"
    if reeks.dtype.is_integer():
        return "0"  # jaartallen en aantallen zonder scheidingsteken: 2020, niet 2.020
    if reeks.dtype.is_float():
        return "General" if decimalen is None else "#,##0" + ("." + "0" * decimalen if decimalen else "")
    return None


def _celformaten(tabel: pl.DataFrame, decimalen: int | None, per_rij: dict[str, list]):
    """Per rij de Excel-getalnotatie van elke cel: met de decimalen van de rij uit `per_rij` (per kolom), anders
    `decimalen`."""
    gezien: dict[tuple[str, int | None], str | None] = {}
    for i in range(tabel.height):
        eigen = {k: int(per_rij[k][i]) for k in per_rij if not opmaak.leeg(per_rij[k][i])}
        formaten = []
        for kolom in tabel.columns:
            d = eigen.get(kolom, decimalen)
            if (kolom, d) not in gezien:
                gezien[kolom, d] = _xlsx_formaat(tabel[kolom], d)
            formaten.append(gezien[kolom, d])
        yield formaten


_BLADNAAM_VERBODEN = re.compile(r"[\\/?*:\[\]]")


def als_xlsx(
    tabel: pl.DataFrame,
    werkblad: str = "Gegevens",
    decimalen: int | None = None,
    per_rij: dict[str, list] | None = None,
) -> bytes:
    """Een tabel als Excel-bestand (.xlsx) voor een beleidsmedewerker: datums als Excel-datum (d-m-jjjj),
    getallen als getal (kommagetallen met `decimalen` decimalen getoond, de waarde zelf onafgerond), ja/nee,
    tekst als tekst (nooit een formule), een vetgedrukte kopregel die blijft staan, een filter en kolombreedtes.
    `per_rij`: per kolom de decimalen van elke rij, zoals bij `leesbaar` (`waarde_decimalen`): elke cel toont haar
    cijfer met de precisie waarmee het gepubliceerd is ('4%' als 4, niet 4,00); leeg: `decimalen`."""
    return als_xlsx_bladen([(werkblad, tabel, decimalen, per_rij)])


def _bladnaam(naam: str, gebruikt: set[str]) -> str:
    """Een geldige, unieke werkbladnaam (hoogstens 31 tekens, zonder \\ / ? * : [ ])."""
    basis = _BLADNAAM_VERBODEN.sub(lambda m: {"[": "(", "]": ")"}.get(m.group(), "_"), naam)[:31] or "Gegevens"
    kandidaat, n = basis, 1
    while kandidaat.lower() in gebruikt:
        n += 1
        kandidaat = f"{basis[: 31 - len(str(n)) - 3]} ({n})"
    gebruikt.add(kandidaat.lower())
    return kandidaat


def als_xlsx_bladen(bladen) -> bytes:
    """Meer werkbladen in één Excel-bestand, elk zoals `als_xlsx`: (naam, tabel, decimalen) of (naam, tabel,
    decimalen, per_rij) per blad. `decimalen` is een getal of None voor het hele blad; `per_rij` per kolom de
    decimalen van elke rij (een blad met cijfers van meer indicatoren of bronnen), leeg voor een rij: `decimalen`."""
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Font

    boek = Workbook()
    boek.remove(boek.active)
    gebruikt: set[str] = set()
    for werkblad, tabel, decimalen, *rest in bladen:
        per_rij = (rest[0] if rest else None) or {}
        blad = boek.create_sheet(_bladnaam(werkblad, gebruikt))
        xlsx_rij(blad, 1, tabel.columns)
        for cel in blad[1]:
            cel.font = Font(bold=True)
        for nummer, (rij, formaten) in enumerate(zip(tabel.iter_rows(), _celformaten(tabel, decimalen, per_rij)), 2):
            xlsx_rij(blad, nummer, rij, formaten)
        for kolom, naam in enumerate(tabel.columns, start=1):
            langste = max([len(naam), *(len(_tekst(w, decimalen)) for w in tabel[naam].head(1000).to_list())])
            blad.column_dimensions[blad.cell(row=1, column=kolom).column_letter].width = min(max(langste + 2, 8), 60)
        blad.freeze_panes = "A2"
        if tabel.width:
            blad.auto_filter.ref = blad.dimensions
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


def alle_waarden_tabel(waarden: pl.DataFrame, met_indicator: bool = True) -> pl.DataFrame:
    """Elke waarde van een indicator met zijn volledige herkomst (ook niet-getoonde bronnen). Voor de downloads met
    de naam en eenheid van de indicator erbij; op de pagina (`met_indicator=False`) staan die al boven de tabel, en
    heeft de tabel van een aantal geen kolommen voor Nederland (de downloads houden bij elke indicator dezelfde
    kolommen)."""
    indicator = [pl.col("indicator_naam").alias("Indicator")] if met_indicator else []
    eenheid = [pl.col("eenheid").alias("Eenheid")] if met_indicator else []
    peildatum = pl.col("peildatum")
    if "peildatum_precisie" in waarden.columns and (waarden["peildatum_precisie"] == "maand").any():
        # noemt een bron alleen de maand, dan de peildatum als tekst ('maart 2017'), nooit een verzonnen dag
        peildatum = pl.struct("peildatum", "peildatum_precisie").map_elements(
            lambda r: opmaak.peildatum_tekst(r["peildatum"], r["peildatum_precisie"]) if r["peildatum"] else None,
            return_dtype=pl.String,
        )
    tabel = waarden.select(
        *indicator,
        pl.col("regio_naam").alias("Regio"),
        pl.col("peiljaar").alias("Peiljaar"),
        peildatum.alias("Peildatum"),
        pl.col("leeftijd").alias("Leeftijd"),
        pl.col("waarde").alias("Waarde"),
        *eenheid,
        pl.col("ondergrens").alias("Ondergrens 95%"),
        pl.col("bovengrens").alias("Bovengrens 95%"),
        pl.col("landelijk_waarde").alias("Landelijk"),
        pl.col("significantie").alias("Significantie"),
        pl.col("herkomst_soort").alias("Soort bron"),
        pl.col("bron").alias("Bron"),
        pl.col("tabel_id").alias("Tabel"),
        pl.col("adres").alias("Adres bij de uitgever"),
        pl.col("gelezen_in").alias("Gelezen in"),
        pl.col("opgehaald_op").alias("Opgehaald of geüpload"),
        pl.col("licentie").alias("Licentie"),
        pl.col("citaat").alias("Citaat"),
        pl.col("berekend_uit").alias("Berekend uit"),
        pl.col("is_voorkeur").alias("Getoond op de pagina's"),
    )
    return tabel if met_indicator else _zonder_nederland_bij_aantal(tabel, waarden)


def _tekst(waarde, decimalen: int | None = None) -> str:
    """Eén cel als Nederlandse tekst: kommagetallen (met `decimalen`, of zoveel als gegeven), datums als
    '1 oktober 2020' en tijdstippen als '23-11-2026 14:05', ja/nee, en leeg waar niets is (niet 'None')."""
    if opmaak.leeg(waarde):  # None, en NaN (polars' 0/0): ontbreekt, dus leeg
        return ""
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, float):
        if decimalen is None:
            decimalen = len(f"{waarde:.6f}".rstrip("0").partition(".")[2])
        return opmaak.getal(waarde, decimalen)
    if isinstance(waarde, dt.datetime) and waarde.time() != dt.time():
        return opmaak.moment(waarde)
    if isinstance(waarde, dt.date):
        return opmaak.datum(waarde)
    return str(waarde)


def _kolom_als_tekst(kolom: pl.Series, decimalen: int | None) -> pl.Series:
    """Eén kolom via `_tekst`: elke verschillende waarde één keer (een kolom van tienduizenden rijen heeft er
    meestal weinig: bronnen, regio's, datums, ja/nee). Getallen elk apart: 0,0 en -0,0 blijven zichzelf."""
    if kolom.dtype.is_float() or kolom.dtype.is_nested() or kolom.dtype == pl.Object:
        return pl.Series(kolom.name, [_tekst(w, decimalen) for w in kolom.to_list()], dtype=pl.String)
    vertaling = {w: _tekst(w, decimalen) for w in kolom.drop_nulls().unique().to_list()}
    return kolom.replace_strict(vertaling, default=None, return_dtype=pl.String).fill_null(_tekst(None))


def leesbaar(tabel: pl.DataFrame, decimalen: int | None = None, per_rij: dict[str, list] | None = None) -> pl.DataFrame:
    """Een getypeerde tabel (zoals voor de downloads) als Nederlandse tekst voor st.dataframe (zie `_tekst`).
    `per_rij`: per kolom de decimalen van elke rij (`waarde_decimalen`), waar elk cijfer zijn eigen precisie heeft."""
    per_rij = per_rij or {}

    def als_tekst(kolom: str) -> pl.Series:
        if kolom not in per_rij:
            return _kolom_als_tekst(tabel[kolom], decimalen)
        rijen = zip(tabel[kolom].to_list(), per_rij[kolom], strict=True)
        return pl.Series(kolom, [_tekst(w, decimalen if opmaak.leeg(d) else int(d)) for w, d in rijen], pl.String)

    return pl.DataFrame([als_tekst(kolom) for kolom in tabel.columns], schema=dict.fromkeys(tabel.columns, pl.String))


def waarde_decimalen(waarden: pl.DataFrame) -> dict[str, list]:
    """Voor `leesbaar` bij `alle_waarden_tabel`: de decimalen van elk cijfer (zoveel als de bron publiceerde, nooit
    meer dan de indicator; marts/05), de intervalgrenzen zoals hun waarde, Nederland met de zijne."""
    uit = {}
    if "decimalen" in waarden.columns:
        eigen = waarden["decimalen"].to_list()
        uit = {"Waarde": eigen, "Ondergrens 95%": eigen, "Bovengrens 95%": eigen}
        if "landelijk_decimalen" in waarden.columns:
            uit["Landelijk"] = waarden["landelijk_decimalen"].to_list()
    return uit


def bronnen_tabel(bronnen: pl.DataFrame, als_tekst: bool = True) -> pl.DataFrame:
    """Elke bron (kompas.gegevens.bronnen): eerst de uitgever met zijn tabel, titel en eigen adres, dan de kopie
    waarin het cijfer gelezen is; daarna herkomstsoort, periode, ophaalmoment met de wijzigingsdatum van de tabel zelf
    (Modified bij CBS/RIVM) en de weg waarlangs hij kwam, licentie en aantal cijfers. Als tekst voor st.dataframe,
    of getypeerd (`als_tekst=False`, datums en getallen) voor een Excel-download."""
    tabel = bronnen.select(
        pl.col("bron").alias("Uitgever"),
        pl.col("tabel_id").alias("Tabel"),
        pl.col("titel").alias("Titel"),
        pl.col("adres").alias("Adres bij de uitgever"),
        pl.col("gelezen_in").alias("Gelezen in"),
        pl.col("herkomst_soort").alias("Soort"),
        pl.col("periode").alias("Periode"),
        pl.col("opgehaald_op").alias("Opgehaald of geüpload"),
        pl.col("tabel_gewijzigd").alias("Tabel gewijzigd bij de uitgever"),
        pl.col("opgehaald_via").alias("Opgehaald via"),
        pl.col("licentie").alias("Licentie"),
        pl.col("aantal_cijfers").alias("Cijfers"),
        pl.col("toelichting").alias("Toelichting"),
    )
    return leesbaar(tabel) if als_tekst else tabel


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
    kolommen = {
        "Werkblad": "werkblad",
        "Rij": "rij",
        "Kolom": "kolom",
        "Probleem": "probleem",
        "Gevonden": "gevonden",
        "Verwacht": "verwacht",
        "Zo los je het op": "oplossing",
    }
    return pl.DataFrame(
        [{kop: _tekst(getattr(m, veld)) for kop, veld in kolommen.items()} for m in meldingen],
        schema=dict.fromkeys(kolommen, pl.String),
    )


def voorbeeld_tabel(rijen: list[dict]) -> pl.DataFrame:
    """Het voorbeeld van één werkblad (loaders.excel.Voorbeeld.rijen): wat de upload per rij verandert.
    Waarden hebben een peiljaar, streefwaarden een jaar; beide komen in de kolom Jaar."""
    kolommen = {
        "Wat": "status",
        "Rij": "rij",
        "Kolom": "kolom",
        "Gemeente": "gemeente_code",
        "Indicator": "indicator_code",
        "Jaar": "jaar",
        "Leeftijd": "leeftijd",
        "Nu": "oude_waarde",
        "Na de upload": "nieuwe_waarde",
    }
    return pl.DataFrame(
        [{kop: _tekst({"jaar": r.get("peiljaar"), **r}.get(veld)) for kop, veld in kolommen.items()} for r in rijen],
        schema=dict.fromkeys(kolommen, pl.String),
    )


def upload_omschrijving(u: dict) -> str:
    """Eén upload (een rij van kompas.gegevens.uploads) in een regel: 'upload 3: bewind.xlsx, werkblad Waarden,
    23-11-2026 14:05, door naam@gemeente.nl'. Voor de keuze bij intrekken, op de pagina en op de opdrachtregel."""
    return (
        f"upload {u['upload_id']}: {u['bestandsnaam']}, werkblad {u['werkblad']}, {opmaak.moment(u['geupload_op'])}, "
        f"door {u['door']}"
    )


def upload_stand(u: dict) -> str:
    """Of een upload geldt: 'geldt', 'ingetrokken 23-11-2026 14:05 door …' of 'vervangen door een nieuwere versie'."""
    if u["geldend"]:
        return "geldt"
    if u["ingetrokken_op"]:
        return f"ingetrokken {opmaak.moment(u['ingetrokken_op'])} door {u['ingetrokken_door']}"
    return "vervangen door een nieuwere versie"


def uploads_tabel(uploads: pl.DataFrame) -> pl.DataFrame:
    """De eerdere uploads (kompas.gegevens.uploads), nieuwste eerst, met wie, wanneer en of ze nog gelden."""
    rijen = []
    for u in uploads.iter_rows(named=True):
        stand = upload_stand(u)
        rijen.append(
            {
                "Upload": str(u["upload_id"]),
                "Bestand": u["bestandsnaam"],
                "Werkblad": u["werkblad"],
                "Soort": u["werkbladsoort"],
                "Geüpload": opmaak.moment(u["geupload_op"]),
                "Door": u["door"],
                "Gemeente": u["gemeente_code"],
                "Rijen": f"{u['rijen_totaal']} ({u['rijen_nieuw']} nieuw, {u['rijen_gewijzigd']} gewijzigd, "
                f"{u['rijen_ongewijzigd']} ongewijzigd, {u['rijen_vervallen']} vervallen)",
                "Vervangt": _tekst(u["vervangt_upload_id"]),
                "Stand": stand,
                "SHA-256": u["sha256"],
            }
        )
    return pl.DataFrame(
        rijen,
        schema=dict.fromkeys(
            [
                "Upload",
                "Bestand",
                "Werkblad",
                "Soort",
                "Geüpload",
                "Door",
                "Gemeente",
                "Rijen",
                "Vervangt",
                "Stand",
                "SHA-256",
            ],
            pl.String,
        ),
    )


# --- vergelijkingsgroepen ----------------------------------------------------------------------------------------

_GROEP_KOLOMMEN = ("groep_naam", "groep_aantal", "groep_minimum", "groep_mediaan", "groep_q1", "groep_q3", "band")


def groep_band(leden: pl.DataFrame) -> pl.DataFrame:
    """Uit de ledenrijen van één groep en indicator (kompas.gegevens.vergelijkingsgroepen of _keuze) per peiljaar en
    leeftijdsgroep de cijfers van de groep: groep_naam, groep_aantal, groep_minimum, groep_mediaan, groep_q1,
    groep_q3 en band (genoeg leden met een cijfer). Op volgorde van leeftijd en peiljaar, daarbinnen op de andere
    kolommen: dezelfde leden in een andere volgorde geven hetzelfde frame (een sleutel van de grafiekcache)."""
    kolommen = ["peiljaar", "leeftijd", *_GROEP_KOLOMMEN]
    if leden.is_empty():
        return pl.DataFrame(schema={k: leden.schema[k] for k in kolommen if k in leden.schema})
    kolommen += ["voor_gemeente"] if "voor_gemeente" in leden.columns else []  # per gemeente haar eigen groep
    return leden.select(kolommen).unique().sort("leeftijd", "peiljaar", *kolommen[2:], nulls_last=True)


def groep_leden_tabel(leden: pl.DataFrame) -> pl.DataFrame:
    """De ledenlijst van een vergelijkingsgroep als tabel: per peiljaar elk lid met een cijfer, zijn rang, de cijfers
    van de groep en de bron van het cijfer van het lid; een lid van de groep van meer gemeenten staat er één keer."""
    leden = leden.unique(["groep", "indicator_code", "leeftijd", "peiljaar", "regio_code"], maintain_order=True)
    rijen = [
        {
            "Vergelijkingsgroep": r["groep_naam"],
            "Peiljaar": r["peiljaar"],
            "Leeftijd": r["leeftijd"],
            "Gemeente": r["regio_naam"],
            "Waarde": waarde_tekst(r),
            "Rang": rang_tekst(r["rang"], r["groep_aantal"]),
            "Mediaan groep": opmaak.met_eenheid(r["groep_mediaan"], r["eenheid"], r["decimalen"]),
            "25%–75%": f"{opmaak.getal(r['groep_q1'], r['decimalen'])} – {opmaak.getal(r['groep_q3'], r['decimalen'])}",
            "Band getekend": "ja" if r["band"] else f"nee (minder dan {r['groep_minimum']} cijfers)",
            "Bron": r["bron"] or "–",
        }
        for r in leden.sort(
            "peiljaar", "leeftijd", "rang", "regio_naam", descending=[True, False, False, False]
        ).iter_rows(named=True)
    ]
    return pl.DataFrame(rijen) if rijen else pl.DataFrame({"Vergelijkingsgroep": [], "Gemeente": []})


def grafiek_export(trend: pl.DataFrame, leden: pl.DataFrame) -> pl.DataFrame:
    """De cijfers bij een grafiek voor de download: de tabel bij de grafiek (`waarden_tabel`) en daaronder de
    leden van de vergelijkingsgroep (`groep_leden_tabel`), met een kolom 'Rij' die zegt wat elke rij is."""
    delen = [waarden_tabel(trend).with_columns(pl.lit("cijfer in de grafiek").alias("Rij"))]
    if not leden.is_empty():
        delen.append(groep_leden_tabel(leden).with_columns(pl.lit("lid van de vergelijkingsgroep").alias("Rij")))
    uit = pl.concat(delen, how="diagonal_relaxed")
    return uit.select("Rij", *[k for k in uit.columns if k != "Rij"])


def eigen_groep_rij(groep_cijfers: pl.DataFrame, rij: dict, groep_soort: str = "grootteklasse") -> dict | None:
    """De rij van de gemeente zelf in haar vergelijkingsgroep (`groep_cijfers` uit
    kompas.lezen.vergelijkingsgroep_banden) voor dezelfde indicator, leeftijdsgroep en hetzelfde peiljaar als `rij`
    (een tegel van het Overzicht), of None."""
    if groep_cijfers.is_empty() or opmaak.leeg(rij.get("waarde")):
        return None
    treffers = deel(
        groep_cijfers,
        voor_gemeente=rij["regio_code"],
        regio_code=rij["regio_code"],
        indicator_code=rij["indicator_code"],
        leeftijd=rij["leeftijd"],
        peiljaar=rij["peiljaar"],
        groep_soort=groep_soort,
    )
    return treffers.row(0, named=True) if not treffers.is_empty() else None


def groep_bij_tegels(themas: list[dict], groep_cijfers: pl.DataFrame) -> dict[tuple[str, str, str], dict]:
    """Per tegel van het Overzicht (`teksten.overzicht_per_thema`) met een cijfer en een eigen groepsrij
    (`eigen_groep_rij`): (indicator_code, leeftijd, regio_code) -> die rij."""
    uit = {}
    for thema in themas:
        for ind in thema["indicatoren"]:
            for rij in ind["rijen"]:
                if rij and (groep := eigen_groep_rij(groep_cijfers, rij)):
                    uit[ind["indicator_code"], ind["leeftijd"], rij["regio_code"]] = groep
    return uit


def groep_leden_bij(groep_rijen: pl.DataFrame, trend: pl.DataFrame, indicator_code: str) -> pl.DataFrame:
    """De ledenrijen van een vergelijkingsgroep (kompas.weergave.kies_vergelijkingsgroep) bij één grafiek: dezelfde
    indicator, de leeftijdsgroepen en de peiljaren (van eerste tot laatste) van de getekende cijfers `trend`."""
    getekend = trend.filter(pl.col("waarde").is_not_null())
    if groep_rijen.is_empty() or getekend.is_empty():
        return groep_rijen.clear()
    return groep_rijen.filter(
        (pl.col("indicator_code") == indicator_code)
        & pl.col("leeftijd").is_in(getekend["leeftijd"].unique().to_list())
        & pl.col("peiljaar").is_between(getekend["peiljaar"].min(), getekend["peiljaar"].max())
    )
