"""Benchmark (geen test): tijd van elke paginafunctie uit kompas.gegevens.

    python benchmarks/bench_queries.py [--herhalingen 7]

Twee databases, allebei in een tijdelijke map (nooit data/):
1. de ingebedde gegevens (gebouwd uit data/ met loaders.ingebed.bouw);
2. een ALLEEN-VOOR-BENCHMARK database met VERZONNEN cijfers: ~342 gemeenten (GMxxxx) met GGD-regio's en
   provincies, 15 peiljaren, 40 indicatoren uit de registry (enquête-indicatoren met 18+ en 65+ en een
   interval), een tweede bron voor een deel van de cellen, en een kaderboom voor de drie gemeenten.

Drukt per functie de mediaan (ms) af en per pagina het totaal van de functies die die pagina aanroept.
Doel: elke pagina onder 50 ms op de volledige database.

`--rerun-vergelijk MAP`: meet op de volledige database ook de paginaqueries van de checkout in MAP (bijv. de vorige
versie: `git archive HEAD | tar -x -C MAP`; op een kopie die MAP met haar eigen SQL vastzet) en de warme rerun van
Indicator, Kaders, Vergelijken en Overzicht (AppTest via app.py, in een eigen proces per checkout, om en om) van
beide, zodat voor en na in één run onder dezelfde belasting lopen.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kompas import gegevens, tabellen  # noqa: E402
from kompas.db import schrijf_transactie  # noqa: E402
from loaders.ingebed import bouw, laad_referentie  # noqa: E402

GEMEENTEN = ["GM0148", "GM1876", "GM0303"]
KEUZE = [f"GM{n:04d}" for n in range(10, 17)]  # zeven verzonnen gemeenten van de benchmarkdatabase
AANTAL_GEMEENTEN = 342
JAREN = range(2010, 2025)
AANTAL_INDICATOREN = 40


def bouw_benchmark_db(pad: Path, aantal_wijken: int = 0, aantal_indicatoren: int = AANTAL_INDICATOREN) -> None:
    """Vult een database met verzonnen cijfers op schaal. Alleen voor benchmarks (deze en bench_schaal.py).

    `aantal_wijken`: zoveel VERZONNEN wijken erbij (soort 'wijk', hun gemeente in gemeente_code, ongeveer tien per
    gemeente), met elke indicator in één leeftijdsgroep ('totaal', bij enquêtes '18+')."""
    with schrijf_transactie(pad) as con:
        laad_referentie(con)
        con.execute(
            """
            insert into regio (regio_code, regio_naam, soort, ggd_regio_code, provincie_code, volgorde)
            select 'GG9' || lpad(cast(g as varchar), 3, '0'), 'Bench-GGD ' || g, 'ggd_regio', null,
                   'PV9' || lpad(cast(g % 12 as varchar), 2, '0'), 100 + g
            from range(25) as t(g);
            insert into regio (regio_code, regio_naam, soort, ggd_regio_code, provincie_code, volgorde)
            select 'PV9' || lpad(cast(p as varchar), 2, '0'), 'Bench-provincie ' || p, 'provincie', null, null, 200 + p
            from range(12) as t(p);
            """
        )
        con.execute(
            """
            insert into regio (regio_code, regio_naam, soort, ggd_regio_code, provincie_code, volgorde)
            select code, 'Bench-gemeente ' || n, 'gemeente', 'GG9' || lpad(cast(n % 25 as varchar), 3, '0'),
                   'PV9' || lpad(cast(n % 12 as varchar), 2, '0'), 1000 + n
            from (select n, 'GM' || lpad(cast(n as varchar), 4, '0') as code from range(1, 2000) as t(n))
            where code not in (select regio_code from regio)
            limit $aantal
            """,
            {"aantal": AANTAL_GEMEENTEN - len(GEMEENTEN)},
        )
        con.execute(
            """
            create temp table bench_wijk as
            select 'WK' || substr(g.regio_code, 3) || lpad(cast(90 + n // $gemeenten as varchar), 2, '0') as regio_code,
                   g.regio_code as gemeente_code, n
            from range($aantal) as t(n)
            join (select regio_code, row_number() over (order by regio_code) - 1 as nr
                  from regio where soort = 'gemeente') as g on g.nr = n % $gemeenten
            """,
            {"aantal": aantal_wijken, "gemeenten": AANTAL_GEMEENTEN},
        )
        con.execute(
            "insert into regio (regio_code, regio_naam, soort, volgorde, gemeente_code)"
            " select regio_code, 'Bench-wijk ' || n, 'wijk', 10000 + n, gemeente_code from bench_wijk"
        )
        con.execute(
            """
            insert into herkomst (herkomst_id, soort, bron, titel, tabel_id, opgehaald_op, licentie) values
            ('bench:statline', 'CBS StatLine', 'BENCHMARK (verzonnen)', 'benchmark', 'BENCH1', now(), 'n.v.t.'),
            ('bench:document', 'gepubliceerd document', 'BENCHMARK (verzonnen)', 'benchmark', null, now(), 'n.v.t.')
            """
        )
        con.execute(
            """
            create temp table bench_indicator as
            select indicator_code, soort
            from indicator
            order by indicator_code in ('inwoners', 'bijstand_personen', 'problematische_schulden_pct',
                                        'eenzaam_pct', 'ervaren_gezondheid_pct', 'bijstand_per_10000') desc,
                     indicator_code
            limit $n
            """,
            {"n": aantal_indicatoren},
        )
        con.execute(
            """
            insert into waarneming (indicator_code, regio_code, peiljaar, leeftijd, waarde, ondergrens, bovengrens,
                                    herkomst_id)
            select i.indicator_code, r.regio_code, j.jaar, l.leeftijd,
                   w, case when i.soort = 'enquête' then w - 2 end, case when i.soort = 'enquête' then w + 2 end,
                   'bench:statline'
            from bench_indicator as i
            cross join (select regio_code, regio_code in (select regio_code from bench_wijk) as wijk from regio) as r
            cross join range(2010, 2025) as j(jaar)
            cross join (values ('totaal'), ('18+'), ('65+')) as l(leeftijd)
            cross join lateral (select case i.indicator_code when 'inwoners' then 20000 + random() * 50000
                                        when 'bijstand_personen' then 100 + random() * 1000
                                        else random() * 100 end as w)
            where (i.soort = 'enquête') = (l.leeftijd <> 'totaal') and not (r.wijk and l.leeftijd = '65+')
            """
        )
        con.execute(
            """
            insert into waarneming (indicator_code, regio_code, peiljaar, leeftijd, waarde, herkomst_id)
            select indicator_code, regio_code, peiljaar, leeftijd, waarde * 1.01, 'bench:document'
            from waarneming using sample 5 percent (bernoulli, 42)
            """
        )
        for gemeente in GEMEENTEN:
            for sql in (
                """insert into kader (kader_id, gemeente_code, document, niveau, naam, volgorde)
                   select $g || '-k' || k, $g, 'benchmark', 'kader', 'Kader ' || k, k from range(5) as t(k)""",
                """insert into doel (doel_id, kader_id, naam, volgorde)
                   select $g || '-k' || k || '-d' || d, $g || '-k' || k, 'Doel ' || d, d
                   from range(5) as t(k), range(3) as u(d)""",
                """insert into kader_indicator (kader_indicator_id, doel_id, gemeente_code, omschrijving,
                                                indicator_code, nulmeting_jaar, volgorde)
                   select $g || '-k' || k || '-d' || d || '-i' || i, $g || '-k' || k || '-d' || d, $g, 'Indicator',
                          b.indicator_code, 2012, i
                   from range(5) as t(k), range(3) as u(d), range(3) as v(i)
                   join (select indicator_code, row_number() over (order by indicator_code) - 1 as nr
                         from bench_indicator) as b on b.nr = (k * 9 + d * 3 + i) % 40""",
                """insert into streefwaarde (kader_indicator_id, jaar, tekst, soort, waarde)
                   select kader_indicator_id, 2026, 'minimaal 50', 'minimaal', 50 from kader_indicator
                   where gemeente_code = $g""",
            ):
                con.execute(sql, {"g": gemeente})


def paginas(cur) -> dict[str, dict[str, callable]]:
    """Per pagina de gegevensfuncties die die pagina bij openen aanroept, met dezelfde argumenten
    (pages/*.py). De keuzelijsten lopen over de drie gemeenten van Sociaal Kompas (GEMEENTEN); Kaarten opent op
    inwoners (als die er is) in het laatste jaar en de wijken van de eerste gemeente."""
    focus = tabellen.focus(gegevens.gemeenten(cur))["regio_code"].to_list()  # wat de pagina's standaard tonen
    kader_gemeente = focus[0]  # waar Kaders opent
    boom = gegevens.kader_boom(cur, kader_gemeente)
    van_document = boom.filter(boom["document"] == tabellen.documenten(boom)[0]["document"])
    van_kader = van_document.filter(van_document["kader_id"] == tabellen.standaard_kader(van_document))
    kader_codes = van_kader["indicator_code"].drop_nulls().unique().sort().to_list()
    ggd = {g["regio_code"]: g["ggd_regio_code"] for g in gegevens.gemeenten(cur).iter_rows(named=True)}
    kop_codes = sorted({k["indicator_code"] for k in gegevens.kopindicatoren()})
    kaart = gegevens.kaartindicatoren(cur)
    kaart_code = "inwoners" if "inwoners" in kaart["indicator_code"].to_list() else kaart["indicator_code"][0]
    kaart_jaar = kaart.filter(kaart["indicator_code"] == kaart_code)["peiljaar"].max()
    eerste_gemeente = gegevens.gemeenten(cur)["regio_code"][0]
    return {
        "overzicht": {
            "gemeenten": lambda: gegevens.gemeenten(cur),
            "doelen_telling": lambda: gegevens.doelen_telling(cur, GEMEENTEN),
            "overzicht": lambda: gegevens.overzicht(cur, GEMEENTEN),
            "vergelijkingsgroep_banden": lambda: gegevens.vergelijkingsgroep_banden(cur, kop_codes, GEMEENTEN),
        },
        "kaders": {
            "gemeenten": lambda: gegevens.gemeenten(cur),
            "kader_boom": lambda: gegevens.kader_boom(cur, kader_gemeente),
            f"reeks ({len(kader_codes)} ind.)": lambda: gegevens.reeks(
                cur, kader_codes, [kader_gemeente, ggd[kader_gemeente]]
            ),
            f"vergelijkingsgroep_banden ({len(kader_codes)} ind.)": lambda: gegevens.vergelijkingsgroep_banden(
                cur, kader_codes, [kader_gemeente]
            ),
        },
        "vergelijken": {
            "indicatoren": lambda: gegevens.indicatoren(cur),
            "gemeenten": lambda: gegevens.gemeenten(cur),
            "vergelijking": lambda: gegevens.vergelijking(
                cur, ["ervaren_gezondheid_pct", "mantelzorger_pct"], GEMEENTEN, 2012, 2026
            ),
            "vergelijkingsgroep_banden": lambda: gegevens.vergelijkingsgroep_banden(
                cur, ["ervaren_gezondheid_pct", "mantelzorger_pct"], GEMEENTEN
            ),
        },
        # geen pagina: wat een pagina pas leest als iemand erom vraagt (de ledenlijst openklappen, een export), en
        # de eigen keuze van gemeenten (tien) op Vergelijken
        "op_verzoek": {
            "ledenlijst (1 ind.)": lambda: gegevens.vergelijkingsgroepen(cur, kader_codes[:1], [kader_gemeente]),
            "vergelijkingsgroep_keuze": lambda: gegevens.vergelijkingsgroep_keuze(
                cur, ["ervaren_gezondheid_pct", "mantelzorger_pct"], [*GEMEENTEN, *KEUZE]
            ),
            "download Indicator (alle regio's)": lambda: gegevens.indicator_alle_waarden(cur, "ervaren_gezondheid_pct"),
        },
        "indicator": {
            "indicatoren": lambda: gegevens.indicatoren(cur),
            "gemeenten": lambda: gegevens.gemeenten(cur),
            "reeks": lambda: gegevens.reeks(cur, ["ervaren_gezondheid_pct"], GEMEENTEN),
            "indicator_aantal_waarden": lambda: gegevens.indicator_aantal_waarden(cur, "ervaren_gezondheid_pct"),
            "indicator_alle_waarden": lambda: gegevens.indicator_alle_waarden(cur, "ervaren_gezondheid_pct", focus),
        },
        "kaarten": {
            "kaartindicatoren": lambda: gegevens.kaartindicatoren(cur),
            "gemeenten": lambda: gegevens.gemeenten(cur),
            "kaartwaarden": lambda: gegevens.kaartwaarden(cur, kaart_code, kaart_jaar, eerste_gemeente),
        },
        "over_de_data": {
            "bronnen": lambda: gegevens.bronnen(cur),
            "gemeenten": lambda: gegevens.gemeenten(cur),
            "dekking": lambda: gegevens.dekking(cur, GEMEENTEN),
        },
    }


def tijden_per_pagina(cur, herhalingen: int) -> dict[str, dict[str, tuple[float, int]]]:
    """Per pagina en functie de mediaan in ms (na één keer opwarmen) en het aantal rijen."""
    uit: dict[str, dict[str, tuple[float, int]]] = {}
    for pagina, functies in paginas(cur).items():
        uit[pagina] = {}
        for functie, doe in functies.items():
            doe()  # opwarmen
            tijden = []
            for _ in range(herhalingen):
                t = time.perf_counter()
                uitkomst = doe()
                tijden.append((time.perf_counter() - t) * 1000)
            rijen = len(uitkomst) if not isinstance(uitkomst, dict) else 1
            uit[pagina][functie] = (statistics.median(tijden), rijen)
    return uit


def meet(pad: Path, naam: str, herhalingen: int) -> None:
    con = duckdb.connect(str(pad), read_only=True)
    cur = con.cursor()
    aantal = cur.execute("select count(*) from waarneming").fetchall()[0][0]
    print(f"\n== {naam}: {aantal:,} waarnemingen ==".replace(",", "."))
    for pagina, functies in tijden_per_pagina(cur, herhalingen).items():
        totaal = 0.0
        for functie, (mediaan, rijen) in functies.items():
            totaal += mediaan
            print(f"  {pagina:12s} {functie:24s} {mediaan:8.1f} ms  ({rijen} rijen)")
        print(f"  {pagina:12s} {'TOTAAL':24s} {totaal:8.1f} ms  {'OK' if totaal < 50 else 'BOVEN 50 ms'}")
    con.close()


# een warme rerun van een pagina in een eigen proces, met de code van de checkout in argv[1]
_RERUN = """
import json, statistics, sys, time
sys.path[:0] = [sys.argv[1], sys.argv[1] + "/tests"]
from apptest import draai
at = draai(sys.argv[3], **json.loads(sys.argv[4]))
tijden = []
for _ in range(int(sys.argv[2])):
    begin = time.perf_counter()
    at.run()
    tijden.append(time.perf_counter() - begin)
    assert not at.exception, [e.value for e in at.exception]
print(statistics.median(tijden))
"""

# de pagina's met de standaardkeuzes (de drie gemeenten, de grootteklasse), op de volledige database
RERUN_PAGINAS = {
    "Indicator": ("pages/indicator.py", {"indicator": "ervaren_gezondheid_pct"}),
    "Kaders": ("pages/kaders.py", {"gemeente": "GM0303"}),
    "Vergelijken": ("pages/vergelijken.py", {}),
    "Overzicht": ("pages/overzicht.py", {}),
}


def rerun_paginas(checkouts: dict[str, tuple[Path, Path]], herhalingen: int, rondes: int = 2) -> None:
    """Mediaan van de warme reruns van elke pagina per checkout (code, database), de checkouts om en om."""
    tijden = {(pagina, naam): [] for pagina in RERUN_PAGINAS for naam in checkouts}
    for _ in range(rondes):
        for pagina, (bestand, params) in RERUN_PAGINAS.items():
            for naam, (map_, db) in checkouts.items():
                uit = subprocess.run(
                    [sys.executable, "-c", _RERUN, str(map_), str(herhalingen), bestand, json.dumps(params)],
                    cwd=map_,
                    env={**os.environ, "KOMPAS_DB": str(db)},
                    capture_output=True,
                    text=True,
                )
                if uit.returncode:
                    sys.exit(f"de rerun van {bestand} in {map_} faalde:\n{uit.stderr[-3000:]}")
                tijden[pagina, naam].append(float(uit.stdout.strip().splitlines()[-1]))
    print("\n== warme rerun per pagina (AppTest), mediaan over de rondes; doel 300 ms ==")
    for (pagina, naam), reeks in tijden.items():
        print(
            f"  {pagina:12s} {naam:40s} {statistics.median(reeks) * 1000:8.0f} ms  (rondes: "
            + ", ".join(f"{t * 1000:.0f}" for t in reeks)
            + ")"
        )


def meet_ander(map_: Path, db: Path, herhalingen: int) -> None:
    """De paginaqueries van de checkout in MAP, in een eigen proces, op een kopie van de volledige database die die
    checkout eerst met haar eigen SQL vastzet (haar eigen bench_queries.py met --bewaar)."""
    uit = subprocess.run(
        [
            sys.executable,
            str(map_ / "benchmarks" / "bench_queries.py"),
            "--alleen-volledig",
            "--bewaar",
            str(db),
            "--herhalingen",
            str(herhalingen),
        ],
        cwd=map_,
        capture_output=True,
        text=True,
    )
    if uit.returncode:
        sys.exit(f"bench_queries.py in {map_} faalde:\n{uit.stderr[-3000:]}")
    print(f"\n#### checkout {map_} ####")
    print("\n".join(r for r in uit.stdout.splitlines() if "%" not in r))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--herhalingen", type=int, default=7)
    parser.add_argument("--alleen-volledig", action="store_true", help="sla de ingebedde database over")
    parser.add_argument("--bewaar", type=Path, help="bewaar de benchmarkdatabase hier (buiten data/)")
    parser.add_argument(
        "--rerun-vergelijk", type=Path, metavar="MAP", help="ook de warme rerun van Indicator in deze checkout"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kompas-bench-") as map_:
        ingebed = Path(map_) / "ingebed.duckdb"
        bouw(ingebed)
        if not args.alleen_volledig:
            meet(ingebed, "ingebedde gegevens", args.herhalingen)
        volledig = Path(map_) / "benchmark-verzonnen.duckdb"
        t = time.perf_counter()
        if args.bewaar and args.bewaar.exists():
            volledig = args.bewaar
        else:
            if args.bewaar:
                volledig = args.bewaar
            bouw_benchmark_db(volledig)
        print(f"\n(benchmarkdatabase gebouwd in {time.perf_counter() - t:.1f} s)")
        t = time.perf_counter()
        with schrijf_transactie(volledig):
            pass  # zegt niet wat ze raakt: kopie + schema + alle afgeleide tabellen opnieuw + vervangen
        print(
            f"(volledige herberekening op de volledige database: {time.perf_counter() - t:.1f} s;"
            " een upload of verversing herberekent alleen wat ze raakt: benchmarks/bench_schaal.py)"
        )
        meet(volledig, "volledige benchmarkdatabase (verzonnen cijfers)", args.herhalingen)
        if args.rerun_vergelijk:
            ander = Path(map_) / "ander.duckdb"
            shutil.copyfile(volledig, ander)
            meet_ander(args.rerun_vergelijk, ander, args.herhalingen)
            print("\n#### deze checkout, nog eens (dezelfde belasting) ####")
            meet(volledig, "volledige benchmarkdatabase (verzonnen cijfers)", args.herhalingen)
            checkouts = {
                "deze checkout": (Path(__file__).resolve().parent.parent, volledig),
                str(args.rerun_vergelijk): (args.rerun_vergelijk, ander),
            }
            rerun_paginas(checkouts, args.herhalingen)
    return 0


if __name__ == "__main__":
    sys.exit(main())
