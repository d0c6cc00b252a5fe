"""Live verversing uit CBS StatLine en RIVM (dataderden): OData v3 met `cbsodata`, OData v4 met `loaders.cbs_v4`.

    python -m loaders refresh [TABEL ...]
    python -m loaders refresh --controleer

Per tabel kiest `api` in de configuratie de weg (v3, v4) en de terugval; tijdelijke storingen worden herhaald
(`met_herhaling`, POGINGEN). `--controleer` vergelijkt Modified van wat geladen is met wat de bron nu serveert.

Welke tabellen: `data/cbs_tabellen.toml`. Welke kolommen: de indicatorregistry (`bron_kolom` is het
voorvoegsel van de CBS-sleutel; het achtervoegsel `_94`/`_83` wordt per tabel in DataProperties
opgezocht). Hosts: KOMPAS_CBS_OPENDATA, KOMPAS_CBS_DATADERDEN, KOMPAS_CBS_HTTPS.

Elke tabel wordt apart opgehaald en gecontroleerd; een leeg, gedeeltelijk of misvormd antwoord geeft een
`CbsFout` en laat de vorige cijfers van die tabel staan. De gelukte tabellen gaan samen in één transactie
(`kompas.db.schrijf_transactie`). Opnieuw draaien vervangt
de waarnemingen van die tabel (zelfde herkomst_id). Deze loader laadt alleen: verhoudingen als
bijstand per 1.000 inwoners worden elders in SQL berekend.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import logging
import math
import os
import re
import threading
import tomllib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import cbsodata
import pyarrow as pa
import pyarrow.ipc
import requests
from tenacity import Retrying, retry_if_exception, stop_after_attempt, wait_exponential

from kompas.db import (
    DATA,
    DatabaseFout,
    Leesverbinding,
    database_pad,
    gelezen_referentie,
    instantie,
    lees_uit,
    maak_schrijfkopie,
    raakt,
    referentie_bij_begin,
    schrijf_sql,
    schrijf_transactie,
)
from kompas.teksten import opsomming

CONFIG = DATA / "cbs_tabellen.toml"
# De licentie van de open data van CBS en RIVM (StatLine), in één schrijfwijze: zo schrijft de verversing haar, en zo
# staat ze in data/bronnen.csv (tools/maak_ingebedde_data.py) en data/indicatoren.csv (tests/test_bronnen.py).
TABEL_EIGEN = ("leeftijd", "marges", "voorvoegsels", "titels", "api", "indicatoren")
LICENTIE = "CC BY 4.0"
TIJDSLIMIET = 120  # seconden per HTTP-verzoek; een hangende server laat de tabel mislukken
# Herhalen: een time-out, een verbroken verbinding of een 5xx/429 wordt opnieuw geprobeerd, hooguit POGINGEN keer
# in totaal, met een wachttijd die verdubbelt (WACHT_BASIS, 2x, 4x ... tot WACHT_MAX seconden). Daarna faalt de
# tabel zoals altijd: niets geschreven, de vorige cijfers blijven staan. Een 4xx (tabel bestaat niet) of een
# misvormd antwoord wordt niet herhaald.
POGINGEN = 4
WACHT_BASIS = 2.0
WACHT_MAX = 30.0
# zoveel tabellen tegelijk ophalen (elk met haar eigen verbindingen; de pagina's van één tabel na elkaar)
GELIJKTIJDIG = 4
STANDAARD_HOSTS = {"opendata": "opendata.cbs.nl", "dataderden": "dataderden.cbs.nl"}  # v3-catalogi
HOST_VARIABELEN = {"opendata": "KOMPAS_CBS_OPENDATA", "dataderden": "KOMPAS_CBS_DATADERDEN"}
V4_HOST, V4_VARIABELE = "datasets.cbs.nl", "KOMPAS_CBS_DATASETS"  # OData v4 (catalogus CBS)
API_S = ("v4", "v3")
DIMENSIE_TYPES = {"Dimension", "TimeDimension", "GeoDimension", "GeoDetail"}
ONTBREKEND = {"", ".", "x"}  # CBS: '.' ontbreekt, 'x' geheim; leeg of null: geen cijfer
STATUS = {"definitief": "definitief", "voorlopig": "voorlopig", "nader voorlopig": "nader voorlopig"}
REGIOCODE = re.compile(r"^[A-Z]{2}\d{2,4}$")
# Voorvoegsels in het regiofilter: 'GM' (alle gemeenten), 'WK' (alle wijken), 'WK0148' (de wijken van Dalfsen)
REGIOVOORVOEGSEL = re.compile(r"^(GM|WK)(\d{4})?$")
GEMEENTE = re.compile(r"^GM\d{4}$")
WIJK = re.compile(r"^WK\d{6}$")  # gemeentecode (4) + wijkcode (2), zie Codering_3 in de Kerncijfers
WIJKEN = ("focus", "alle", "geen")
# De kolom van de Kerncijfers die per gemeente, wijk en buurt zegt of de indeling veranderde ('1' ongewijzigd,
# '2' alleen de code, '3' de afbakening; DataProperties van 85984NED): een voorvoegsel zoals bron_kolom.
INDELINGSWIJZIGING = "IndelingswijzigingGemeenteWijkBuurt"
AFBAKENING_GEWIJZIGD = "3"
# De pagina van een tabel bij de uitgever, voor mensen (het ophalen gaat via de OData-feed). CBS: de tabelpagina
# op cbs.nl, zoals shared/reference die voor elke gebruikte CBS-tabel zag; RIVM: RIVM StatLine, zoals de
# referentie die voor 50090NED/50120NED noemt (cbs_open_data.md §1c).
TABELPAGINA = {
    "CBS": "https://www.cbs.nl/nl-nl/cijfers/detail/{tabel_id}",
    "RIVM": "https://statline.rivm.nl/#/RIVM/nl/dataset/{tabel_id}/table",
}
JAARPERIODE = re.compile(r"^(\d{4})JJ00$")

Melder = Callable[[str], None]


def tabelpagina(uitgever: str, tabel_id: str) -> str:
    """De pagina van StatLine-tabel `tabel_id` bij de uitgever ('CBS' of 'RIVM')."""
    return TABELPAGINA[uitgever].format(tabel_id=tabel_id)


class CbsFout(Exception):
    """Een tabel kon niet (volledig) worden opgehaald; er is niets van geschreven."""


# --------------------------------------------------------------------------------------------------
# Configuratie


@dataclass(frozen=True)
class TabelConfig:
    tabel_id: str
    tabelsoort: str  # [tabelsoort.<code>] in data/cbs_tabellen.toml
    instellingen: dict  # die van de tabelsoort, met wat de tabel zelf zet
    jaar: int | None
    optioneel: frozenset[str]
    regio_soorten: tuple[str, ...]  # welke regio's uit data/regio.csv (Registry.regios_van)
    # de reikwijdte (bereik_van): alle gemeenten uit de codelijst van de tabel, en wiens wijken ('focus', 'alle', 'geen')
    alle_gemeenten: bool = False
    wijken: str = "focus"

    @property
    def api(self) -> list[str]:
        return list(self.instellingen.get("api", ["v3"]))

    @property
    def herkomst_id(self) -> str:
        return f"{self.instellingen['herkomst_voorvoegsel']}:{self.tabel_id}"


def lees_config(pad: Path = CONFIG) -> list[TabelConfig]:
    """De tabellen uit `data/cbs_tabellen.toml`, gecontroleerd."""
    try:
        with open(pad, "rb") as f:
            ruw = tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as fout:
        raise CbsFout(f"Configuratie {pad} is niet te lezen: {fout}. Herstel het bestand (TOML).") from fout
    if "soort" in ruw:
        raise CbsFout(
            f"{pad}: [soort.<code>] heet nu [tabelsoort.<code>]; hernoem de tabellen en 'soort' per [[tabel]]."
        )
    tabelsoorten = ruw.get("tabelsoort", {})
    regio_soorten = tuple(ruw.get("regio_soorten", []))
    if "regios" in ruw:
        raise CbsFout(
            f"{pad}: 'regios' bestaat niet meer; de regio's komen uit data/regio.csv. Noem hun soorten in "
            '\'regio_soorten\', bijvoorbeeld ["gemeente", "ggd_regio", "land"].'
        )
    if not regio_soorten or not all(isinstance(s, str) for s in regio_soorten):
        raise CbsFout(
            f"{pad}: 'regio_soorten' moet een lijst soorten uit data/regio.csv zijn, bijvoorbeeld "
            '["gemeente", "ggd_regio", "land"].'
        )
    alle_gemeenten = ruw.get("alle_gemeenten", False)
    if not isinstance(alle_gemeenten, bool):
        raise CbsFout(f"{pad}: 'alle_gemeenten' is {alle_gemeenten!r}; verwacht true of false.")
    wijken = ruw.get("wijken", "focus")
    if wijken not in WIJKEN:
        raise CbsFout(f"{pad}: 'wijken' is {wijken!r}; kies uit {', '.join(map(repr, WIJKEN))}.")
    tabellen = []
    for i, t in enumerate(ruw.get("tabel", []), start=1):
        plek = f"{pad}, [[tabel]] nr. {i}"
        if "soort" in t:
            raise CbsFout(f"{plek}: 'soort' heet nu 'tabelsoort'.")
        if "id" not in t or "tabelsoort" not in t:
            raise CbsFout(f"{plek}: 'id' en 'tabelsoort' zijn verplicht.")
        code = t["tabelsoort"]
        if code not in tabelsoorten:
            raise CbsFout(f"{plek}: tabelsoort {code!r} bestaat niet; kies uit {', '.join(sorted(tabelsoorten))}.")
        # een tabel kan leeftijd, marges, voorvoegsels, titels en api van haar tabelsoort vervangen
        inst = {**tabelsoorten[code], **{k: t[k] for k in TABEL_EIGEN if k in t}}
        inst["titels"] = {**ruw.get("titels", {}), **inst.get("titels", {})}
        api = inst.get("api", ["v3"])
        if not isinstance(api, list) or not api or any(a not in API_S for a in api) or len(set(api)) < len(api):
            raise CbsFout(
                f"{plek} ({t['id']}): 'api' is {api!r}; verwacht een lijst met 'v4' en/of 'v3', de eerste "
                "wordt eerst geprobeerd."
            )
        onbekend = set(inst.get("voorvoegsels", {})) - set(inst["indicatoren"])
        if onbekend:
            raise CbsFout(
                f"{plek} ({t['id']}): 'voorvoegsels' noemt {', '.join(sorted(onbekend))}, die niet bij "
                f"tabelsoort {code} horen."
            )
        for sleutel in ("catalogus", "herkomst_voorvoegsel", "herkomst_soort", "bron", "geo_dimensie", "indicatoren"):
            if sleutel not in inst:
                raise CbsFout(f"{pad}, [tabelsoort.{code}]: '{sleutel}' ontbreekt.")
        if inst["bron"] not in TABELPAGINA:
            raise CbsFout(
                f"{pad}, [tabelsoort.{code}]: bron {inst['bron']!r} onbekend; "
                f"verwacht de uitgever {' of '.join(TABELPAGINA)}."
            )
        if inst["catalogus"] not in STANDAARD_HOSTS:
            raise CbsFout(
                f"{pad}, [tabelsoort.{code}]: catalogus {inst['catalogus']!r} onbekend; "
                f"verwacht {' of '.join(STANDAARD_HOSTS)}."
            )
        optioneel = frozenset(t.get("optioneel", []))
        onbekend = optioneel - set(inst["indicatoren"])
        if onbekend:
            raise CbsFout(
                f"{plek} ({t['id']}): 'optioneel' noemt {', '.join(sorted(onbekend))}, "
                f"die niet bij tabelsoort {code} horen."
            )
        if "regios" in t:
            raise CbsFout(
                f"{plek} ({t['id']}): 'regios' bestaat niet meer; noem de soorten regio's uit "
                "data/regio.csv in 'regio_soorten'."
            )
        eigen_soorten = tuple(t.get("regio_soorten", regio_soorten))
        if not eigen_soorten or not all(isinstance(s, str) for s in eigen_soorten):
            raise CbsFout(f"{plek} ({t['id']}): 'regio_soorten' moet een lijst soorten uit data/regio.csv zijn.")
        tabellen.append(
            TabelConfig(t["id"], code, inst, t.get("jaar"), optioneel, eigen_soorten, alle_gemeenten, wijken)
        )
    if not tabellen:
        raise CbsFout(f"{pad} noemt geen enkele [[tabel]].")
    return tabellen


def hosts() -> tuple[dict[str, str], bool]:
    """Host per v3-catalogus en 'datasets' (v4), uit de omgeving ('host:poort' mag), en of https wordt gebruikt."""
    gekozen = {cat: os.environ.get(var, "").strip() or STANDAARD_HOSTS[cat] for cat, var in HOST_VARIABELEN.items()}
    gekozen["datasets"] = os.environ.get(V4_VARIABELE, "").strip() or V4_HOST
    https = os.environ.get("KOMPAS_CBS_HTTPS", "1").strip()
    if https not in ("0", "1"):
        raise CbsFout(f"KOMPAS_CBS_HTTPS is {https!r}; verwacht 1 (https) of 0 (http).")
    return gekozen, https == "1"


@dataclass(frozen=True)
class Registry:
    bron_kolom: dict[str, str | None]  # indicator_code -> voorvoegsel van de CBS-sleutel
    # broncode (NL00) -> onze regiocode (NL01); ook de oude codes van een codewijziging (data/herindeling.csv)
    alias: dict[str, str]
    regio_soort: dict[str, str]  # regiocode -> regiosoort, op volgorde (data/regio.csv)
    focus: tuple[str, ...] = ()  # de focusgemeenten (regio.csv, focus 'ja')
    regio_naam: dict[str, str] = field(default_factory=dict)  # van elke regio in de database
    opgehaald: frozenset[str] = frozenset()  # regio's uit de codelijst van een eerder opgehaalde tabel
    # van elke regio uit de codelijst van een eerder opgehaalde tabel: (regio_naam, soort, gemeente_code, herkomst_id)
    opgehaalde_regios: dict[str, tuple] = field(default_factory=dict)
    # de vingerafdruk van de referentie bij de laatste commit van de gelezen database (kompas.db.gelezen_referentie):
    # is die bij het schrijven nog dezelfde, dan staan regio's en indicatoren er nog zoals hier gelezen (schrijf_in)
    referentie: str | None = None

    @property
    def regios(self) -> frozenset[str]:
        return frozenset(self.regio_soort) | self.opgehaald

    def regios_van(self, tabel: TabelConfig) -> tuple[str, ...]:
        """De regio's die `tabel` ophaalt: die van zijn regio_soorten, in die volgorde, daarbinnen op volgorde."""
        return tuple(
            code for regiosoort in tabel.regio_soorten for code, s in self.regio_soort.items() if s == regiosoort
        )


def lees_registry(pad: Path | None = None, con=None) -> Registry:
    """Voorvoegsels, regio-aliassen en regio's uit de database (gebouwd uit data/). `con`: een DuckDB-instantie
    (`kompas.db.instantie`) om in te lezen, die daarna ook schrijft (`ververs`); anders een eigen."""
    eigen = con is None
    con = instantie() if eigen else con
    try:
        with lees_uit(con, pad):
            kolommen = dict(con.execute("select indicator_code, bron_kolom from indicator").fetchall())
            alias = dict(
                con.execute(
                    "select bron_code, regio_code from regio_alias"
                    " union all select oud_code, nieuw_code from herindeling where soort = 'codewijziging'"
                ).fetchall()
            )
            regios = con.execute(
                "select regio_code, soort, focus, regio_naam, herkomst_id, gemeente_code from regio"
                " order by volgorde, regio_code"
            ).fetchall()
            referentie = gelezen_referentie(con)
    finally:
        if eigen:
            con.close()
    return Registry(
        kolommen,
        alias,
        {code: soort for code, soort, _, _, herkomst, _ in regios if herkomst is None},
        tuple(
            code for code, soort, focus, _, herkomst, _ in regios if focus and soort == "gemeente" and herkomst is None
        ),
        {code: naam for code, _, _, naam, _, _ in regios},
        frozenset(code for code, _, _, _, herkomst, _ in regios if herkomst is not None),
        {
            code: (naam, soort, gemeente, herkomst)
            for code, soort, _, naam, herkomst, gemeente in regios
            if herkomst is not None
        },
        referentie,
    )


# --------------------------------------------------------------------------------------------------
# Ophalen


# _cbsodata_opties zet iets voor het hele proces (cbsodata.options, de root-logger); tabellen die tegelijk worden
# opgehaald (ververs) delen dat: de eerste zet het, de laatste zet het terug
_OPTIES_SLOT = threading.Lock()
_OPTIES: dict = {"aantal": 0}


@contextlib.contextmanager
def _cbsodata_opties(https: bool, meld: Melder):
    """Zet `cbsodata.options.use_https` tijdelijk en meldt elke gedownloade pagina van de dataset (alleen de pagina's
    die deze thread ophaalt: tabellen kunnen tegelijk worden opgehaald)."""
    wortel = logging.getLogger()
    draad = threading.get_ident()
    pagina = {"n": 0}

    class _Voortgang(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            tekst = record.getMessage()
            if record.thread == draad and tekst.startswith("Download ") and "DataSet" in tekst:
                pagina["n"] += 1
                meld(f"    pagina {pagina['n']} van de dataset opgehaald")

    handler = _Voortgang(logging.INFO)
    with _OPTIES_SLOT:
        if not _OPTIES["aantal"]:
            # cbsodata meldt elke pagina met logging.info op de root-logger. Om die te zien zetten we het
            # niveau tijdelijk op INFO; bestaande handlers (bijv. basicConfig naar stderr) houden hun drempel.
            oud_niveau = wortel.level
            drempel = oud_niveau if oud_niveau != logging.NOTSET else logging.WARNING
            _OPTIES.update(
                https=cbsodata.options.use_https, niveau=oud_niveau, handlers=[(h, h.level) for h in wortel.handlers]
            )
            for h, niveau in _OPTIES["handlers"]:
                h.setLevel(max(niveau, drempel))
            cbsodata.options.use_https = https
            wortel.setLevel(min(drempel, logging.INFO))
        _OPTIES["aantal"] += 1
        wortel.addHandler(handler)
    try:
        yield
    finally:
        with _OPTIES_SLOT:
            wortel.removeHandler(handler)
            _OPTIES["aantal"] -= 1
            if not _OPTIES["aantal"]:
                wortel.setLevel(_OPTIES["niveau"])
                for h, niveau in _OPTIES["handlers"]:
                    h.setLevel(niveau)
                cbsodata.options.use_https = _OPTIES["https"]


def _http_status(fout: BaseException) -> int | None:
    """De HTTP-status van een requests-fout; cbsodata verpakt de oorspronkelijke fout (`raise ... from`)."""
    for f in (fout, fout.__cause__):
        antwoord = getattr(f, "response", None)
        if antwoord is not None:
            return antwoord.status_code
    return None


def _herhaalbaar(fout: BaseException) -> bool:
    if isinstance(fout, (requests.Timeout, requests.ConnectionError)):
        return True
    if isinstance(fout, requests.HTTPError):
        status = _http_status(fout)
        return status is not None and (status >= 500 or status == 429)
    return False


def _oorzaak(fout: BaseException) -> str:
    if isinstance(fout, requests.Timeout):
        return "de server antwoordde niet op tijd"
    if isinstance(fout, requests.ConnectionError):
        return "geen verbinding"
    return f"HTTP-status {_http_status(fout) or 'onbekend'}"


def met_herhaling(doe: Callable, tabel_id: str, host: str, wat: str, meld: Melder):
    """`doe()` met herhalingen bij een tijdelijke storing (zie POGINGEN); elke herhaling wordt gemeld."""

    def voor_het_wachten(toestand) -> None:
        fout = toestand.outcome.exception()
        meld(
            f"  {wat} van {tabel_id} bij {host}: {_oorzaak(fout)}; opnieuw proberen over "
            f"{toestand.next_action.sleep:.0f} s (poging {toestand.attempt_number + 1} van {POGINGEN})"
        )

    herhaler = Retrying(
        stop=stop_after_attempt(POGINGEN),
        wait=wait_exponential(multiplier=WACHT_BASIS, max=WACHT_MAX),
        retry=retry_if_exception(_herhaalbaar),
        before_sleep=voor_het_wachten,
        reraise=True,
    )
    return herhaler(doe)


def _haal(tabel_id: str, host: str, wat: str, doe: Callable, meld: Melder = print):
    pogingen = {"n": 0}

    def tel():
        pogingen["n"] += 1
        return doe()

    def na() -> str:
        return f" na {pogingen['n']} pogingen" if pogingen["n"] > 1 else ""

    try:
        return met_herhaling(tel, tabel_id, host, wat, meld)
    except requests.HTTPError as fout:
        status = _http_status(fout) or "onbekend"
        raise CbsFout(
            f"Tabel {tabel_id}: {host} gaf een HTTP-fout bij het ophalen van {wat} (status {status}{na()}). "
            "Er is niets geschreven; probeer het later opnieuw."
        ) from fout
    except requests.RequestException as fout:
        raise CbsFout(
            f"Tabel {tabel_id}: {host} is niet bereikbaar bij het ophalen van {wat} ({_oorzaak(fout)}{na()}). "
            "Er is niets geschreven. Controleer de netwerkverbinding en KOMPAS_CBS_*."
        ) from fout
    except (ValueError, KeyError, TypeError, AttributeError) as fout:
        raise CbsFout(
            f"Tabel {tabel_id}: het antwoord van {host} op {wat} is geen geldige OData-JSON. "
            "Er is niets geschreven; probeer het later opnieuw."
        ) from fout


def _lijst_van_dicts(tabel_id: str, naam: str, waarde) -> list[dict]:
    if not isinstance(waarde, list) or not all(isinstance(r, dict) for r in waarde):
        raise CbsFout(
            f"Tabel {tabel_id}: {naam} heeft niet de verwachte vorm (een lijst van records), maar iets anders."
        )
    return waarde


def los_sleutels_op(
    tabel_id: str, properties: list[dict], voorvoegsels: dict[str, str], optioneel: frozenset[str] = frozenset()
) -> tuple[dict[str, str], list[str]]:
    """Indicator -> CBS-sleutel, gevonden op voorvoegsel (`^Voorvoegsel_<getal>$`) in DataProperties.

    Geeft ook de indicatoren terug die de tabel niet heeft en optioneel zijn.
    """
    topics = [p.get("Key") for p in properties if p.get("Type") == "Topic"]
    gevonden: dict[str, str] = {}
    ontbreekt: list[str] = []
    for code, voorvoegsel in voorvoegsels.items():
        patroon = re.compile(rf"^{re.escape(voorvoegsel)}_\d+$")
        treffers = [k for k in topics if isinstance(k, str) and patroon.match(k)]
        if len(treffers) > 1:
            raise CbsFout(
                f"Tabel {tabel_id}: voorvoegsel {voorvoegsel!r} (indicator {code}) past op meerdere "
                f"kolommen in DataProperties: {', '.join(treffers)}. Maak bron_kolom in "
                "data/indicatoren.csv eenduidig."
            )
        if not treffers:
            if code in optioneel:
                ontbreekt.append(code)
                continue
            raise CbsFout(
                f"Tabel {tabel_id}: geen kolom {voorvoegsel}_<nummer> (indicator {code}) in DataProperties. "
                "De tabel is veranderd of het voorvoegsel in data/indicatoren.csv klopt niet; of zet de "
                "indicator onder 'optioneel' in data/cbs_tabellen.toml als deze jaargang hem niet heeft."
            )
        gevonden[code] = treffers[0]
    return gevonden, ontbreekt


def _getal(tabel_id: str, kolom: str, regio: str, waarde) -> float | None:
    """Een CBS-waarde als getal; '.', 'x', leeg en null worden None (nooit 0)."""
    if waarde is None:
        return None
    if isinstance(waarde, bool):
        raise CbsFout(f"Tabel {tabel_id}, kolom {kolom}, regio {regio}: waarde {waarde!r} is geen getal.")
    if isinstance(waarde, (int, float)):
        return None if math.isnan(waarde) else float(waarde)
    if isinstance(waarde, str):
        tekst = waarde.strip()
        if tekst in ONTBREKEND:
            return None
        try:
            return float(tekst)
        except ValueError:
            pass
    raise CbsFout(
        f"Tabel {tabel_id}, kolom {kolom}, regio {regio}: waarde {waarde!r} is geen getal; "
        "verwacht een getal, '.', 'x' of leeg."
    )


@dataclass
class Antwoord:
    """Wat cbsodata voor één tabel teruggaf, gecontroleerd."""

    info: dict
    properties: list[dict]
    dimensies: dict[str, list[dict]]
    rijen: list[dict]
    sleutels: dict[str, str]
    ontbreekt: list[str]
    adres: str
    regios: tuple[str, ...] = ()  # de codes en voorvoegsels van het regiofilter (broncodes_van)
    api: str = "v3"
    indelingswijziging: str | None = None  # kolom met de indelingswijziging per regio (Kerncijfers), als gevraagd


def voorvoegsels_van(tabel: TabelConfig, registry: Registry) -> dict[str, str]:
    """Indicator -> voorvoegsel van de CBS-sleutel: uit de registry, of uit 'voorvoegsels' bij de tabel."""
    eigen = tabel.instellingen.get("voorvoegsels", {})
    voorvoegsels = {}
    for code in tabel.instellingen["indicatoren"]:
        if code not in registry.bron_kolom:
            raise CbsFout(
                f"data/cbs_tabellen.toml noemt indicator {code!r} voor {tabel.tabel_id}, maar die staat niet "
                "in de registry (data/indicatoren.csv)."
            )
        if not (eigen.get(code) or registry.bron_kolom[code]):
            raise CbsFout(
                f"Indicator {code} heeft geen bron_kolom in data/indicatoren.csv; vul het CBS-voorvoegsel in."
            )
        voorvoegsels[code] = eigen.get(code) or registry.bron_kolom[code]
    return voorvoegsels


def controleer_dimensies(tabel: TabelConfig, dimensies: list[str]) -> None:
    """Alleen de geo-dimensie, Perioden en (met codering) Leeftijd en Marges: anders lopen reeksen door elkaar."""
    toegestaan = {tabel.instellingen["geo_dimensie"], "Perioden"} | {
        n.capitalize() for n in ("leeftijd", "marges") if isinstance(tabel.instellingen.get(n), dict)
    }
    vreemd = [d for d in dimensies if d not in toegestaan]
    if vreemd:
        raise CbsFout(
            f"Tabel {tabel.tabel_id}: onverwachte dimensie(s) {', '.join(map(str, vreemd))}; zonder codering "
            "in data/cbs_tabellen.toml zouden verschillende reeksen door elkaar lopen."
        )


def wijk_ouders(tabel: TabelConfig, registry: Registry) -> tuple[str, ...] | None:
    """De gemeenten waarvan `tabel` de wijken ophaalt: de focusgemeenten ('focus'), elke gemeente die de tabel ophaalt
    ('alle'; None = elke gemeente van de codelijst, met alle_gemeenten), of geen."""
    if tabel.wijken == "geen" or "gemeente" not in tabel.regio_soorten:
        return ()
    if tabel.wijken == "focus":
        return registry.focus
    if tabel.alle_gemeenten:
        return None
    return tuple(c for c, s in registry.regio_soort.items() if s == "gemeente")


def broncodes_van(tabel: TabelConfig, registry: Registry) -> list[str]:
    """De regiocodes en -voorvoegsels voor het filter (startswith op de geo-dimensie): onze codes en hun aliassen
    (NL00, de oude code van een codewijziging), 'GM' voor alle gemeenten, 'WK0148' voor de wijken van een gemeente.
    Een code die al onder een voorvoegsel valt, valt weg. Alleen vaste codevormen (ze komen in de filtertekst)."""
    regios = registry.regios_van(tabel)
    codes = set(regios) | {b for b, r in registry.alias.items() if r in regios}
    if tabel.alle_gemeenten and "gemeente" in tabel.regio_soorten:
        codes.add("GM")
    ouders = wijk_ouders(tabel, registry)
    codes |= {"WK"} if ouders is None else {f"WK{g[2:]}" for g in ouders}
    broncodes = sorted(c for c in codes if not any(c != v and c.startswith(v) for v in codes))
    for code in broncodes:
        if not (REGIOCODE.match(code) or REGIOVOORVOEGSEL.match(code)):
            raise CbsFout(f"Regiocode {code!r} (regio of regio_alias) is ongeldig.")
    return broncodes


@dataclass
class Bereik:
    """Welke regio's een tabel levert, uit haar eigen codelijst (bereik_van)."""

    verwacht: list[str] = field(default_factory=list)  # onze codes, in de volgorde: regio.csv, dan de codelijst
    soort: dict[str, str] = field(default_factory=dict)  # regiocode -> soort, van elke verwachte regio
    nieuw: list[dict] = field(default_factory=list)  # regio-rijen uit de codelijst die niet in regio.csv staan
    niet_in_tabel: list[str] = field(default_factory=list)  # regio's uit regio.csv die de tabel niet kent
    wijken_gevraagd: bool = False

    def aantal(self, soort: str, codes=None) -> int:
        return sum(1 for c in (self.verwacht if codes is None else codes) if self.soort.get(c) == soort)


def bereik_van(tabel: TabelConfig, registry: Registry, codelijst: list[dict]) -> Bereik:
    """De regio's die `tabel` levert: die uit regio.csv (regio_soorten), met alle_gemeenten elke gemeente (GMxxxx) uit
    de codelijst van de tabel, en de wijken (WKxxxxyy) van de gemeenten uit `wijk_ouders`. Code en naam komen uit de
    codelijst (Key, Title; de gemeente van een wijk uit Municipality of haar eigen rij); er wordt niets bedacht."""
    eigen = registry.regios_van(tabel)
    lijst = []
    for c in codelijst:
        code = str(c.get("Key", "")).strip()
        lijst.append((registry.alias.get(code, code), str(c.get("Title") or "").strip(), c.get("Municipality")))
    aangeboden = {code for code, _, _ in lijst}
    gemeentenamen = {code: titel for code, titel, _ in lijst if GEMEENTE.match(code) and titel}
    uit = Bereik(niet_in_tabel=[r for r in eigen if r not in aangeboden])
    uit.verwacht = [r for r in eigen if r in aangeboden]
    uit.soort = {r: registry.regio_soort[r] for r in uit.verwacht}
    alle = tabel.alle_gemeenten and "gemeente" in tabel.regio_soorten
    ouders = wijk_ouders(tabel, registry)
    uit.wijken_gevraagd = ouders is None or bool(ouders)
    gezien = set(uit.verwacht)
    for code, titel, gemeente in lijst:
        if code in gezien or not titel:
            continue
        if GEMEENTE.match(code) and alle:
            rij = {"regio_code": code, "regio_naam": titel, "soort": "gemeente", "gemeente_code": None}
        elif WIJK.match(code) and (ouders is None or f"GM{code[2:6]}" in ouders):
            ouder = f"GM{code[2:6]}"
            naam = str(gemeente or "").strip() or gemeentenamen.get(ouder) or registry.regio_naam.get(ouder)
            if not naam:
                continue  # zonder gemeente geen wijk: de naam zou niet uit de tabel komen
            rij = {"regio_code": code, "regio_naam": f"{titel} (wijk, gem. {naam})", "soort": "wijk"}
            rij["gemeente_code"] = ouder
        else:
            continue
        gezien.add(code)
        uit.verwacht.append(code)
        uit.soort[code] = registry.regio_soort.get(code, rij["soort"])
        if code not in registry.regio_soort:  # een regio uit regio.csv houdt haar eigen naam en gegevens
            uit.nieuw.append(rij)
    return uit


def indelingswijziging_kolom(tabel: TabelConfig, properties: list[dict]) -> str | None:
    """De sleutel van de kolom IndelingswijzigingGemeenteWijkBuurt_<n> (Kerncijfers), als de tabel hem heeft."""
    if tabel.tabelsoort != "kwb":
        return None
    patroon = re.compile(rf"^{INDELINGSWIJZIGING}_\d+$")
    treffers = [p["Key"] for p in properties if p.get("Type") == "Topic" and patroon.match(str(p.get("Key")))]
    return treffers[0] if len(treffers) == 1 else None


def haal_tabel(tabel: TabelConfig, registry: Registry, host: str, https: bool, meld: Melder) -> Antwoord:
    """Haalt metadata en de gefilterde TypedDataSet op met de echte cbsodata-client (OData v3)."""
    tid = tabel.tabel_id
    voorvoegsels = voorvoegsels_van(tabel, registry)

    with _cbsodata_opties(https, meld):
        properties = _lijst_van_dicts(
            tid,
            "DataProperties",
            _haal(
                tid,
                host,
                "DataProperties",
                lambda: cbsodata.get_meta(tid, "DataProperties", catalog_url=host, timeout=TIJDSLIMIET),
                meld,
            ),
        )
        if not properties:
            raise CbsFout(f"Tabel {tid}: {host} gaf lege DataProperties; bestaat de tabel in deze catalogus?")
        sleutels, ontbreekt = los_sleutels_op(tid, properties, voorvoegsels, tabel.optioneel)
        dimensies = [p["Key"] for p in properties if p.get("Type") in DIMENSIE_TYPES]
        geo = tabel.instellingen["geo_dimensie"]
        if geo not in dimensies:
            raise CbsFout(
                f"Tabel {tid}: dimensie {geo} ontbreekt in DataProperties (gevonden: {', '.join(dimensies)})."
            )
        controleer_dimensies(tabel, dimensies)
        broncodes = broncodes_van(tabel, registry)
        filters = " or ".join(f"startswith({geo},'{code}')" for code in broncodes)
        indeling = indelingswijziging_kolom(tabel, properties)
        select = dimensies + list(sleutels.values()) + ([indeling] if indeling else [])
        meld(f"  {len(sleutels)} kolommen gevonden; dataset ophalen voor {len(broncodes)} regiocodes ...")
        # cbsodata 1.3.5 verwijdert bij typed=True juist de TypedDataSet uit de lijst en haalt de
        # UntypedDataSet (J535D165/cbsodata#20); typed=False geeft de TypedDataSet. We nemen wat er komt
        # en lezen ook strings ('   123', '.', 'x') correct, zodat een gerepareerde versie ook werkt.
        ruw = _haal(
            tid,
            host,
            "de dataset",
            lambda: cbsodata.download_data(
                tid, typed=False, select=select, filters=filters, catalog_url=host, timeout=TIJDSLIMIET
            ),
            meld,
        )

    if not isinstance(ruw, dict):
        raise CbsFout(
            f"Tabel {tid}: onverwacht antwoord van cbsodata (geen tabel met gegevens). Er is niets geschreven."
        )
    dataset = "TypedDataSet" if "TypedDataSet" in ruw else "UntypedDataSet"
    for naam in ("TableInfos", dataset, "DataProperties", *dimensies):
        if naam not in ruw:
            raise CbsFout(f"Tabel {tid}: het servicedocument van {host} noemt {naam} niet; het antwoord is onvolledig.")
    infos = _lijst_van_dicts(tid, "TableInfos", ruw["TableInfos"])
    if len(infos) != 1 or not infos[0].get("Modified") or not infos[0].get("Title"):
        raise CbsFout(f"Tabel {tid}: TableInfos bevat geen (enkele) rij met Title en Modified.")
    rijen = _lijst_van_dicts(tid, dataset, ruw[dataset])
    if not rijen:
        raise CbsFout(
            f"Tabel {tid}: de dataset is leeg voor de gevraagde regio's ({', '.join(broncodes)}). "
            "De vorige cijfers blijven staan."
        )
    for i, rij in enumerate(rijen, start=1):
        mist = [k for k in select if k not in rij]
        if mist:
            raise CbsFout(
                f"Tabel {tid}, {dataset} rij {i}: kolom(men) {', '.join(mist)} ontbreken. "
                "Het antwoord is misvormd; er is niets geschreven."
            )
    dims = {d: _lijst_van_dicts(tid, d, ruw[d]) for d in dimensies}
    adres = f"{'https' if https else 'http'}://{host}/ODataFeed/odata/{tid}/"
    meld(f"  {len(rijen)} rijen ontvangen")
    return Antwoord(infos[0], properties, dims, rijen, sleutels, ontbreekt, adres, tuple(broncodes), "v3", indeling)


# --------------------------------------------------------------------------------------------------
# Omzetten naar waarnemingen


@dataclass
class Waarnemingen:
    rijen: list[dict] = field(default_factory=list)
    ontbrekend: int = 0  # '.', 'x', leeg: niet geschreven (ontbreekt blijft ontbreken)
    niet_in_tabel: list[str] = field(default_factory=list)
    bereik: Bereik = field(default_factory=Bereik)
    # (regio, peiljaar) met afbakening gewijzigd volgens de tabel zelf (indelingswijziging '3'): reeksbreuk
    breuken: list[tuple[str, int]] = field(default_factory=list)


def _status_kwb(info: dict, prop: dict) -> str | None:
    if re.search(r"voorlopige cijfers", prop.get("Description") or "", re.IGNORECASE):
        return "voorlopig"
    if re.search(r"Definitief, tenzij", (info.get("ShortDescription") or "") + (info.get("Description") or "")):
        return "definitief"
    return None


def _decimalen(prop: dict | None) -> int | None:
    """Met hoeveel decimalen de tabel de meting publiceert (Decimals in DataProperties, v4: MeasureCodes); None
    als de tabel het niet zegt (dan de decimalen van de indicator)."""
    d = (prop or {}).get("Decimals")
    return int(d) if isinstance(d, int) and not isinstance(d, bool) and 0 <= d <= 10 else None


def zet_om(tabel: TabelConfig, antwoord: Antwoord, registry: Registry) -> Waarnemingen:
    """TypedDataSet-rijen -> waarnemingen (indicator, regio, peiljaar, leeftijd, waarde, grenzen, status)."""
    tid = tabel.tabel_id
    geo = tabel.instellingen["geo_dimensie"]
    leeftijden = tabel.instellingen.get("leeftijd")
    marges = tabel.instellingen.get("marges")
    props = {p.get("Key"): p for p in antwoord.properties}
    perioden = {p.get("Key"): p for p in antwoord.dimensies.get("Perioden", [])}
    if "Perioden" not in antwoord.dimensies and tabel.jaar is None:
        raise CbsFout(f"Tabel {tid} heeft geen Perioden-dimensie; zet 'jaar' bij deze tabel in data/cbs_tabellen.toml.")

    def regio_van(sleutel) -> str:
        code = str(sleutel).strip()
        return registry.alias.get(code, code)

    def codering(dimensie: str, vertaling) -> dict[str, str] | None:
        """Dimensiecode -> onze waarde; `vertaling` noemt de code of de titel (de betekenis) uit de codelijst."""
        if not isinstance(vertaling, dict) or dimensie not in antwoord.dimensies:
            return None  # de tabel heeft deze dimensie niet
        uit = {}
        for c in antwoord.dimensies.get(dimensie, []):
            code = str(c.get("Key")).strip()
            waarde = vertaling.get(code) or vertaling.get(str(c.get("Title") or "").strip())
            if waarde:
                uit[code] = waarde
        return uit

    leeftijd_van, marge_van = codering("Leeftijd", leeftijden), codering("Marges", marges)

    # welke regio's levert de tabel (regio.csv, en uit haar codelijst alle gemeenten en de wijken)?
    bereik = bereik_van(tabel, registry, antwoord.dimensies[geo])
    verwacht = bereik.verwacht
    uit = Waarnemingen(niet_in_tabel=bereik.niet_in_tabel, bereik=bereik)
    if not verwacht:
        raise CbsFout(f"Tabel {tid}: geen van de regio's {', '.join(registry.regios_van(tabel))} komt voor in {geo}.")
    breuken = set()

    def peiljaar(rij) -> tuple[int, str | None]:
        if "Perioden" not in antwoord.dimensies:
            return int(tabel.jaar), None
        sleutel = rij.get("Perioden")
        m = JAARPERIODE.match(str(sleutel).strip())
        if not m:
            raise CbsFout(f"Tabel {tid}: periode {sleutel!r} is geen jaarcode (verwacht bijvoorbeeld '2022JJ00').")
        status = (perioden.get(sleutel) or {}).get("Status")
        return int(m.group(1)), STATUS.get(str(status).strip().lower()) if status else None

    # zonder Perioden hangt de status alleen van de kolom af (haar beschrijving en die van de tabel): één keer per kolom
    status_kolom = (
        {}
        if "Perioden" in antwoord.dimensies
        else {k: _status_kwb(antwoord.info, props[k]) for k in antwoord.sleutels.values()}
    )
    # (indicator, regio, jaar, leeftijd) -> {'waarde': .., 'ondergrens': .., 'bovengrens': .., 'status': ..}
    groepen: dict[tuple, dict] = {}
    # (regio, jaar, leeftijd, rol) -> de code waaronder de tabel die rij leverde: een tweede rij daarvoor levert
    # elke cel ervan dubbel (per rij getoetst in plaats van per cel: de tijd zit hier in de cellen)
    bron_codes: dict[tuple, str] = {}
    gezien: dict[str, set] = {r: set() for r in verwacht}
    kolommen = list(antwoord.sleutels.items())
    met_perioden = "Perioden" in antwoord.dimensies
    jaar_van: dict[str, tuple[int, str | None]] = {}  # Perioden-code -> peiljaar(rij), één keer per code
    vaste_leeftijd = leeftijden if isinstance(leeftijden, str) else "totaal"
    for rij in antwoord.rijen:
        bron_code = str(rij.get(geo, "")).strip()
        regio = regio_van(bron_code)
        if regio not in gezien:  # lokaal nogmaals filteren
            continue
        periode = rij.get("Perioden")
        if not met_perioden or not isinstance(periode, str):
            jaar, status = peiljaar(rij)
        elif periode in jaar_van:
            jaar, status = jaar_van[periode]
        else:
            jaar, status = jaar_van[periode] = peiljaar(rij)
        if leeftijd_van is not None:
            leeftijd = leeftijd_van.get(str(rij.get("Leeftijd")).strip())
            if leeftijd is None:
                continue
        else:
            leeftijd = vaste_leeftijd
        rol = "waarde"
        if marge_van is not None:
            rol = marge_van.get(str(rij.get("Marges")).strip())
            if rol is None:
                continue
        if rol == "waarde":
            gezien[regio].add((jaar, leeftijd))
            indeling = rij.get(antwoord.indelingswijziging) if antwoord.indelingswijziging else None
            if str(indeling or "").strip() == AFBAKENING_GEWIJZIGD:
                breuken.add((regio, jaar))
        if kolommen:
            rijsleutel = (regio, jaar, leeftijd, rol)
            if rijsleutel in bron_codes:
                eerder = bron_codes[rijsleutel]
                onder = (
                    f"twee keer onder code {bron_code}"
                    if eerder == bron_code
                    else f"onder code {eerder} én onder code {bron_code}, de oude en de nieuwe code van dezelfde "
                    "regio (codewijziging in data/herindeling.csv of regio-alias)"
                )
                raise CbsFout(
                    f"Tabel {tid}: dubbele rij voor {kolommen[0][1]}, regio {regio}, {jaar}, leeftijd {leeftijd} "
                    f"({rol}): de tabel levert deze cel {onder}. Het antwoord is misvormd."
                )
            bron_codes[rijsleutel] = bron_code
        for code, kolom in kolommen:
            sleutel = (code, regio, jaar, leeftijd)
            groep = groepen.get(sleutel)
            if groep is None:
                groep = groepen[sleutel] = {"kolom": kolom}
            waarde = rij.get(kolom)
            soort = type(waarde)  # de gewone gevallen hier, de rest (tekst, fouten) in _getal
            if soort is float:
                groep[rol] = None if math.isnan(waarde) else waarde
            elif soort is int:
                groep[rol] = float(waarde)
            else:
                groep[rol] = _getal(tid, kolom, regio, waarde)
            if rol == "waarde":
                groep["status"] = status if met_perioden else status_kolom[kolom]

    # volledigheid: elke aangeboden regio met elke periode en leeftijdsgroep
    jaren = {peiljaar({"Perioden": k})[0] for k in perioden} if perioden else {int(tabel.jaar)}
    # elke leeftijdsgroep die de tabel aanbiedt (een tabel zonder 65+ in zijn codelijst mist die niet)
    groepen_leeftijd = (
        set(leeftijd_van.values())
        if leeftijd_van is not None
        else {leeftijden if isinstance(leeftijden, str) else "totaal"}
    )
    alle_combinaties = {(j, l) for j in jaren for l in groepen_leeftijd}
    for regio, combinaties in gezien.items():
        mist = sorted(alle_combinaties - combinaties)
        if mist:
            voorbeeld = ", ".join(f"{j}/{l}" for j, l in mist[:5])
            raise CbsFout(
                f"Tabel {tid}: regio {regio} ontbreekt (deels) in het antwoord: geen waarde voor "
                f"{voorbeeld}{' ...' if len(mist) > 5 else ''}. Gedeeltelijk antwoord; er is niets geschreven."
            )

    for (code, regio, jaar, leeftijd), groep in sorted(groepen.items()):
        if "waarde" not in groep:
            raise CbsFout(
                f"Tabel {tid}: voor {groep['kolom']}, regio {regio}, {jaar}, {leeftijd} zijn wel "
                "intervalgrenzen maar geen waarde geleverd (Marges MW00000 ontbreekt)."
            )
        if groep["waarde"] is None:
            uit.ontbrekend += 1
            continue
        uit.rijen.append(
            {
                "indicator_code": code,
                "regio_code": regio,
                "peiljaar": jaar,
                "leeftijd": leeftijd,
                "waarde": groep["waarde"],
                "ondergrens": groep.get("ondergrens"),
                "bovengrens": groep.get("bovengrens"),
                "status": groep.get("status"),
                "citaat": f"{tid}, {groep['kolom']}",
                "decimalen": _decimalen(props.get(groep["kolom"])),
            }
        )
    uit.breuken = sorted(breuken)
    return uit


# --------------------------------------------------------------------------------------------------
# Schrijven


def _tijd(tekst: str, tabel_id: str) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(str(tekst))
    except ValueError as fout:
        raise CbsFout(f"Tabel {tabel_id}: TableInfos.Modified {tekst!r} is geen datum-tijd.") from fout


def schrijf(klaar: list[Opgehaald], pad: Path | None) -> None:
    """Vervangt de waarnemingen en herkomst van deze tabellen in één transactie."""
    with schrijf_transactie(pad) as con:
        schrijf_in(con, klaar)


def _toelichting(tabel: TabelConfig, antwoord: Antwoord, waarnemingen: Waarnemingen) -> str:
    """De toelichting van de herkomst van een opgehaalde tabel: langs welke weg, welk filter, welke kolommen."""
    if tabel.jaar is not None and "Perioden" not in antwoord.dimensies:
        peil = f"peiljaar = jaar van de tabel ({tabel.jaar}), volgens data/cbs_tabellen.toml"
    else:
        peil = "peiljaar uit de Perioden-dimensie; status uit Perioden.Status"
    kolommen = ", ".join(f"{c}={k}" for c, k in antwoord.sleutels.items())
    filter_tekst = ", ".join(f"{c}*" if REGIOVOORVOEGSEL.match(c) else c for c in antwoord.regios)
    if antwoord.api == "v4":
        toelichting = (
            f"Live opgehaald over OData v4 uit {antwoord.adres} (Observations, gefilterd op "
            f"{filter_tekst}); {peil}. Metingen (op titel gevonden): {kolommen}."
        )
    else:
        toelichting = (
            f"Live opgehaald met cbsodata uit {antwoord.adres} (TypedDataSet, gefilterd op "
            f"{filter_tekst}); {peil}. "
            f"Kolommen: {kolommen}."
        )
    bereik = waarnemingen.bereik
    if bereik.nieuw:
        toelichting += (
            f" Regio's uit de codelijst van de tabel ({tabel.instellingen['geo_dimensie']}): "
            f"{aantal_regios(bereik.aantal('gemeente'), 'gemeente')} en {aantal_regios(bereik.aantal('wijk'), 'wijk')}."
        )
    if isinstance(tabel.instellingen.get("marges"), dict):
        toelichting += " Marges MOG0095/MBG0095 zijn de onder- en bovengrens van het 95%-interval."
    if antwoord.ontbreekt:
        toelichting += f" Niet in deze tabel: {', '.join(antwoord.ontbreekt)}."
    return toelichting


def _herkomst(k: Opgehaald) -> dict:
    """De rij in `herkomst` van een opgehaalde tabel."""
    tabel, info = k.tabel, k.antwoord.info
    return {
        "herkomst_id": tabel.herkomst_id,
        "soort": tabel.instellingen["herkomst_soort"],
        "bron": tabel.instellingen["bron"],
        "titel": info["Title"],
        "tabel_id": tabel.tabel_id,
        "adres": tabelpagina(tabel.instellingen["bron"], tabel.tabel_id),
        "periode": str(info.get("Period") or tabel.jaar or ""),
        "opgehaald_op": k.opgehaald_op,
        "tabel_gewijzigd": _tijd(info["Modified"], tabel.tabel_id),
        "licentie": LICENTIE,
        "toelichting": _toelichting(tabel, k.antwoord, k.waarnemingen),
        "bronfamilie": tabel.instellingen.get("bronfamilie"),
        "opgehaald_via": f"OData {k.antwoord.api} ({k.antwoord.adres})",
    }


_HERKOMST = pa.schema(
    [
        ("herkomst_id", pa.string()),
        ("soort", pa.string()),
        ("bron", pa.string()),
        ("titel", pa.string()),
        ("tabel_id", pa.string()),
        ("adres", pa.string()),
        ("periode", pa.string()),
        ("opgehaald_op", pa.timestamp("us")),
        ("tabel_gewijzigd", pa.timestamp("us")),
        ("licentie", pa.string()),
        ("toelichting", pa.string()),
        ("bronfamilie", pa.string()),
        ("opgehaald_via", pa.string()),
        ("rijen_afdruk", pa.string()),
    ]
)
_WAARNEMING = pa.schema(
    [
        ("indicator_code", pa.string()),
        ("regio_code", pa.string()),
        ("peiljaar", pa.int32()),
        ("leeftijd", pa.string()),
        ("waarde", pa.float64()),
        ("ondergrens", pa.float64()),
        ("bovengrens", pa.float64()),
        ("status", pa.string()),
        ("citaat", pa.string()),
        ("decimalen", pa.int32()),
    ]
)


def _rijen_afdruk(rijen: pa.Table) -> str:
    """De vingerafdruk van de rijen die een verversing van één tabel schrijft (herkomst.rijen_afdruk): sha256 van de
    Arrow-tabel als IPC-stroom (schema en elke waarde, ook NULL, de decimalen en de volgorde). Gelijke afdruk:
    dezelfde bytes, dus dezelfde rijen; dezelfde rijen in een andere volgorde of met een andere versie van pyarrow
    kunnen een andere afdruk geven, en worden dan gewoon in SQL vergeleken."""
    stroom = pa.BufferOutputStream()
    with pyarrow.ipc.new_stream(stroom, rijen.schema) as schrijver:
        schrijver.write_table(rijen)
    return hashlib.sha256(stroom.getvalue()).hexdigest()


def _onbekende_codes(klaar: list[Opgehaald], rijen: dict[str, pa.Table], registry: Registry) -> dict[str, list[str]]:
    """Zoals `onbekend` in queries/schrijven/opgehaalde_waarnemingen.sql, in Python tegen de registry (alleen als die
    er nog precies zo staat, zie schrijf_in): per tabel de indicator- en regiocodes die niet in indicator of regio
    staan (de regio's uit de codelijsten van deze verversing komen er in dezelfde transactie bij)."""
    indicatoren = set(registry.bron_kolom)
    regios = set(registry.regio_naam) | {r["regio_code"] for k in klaar for r in k.waarnemingen.bereik.nieuw}
    uit = {}
    for h, tabel in rijen.items():
        codes = {c for c in tabel.column("indicator_code").to_pylist() if c is not None and c not in indicatoren}
        codes |= {c for c in tabel.column("regio_code").to_pylist() if c is not None and c not in regios}
        uit[h] = sorted(codes)
    return uit


def schrijf_in(con, klaar: list[Opgehaald], registry: Registry | None = None) -> None:
    """Vervangt de waarnemingen en herkomst van de opgehaalde tabellen `klaar` binnen de lopende schrijftransactie
    `con`, met dezelfde paar statements voor alle tabellen samen (elke query kost DuckDB een paar ms aan plannen, hoe
    weinig rijen ook). Zijn de rijen van een tabel precies die er al staan, dan blijven ze staan en wordt alleen haar
    herkomst vervangen (opgehaald_op, Modified, toelichting). Een code die niet (meer) in indicator of regio staat:
    `CbsFout` met de tabel, niets geschreven.

    Of de rijen er al staan: elke verversing bewaart de vingerafdruk van de rijen die ze schreef (of liet staan) in
    herkomst.rijen_afdruk (`_rijen_afdruk`); is die van de nieuwe rijen dezelfde, dan staan ze er al (alleen de
    verversing schrijft rijen met de herkomst van een opgehaalde tabel). Anders, of zonder afdruk (de eerste
    verversing, een database van vóór de kolom), vergelijkt queries/schrijven/opgehaalde_waarnemingen.sql de rijen.
    `registry`: wat de verversing vóór het ophalen (zonder het slot) las. Staan regio's en indicatoren er nog zo
    (`Registry.referentie` is kompas.db.referentie_bij_begin), dan toetst Python de codes en de regio's
    (`schrijf_regios`) ertegen; anders, of zonder registry, doet SQL dat."""
    ids = [k.tabel.herkomst_id for k in klaar]
    vertrouwd = (
        registry is not None and registry.referentie is not None and registry.referentie == referentie_bij_begin(con)
    )
    rijen = {k.tabel.herkomst_id: pa.Table.from_pylist(k.waarnemingen.rijen, schema=_WAARNEMING) for k in klaar}
    afdrukken = {h: _rijen_afdruk(t) for h, t in rijen.items()}
    vorige = dict(
        con.execute(
            "delete from herkomst where list_contains($ids, herkomst_id) returning herkomst_id, rijen_afdruk",
            {"ids": ids},
        ).fetchall()
    )
    con.execute("delete from regio_breuk where list_contains($ids, herkomst_id)", {"ids": ids})
    herkomsten = [_herkomst(k) | {"rijen_afdruk": afdrukken[k.tabel.herkomst_id]} for k in klaar]
    con.register("nieuwe_herkomsten", pa.Table.from_pylist(herkomsten, schema=_HERKOMST))
    try:
        con.execute("insert into herkomst by name select *, false as ingebed from nieuwe_herkomsten")
    finally:
        con.unregister("nieuwe_herkomsten")
    # na de herkomst: een regio uit twee tabellen krijgt de naam uit de laatst gewijzigde
    schrijf_regios(con, klaar, registry if vertrouwd else None, [h["tabel_gewijzigd"] for h in herkomsten])
    # dezelfde afdruk als bij de vorige verversing: dezelfde rijen, zonder ze te vergelijken; de codes toetst Python
    # (alleen met een registry die er nog zo staat; anders vergelijkt en toetst SQL alles)
    herkend = [h for h in ids if vertrouwd and vorige.get(h) is not None and vorige[h] == afdrukken[h]]
    per_tabel = (
        {h: (codes, h in herkend) for h, codes in _onbekende_codes(klaar, rijen, registry).items()} if vertrouwd else {}
    )
    te_vergelijken = [h for h in ids if h not in herkend]
    nieuw = None
    if te_vergelijken:
        nieuw = pa.concat_tables(
            [
                rijen[h].append_column("herkomst_id", pa.array([h] * rijen[h].num_rows, pa.string()))
                for h in te_vergelijken
            ]
        )
        con.register("nieuwe_waarnemingen", nieuw)
    try:
        if te_vergelijken:
            per_tabel |= {
                h: (o, z)
                for h, o, z in con.execute(schrijf_sql("opgehaalde_waarnemingen"), {"ids": te_vergelijken}).fetchall()
            }
        for k in klaar:
            onbekend = per_tabel[k.tabel.herkomst_id][0]
            if onbekend:
                raise CbsFout(
                    f"Tabel {k.tabel.tabel_id}: onbekende indicator- of regiocodes {', '.join(onbekend)}; "
                    "niets geschreven."
                )
        # dezelfde rijen als die er staan: laten staan (geen delete en insert: minder te schrijven bij de checkpoint,
        # geen vrije blokken); de herkomst hierboven is wel vervangen. Alleen de indicatoren van de andere tabellen
        # opnieuw afleiden; van de gelijke werkt kompas.db opgehaald_op in de afgeleide tabellen bij (en leidt af als
        # er in hun herkomst meer veranderde, of de voorkeur kan wisselen)
        anders = [h for h in ids if not per_tabel[h][1]]
        # een verversing schrijft alleen herkomst, waarneming, regio en regio_breuk: niets van de kaders of de
        # vergelijkingsgroepen (tests/test_afgeleid_bijwerken.py toetst dat hun vingerafdrukken kloppen)
        raakt(
            con,
            herkomsten=anders,
            opgehaald=[h for h in ids if h not in anders],
            ongewijzigd=["kader_versie", "groep_versie"],
        )
        if not anders:
            return
        con.execute("delete from waarneming where list_contains($ids, herkomst_id)", {"ids": anders})
        con.execute(
            """
            insert into waarneming (indicator_code, regio_code, peiljaar, leeftijd, waarde, ondergrens,
                                    bovengrens, status, herkomst_id, citaat, decimalen)
            select indicator_code, regio_code, peiljaar, leeftijd, waarde, ondergrens, bovengrens, status,
                   herkomst_id, citaat, decimalen
            from nieuwe_waarnemingen
            where list_contains($ids, herkomst_id)
            """,
            {"ids": anders},
        )
    finally:
        if nieuw is not None:
            con.unregister("nieuwe_waarnemingen")


def _regios_staan_er_al(klaar: list[Opgehaald], registry: Registry, gewijzigd: list[dt.datetime]) -> bool:
    """Of queries/schrijven/opgehaalde_regios.sql niets zou veranderen: elke regio uit de codelijsten staat al precies
    zo in `regio` (naam, soort, gemeente, herkomst), zoals de tabel die haar daar zou zetten (de laatst gewijzigde,
    `gewijzigd`; bij gelijke datum de laatste in `klaar`) haar geeft. Tegen `registry`, die er nog zo staat."""
    winnaar: dict[str, tuple] = {}
    for i, k in enumerate(klaar):
        for r in k.waarnemingen.bereik.nieuw:
            rij = ((gewijzigd[i], i), (r["regio_naam"], r["soort"], r["gemeente_code"], k.tabel.herkomst_id))
            if r["regio_code"] not in winnaar or rij[0] > winnaar[r["regio_code"]][0]:
                winnaar[r["regio_code"]] = rij
    return all(registry.opgehaalde_regios.get(code) == rij for code, (_, rij) in winnaar.items())


def schrijf_regios(
    con, klaar: list[Opgehaald], registry: Registry | None = None, gewijzigd: list[dt.datetime] | None = None
) -> None:
    """De regio's uit de codelijsten van de tabellen (bereik.nieuw) in `regio`, met de tabel als herkomst, en de
    reeksbreuken die de tabellen publiceren in `regio_breuk` (queries/schrijven/opgehaalde_regios.sql en
    regio_breuken.sql): één statement voor alle tabellen samen, zoals schrijf_in. Met `registry` (die er nog precies
    zo staat; schrijf_in) en `gewijzigd` (herkomst.tabel_gewijzigd per tabel) geen opgehaalde_regios.sql als elke
    regio er al zo staat (`_regios_staan_er_al`): die upsert kost ook dan ~7-9 ms."""
    nieuw = pa.Table.from_pylist(
        [
            r | {"herkomst_id": k.tabel.herkomst_id, "volgorde": i}
            for i, k in enumerate(klaar)
            for r in k.waarnemingen.bereik.nieuw
        ],
        schema=pa.schema(
            [
                ("regio_code", pa.string()),
                ("regio_naam", pa.string()),
                ("soort", pa.string()),
                ("gemeente_code", pa.string()),
                ("herkomst_id", pa.string()),
                ("volgorde", pa.int32()),
            ]
        ),
    )
    breuken = pa.Table.from_pylist(
        [
            {
                "regio_code": r,
                "peiljaar": j,
                "reden": f"afbakening gewijzigd volgens {k.tabel.instellingen['bron']} {k.tabel.tabel_id}",
                "herkomst_id": k.tabel.herkomst_id,
            }
            for k in klaar
            for r, j in k.waarnemingen.breuken
        ],
        schema=pa.schema(
            [
                ("regio_code", pa.string()),
                ("peiljaar", pa.int32()),
                ("reden", pa.string()),
                ("herkomst_id", pa.string()),
            ]
        ),
    )
    con.register("opgehaalde_regios", nieuw)
    con.register("opgehaalde_breuken", breuken)
    try:
        if nieuw.num_rows and not (registry is not None and _regios_staan_er_al(klaar, registry, gewijzigd)):
            con.execute(schrijf_sql("opgehaalde_regios"))
        if breuken.num_rows:
            con.execute(schrijf_sql("regio_breuken"))
    finally:
        con.unregister("opgehaalde_regios")
        con.unregister("opgehaalde_breuken")


REGIOWOORDEN = {
    "gemeente": ("gemeente", "gemeenten"),
    "wijk": ("wijk", "wijken"),
    "ggd_regio": ("GGD-regio", "GGD-regio's"),
    "provincie": ("provincie", "provincies"),
    "land": ("land", "landen"),
}


def aantal_regios(n: int, soort: str) -> str:
    """'1 wijk', '342 gemeenten'."""
    een, meer = REGIOWOORDEN[soort]
    return f"{n} {een if n == 1 else meer}"


def regio_telling(waarnemingen: Waarnemingen) -> str:
    """'342 gemeenten, 20 wijken en 1 land' voor de voortgang: de regio's met minstens één geschreven cijfer."""
    met_cijfer = {r["regio_code"] for r in waarnemingen.rijen}
    tellingen = {soort: waarnemingen.bereik.aantal(soort, met_cijfer) for soort in REGIOWOORDEN}
    return opsomming([aantal_regios(n, soort) for soort, n in tellingen.items() if n]) or "geen regio's"


# --------------------------------------------------------------------------------------------------
# De hele verversing


@dataclass
class Uitkomst:
    tabel_id: str
    geschreven: int = 0
    fout: str | None = None

    @property
    def gelukt(self) -> bool:
        return self.fout is None


def _api_host(tabel: TabelConfig, api: str, gekozen: dict[str, str]) -> str:
    return gekozen["datasets"] if api == "v4" else gekozen[tabel.instellingen["catalogus"]]


def haal_met_terugval(tabel: TabelConfig, registry: Registry, meld: Melder) -> tuple[Antwoord, Waarnemingen]:
    """Haalt en zet om via de API's in de volgorde van `api` (data/cbs_tabellen.toml); faalt de eerste (storing,
    onvolledig of misvormd antwoord), dan de volgende. Falen ze allemaal: `CbsFout` met elke reden."""
    from loaders import cbs_v4

    gekozen, https = hosts()
    lezers = {"v3": haal_tabel, "v4": cbs_v4.haal_tabel}
    fouten = []
    for i, api in enumerate(tabel.api):
        host = _api_host(tabel, api, gekozen)
        if i:
            meld(f"  terugvallen op OData {api} bij {host} ...")
        try:
            antwoord = lezers[api](tabel, registry, host, https, meld)
            return antwoord, zet_om(tabel, antwoord, registry)
        except CbsFout as fout:
            fouten.append((api, str(fout)))
            if i + 1 < len(tabel.api):
                meld(f"  OData {api} mislukt: {fout}")
    if len(fouten) == 1:
        raise CbsFout(fouten[0][1])
    raise CbsFout(" / ".join(f"OData {api}: {tekst}" for api, tekst in fouten))


@dataclass
class Opgehaald:
    """Een opgehaalde en gecontroleerde tabel, klaar om te schrijven."""

    tabel: TabelConfig
    antwoord: Antwoord
    waarnemingen: Waarnemingen
    opgehaald_op: dt.datetime


def _nu() -> dt.datetime:
    """Het moment van ophalen (herkomst.opgehaald_op), op de seconde."""
    return dt.datetime.now().replace(microsecond=0)


def haal_en_controleer(
    tabel: TabelConfig, registry: Registry, meld: Melder = print, opgehaald_op: dt.datetime | None = None
) -> Opgehaald:
    """Haalt één tabel op (met terugval) en controleert hem volledig; schrijft niets. Fout: `CbsFout`.
    `opgehaald_op`: het moment van ophalen (`ververs`: het begin van de verversing); anders nu."""
    gekozen, _ = hosts()
    eerste = tabel.api[0]
    meld(
        f"{tabel.tabel_id} ({tabel.instellingen.get('naam', tabel.tabelsoort)}) ophalen bij "
        f"{_api_host(tabel, eerste, gekozen)} (OData {eerste}) ..."
    )
    opgehaald_op = opgehaald_op or _nu()
    antwoord, waarnemingen = haal_met_terugval(tabel, registry, meld)
    if antwoord.ontbreekt:
        meld(f"  niet in deze tabel (optioneel): {', '.join(antwoord.ontbreekt)}")
    if waarnemingen.niet_in_tabel:
        meld(f"  regio's die deze tabel niet kent: {', '.join(waarnemingen.niet_in_tabel)}")
    bereik = waarnemingen.bereik
    if bereik.wijken_gevraagd and not bereik.aantal("wijk"):
        meld("  wijken: deze tabel levert geen wijken van de gevraagde gemeenten (overgeslagen)")
    nieuw = [r["regio_code"] for r in bereik.nieuw]
    meld(
        f"  {aantal_regios(bereik.aantal('gemeente'), 'gemeente')} en {aantal_regios(bereik.aantal('wijk'), 'wijk')}"
        " in deze tabel"
        + (
            f", waarvan {aantal_regios(bereik.aantal('gemeente', nieuw), 'gemeente')} en "
            f"{aantal_regios(bereik.aantal('wijk', nieuw), 'wijk')} uit de codelijst van de tabel"
            if nieuw
            else ""
        )
    )
    if waarnemingen.breuken:
        n = len(waarnemingen.breuken)
        woord = "regio" if n == 1 else "regio's"
        meld(f"  {n} {woord} met een gewijzigde afbakening (indelingswijziging 3): reeksbreuk")
    if waarnemingen.ontbrekend:
        meld(f"  {waarnemingen.ontbrekend} cijfers ontbreken bij de bron ('.', 'x' of leeg); niet geschreven")
    if not waarnemingen.rijen:
        raise CbsFout(
            f"Tabel {tabel.tabel_id}: het antwoord bevat geen enkel cijfer voor de gevraagde regio's; "
            "de vorige cijfers blijven staan."
        )
    bekend = registry.regios | {r["regio_code"] for r in bereik.nieuw}
    onbekend = sorted(
        {r["indicator_code"] for r in waarnemingen.rijen if r["indicator_code"] not in registry.bron_kolom}
        | {r["regio_code"] for r in waarnemingen.rijen if r["regio_code"] not in bekend}
    )
    if onbekend:
        raise CbsFout(
            f"Tabel {tabel.tabel_id}: onbekende indicator- of regiocodes {', '.join(onbekend)}; niets geschreven."
        )
    meld(f"  {len(waarnemingen.rijen)} waarnemingen klaar om te schrijven (OData {antwoord.api})")
    return Opgehaald(tabel, antwoord, waarnemingen, opgehaald_op)


def ververs_tabel(tabel: TabelConfig, registry: Registry, pad: Path | None = None, meld: Melder = print) -> int:
    """Haalt één tabel op en schrijft hem; geeft het aantal geschreven waarnemingen. Fout: `CbsFout`."""
    klaar = haal_en_controleer(tabel, registry, meld)
    schrijf([klaar], pad)
    meld(
        f"  {len(klaar.waarnemingen.rijen)} waarnemingen geschreven (herkomst {tabel.herkomst_id}); "
        f"{regio_telling(klaar.waarnemingen)}"
    )
    return len(klaar.waarnemingen.rijen)


class _VoortgangInVolgorde:
    """De voortgang van tabellen die tegelijk worden opgehaald, in de volgorde van de tabellen: de regels van de
    eerste tabel die nog loopt meteen, die van een volgende tabel zodra de tabellen ervoor klaar zijn. Zo blijft elke
    tabel één blok regels, zoals toen ze na elkaar werden opgehaald."""

    def __init__(self, meld: Melder, aantal: int):
        self._meld = meld
        self._wachtend: list[list[str]] = [[] for _ in range(aantal)]
        self._klaar = [False] * aantal
        self._nu = 0  # de eerste tabel die nog niet klaar is
        self._slot = threading.Lock()

    def melder(self, i: int) -> Melder:
        def meld(tekst: str) -> None:
            with self._slot:
                if i == self._nu:
                    self._meld(tekst)
                else:
                    self._wachtend[i].append(tekst)

        return meld

    def klaar(self, i: int) -> None:
        with self._slot:
            self._klaar[i] = True
            while self._nu < len(self._klaar) and self._klaar[self._nu]:
                self._nu += 1
                if self._nu < len(self._klaar):
                    for tekst in self._wachtend[self._nu]:
                        self._meld(tekst)
                    self._wachtend[self._nu].clear()


def ververs(
    tabel_ids: list[str] | None = None,
    pad: Path | None = None,
    config: Path = CONFIG,
    meld: Melder = print,
    alle_gemeenten: bool | None = None,
) -> list[Uitkomst]:
    """Ververst de tabellen uit de configuratie (of alleen `tabel_ids`); elke tabel apart opgehaald en gecontroleerd,
    hooguit GELIJKTIJDIG tabellen tegelijk (de voortgang per tabel in de volgorde van de tabellen, `_VoortgangInVolgorde`).
    Alle tabellen van één verversing dragen hetzelfde opgehaald_op: het begin van de verversing.

    Een mislukte tabel laat zijn oude cijfers staan; de andere tabellen gaan door. De gelukte tabellen worden
    daarna samen in één schrijftransactie vervangen (kopie, schema, afgeleide tabellen en checkpoint één keer in
    plaats van per tabel); weigert die een tabel (`CbsFout`), dan wordt elke tabel alsnog apart geschreven. Een
    databasefout (volle schijf, alleen-lezen map) laat de hele schrijfactie mislukken: niets geschreven, de
    voortgang zegt dat, en de `DatabaseFout` (Nederlands) gaat naar de aanroeper.
    Een configuratiefout (onbekende tabel, ongeldige registry) geeft meteen `CbsFout`.
    `alle_gemeenten` (True: `refresh --alle-gemeenten`) vervangt voor deze ene verversing die van de configuratie.
    """
    tabellen = lees_config(config)
    if alle_gemeenten is not None:
        tabellen = [dataclasses.replace(t, alle_gemeenten=alle_gemeenten) for t in tabellen]
    if tabel_ids:
        bekend = {t.tabel_id.upper(): t for t in tabellen}
        onbekend = [t for t in tabel_ids if t.upper() not in bekend]
        if onbekend:
            raise CbsFout(
                f"Onbekende tabel(len) {', '.join(onbekend)}; {config} kent {', '.join(t.tabel_id for t in tabellen)}."
            )
        tabellen = [bekend[t.upper()] for t in tabel_ids]
    pad = Path(pad) if pad else database_pad()
    # één DuckDB-instantie voor het lezen van de registry en het schrijven (kompas.db.instantie): een tweede kost
    # 20-30 ms, een database aankoppelen ~5 ms
    duck = instantie()
    try:
        return _ververs(tabellen, pad, config, meld, duck)
    finally:
        duck.close()


def _ververs(tabellen: list[TabelConfig], pad: Path, config: Path, meld: Melder, duck) -> list[Uitkomst]:
    """`ververs` met de DuckDB-instantie `duck` voor de registry en de schrijftransactie."""
    registry = lees_registry(pad, duck)
    geen = sorted({s for t in tabellen for s in t.regio_soorten} - set(registry.regio_soort.values()))
    if geen:
        raise CbsFout(
            f"{config} noemt regiosoort {', '.join(map(repr, geen))} in 'regio_soorten', maar "
            "data/regio.csv heeft geen regio van die soort."
        )
    uitkomsten: dict[str, Uitkomst] = {}
    klaar: list[Opgehaald] = []
    volgorde = _VoortgangInVolgorde(meld, len(tabellen))
    # één moment van ophalen voor alle tabellen: tussen twee StatLine-cijfers voor dezelfde cel gaat het laatst
    # opgehaalde voor (staging/05_voorkeur_volgorde.sql), en dat hangt zo niet af van de volgorde waarin de draden de
    # tabellen ophaalden of van een secondegrens tussen twee tabellen. Anders kon de voorkeur tussen twee tabellen
    # van dezelfde verversing bij elke verversing wisselen, en moest er bij dezelfde cijfers toch worden afgeleid.
    opgehaald_op = _nu()

    def haal(i: int, tabel: TabelConfig) -> Opgehaald | str:
        """Eén tabel ophalen en controleren (met herhalingen en terugval); een CbsFout wordt haar uitkomst."""
        meld_tabel = volgorde.melder(i)
        try:
            return haal_en_controleer(tabel, registry, meld_tabel, opgehaald_op)
        except CbsFout as fout:
            meld_tabel(f"  MISLUKT: {fout}")
            return str(fout)
        finally:
            volgorde.klaar(i)

    # de tabellen tegelijk (hooguit GELIJKTIJDIG); elke tabel faalt op zichzelf, geschreven wordt daarna samen. Terwijl
    # de draden ophalen, maakt deze draad de werkkopie van de database alvast (zonder het slot: een upload wacht er
    # niet op; kompas.db.maak_schrijfkopie)
    kopie = None
    try:
        with ThreadPoolExecutor(max_workers=max(1, min(GELIJKTIJDIG, len(tabellen)))) as pool:
            opgehaald = [pool.submit(haal, i, tabel) for i, tabel in enumerate(tabellen)]
            kopie = maak_schrijfkopie(pad, duck)
            for tabel, toekomst in zip(tabellen, opgehaald, strict=True):
                uitkomst = toekomst.result()
                if isinstance(uitkomst, str):
                    uitkomsten[tabel.tabel_id] = Uitkomst(tabel.tabel_id, fout=uitkomst)
                else:
                    klaar.append(uitkomst)
        if klaar:
            try:
                with schrijf_transactie(pad, duck, kopie) as con:
                    schrijf_in(con, klaar, registry)
            except DatabaseFout:
                meld(
                    "Schrijven mislukt: niets geschreven; de vorige cijfers van "
                    f"{opsomming([k.tabel.tabel_id for k in klaar])} blijven staan."
                )
                raise
            except CbsFout as fout:
                meld(f"Samen schrijven mislukt ({fout}); elke tabel apart ...")
                for k in klaar:
                    try:
                        schrijf([k], pad)
                    except CbsFout as fout_tabel:
                        uitkomsten[k.tabel.tabel_id] = Uitkomst(k.tabel.tabel_id, fout=str(fout_tabel))
            for k in klaar:
                if k.tabel.tabel_id not in uitkomsten:
                    uitkomsten[k.tabel.tabel_id] = Uitkomst(k.tabel.tabel_id, len(k.waarnemingen.rijen))
                    meld(
                        f"{k.tabel.tabel_id}: {len(k.waarnemingen.rijen)} waarnemingen geschreven "
                        f"(herkomst {k.tabel.herkomst_id}, OData {k.antwoord.api}); {regio_telling(k.waarnemingen)}"
                    )
    finally:
        # de schrijftransactie gebruikt de kopie of ruimt haar op; wat er nog staat (niets te schrijven, een fout
        # ervoor, het slot mislukte) weg
        if kopie is not None and kopie.werk.exists():
            kopie.weg()
    return [uitkomsten[t.tabel_id] for t in tabellen]


# --------------------------------------------------------------------------------------------------
# Releasecontrole: wat is geladen, wat serveert de bron nu, welke nieuwere Kerncijfers bestaan er (laadt niets)

KWB_TITEL = re.compile(r"^Kerncijfers wijken en buurten (\d{4})$")


@dataclass
class Controle:
    tabel_id: str
    geladen: dt.datetime | None = None  # Modified van wat in de database staat (herkomst.tabel_gewijzigd)
    bij_bron: dt.datetime | None = None  # Modified die CBS/RIVM nu serveert
    via: str | None = None
    fout: str | None = None

    @property
    def nieuwer(self) -> bool:
        return self.bij_bron is not None and (self.geladen is None or self.bij_bron > self.geladen)


def _modified_bij_bron(tabel: TabelConfig, meld: Melder) -> tuple[dt.datetime, str]:
    from loaders import cbs_v4

    gekozen, https = hosts()
    fouten = []
    for api in tabel.api:
        host = _api_host(tabel, api, gekozen)
        try:
            if api == "v4":
                with requests.Session() as sessie:
                    modified = cbs_v4.haal_properties(sessie, host, https, tabel.tabel_id, meld)["Modified"]
            else:
                with _cbsodata_opties(https, meld):
                    infos = _lijst_van_dicts(
                        tabel.tabel_id,
                        "TableInfos",
                        _haal(
                            tabel.tabel_id,
                            host,
                            "TableInfos",
                            lambda host=host: cbsodata.get_meta(
                                tabel.tabel_id, "TableInfos", catalog_url=host, timeout=TIJDSLIMIET
                            ),
                            meld,
                        ),
                    )
                if len(infos) != 1 or not infos[0].get("Modified"):
                    raise CbsFout(f"Tabel {tabel.tabel_id}: TableInfos bevat geen (enkele) rij met Modified.")
                modified = infos[0]["Modified"]
            return _tijd(modified, tabel.tabel_id), f"OData {api}"
        except CbsFout as fout:
            fouten.append(f"OData {api}: {fout}")
    raise CbsFout(" / ".join(fouten))


def nieuwere_kerncijfers(tabellen: list[TabelConfig], meld: Melder) -> list[tuple[str, int, str]]:
    """(id, jaar, titel) van elke 'Kerncijfers wijken en buurten <jaar>' in de catalogus die nieuwer is dan de
    nieuwste geconfigureerde jaargang; uit de v4-catalogus (Datasets), met de v3-catalogus als terugval."""
    from loaders import cbs_v4

    kwb = [t for t in tabellen if t.tabelsoort == "kwb" and t.jaar]
    if not kwb:
        return []
    nieuwste = max(t.jaar for t in kwb)
    bekend = {t.tabel_id.upper() for t in tabellen}
    gekozen, https = hosts()
    schema = "https" if https else "http"
    try:
        with requests.Session() as sessie:
            rijen = cbs_v4._collectie(
                sessie,
                f"{schema}://{gekozen['datasets']}/odata/v1/CBS/Datasets",
                "catalogus",
                gekozen["datasets"],
                "de catalogus (Datasets)",
                meld,
            )
    except CbsFout as fout:
        meld(f"  v4-catalogus niet te lezen ({fout}); v3-catalogus proberen ...")
        with _cbsodata_opties(https, meld):
            rijen = _lijst_van_dicts(
                "catalogus",
                "Tables",
                _haal(
                    "catalogus",
                    gekozen["opendata"],
                    "de catalogus (Tables)",
                    lambda: cbsodata.get_table_list(catalog_url=gekozen["opendata"]),
                    meld,
                ),
            )
    uit = []
    for r in rijen:
        m = KWB_TITEL.match(str(r.get("Title") or "").strip())
        if m and int(m.group(1)) > nieuwste and str(r.get("Identifier", "")).upper() not in bekend:
            uit.append((str(r["Identifier"]), int(m.group(1)), r["Title"].strip()))
    return sorted(uit, key=lambda t: t[1])


def controleer(pad: Path | None = None, config: Path = CONFIG, meld: Melder = print) -> list[Controle]:
    """Per geconfigureerde tabel de Modified van wat geladen is en van wat de bron nu serveert, en de nieuwere
    Kerncijfers-jaargangen in de catalogus. Schrijft niets."""
    tabellen = lees_config(config)
    verbinding = Leesverbinding(Path(pad) if pad else database_pad())
    try:
        geladen = dict(
            verbinding.cursor()
            .execute(
                "select herkomst_id, tabel_gewijzigd from herkomst where herkomst_id in (select unnest($ids))",
                {"ids": [t.herkomst_id for t in tabellen]},
            )
            .fetchall()
        )
    finally:
        verbinding.close()

    def datum(t: dt.datetime | None) -> str:
        return t.strftime("%d-%m-%Y %H:%M") if t else "niet geladen"

    uitkomsten = []
    for tabel in tabellen:
        c = Controle(tabel.tabel_id, geladen.get(tabel.herkomst_id))
        try:
            c.bij_bron, c.via = _modified_bij_bron(tabel, lambda _t: None)
            oordeel = "NIEUWER bij de bron" if c.nieuwer else "actueel"
            meld(f"{tabel.tabel_id}: geladen {datum(c.geladen)}, bij de bron {datum(c.bij_bron)} ({c.via}): {oordeel}")
        except CbsFout as fout:
            c.fout = str(fout)
            meld(f"{tabel.tabel_id}: geladen {datum(c.geladen)}, bij de bron niet te controleren: {fout}")
        uitkomsten.append(c)
    nieuw = nieuwere_kerncijfers(tabellen, meld)
    if nieuw:
        meld("Nieuwere Kerncijfers wijken en buurten in de catalogus (nog niet in data/cbs_tabellen.toml):")
        for tid, _jaar, titel in nieuw:
            meld(f"  {tid}: {titel}")
    else:
        meld("Geen nieuwere Kerncijfers wijken en buurten in de catalogus.")
    return uitkomsten
