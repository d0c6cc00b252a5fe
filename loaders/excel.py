"""Excel-upload van beleidsmedewerkers: controleren, voorbeeld tonen, vastleggen, intrekken.

    validatie = valideer(data, "bijstand.xlsx", gemeente="GM0148")    # schrijft niets; UploadGeweigerd bij problemen
    for v in voorbeeld(validatie): ...                                  # nieuw / gewijzigd / ongewijzigd / vervalt
    upload_ids = leg_vast(validatie, door="naam@gemeente.nl", gemeenten={"GM0148"})   # één transactie
    trek_in(upload_ids[0], door="naam@gemeente.nl", gemeenten={"GM0148"})             # zet de vorige versie terug
    kompas.gegevens.uploads(cur)                                                      # alle uploads, nieuwste eerst

`gemeenten`: waarvoor deze persoon mag uploaden en intrekken (kompas.toegang); een rij of upload voor een andere
gemeente wordt bij het vastleggen zelf geweigerd. None: de beheerder op de server (opdrachtregel), alle gemeenten.

Eén upload is één werkblad. Een dataset is: dezelfde soort werkblad (waarden/streefwaarden), dezelfde
gemeente(n), en dezelfde bestandsnaam óf dezelfde set indicatoren. Een nieuwe versie van een dataset
vervangt de cijfers van de vorige (die blijven bewaard in upload_waarde/upload_streefwaarde).
Waarden komen in `waarneming` met herkomst 'upload:<id>' (soort 'upload'); streefwaarden staan in
`upload_streefwaarde` (geldende: view `geldende_upload_streefwaarde`). Zie queries/tabellen/20_uploads.sql.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from kompas import toegang
from kompas.db import Leesverbinding, raakt, schrijf_sql, schrijf_transactie, sql_bestand
from loaders import excel_lezen, werker
from loaders.excel_lezen import Melding, UploadGeweigerd, controleer_bestand, weiger
from loaders.excel_validatie import Referentie, Werkblad, laad_referentie, lees_en_controleer

__all__ = [
    "Validatie",
    "Voorbeeld",
    "UploadGeweigerd",
    "Melding",
    "valideer",
    "voorbeeld",
    "leg_vast",
    "trek_in",
    "intrekbaar",
    "lees_bestand",
    "controleer_gemeenten",
]


@dataclass
class Validatie:
    """Een gecontroleerd bestand, klaar om vast te leggen."""

    bestandsnaam: str
    sha256: str
    werkbladen: list[Werkblad]  # de werkbladen met gegevens
    overgeslagen: list[Melding] = field(default_factory=list)  # werkbladen zonder gegevens, met de reden


@dataclass
class Voorbeeld:
    """Wat een werkblad verandert ten opzichte van wat er nu staat."""

    werkblad: str
    werkbladsoort: str  # 'waarden' of 'streefwaarden'
    dataset_sleutel: str
    gemeente_code: str
    vervangt_upload_id: int | None
    tellingen: dict[str, int]  # nieuw, gewijzigd, ongewijzigd, vervalt
    rijen: list[dict] = field(default_factory=list)  # per rij: status en oude/nieuwe waarde


def lees_bestand(pad: str | Path) -> bytes:
    """Leest een bestand van schijf, maar weigert te grote bestanden voordat ze worden ingelezen."""
    pad = Path(pad)
    from loaders.excel_lezen import MAX_BESTAND

    if not pad.is_file():
        raise weiger(pad.name, "Het bestand bestaat niet.", gevonden=str(pad))
    if pad.stat().st_size > MAX_BESTAND:
        raise weiger(
            pad.name,
            f"Het bestand is te groot ({pad.stat().st_size / 1024 / 1024:.1f} MB).".replace(".", ",", 1),
            verwacht=f"hoogstens {MAX_BESTAND // 1024 // 1024} MB",
            oplossing="Splits het bestand of laat overbodige werkbladen weg.",
        )
    return pad.read_bytes()


def _referentie(con: duckdb.DuckDBPyConnection | None) -> Referentie:
    if con is not None:
        return laad_referentie(con)
    return laad_referentie(Leesverbinding().cursor())


def valideer(
    data: bytes,
    bestandsnaam: str,
    con: duckdb.DuckDBPyConnection | None = None,
    gemeente: str | None = None,
    werkbladsoort: str | None = None,
) -> Validatie:
    """Controleert een bestand volledig; geeft een Validatie of werpt UploadGeweigerd met alle meldingen.

    `gemeente`: code (of naam) voor werkbladen zonder kolom gemeente. `werkbladsoort`: 'waarden' of 'streefwaarden'
    om de herkenning van een breed werkblad te overrulen. Schrijft niets.
    """
    naam = Path(bestandsnaam).name
    controleer_bestand(data, naam)
    ref = _referentie(con)
    if gemeente:
        gevonden = [
            c
            for c, n in ref.gemeenten.items()
            if gemeente.strip().upper() == c or gemeente.strip().lower() == n.lower()
        ]
        if not gevonden:
            raise weiger(
                naam, "Onbekende gekozen gemeente.", gevonden=gemeente, verwacht=f"een van: {ref.gemeente_lijst()}"
            )
        gemeente = gevonden[0]
    _, gelezen = _lees_in_werker(data, naam, ref, gemeente, werkbladsoort)
    meldingen = [m for w in gelezen for m in w.meldingen]
    if meldingen:
        raise UploadGeweigerd(meldingen)
    werkbladen = [w for w in gelezen if w.overgeslagen is None]
    overgeslagen = [w.overgeslagen for w in gelezen if w.overgeslagen is not None]
    if not werkbladen:  # geen enkel werkblad met gegevens: weigeren, met de reden per werkblad
        raise (
            UploadGeweigerd(overgeslagen)
            if overgeslagen
            else weiger(
                naam,
                "Het bestand bevat geen werkbladen met gegevens.",
                oplossing="Vul het werkblad Waarden of Streefwaarden van het sjabloon.",
            )
        )
    return Validatie(
        bestandsnaam=naam, sha256=hashlib.sha256(data).hexdigest(), werkbladen=werkbladen, overgeslagen=overgeslagen
    )


_WERKER_MELDING = {
    "geheugen": (
        f"Het lezen van het bestand vroeg meer dan {werker.GEHEUGEN // 1024**3} GB geheugen en is afgebroken.",
        "Kijk of er ver onder of naast de tabel nog cellen gevuld of opgemaakt zijn (Ctrl+End in Excel), "
        "verwijder die rijen en kolommen en sla het bestand opnieuw op.",
    ),
    "tijd": (
        f"Het lezen van het bestand duurde langer dan {werker.TIJD} seconden en is afgebroken.",
        "Lever alleen de werkbladen met de cijfers aan, of splits het bestand.",
    ),
    "afgebroken": (
        "Het bestand kon niet veilig worden gelezen: het leesproces is afgebroken.",
        "Open het in Excel en sla het opnieuw op als Excel-werkmap (*.xlsx). Gaat het dan nog mis, "
        "stuur het bestand naar de beheerder van Sociaal Kompas.",
    ),
}


def warm_werkproces() -> None:
    """Zet alvast het werkproces voor de volgende `valideer` klaar (loaders.werker.warm): de uploadpagina doet dit
    zodra ze getoond wordt, zodat het opstarten niet op de wachttijd van de upload komt."""
    werker.warm(lees_en_controleer.__module__)


def _lees_in_werker(
    data: bytes, naam: str, ref: Referentie, gemeente: str | None, werkbladsoort: str | None
) -> tuple[list[str], list[Werkblad]]:
    """Lezen en controleren in een werkproces met geheugen- en tijdgrens (loaders/werker.py): een parserfout
    in een vijandig of kapot bestand laat alleen deze upload mislukken, nooit de server."""
    grenzen = {k: getattr(excel_lezen, k) for k in ("MAX_RIJEN", "MAX_KOLOMMEN", "MAX_WERKBLADEN")}
    try:
        return werker.voer_uit(lees_en_controleer, data, naam, ref, gemeente, werkbladsoort, grenzen)
    except werker.WerkerFout as fout:
        logging.getLogger(__name__).warning("werkproces voor %s: %s %s", naam, fout.reden, fout.detail[-2000:])
        probleem, oplossing = _WERKER_MELDING.get(fout.reden, _WERKER_MELDING["afgebroken"])
        raise weiger(naam, probleem, oplossing=oplossing) from None


# ---------------------------------------------------------------- voorbeeld

_WAARDE_KOLOMMEN = [
    "rij",
    "kolom",
    "gemeente_code",
    "indicator_code",
    "peiljaar",
    "leeftijd",
    "waarde",
    "bron",
    "toelichting",
]
_STREEF_KOLOMMEN = [
    "rij",
    "kolom",
    "gemeente_code",
    "indicator_code",
    "kader_indicator_id",
    "indicator_tekst",
    "jaar",
    "tekst",
    "soort",
    "waarde",
    "ondergrens",
    "bovengrens",
    "richting",
    "nulmeting_jaar",
    "nulmeting_waarde",
    "bron",
    "toelichting",
]
_SCHEMA = {
    "rij": pa.int32(),
    "kolom": pa.string(),
    "gemeente_code": pa.string(),
    "indicator_code": pa.string(),
    "peiljaar": pa.int32(),
    "leeftijd": pa.string(),
    "waarde": pa.float64(),
    "bron": pa.string(),
    "toelichting": pa.string(),
    "kader_indicator_id": pa.string(),
    "indicator_tekst": pa.string(),
    "jaar": pa.int32(),
    "tekst": pa.string(),
    "soort": pa.string(),
    "ondergrens": pa.float64(),
    "bovengrens": pa.float64(),
    "richting": pa.string(),
    "nulmeting_jaar": pa.int32(),
    "nulmeting_waarde": pa.float64(),
}


def _tabel(werkblad: Werkblad) -> pa.Table:
    """De rijen van een werkblad als Arrow-tabel met vaste kolommen en typen (om in één keer in te voegen)."""
    if werkblad.werkbladsoort == "waarden":
        return werkblad.tabel.to_arrow().cast(pa.schema([(k, _SCHEMA[k]) for k in _WAARDE_KOLOMMEN]))
    rijen = werkblad.streefwaarden
    return pa.table({k: pa.array([getattr(r, k) for r in rijen], type=_SCHEMA[k]) for k in _STREEF_KOLOMMEN})


def _uniek(kolom: pa.ChunkedArray) -> list:
    return sorted(v for v in pc.unique(kolom).to_pylist() if v is not None)


def _dataset(tabel: pa.Table, werkbladsoort: str) -> tuple[str, str]:
    indicator = tabel["indicator_code"]
    if "kader_indicator_id" in tabel.column_names:
        indicator = pc.coalesce(indicator, tabel["kader_indicator_id"])
    gemeenten = ",".join(_uniek(tabel["gemeente_code"]))
    return gemeenten, f"{werkbladsoort}|{gemeenten}|{','.join(_uniek(indicator))}"


_VERGELIJK_WAARDEN = """
with huidig as (
    select w.indicator_code, w.regio_code, w.peiljaar, w.leeftijd, w.waarde,
           row_number() over (partition by w.indicator_code, w.regio_code, w.peiljaar, w.leeftijd
                              order by h.opgehaald_op desc, w.herkomst_id desc) as rang
    from waarneming as w join herkomst as h using (herkomst_id)
    where h.soort = 'upload'
)
select n.rij, n.kolom, n.gemeente_code, n.indicator_code, n.peiljaar, n.leeftijd, h.waarde as oude_waarde,
       n.waarde as nieuwe_waarde,
       case when h.waarde is null then 'nieuw' when abs(h.waarde - n.waarde) < 1e-9 then 'ongewijzigd'
            else 'gewijzigd' end as status
from nieuw as n
left join huidig as h
    on h.rang = 1 and h.indicator_code = n.indicator_code and h.regio_code = n.gemeente_code
    and h.peiljaar = n.peiljaar and h.leeftijd = n.leeftijd
union all
select o.rij, o.kolom, o.gemeente_code, o.indicator_code, o.peiljaar, o.leeftijd, o.waarde, null, 'vervalt'
from upload_waarde as o
where o.upload_id = $vorige
  and not exists (select 1 from nieuw as n where n.gemeente_code = o.gemeente_code and n.indicator_code = o.indicator_code
                  and n.peiljaar = o.peiljaar and n.leeftijd = o.leeftijd)
order by status <> 'vervalt', rij
"""

_VERGELIJK_STREEF = """
with huidig as (
    select *, row_number() over (partition by gemeente_code, coalesce(indicator_code, kader_indicator_id), jaar
                                 order by upload_id desc) as rang
    from geldende_upload_streefwaarde
)
select n.rij, n.kolom, n.gemeente_code, coalesce(n.indicator_code, n.kader_indicator_id) as indicator_code,
       n.jaar, h.tekst as oude_waarde, n.tekst as nieuwe_waarde,
       case when h.upload_id is null then 'nieuw'
            when h.tekst is not distinct from n.tekst and h.nulmeting_waarde is not distinct from n.nulmeting_waarde
                 and h.nulmeting_jaar is not distinct from n.nulmeting_jaar then 'ongewijzigd'
            else 'gewijzigd' end as status
from nieuw as n
left join huidig as h
    on h.rang = 1 and h.gemeente_code = n.gemeente_code and h.jaar is not distinct from n.jaar
    and coalesce(h.indicator_code, h.kader_indicator_id) = coalesce(n.indicator_code, n.kader_indicator_id)
union all
select o.rij, o.kolom, o.gemeente_code, coalesce(o.indicator_code, o.kader_indicator_id), o.jaar, o.tekst, null, 'vervalt'
from upload_streefwaarde as o
where o.upload_id = $vorige
  and not exists (select 1 from nieuw as n where n.gemeente_code = o.gemeente_code and n.jaar is not distinct from o.jaar
                  and coalesce(n.indicator_code, n.kader_indicator_id) = coalesce(o.indicator_code, o.kader_indicator_id))
order by status <> 'vervalt', rij
"""


def _voorbeeld_blad(
    con: duckdb.DuckDBPyConnection, validatie: Validatie, werkblad: Werkblad, tabel: pa.Table, max_rijen: int | None
) -> Voorbeeld:
    gemeenten, sleutel = _dataset(tabel, werkblad.werkbladsoort)
    vorige = con.execute(
        schrijf_sql("vorige_upload"),
        {
            "werkbladsoort": werkblad.werkbladsoort,
            "gemeente": gemeenten,
            "bestand": validatie.bestandsnaam,
            "sleutel": sleutel,
        },
    ).fetchall()
    vorige_id = vorige[0][0] if vorige else None
    con.register("nieuw", tabel)
    try:
        sql = _VERGELIJK_WAARDEN if werkblad.werkbladsoort == "waarden" else _VERGELIJK_STREEF
        if max_rijen == 0:  # vastleggen: alleen de tellingen, zonder alle rijen op te halen en te sorteren
            tellen = f"select status, count(*) from ({sql}) group by status"
            per_status, alle = con.sql(tellen, params={"vorige": vorige_id}).fetchall(), None
        else:
            alle = con.sql(sql, params={"vorige": vorige_id}).to_arrow_table()  # kolomsgewijs: 50.000 rijen in ms
            per_status = [(t["values"], t["counts"]) for t in pc.value_counts(alle["status"]).to_pylist()]
    finally:
        con.unregister("nieuw")
    tellingen = {s: 0 for s in ("nieuw", "gewijzigd", "ongewijzigd", "vervalt")}
    for status, aantal in per_status:
        tellingen[status] += aantal
    getoond = [] if alle is None else (alle if max_rijen is None else alle.slice(0, max_rijen)).to_pylist()
    return Voorbeeld(
        werkblad=werkblad.naam,
        werkbladsoort=werkblad.werkbladsoort,
        dataset_sleutel=sleutel,
        gemeente_code=gemeenten,
        vervangt_upload_id=vorige_id,
        tellingen=tellingen,
        rijen=getoond,
    )


def voorbeeld(
    validatie: Validatie, con: duckdb.DuckDBPyConnection | None = None, max_rijen: int | None = 1000
) -> list[Voorbeeld]:
    """Per werkblad: wat de upload verandert (nieuw / gewijzigd / ongewijzigd / vervalt). Schrijft niets."""
    if con is None:
        con = Leesverbinding().cursor()
    return [_voorbeeld_blad(con, validatie, w, _tabel(w), max_rijen) for w in validatie.werkbladen]


# ---------------------------------------------------------------- vastleggen en intrekken


def _tijdens_vastleggen(con: duckdb.DuckDBPyConnection) -> None:
    """Haakje voor de test die een proces midden in de transactie laat sterven."""


def controleer_gemeenten(validatie: Validatie, gemeenten: Collection[str] | None) -> None:
    """Werpt UploadGeweigerd als een rij over een gemeente gaat buiten `gemeenten` (None: geen grens); de regel
    zelf is kompas.toegang.mag."""
    if gemeenten is None:
        return
    meldingen = []
    for w in validatie.werkbladen:
        tabel = _tabel(w)
        buiten = [g for g in _uniek(tabel["gemeente_code"]) if not toegang.mag(gemeenten, [g])]
        if not buiten:
            continue
        rijen = tabel.filter(pc.is_in(tabel["gemeente_code"], pa.array(buiten))).select(["rij", "gemeente_code"])
        meldingen += [
            Melding(
                bestand=validatie.bestandsnaam,
                werkblad=w.naam,
                rij=r["rij"],
                gevonden=r["gemeente_code"],
                probleem="Deze rij gaat over een gemeente waarvoor je niet mag uploaden.",
                verwacht=f"alleen {', '.join(sorted(gemeenten)) or '(geen gemeente)'}",
                oplossing="Laat rijen van andere gemeenten weg; hun eigen beleidsmedewerkers uploaden die.",
            )
            for r in rijen.to_pylist()
        ]
    if meldingen:
        raise UploadGeweigerd(meldingen)


def leg_vast(
    validatie: Validatie, door: str, pad: Path | None = None, gemeenten: Collection[str] | None = None
) -> list[int]:
    """Legt alle werkbladen vast in één transactie; geeft de upload_id's. Vervangt vorige versies.

    `gemeenten`: alleen rijen voor deze gemeentecodes (de rol van wie uploadt); None: de beheerder.
    """
    if not door or not door.strip():
        raise ValueError("Vul in wie de upload doet (door).")
    controleer_gemeenten(validatie, gemeenten)
    nu = dt.datetime.now().replace(microsecond=0)
    ids = []
    with schrijf_transactie(pad) as con:
        ref = laad_referentie(con)
        for werkblad in validatie.werkbladen:
            tabel = _tabel(werkblad)
            vb = _voorbeeld_blad(con, validatie, werkblad, tabel, max_rijen=0)
            upload_id = con.execute("select coalesce(max(upload_id), 0) + 1 from upload").fetchall()[0][0]
            con.execute(
                "insert into upload values ($id, $bestand, $sha, $blad, $werkbladsoort, $nu, $door, $gemeente, $sleutel, $totaal,"
                " $nieuw, $gewijzigd, $ongewijzigd, $vervalt, $vorige, null, null)",
                {
                    "id": upload_id,
                    "bestand": validatie.bestandsnaam,
                    "sha": validatie.sha256,
                    "blad": werkblad.naam,
                    "werkbladsoort": werkblad.werkbladsoort,
                    "nu": nu,
                    "door": door.strip(),
                    "gemeente": vb.gemeente_code,
                    "sleutel": vb.dataset_sleutel,
                    "totaal": tabel.num_rows,
                    "nieuw": vb.tellingen["nieuw"],
                    "gewijzigd": vb.tellingen["gewijzigd"],
                    "ongewijzigd": vb.tellingen["ongewijzigd"],
                    "vervalt": vb.tellingen["vervalt"],
                    "vorige": vb.vervangt_upload_id,
                },
            )
            bronnen = [b for b in _uniek(tabel["bron"]) if b]
            namen = sorted(ref.gemeenten[g] for g in _uniek(tabel["gemeente_code"]))
            con.execute(
                "insert into herkomst (herkomst_id, soort, bron, titel, adres, opgehaald_op, bestand_sha256, ingebed,"
                " toelichting) values ($hid, 'upload', $bron, $titel, $adres, $nu, $sha, false, $toelichting)",
                {
                    "hid": f"upload:{upload_id}",
                    "bron": "; ".join(bronnen) or f"eigen registratie gemeente {', '.join(namen)}",
                    "titel": f"Upload {validatie.bestandsnaam}, werkblad {werkblad.naam}",
                    "adres": validatie.bestandsnaam,
                    "nu": nu,
                    "sha": validatie.sha256,
                    "toelichting": f"geüpload door {door.strip()}",
                },
            )
            con.register("nieuw", tabel)
            if werkblad.werkbladsoort == "waarden":
                con.execute(
                    f"insert into upload_waarde select $id, {', '.join(_WAARDE_KOLOMMEN)} from nieuw",  # vaste kolomlijst
                    {"id": upload_id},
                )
            else:
                con.execute(
                    f"insert into upload_streefwaarde select $id, {', '.join(_STREEF_KOLOMMEN)} from nieuw",  # vaste kolomlijst
                    {"id": upload_id},
                )
            con.unregister("nieuw")
            # alleen de indicatoren van deze upload en van de versie die ze vervangt opnieuw afleiden
            raakt(con, herkomsten=[f"upload:{i}" for i in (upload_id, vb.vervangt_upload_id) if i is not None])
            if vb.vervangt_upload_id is not None:
                con.execute(
                    "delete from waarneming where herkomst_id = $hid", {"hid": f"upload:{vb.vervangt_upload_id}"}
                )
            if werkblad.werkbladsoort == "waarden":
                con.execute(schrijf_sql("herstel_waarnemingen"), {"upload_id": upload_id, "werkblad": werkblad.naam})
            ids.append(upload_id)
        _tijdens_vastleggen(con)
    return ids


def intrekbaar(
    upload_id: int, con: duckdb.DuckDBPyConnection | None = None, gemeenten: Collection[str] | None = None
) -> dict:
    """De upload (een rij van kompas.gegevens.uploads) als deze persoon hem kan intrekken; anders UploadGeweigerd
    met de reden.

    `gemeenten`: alleen uploads die uitsluitend over deze gemeentecodes gaan; None: de beheerder.
    """
    if con is None:
        con = Leesverbinding().cursor()
    cur = con.execute(sql_bestand("uploads"), {"id": upload_id})
    rij = cur.fetchall()
    if not rij:
        raise weiger(
            f"upload {upload_id}",
            "Deze upload bestaat niet.",
            gevonden=str(upload_id),
            oplossing="Kies een nummer uit de lijst met uploads (python -m loaders upload --lijst).",
        )
    u = dict(zip([d[0] for d in cur.description], rij[0]))
    if not toegang.mag(gemeenten, u["gemeente_code"].split(",")):
        raise weiger(
            u["bestandsnaam"],
            f"Upload {upload_id} gaat over een gemeente waarvoor je niet mag intrekken.",
            werkblad=u["werkblad"],
            gevonden=u["gemeente_code"],
            verwacht=f"alleen {', '.join(sorted(gemeenten))}",
            oplossing="Vraag een beleidsmedewerker van die gemeente om de upload in te trekken.",
        )
    if not u["geldend"]:
        raise weiger(
            u["bestandsnaam"],
            f"Upload {upload_id} geldt niet meer (al ingetrokken of vervangen door een nieuwere versie).",
            werkblad=u["werkblad"],
            oplossing="Trek eerst de nieuwere versie in.",
        )
    return u


def trek_in(upload_id: int, door: str, pad: Path | None = None, gemeenten: Collection[str] | None = None) -> int | None:
    """Trekt een geldende upload in en zet de versie die hij verving terug. Geeft die upload_id (of None).

    `gemeenten`: alleen uploads die uitsluitend over deze gemeentecodes gaan; None: de beheerder.
    """
    with schrijf_transactie(pad) as con:
        u = intrekbaar(upload_id, con, gemeenten)
        con.execute(
            "update upload set ingetrokken_op = $nu, ingetrokken_door = $door where upload_id = $id",
            {"nu": dt.datetime.now().replace(microsecond=0), "door": door, "id": upload_id},
        )
        con.execute("delete from waarneming where herkomst_id = $hid", {"hid": f"upload:{upload_id}"})
        vorige = u["vervangt_upload_id"]
        # alleen de indicatoren van deze upload en van de versie die terugkomt opnieuw afleiden
        raakt(con, herkomsten=[f"upload:{i}" for i in (upload_id, vorige) if i is not None])
        if vorige is not None:
            oud = con.execute(
                "select werkblad, soort from geldende_upload where upload_id = $id", {"id": vorige}
            ).fetchall()
            if not oud:
                return None
            oud = oud[0]
            if oud[1] == "waarden":
                con.execute(schrijf_sql("herstel_waarnemingen"), {"upload_id": vorige, "werkblad": oud[0]})
        return vorige
