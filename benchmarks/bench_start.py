"""Benchmark van de browserkant (geen test): print de gemeten tijden.

1. Tijd van `streamlit run` tot de eerste volledig getoonde pagina in Chromium, voor Sociaal Kompas en,
   in dezelfde run, voor een kale Streamlit-pagina van één regel. Doel: app ≤ 1,5 × kaal.
2. Servertijd van elke pagina en van het wisselen van gemeente (AppTest, warme cache). Doel: < 300 ms per rerun.

    python benchmarks/bench_start.py [--herhalingen 3] [--vergelijk MAP]

`--vergelijk MAP`: meet in dezelfde run, om en om, ook de eerste pagina van een andere checkout (bijv. de vorige
versie: `git worktree add /tmp/voor HEAD~1` of `git archive`), zodat voor en na onder dezelfde belasting lopen.

De database moet al gebouwd zijn (`python -m loaders build`); het bouwen hoort niet bij de startpaden.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT), str(PROJECT / "tests")]

from streamlit_server import CHROMIUM, CHROMIUM_ARGS, RUN_KLAAR, streamlit_server  # noqa: E402


def eerste_pagina(script: Path, wacht_op: str, browser) -> float:
    """Seconden van het starten van `streamlit run` tot `wacht_op` zichtbaar is en de run klaar is."""
    begin = time.perf_counter()
    with streamlit_server(script) as (url, _):
        pagina = browser.new_page()
        pagina.goto(url)
        pagina.get_by_text(wacht_op).first.wait_for(timeout=120000)
        pagina.wait_for_function(RUN_KLAAR, timeout=120000)
        duur = time.perf_counter() - begin
        pagina.close()
    return duur


def servertijden(herhalingen: int) -> dict[str, float]:
    from streamlit.testing.v1 import AppTest

    uitkomst = {}
    for naam, params in [
        ("overzicht", {}),
        ("kaders", {"gemeente": "GM0303"}),
        ("vergelijken", {}),
        ("indicator", {}),
        ("over_de_data", {}),
    ]:
        at = AppTest.from_file(str(PROJECT / "pages" / f"{naam}.py"), default_timeout=120)
        for k, v in params.items():
            at.query_params[k] = v
        at.run()  # koude run vult de caches
        tijden = []
        for _ in range(herhalingen):
            begin = time.perf_counter()
            at.run()
            tijden.append(time.perf_counter() - begin)
        uitkomst[f"pagina {naam}"] = statistics.median(tijden)
    # het kader met de meeste indicatoren (12, waarvan 3 met cijfers): koud (lege caches) en warm
    import streamlit as st

    st.cache_data.clear()
    at = AppTest.from_file(str(PROJECT / "pages" / "kaders.py"), default_timeout=120)
    at.query_params.update(gemeente="GM0303", kader="GM0303-gezond-samenleven")
    begin = time.perf_counter()
    at.run()
    uitkomst["pagina kaders, grootste kader, koud (lege cache)"] = time.perf_counter() - begin
    tijden = []
    for _ in range(herhalingen):
        begin = time.perf_counter()
        at.run()
        tijden.append(time.perf_counter() - begin)
    uitkomst["pagina kaders, grootste kader, warm"] = statistics.median(tijden)
    at = AppTest.from_file(str(PROJECT / "pages" / "kaders.py"), default_timeout=120).run()
    tijden = []
    for gemeente in ["GM1876", "GM0303", "GM0148"] * herhalingen:
        begin = time.perf_counter()
        at.selectbox(key="kdr_gemeente").set_value(gemeente).run()
        tijden.append(time.perf_counter() - begin)
    uitkomst["gemeente wisselen (kaders, eerste keer per gemeente koud)"] = statistics.median(tijden)
    return uitkomst


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--herhalingen", type=int, default=3)
    p.add_argument("--alleen-start", action="store_true", help="alleen de tijd tot de eerste pagina")
    p.add_argument("--vergelijk", type=Path, metavar="MAP", help="ook de app.py in deze checkout (om en om)")
    args = p.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        kaal = Path(tmp) / "kaal.py"
        kaal.write_text('import streamlit as st\nst.write("Hallo")\n')
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            kale, apps, andere = [], [], []
            for _ in range(args.herhalingen):
                kale.append(eerste_pagina(kaal, "Hallo", browser))
                if args.vergelijk:
                    andere.append(eerste_pagina(args.vergelijk / "app.py", "Gezondheid", browser))
                apps.append(eerste_pagina(PROJECT / "app.py", "Gezondheid", browser))
            browser.close()
    k, a = statistics.median(kale), statistics.median(apps)
    paren = statistics.median(x / y for x, y in zip(apps, kale))
    print(f"eerste pagina, kale Streamlit-pagina : {k:6.2f} s (mediaan van {args.herhalingen})")
    print(f"eerste pagina, Sociaal Kompas        : {a:6.2f} s  = {a / k:4.2f} × kaal (doel ≤ 1,50)")
    print(
        f"  per paar (kaal en app direct na elkaar): mediaan {paren:4.2f} ×, "
        f"spreiding {min(apps) / max(kale):4.2f}–{max(apps) / min(kale):4.2f}"
    )
    if andere:
        v = statistics.median(andere)
        verschil = statistics.median(x - y for x, y in zip(apps, andere))
        print(f"eerste pagina, {args.vergelijk}: {v:6.2f} s  = {v / k:4.2f} × kaal")
        print(
            f"  deze checkout min die, per ronde: mediaan {verschil:+5.2f} s "
            f"(alle rondes: {', '.join(f'{x - y:+.2f}' for x, y in zip(apps, andere))})"
        )
    if args.alleen_start:
        return 0
    for naam, duur in servertijden(args.herhalingen).items():
        print(f"servertijd {naam:<55}: {duur * 1000:7.0f} ms (doel < 300 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
