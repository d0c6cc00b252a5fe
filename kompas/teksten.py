"""Van één waarde naar wat een mens leest: Nederlandse teksten voor tegels, statussen, nulmetingen en
streefwaarden. Zonder polars en zonder Streamlit, zodat de eerste pagina (Overzicht) ze kan gebruiken zonder
zware imports; de tabellen voor st.dataframe staan in kompas.tabellen.
"""

from __future__ import annotations

from kompas import opmaak

OORDEEL_TEKST = {
    "beter": "beter dan landelijk",
    "slechter": "slechter dan landelijk",
    "gelijk": "gelijk aan landelijk",
    "niet te zeggen": "niet te zeggen",
}
STATUS_ICOON = {"op koers": "🟢", "risico": "🟠", "niet op koers": "🔴", "geen gegevens": "⚪"}


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


def opsomming(delen: list[str]) -> str:
    """['A', 'B', 'C'] -> 'A, B en C'."""
    delen = [d for d in delen if d]
    if len(delen) <= 1:
        return "".join(delen)
    return ", ".join(delen[:-1]) + " en " + delen[-1]


def grafiek_ondertitel(regio: str | None, getoond: list[str], breuken: list[dict],
                       leeftijden: list[str] | None = None) -> list[str]:
    """Wat een trendgrafiek werkelijk toont, als regels voor de ondertitel (één plek voor deze regel).

    regio:      de regio waar de grafiek over gaat (de titel zegt '… — Dalfsen'), of None
    getoond:    de regio's met minstens één getekende waarde, in de volgorde van de legenda
    breuken:    per trendbreuk een dict met regio_naam, peiljaar, van en naar (de bronfamilies ervoor en erna)
    leeftijden: de getekende leeftijdsgroepen; meer dan één zijn aparte lijnen (een andere definitie)

    'Dalfsen: geen gegevens; getoond: GGD IJsselland en Nederland'
    'Getoond: Dronten, GGD Flevoland en Nederland'
    'Trendbreuk 2023 (Dronten): andere bron/definitie: gemeente Dronten (daarvoor Gezondheidsmonitor Volwassenen en
    Ouderen)'
    """
    regels = []
    if regio and regio not in getoond:
        regels.append(f"{regio}: geen gegevens; getoond: {opsomming(getoond)}" if getoond else f"{regio}: geen gegevens")
    elif getoond:
        regels.append(f"Getoond: {opsomming(getoond)}")
    if leeftijden and len(leeftijden) > 1:
        regels.append(f"Leeftijdsgroepen {opsomming(leeftijden)}: aparte lijnen (andere definitie)")
    per_breuk: dict[tuple, list[str]] = {}
    plaats = {naam: i for i, naam in enumerate(getoond)}
    for b in sorted(breuken, key=lambda b: (b["peiljaar"], plaats.get(b["regio_naam"], len(plaats)))):
        namen = per_breuk.setdefault((b["peiljaar"], b.get("van"), b.get("naar")), [])
        if b["regio_naam"] not in namen:
            namen.append(b["regio_naam"])
    for (jaar, van, naar), namen in per_breuk.items():
        bronnen = f": {naar} (daarvoor {van})" if van and naar else ""
        regels.append(f"Trendbreuk {jaar} ({opsomming(namen)}): andere bron/definitie{bronnen}")
    return regels


def grafiek_tekst(rij: dict) -> str:
    """Staat deze waarde in de grafiek, en zo niet, waarom niet (kolommen uit afgeleid.indicator_waarden)."""
    if opmaak.leeg(rij.get("waarde")):
        return "nee (geen waarde)"
    if not rij.get("in_grafiek"):
        return "nee (een andere waarde voor dit jaar staat in de grafiek)"
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
