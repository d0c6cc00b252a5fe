"""Lezer voor CBS OData v4 (datasets.cbs.nl/odata/v1/CBS/<tabel>/), naast de v3-lezer in `loaders.cbs`.

Geeft hetzelfde `Antwoord` als de v3-lezer (brede rijen per regio/periode/leeftijd/marge), zodat omzetten,
controleren en schrijven één keer bestaan (`loaders.cbs.zet_om`, `schrijf`). De API zoals de referentie hem
beschrijft (shared/reference/cbs_odata_v4.md): servicedocument, `Properties` (singleton, met `Modified`),
`Dimensions`, `MeasureCodes`, `<Dim>Codes` en `Observations` in lange vorm, gepagineerd met `@odata.nextLink`.

Metingen worden op hun betekenis gevonden, niet op hun code: de titel van een meting (`MeasureCodes.Title`) wordt
op dezelfde manier tot een sleutel gemaakt als CBS de v3-sleutels maakt ("Personen per soort uitkering; Bijstand"
-> `PersonenPerSoortUitkeringBijstand`) en vergeleken met het voorvoegsel uit de registry (bron_kolom); wijkt een
titel af, dan noemt `[titels]` in data/cbs_tabellen.toml de titel per voorvoegsel.

Wat de referentie als (unverified) markeert, wordt gecontroleerd en gemeld in plaats van aangenomen: onbekende
ValueAttributes, ontbrekende velden in Properties, opvulspaties in codes. Die meldingen beginnen met 'v4:'.

Waarom geen `cbsodata4` (PyPI 0.1.3): die haalt bij elke tabel eerst de hele catalogus op, schrijft per pagina een
parquetbestand, cachet elk antwoord voor de duur van het proces (functools.cache: een tweede verversing in hetzelfde
proces krijgt oude cijfers) en trekt pandas mee. Wat we nodig hebben is vijf GET's en nextLink volgen, met dezelfde
herhalingen en foutmeldingen als de v3-lezer: dat is deze module.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import math
import re
import unicodedata
from zoneinfo import ZoneInfo

import requests

from loaders import cbs
from loaders.cbs import Antwoord, CbsFout, Melder, Registry, TabelConfig

# ValueAttribute -> het CBS-teken (voor de telling van ontbrekende cijfers); 'None' is een gewoon cijfer.
# 'Missing' en 'Impossible' kent de referentie (§6), 'Confidential' voor 'x' is niet bevestigd.
WAARDEATTRIBUUT = {"Missing": ".", "Impossible": ".", "Confidential": "x"}
NL_TIJD = ZoneInfo("Europe/Amsterdam")


def sleutelvorm(titel: str) -> str:
    """Een titel als CBS-sleutel zonder achtervoegsel: woorden met een hoofdletter aan elkaar, accenten en
    leestekens weg, een cijfer vooraan krijgt 'k_' ('40% personen met ...' -> 'k_40PersonenMet...')."""
    zonder = unicodedata.normalize("NFKD", titel).encode("ascii", "ignore").decode()
    woorden = [w for w in re.split(r"[^0-9A-Za-z]+", zonder) if w]
    sleutel = "".join(w[0].upper() + w[1:] for w in woorden)
    return f"k_{sleutel}" if sleutel[:1].isdigit() else sleutel


def basis(host: str, https: bool, tabel_id: str) -> str:
    return f"{'https' if https else 'http'}://{host}/odata/v1/CBS/{tabel_id}/"


def _json(sessie: requests.Session, url: str, tabel_id: str, host: str, wat: str, meld: Melder):
    def doe():
        antwoord = sessie.get(url, timeout=cbs.TIJDSLIMIET)
        antwoord.raise_for_status()
        return json.loads(antwoord.content.decode("utf-8"))

    return cbs._haal(tabel_id, host, wat, doe, meld)


def _collectie(sessie, url, tabel_id, host, wat, meld, pagina_melding: bool = False) -> list[dict]:
    """Alle rijen van een collectie; volgt `@odata.nextLink` (ondoorzichtig, een volledige URL)."""
    rijen: list[dict] = []
    pagina = 0
    while url:
        pagina += 1
        antwoord = _json(sessie, url, tabel_id, host, f"{wat} (pagina {pagina})" if pagina > 1 else wat, meld)
        if not isinstance(antwoord, dict) or not isinstance(antwoord.get("value"), list):
            raise CbsFout(
                f"Tabel {tabel_id}: het antwoord van {host} op {wat} heeft geen lijst 'value' (OData v4). "
                "Er is niets geschreven."
            )
        if not all(isinstance(r, dict) for r in antwoord["value"]):
            raise CbsFout(f"Tabel {tabel_id}: {wat} heeft niet de verwachte vorm (een lijst van records).")
        rijen.extend(antwoord["value"])
        if pagina_melding:
            meld(f"    pagina {pagina} van de observaties opgehaald")
        url = antwoord.get("@odata.nextLink")
        if url is not None and not isinstance(url, str):
            raise CbsFout(f"Tabel {tabel_id}: @odata.nextLink van {wat} is geen adres.")
    return rijen


def _tijd(tekst, tabel_id: str) -> str:
    """Modified als lokale tijd zonder zone (zoals v3 TableInfos.Modified), ook als v4 een offset of Z geeft."""
    try:
        t = dt.datetime.fromisoformat(str(tekst).replace("Z", "+00:00"))
    except ValueError as fout:
        raise CbsFout(f"Tabel {tabel_id}: Properties.Modified {tekst!r} is geen datum-tijd (OData v4).") from fout
    if t.tzinfo is not None:
        t = t.astimezone(NL_TIJD).replace(tzinfo=None)
    return t.isoformat()


def haal_properties(sessie, host: str, https: bool, tabel_id: str, meld: Melder) -> dict:
    """`Properties` van een tabel, met Title en Modified (als lokale tijd); anders `CbsFout` met wat er wel is."""
    props = _json(sessie, basis(host, https, tabel_id) + "Properties", tabel_id, host, "Properties", meld)
    if not isinstance(props, dict) or isinstance(props.get("value"), list):
        raise CbsFout(f"Tabel {tabel_id}: Properties van {host} is geen enkel record (OData v4 singleton).")
    mist = [v for v in ("Title", "Modified") if not props.get(v)]
    if mist:
        velden = ", ".join(k for k in props if not k.startswith("@")) or "geen"
        raise CbsFout(
            f"Tabel {tabel_id}: v4: Properties mist {' en '.join(mist)} (wel aanwezig: {velden}). "
            "De API wijkt af van de referentie; pas loaders/cbs_v4.py aan."
        )
    return dict(props, Modified=_tijd(props["Modified"], tabel_id))


def los_metingen_op(
    tabel_id: str, metingen: list[dict], voorvoegsels: dict[str, str], titels: dict[str, str], optioneel: frozenset[str]
) -> tuple[dict[str, str], list[str]]:
    """Indicator -> metingcode, gevonden op de titel van de meting (zie de moduletekst)."""
    per_vorm: dict[str, list[dict]] = {}
    for m in metingen:
        if isinstance(m.get("Title"), str) and m.get("Identifier"):
            per_vorm.setdefault(sleutelvorm(m["Title"].strip()).lower(), []).append(m)
    gevonden: dict[str, str] = {}
    ontbreekt: list[str] = []
    for code, voorvoegsel in voorvoegsels.items():
        if voorvoegsel in titels:
            treffers = [m for m in metingen if str(m.get("Title", "")).strip() == titels[voorvoegsel].strip()]
        else:
            treffers = per_vorm.get(voorvoegsel.lower(), [])
        if len(treffers) > 1:
            raise CbsFout(
                f"Tabel {tabel_id}: voorvoegsel {voorvoegsel!r} (indicator {code}) past op meerdere "
                f"metingen in MeasureCodes: {', '.join(str(m['Identifier']) for m in treffers)}. Noem de "
                "juiste titel onder [titels] in data/cbs_tabellen.toml."
            )
        if not treffers:
            if code in optioneel:
                ontbreekt.append(code)
                continue
            bijna = difflib.get_close_matches(voorvoegsel.lower(), list(per_vorm), n=3, cutoff=0.6)
            hint = "; lijkt op: " + ", ".join(repr(per_vorm[b][0]["Title"].strip()) for b in bijna) if bijna else ""
            raise CbsFout(
                f"Tabel {tabel_id}: v4: geen meting met een titel die past bij {voorvoegsel} (indicator "
                f"{code}) in MeasureCodes{hint}. Noem de titel onder [titels] in data/cbs_tabellen.toml, of "
                "zet de indicator bij 'optioneel'."
            )
        gevonden[code] = str(treffers[0]["Identifier"])
    return gevonden, ontbreekt


def _getal_of_teken(tabel_id: str, obs: dict, onbekend: dict[str, int]):
    """De waarde van één observatie in de vorm van een v3-cel: getal, '.', 'x' of None."""
    attribuut = obs.get("ValueAttribute")
    waarde = obs.get("Value")
    if attribuut == "None":
        if waarde is None:
            return None
        if isinstance(waarde, bool) or not isinstance(waarde, (int, float)) or math.isnan(waarde):
            raise CbsFout(
                f"Tabel {tabel_id}: observatie {obs.get('Id')} ({obs.get('Measure')}) heeft waarde "
                f"{waarde!r}; verwacht een getal. Het antwoord is misvormd; er is niets geschreven."
            )
        return waarde
    if attribuut not in WAARDEATTRIBUUT:
        onbekend[str(attribuut)] = onbekend.get(str(attribuut), 0) + 1
        return None
    return WAARDEATTRIBUUT[attribuut]


def haal_tabel(tabel: TabelConfig, registry: Registry, host: str, https: bool, meld: Melder) -> Antwoord:
    """Haalt metadata en de gefilterde Observations op en geeft ze als `Antwoord` (zelfde vorm als v3)."""
    tid = tabel.tabel_id
    voorvoegsels = cbs.voorvoegsels_van(tabel, registry)
    url = basis(host, https, tid)
    opmerkingen: list[str] = []
    with requests.Session() as sessie:
        service = _json(sessie, url, tid, host, "het servicedocument", meld)
        if not isinstance(service, dict) or not isinstance(service.get("value"), list):
            raise CbsFout(f"Tabel {tid}: het servicedocument van {host} heeft geen lijst 'value' (OData v4).")
        namen = {str(s.get("name")) for s in service["value"] if isinstance(s, dict)}
        for nodig in ("Properties", "Dimensions", "MeasureCodes", "Observations"):
            if nodig not in namen:
                raise CbsFout(
                    f"Tabel {tid}: het servicedocument van {host} noemt {nodig} niet "
                    f"(wel: {', '.join(sorted(namen)) or 'niets'}); het antwoord is onvolledig."
                )
        props = haal_properties(sessie, host, https, tid, meld)
        dimensies = [d.get("Identifier") for d in _collectie(sessie, url + "Dimensions", tid, host, "Dimensions", meld)]
        geo = tabel.instellingen["geo_dimensie"]
        if geo not in dimensies:
            raise CbsFout(
                f"Tabel {tid}: dimensie {geo} ontbreekt in Dimensions (gevonden: {', '.join(map(str, dimensies))})."
            )
        cbs.controleer_dimensies(tabel, dimensies)
        metingen = _collectie(sessie, url + "MeasureCodes", tid, host, "MeasureCodes", meld)
        if not metingen:
            raise CbsFout(f"Tabel {tid}: {host} gaf lege MeasureCodes; bestaat de tabel in deze catalogus?")
        titels = tabel.instellingen.get("titels") or {}
        sleutels, ontbreekt = los_metingen_op(tid, metingen, voorvoegsels, titels, tabel.optioneel)
        # Kerncijfers: de tekstmeting 'Indelingswijziging gemeente, wijk, buurt' (code onbekend, op titel gevonden;
        # de waarde staat in StringValue, cbs_odata_v4.md §4.2), als de tabel haar heeft
        indeling = None
        if tabel.tabelsoort == "kwb":
            treffers = [m for m in metingen if sleutelvorm(str(m.get("Title") or "").strip()) == cbs.INDELINGSWIJZIGING]
            indeling = str(treffers[0]["Identifier"]) if len(treffers) == 1 else None
        dims = {}
        for d in dimensies:
            if f"{d}Codes" not in namen:
                raise CbsFout(f"Tabel {tid}: het servicedocument noemt {d}Codes niet; het antwoord is onvolledig.")
            codes = _collectie(sessie, url + f"{d}Codes", tid, host, f"{d}Codes", meld)
            if not codes:
                raise CbsFout(f"Tabel {tid}: {d}Codes is leeg.")
            dims[d] = [dict(c, Key=c.get("Identifier")) for c in codes]
        if any(str(c["Key"]) != str(c["Key"]).strip() for c in dims[geo]):
            opmerkingen.append(f"regiocodes in {geo}Codes hebben opvulspaties (gestript)")

        broncodes = cbs.broncodes_van(tabel, registry)
        metingfilter = " or ".join(f"Measure eq '{m}'" for m in [*sleutels.values(), *([indeling] if indeling else [])])
        regiofilter = " or ".join(f"startswith({geo},'{c}')" for c in broncodes)
        meld(f"  {len(sleutels)} metingen gevonden; observaties ophalen voor {len(broncodes)} regiocodes ...")
        observaties = _collectie(
            sessie,
            requests.Request("GET", url + "Observations", params={"$filter": f"({metingfilter}) and ({regiofilter})"})
            .prepare()
            .url,
            tid,
            host,
            "de observaties",
            meld,
            pagina_melding=True,
        )
    if not observaties:
        raise CbsFout(
            f"Tabel {tid}: de observaties zijn leeg voor de gevraagde regio's ({', '.join(broncodes)}). "
            "De vorige cijfers blijven staan."
        )

    # lang -> breed: één rij per combinatie van dimensiecodes, één kolom per meting
    rijen: dict[tuple, dict] = {}
    gevraagd = set(sleutels.values()) | ({indeling} if indeling else set())
    onbekend: dict[str, int] = {}
    velden = ("Measure", "ValueAttribute", "Value", *dimensies)
    nodig = set(velden)
    for obs in observaties:
        if not nodig <= obs.keys():
            mist = [k for k in velden if k not in obs]
            raise CbsFout(
                f"Tabel {tid}: observatie {obs.get('Id')} mist {', '.join(mist)}. Het antwoord is "
                "misvormd; er is niets geschreven."
            )
        meting = obs["Measure"]
        if meting not in gevraagd:
            continue
        sleutel = tuple([str(obs[d]) for d in dimensies])
        rij = rijen.get(sleutel)
        if rij is None:
            rij = rijen[sleutel] = {d: obs[d] for d in dimensies}
        if meting in rij:
            raise CbsFout(
                f"Tabel {tid}: dubbele observatie voor {meting} bij {', '.join(sleutel)}. Het antwoord is misvormd."
            )
        if meting == indeling:  # een tekstcel ('1', '2', '3')
            rij[indeling] = obs.get("StringValue")
            continue
        waarde = obs["Value"]
        soort = type(waarde)  # het gewone geval hier (een getal zonder teken), de rest in _getal_of_teken
        if obs["ValueAttribute"] == "None" and (soort is float or soort is int) and waarde == waarde:
            rij[meting] = waarde
        else:
            rij[meting] = _getal_of_teken(tid, obs, onbekend)
    for attribuut, aantal in sorted(onbekend.items()):
        opmerkingen.append(
            f"ValueAttribute {attribuut!r} ({aantal} cellen) staat niet in de referentie; als ontbrekend behandeld"
        )
    for tekst in opmerkingen:
        meld(f"  v4: {tekst}")
    meld(f"  {len(observaties)} observaties ontvangen")
    info = {
        "Title": props["Title"],
        "Modified": props["Modified"],
        "Period": props.get("TemporalCoverage"),
        "ShortDescription": props.get("Description") or "",
        "Description": "",
    }
    properties = [
        {
            "Key": m["Identifier"],
            "Type": "Topic",
            "Title": m.get("Title"),
            "Description": m.get("Description"),
            "Decimals": m.get("Decimals"),
        }
        for m in metingen
        if m.get("Identifier") in set(sleutels.values())
    ]
    # dimensies zonder lijst in de v3-vorm (Perioden, Leeftijd, Marges) krijgen hun codes als Key
    return Antwoord(
        info,
        properties,
        dims,
        list(rijen.values()),
        sleutels,
        ontbreekt,
        url,
        regios=tuple(broncodes),
        api="v4",
        indelingswijziging=indeling,
    )
