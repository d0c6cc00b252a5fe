"""Benchmark (geen test): de paginaqueries en de warme reruns op 1x en landelijk, voor en na in één run.

    python benchmarks/bench_paginas.py --map MAP [--vergelijk ANDERE_CHECKOUT] [--herhalingen 7] [--rondes 3]
                                       [--rerun]

MAP bevat de ALLEEN-VOOR-BENCHMARK databases met VERZONNEN cijfers van bench_schaal.py
(`benchmark-verzonnen-1x.duckdb`, `benchmark-verzonnen-landelijk.duckdb`, gemaakt met `bench_schaal.py --bewaar MAP`)
en wordt alleen gelezen; ze moeten met de SQL van deze checkout gemaakt zijn (`kompas.db.is_actueel`).

Per checkout (deze, en met --vergelijk ook die in ANDERE_CHECKOUT, bijv. `git archive main | tar -x -C MAP2`) en per
schaal meet een eigen proces elke paginafunctie met de argumenten die de pagina's meegeven (`bench_queries.paginas`
van die checkout), onbewerkt (zonder de cache van kompas.lezen: wat een pagina kost na een nieuwe databaseversie of
bij nieuwe keuzes): de mediaan van de wandtijd en van de CPU-tijd van het proces over `--herhalingen`. Elke functie
loopt om en om in de processen van beide checkouts, `--rondes` keer; afgedrukt wordt de mediaan over de rondes en
per pagina de som daarvan. CPU-tijd is minder gevoelig voor andere processen op de
machine dan wandtijd; het doel (issue 15) is wandtijd: elke pagina <= 50 ms.

`--rerun`: ook de warme rerun van Indicator, Kaders, Vergelijken en Overzicht (AppTest, bench_queries.rerun_paginas)
op de landelijke database; doel <= 300 ms.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(PROJECT / "benchmarks"))

from bench_queries import rerun_paginas  # noqa: E402

from kompas.db import is_actueel  # noqa: E402

SCHALEN = ("1x", "landelijk")

# een meetproces per checkout en schaal, met de code van de checkout in argv[1]: het noemt eerst de pagina's en
# functies (json), meet dan per regel op stdin ('pagina<TAB>functie') die functie en antwoordt [wand, cpu] in ms
_MEET = """
import json, statistics, sys, time
sys.path[:0] = [sys.argv[1], sys.argv[1] + "/benchmarks"]
import duckdb
from bench_queries import paginas
herhalingen = int(sys.argv[3])
con = duckdb.connect(sys.argv[2], read_only=True)
functies = paginas(con.cursor())
print(json.dumps({p: list(f) for p, f in functies.items()}), flush=True)
for regel in sys.stdin:
    pagina, functie = regel.rstrip("\\n").split("\\t")
    doe = functies[pagina][functie]
    doe()  # opwarmen
    wand, cpu = [], []
    for _ in range(herhalingen):
        c, w = time.process_time(), time.perf_counter()
        doe()
        wand.append((time.perf_counter() - w) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    print(json.dumps([statistics.median(wand), statistics.median(cpu)]), flush=True)
"""


class Meetproces:
    """Een meetproces (`_MEET`) voor één checkout op één database."""

    def __init__(self, checkout: Path, db: Path, herhalingen: int):
        self.proces = subprocess.Popen(
            [sys.executable, "-c", _MEET, str(checkout), str(db), str(herhalingen)],
            cwd=checkout,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.functies: dict[str, list[str]] = json.loads(self._regel())

    def _regel(self) -> str:
        regel = self.proces.stdout.readline()
        if not regel:
            sys.exit(f"het meetproces faalde (exitcode {self.proces.wait()})")
        return regel

    def meet(self, pagina: str, functie: str) -> list[float]:
        self.proces.stdin.write(f"{pagina}\t{functie}\n")
        self.proces.stdin.flush()
        return json.loads(self._regel())

    def sluit(self) -> None:
        self.proces.stdin.close()
        self.proces.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--map", type=Path, required=True, help="map met de benchmarkdatabases van bench_schaal.py")
    parser.add_argument("--vergelijk", type=Path, metavar="ANDERE_CHECKOUT", help="meet ook deze checkout")
    parser.add_argument("--herhalingen", type=int, default=7)
    parser.add_argument("--rondes", type=int, default=3)
    parser.add_argument("--rerun", action="store_true", help="ook de warme reruns (AppTest) op landelijk")
    args = parser.parse_args()
    dbs = {schaal: args.map / f"benchmark-verzonnen-{schaal}.duckdb" for schaal in SCHALEN}
    for db in dbs.values():
        if not db.exists() or not is_actueel(db):
            sys.exit(f"{db} ontbreekt of is niet gemaakt met de SQL van deze checkout (bench_schaal.py --bewaar)")
    checkouts = {"na": PROJECT, **({"voor": args.vergelijk.resolve()} if args.vergelijk else {})}
    kolommen = [(n, s) for s in SCHALEN for n in checkouts]
    # per schaal een meetproces per checkout; elke functie om en om in elk proces, zodat voor en na onder dezelfde
    # belasting lopen
    metingen: dict[tuple[str, str, str, str], list[list[float]]] = {}
    volgorde: dict[str, list[str]] = {}
    for schaal, db in dbs.items():
        processen = {naam: Meetproces(checkout, db, args.herhalingen) for naam, checkout in checkouts.items()}
        for proces in processen.values():
            for pagina, functies in proces.functies.items():
                volgorde.setdefault(pagina, [])
                volgorde[pagina] += [f for f in functies if f not in volgorde[pagina]]
        for _ in range(args.rondes):
            for pagina, functies in volgorde.items():
                for functie in functies:
                    for naam, proces in processen.items():
                        if functie in proces.functies.get(pagina, []):
                            metingen.setdefault((naam, schaal, pagina, functie), []).append(
                                proces.meet(pagina, functie)
                            )
        for proces in processen.values():
            proces.sluit()

    def mediaan(naam: str, schaal: str, pagina: str, functie: str, soort: int) -> float | None:
        """Mediaan over de rondes van één functie; soort 0 wand, 1 cpu."""
        rondes = metingen.get((naam, schaal, pagina, functie))
        return statistics.median(r[soort] for r in rondes) if rondes else None

    print("\n== paginaqueries, ms: wand (cpu), mediaan over de rondes; doel per pagina <= 50 ms wand ==")
    print(f"{'pagina':12s} {'functie':42s}" + "".join(f"{f'{n} {s}':>18s}" for n, s in kolommen))
    for pagina, functies in volgorde.items():
        totaal = {(n, s, soort): 0.0 for n, s in kolommen for soort in (0, 1)}
        for functie in functies:
            regel = f"{pagina:12s} {functie:42s}"
            for naam, schaal in kolommen:
                wand, cpu = (mediaan(naam, schaal, pagina, functie, soort) for soort in (0, 1))
                if wand is None:
                    regel += f"{'-':>18s}"
                    continue
                totaal[naam, schaal, 0] += wand
                totaal[naam, schaal, 1] += cpu
                regel += f"{f'{wand:.1f} ({cpu:.1f})':>18s}"
            print(regel)
        print(
            f"{pagina:12s} {'TOTAAL':42s}"
            + "".join(f"{f'{totaal[n, s, 0]:.1f} ({totaal[n, s, 1]:.1f})':>18s}" for n, s in kolommen)
        )
    if args.rerun:
        rerun_paginas({naam: (checkout, dbs["landelijk"]) for naam, checkout in checkouts.items()}, args.herhalingen)
    return 0


if __name__ == "__main__":
    sys.exit(main())
