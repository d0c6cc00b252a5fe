"""Benchmark (geen test): de paginaqueries en de warme reruns op 1x en landelijk, voor en na in één run.

    python benchmarks/bench_paginas.py --map MAP [--vergelijk ANDERE_CHECKOUT] [--herhalingen 7] [--rondes 3]
                                       [--rerun]

MAP bevat de ALLEEN-VOOR-BENCHMARK databases met VERZONNEN cijfers van bench_schaal.py
(`benchmark-verzonnen-1x.duckdb`, `benchmark-verzonnen-landelijk.duckdb`, gemaakt met `bench_schaal.py --bewaar MAP`)
en wordt alleen gelezen; ze moeten met de SQL van deze checkout gemaakt zijn (`kompas.db.is_actueel`).

Per checkout (deze, en met --vergelijk ook die in ANDERE_CHECKOUT, bijv. `git archive main | tar -x -C MAP2`) en per
schaal meet een eigen proces elke paginafunctie met de argumenten die de pagina's meegeven (`bench_queries.paginas`
van die checkout), onbewerkt (zonder de cache van kompas.lezen: wat een pagina kost na een nieuwe databaseversie of
bij nieuwe keuzes): de mediaan van de wandtijd en van de CPU-tijd van het proces. De checkouts draaien om en om in
`--rondes` rondes; afgedrukt wordt de mediaan over de rondes. CPU-tijd is minder gevoelig voor andere processen op de
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

# één meting in een eigen proces, met de code van de checkout in argv[1]: per pagina en functie (wand, cpu) in ms
_MEET = """
import json, statistics, sys, time
sys.path[:0] = [sys.argv[1], sys.argv[1] + "/benchmarks"]
import duckdb
from bench_queries import paginas
herhalingen = int(sys.argv[3])
uit = {}
with duckdb.connect(sys.argv[2], read_only=True) as con:
    for pagina, functies in paginas(con.cursor()).items():
        uit[pagina] = {}
        for functie, doe in functies.items():
            doe()  # opwarmen
            wand, cpu = [], []
            for _ in range(herhalingen):
                c, w = time.process_time(), time.perf_counter()
                doe()
                wand.append((time.perf_counter() - w) * 1000)
                cpu.append((time.process_time() - c) * 1000)
            uit[pagina][functie] = [statistics.median(wand), statistics.median(cpu)]
print(json.dumps(uit))
"""


def meet(checkout: Path, db: Path, herhalingen: int) -> dict[str, dict[str, list[float]]]:
    uit = subprocess.run(
        [sys.executable, "-c", _MEET, str(checkout), str(db), str(herhalingen)],
        cwd=checkout,
        capture_output=True,
        text=True,
    )
    if uit.returncode:
        sys.exit(f"de meting in {checkout} op {db.name} faalde:\n{uit.stderr[-3000:]}")
    return json.loads(uit.stdout.strip().splitlines()[-1])


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
    metingen: dict[tuple[str, str], list] = {(c, s): [] for c in checkouts for s in SCHALEN}
    for _ in range(args.rondes):
        for schaal, db in dbs.items():
            for naam, checkout in checkouts.items():
                metingen[naam, schaal].append(meet(checkout, db, args.herhalingen))

    def mediaan(naam: str, schaal: str, pagina: str, functie: str | None, soort: int) -> float | None:
        """Mediaan over de rondes van één functie (of met functie None: het paginatotaal); soort 0 wand, 1 cpu."""
        waarden = []
        for ronde in metingen[naam, schaal]:
            if pagina not in ronde or (functie is not None and functie not in ronde[pagina]):
                return None
            functies = ronde[pagina].values() if functie is None else [ronde[pagina][functie]]
            waarden.append(sum(f[soort] for f in functies))
        return statistics.median(waarden)

    kolommen = [(n, s) for s in SCHALEN for n in checkouts]
    print("\n== paginaqueries, ms: wand (cpu), mediaan over de rondes; doel per pagina <= 50 ms wand ==")
    print(f"{'pagina':12s} {'functie':42s}" + "".join(f"{f'{n} {s}':>18s}" for n, s in kolommen))
    eerste = metingen["na", "1x"][0]
    for pagina in eerste:
        functies = list(eerste[pagina])
        if "voor" in checkouts:  # functies die alleen de andere checkout meet (andere namen)
            functies += [f for f in metingen["voor", "1x"][0].get(pagina, {}) if f not in functies]
        for functie in [*functies, None]:
            regel = f"{pagina:12s} {functie or 'TOTAAL':42s}"
            for naam, schaal in kolommen:
                wand, cpu = (mediaan(naam, schaal, pagina, functie, soort) for soort in (0, 1))
                regel += f"{'-':>18s}" if wand is None else f"{f'{wand:.1f} ({cpu:.1f})':>18s}"
            print(regel)
    if args.rerun:
        rerun_paginas({naam: (checkout, dbs["landelijk"]) for naam, checkout in checkouts.items()}, args.herhalingen)
    return 0


if __name__ == "__main__":
    sys.exit(main())
