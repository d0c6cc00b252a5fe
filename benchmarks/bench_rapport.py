"""Benchmark: de volledige raadsrapportage (alle kaders) per gemeente maken, als PDF en als Excel.
Doel voor de grootste gemeente: < 10 s en < 500 MB.

    python benchmarks/bench_rapport.py

Meet `python -m kompas rapport GMxxxx --uit ...` als eigen proces, zoals een beheerder het draait: de tijd van
begin tot eind (met het opstarten van Python en de imports) en het piekgeheugen (RSS) van dat proces.
Werkt op een tijdelijke database uit data/; data/kompas.duckdb wordt niet aangeraakt.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT)]


def _meet(args: list[str], env: dict) -> tuple[float, float, float]:
    """(seconden, processortijd in seconden, piek-RSS in MB) van één proces. De processortijd (user + sys) zegt
    hoeveel werk het is, ook als de machine druk is; de seconden zijn wat de gebruiker wacht."""
    begin = time.perf_counter()
    proces = subprocess.Popen(
        [sys.executable, "-m", "kompas", *args], cwd=PROJECT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, gebruik = os.wait4(proces.pid, 0)
    duur = time.perf_counter() - begin
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"mislukt: {' '.join(args)}: {proces.stderr.read().decode()}")
    return duur, gebruik.ru_utime + gebruik.ru_stime, gebruik.ru_maxrss / 1024  # Linux: kB


def _paginas(pdf: Path) -> str:
    if not shutil.which("pdfinfo"):
        return "?"
    uit = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=False).stdout
    return next((r.split(":", 1)[1].strip() for r in uit.splitlines() if r.startswith("Pages:")), "?")


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    db = tmp / "kompas.duckdb"
    from loaders.ingebed import bouw

    bouw(db)
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    grootte = dict(
        con.execute(
            "select gemeente_code, count(*) from afgeleid.kader_indicatoren "
            "where kader_indicator_id is not null group by all"
        ).fetchall()
    )
    con.close()
    env = {**os.environ, "KOMPAS_DB": str(db)}
    _meet(["rapport", "GM0303", "--uit", str(tmp / "opwarmen.pdf")], env)  # schijfcache, fonts, .pyc
    print(f"belasting van de machine (1 min): {os.getloadavg()[0]:.1f} op {os.cpu_count()} kernen")
    resultaten = {}
    for gemeente, aantal in sorted(grootte.items(), key=lambda g: -g[1]):
        pdf, xlsx = tmp / f"{gemeente}.pdf", tmp / f"{gemeente}.xlsx"
        resultaten[gemeente] = (
            _meet(["rapport", gemeente, "--uit", str(pdf)], env),
            _meet(["rapport", gemeente, "--uit", str(xlsx)], env),
        )
        (s_pdf, cpu_pdf, mb_pdf), (s_xlsx, cpu_xlsx, mb_xlsx) = resultaten[gemeente]
        print(
            f"{gemeente} ({aantal} kaderindicatoren): PDF {s_pdf:5.2f} s (processor {cpu_pdf:4.1f} s) "
            f"{mb_pdf:4.0f} MB, {_paginas(pdf)} pagina's, {pdf.stat().st_size / 1024:.0f} kB · "
            f"Excel {s_xlsx:5.2f} s (processor {cpu_xlsx:4.1f} s) {mb_xlsx:4.0f} MB, "
            f"{xlsx.stat().st_size / 1024:.0f} kB"
        )
    grootste = max(grootte, key=grootte.get)
    (s_pdf, cpu_pdf, mb_pdf), (s_xlsx, _, mb_xlsx) = resultaten[grootste]
    print(
        f"grootste gemeente {grootste}: PDF {s_pdf:.2f} s (processor {cpu_pdf:.1f} s), piek-RSS {mb_pdf:.0f} MB "
        f"(doel < 10 s en < 500 MB); Excel {s_xlsx:.2f} s, {mb_xlsx:.0f} MB"
    )
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
