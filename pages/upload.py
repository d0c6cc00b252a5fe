"""Cijfers uploaden: sjabloon, controle met voorbeeld, vastleggen, eerdere uploads intrekken.

Tekst uit een bestand verschijnt alleen via st.text / st.dataframe, nooit als markdown of HTML.
"""

import streamlit as st

from kompas import tabellen, toegang, uploaden
from kompas.lezen import gemeenten, indicatoren, uploads
from kompas.sjabloon import maak_sjabloon
from kompas.teksten import aantal_problemen, overgeslagen_tekst
from kompas.weergave import als_tekst, databasefouten, download_knop, via_app

via_app()

st.title("Cijfers uploaden")
st.text(
    "Eigen registraties (bijv. uit GWS4all of cliëntervaringsonderzoek) en streefwaarden van de gemeente, "
    "naast de open data. Gebruik bij voorkeur het sjabloon."
)
regios = gemeenten()
register = indicatoren()  # hier gelezen: de maker draait bij de klik buiten de pagina (download_knop)
download_knop(
    st,
    "Sjabloon downloaden (.xlsx)",
    lambda: maak_sjabloon(regios, register),
    file_name="sociaal_kompas_sjabloon.xlsx",
    key="upload_sjabloon",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
)
namen = dict(zip(regios["regio_code"], regios["regio_naam"]))

# ---- aanmelden en rol (kompas/toegang.py beslist; hier alleen tonen)
try:
    instellingen = toegang.upload_instellingen(st.secrets, st.get_option("server.trustedUserHeaders"), namen)
except toegang.ToegangFout as fout:
    st.error(f"Uploaden staat uit: de instellingen voor aanmelden kloppen niet. {fout}")
    st.stop()
if instellingen.aanmelden is None:
    st.info(
        "Uploaden staat uit: de rol beleidsmedewerker is niet ingesteld. Zet in .streamlit/secrets.toml de "
        "inlogdienst van de gemeente ([auth]) en wie voor welke gemeente mag uploaden ([toegang.accounts]) "
        "(voorbeeld: .streamlit/secrets.toml.example; README: Aanmelden en rollen) en start het dashboard opnieuw."
    )
    st.stop()
rol = toegang.rol_in_sessie(instellingen, st.user.to_dict(), st.session_state.get("upload_account"))
if instellingen.aanmelden == "oidc":
    if not st.user.is_logged_in:
        st.text("Uploaden vraagt aanmelden met je account van de gemeente.")
        st.button("Aanmelden", type="primary", on_click=st.login, key="upload_aanmelden")
        st.stop()
else:  # terugvaloptie zonder inlogdienst: de sessie onthoudt alleen het geverifieerde account
    if rol is None:
        with st.form("upload_aanmeldformulier", clear_on_submit=True):
            st.text_input("E-mailadres", key="upload_email")
            st.text_input("Wachtwoord", type="password", key="upload_wachtwoord")
            verstuurd = st.form_submit_button("Aanmelden", type="primary")
        if verstuurd:
            rol, melding = toegang.meld_aan_met_wachtwoord(
                instellingen,
                st.session_state.get("upload_email"),
                st.session_state.get("upload_wachtwoord"),
                toegang.sessie_id(),
            )
            st.session_state["upload_account"] = rol.door if rol else None
            if rol is None:
                st.error(melding)
            else:  # opnieuw, zonder het formulier: anders staat het leeg boven 'Aangemeld als ...'
                st.rerun()
        if rol is None:
            st.stop()
if rol is None:
    st.error(
        f"Je bent aangemeld als {toegang.account_uit_id_token(st.user.to_dict())}, maar dat account mag niet "
        "uploaden. Vraag de beheerder van Sociaal Kompas om een rol voor je gemeente."
    )
    st.button("Afmelden", on_click=st.logout, key="upload_afmelden")
    st.stop()
eigen = {c: n for c, n in namen.items() if rol.mag([c])}
st.text(f"Aangemeld als {rol.door}; uploaden en intrekken voor {', '.join(eigen.values())}.")
st.button(
    "Afmelden",
    key="upload_afmelden",
    on_click=st.logout if instellingen.aanmelden == "oidc" else lambda: st.session_state.pop("upload_account", None),
)

keuze = st.selectbox(
    "Gemeente (voor bladen zonder kolom gemeente)",
    ["uit het bestand", *eigen],
    format_func=lambda c: eigen.get(c, c),
    key="upload_gemeente",
    placeholder="Kies een gemeente",
)
if "upload_vastgelegd" in st.session_state:  # na Vastleggen: melding, en een leeg uploadveld (geen dubbele upload)
    st.success(st.session_state.pop("upload_vastgelegd"))
uploaden.bereid_voor()  # het werkproces voor de controle alvast klaarzetten, terwijl iemand een bestand kiest
bestand = st.file_uploader(
    "Excel-bestand (.xlsx, hoogstens 20 MB)",
    type=["xlsx"],
    key=f"upload_bestand_{st.session_state.get('upload_ronde', 0)}",
)

if bestand is not None:
    try:
        validatie = uploaden.controleer(
            bestand.getvalue(), bestand.name, None if keuze == "uit het bestand" else keuze, rol
        )
    except uploaden.UploadGeweigerd as fout:
        st.error(f"Het bestand is geweigerd; er is niets opgeslagen ({aantal_problemen(len(fout.meldingen))}).")
        st.dataframe(tabellen.meldingen_tabel(fout.meldingen), hide_index=True, key="upload_meldingen")
    else:
        for melding in validatie.overgeslagen:
            st.text(overgeslagen_tekst(melding))
        for vb in uploaden.voorbeeld(validatie):
            t = vb.tellingen
            st.text(
                f"Werkblad {vb.werkblad} ({vb.werkbladsoort}): {t['nieuw']} nieuw, {t['gewijzigd']} gewijzigd, "
                f"{t['ongewijzigd']} ongewijzigd, {t['vervalt']} vervalt"
                + (f"; vervangt upload {vb.vervangt_upload_id}" if vb.vervangt_upload_id else "")
            )
            st.dataframe(tabellen.voorbeeld_tabel(vb.rijen), hide_index=True, key=f"upload_voorbeeld_{vb.werkblad}")
        if st.button("Vastleggen", type="primary", key="upload_vastleggen"):
            with databasefouten():  # volle schijf, alleen-lezen map: Nederlandse melding
                ids = uploaden.leg_vast(validatie, rol)
            st.session_state["upload_vastgelegd"] = f"Vastgelegd als upload {', '.join(map(str, ids))}."
            st.session_state["upload_ronde"] = st.session_state.get("upload_ronde", 0) + 1
            st.rerun()


def _trek_in(upload: dict, rol: toegang.Rol) -> None:
    st.session_state["upload_zeker"] = False  # de bevestiging geldt voor één keer
    try:
        with databasefouten():  # volle schijf, alleen-lezen map: Nederlandse melding
            vorige = uploaden.trek_in(upload["upload_id"], rol)
    except uploaden.UploadGeweigerd as fout:  # intussen al ingetrokken of vervangen
        st.session_state["upload_intrek_fout"] = fout.meldingen
        return
    st.session_state["upload_ingetrokken"] = (
        f"Upload {upload['upload_id']} ingetrokken ({upload['bestandsnaam']}, werkblad {upload['werkblad']})"
        + (f"; upload {vorige} geldt weer." if vorige else ".")
    )


st.header("Eerdere uploads")
if "upload_ingetrokken" in st.session_state:  # na Intrekken (de lijst hieronder is al bijgewerkt)
    st.success(als_tekst(st.session_state.pop("upload_ingetrokken")))
if "upload_intrek_fout" in st.session_state:
    st.error("Intrekken is niet gelukt; er is niets veranderd.")
    st.dataframe(
        tabellen.meldingen_tabel(st.session_state.pop("upload_intrek_fout")),
        hide_index=True,
        key="upload_intrek_meldingen",
    )
lijst = uploads()
if lijst.is_empty():
    st.text("Nog geen uploads.")
else:
    st.dataframe(tabellen.uploads_tabel(lijst), hide_index=True, key="upload_lijst")
    geldend = uploaden.intrekbare(lijst, rol)
    if geldend:
        intrekken = st.selectbox(
            "Upload intrekken (de vorige versie geldt dan weer)",
            list(geldend),
            key="upload_intrekken",
            format_func=lambda i: tabellen.upload_omschrijving(geldend[i]),
            placeholder="Kies een upload",
        )
        zeker = st.checkbox("Ik weet het zeker", key="upload_zeker")
        # de klik trekt de upload in die bij het klikken gekozen was (args), ook als de lijst intussen veranderde;
        # de callback loopt vóór de volgende run, dus lijst en keuze hierboven zijn dan al bijgewerkt
        st.button(
            "Intrekken",
            key="upload_intrekken_knop",
            disabled=not zeker,
            on_click=_trek_in,
            args=(geldend[intrekken], rol),
        )
