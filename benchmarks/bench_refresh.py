"""Benchmark (geen test): de verversing van de geconfigureerde tabellen tegen de lokale OData-servers, naast het
kale downloaden van dezelfde tabellen in dezelfde run.

    python benchmarks/bench_refresh.py [--herhalingen 5] [--vertraging MS]
    python benchmarks/bench_refresh.py --alle-gemeenten [--herhalingen 3]

Met --alle-gemeenten: één Kerncijfers-tabel (85984NED) voor 342 gemeenten en 3.300 wijken (verzonnen,
tests/odata/landelijk.py), met alle_gemeenten = true en wijken = "alle": de hele verversing (ophalen, controleren,
regio's uit de codelijst en één schrijftransactie) naast het kale downloaden van dezelfde verzoeken. Doel: <= 30 s.

De servers (tests/odata/server.py en server_v4.py) serveren de opgenomen tabellen op 127.0.0.1; de database is een
tijdelijke kopie gebouwd uit data/ (nooit data/ zelf). Alles wordt twee keer gemeten, in één run: eerst met de servers
als draden in dit proces (zoals de tests), dan met de servers in een eigen proces (`EigenProces`, zoals CBS: wat de
server doet deelt dan geen GIL met de verversing en draait op de andere kern). In dit proces remt de server de
gelijktijdige verversing (vier ophalende draden en de serverdraden om één GIL) meer dan het kale downloaden na elkaar.
Per tabel:
- verversing: `loaders.cbs.ververs([tabel])`, langs de eerste API van de tabel (v3 met cbsodata, of v4);
- kaal: precies dezelfde HTTP-verzoeken die de verversing deed (uit het serverlogboek), met de client van die weg
  (v3: zoals cbsodata, een verbinding per verzoek; v4: één requests-sessie) en alleen `json.loads`; geen controle,
  omzetting of schrijven.
Drukt per tabel ophalen+controleren naast kaal af, de hele verversing (alle tabellen, één schrijftransactie) naast
het kale downloaden van alle tabellen, en wat het schrijven kost. Doel: verversing hooguit 2x het kale downloaden.
Elke herhaling krijgt dezelfde cijfers terug: de rijen blijven staan en er wordt niets afgeleid (alleen opgehaald_op
en de herkomst bijgewerkt; kompas.db.raakt, `opgehaald`).
De verversing haalt hooguit `loaders.cbs.GELIJKTIJDIG` tabellen tegelijk op; het kale downloaden staat er daarom twee
keer naast: na elkaar (elk verzoek na het vorige) en met dezelfde gelijktijdigheid (per tabel de verzoeken na elkaar,
hooguit GELIJKTIJDIG tabellen tegelijk).
Met --vertraging MS wacht de lokale server MS milliseconden vóór elk antwoord, zoals de reistijd naar CBS (de
verzoeken zelf blijven lokaal); het doel geldt voor de meting zonder vertraging, dit laat zien wat er bij een echte
server van overblijft.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(PROJECT / "tests"))

import cbsodata  # noqa: E402
import requests  # noqa: E402
from odata.landelijk import serveer_gemeenten  # noqa: E402
from odata.server import ODataServer  # noqa: E402
from odata.server_v4 import ODataV4Server  # noqa: E402

from kompas.db import schrijf_transactie  # noqa: E402
from loaders import cbs  # noqa: E402
from loaders.cbs import GELIJKTIJDIG, haal_en_controleer, lees_config, lees_registry, schrijf_in, ververs  # noqa: E402
from loaders.ingebed import bouw  # noqa: E402

from dbhulp import vraag  # noqa: E402

TABELLEN = ["85984NED", "85318NED", "50120NED", "83674NED", "85012NED", "85563NED"]  # die de servers kennen


def _serveer(klasse, args, verbinding) -> None:
    """Het kindproces van `EigenProces`: start de server en beantwoordt de opdrachten van de ouder."""
    with klasse(*args) as server:
        verbinding.send(server.host)
        while True:
            opdracht, waarde = verbinding.recv()
            if opdracht == "stop":
                break
            if opdracht == "wis":
                server.verzoeken.clear()
            elif opdracht == "vertraging":
                server.vertraging = waarde
            verbinding.send(list(server.verzoeken) if opdracht == "verzoeken" else None)


class _Logboek:
    """`server.verzoeken` van een server in een ander proces: doorlopen en `clear()`, zoals de lijst zelf."""

    def __init__(self, server: EigenProces):
        self.server = server

    def __iter__(self):
        return iter(self.server._vraag("verzoeken"))

    def clear(self) -> None:
        self.server._vraag("wis")


class EigenProces:
    """Een lokale OData-server in een eigen proces, zoals CBS: wat de server doet (de opgenomen JSON lezen en
    schrijven) deelt zo geen GIL met de verversing en het kale downloaden, en draait op de andere kern. Dezelfde
    `host`, `verzoeken` en `vertraging` als de server zelf."""

    def __init__(self, klasse, *args):
        self.klasse, self.args = klasse, args

    def __enter__(self) -> EigenProces:
        ouder, kind = multiprocessing.Pipe()
        self.verbinding = ouder
        self.proces = multiprocessing.get_context("fork").Process(
            target=_serveer, args=(self.klasse, self.args, kind), daemon=True
        )
        self.proces.start()
        self.host = ouder.recv()
        return self

    def __exit__(self, *exc) -> None:
        self.verbinding.send(("stop", None))
        self.proces.join(timeout=10)

    def _vraag(self, opdracht: str, waarde=None):
        self.verbinding.send((opdracht, waarde))
        return self.verbinding.recv()

    @property
    def verzoeken(self) -> _Logboek:
        return _Logboek(self)

    @property
    def vertraging(self) -> float:
        return 0.0

    @vertraging.setter
    def vertraging(self, seconden: float) -> None:
        self._vraag("vertraging", seconden)


def kaal(servers, verzoeken: list[tuple[int, str]]) -> None:
    """De kale download: elk verzoek van de verversing opnieuw, met de client van die weg. v3 (cbsodata maakt per
    verzoek een nieuwe sessie): requests.get per verzoek; v4: één requests-sessie. Alleen json.loads."""
    with requests.Session() as sessie:
        for i, pad in verzoeken:
            url = f"http://{servers[i].host}{pad}"
            antwoord = sessie.get(url, timeout=60) if i == 2 else requests.get(url, timeout=60)
            json.loads(antwoord.content)


def kaal_tegelijk(servers, per_tabel: list[list[tuple[int, str]]]) -> None:
    """De kale download met de gelijktijdigheid van de verversing: per tabel haar verzoeken na elkaar (`kaal`),
    hooguit GELIJKTIJDIG tabellen tegelijk."""
    with ThreadPoolExecutor(max_workers=GELIJKTIJDIG) as pool:
        list(pool.map(lambda verzoeken: kaal(servers, verzoeken), per_tabel))


def alle_gemeenten(herhalingen: int, n_gemeenten: int = 342, n_wijken: int = 3300) -> int:
    """De verversing van 85984NED voor alle gemeenten en wijken, naast het kale downloaden (zie de moduletekst)."""
    with (
        tempfile.TemporaryDirectory() as map_,
        ODataServer("opendata", 10000) as opendata,  # zoals opendata.cbs.nl: hooguit 10.000 rijen per pagina
    ):
        pad = Path(map_) / "kompas.duckdb"
        bouw(pad)
        config = Path(map_) / "cbs_tabellen.toml"
        tekst = (PROJECT / "data" / "cbs_tabellen.toml").read_text(encoding="utf-8")
        config.write_text(
            tekst.replace("alle_gemeenten = false", "alle_gemeenten = true").replace(
                'wijken = "focus"', 'wijken = "alle"'
            ),
            encoding="utf-8",
        )
        os.environ.update(
            {
                "KOMPAS_DB": str(pad),
                "KOMPAS_CBS_OPENDATA": opendata.host,
                "KOMPAS_CBS_DATASETS": "127.0.0.1:9",
                "KOMPAS_CBS_HTTPS": "0",
            }
        )
        land = serveer_gemeenten(opendata, n_gemeenten, n_wijken=n_wijken)
        tijden: dict[str, list[float]] = {"ververs": [], "kaal": [], "ophalen": []}
        for _ in range(herhalingen):
            opendata.verzoeken.clear()
            t0 = time.perf_counter()
            [uitkomst] = ververs(["85984NED"], pad=pad, config=config, meld=lambda _t: None)
            tijden["ververs"].append(time.perf_counter() - t0)
            if not uitkomst.gelukt:
                print(f"verversing mislukt: {uitkomst.fout}")
                return 1
            verzoeken = [(0, v) for v in opendata.verzoeken]
            t0 = time.perf_counter()
            kaal([opendata], verzoeken)
            tijden["kaal"].append(time.perf_counter() - t0)
            tabel = next(t for t in lees_config(config) if t.tabel_id == "85984NED")
            t0 = time.perf_counter()
            haal_en_controleer(tabel, lees_registry(pad), lambda _t: None)
            tijden["ophalen"].append(time.perf_counter() - t0)
        gemeenten, wijken = vraag(
            pad,
            "select count(*) filter (where soort = 'gemeente'), count(*) filter (where soort = 'wijk') from regio",
        )[0]
        v, k = statistics.median(tijden["ververs"]), statistics.median(tijden["kaal"])
        print(
            f"85984NED: {len(land.gemeenten)} gemeenten en {len(land.wijken)} wijken geserveerd; in regio nu "
            f"{gemeenten} gemeenten en {wijken} wijken; {uitkomst.geschreven} waarnemingen, {len(verzoeken)} "
            f"HTTP-verzoeken; mediaan van {herhalingen} herhalingen"
        )
        print(
            f"verversing (ophalen, controleren, regio's, één schrijftransactie): {v:.1f} s = {v / k:.1f}x kaal "
            "(doel: hooguit 30 s)"
        )
        o = statistics.median(tijden["ophalen"])
        print(f"  waarvan ophalen en controleren (zonder schrijven):             {o:.1f} s ({o / k:.1f}x kaal)")
        print(f"kaal downloaden van dezelfde verzoeken:                          {k:.1f} s")
        print(
            "  (één tabel: haar pagina's komen na elkaar, dus kaal met de gelijktijdigheid van de verversing is dit ook)"
        )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--herhalingen", type=int, default=None)
    parser.add_argument("--alle-gemeenten", action="store_true", help="85984NED voor 342 gemeenten en 3.300 wijken")
    parser.add_argument("--vertraging", type=float, default=0.0, metavar="MS", help="wachttijd per antwoord (ms)")
    args = parser.parse_args()
    cbsodata.options.requests = {"proxies": {"http": None, "https": None}}
    os.environ["NO_PROXY"] = "127.0.0.1"
    if args.alle_gemeenten:
        return alle_gemeenten(args.herhalingen or 3)
    args.herhalingen = args.herhalingen or 5
    with tempfile.TemporaryDirectory() as map_:
        pad = Path(map_) / "kompas.duckdb"
        bouw(pad)
        for eigen_proces in (False, True):
            plaats = "in een eigen proces (zoals CBS)" if eigen_proces else "in dit proces (draden)"
            print(f"\n== de lokale servers {plaats}")

            def server(klasse, *a, eigen_proces=eigen_proces):
                return EigenProces(klasse, *a) if eigen_proces else klasse(*a)

            with (
                server(ODataServer, "opendata", 1000) as opendata,
                server(ODataServer, "dataderden", 1000) as derden,
                server(ODataV4Server, 1000) as v4,
            ):
                if meet([opendata, derden, v4], pad, args):
                    return 1
    return 0


def meet(servers, pad: Path, args) -> int:
    """De metingen van de moduletekst tegen `servers` (opendata, dataderden, v4) op de database `pad`; drukt ze af."""
    opendata, derden, v4 = servers
    os.environ.update(
        {
            "KOMPAS_DB": str(pad),
            "KOMPAS_CBS_OPENDATA": opendata.host,
            "KOMPAS_CBS_DATADERDEN": derden.host,
            "KOMPAS_CBS_DATASETS": v4.host,
            "KOMPAS_CBS_HTTPS": "0",
        }
    )
    for s in servers:
        s.vertraging = args.vertraging / 1000
    tabellen = {t.tabel_id: t for t in lees_config()}
    metingen: dict[str, list[float]] = {"ververs": [], "kaal": [], "tegelijk": [], "ophalen": [], "schrijven": []}
    per_tabel: dict[str, list[tuple[float, float]]] = {t: [] for t in TABELLEN}
    afgeleid = 0  # verversingen die toch iets afleidden (afgeleid.schema_versie.herberekend niet leeg)
    for _ in range(args.herhalingen):
        # 1. de hele verversing van alle tabellen, zoals `python -m loaders refresh`
        for s in servers:
            s.verzoeken.clear()
        t0 = time.perf_counter()
        uitkomsten = ververs(TABELLEN, pad=pad, meld=lambda _t: None)
        metingen["ververs"].append(time.perf_counter() - t0)
        mislukt = [u for u in uitkomsten if not u.gelukt]
        if mislukt:
            print(f"verversing mislukt: {mislukt[0].fout}")
            return 1
        if vraag(pad, "select herberekend from afgeleid.schema_versie")[0][0] != []:
            afgeleid += 1
        verzoeken = [(i, v) for i, s in enumerate(servers) for v in s.verzoeken]
        # 2. de kale download van precies dezelfde verzoeken
        t0 = time.perf_counter()
        kaal(servers, verzoeken)
        metingen["kaal"].append(time.perf_counter() - t0)
        # 3. per tabel: ophalen en controleren tegen kaal; en het schrijven apart. De registry van nu, zoals ververs
        # haar leest (de eerste verversing na de bouw zet de wijken uit de codelijsten in regio; met een registry van
        # daarvoor vergelijkt schrijf_in alles in SQL, loaders.cbs.schrijf_in)
        registry = lees_registry(pad)
        klaar = []
        t_ophalen = 0.0
        eigen_verzoeken = []
        opgehaald_op = cbs._nu()  # zoals ververs: één moment voor de tabellen die samen worden geschreven
        for tabel in TABELLEN:
            for s in servers:
                s.verzoeken.clear()
            t0 = time.perf_counter()
            klaar.append(haal_en_controleer(tabellen[tabel], registry, lambda _t: None, opgehaald_op))
            t_tabel = time.perf_counter() - t0
            t_ophalen += t_tabel
            eigen = [(i, v) for i, s in enumerate(servers) for v in s.verzoeken]
            eigen_verzoeken.append(eigen)
            t0 = time.perf_counter()
            kaal(servers, eigen)
            per_tabel[tabel].append((t_tabel, time.perf_counter() - t0))
        metingen["ophalen"].append(t_ophalen)
        # 4. de kale download van dezelfde verzoeken, met de gelijktijdigheid van de verversing
        t0 = time.perf_counter()
        kaal_tegelijk(servers, eigen_verzoeken)
        metingen["tegelijk"].append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        with schrijf_transactie(pad) as con:
            schrijf_in(con, klaar, registry)
        metingen["schrijven"].append(time.perf_counter() - t0)

    def ms(x):
        return statistics.median(x) * 1000

    print(
        f"{len(TABELLEN)} tabellen, {len(verzoeken)} HTTP-verzoeken, "
        f"{sum(u.geschreven for u in uitkomsten)} waarnemingen; mediaan van {args.herhalingen} herhalingen"
        f" (waarvan {afgeleid} met iets afgeleid)"
        + (f"; de server wacht {args.vertraging:g} ms per antwoord" if args.vertraging else "")
    )
    print(f"{'tabel':<10} {'ophalen+controleren ms':>23} {'kaal ms':>9} {'verhouding':>11}")
    for tabel, paren in per_tabel.items():
        o, k = ms([a for a, _ in paren]), ms([b for _, b in paren])
        print(f"{tabel:<10} {o:>23.1f} {k:>9.1f} {o / k:>10.2f}x")
    o, k = ms(metingen["ophalen"]), ms(metingen["kaal"])
    print(f"{'samen':<10} {o:>23.1f} {k:>9.1f} {o / k:>10.2f}x")
    v, w, g = ms(metingen["ververs"]), ms(metingen["schrijven"]), ms(metingen["tegelijk"])
    print(
        f"hele verversing (ophalen, controleren en één schrijftransactie, {GELIJKTIJDIG} tabellen tegelijk): "
        f"{v:.1f} ms (doel: hooguit 2x kaal)"
    )
    print(f"  = {v / k:.2f}x kaal na elkaar ({k:.1f} ms)")
    print(f"  = {v / g:.2f}x kaal met dezelfde gelijktijdigheid ({g:.1f} ms, {GELIJKTIJDIG} tabellen tegelijk)")
    print(
        f"  waarvan schrijven: {w:.1f} ms (vast per run: kopie van de database, herkomsten, checkpoint; afgeleide "
        "tabellen alleen als er cijfers veranderden (hier niet: dezelfde cijfers), het schema alleen bij andere SQL)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
