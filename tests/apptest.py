"""Een pagina draaien met streamlit.testing.AppTest zoals een bezoeker haar ziet: via app.py (st.navigation),
zodat st.page_link en de paginaconfiguratie werken."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

PROJECT = Path(__file__).resolve().parent.parent
TIJD = 60


def draai(pagina: str, **params) -> AppTest:
    """Draait `pagina` (bijv. 'pages/kaders.py') met URL-parameters; faalt bij een uitzondering op de pagina."""
    at = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=TIJD)
    if pagina != "pages/overzicht.py":
        at.run()  # pas na een eerste run kent AppTest de url_path van st.navigation (zoals /over-de-data)
    at.switch_page(pagina)
    for sleutel, waarde in params.items():
        at.query_params[sleutel] = waarde
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at
