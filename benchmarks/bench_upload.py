"""Benchmark: een werkboek van 50.000 rijen controleren en vastleggen. Doel: < 10 s en < 500 MB.

    python benchmarks/bench_upload.py [AANTAL_RIJEN]

Werkt op een tijdelijke kopie van de database; data/kompas.duckdb wordt niet aangeraakt.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT), str(PROJECT / "tests")]


def main() -> None:
    aantal = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    tmp = Path(tempfile.mkdtemp())
    os.environ["KOMPAS_DB"] = str(tmp / "kompas.duckdb")
    from loaders.ingebed import bouw

    bouw()
    from loaders import excel

    import werkboeken

    data = werkboeken.groot(aantal)
    print(f"Werkboek: {aantal} rijen, {len(data) / 1024 / 1024:.1f} MB")
    t0 = time.perf_counter()
    validatie = excel.valideer(data, "groot.xlsx")
    t1 = time.perf_counter()
    vb = excel.voorbeeld(validatie)
    t2 = time.perf_counter()
    ids = excel.leg_vast(validatie, door="benchmark")
    t3 = time.perf_counter()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kB; incl. bouw en testwerkboek
    # apart gemeten: tracemalloc vertraagt Python zelf enkele malen
    tracemalloc.start()
    excel.voorbeeld(excel.valideer(data, "groot.xlsx"))
    _, piek_py = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"controleren (lezen + valideren): {t1 - t0:6.2f} s")
    print(f"voorbeeld (nieuw/gewijzigd):      {t2 - t1:6.2f} s  {vb[0].tellingen}")
    print(f"vastleggen (één transactie):      {t3 - t2:6.2f} s  upload {ids}")
    print(f"totaal:                           {t3 - t0:6.2f} s  (doel < 10 s)")
    print(f"piek Python-objecten (tracemalloc, controleren + voorbeeld): {piek_py / 1024 / 1024:6.0f} MB")
    print(f"piek-RSS van het proces:           {rss:6.0f} MB  (doel < 500 MB)")
    werkproces(data)


def werkproces(data: bytes) -> None:
    """Lezen + controleren in het werkproces (loaders/werker.py) naast hetzelfde hier in het proces zelf."""
    from loaders import excel, excel_lezen
    from loaders.excel_validatie import lees_en_controleer, lees_getal

    ref = excel._referentie(None)
    grenzen = {k: getattr(excel_lezen, k) for k in ("MAX_RIJEN", "MAX_KOLOMMEN", "MAX_WERKBLADEN")}
    direct, via = [], []
    for _ in range(3):  # afwisselend, zodat een drukke machine beide even hard treft
        lees_getal.cache_clear()  # het werkproces begint ook koud
        t0 = time.perf_counter()
        lees_en_controleer(data, "groot.xlsx", ref, None, None, grenzen)
        t1 = time.perf_counter()
        excel._lees_in_werker(data, "groot.xlsx", ref, None, None)
        t2 = time.perf_counter()
        direct.append(t1 - t0)
        via.append(t2 - t1)
    d, w = min(direct), min(via)
    print(f"lezen + controleren direct:        {d:6.2f} s  (beste van 3)")
    print(f"lezen + controleren in werkproces: {w:6.2f} s  (beste van 3; {w - d:+.2f} s, verhouding {w / d:.2f}x)")


if __name__ == "__main__":
    main()
