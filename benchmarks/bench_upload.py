"""Benchmark (geen test): een werkboek van 50.000 rijen uploaden, naast het kale lezen met calamine.

    python benchmarks/bench_upload.py [--rijen 50000] [--herhalingen 2] [--zonder-landelijk] [--zonder-vastleggen]

Doel (issue 15): de hele upload (controleren + voorbeeld + vastleggen) hoogstens 2x het kale lezen van hetzelfde
bestand met calamine, onafhankelijk van de omvang van de database, en < 500 MB piek-RSS.

In één run, naast elkaar, op twee databases in een tijdelijke map (data/ wordt niet aangeraakt):
1. de ingebedde gegevens (loaders.ingebed.bouw);
2. de landelijke benchmarkdatabase met VERZONNEN cijfers (benchmarks/bench_queries.py `bouw_benchmark_db`).
Elke meting draait in een eigen proces (piek-RSS van dat proces en, apart, van het werkproces dat het bestand
leest), elke upload op een verse kopie van de database, zoals op de uploadpagina: het werkproces is warm (of koud,
apart) en de gedeelde leesverbinding is al open (kompas/uploaden.py geeft haar aan valideer en voorbeeld). Vastleggen is opgesplitst naar de stappen van
kompas.db.schrijf_transactie: kopie + schema, schrijven (de upload zelf), `zet_afgeleid_vast` (de afgeleide
tabellen; apart, want die herberekening is een eigen stuk werk) en commit + checkpoint + vervangen.
Met --zonder-vastleggen alleen controleren en voorbeeld (snel genoeg voor veel herhalingen op een drukke machine).
Vanaf 3 herhalingen staat per regel de mediaan van de tijd, en de verhouding tot de mediaan van alle kale lezingen in
de run (dat is steeds hetzelfde bestand; zo telt de ruis van één kale lezing niet mee); bij 1 of 2 herhalingen de
snelste herhaling van de hele upload, met de kale lezing uit dezelfde herhaling.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT), str(PROJECT / "tests"), str(PROJECT / "benchmarks")]


def piek_rss_mb() -> float:
    """De piek-RSS van dit proces (VmHWM; ru_maxrss telt na fork+exec de RSS van de ouder mee)."""
    for regel in Path("/proc/self/status").read_text().splitlines():
        if regel.startswith("VmHWM:"):
            return int(regel.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def met_piek(functie, *args):
    """`functie(*args)` en de piek-RSS van het proces erna; in het werkproces (pickle per naam: benchmarks.bench_upload)."""
    return functie(*args), piek_rss_mb()


def meet_calamine(xlsx: Path, herhalingen: int) -> dict:
    """Het kale lezen: fastexcel (calamine) naar een polars-frame, zoals polars.read_excel standaard doet."""
    import fastexcel

    data = xlsx.read_bytes()
    tijden = []
    for _ in range(herhalingen + 1):
        begin = time.perf_counter()
        fastexcel.read_excel(data).load_sheet(0, dtypes="string").to_polars()
        tijden.append(time.perf_counter() - begin)
    return {"calamine": min(tijden), "rss": piek_rss_mb()}


def meet_delen(db: Path, xlsx: Path) -> dict:
    """De delen van 'controleren' in dit proces (zonder werkproces): omvangcontrole, lezen, controle."""
    os.environ["KOMPAS_DB"] = str(db)
    from loaders import excel, excel_lezen
    from loaders.excel_validatie import lees_werkblad

    data, ref = xlsx.read_bytes(), excel._referentie(None)
    begin = time.perf_counter()
    excel_lezen.controleer_omvang(data, "groot.xlsx")
    omvang = time.perf_counter()
    bladen = excel_lezen.lees_werkbladen(data, "groot.xlsx")  # doet de omvangcontrole opnieuw
    gelezen = time.perf_counter()
    for blad in bladen:
        lees_werkblad("groot.xlsx", blad, ref)
    gecontroleerd = time.perf_counter()
    return {
        "omvangcontrole": omvang - begin,
        "lezen": gelezen - omvang - (omvang - begin),
        "controle": gecontroleerd - gelezen,
    }


def meet_upload(db: Path, xlsx: Path, werkproces: str = "warm", vastleggen: str = "ja") -> dict:
    """Eén upload op een verse kopie van `db`, met de tijd per stap. `werkproces`: 'warm' zoals de uploadpagina
    (die het werkproces klaarzet zodra ze getoond wordt: hier vóór de klok, met tijd om op te starten) of 'koud'.
    `vastleggen`: 'nee' stopt na het voorbeeld."""
    import contextlib

    from kompas import db as kompas_db

    werk = db.parent / f"kopie-{os.getpid()}.duckdb"
    shutil.copyfile(db, werk)
    os.environ["KOMPAS_DB"] = str(werk)
    from loaders import excel
    from loaders.ingebed import zorg_voor_database

    # met --vergelijk kan de andere code andere afgeleide SQL hebben: bijwerken zoals de start van de app, vóór de klok
    zorg_voor_database(werk)

    tijd: dict[str, float] = {}
    stappen: list[tuple[str, float]] = []  # (stap, moment) binnen schrijf_transactie
    rss_voor_afgeleid: list[float] = []
    origineel_afgeleid, origineel_transactie = kompas_db.zet_afgeleid_vast, kompas_db.schrijf_transactie

    def afgeleid(con, *args) -> None:  # (de vorige versie geeft alleen con mee)
        stappen.append(("schrijven", time.perf_counter()))
        rss_voor_afgeleid.append(piek_rss_mb())
        origineel_afgeleid(con, *args)
        stappen.append(("afgeleid", time.perf_counter()))

    @contextlib.contextmanager
    def transactie(pad=None):
        begin = time.perf_counter()
        with origineel_transactie(pad) as con:
            stappen.append(("kopie_schema", time.perf_counter()))
            yield con
        stappen.append(("commit", time.perf_counter()))
        vorige = begin
        for stap, moment in stappen:
            tijd[stap] = moment - vorige
            vorige = moment

    from benchmarks.bench_upload import met_piek  # zo vindt het werkproces de functie (niet als __main__)
    from loaders import werker

    werkproces_rss: list[float] = []
    origineel_voer_uit = werker.voer_uit

    def voer_uit(functie, *args, **kw):
        uitkomst, piek = origineel_voer_uit(met_piek, functie, *args, **kw)
        werkproces_rss.append(piek)
        return uitkomst

    kompas_db.zet_afgeleid_vast, excel.schrijf_transactie, werker.voer_uit = afgeleid, transactie, voer_uit
    data = xlsx.read_bytes()
    # zoals de uploadpagina (kompas/uploaden.py): de gedeelde leesverbinding is al open, het werkproces staat klaar
    lezen = kompas_db.Leesverbinding()
    lezen.versie()
    if werkproces == "warm" and hasattr(excel, "warm_werkproces"):  # (de vorige versie kent geen warm werkproces)
        excel.warm_werkproces()
        time.sleep(4)  # zoals iemand die een bestand kiest
    begin = time.perf_counter()
    validatie = excel.valideer(data, "groot.xlsx", con=lezen.cursor())
    tijd["controleren"] = time.perf_counter() - begin
    begin = time.perf_counter()
    vb = excel.voorbeeld(validatie, con=lezen.cursor())
    tijd["voorbeeld"] = time.perf_counter() - begin
    if vastleggen == "ja":
        begin = time.perf_counter()
        excel.leg_vast(validatie, door="benchmark")
        tijd["vastleggen"] = time.perf_counter() - begin
    assert vb[0].tellingen["nieuw"] == sum(w.aantal for w in validatie.werkbladen), vb[0].tellingen
    lezen.close()
    werk.unlink()
    return {
        **tijd,
        "rss": piek_rss_mb(),
        "rss_voor_afgeleid": rss_voor_afgeleid[0] if rss_voor_afgeleid else float("nan"),
        "rss_werkproces": max(werkproces_rss),
        "db_mb": db.stat().st_size / 1024 / 1024,
        "waarnemingen": _waarnemingen(db),
    }


def _waarnemingen(db: Path) -> int:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("select count(*) from waarneming").fetchone()[0]
    finally:
        con.close()


def _in_proces(*args: str, code: Path = PROJECT) -> dict:
    script = code / "benchmarks" / "bench_upload.py"
    uit = subprocess.run(
        [sys.executable, str(script), "--meet", *args], capture_output=True, text=True, check=False, cwd=code
    )
    if uit.returncode != 0:
        raise SystemExit(f"meting {args} mislukt:\n{uit.stderr[-3000:]}")
    return json.loads(uit.stdout.strip().splitlines()[-1])


def _bouw(map_: Path, landelijk: bool) -> Path:
    pad = map_ / ("landelijk.duckdb" if landelijk else "ingebed.duckdb")
    os.environ["KOMPAS_DB"] = str(pad)
    from loaders.ingebed import bouw

    bouw()
    if landelijk:
        from bench_queries import bouw_benchmark_db

        from kompas.db import DatabaseFout

        for poging in range(3):  # de steekproef in bouw_benchmark_db geeft soms een dubbele rij (niet-deterministisch)
            try:
                bouw_benchmark_db(pad)
                break
            except DatabaseFout as fout:
                print(f"bouw_benchmark_db, poging {poging + 1}: {fout}")
    return pad


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rijen", type=int, default=50_000)
    parser.add_argument("--herhalingen", type=int, default=2, help="uploads per database (de snelste telt)")
    parser.add_argument("--zonder-landelijk", action="store_true")
    parser.add_argument("--zonder-vastleggen", action="store_true", help="alleen controleren en voorbeeld")
    parser.add_argument(
        "--landelijk",
        type=Path,
        help="een bestaande landelijke benchmarkdatabase (bijv. een kopie van /tmp/lead_schaal/"
        "benchmark-verzonnen-landelijk.duckdb) in plaats van hem hier te bouwen; wordt niet beschreven",
    )
    parser.add_argument(
        "--vergelijk",
        type=Path,
        help="ook de upload met de code in deze map (bijv. de vorige versie: git archive ab27605 | tar -x -C MAP), "
        "om en om in dezelfde run; dit script wordt daarvoor naar MAP/benchmarks/ gekopieerd",
    )
    parser.add_argument("--meet", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.meet:
        soort, *rest = args.meet
        meet = {"calamine": lambda x: meet_calamine(x, 2), "delen": meet_delen, "upload": meet_upload}[soort]
        uitkomst = meet(*map(Path, rest[:2]), *rest[2:])
        print(json.dumps(uitkomst))
        return

    import werkboeken

    map_ = Path(tempfile.mkdtemp(prefix="bench_upload_"))
    xlsx = map_ / "groot.xlsx"
    xlsx.write_bytes(werkboeken.groot(args.rijen))
    grootte = f"{xlsx.stat().st_size / 1024 / 1024:.1f}".replace(".", ",")
    print(f"Werkboek: {args.rijen:,} rijen, {grootte} MB".replace(",", ".", 1))
    databases = {"ingebed": _bouw(map_, False)}
    if args.landelijk:
        databases["landelijk"] = args.landelijk.resolve()
    elif not args.zonder_landelijk:
        databases["landelijk"] = _bouw(map_, True)
    codes = {"deze code": PROJECT}
    if args.vergelijk:
        shutil.copyfile(__file__, args.vergelijk / "benchmarks" / "bench_upload.py")
        codes["vergelijk"] = args.vergelijk.resolve()
    uitkomsten: dict[str, list[dict]] = {}
    for _ in range(args.herhalingen):  # om en om: calamine en elke upload onder dezelfde belasting
        for naam, db in databases.items():
            for code_naam, code in codes.items():
                vastleggen = "nee" if args.zonder_vastleggen else "ja"
                meting = {
                    **_in_proces("calamine", str(xlsx)),
                    "upload": _in_proces("upload", str(db), str(xlsx), "warm", vastleggen, code=code),
                    "koud": _in_proces("upload", str(db), str(xlsx), "koud", vastleggen, code=code),
                    "delen": _in_proces("delen", str(db), str(xlsx)) if code == PROJECT else None,
                }
                uitkomsten.setdefault(f"{naam}, {code_naam}" if args.vergelijk else naam, []).append(meting)
    _druk_af(uitkomsten)
    shutil.rmtree(map_, ignore_errors=True)


def _druk_af(uitkomsten: dict[str, list[dict]]) -> None:
    def beste(metingen: list[dict], sleutel) -> dict:
        return min(metingen, key=sleutel)

    regels = [
        ("kaal lezen met calamine", lambda m: m["calamine"]),
        ("controleren (werkproces: lezen + controle)", lambda m: m["upload"]["controleren"]),
        ("  los: omvangcontrole (XML-doorloop)", lambda m: _deel(m, "omvangcontrole")),
        ("  los: lezen met calamine (lees_werkbladen)", lambda m: _deel(m, "lezen")),
        ("  los: controle (lees_werkblad)", lambda m: _deel(m, "controle")),
        ("voorbeeld (nieuw/gewijzigd)", lambda m: m["upload"]["voorbeeld"]),
        ("vastleggen: kopie + schema", lambda m: m["upload"]["kopie_schema"]),
        ("vastleggen: schrijven (de upload)", lambda m: m["upload"]["schrijven"]),
        ("vastleggen: zet_afgeleid_vast", lambda m: m["upload"]["afgeleid"]),
        ("vastleggen: commit + checkpoint", lambda m: m["upload"]["commit"]),
        ("HELE UPLOAD", _totaal),
        ("upload zonder zet_afgeleid_vast", lambda m: _totaal(m) - m["upload"]["afgeleid"]),
        ("upload zonder de schrijftransactie", lambda m: m["upload"]["controleren"] + m["upload"]["voorbeeld"]),
        ("  idem, werkproces koud gestart", lambda m: m["koud"]["controleren"] + m["koud"]["voorbeeld"]),
        ("  HELE UPLOAD, werkproces koud gestart", lambda m: _totaal(m, "koud")),
    ]
    namen = list(uitkomsten)
    kaal = statistics.median(m["calamine"] for metingen in uitkomsten.values() for m in metingen)
    print(f"\n{'':44s}" + "".join(f"{n:>24s}" for n in namen))
    for naam in dict.fromkeys(n.split(",")[0] for n in namen):
        m = next(u for n, u in uitkomsten.items() if n.startswith(naam))[0]["upload"]
        print(f"  database {naam}: {m['waarnemingen']:,}".replace(",", ".") + f" waarnemingen, {m['db_mb']:.0f} MB")
    for label, waarde in regels:
        cellen = []
        for naam in namen:
            metingen = uitkomsten[naam]
            if len(metingen) >= 3:  # de mediaan, tegen de mediaan van alle kale lezingen
                tijd = statistics.median(_of_nan(waarde, m) for m in metingen)
                keer = tijd / kaal
            else:
                m = beste(metingen, _totaal)
                tijd, keer = _of_nan(waarde, m), _of_nan(waarde, m) / m["calamine"]
            cellen.append(f"{tijd:8.2f} s ({keer:4.1f}x)")
        if not all("nan" in c for c in cellen):  # niet gemeten (--zonder-vastleggen): weglaten
            print(f"{label:44s}" + "".join(f"{c:>24s}" for c in cellen))
    for label, sleutel in (
        ("piek-RSS upload (eigen proces)", "rss"),
        ("  waarvan vóór zet_afgeleid_vast", "rss_voor_afgeleid"),
        ("piek-RSS werkproces (lezen)", "rss_werkproces"),
    ):
        cellen = [f"{max(m['upload'][sleutel] for m in uitkomsten[n]):8.0f} MB" for n in namen]
        if not all("nan" in c for c in cellen):
            print(f"{label:44s}" + "".join(f"{c:>24s}" for c in cellen))
    cellen = [f"{max(m['rss'] for m in uitkomsten[n]):8.0f} MB" for n in namen]
    print(f"{'piek-RSS kaal lezen met calamine':44s}" + "".join(f"{c:>24s}" for c in cellen))
    print("\nDoel: hele upload <= 2x kaal lezen, onafhankelijk van de database; < 500 MB. (x: verhouding tot het kale")
    aantal = min(len(m) for m in uitkomsten.values())
    print(
        f"lezen; {aantal} herhalingen: "
        + (
            f"per regel de mediaan, x tegen de mediaan van alle kale lezingen ({kaal:.2f} s).)"
            if aantal >= 3
            else "per database de snelste herhaling van de hele upload, x tegen het kale lezen ervan.)"
        )
    )


def _of_nan(waarde, m: dict) -> float:
    """De waarde van een regel, of nan als die stap niet gemeten is (--zonder-vastleggen)."""
    try:
        return waarde(m)
    except KeyError:
        return float("nan")


def _deel(m: dict, deel: str) -> float:
    return m["delen"][deel] if m.get("delen") else float("nan")


def _totaal(m: dict, soort: str = "upload") -> float:
    u = m[soort]
    return u["controleren"] + u["voorbeeld"] + u.get("vastleggen", 0.0)


if __name__ == "__main__":
    main()
