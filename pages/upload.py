"""Cijfers uploaden: sjabloon, controle met voorbeeld, vastleggen, eerdere uploads intrekken.

Tekst uit een bestand verschijnt alleen via st.text / st.dataframe, nooit als markdown of HTML.
"""

import streamlit as st

from kompas import tabellen
from kompas.sjabloon import maak_sjabloon
from kompas.weergave import databasefouten, lezer, via_app
from loaders import excel

via_app()

st.title("Cijfers uploaden")
st.text("Eigen registraties (bijv. uit GWS4all of cliëntervaringsonderzoek) en streefwaarden van de gemeente, "
        "naast de open data. Gebruik bij voorkeur het sjabloon.")
st.download_button("Sjabloon downloaden (.xlsx)", data=maak_sjabloon(lezer().cursor()), file_name="sociaal_kompas_sjabloon.xlsx",
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="upload_sjabloon")

toestaan, uitleg = excel.rol_beleidsmedewerker(st.secrets, st.session_state.get("upload_email"),
                                               st.session_state.get("upload_wachtwoord"))
if toestaan is None:
    st.info("Uploaden staat uit: de rol beleidsmedewerker is niet ingesteld. Zet in .streamlit/secrets.toml een "
            "sectie [upload] met de e-mailadressen van de beleidsmedewerkers en een uploadwachtwoord "
            "(voorbeeld: .streamlit/secrets.toml.example) en start het dashboard opnieuw.")
    st.stop()
if toestaan:   # onthouden buiten de widgets, die na het aanmelden niet meer getoond worden
    st.session_state["upload_door"] = st.session_state["upload_email"].strip().lower()
    del st.session_state["upload_wachtwoord"]
if "upload_door" not in st.session_state:
    st.text_input("E-mailadres", key="upload_email")
    st.text_input("Uploadwachtwoord", type="password", key="upload_wachtwoord")
    st.text(uitleg)
    st.stop()
door = st.session_state["upload_door"]
st.text(f"Aangemeld als {door}.")

gemeenten = dict(lezer().cursor().execute(
    "select regio_code, regio_naam from regio where soort = 'gemeente' order by volgorde").fetchall())
keuze = st.selectbox("Gemeente (voor bladen zonder kolom gemeente)", ["uit het bestand", *gemeenten],
                     format_func=lambda c: gemeenten.get(c, c), key="upload_gemeente")
if "upload_vastgelegd" in st.session_state:   # na Vastleggen: melding, en een leeg uploadveld (geen dubbele upload)
    st.success(st.session_state.pop("upload_vastgelegd"))
bestand = st.file_uploader("Excel-bestand (.xlsx, hoogstens 20 MB)", type=["xlsx"],
                           key=f"upload_bestand_{st.session_state.get('upload_ronde', 0)}")

if bestand is not None:
    try:
        validatie = excel.valideer(bestand.getvalue(), bestand.name, con=lezer().cursor(),
                                   gemeente=None if keuze == "uit het bestand" else keuze)
    except excel.UploadGeweigerd as fout:
        st.error(f"Het bestand is geweigerd; er is niets opgeslagen ({len(fout.meldingen)} problemen).")
        st.dataframe(tabellen.meldingen_tabel(fout.meldingen), hide_index=True, key="upload_meldingen")
    else:
        for vb in excel.voorbeeld(validatie, con=lezer().cursor()):
            t = vb.tellingen
            st.text(f"Werkblad {vb.werkblad} ({vb.soort}): {t['nieuw']} nieuw, {t['gewijzigd']} gewijzigd, "
                    f"{t['ongewijzigd']} ongewijzigd, {t['vervalt']} vervalt"
                    + (f"; vervangt upload {vb.vervangt_upload_id}" if vb.vervangt_upload_id else ""))
            st.dataframe(tabellen.voorbeeld_tabel(vb.rijen), hide_index=True, key=f"upload_voorbeeld_{vb.werkblad}")
        if st.button("Vastleggen", type="primary", key="upload_vastleggen"):
            with databasefouten():   # volle schijf, alleen-lezen map: Nederlandse melding
                ids = excel.leg_vast(validatie, door=door)
            st.cache_data.clear()
            st.session_state["upload_vastgelegd"] = f"Vastgelegd als upload {', '.join(map(str, ids))}."
            st.session_state["upload_ronde"] = st.session_state.get("upload_ronde", 0) + 1
            st.rerun()

st.subheader("Eerdere uploads")
lijst = excel.uploads(lezer().cursor())
if not lijst:
    st.text("Nog geen uploads.")
else:
    st.dataframe(tabellen.uploads_tabel(lijst), hide_index=True, key="upload_lijst")
    geldend = [u["upload_id"] for u in lijst if u["geldend"]]
    if geldend:
        intrekken = st.selectbox("Upload intrekken (de vorige versie geldt dan weer)", geldend, key="upload_intrekken")
        if st.button("Intrekken", key="upload_intrekken_knop"):
            with databasefouten():
                vorige = excel.trek_in(intrekken, door=door)
            st.cache_data.clear()
            st.success(f"Upload {intrekken} ingetrokken" + (f"; upload {vorige} geldt weer." if vorige else "."))
