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
