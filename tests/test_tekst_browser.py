"""Tekst uit een bestand verschijnt als gewone tekst: geen klikbare links (issue 11, punt 6), in echte Chromium.

Streamlit's markdown (remark-gfm) maakt van 'https://…', 'www.…' en 'naam@domein' een link met target=_blank,
ook als elk leesteken ontsnapt is: de autolink werkt op de tekst na het ontsnappen.
"""

from __future__ import annotations

import textwrap

import pytest

from streamlit_server import RUN_KLAAR, streamlit_server

pytestmark = pytest.mark.browser
VIJANDIG = (
    "Bron: zie https://example.invalid/x, www.example.invalid of mail naam@gemeente.invalid [klik](http://a.invalid)"
)


def test_tekst_uit_een_bestand_geeft_geen_links(tmp_path, browser, ingebedde_db):
    script = tmp_path / "tekst.py"
    script.write_text(
        textwrap.dedent(f"""
        import streamlit as st
        from kompas.weergave import als_tekst, bronregel
        tekst = {VIJANDIG!r}
        bronregel([tekst])
        st.caption(als_tekst(tekst))
        st.write(als_tekst(tekst))
        st.markdown(f"**{{als_tekst(tekst)}}** — vet")
        st.subheader(als_tekst(tekst))
        st.text("klaar")
    """)
    )
    with streamlit_server(script, {"KOMPAS_DB": str(ingebedde_db)}) as (url, _):
        pagina = browser.new_page()
        try:
            pagina.goto(url)
            pagina.get_by_text("klaar").wait_for(timeout=60000)
            pagina.wait_for_function(RUN_KLAAR, timeout=60000)
            main = pagina.locator("[data-testid=stMain]")
            teksten = [
                t.replace("\u2060", "")
                for t in main.locator(
                    "[data-testid=stCaptionContainer], [data-testid=stMarkdownContainer]"
                ).all_inner_texts()
            ]
            # alleen het eigen ankertje van een kop (href="#...") mag er staan
            assert main.locator("a:not([href^='#'])").count() == 0, main.inner_html()[:3000]
            assert any("Bron: " + VIJANDIG in t for t in teksten), teksten  # letterlijk, niets weggelaten
            assert sum(VIJANDIG in t for t in teksten) >= 4, teksten
        finally:
            pagina.close()
