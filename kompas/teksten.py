"""Van één waarde naar wat een mens leest: Nederlandse teksten voor tegels, statussen, nulmetingen en
streefwaarden. Zonder Streamlit; polars alleen voor de typen (een rij is een dict). De tabellen voor
st.dataframe staan in kompas.tabellen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kompas import opmaak
from kompas.status import GEEN_METING_NA_NULMETING
from kompas.streefwaarden import geschreven_decimalen

if TYPE_CHECKING:
    import polars as pl

OORDEEL_TEKST = {
    "beter": "beter dan landelijk",
    "slechter": "slechter dan landelijk",
    "gelijk": "gelijk aan landelijk",
    "niet te zeggen": "niet te zeggen",
}
# Waar het oordeel op rust (oordeel_grondslag, marts/05_indicator_waarden_voor.sql) verandert wat 'gelijk' en 'niet
# te zeggen' betekenen: overlappende 95%-intervallen zijn geen gelijke cijfers, en 'niet te zeggen' zegt waarom.
# een aantal staat nooit naast het aantal van Nederland (marts/05_indicator_waarden_voor.sql, `aantallen`)
GRONDSLAG_AANTAL = "aantal (hangt af van de grootte van de regio)"
OORDEEL_MET_GRONDSLAG = {
    ("gelijk", "95%-intervallen"): "geen significant verschil met landelijk",
    ("niet te zeggen", "enquêtecijfer zonder interval"): (
        "beter of slechter dan landelijk niet te zeggen (enquêtecijfer zonder foutmarge)"
    ),
    ("niet te zeggen", "geen goede richting (neutraal)"): "geen oordeel: hoger of lager is hier niet beter of slechter",
    (
        "niet te zeggen",
        GRONDSLAG_AANTAL,
    ): "geen vergelijking met Nederland: een aantal hangt af van de grootte van de gemeente",
}
# Op de pagina (markdown) een eigen vorm per status, niet alleen een kleur; Material-iconen komen uit het
# lettertype dat Streamlit zelf serveert (emoji hangen af van de lettertypen op de computer van de lezer).
STATUS_ICOON = {
    "op koers": ":green[:material/check_circle:]",
    "risico": ":orange[:material/error:]",
    "niet op koers": ":red[:material/cancel:]",
    "nog niet te beoordelen": ":gray[:material/radio_button_unchecked:]",
}

# Een cijfer waarvan het peiljaar meer dan zoveel jaren voor het huidige jaar ligt, is 'oud': ouder dan een
# raadsperiode (vier jaar). Het Overzicht zegt dat erbij ("cijfer uit 2015").
OUD_NA_JAREN = 4


def hoe_aanvullen(indicator_soort: str | None, bron_tabel: str | None = None) -> str:
    """Wie een ontbrekend cijfer kan aanvullen, in woorden voor een wethouder (geen opdrachtregels)."""
    if indicator_soort == "eigen registratie":
        return (
            "Een beleidsmedewerker kan het aanvullen met een export uit de eigen registratie (pagina Cijfers uploaden)."
        )
    tabel = f" (tabel {bron_tabel})" if bron_tabel else ""
    return (
        f"De beheerder haalt het op bij de volgende verversing uit CBS of RIVM{tabel}; een beleidsmedewerker "
        "kan ook een gepubliceerd cijfer uploaden (pagina Cijfers uploaden)."
    )


def geen_kaders(gemeente_naam: str) -> str:
    """Wat de Kaderspagina zegt over een gemeente zonder ingelezen kaderdocument (bijvoorbeeld net toegevoegd)."""
    return (
        f"Voor {gemeente_naam} zijn geen kaders, doelen of indicatoren ingelezen: geen gegevens. De beheerder "
        "kan het kaderdocument van de gemeente toevoegen."
    )


def is_oud(peiljaar, huidig_jaar: int) -> bool:
    """Ouder dan een raadsperiode (`OUD_NA_JAREN`)."""
    return not opmaak.leeg(peiljaar) and int(peiljaar) < huidig_jaar - OUD_NA_JAREN


def decimalen_van(rij: dict, sleutel: str = "decimalen") -> int:
    """Met hoeveel decimalen een cijfer van `rij` getoond wordt: `sleutel` ('landelijk_decimalen', 'vorige_decimalen',
    'laatste_decimalen') is zoveel als de bron publiceerde, nooit meer dan de indicator (marts/05); zonder die kolom
    of waarde de decimalen van de rij. Beleidskader '4%' blijft '4%', geen '4,00%'."""
    eigen = rij.get(sleutel)
    if opmaak.leeg(eigen):
        eigen = rij.get("decimalen")
    return 0 if opmaak.leeg(eigen) else int(eigen)


def verschil_decimalen(rij: dict, sleutel: str = "decimalen", ander: str = "landelijk_decimalen") -> int:
    """Een verschil tussen twee cijfers (met Nederland, of met de vorige meting: `ander='vorige_decimalen'`): de
    kleinste precisie van de twee ('4%' min '5,66%' is '−2 procentpunt')."""
    return min(decimalen_van(rij, sleutel), decimalen_van(rij, ander))


def verandering(rij: dict) -> dict | None:
    """De verandering sinds de vorige meting als tekst, pijl en kleur voor st.metric.

    De pijl volgt het teken (op de getoonde decimalen: +0,04 bij één decimaal is '±0,0', zonder pijl); de kleur
    volgt de goede richting van de indicator: groen als de verandering de goede kant op gaat, rood als de
    verkeerde, grijs bij geen verandering of zonder goede richting. `toelichting` zegt de richting in woorden,
    want kleur mag niet de enige drager zijn: de tegel zegt 'hoger is beter' (zie `kaart`).
    """
    if opmaak.leeg(rij.get("verandering")):
        return None
    dec = verschil_decimalen(rij, ander="vorige_decimalen")
    afgerond = round(float(rij["verandering"]), dec)
    richting = rij.get("goede_richting")
    if afgerond == 0:
        pijl, kleur = "off", "gray"
    else:
        pijl = "up" if afgerond > 0 else "down"
        goed = {"hoger": afgerond > 0, "lager": afgerond < 0}.get(richting)
        kleur = "gray" if goed is None else ("green" if goed else "red")
    return {
        "tekst": opmaak.verschil(afgerond, rij["eenheid"], dec),
        "pijl": pijl,
        "kleur": kleur,
        "toelichting": "sinds " + vorige_meting_tekst(rij),
    }


GEEN_VERGELIJKING_AANTAL = "geen vergelijking (een aantal hangt af van de grootte van de gemeente)"


def nederland_tekst(eenheid: str, landelijk_waarde, decimalen: int) -> str:
    """Het cijfer van Nederland naast dat van de gemeente, 'geen gegevens', of bij een aantal waarom er geen staat."""
    if opmaak.is_aantal(eenheid):
        return GEEN_VERGELIJKING_AANTAL
    if opmaak.leeg(landelijk_waarde):
        return "geen gegevens"
    return opmaak.met_eenheid(landelijk_waarde, eenheid, decimalen)


SIGNIFICANTIE_REGISTRATIE = "niet van toepassing (registratie, geen steekproef)"


def significantie_tekst(rij: dict) -> str:
    """De significantie tegenover Nederland in een tabel of het rapport. Een registratie is geen steekproef: haar
    oordeel rust op het teken van het verschil (marts/05, oordeel_grondslag), en 'niet te zeggen' naast 'beter dan
    landelijk' las alsof dat oordeel onzeker was; dan 'niet van toepassing'. '–' als er geen significantie is."""
    significantie = rij.get("significantie")
    if not significantie:
        return "–"
    if (
        significantie == "niet te zeggen"
        and rij.get("indicator_soort") in ("registratie", "eigen registratie")
        and not opmaak.leeg(rij.get("landelijk_waarde"))
    ):
        return SIGNIFICANTIE_REGISTRATIE
    return significantie


GEEN_VERGELIJKING_AANTAL_KORT = "geen vergelijking (aantal)"


def landelijk_cel(landelijk_waarde, eenheid: str | None, decimalen: int | None, regio_soort: str | None = None) -> str:
    """Het cijfer van Nederland in een tabelcel: '79,1%', '–' als het ontbreekt, of bij een aantal (dat bewust nooit
    naast Nederland staat) 'geen vergelijking (aantal)' in plaats van een '–' dat leest als 'ontbreekt'. In de rij
    van Nederland zelf (`regio_soort` 'land') 'n.v.t.': niet Nederland naast zichzelf."""
    if regio_soort == "land":
        return "n.v.t."
    if opmaak.is_aantal(eenheid):
        return GEEN_VERGELIJKING_AANTAL_KORT
    if opmaak.leeg(landelijk_waarde):
        return "–"
    return opmaak.met_eenheid(landelijk_waarde, eenheid, decimalen or 0)


def vorige_meting_tekst(rij: dict) -> str:
    """'2023', of de standdatum van de vorige meting ('1 oktober 2020', 'maart 2017' als alleen de maand bekend is)."""
    if not opmaak.leeg(rij.get("vorige_peildatum")):
        return opmaak.peildatum_tekst(rij["vorige_peildatum"], rij.get("vorige_peildatum_precisie"))
    return "–" if opmaak.leeg(rij.get("vorige_peiljaar")) else str(int(rij["vorige_peiljaar"]))


def oordeel_tekst(rij: dict) -> str:
    """Het oordeel tegenover Nederland in woorden, met waar het op rust (`OORDEEL_MET_GRONDSLAG`); '–' zonder."""
    oordeel = rij.get("oordeel")
    if not oordeel:
        return "–"
    return OORDEEL_MET_GRONDSLAG.get((oordeel, rij.get("oordeel_grondslag")), OORDEEL_TEKST.get(oordeel, oordeel))


def waarde_tekst(rij: dict) -> str:
    return opmaak.met_eenheid(rij.get("waarde"), rij["eenheid"], rij["decimalen"])


def interval_tekst(rij: dict, voorvoegsel: str = "") -> str:
    onder, boven = rij.get(f"{voorvoegsel}ondergrens"), rij.get(f"{voorvoegsel}bovengrens")
    if opmaak.leeg(onder) or opmaak.leeg(boven):
        return ""
    return f"{opmaak.getal(onder, rij['decimalen'])} – {opmaak.getal(boven, rij['decimalen'])}"


def kort_getal(waarde, eenheid: str, decimalen: int) -> str:
    """Het getal voor een tegel: '2,9%' of '28,2'; de eenheid staat in de kop erboven (`indicator_kop`)."""
    return opmaak.getal(waarde, decimalen) + ("%" if eenheid.startswith("%") else "")


def kaart(rij: dict, huidig_jaar: int) -> dict:
    """Eén gemeente × kopindicator met een waarde als tegel: waarde, verandering (zie `verandering`), het
    peiljaar (een oud cijfer zegt dat: "cijfer uit 2015") en Nederland ernaast."""
    peil = opmaak.peilmoment(rij["peiljaar"], rij.get("peildatum"), rij.get("peildatum_precisie"))
    oud = is_oud(rij["peiljaar"], huidig_jaar)
    heeft_datum = not opmaak.leeg(rij.get("peildatum"))
    if oud:
        moment = f"van {peil.removeprefix('stand ')}" if heeft_datum else f"uit {peil}"
        delen = [f"cijfer {moment} (ouder dan {OUD_NA_JAREN} jaar)"]
    else:
        delen = [peil if heeft_datum else f"peiljaar {peil}"]
    richting = {"hoger": "hoger is beter", "lager": "lager is beter"}.get(rij.get("goede_richting"))
    if not opmaak.leeg(rij.get("landelijk_waarde")):
        delen.append(
            "Nederland "
            + opmaak.met_eenheid(rij["landelijk_waarde"], rij["eenheid"], decimalen_van(rij, "landelijk_decimalen"))
        )
        delen.append(oordeel_tekst(rij) if rij.get("oordeel") else OORDEEL_TEKST["niet te zeggen"])
    elif rij.get("oordeel_grondslag") == GRONDSLAG_AANTAL:
        delen.append(oordeel_tekst(rij))
    else:
        delen.append("geen landelijk cijfer voor hetzelfde jaar")
    if richting:
        delen.append(richting)
    return {
        "waarde": kort_getal(rij["waarde"], rij["eenheid"], rij["decimalen"]),
        "verandering": verandering(rij),
        "toelichting": " · ".join(delen),
        "oud": oud,
    }


def indicator_kop(naam: str, eenheid: str, leeftijd: str | None) -> str:
    """De kop boven een rij tegels: de naam, de leeftijdsgroep als die niet 'totaal' is, en de eenheid alleen
    als de naam die nog niet noemt (niet "Bijstand per 1.000 inwoners · per 1.000 inwoners")."""
    kop = naam + ("" if not leeftijd or leeftijd == "totaal" or leeftijd in naam else f" ({leeftijd})")
    kern = eenheid.removeprefix("%").removeprefix("aantal").strip()
    if kern and kern.lower() not in naam.lower():
        kop += f" · {eenheid}"
    return kop


def ontbrekend_tekst(ontbrekend: list[tuple[str, list[str], str | None]], alle_gemeenten: list[str]) -> str:
    """Eén regel per thema over wat ontbreekt: (indicatorkop, gemeenten zonder cijfer, indicator_soort) -> tekst met wie
    het kan aanvullen. "Nog geen cijfer voor: Bijstand per 1.000 inwoners (alle gekozen gemeenten); ..."."""
    delen = []
    for kop, gemeenten, _ in ontbrekend:
        wie = "alle gekozen gemeenten" if len(gemeenten) == len(alle_gemeenten) > 1 else opmaak.opsomming(gemeenten)
        delen.append(f"{kop} ({wie})")
    indicatorsoorten = {indicator_soort for _, _, indicator_soort in ontbrekend}
    wie_vult = []
    if indicatorsoorten - {"eigen registratie"}:
        wie_vult.append("cijfers van CBS en RIVM haalt de beheerder op bij de volgende verversing")
    wie_vult.append("een beleidsmedewerker kan eigen of gepubliceerde cijfers uploaden (pagina Cijfers uploaden)")
    return f"Nog geen cijfer voor: {'; '.join(delen)}. Aanvullen: {'; '.join(wie_vult)}."


def overzicht_per_thema(overzicht: pl.DataFrame, gemeente_namen: list[str]) -> list[dict]:
    """De rijen van `gegevens.overzicht` (op volgorde van kopindicator en gemeente) per thema: de indicatoren
    met ten minste één cijfer (elk met zijn rijen per gemeente, None waar die gemeente geen cijfer heeft) en
    één regel over wat ontbreekt (`ontbrekend_tekst`), of None als niets ontbreekt."""
    themas: dict[str, dict] = {}
    for rij in overzicht.iter_rows(named=True):
        thema = themas.setdefault(rij["thema"], {"thema": rij["thema"], "indicatoren": {}, "ontbrekend": []})
        sleutel = (rij["indicator_code"], rij["leeftijd"])
        ind = thema["indicatoren"].setdefault(
            sleutel,
            {
                "indicator_code": rij["indicator_code"],
                "leeftijd": rij["leeftijd"],
                "indicator_soort": rij["indicator_soort"],
                "kop": indicator_kop(rij["indicator_naam"], rij["eenheid"], rij["leeftijd"]),
                "rijen": [],
            },
        )
        ind["rijen"].append(rij if not opmaak.leeg(rij.get("waarde")) else None)
    uit = []
    for thema in themas.values():
        met_cijfer, ontbrekend = [], []
        for ind in thema["indicatoren"].values():
            zonder = [n for n, r in zip(gemeente_namen, ind["rijen"]) if r is None]
            if zonder:
                ontbrekend.append((ind["kop"], zonder, ind["indicator_soort"]))
            if len(zonder) < len(ind["rijen"]):
                met_cijfer.append(ind)
        uit.append(
            {
                "thema": thema["thema"],
                "indicatoren": met_cijfer,
                "ontbrekend": ontbrekend_tekst(ontbrekend, gemeente_namen) if ontbrekend else None,
            }
        )
    return uit


def status_tekst(
    status: str | None, reden: str | None = None, nulmeting_jaar: int | None = None, *, icoon: bool = False
) -> str:
    """'op koers', 'nog niet te beoordelen: nog geen meting na de nulmeting (2025)'; met `icoon` voor markdown
    op de pagina met het statusicoon ervoor (in tabellen en exports zonder)."""
    status = status or "nog niet te beoordelen"
    tekst = f"{STATUS_ICOON.get(status, '')} {status}".strip() if icoon else status
    if reden:
        tekst += f": {reden}"
        if reden == GEEN_METING_NA_NULMETING and nulmeting_jaar:
            tekst += f" ({nulmeting_jaar})"
    return tekst


def doel_status_tekst(
    status: str | None, beoordeeld: int | None, indicatoren: int | None, *, icoon: bool = False
) -> str:
    """'risico (2 van 3 indicatoren beoordeeld)'; zonder indicatoren: 'nog niet te beoordelen: geen indicatoren'."""
    if not indicatoren:
        return status_tekst(status, "geen indicatoren", icoon=icoon)
    woord = "indicator" if indicatoren == 1 else "indicatoren"
    return f"{status_tekst(status, icoon=icoon)} ({beoordeeld} van {indicatoren} {woord} beoordeeld)"


def doelen_telling_regels(telling: dict) -> list[str]:
    """Markdown-regels: ':green[:material/check_circle:] 3 op koers', ... (elke status, ook bij 0)."""
    return [f"{STATUS_ICOON[s]} {telling[s]} {s}" for s in STATUS_ICOON]


def looptijd_tekst(geldig_van: int | None, geldig_tot: int | None, huidig_jaar: int) -> str:
    """'looptijd 2025–2028'; 'looptijd 2019–2022, verlopen' als het laatste jaar voorbij is."""
    if not geldig_van:
        return ""
    jaren = str(geldig_van) if geldig_van == geldig_tot else f"{geldig_van}–{geldig_tot}"
    return f"looptijd {jaren}" + (", verlopen" if geldig_tot and geldig_tot < huidig_jaar else "")


def streefwaarde_tekst(streefwaarden: list[dict] | None) -> str:
    """De streefwaarden als tekst; een geüploade streefwaarde noemt haar upload."""
    if not streefwaarden:
        return "geen streefwaarde"
    return "; ".join(
        (f"{s['jaar']}: " if s.get("jaar") else "")
        + (s.get("tekst") or s.get("soort") or "")
        + (f" ({s['herkomst']})" if (s.get("herkomst") or "").startswith("upload") else "")
        for s in streefwaarden
    )


def streefwaarde_gelezen_tekst(s: dict, eenheid: str, decimalen: int | None) -> str:
    """Hoe Sociaal Kompas een streefwaarde gelezen heeft (kompas.streefwaarden): 'minimaal 30%', 'tussen 65 en
    70%', 'richting: daling'. Naast de tekst zoals de gemeente die schreef (`streefwaarde_tekst`). Met zoveel
    decimalen als die tekst ('85%' blijft '85%', geen '85,0%'), nooit meer dan de indicator (`decimalen`)."""
    soort = s.get("soort")
    dec = _geschreven_of_registry(geschreven_decimalen(s.get("tekst")), decimalen)
    if soort == "band":
        return (
            f"tussen {opmaak.getal(s.get('ondergrens'), dec)} en "
            f"{opmaak.met_eenheid(s.get('bovengrens'), eenheid, dec)}"
        )
    if soort == "richting":
        return f"richting: {s.get('richting') or '–'}"
    if soort in ("punt", "minimaal", "maximaal") and not opmaak.leeg(s.get("waarde")):
        return ("" if soort == "punt" else f"{soort} ") + opmaak.met_eenheid(s["waarde"], eenheid, dec)
    return "niet gelezen"


def opsomming(delen: list[str]) -> str:
    """['A', 'B', 'C'] -> 'A, B en C'."""
    delen = [d for d in delen if d]
    if len(delen) <= 1:
        return "".join(delen)
    return ", ".join(delen[:-1]) + " en " + delen[-1]


def jaren_tekst(jaren: list[int]) -> str:
    """[2017, 2018, 2019, 2021] -> '2017–2019 en 2021'; twee opeenvolgende jaren blijven los ('2012, 2013')."""
    reeksen: list[list[int]] = []
    for jaar in sorted(set(jaren)):
        if reeksen and jaar == reeksen[-1][-1] + 1:
            reeksen[-1].append(jaar)
        else:
            reeksen.append([jaar])
    delen: list[str] = []
    for r in reeksen:
        delen += [f"{r[0]}–{r[-1]}"] if len(r) > 2 else [str(j) for j in r]
    return opsomming(delen)


def grafiek_ondertitel(
    regio: str | None,
    getoond: list[str],
    breuken: list[dict],
    leeftijden: list[str] | None = None,
    zonder_gegevens: list[str] | None = None,
    onderbrekingen: list[dict] | None = None,
    weggelaten: list[str] | None = None,
) -> list[str]:
    """Wat een trendgrafiek werkelijk toont, als regels voor de ondertitel (één plek voor deze regel).

    regio:      de regio waar de grafiek over gaat (de titel zegt '… — Dalfsen'), of None
    getoond:    de regio's met minstens één getekende waarde, in de volgorde van de legenda
    breuken:    per trendbreuk een dict met regio_naam, peiljaar, van en naar (de bronfamilies ervoor en erna), en
                reden als de regio zelf veranderde (herindeling, afbakening)
    leeftijden: de getekende leeftijdsgroepen; meer dan één zijn aparte lijnen (een andere definitie)
    zonder_gegevens: gekozen regio's zonder één getekende waarde (kleine veelvouden: zij hebben geen paneel)
    onderbrekingen: per regio (regio_naam, jaren) de jaren zonder cijfer waarin de bron wel mat: daar is de lijn
                onderbroken (`grafieken.onderbrekingen`)
    weggelaten: regio's met een cijfer die een grafiek van een aantal niet tekent (`grafieken.GROTE_REGIOS`)

    'Dalfsen: geen gegevens; getoond: GGD IJsselland en Nederland'
    'Getoond: Dronten, GGD Flevoland en Nederland'
    'Geen gegevens voor Bronckhorst en Raalte'
    'Trendbreuk 2023 (Dronten): andere bron/definitie: gemeente Dronten (daarvoor Gezondheidsmonitor Volwassenen en
    Ouderen)'
    'Onderbroken lijn: geen cijfer voor Dalfsen in 2019, voor Dronten in 2017–2019 en 2021'
    'Onderbroken lijn: geen cijfer voor Dalfsen, Bronckhorst en Dronten in 2020–2023'
    """
    regels = []
    if zonder_gegevens:
        regels.append(f"Geen gegevens voor {opsomming(zonder_gegevens)}")
    if regio and regio not in getoond:
        regels.append(
            f"{regio}: geen gegevens; getoond: {opsomming(getoond)}" if getoond else f"{regio}: geen gegevens"
        )
    elif getoond:
        regels.append(f"Getoond: {opsomming(getoond)}")
    if weggelaten:
        regels.append(
            f"Niet getoond: {opsomming(weggelaten)} (een aantal hangt af van de grootte van de regio; de cijfers staan "
            "in de tabel)"
        )
    if leeftijden and len(leeftijden) > 1:
        regels.append(f"Leeftijdsgroepen {opsomming(leeftijden)}: aparte lijnen (andere definitie)")
    per_breuk: dict[tuple, list[str]] = {}
    plaats = {naam: i for i, naam in enumerate(getoond)}
    for b in sorted(breuken, key=lambda b: (b["peiljaar"], plaats.get(b["regio_naam"], len(plaats)))):
        sleutel = (b["peiljaar"], b.get("van"), b.get("naar"), b.get("reden"))
        namen = per_breuk.setdefault(sleutel, [])
        if b["regio_naam"] not in namen:
            namen.append(b["regio_naam"])
    for (jaar, van, naar, reden), namen in per_breuk.items():
        if reden:  # de regio veranderde: 'Trendbreuk 2021 (Eemsdelta): herindeling per 1-1-2021'
            regels.append(f"Trendbreuk {jaar} ({opsomming(namen)}): {reden}")
            continue
        bronnen = f": {naar} (daarvoor {van})" if van and naar else ""
        regels.append(f"Trendbreuk {jaar} ({opsomming(namen)}): andere bron/definitie{bronnen}")
    if onderbrekingen:
        # regio's met dezelfde jaren samen (een jaarlijkse bron mist vaak dezelfde jaargangen voor elke gemeente)
        per_jaren: dict[tuple[int, ...], list[str]] = {}
        for o in onderbrekingen:
            per_jaren.setdefault(tuple(o["jaren"]), []).append(o["regio_naam"])
        per_regio = ", ".join(f"voor {opsomming(namen)} in {jaren_tekst(list(j))}" for j, namen in per_jaren.items())
        regels.append(f"Onderbroken lijn: geen cijfer {per_regio}")
    return regels


def grafiek_tekst(rij: dict) -> str:
    """Staat deze waarde in de grafiek, en zo niet, waarom niet (kolommen uit afgeleid.indicator_waarden)."""
    if opmaak.leeg(rij.get("waarde")):
        return "nee (geen waarde)"
    if not rij.get("in_grafiek"):
        return "nee (een andere waarde voor dit jaar staat in de grafiek)"
    if rij.get("trendbreuk") and rij.get("trendbreuk_reden"):
        return f"ja, trendbreuk: {rij['trendbreuk_reden']}"
    if rij.get("trendbreuk"):
        return f"ja, trendbreuk: andere bron/definitie ({rij.get('bronfamilie') or 'andere bron'})"
    return "ja"


def eenheid_tekst(rij: dict) -> str:
    """De eenheid van de cijfers (registry), met de eigen woorden van het kader erbij als die anders zijn:
    'per 1.000 inwoners (in het kader: aantal (trend t.o.v. landelijk))'."""
    eenheid = rij.get("eenheid") or ""
    kader = (rij.get("kader_eenheid") or "").strip()
    if kader and kader != eenheid:
        return f"{eenheid} (in het kader: {kader})" if eenheid else f"in het kader: {kader}"
    return eenheid


def nulmeting_decimalen(rij: dict) -> int:
    """De decimalen van de nulmeting: zoals het kader haar schreef (`nulmeting_tekst`: '82% (2017)' 0), nooit meer dan
    de indicator; zonder tekst (een geüploade nulmeting) die van de indicator."""
    return _geschreven_of_registry(geschreven_decimalen(rij.get("nulmeting_tekst")), rij.get("decimalen"))


def _geschreven_of_registry(geschreven: int | None, registry: int | None) -> int:
    """De decimalen van een getal uit een tekst: zoals geschreven, nooit meer dan de registry-indicator. Zonder
    registry-indicator (een kaderindicator zonder cijfers) zoals geschreven; zonder beide die van opmaak (1)."""
    if registry is None:
        return 1 if geschreven is None else geschreven
    return registry if geschreven is None else min(registry, geschreven)


def nulmeting_tekst(rij: dict) -> str:
    """De nulmeting zoals de gemeente die schreef, anders de waarde zelf; met jaar en, bij een upload, de upload."""
    if (
        rij.get("nulmeting_jaar") is None
        and not rij.get("nulmeting_tekst")
        and opmaak.leeg(rij.get("nulmeting_waarde"))
    ):
        return "geen nulmeting"
    if opmaak.leeg(rij.get("nulmeting_waarde")):
        tekst = "nog geen waarde" if rij.get("nulmeting_jaar") else (rij.get("nulmeting_tekst") or "nog geen waarde")
    elif rij.get("nulmeting_tekst"):
        tekst = rij["nulmeting_tekst"]
    else:
        tekst = opmaak.met_eenheid(rij["nulmeting_waarde"], rij.get("eenheid"), nulmeting_decimalen(rij))
    if rij.get("nulmeting_jaar") and str(rij["nulmeting_jaar"]) not in tekst:
        tekst = f"{tekst} ({rij['nulmeting_jaar']})"
    herkomst = rij.get("nulmeting_herkomst") or ""
    return f"{tekst}, {herkomst}" if herkomst.startswith("upload") else tekst


def overgeslagen_tekst(melding) -> str:
    """De regel in het voorbeeld van een upload (opdrachtregel en pagina) voor een werkblad zonder gegevens
    (`melding`: een loaders.excel_lezen.Melding)."""
    return f"Overgeslagen (niet geüpload): {melding.tekst()}"


def aantal_problemen(aantal: int) -> str:
    """'1 probleem', '2 problemen' (bij een geweigerde upload, opdrachtregel en pagina)."""
    return f"{aantal} probleem" if aantal == 1 else f"{aantal} problemen"


# --- vergelijkingsgroepen (queries/marts/90_vergelijkingsgroep_waarden.sql) -------------------------------------

GROEP_BRON = (
    "Vergelijkingsgroep: mediaan en middelste helft (25%–75%) berekend door Sociaal Kompas uit de geladen cijfers "
    "van de leden, elk met de eigen bron (zie de ledenlijst); geen gepubliceerd groepscijfer."
)


def _aantal_tekst(aantallen: list[int]) -> str:
    laag, hoog = min(aantallen), max(aantallen)
    return f"n = {laag}" if laag == hoog else f"n = {laag}–{hoog}"


# de regels van de legenda van de band (kompas.grafieken.trend); de titel noemt de groep. Kort: ook op een telefoon
# (390 px) past elke regel naast de y-as
GROEP_LEGENDA = ("Middelste helft (25%–75%)", "Mediaan")
GROEP_LEGENDA_KORT = ("middelste helft", "mediaan")  # in een smal paneel; de groep staat in `groep_regel`


def groep_legenda_titel(groep_naam: str, aantallen: list[int], breedte: int = 34) -> list[str]:
    """De titel van de legenda van de band, in regels van hoogstens `breedte` tekens (Vega breekt een titel niet
    zelf af): ['Gemeenten met 20.000 tot 50.000', 'inwoners (n = 12)']; verschilt het aantal leden met een cijfer
    per jaar, dan 'n = 9–12'."""
    import textwrap

    return textwrap.wrap(f"{groep_naam[:1].upper()}{groep_naam[1:]} ({_aantal_tekst(aantallen)})", breedte)


def rang_tekst(rang, aantal) -> str:
    """'3e van 12' (rang 1 is de goede kant, of bij een neutrale indicator de laagste waarde)."""
    if opmaak.leeg(rang) or opmaak.leeg(aantal):
        return "geen rang (geen cijfer)"
    return f"{int(rang)}e van {int(aantal)}"


# onder een grafiek van een eigen registratie (marts/86_groepswaarden.sql rekent er geen groep voor)
GEEN_GROEP_EIGEN_TELLING = "Geen vergelijkingsgroep: een eigen telling van de gemeente, andere gemeenten tellen anders."


def geen_groepscijfers(groep_naam: str) -> str:
    """Onder een grafiek zonder één cijfer van de gekozen vergelijkingsgroep."""
    return (
        f"Geen band voor {groep_naam}: geen lid van de groep heeft een cijfer voor deze indicator in de jaren van de "
        "grafiek (een grootteklasse geldt alleen in jaren waarin de gemeente zelf een geladen inwonertal heeft)."
    )


def te_weinig_tekst(groep_naam: str, aantal: int, minimum: int, jaren: list[int] | None = None) -> str:
    """Waarom er geen band is: 'Geen band voor gemeenten met ...: te weinig gemeenten met een cijfer in deze groep
    (3; een band vanaf 5).'"""
    wanneer = f" in {opsomming([str(j) for j in jaren])}" if jaren else ""
    return (
        f"Geen band voor {groep_naam}{wanneer}: te weinig gemeenten met een cijfer in deze groep ({aantal}; "
        f"een band vanaf {minimum})."
    )


def groep_tegel_tekst(rij: dict) -> str:
    """De regel onder een tegel van het Overzicht: 'Onder gemeenten met 20.000 tot 50.000 inwoners (2023): 3e van 12,
    mediaan 45,0%' (rij uit vergelijkingsgroep_waarden: de gemeente zelf, in een groep met `band`). Onder het minimum
    van de groep staat er niets onder de tegel maar één regel voor de pagina (`te_weinig_tegels_tekst`)."""
    mediaan = opmaak.met_eenheid(rij["groep_mediaan"], rij["eenheid"], rij["decimalen"])
    richting = "" if rij["goede_richting"] in ("hoger", "lager") else " (rang van laag naar hoog)"
    return (
        f"Onder {rij['groep_naam']} ({rij['peiljaar']}): {rang_tekst(rij['rang'], rij['groep_aantal'])}{richting}, "
        f"mediaan {mediaan}"
    )


def alle_waarden_tekst(getoond: int, bronnen: int, totaal: int) -> str:
    """De regel boven de tabel met herkomst op de Indicatorpagina: hoeveel waarden er staan (de focusgemeenten, hun
    wijken, hun GGD-regio's en Nederland) en hoeveel de downloads bevatten (alle regio's)."""
    return (
        f"Hier {opmaak.getal(getoond, 0)} {'waarde' if getoond == 1 else 'waarden'} uit {opmaak.getal(bronnen, 0)} "
        f"{'bron' if bronnen == 1 else 'bronnen'}: van de gemeenten op deze pagina, hun wijken, hun GGD-regio's en "
        f"Nederland. De downloads (CSV en Excel) bevatten alle {opmaak.getal(totaal, 0)} "
        f"{'waarde' if totaal == 1 else 'waarden'} van deze indicator, van alle regio's. Waar meerdere bronnen "
        "hetzelfde cijfer geven, tonen de andere pagina's er één (kolom 'Getoond op de pagina's')."
    )


def te_weinig_tegels_tekst(themas: list[dict], groep_bij: dict[tuple[str, str, str], dict]) -> list[str]:
    """Eén regel per vergelijkingsgroep, jaar en aantal voor de tegels van het Overzicht zonder rang en mediaan
    (de groep onder het minimum, zoals bij de band): 'Onder gemeenten met 20.000 tot 50.000 inwoners (2024): te
    weinig gemeenten met een cijfer in deze groep (3) voor een rang en mediaan, bij Eenzaam (%) (Dalfsen, Dronten);
    Inwoners (Dalfsen).' `themas`: `overzicht_per_thema`; `groep_bij`: kompas.tabellen.groep_bij_tegels."""
    per_groep: dict[tuple, dict[str, list[str]]] = {}
    for thema in themas:
        for ind in thema["indicatoren"]:
            for rij in ind["rijen"]:
                groep = groep_bij.get((ind["indicator_code"], ind["leeftijd"], rij["regio_code"])) if rij else None
                if groep and not groep["band"]:
                    sleutel = (groep["groep_naam"], groep["peiljaar"], groep["groep_aantal"])
                    per_groep.setdefault(sleutel, {}).setdefault(ind["kop"], []).append(rij["regio_naam"])
    return [
        f"Onder {naam} ({jaar}): te weinig gemeenten met een cijfer in deze groep ({aantal}) voor een rang en mediaan, "
        "bij " + "; ".join(f"{kop} ({', '.join(gemeenten)})" for kop, gemeenten in koppen.items()) + "."
        for (naam, jaar, aantal), koppen in per_groep.items()
    ]


def groep_regel(regio_naam: str, band, leeftijden: list[str]) -> str:
    """De regel boven de kleine veelvouden die zegt welke groep de band in het paneel van een gemeente is:
    'Grijze band bij Dalfsen: middelste helft (25%–75%) en mediaan van gemeenten met 20.000 tot 50.000 inwoners
    (n = 12)' (`band`: kompas.tabellen.groep_band van die gemeente, alleen jaren met een band)."""
    getekend = band.filter(band["band"] & band["leeftijd"].is_in(leeftijden))
    namen = getekend["groep_naam"].unique(maintain_order=True).to_list()
    naam = namen[0] if len(namen) == 1 else "gemeenten van dezelfde grootte (CBS-grootteklasse van dat jaar)"
    return (
        f"Grijze band bij {regio_naam}: middelste helft (25%–75%) en mediaan van {naam} "
        f"({_aantal_tekst(getekend['groep_aantal'].to_list())})"
    )
