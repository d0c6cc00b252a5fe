"""Benchmark (geen test): het schrijfpad en de paginaqueries op landelijke schaal, naast dezelfde cijfers op 1x.

    python benchmarks/bench_schaal.py [--herhalingen 5] [--bewaar MAP]

Twee ALLEEN-VOOR-BENCHMARK databases met VERZONNEN cijfers (bench_queries.bouw_benchmark_db), in een tijdelijke
map (nooit data/; met --bewaar in MAP, en bij een volgende run daar hergebruikt):
- 1x: 342 gemeenten x 15 jaar x 40 indicatoren, de schaal van bench_queries.py (~0,3M waarnemingen);
- landelijk: 342 gemeenten plus 3.300 wijken (soort 'wijk', hun gemeente in gemeente_code) x 15 jaar x alle
  indicatoren van de registry (~5,7M waarnemingen).

Gemeten, per schaal in dezelfde run:
- één schrijfactie die één indicator van één gemeente raakt (een herkomst vervangen, zoals een upload of een
  verversing doet, met kompas.db.raakt), vijf keer; doel <= 1 s CPU en <= 1 GB piek-RSS;
- een lege schrijfactie (raakt, maar niets geraakt), de volledige herberekening (de oude weg: een schrijver die niets
  zegt) en alleen de kopie van het bestand (shutil.copyfile, wat elke schrijfactie eerst doet);
- de grootte van het bestand vóór en na de vijf schrijfacties en na de volledige herberekening;
- elke paginaquery met de argumenten die de pagina's meegeven (bench_queries.paginas); doel <= 50 ms per pagina.
Elke schrijfmeting draait in een eigen proces: CPU is user+sys van dat proces tijdens de actie, piek-RSS is VmHWM
van het hele proces (inclusief Python en duckdb laden; 'basis' is dat proces zonder actie). Niet ru_maxrss: dat neemt
na fork+exec de RSS van de ouder mee, en die heeft net de landelijke database gebouwd (14 GB).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(PROJECT / "benchmarks"))

from bench_queries import bouw_benchmark_db, tijden_per_pagina  # noqa: E402

from kompas.db import is_actueel  # noqa: E402

# De schrijfactie in een eigen proces. VERZONNEN cijfer, alleen voor deze benchmark.
_ACTIE = """
import json, os, resource, shutil, sys, time
sys.path[:0] = [sys.argv[1], os.path.join(sys.argv[1], "benchmarks")]
from bench_upload import piek_rss_mb
from kompas.db import raakt, schrijf_transactie
actie, pad, n = sys.argv[2], sys.argv[3], int(sys.argv[4])

def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime

begin_cpu, begin = cpu(), time.perf_counter()
if actie == "schrijf":
    with schrijf_transactie(pad) as con:
        raakt(con, herkomsten=["bench:schrijf"])
        con.execute("delete from waarneming where herkomst_id = 'bench:schrijf'")
        con.execute("delete from herkomst where herkomst_id = 'bench:schrijf'")
        con.execute(
            "insert into herkomst (herkomst_id, soort, bron, titel, opgehaald_op, licentie)"
            " values ('bench:schrijf', 'upload', 'BENCHMARK (verzonnen)', 'benchmark', now(), 'n.v.t.')"
        )
        con.execute(
            "insert into waarneming (indicator_code, regio_code, peiljaar, leeftijd, waarde, herkomst_id)"
            " values ('eenzaam_pct', 'GM0148', 2024, '18+', $w, 'bench:schrijf')",
            {"w": 10.0 + n},
        )
elif actie == "leeg":
    with schrijf_transactie(pad) as con:
        raakt(con)
elif actie == "volledig":
    with schrijf_transactie(pad):
        pass
elif actie == "kopie":
    shutil.copyfile(pad, pad + ".kopie")
    os.remove(pad + ".kopie")
eind_cpu, eind = cpu(), time.perf_counter()
print(json.dumps({"cpu": eind_cpu - begin_cpu, "wand": eind - begin,
                  "rss_mb": piek_rss_mb()}))
"""


def actie(naam: str, pad: Path, n: int = 0) -> dict:
    uit = subprocess.run(
        [sys.executable, "-c", _ACTIE, str(PROJECT), naam, str(pad), str(n)], capture_output=True, text=True
    )
    if uit.returncode:
        sys.exit(f"{naam} op {pad.name} faalde:\n{uit.stderr[-3000:]}")
    return json.loads(uit.stdout.strip().splitlines()[-1])


def mb(pad: Path) -> float:
    return pad.stat().st_size / 1e6


def meet_schaal(pad: Path, herhalingen: int) -> dict[str, str]:
    """Alle metingen op één database, als tekst per regel van de tabel."""
    if not is_actueel(pad):  # een bewaarde database van een andere versie van de SQL: eerst bijwerken
        actie("volledig", pad)
    with duckdb.connect(str(pad), read_only=True) as con:
        aantal = con.execute("select count(*) from waarneming").fetchone()[0]
        afgeleid = con.execute("select count(*) from afgeleid.indicator_waarden").fetchone()[0]
    uit = {"waarnemingen": f"{aantal:,}".replace(",", "."), "afgeleide rijen": f"{afgeleid:,}".replace(",", ".")}
    uit["basis (proces zonder actie)"] = f"{actie('niets', pad)['rss_mb']:.0f} MB"
    voor = mb(pad)
    schrijf = [actie("schrijf", pad, n) for n in range(5)]
    na = mb(pad)
    cpu = statistics.median(s["cpu"] for s in schrijf)
    wand = statistics.median(s["wand"] for s in schrijf)
    rss = max(s["rss_mb"] for s in schrijf)
    uit["1 indicator, 1 gemeente: CPU / wand"] = f"{cpu:.2f} s / {wand:.2f} s"
    uit["1 indicator, 1 gemeente: piek-RSS"] = f"{rss:.0f} MB"
    uit["bestand vóór / na 5 schrijfacties"] = f"{voor:.0f} / {na:.0f} MB"
    leeg = actie("leeg", pad)
    uit["lege schrijfactie: CPU / wand / RSS"] = f"{leeg['cpu']:.2f} s / {leeg['wand']:.2f} s / {leeg['rss_mb']:.0f} MB"
    kopie = actie("kopie", pad)
    uit["alleen de kopie (copyfile): CPU / wand"] = f"{kopie['cpu']:.2f} s / {kopie['wand']:.2f} s"
    volledig = actie("volledig", pad)
    uit["volledige herberekening: CPU / wand"] = f"{volledig['cpu']:.1f} s / {volledig['wand']:.1f} s"
    uit["volledige herberekening: piek-RSS"] = f"{volledig['rss_mb']:.0f} MB"
    uit["bestand na volledige herberekening"] = f"{mb(pad):.0f} MB"
    na_volledig = mb(pad)
    for n in range(5, 10):
        actie("schrijf", pad, n)
    uit["bestand na nog 5 schrijfacties"] = f"{mb(pad):.0f} MB (was {na_volledig:.0f})"
    with duckdb.connect(str(pad), read_only=True) as con:
        for pagina, functies in tijden_per_pagina(con.cursor(), herhalingen).items():
            totaal = sum(ms for ms, _ in functies.values())
            traagste = max(functies, key=lambda f: functies[f][0])
            uit[f"pagina {pagina}: totaal (traagste functie)"] = f"{totaal:.1f} ms ({traagste})"
    return uit


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--herhalingen", type=int, default=5)
    parser.add_argument("--bewaar", type=Path, help="bewaar (en hergebruik) de benchmarkdatabases in deze map")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kompas-bench-schaal-") as tijdelijk:
        map_ = args.bewaar or Path(tijdelijk)
        map_.mkdir(parents=True, exist_ok=True)
        schalen = {"1x": {}, "landelijk": {"aantal_wijken": 3300, "aantal_indicatoren": 1000}}
        uitkomst = {}
        for naam, opties in schalen.items():
            pad = map_ / f"benchmark-verzonnen-{naam}.duckdb"
            if not pad.exists():
                t = time.perf_counter()
                bouw_benchmark_db(pad, **opties)
                print(f"({naam}: benchmarkdatabase gebouwd in {time.perf_counter() - t:.0f} s)", flush=True)
            uitkomst[naam] = meet_schaal(pad, args.herhalingen)
    print(f"\n{'meting':58s} {'1x':>22s} {'landelijk':>24s}")
    for regel in uitkomst["1x"]:
        print(f"{regel:58s} {uitkomst['1x'][regel]:>22s} {uitkomst['landelijk'].get(regel, '-'):>24s}")
    print("\nDoelen (issue 15): 1 indicator van 1 gemeente <= 1 s CPU en <= 1 GB; elke pagina <= 50 ms.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
