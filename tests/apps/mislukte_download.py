"""Testapp (tests/test_browser.py): downloadknoppen waarvan het maken van het bestand mislukt, zoals een
downloadmaker die bij de klik op een kapotte database of een fout in de code stuit."""

import duckdb
import streamlit as st

from kompas.weergave import download_knop


def kapot():
    raise RuntimeError("intern: /srv/kompas/kompas.duckdb KeyError('x')")


def database_weg():
    raise duckdb.IOException('IO Error: Cannot open file "/srv/kompas/kompas.duckdb": No such file or directory')


st.title("Mislukte download")
download_knop(st, "Download CSV", kapot, file_name="x.csv", mime="text/csv")
download_knop(st, "Download Excel", database_weg, file_name="x.xlsx", mime="application/octet-stream")
