"""Maakt de ingebedde cijfers in `data/` uit het referentiemateriaal (eenmalig, herhaalbaar).

    python tools/maak_ingebedde_data.py [--referentie ../shared/reference]

Schrijft `data/bronnen.csv` (één rij per herkomst) en `data/waarnemingen/*.csv` (één rij per cijfer).
Neemt alleen over wat letterlijk in de bron staat: geen interpolatie, geen omrekening. Wat niet
eenduidig is (halfjaarcijfers, onduidelijke leeftijdsgroep, streefwaarden en begrote waarden)
wordt overgeslagen en op de standaarduitvoer gemeld. Het dashboard zelf leest alleen `data/`.
"""

from __future__ import annotations

import csv
import hashlib
import re
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
DATA = PROJECT / "data"
sys.path.insert(0, str(PROJECT))
# adres en licentie van een StatLine-tabel: één plek, ook voor de verversing
from kompas.opdrachtregel import Opdrachtregel  # noqa: E402
from kompas.opmaak import MAANDEN  # noqa: E402  (de Nederlandse maandnamen: één plek)
from loaders.cbs import LICENTIE, tabelpagina  # noqa: E402

OVERGENOMEN_OP = "2026-11-23"

# Hoe de StatLine-exports een regio noemen: de naam uit data/regio.csv, met '(GG)' of '(PV)' erachter bij een
# GGD-regio of provincie ('GGD IJsselland (GG)', 'Overijssel (PV)'). Een gemeente erbij in regio.csv komt zo mee.
EXPORT_ACHTERVOEGSEL = {"ggd_regio": " (GG)", "provincie": " (PV)"}


def regio_op_naam(data: Path = DATA) -> dict[str, str]:
    """Exportnaam -> onze regiocode, voor elke regio in `regio.csv`."""
    with open(data / "regio.csv", newline="", encoding="utf-8") as f:
        return {r["regio_naam"] + EXPORT_ACHTERVOEGSEL.get(r["soort"], ""): r["regio_code"] for r in csv.DictReader(f)}


# Kolommen van de CBS-exports van de Gezondheidsmonitor -> indicatorcode.
GM_KOLOMMEN = {
    "ErvarenGezondheidGoedZeerGoed": "ervaren_gezondheid_pct",
    "EenOfMeerLangdurigeAandoeningen": "langdurige_aandoening_pct",
    "Overgewicht": "overgewicht_pct",
    "ErnstigOvergewicht": "obesitas_pct",
    "ErnstigOvergewichtObesitas": "obesitas_pct",
    "VoldoetAanBeweegrichtlijn": "beweegrichtlijn_pct",
    "WekelijkseSporters": "wekelijks_sporter_pct",
    "WekelijksSporter": "wekelijks_sporter_pct",
    "Mantelzorger": "mantelzorger_pct",
    "ZwaarBelasteMantelzorgers": "zwaarbelaste_mantelzorgers_pct",
}

GM_EXPORTS = [
    # bestand, tabel, jaar, titel, leeftijden
    (
        "Gezondheidsmonitor16_83674NED.csv",
        "83674NED",
        2016,
        "Gezondheidsmonitor; bevolking 19 jaar of ouder, regio, 2016",
        {"Totaal": "19+", "19 tot 65 jaar": "19-64", "65 jaar of ouder": "65+"},
    ),
    (
        "Gezondheidsmonitor20_85012NED.csv",
        "85012NED",
        2020,
        "Gezondheidsmonitor; bevolking 18 jaar of ouder, regio, 2020",
        {"Totaal": "18+", "18 tot 65 jaar": "18-64", "65 jaar of ouder": "65+"},
    ),
]
GM_EXPORT_ADRES = (
    "https://github.com/Oxylo/Hackathon_Life_Vitality/blob/25a2a051166b30525790751db7a0c7ff57dc03cb/"
    "Upload/CBS/{bestand}"
)
GM_EXPORT_KOPIE = (
    "kopie van de volledige StatLine-export (labels) in de openbare GitHub-repository "
    "Oxylo/Hackathon_Life_Vitality, " + GM_EXPORT_ADRES
)

GGD_LABELS = {
    "(zeer) ernstig eenzaam": "ernstig_eenzaam_pct",
    "sterk eenzaam": "ernstig_eenzaam_pct",
    "eenzaam (totaal)": "eenzaam_pct",
    "eenzaam (matig tot zeer ernstig)": "eenzaam_pct",
    "eenzaam (enigszins tot sterk)": "eenzaam_pct",
    "emotioneel eenzaam": "emotioneel_eenzaam_pct",
    "emotioneel eenzaam (enigszins tot sterk)": "emotioneel_eenzaam_pct",
    "sociaal eenzaam": "sociaal_eenzaam_pct",
    "sociaal eenzaam (enigszins tot sterk)": "sociaal_eenzaam_pct",
    "ervaren gezondheid (zeer) goed": "ervaren_gezondheid_pct",
    "ervaren gezondheid goed": "ervaren_gezondheid_pct",
    "ervaren mentale gezondheid goed": "ervaren_mentale_gezondheid_pct",
    "hoog risico angststoornis of depressie (K10)": "hoog_risico_angst_depressie_pct",
    "angst- of depressiegevoelens afgelopen 4 weken (geen K10-hoog-risico)": "angst_depressiegevoelens_pct",
    "moeite met rondkomen": "moeite_met_rondkomen_pct",
    "overgewicht": "overgewicht_pct",
    "ernstig overgewicht (obesitas)": "obesitas_pct",
    "voldoet aan beweegrichtlijn": "beweegrichtlijn_pct",
    "wekelijks sporten": "wekelijks_sporter_pct",
    "mantelzorger": "mantelzorger_pct",
    "een of meer langdurige aandoeningen": "langdurige_aandoening_pct",
}

BBV_SIMPEL = {
    "bewindvoering_huishoudens": "bewindvoering_huishoudens",
    "bijstand_dichtheid_15plus": "bijstand_per_1000_15plus",
    "bijstand_pct_15plus": "bijstand_pct_15plus",
    "eenzaamheid": "eenzaam_pct",
    "ervaren_gezondheid_goed": "ervaren_gezondheid_pct",
    "huishoudens_laag_inkomen": "huishoudens_laag_inkomen_pct",
    "inburgeringsplichtigen_participatie": "inburgeraars_participatie_pct",
    "jongeren_delict_rechter": "jongeren_delict_rechter_pct",
    "jongeren_met_jeugdbescherming": "jongeren_met_jeugdbescherming_pct",
    "jongeren_met_jeugdhulp": "jongeren_met_jeugdhulp_pct",
    "jongeren_met_jeugdreclassering": "jongeren_met_jeugdreclassering_pct",
    "jongeren_met_jeugdzorg_tot23": "jongeren_met_jeugdzorg_pct",
    "kinderen_in_uitkeringsgezin": "kinderen_in_uitkeringsgezin_pct",
    "kindregeling_bestellingen": "kindregeling_bestellingen",
    "klanttevredenheid_jeugdhulp": "klanttevredenheid_jeugdhulp_pct",
    "moeite_met_rondkomen": "moeite_met_rondkomen_huishoudens_pct",
    "netto_arbeidsparticipatie": "netto_arbeidsparticipatie_pct",
    "problematische_schulden": "problematische_schulden_pct",
    "werkloze_jongeren": "werkloze_jongeren_pct",
    "zonder_startkwalificatie_18_30": "zonder_startkwalificatie_pct",
}

# Kerncijfers in het Dronten-kader (seed 004): indicatorcode, leeftijd.
DRONTEN_KERNCIJFERS = {
    "Aantal inwoners": ("inwoners", "totaal"),
    "Aantal huishoudens": ("huishoudens", "totaal"),
    "Huishoudens met bijstand": ("huishoudens_bijstand_pct", "totaal"),
    "Huishoudens met problematische schulden": ("problematische_schulden_pct", "totaal"),
    "Kinderen in uitkeringsgezin": ("kinderen_in_uitkeringsgezin_pct", "totaal"),
    "Eenouderhuishoudens": ("eenouderhuishoudens_pct", "totaal"),
    "Kinderen met hoog risico op onderwijsachterstand": ("onderwijsachterstand_risico_pct", "totaal"),
    "Jongeren met jeugdhulp": ("jongeren_met_jeugdhulp_pct", "totaal"),
    "15+ bevolking die gemiddeld 1 keer per week contact heeft met familie, vrienden of buren": (
        "wekelijks_contact_pct",
        "15+",
    ),
    "18+ bevolking die de eigen gezondheid (zeer) goed vindt": ("ervaren_gezondheid_pct", "18+"),
    "65+ bevolking die aangeeft zich eenzaam te voelen": ("eenzaam_pct", "65+"),
    "Huishoudens met zorg en ondersteuning": ("huishoudens_zorg_ondersteuning_pct", "totaal"),
}
DRONTEN_DOCUMENT = (
    "Strategisch beleidskader sociaal domein 2025-2028 'Mensen maken de samenleving': kerncijfers in hoofdstuk 4 "
    "'Wat vertellen de cijfers?' (vanaf blz. 12 volgens de inhoudsopgave) en bij de opgaven in hoofdstuk 5, 6 en 7"
)

ENQUETE = {
    "eenzaam_pct",
    "ernstig_eenzaam_pct",
    "emotioneel_eenzaam_pct",
    "sociaal_eenzaam_pct",
    "ervaren_gezondheid_pct",
    "overgewicht_pct",
    "obesitas_pct",
    "beweegrichtlijn_pct",
    "wekelijks_sporter_pct",
    "mantelzorger_pct",
    "langdurige_aandoening_pct",
    "hoog_risico_angst_depressie_pct",
}

KWB_2024_REPO = (
    "https://github.com/niquedegraaff/Wikipedia-Generator-CBS-Kerncijfers-Wijken-en-Buurten/blob/"
    "5598198273babd9816e156b4eeb43626f351a17f/2024/cbs_data/stripped_filtered_data_2024.json"
)
KWB_2024_KOPIE = (
    "bestand met CBS-cijfers van tabel 85984NED in de openbare GitHub-repository "
    "niquedegraaff/Wikipedia-Generator-CBS-Kerncijfers-Wijken-en-Buurten, " + KWB_2024_REPO
)
GMJV_2024_REPO = (
    "https://github.com/niektensen/dashboard-3.0/blob/6b713e670a154a9eb98b786682e5f9d0c298521e/data/"
    "50140NED_TypedDataSet_22092025_192544.csv"
)
GMJV_2024_KOPIE = (
    "kopie van de StatLine-export (TypedDataSet) in de openbare GitHub-repository niektensen/dashboard-3.0, "
    + GMJV_2024_REPO
)

# --------------------------------------------------------------------------------------------------
# Uitgevers en vindplaatsen van de gepubliceerde cijfers (real_values_bbv.csv, real_values_ggd.csv).
#
# Elke herkomst noemt eerst de uitgever met zijn eigen tabel en pagina; is het cijfer gelezen op een pagina van
# een ander (een begroting die CBS-cijfers overneemt, een nieuwsbericht over de GGD-monitor), dan is die pagina
# `gelezen_in`. Alles hieronder staat in de referentie (vindplaats_url, oorspronkelijke_bron, de notities);
# een pagina of bron die er niet in staat, laat dit script stoppen in plaats van te raden.

# Vindplaats (de URL in de referentie) -> (wie de pagina publiceerde, wat de pagina is).
VINDPLAATSEN = {
    "http://dalfsen.begroting-2017.nl/p1062/programma-6-inkomensondersteuning": (
        "gemeente Dalfsen",
        "Begroting 2017, programma 6 Inkomensondersteuning, beleidsindicatoren",
    ),
    "http://dalfsen.begroting-2017.nl/p1063/programma-7-sociaal-domein": (
        "gemeente Dalfsen",
        "Begroting 2017, programma 7 Sociaal domein, beleidsindicatoren",
    ),
    "http://dronten.begroting-2018.nl/p5869/beleidsindicatoren-bbv": (
        "gemeente Dronten",
        "Begroting 2018, beleidsindicatoren BBV",
    ),
    "https://begroting2019.financien.gouda.nl/beleidsbegroting/sociaal-domein/wettelijk-voorgeschreven-indicatoren": (
        "gemeente Gouda",
        "Begroting 2019, sociaal domein, wettelijk voorgeschreven indicatoren (kolom Nederland)",
    ),
    "https://eindhoven.begroting-2020.nl/p6442/bbv-indicatoren": (
        "gemeente Eindhoven",
        "Begroting 2020, BBV-indicatoren (kolom Nederland)",
    ),
    "https://eindhoven.begroting-2021.nl/p8571/bbv-indicatoren": (
        "gemeente Eindhoven",
        "Begroting 2021, BBV-indicatoren (kolom Nederland)",
    ),
    "https://eindhoven.begroting-2023.nl/p13305/bbv-indicatoren": (
        "gemeente Eindhoven",
        "Begroting 2023, BBV-indicatoren (kolom Nederland)",
    ),
    "https://nederbetuwe.begroting-2020.nl/p3450/beleidsindicatoren": (
        "gemeente Neder-Betuwe",
        "Begroting 2020, beleidsindicatoren (rij Landelijk)",
    ),
    "https://dalfsen.jaarverslag-2019.nl/p5208/indicatoren": ("gemeente Dalfsen", "Jaarverslag 2019, indicatoren"),
    "https://jaarstukken.bronckhorst.nl/jaarverslag/programmaverantwoording/programma-1-zorg-en-ondersteuning/"
    "deelprogramma-1a-vitale-inwoners-en-samenleving": (
        "gemeente Bronckhorst",
        "Jaarstukken 2020, programma 1 Zorg en ondersteuning, deelprogramma 1A Vitale inwoners en samenleving",
    ),
    "https://samenleving.dronten.nl/bestaanszekerheid-bieden/bestaanszekerheid-bieden-doel-2": (
        "gemeente Dronten",
        "Bestaanszekerheid bieden, doel 2 (uitvoeringsprogramma Bestaanszekerheid)",
    ),
    "https://samenleving.dronten.nl/bestaanszekerheid-bieden/bestaanszekerheid-bieden-doel-3": (
        "gemeente Dronten",
        "Bestaanszekerheid bieden, doel 3 (uitvoeringsprogramma Bestaanszekerheid)",
    ),
    "https://cbs.nl/nl-nl/cijfers/detail/83747NED?q=dossier+zzp": ("CBS", "tabelpagina 83747NED"),
    "https://cbs.nl/nl-nl/cijfers/detail/86003NED?q=%27nederland%27": ("CBS", "tabelpagina 86003NED"),
    "https://www.cbs.nl/nl-nl/cijfers/detail/82972NED": ("CBS", "tabelpagina 82972NED"),
    "https://www.cbs.nl/nl-nl/cijfers/detail/85098NED?q=zorg": ("CBS", "tabelpagina 85098NED"),
    "https://www.cbs.nl/nl-nl/cijfers/detail/86050NED": ("CBS", "tabelpagina 86050NED"),
    "https://cbs.nl/nl-nl/longread/statistische-trends/2021/landelijke-jeugdmonitor-leefsituatie-jeugd-en-"
    "jeugdhulpgebruik/3-jeugdhulpgebruik": ("CBS", "Statistische Trends 2021"),
    "https://longreads.cbs.nl/jeugdmonitor-2020/opgroeien-in-bijstand/": ("CBS", "Jeugdmonitor 2020"),
    "https://longreads.cbs.nl/jeugdmonitor-2021/opgroeien-in-bijstand/": ("CBS", "Jeugdmonitor 2021"),
    "https://longreads.cbs.nl/jeugdmonitor-2023/opgroeien-in-ongelijke-omstandigheden": ("CBS", "Jeugdmonitor 2023"),
    "https://longreads.cbs.nl/jeugdmonitor-2024/jeugdzorg": ("CBS", "Jeugdmonitor 2024"),
    "https://www.rivm.nl/gezondheidsonderzoek-covid-19/resultaten-gezondheidsmonitor-volwassenen-en-ouderen": (
        "RIVM",
        "resultaten Gezondheidsmonitor Volwassenen en Ouderen",
    ),
    "https://www.volksgezondheidenzorg.info/onderwerp/eenzaamheid/cijfers-context/huidige-situatie": (
        "VZinfo (RIVM)",
        "eenzaamheid, huidige situatie",
    ),
    "https://www.vzinfo.nl/eenzaamheid/regionaal/volwassenen": ("VZinfo (RIVM)", "eenzaamheid, regionaal"),
    "https://www.vzinfo.nl/test-pagina-kaarten": ("VZinfo (RIVM)", "kaartenpagina"),
    # IJssellandscan: nieuwsberichten van GGD IJsselland over haar eigen monitor (real_values_ggd.md, bron F)
    "https://ijssellandscan.nl/nieuws/Minder-mensen-in-IJsselland-voelen-zich-gezond/222": (
        "GGD IJsselland",
        "IJssellandscan, nieuwsbericht",
    ),
    "https://onswolderwijd.nl/artikel/2020/04/30/meeste-jeugdhulp-op-urk-b0540247f5": (
        "onswolderwijd.nl",
        "nieuwsartikel van 30 april 2020",
    ),
    "https://rtvideaal.nl/minder-mensen-in-de-regio-noord-en-oost-gelderland-voelen-zich-gezond/": (
        "RTV Ideaal",
        "nieuwsartikel",
    ),
    "https://rtvideaal.nl/risico-op-angststoornis-of-depressie-onder-jongvolwassenen-toegenomen/": (
        "RTV Ideaal",
        "nieuwsartikel",
    ),
    "https://www.destentor.nl/achterhoek/eenzaamheid-iets-van-oude-mensen-nee-een-derde-jongvolwassenen-in-de-"
    "achterhoek-voelt-zich-eenzaam~a0d0764d/": ("De Stentor", "nieuwsartikel, december 2018"),
    "https://www.kennisbundel.nl/kennisbank/artikel/schuldenproblematiek-in-beeld/": (
        "kennisbundel.nl",
        "kennisbankartikel",
    ),
    "https://www.medicalfacts.nl/2021/06/29/hoogste-risico-op-angststoornis-of-depressie-onder-laagopgeleiden/": (
        "medicalfacts.nl",
        "nieuwsartikel van 29 juni 2021",
    ),
    "https://www.nd.nl/varia/varia/1049583/niet-meer-huishoudens-met-problematische-schulden-door-crisis": (
        "nd.nl",
        "nieuwsartikel",
    ),
    "https://www.nhnieuws.nl/nieuws/288131/ggd-meer-mensen-met-psychische-klachten-en-dat-komt-waarschijnlijk-"
    "door-coronacrisis": ("NH Nieuws", "nieuwsartikel, juni 2021"),
    "https://www.rtvdrenthe.nl/nieuws/171482/Het-goede-Drentse-leven-we-voelen-ons-gezond": (
        "RTV Drenthe",
        "nieuwsartikel, juni 2021",
    ),
    "https://www.rtvoost.nl/nieuws/1982779/Een-op-tien-huishoudens-in-Almelo-en-Enschede-kampt-met-problematische-"
    "schulden": ("RTV Oost", "nieuwsartikel"),
    "https://www.vicoblue.nl/gezondheidstips/nederlanders-voelen-zich-minder-gezond/": ("vicoblue.nl", "artikel"),
}

# Begrotingen met de BBV-beleidsindicatoren van een gemeente: de tabel noemt per indicator een bron; die is de
# uitgever, de begroting is waar het cijfer gelezen is.
BBV_TABELLEN = {
    "http://dalfsen.begroting-2017.nl/p1062/programma-6-inkomensondersteuning",
    "http://dalfsen.begroting-2017.nl/p1063/programma-7-sociaal-domein",
    "http://dronten.begroting-2018.nl/p5869/beleidsindicatoren-bbv",
    "https://begroting2019.financien.gouda.nl/beleidsbegroting/sociaal-domein/wettelijk-voorgeschreven-indicatoren",
    "https://eindhoven.begroting-2020.nl/p6442/bbv-indicatoren",
    "https://eindhoven.begroting-2021.nl/p8571/bbv-indicatoren",
    "https://eindhoven.begroting-2023.nl/p13305/bbv-indicatoren",
    "https://nederbetuwe.begroting-2020.nl/p3450/beleidsindicatoren",
}
# De bron zoals de BBV-tabel die noemt -> de uitgever.
BBV_UITGEVER = {
    "CBS": "CBS",
    "CBS - Participatiewet": "CBS",
    "CBS - Arbeidsdeelname": "CBS",
    "CBS - Monitor Sociaal Domein Wmo": "CBS",
    "LISA": "LISA",
    "Verwey-Jonker Instituut": "Verwey-Jonker Instituut",
    "Verwey-Jonker Instituut (Kinderen in Tel)": "Verwey-Jonker Instituut",
    "Verwey-Jonker Instituut - Kinderen in Tel": "Verwey-Jonker Instituut",
    "Verwey Jonker Instituut – Kinderen in Tel": "Verwey-Jonker Instituut",
    "Verwey-Jonker Instituut / waarstaatjegemeente": "Verwey-Jonker Instituut",
    "waarstaatjegemeente": "waarstaatjegemeente.nl",
    "GMSD (Gemeentelijke Monitor Sociaal Domein)": "Gemeentelijke Monitor Sociaal Domein (GMSD)",
}

MONITOR = "GGD'en, CBS en RIVM"
GGD_NOG = "GGD Noord- en Oost-Gelderland"
SCHULDEN_DASHBOARD = "https://dashboards.cbs.nl/v2/SchuldenproblematiekInBeeld/"  # cbs_open_data.md §1b
SCHULDEN_TITEL = "Schuldenproblematiek in beeld: geregistreerde problematische schulden"
SCHULDEN_TOELICHTING = (
    "Het CBS publiceert deze cijfers in het dashboard Schuldenproblematiek in beeld (in de referentie gezien met de "
    "standen op 1 januari 2015-2018); of latere standen daar ook staan, is niet op de CBS-pagina nagekeken."
)

# De overige gepubliceerde bronnen: (vindplaats, bron in de referentie) -> (uitgever, titel, tabel_id, toelichting).
# Met een tabel_id is het adres de tabelpagina van de uitgever; anders de vindplaats als die van de uitgever zelf
# is (en het dashboard bij de schuldencijfers).
DOCUMENTBRONNEN = {
    ("https://cbs.nl/nl-nl/cijfers/detail/83747NED?q=dossier+zzp", "CBS StatLine 83747NED"): (
        "CBS",
        "Bijstandsontvangers 15 jaar of ouder en bijstandsdichtheid",
        "83747NED",
        "",
    ),
    ("https://cbs.nl/nl-nl/cijfers/detail/86003NED?q=%27nederland%27", "CBS StatLine 86003NED (nader voorlopig)"): (
        "CBS",
        "Personen met een bijstandsuitkering, % van de inwoners vanaf 15 jaar (nader voorlopig)",
        "86003NED",
        "",
    ),
    ("https://www.cbs.nl/nl-nl/cijfers/detail/82972NED", "CBS StatLine 82972NED (voorlopig)"): (
        "CBS",
        "Jeugdzorg in natura: jeugdhulp, jeugdbescherming en jeugdreclassering (voorlopig)",
        "82972NED",
        "",
    ),
    ("https://www.cbs.nl/nl-nl/cijfers/detail/85098NED?q=zorg", "CBS StatLine 85098NED (voorlopig)"): (
        "CBS",
        "Jeugdzorg in natura: jeugdhulp, jeugdbescherming en jeugdreclassering (voorlopig)",
        "85098NED",
        "",
    ),
    ("https://www.cbs.nl/nl-nl/cijfers/detail/86050NED", "CBS StatLine 86050NED (voorlopig)"): (
        "CBS",
        "Wmo-cliënten met een maatwerkvoorziening (voorlopig)",
        "86050NED",
        "",
    ),
    (
        "https://cbs.nl/nl-nl/longread/statistische-trends/2021/landelijke-jeugdmonitor-leefsituatie-jeugd-en-"
        "jeugdhulpgebruik/3-jeugdhulpgebruik",
        "CBS Landelijke Jeugdmonitor",
    ): (
        "CBS",
        "Statistische Trends 2021, Landelijke Jeugdmonitor: leefsituatie jeugd en jeugdhulpgebruik, 3 Jeugdhulpgebruik",
        "",
        "",
    ),
    ("https://longreads.cbs.nl/jeugdmonitor-2020/opgroeien-in-bijstand/", "CBS Landelijke Jeugdmonitor 2020"): (
        "CBS",
        "Landelijke Jeugdmonitor 2020, Opgroeien in bijstand",
        "",
        "",
    ),
    ("https://longreads.cbs.nl/jeugdmonitor-2021/opgroeien-in-bijstand/", "CBS Landelijke Jeugdmonitor 2021"): (
        "CBS",
        "Landelijke Jeugdmonitor 2021, Opgroeien in bijstand",
        "",
        "",
    ),
    (
        "https://longreads.cbs.nl/jeugdmonitor-2023/opgroeien-in-ongelijke-omstandigheden",
        "CBS Landelijke Jeugdmonitor 2023",
    ): ("CBS", "Landelijke Jeugdmonitor 2023, Opgroeien in ongelijke omstandigheden", "", ""),
    ("https://longreads.cbs.nl/jeugdmonitor-2024/jeugdzorg", "CBS Landelijke Jeugdmonitor 2024 (voorlopig)"): (
        "CBS",
        "Landelijke Jeugdmonitor 2024, Jeugdzorg (voorlopig)",
        "",
        "",
    ),
    ("https://onswolderwijd.nl/artikel/2020/04/30/meeste-jeugdhulp-op-urk-b0540247f5", "CBS"): (
        "CBS",
        "Jeugdbescherming bij 0 t/m 17-jarigen in Flevoland (het artikel noemt geen tabel)",
        "",
        "",
    ),
    (
        "https://www.kennisbundel.nl/kennisbank/artikel/schuldenproblematiek-in-beeld/",
        "CBS - Schuldenproblematiek in beeld (geregistreerde problematische schulden)",
    ): ("CBS", SCHULDEN_TITEL, "", SCHULDEN_TOELICHTING),
    (
        "https://www.nd.nl/varia/varia/1049583/niet-meer-huishoudens-met-problematische-schulden-door-crisis",
        "CBS - Schuldenproblematiek in beeld (geregistreerde problematische schulden)",
    ): ("CBS", SCHULDEN_TITEL, "", SCHULDEN_TOELICHTING),
    (
        "https://www.rtvoost.nl/nieuws/1982779/Een-op-tien-huishoudens-in-Almelo-en-Enschede-kampt-met-problematische-"
        "schulden",
        "CBS - Schuldenproblematiek in beeld (geregistreerde problematische schulden)",
    ): ("CBS", SCHULDEN_TITEL, "", SCHULDEN_TOELICHTING),
    (
        "https://samenleving.dronten.nl/bestaanszekerheid-bieden/bestaanszekerheid-bieden-doel-2",
        "CBS (Dashboard Schuldenproblematiek in beeld)",
    ): ("CBS", SCHULDEN_TITEL, "", SCHULDEN_TOELICHTING),
    (
        "https://samenleving.dronten.nl/bestaanszekerheid-bieden/bestaanszekerheid-bieden-doel-2",
        "CBS (zichtopwijken.nl)",
    ): (
        "CBS",
        "Huishoudens met een laag inkomen (bron volgens de gemeente: 'CBS (zichtopwijken.nl)'; geen tabel genoemd)",
        "",
        "",
    ),
    (
        "https://samenleving.dronten.nl/bestaanszekerheid-bieden/bestaanszekerheid-bieden-doel-2",
        "Nibud (Geldzaken in de praktijk)",
    ): ("Nibud", "Geldzaken in de praktijk", "", ""),
    ("https://samenleving.dronten.nl/bestaanszekerheid-bieden/bestaanszekerheid-bieden-doel-3", "CBS"): (
        "CBS",
        "Arbeidsparticipatie (bron volgens de gemeente: 'CBS 2022'; geen tabel genoemd)",
        "",
        "",
    ),
    ("https://samenleving.dronten.nl/bestaanszekerheid-bieden/bestaanszekerheid-bieden-doel-3", "KIS"): (
        "KIS",
        "Schoolverlaters zonder startkwalificatie (bron volgens de gemeente: 'KIS 2021')",
        "",
        "",
    ),
    ("https://samenleving.dronten.nl/bestaanszekerheid-bieden/bestaanszekerheid-bieden-doel-3", "gemeente Dronten"): (
        "gemeente Dronten",
        "Bestaanszekerheid bieden, doel 3: participatie van inburgeringsplichtigen",
        "",
        "",
    ),
    ("https://dalfsen.jaarverslag-2019.nl/p5208/indicatoren", "gemeente Dalfsen (eigen administratie)"): (
        "gemeente Dalfsen",
        "Jaarverslag 2019, indicatoren inkomensondersteuning (eigen administratie)",
        "",
        "",
    ),
    (
        "https://jaarstukken.bronckhorst.nl/jaarverslag/programmaverantwoording/programma-1-zorg-en-ondersteuning/"
        "deelprogramma-1a-vitale-inwoners-en-samenleving",
        "gemeente Bronckhorst (klanttevredenheidsonderzoek Jeugd/Wmo)",
    ): (
        "gemeente Bronckhorst",
        "Jaarstukken 2020, deelprogramma 1A Vitale inwoners en samenleving: klanttevredenheidsonderzoek Jeugd/Wmo",
        "",
        "",
    ),
    # Gezondheidsmonitor Volwassenen en Ouderen (GGD'en, CBS en RIVM)
    (
        "https://www.rivm.nl/gezondheidsonderzoek-covid-19/resultaten-gezondheidsmonitor-volwassenen-en-ouderen",
        "RIVM (Corona) Gezondheidsmonitor Volwassenen en Ouderen, samenvatting",
    ): ("RIVM", "Resultaten (Corona) Gezondheidsmonitor Volwassenen en Ouderen, samenvatting", "", ""),
    (
        "https://www.rivm.nl/gezondheidsonderzoek-covid-19/resultaten-gezondheidsmonitor-volwassenen-en-ouderen",
        "RIVM samenvatting Corona Gezondheidsmonitor VO 2022 (afgerond)",
    ): (
        "RIVM",
        "Resultaten Corona Gezondheidsmonitor Volwassenen en Ouderen 2022, samenvatting",
        "",
        "De samenvatting geeft afgeronde percentages.",
    ),
    (
        "https://www.volksgezondheidenzorg.info/onderwerp/eenzaamheid/cijfers-context/huidige-situatie",
        "Gezondheidsmonitor Volwassenen en Ouderen 2016 (GGD'en/CBS/RIVM) via VZinfo (oudere versie pagina)",
    ): (
        "VZinfo (RIVM)",
        "Eenzaamheid, cijfers en context, huidige situatie: Gezondheidsmonitor Volwassenen en Ouderen 2016",
        "",
        "Oudere versie van de pagina.",
    ),
    (
        "https://www.volksgezondheidenzorg.info/onderwerp/eenzaamheid/cijfers-context/huidige-situatie",
        "Gezondheidsmonitor Volwassenen en Ouderen 2020 via VZinfo (tabel Eenzaamheid naar geslacht 2020)",
    ): (
        "VZinfo (RIVM)",
        "Eenzaamheid, cijfers en context, huidige situatie: tabel Eenzaamheid naar geslacht 2020 "
        "(Gezondheidsmonitor Volwassenen en Ouderen 2020)",
        "",
        "",
    ),
    (
        "https://www.vzinfo.nl/eenzaamheid/regionaal/volwassenen",
        "Corona Gezondheidsmonitor Volwassenen en Ouderen 2022 via VZinfo (per GGD-regio 10,8-21,2%; per gemeente "
        "5,7-22,6%)",
    ): (
        "VZinfo (RIVM)",
        "Eenzaamheid regionaal, volwassenen: Corona Gezondheidsmonitor Volwassenen en Ouderen 2022",
        "",
        "Sterk eenzaam: per GGD-regio 10,8-21,2%, per gemeente 5,7-22,6%.",
    ),
    (
        "https://www.vzinfo.nl/eenzaamheid/regionaal/volwassenen",
        "Corona Gezondheidsmonitor Volwassenen en Ouderen 2022 via VZinfo (per GGD-regio 43,0-58,1%; per gemeente "
        "30,2-59,4%)",
    ): (
        "VZinfo (RIVM)",
        "Eenzaamheid regionaal, volwassenen: Corona Gezondheidsmonitor Volwassenen en Ouderen 2022",
        "",
        "Eenzaam: per GGD-regio 43,0-58,1%, per gemeente 30,2-59,4%.",
    ),
    (
        "https://www.vzinfo.nl/test-pagina-kaarten",
        "Corona Gezondheidsmonitor VO 2022 via VZinfo (per GGD-regio 7,3-14,6%; per gemeente 2,8-17,8%)",
    ): (
        "VZinfo (RIVM)",
        "Kaarten hoog risico op angststoornis of depressie: Corona Gezondheidsmonitor Volwassenen en Ouderen 2022",
        "",
        "Per GGD-regio 7,3-14,6%, per gemeente 2,8-17,8%.",
    ),
    (
        "https://ijssellandscan.nl/nieuws/Minder-mensen-in-IJsselland-voelen-zich-gezond/222",
        "Corona Gezondheidsmonitor Volwassenen en Ouderen 2022, GGD IJsselland (nieuwsbericht IJssellandscan)",
    ): ("GGD IJsselland", "Corona Gezondheidsmonitor Volwassenen en Ouderen 2022, nieuwsbericht", "", ""),
    (
        "https://ijssellandscan.nl/nieuws/Minder-mensen-in-IJsselland-voelen-zich-gezond/222",
        "Corona Gezondheidsmonitor Volwassenen en Ouderen 2022, GGD IJsselland (nieuwsbericht IJssellandscan); LET OP: "
        "CBS 85012NED geeft 81,8",
    ): (
        "GGD IJsselland",
        "Corona Gezondheidsmonitor Volwassenen en Ouderen 2022, nieuwsbericht (cijfer 2020)",
        "",
        "Het nieuwsbericht noemt 83% voor 2020; CBS-tabel 85012NED geeft 81,8.",
    ),
    (
        "https://rtvideaal.nl/minder-mensen-in-de-regio-noord-en-oost-gelderland-voelen-zich-gezond/",
        "Gezondheidsmonitor VO / Corona Gezondheidsmonitor VO 2022, GGD NOG (RTV Ideaal)",
    ): (GGD_NOG, "(Corona) Gezondheidsmonitor Volwassenen en Ouderen 2012-2022", "", ""),
    (
        "https://rtvideaal.nl/risico-op-angststoornis-of-depressie-onder-jongvolwassenen-toegenomen/",
        "Gezondheidsmonitor VO 2016/2020, GGD NOG (RTV Ideaal)",
    ): (GGD_NOG, "Gezondheidsmonitor Volwassenen en Ouderen 2016 en 2020", "", ""),
    (
        "https://rtvideaal.nl/risico-op-angststoornis-of-depressie-onder-jongvolwassenen-toegenomen/",
        "Gezondheidsmonitor VO 2020, GGD NOG (RTV Ideaal)",
    ): (GGD_NOG, "Gezondheidsmonitor Volwassenen en Ouderen 2020", "", ""),
    (
        "https://www.destentor.nl/achterhoek/eenzaamheid-iets-van-oude-mensen-nee-een-derde-jongvolwassenen-in-de-"
        "achterhoek-voelt-zich-eenzaam~a0d0764d/",
        "GGD Gezondheidsmonitor Volwassenen en Ouderen 2016 (via GGD NOG/De Stentor)",
    ): (GGD_NOG, "Gezondheidsmonitor Volwassenen en Ouderen 2016", "", ""),
    (
        "https://www.nhnieuws.nl/nieuws/288131/ggd-meer-mensen-met-psychische-klachten-en-dat-komt-waarschijnlijk-"
        "door-coronacrisis",
        "Gezondheidsmonitor VO 2020 (secundair: NH Nieuws 2021-06)",
    ): (MONITOR, "Gezondheidsmonitor Volwassenen en Ouderen 2020", "", ""),
    (
        "https://www.rtvdrenthe.nl/nieuws/171482/Het-goede-Drentse-leven-we-voelen-ons-gezond",
        "Gezondheidsmonitor VO 2020 (secundair: RTV Drenthe 2021-06)",
    ): (MONITOR, "Gezondheidsmonitor Volwassenen en Ouderen 2020", "", ""),
    (
        "https://www.medicalfacts.nl/2021/06/29/hoogste-risico-op-angststoornis-of-depressie-onder-laagopgeleiden/",
        "Gezondheidsmonitor VO 2020 (secundair: medicalfacts.nl, persbericht 29-06-2021)",
    ): (MONITOR, "Gezondheidsmonitor Volwassenen en Ouderen 2020", "", "Het artikel is een persbericht."),
    (
        "https://www.medicalfacts.nl/2021/06/29/hoogste-risico-op-angststoornis-of-depressie-onder-laagopgeleiden/",
        'Gezondheidsmonitor VO 2016/2020 (secundair: medicalfacts.nl); 2020-waarde is "ongeveer"',
    ): (
        MONITOR,
        "Gezondheidsmonitor Volwassenen en Ouderen 2016 en 2020, 18 tot 35 jaar",
        "",
        "Het artikel noemt de waarde voor 2020 'ongeveer'.",
    ),
    (
        "https://www.vicoblue.nl/gezondheidstips/nederlanders-voelen-zich-minder-gezond/",
        "GGD'en/CBS/RIVM Gezondheidsmonitor",
    ): (
        MONITOR,
        "Gezondheidsmonitor Volwassenen en Ouderen 2012, 2016 en 2022",
        "",
        "Het artikel geeft 76% voor 2012; de RIVM-pagina geeft 77%.",
    ),
    (
        "https://www.vicoblue.nl/gezondheidstips/nederlanders-voelen-zich-minder-gezond/",
        "Corona Gezondheidsmonitor VO 2022 (secundair: vicoblue.nl, citeert regionale RIVM/VZinfo-cijfers)",
    ): (
        MONITOR,
        "Corona Gezondheidsmonitor Volwassenen en Ouderen 2022",
        "",
        "Het artikel citeert regionale cijfers van RIVM/VZinfo.",
    ),
}
# Twee vermeldingen van hetzelfde cijfer op dezelfde pagina: één herkomst.
ZELFDE_BRON = {
    (
        "https://www.destentor.nl/achterhoek/eenzaamheid-iets-van-oude-mensen-nee-een-derde-jongvolwassenen-in-de-"
        "achterhoek-voelt-zich-eenzaam~a0d0764d/",
        "Gezondheidsmonitor VO 2016 (De Stentor 2018-12, o.b.v. GGD NOG)",
    ): "GGD Gezondheidsmonitor Volwassenen en Ouderen 2016 (via GGD NOG/De Stentor)",
    (
        "https://www.vicoblue.nl/gezondheidstips/nederlanders-voelen-zich-minder-gezond/",
        "Gezondheidsmonitor VO (secundair: vicoblue.nl, citeert RIVM/GGD GHOR); wijkt af van RIVM-pagina (77)",
    ): "GGD'en/CBS/RIVM Gezondheidsmonitor",
}

WAARNEMING_KOLOMMEN = [
    "indicator_code",
    "regio_code",
    "peiljaar",
    "peildatum",
    "leeftijd",
    "waarde",
    "ondergrens",
    "bovengrens",
    "status",
    "herkomst_id",
    "citaat",
]
EXTRA_KOLOMMEN = ["peildatum_precisie"]
BRON_KOLOMMEN = [
    "herkomst_id",
    "soort",
    "bron",
    "titel",
    "tabel_id",
    "adres",
    "gelezen_in",
    "periode",
    "opgehaald_op",
    "licentie",
    "toelichting",
]


def getal(tekst: str) -> str:
    """'1.234,5' of '1234.5' -> '1234.5' (tekst, zodat er niets afrondt)."""
    t = tekst.strip().replace("%", "").strip()
    if "," in t:
        t = t.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(\.\d{3})+", t):
        t = t.replace(".", "")
    float(t)
    return t


def peil(jaar: str) -> tuple[str, str] | None:
    """'2020M10' -> ('2020', '2020-10-01'); '2016' -> ('2016', ''); halfjaar -> None."""
    if re.fullmatch(r"\d{4}", jaar):
        return jaar, ""
    m = re.fullmatch(r"(\d{4})M(\d{2})", jaar)
    if m:
        return m.group(1), f"{m.group(1)}-{m.group(2)}-01"
    return None


class Verzameling:
    def __init__(self):
        self.bronnen: dict[str, dict] = {}
        self.rijen: dict[str, list[dict]] = {}
        self.sleutels: dict[tuple, str] = {}
        self.overgeslagen: list[str] = []

    def bron(self, sleutel: str, **velden) -> str:
        hid = "ingebed:" + sleutel
        velden.setdefault("opgehaald_op", OVERGENOMEN_OP)
        self.bronnen.setdefault(hid, {"herkomst_id": hid, **velden})
        return hid

    def voeg_toe(self, bestand: str, **rij) -> None:
        sleutel = (
            rij["indicator_code"],
            rij["regio_code"],
            rij["peiljaar"],
            rij.get("peildatum", ""),
            rij["leeftijd"],
            rij["herkomst_id"],
        )
        if sleutel in self.sleutels:
            if self.sleutels[sleutel] != rij["waarde"]:
                raise SystemExit(f"tegenstrijdige waarden voor {sleutel}: {self.sleutels[sleutel]} en {rij['waarde']}")
            return
        self.sleutels[sleutel] = rij["waarde"]
        self.rijen.setdefault(bestand, []).append(rij)

    def sla_over(self, reden: str) -> None:
        self.overgeslagen.append(reden)


def doc_sleutel(adres: str, bron: str) -> str:
    return "doc-" + hashlib.sha1(f"{adres}|{bron}".encode()).hexdigest()[:10]


def document_bron(
    v: Verzameling, vindplaats: str, oorsprong: str, periode: str, opgehaald_op: str = OVERGENOMEN_OP
) -> str:
    """De herkomst van een cijfer van een gepubliceerde pagina: de uitgever met zijn eigen pagina (of tabel) eerst;
    de pagina waarop het cijfer gelezen is als `gelezen_in` wanneer die niet van de uitgever zelf is."""
    oorsprong = ZELFDE_BRON.get((vindplaats, oorsprong), oorsprong)
    if vindplaats not in VINDPLAATSEN:
        raise SystemExit(f"vindplaats {vindplaats} staat niet in VINDPLAATSEN: vul in wie de pagina publiceerde")
    organisatie, beschrijving = VINDPLAATSEN[vindplaats]
    if vindplaats in BBV_TABELLEN:
        if oorsprong not in BBV_UITGEVER:
            raise SystemExit(f"bron '{oorsprong}' in de BBV-tabel op {vindplaats} staat niet in BBV_UITGEVER")
        uitgever = BBV_UITGEVER[oorsprong]
        titel = f"BBV-beleidsindicatoren (bron volgens de begroting: '{oorsprong}'"
        titel += "; geen tabel genoemd)" if uitgever == "CBS" else ")"
        tabel_id, toelichting = "", ""
    elif (vindplaats, oorsprong) in DOCUMENTBRONNEN:
        uitgever, titel, tabel_id, toelichting = DOCUMENTBRONNEN[(vindplaats, oorsprong)]
    else:
        raise SystemExit(f"bron '{oorsprong}' op {vindplaats} staat niet in DOCUMENTBRONNEN: vul uitgever en titel in")
    eigen = organisatie == uitgever
    if tabel_id:
        adres = tabelpagina(uitgever, tabel_id)
    elif eigen:
        adres = vindplaats
    elif titel == SCHULDEN_TITEL:
        adres = SCHULDEN_DASHBOARD
    else:
        adres = ""
    return v.bron(
        doc_sleutel(vindplaats, oorsprong),
        soort="gepubliceerd document",
        bron=uitgever,
        titel=titel,
        tabel_id=tabel_id,
        adres=adres,
        gelezen_in="" if eigen else f"{organisatie}, {beschrijving}, {vindplaats}",
        periode=periode,
        opgehaald_op=opgehaald_op,
        licentie="openbare publicatie; bron vermelden",
        toelichting=toelichting,
    )


def gm_exports(ref: Path, v: Verzameling) -> None:
    for bestand, tabel, jaar, titel, leeftijden in GM_EXPORTS:
        hid = v.bron(
            f"cbs-{tabel}",
            soort="CBS StatLine",
            bron="CBS",
            titel=titel,
            tabel_id=tabel,
            adres=tabelpagina("CBS", tabel),
            gelezen_in=GM_EXPORT_KOPIE.format(bestand=bestand),
            periode=str(jaar),
            licentie=LICENTIE,
            toelichting="Enquête van GGD'en, CBS en RIVM (Gezondheidsmonitor). De kopie is getoetst: de cijfers "
            "die op de CBS-pagina te zien zijn, komen er precies mee overeen.",
        )
        rijen = {}
        op_naam = regio_op_naam()
        with open(ref / "cbs_exports" / bestand, newline="", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                code = op_naam.get(r["RegioS"].strip())
                if not code:
                    continue
                rijen[(r["Leeftijd"], r["Marges"], code)] = r
        for (leeftijd_label, marge, code), r in sorted(rijen.items()):
            if marge != "Waarde":
                continue
            onder = rijen[(leeftijd_label, "Ondergrens 95%-interval", code)]
            boven = rijen[(leeftijd_label, "Bovengrens 95%-interval", code)]
            for kolom, indicator in GM_KOLOMMEN.items():
                if kolom not in r:
                    continue
                waarde = r[kolom].strip()
                if waarde in ("", ".", "x"):
                    v.sla_over(f"{tabel} {code} {leeftijd_label} {kolom}: leeg in de export")
                    continue
                v.voeg_toe(
                    f"gezondheidsmonitor_{jaar}",
                    indicator_code=indicator,
                    regio_code=code,
                    peiljaar=str(jaar),
                    peildatum="",
                    leeftijd=leeftijden[leeftijd_label],
                    waarde=getal(waarde),
                    ondergrens=getal(onder[kolom]) if onder[kolom].strip() else "",
                    bovengrens=getal(boven[kolom]) if boven[kolom].strip() else "",
                    status="",
                    herkomst_id=hid,
                    citaat=f"rij '{leeftijd_label}, {r['RegioS']}', kolom {kolom}",
                )


def ggd_waarden(ref: Path, v: Verzameling) -> None:
    with open(ref / "real_values_ggd.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            oorsprong = r["oorspronkelijke_bron"]
            if oorsprong.startswith(("CBS StatLine 83674NED", "CBS StatLine 85012NED")):
                continue  # komt volledig uit de exports hierboven
            label = r["indicator"]
            code = GGD_LABELS.get(label)
            if not code or not r["regio_code"]:
                v.sla_over(
                    f"GGD '{label}' {r['regio']} {r['jaar']} ({r['leeftijd']}): geen eenduidige indicator of regio"
                )
                continue
            leeftijd = r["leeftijd"]
            jaar = int(r["jaar"])
            if leeftijd.startswith("jongvolwassenen"):
                leeftijd = "jongvolwassenen"
            elif leeftijd.startswith("18+ ("):
                leeftijd = "19+" if jaar <= 2016 else "18+"
            elif not re.fullmatch(r"\d\d\+|\d\d-\d\d", leeftijd):
                v.sla_over(f"GGD '{label}' {r['regio']} {jaar}: leeftijd '{leeftijd}' niet eenduidig")
                continue
            if "50140NED" in oorsprong:
                if r["vindplaats_url"] != GMJV_2024_REPO:
                    raise SystemExit(f"50140NED gelezen in {r['vindplaats_url']}, niet in de bekende kopie")
                hid = v.bron(
                    "rivm-50140NED",
                    soort="RIVM StatLine",
                    bron="RIVM",
                    titel="Gezondheidsmonitor Jongvolwassenen 2024",
                    tabel_id="50140NED",
                    adres=tabelpagina("RIVM", "50140NED"),
                    gelezen_in=GMJV_2024_KOPIE,
                    periode="2024",
                    licentie=LICENTIE,
                    toelichting=oorsprong,
                )
            else:
                hid = document_bron(v, r["vindplaats_url"], oorsprong, str(jaar))
            v.voeg_toe(
                "gezondheidsmonitor_overig",
                indicator_code=code,
                regio_code=r["regio_code"],
                peiljaar=str(jaar),
                peildatum="",
                leeftijd=leeftijd,
                waarde=getal(r["waarde"]),
                ondergrens=getal(r["ondergrens"]) if r["ondergrens"] else "",
                bovengrens=getal(r["bovengrens"]) if r["bovengrens"] else "",
                status="",
                herkomst_id=hid,
                citaat=r["citaat"],
            )


def bbv_indicator(r: dict) -> tuple[str, str] | None:
    """(indicatorcode, leeftijd) voor een rij uit real_values_bbv.csv, of None."""
    ind, eenheid, bron = r["indicator"], r["eenheid"], r["oorspronkelijke_bron"]
    if ind == "banen":
        m = re.search(r"15-6[45]", eenheid)
        return ("banen_per_1000", m.group(0)) if m else None
    if ind == "bijstand":
        if "per 1.000 inwoners 18" in eenheid:
            return "bijstand_per_1000_18plus", "18+"
        if "per 10.000" in eenheid:
            return "bijstand_per_10000", "totaal"
        return None
    if ind == "re_integratievoorzieningen":
        if eenheid.startswith("per 1.000"):
            return "re_integratie_per_1000", "15-65"
        if eenheid.startswith("per 10.000"):
            return "re_integratie_per_10000", "15-64"
        return None
    if ind == "wmo_maatwerkarrangement":
        if "86050NED" in bron:
            return "wmo_maatwerkvoorziening_per_1000", "totaal"
        if "10.000" in eenheid:
            return "wmo_per_10000", "totaal"
        return "wmo_per_1000", "totaal"
    if ind == "zonder_startkwalificatie_18_30":
        return "zonder_startkwalificatie_pct", "18-30"
    code = BBV_SIMPEL.get(ind)
    if not code:
        return None
    leeftijd = "totaal"
    if code in ENQUETE:
        leeftijd = "19+" if "19+" in eenheid or int(r["jaar"][:4]) <= 2016 else "18+"
    return code, leeftijd


def bbv_waarden(ref: Path, v: Verzameling) -> None:
    with open(ref / "real_values_bbv.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            omschrijving = f"BBV '{r['indicator']}' {r['gemeente']} {r['jaar']}"
            if r["type"] != "realisatie":
                v.sla_over(f"{omschrijving}: {r['type']} (hoort bij de kaders, geen waarneming)")
                continue
            gekozen = bbv_indicator(r)
            if gekozen is None:
                v.sla_over(f"{omschrijving}: geen eenduidige indicator ({r['eenheid']})")
                continue
            p = peil(r["jaar"])
            if p is None:
                v.sla_over(
                    f"{omschrijving}: geen jaar, of een halfjaarcijfer dat niet met jaarcijfers te vergelijken is"
                )
                continue
            code, leeftijd = gekozen
            hid = document_bron(v, r["vindplaats_url"], r["oorspronkelijke_bron"], p[0])
            citaat = r["citaat"]
            if "vermoedelijk per 1.000" in r["eenheid"]:
                citaat += " [eenheid op de pagina '%', vrijwel zeker per 1.000 inwoners]"
            v.voeg_toe(
                "bbv_en_publicaties",
                indicator_code=code,
                regio_code=r["gemeente_code"],
                peiljaar=p[0],
                peildatum=p[1],
                leeftijd=leeftijd,
                waarde=getal(r["waarde"]),
                ondergrens="",
                bovengrens="",
                status="",
                herkomst_id=hid,
                citaat=citaat,
            )


def dronten_kerncijfers(ref: Path, v: Verzameling) -> None:
    hid = v.bron(
        "doc-dronten-beleidskader-2025",
        soort="gepubliceerd document",
        bron="gemeente Dronten",
        titel=DRONTEN_DOCUMENT,
        tabel_id="",
        adres="",  # het document zelf; een adres ervan staat niet in de referentie
        gelezen_in="",
        periode="2025-2028",
        licentie="openbare publicatie; bron vermelden",
        toelichting="Kerncijfers met de landelijke waarde zoals de gemeente ze publiceert; de bron per cijfer staat er niet bij.",
    )
    with open(ref / "seed_indicators.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["gemeente"] != "Dronten" or not r["doel"].startswith("(kerncijfer"):
                continue
            gekozen = DRONTEN_KERNCIJFERS.get(r["indicator"])
            if not gekozen or not r["waarde_jaar"]:
                v.sla_over(f"Dronten kerncijfer '{r['indicator']}': geen indicator of geen peiljaar")
                continue
            code, leeftijd = gekozen
            regels = r["seed_line"].replace(";", ", ")
            for regio, waarde in (("GM0303", r["waarde"]), ("NL01", r["landelijk_waarde"])):
                if not waarde:
                    continue
                v.voeg_toe(
                    "dronten_kerncijfers",
                    indicator_code=code,
                    regio_code=regio,
                    peiljaar=r["waarde_jaar"],
                    peildatum="",
                    leeftijd=leeftijd,
                    waarde=getal(waarde),
                    ondergrens="",
                    bovengrens="",
                    status="",
                    herkomst_id=hid,
                    citaat=f"kerncijfer '{r['indicator']}' ({'landelijk' if regio == 'NL01' else 'Dronten'}), regels {regels}",
                )


# Cijfers uit de Kerncijfers wijken en buurten die in de referentie letterlijk zijn gezien
# (shared/reference/cbs_open_data.md, par. 2a en 2b): tabel, indicator, regio, peiljaar, waarde, vindplaats.
KWB_GEZIEN = [
    ("85984NED", "inwoners", "GM0148", "2024", "29683", KWB_2024_REPO, "Dalfsen AantalInwoners_5 = 29683"),
    ("85984NED", "inwoners", "GM1876", "2024", "36119", KWB_2024_REPO, "Bronckhorst AantalInwoners_5 = 36119"),
    ("85984NED", "inwoners", "GM0303", "2024", "44354", KWB_2024_REPO, "Dronten AantalInwoners_5 = 44354"),
    (
        "83765NED",
        "bijstand_personen",
        "NL01",
        "2017",
        "471190",
        "https://www.cbs.nl/nl-nl/cijfers/detail/83765NED",
        "Nederland, Personen per soort uitkering; Bijstand = 471 190",
    ),
    (
        "84286NED",
        "bijstand_personen",
        "NL01",
        "2018",
        "455140",
        "https://www.cbs.nl/nl-nl/cijfers/detail/84286NED",
        "Nederland, Personen per soort uitkering; Bijstand = 455 140",
    ),
    (
        "84286NED",
        "jongeren_met_jeugdzorg",
        "NL01",
        "2018",
        "423390",
        "https://www.cbs.nl/nl-nl/cijfers/detail/84286NED",
        "Nederland, Jongeren met jeugdzorg in natura = 423 390",
    ),
    (
        "85984NED",
        "bijstand_personen",
        "NL01",
        "2024",
        "405560",
        "https://www.cbs.nl/nl-nl/cijfers/detail/85984NED",
        "Nederland, Personen per soort uitkering; Bijstand = 405 560",
    ),
]


def kwb_gezien(v: Verzameling) -> None:
    for tabel, code, regio, jaar, waarde, adres, citaat in KWB_GEZIEN:
        kopie = adres == KWB_2024_REPO  # gelezen in een kopie; anders op de tabelpagina van het CBS zelf
        if not kopie and adres != tabelpagina("CBS", tabel):
            raise SystemExit(f"KWB_GEZIEN: vindplaats {adres} is geen bekende kopie en niet de CBS-pagina van {tabel}")
        hid = v.bron(
            f"cbs-{tabel}" + ("-kopie" if kopie else ""),
            soort="CBS StatLine",
            bron="CBS",
            titel=f"Kerncijfers wijken en buurten {jaar}",
            tabel_id=tabel,
            adres=tabelpagina("CBS", tabel),
            gelezen_in=KWB_2024_KOPIE if kopie else "",
            periode=jaar,
            licentie=LICENTIE,
            toelichting=(
                "Losse cijfers uit de tabel, gelezen in de kopie"
                if kopie
                else "Losse cijfers, gelezen op de tabelpagina van het CBS"
            )
            + "; de live verversing haalt de hele tabel op.",
        )
        v.voeg_toe(
            "kerncijfers_wijken_buurten",
            indicator_code=code,
            regio_code=regio,
            peiljaar=jaar,
            peildatum="",
            leeftijd="totaal",
            waarde=waarde,
            ondergrens="",
            bovengrens="",
            status="",
            herkomst_id=hid,
            citaat=citaat,
        )


# --------------------------------------------------------------------------------------------------
# Ronde 2026-12 (shared/reference/found_2026-12.csv en .md): KWB 2019 en 2024 (ook per wijk), 70072NED op
# 1-1-2025, Nederland bijstand per kwartaal 2017 (83759NED), Gezondheidsmonitor 2022 per GGD-regio (85563NED) en
# de eigen tellingen van de gemeenten. Elke rij noemt haar vindplaats; hieronder per vindplaats de herkomst.
GEVONDEN = "found_2026-12.csv"
GEVONDEN_OP = "2026-12-01"  # overgenomen op

# Label in de referentie -> (indicatorcode, leeftijd). Labels die hier niet staan, zoekt GGD_LABELS op.
GEVONDEN_LABELS = {
    "aantal inwoners": ("inwoners", "totaal"),
    "totale bevolking": ("inwoners", "totaal"),  # 70072NED: dezelfde telling (bevolking op 1 januari)
    "aantal inwoners 65 jaar of ouder": ("inwoners", "65+"),
    "bevolking 65 tot 80 jaar": ("inwoners", "65-79"),
    "bevolking 80 jaar of ouder": ("inwoners", "80+"),
    "aantal inwoners mannen": ("inwoners_mannen", "totaal"),
    "aantal inwoners vrouwen": ("inwoners_vrouwen", "totaal"),
    "particuliere huishoudens totaal": ("huishoudens", "totaal"),
    "personen met een bijstandsuitkering": ("bijstand_personen", "totaal"),
    "wekelijkse sporters": ("wekelijks_sporter_pct", "18+"),
    "psychische klachten (MHI-5 <= 60)": ("psychische_klachten_pct", "18+"),
    "rokers": ("rokers_pct", "18+"),
    "voldoet aan richtlijn alcoholgebruik": ("alcoholrichtlijn_pct", "18+"),
    "overmatige drinkers": ("overmatig_drinker_pct", "18+"),
    # de eigen tellingen van de gemeenten: eigen indicatoren, nooit de CBS-definities (uitkeringen zijn geen personen)
    "periodieke bijstandsgerechtigden totaal (Pw incl. Bbz + IOAW + IOAZ)": (
        "bijstandsgerechtigden_gemeente",
        "totaal",
    ),
    "periodieke bijstandsgerechtigden Pw incl. Bbz": ("bijstandsgerechtigden_pw_gemeente", "totaal"),
    "periodieke bijstandsgerechtigden IOAW": ("bijstandsgerechtigden_ioaw_gemeente", "totaal"),
    "periodieke bijstandsgerechtigden IOAZ": ("bijstandsgerechtigden_ioaz_gemeente", "totaal"),
    "uitkeringen WWB (rekening)": ("uitkeringen_wwb_gemeente", "totaal"),
    "uitkeringen IOAW (rekening)": ("uitkeringen_ioaw_gemeente", "totaal"),
    "uitkeringen IOAZ (rekening)": ("uitkeringen_ioaz_gemeente", "totaal"),
    "uitkeringen Pw/IOAW/IOAZ/Bbz (lopend, gemeentelijke telling)": ("uitkeringen_lopend_gemeente", "totaal"),
    "aantal inwoners (gemeentelijke kerngegevens)": ("inwoners_gemeente", "totaal"),
}
# Indicatoren waarvan de definitie de peildatum al noemt ('op 1 januari'): de datum in de referentie moet
# 1 januari van het peiljaar zijn en wordt niet apart opgeslagen (zoals de andere KWB-tellingen).
OP_1_JANUARI = {"inwoners", "inwoners_mannen", "inwoners_vrouwen", "huishoudens"}

KWB_2019_KOPIE = "https://github.com/ujjwalx/dsa2022/blob/6e65c95c96b707b1ab2f53365074e9fb3467531c/kwb-2019.csv"
SWIENN = "https://github.com/Swienn/ScientificDataAnalysisProject/blob/87339a8dfb4882cc5cee8a4ae5f598f3a0519791/Data/"
KWB_2024_KOPIE_2 = SWIENN + "Kerncijfers_wijken_en_buurten_2024_geslachten.csv"
RK_2025_KOPIE = SWIENN + "Regionale_kerncijfers_Nederland_11122025_133649.csv"
GM_2022_KOPIE = (
    "https://github.com/yasminesfk/gezond-oud-worden-analyse/blob/0ecf7935630cbf2c08e337226251cf6a07754ee3/data/"
    "Gezondheidsmonitor__bevolking_18_jaar_of_ouder__regio__2022_22012025_151906.csv"
)
# Vindplaats van een CBS-cijfer -> (sleutel, tabel_id, titel, periode, waar gelezen, toelichting).
# Zonder 'waar gelezen' is het cijfer op de tabelpagina van het CBS zelf gelezen.
GEVONDEN_CBS = {
    KWB_2019_KOPIE: (  # zonder bevestigd tabel-id: een gepubliceerd document van het CBS, geen StatLine-tabel
        "doc-kwb-2019-kopie",
        "",
        "Kerncijfers wijken en buurten 2019 (export; geen tabel-id bevestigd)",
        "2019",
        "kopie van een export van de Kerncijfers wijken en buurten 2019 in de openbare GitHub-repository "
        "ujjwalx/dsa2022 (kolommen door de eigenaar hernoemd: population/men/women), " + KWB_2019_KOPIE,
        "Het tabel-id van de jaargang 2019 is in de referentie niet bevestigd; daarom geen tabelpagina.",
    ),
    KWB_2024_KOPIE_2: (
        "cbs-85984NED-kopie-2",
        "85984NED",
        "Kerncijfers wijken en buurten 2024",
        "2024",
        "StatLine-CSV-export in de openbare GitHub-repository Swienn/ScientificDataAnalysisProject, "
        + KWB_2024_KOPIE_2,
        "Gemeente, wijken en Nederland (NL00). Wijkcijfers zijn door het CBS afgerond op veelvouden van 5.",
    ),
    RK_2025_KOPIE: (
        "cbs-70072NED-kopie",
        "70072NED",
        "Regionale kerncijfers Nederland",
        "2025",
        "StatLine-CSV-export (11-12-2025) in de openbare GitHub-repository Swienn/ScientificDataAnalysisProject, "
        + RK_2025_KOPIE,
        "Bevolking op 1 januari 2025. De export noemt regio's bij naam; de codes zijn in de referentie toegekend.",
    ),
    "https://www.cbs.nl/nl-nl/cijfers/detail/83759NED?q=bijstand": (
        "cbs-83759NED",
        "83759NED",
        "Personen met een uitkering; soort uitkering, wijken en buurten, 2017",
        "2017",
        "",
        "Standen per kwartaal; de tabel noemt de maand, geen dag.",
    ),
    GM_2022_KOPIE: (
        "cbs-85563NED-kopie",
        "85563NED",
        "Gezondheidsmonitor; bevolking 18 jaar of ouder, regio, 2022",
        "2022",
        "StatLine-CSV-export (22-01-2025) in de openbare GitHub-repository yasminesfk/gezond-oud-worden-analyse, "
        + GM_2022_KOPIE,
        "Enquête van GGD'en, CBS en RIVM. De export heeft alleen GGD-regio's en Nederland en geen 95%-intervallen.",
    ),
}
# De eigen documenten van de gemeenten (herkomst via document_bron, zoals de BBV-cijfers).
VINDPLAATSEN.update(
    {
        "https://programmabegroting2023.bronckhorst.nl/bijlagen/kerngegevens": (
            "gemeente Bronckhorst",
            "Programmabegroting 2023, bijlage Kerngegevens",
        ),
        "http://dalfsen.jaarverslag-2014.nl/p471": ("gemeente Dalfsen", "Jaarverslag 2014, kerngegevens"),
        "http://dronten2017.bestuursrapportage.nl/p5745/inkomensregelingen": (
            "gemeente Dronten",
            "Bestuursrapportage 2017, Inkomensregelingen",
        ),
    }
)
DOCUMENTBRONNEN.update(
    {
        (
            "https://programmabegroting2023.bronckhorst.nl/bijlagen/kerngegevens",
            "Gemeente Bronckhorst, Programmabegroting 2023, bijlage Kerngegevens (eigen administratie, geen CBS-cijfer)",
        ): (
            "gemeente Bronckhorst",
            "Programmabegroting 2023, bijlage Kerngegevens (eigen administratie)",
            "",
            "Eigen telling van de gemeente, geen CBS-cijfer.",
        ),
        (
            "http://dalfsen.jaarverslag-2014.nl/p471",
            "Gemeente Dalfsen, Jaarverslag 2014, Kerngegevens (eigen administratie; rekening/begroting; geen CBS-cijfer)",
        ): (
            "gemeente Dalfsen",
            "Jaarverslag 2014, kerngegevens (eigen administratie)",
            "",
            "Eigen telling van de gemeente, geen CBS-cijfer; de peildatum staat er niet bij.",
        ),
        (
            "http://dronten2017.bestuursrapportage.nl/p5745/inkomensregelingen",
            "Gemeente Dronten, Bestuursrapportage 2017, Inkomensregelingen (eigen administratie; geen CBS-cijfer)",
        ): (
            "gemeente Dronten",
            "Bestuursrapportage 2017, Inkomensregelingen (eigen administratie)",
            "",
            "Eigen telling van de gemeente ('op dit moment'), geen CBS-cijfer; de datum staat er niet bij.",
        ),
    }
)


def regio_tabellen() -> tuple[dict[str, dict], dict[str, str]]:
    """De regio's (data/regio.csv) en de aliassen van bronnen (data/regio_alias.csv: NL00 is Nederland)."""
    with open(DATA / "regio.csv", newline="", encoding="utf-8") as f:
        regios = {r["regio_code"]: r for r in csv.DictReader(f)}
    with open(DATA / "regio_alias.csv", newline="", encoding="utf-8") as f:
        alias = {r["bron_code"]: r["regio_code"] for r in csv.DictReader(f)}
    return regios, alias


def gevonden_peil(r: dict, code: str) -> tuple[str, str] | None:
    """(peildatum, precisie) van een rij uit found_2026-12.csv: een dag die er staat, een maand ('maart 2017':
    de eerste van de maand, precisie 'maand'), of niets. None: de datum past niet bij de definitie."""
    tekst, jaar = r["peildatum"].strip(), r["peiljaar"]
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})\b", tekst)
    if code in OP_1_JANUARI:
        return ("", "") if m and m.group(0) == f"{jaar}-01-01" else None
    if m:
        return m.group(0), ""
    m = re.match(r"(" + "|".join(MAANDEN) + r") (\d{4})\b", tekst)
    if m:
        return f"{m.group(2)}-{MAANDEN.index(m.group(1)) + 1:02d}-01", "maand"
    return "", ""


def gevonden_overslaan(r: dict) -> str | None:
    """Waarom een rij uit found_2026-12.csv niet wordt overgenomen, of None."""
    tekst = " ".join((r["indicator"], r["peildatum"])).lower()
    if "schatting" in tekst or "begroting" in tekst:
        return "schatting of begroting, geen gerealiseerd cijfer"
    if "jaar niet op pagina" in r["peildatum"]:
        return "het jaar staat niet op de pagina (afgeleid, niet gezien); secundaire bron"
    if "kruiscontrole" in r["indicator"]:
        al = [t for t in KWB_GEZIEN if t[1:5] == ("inwoners", r["regio_code"], r["peiljaar"], r["waarde"])]
        if not al:
            raise SystemExit(
                f"kruiscontrole {r['regio_code']} {r['peiljaar']} {r['waarde']}: niet gelijk aan KWB_GEZIEN"
            )
        return f"secundaire kruiscontrole, gelijk aan het cijfer uit {al[0][0]} dat er al is"
    if "De Stentor" in r["bron"]:
        return (
            "secundaire bron (krantenbericht over de kadernota); in- en uitstroom over een half jaar en "
            "'naar betaald werk' passen op geen indicator van de registry (uitstroom naar volwaardig werk is "
            "een andere definitie)"
        )
    if "(secundair" in r["bron"]:
        return "secundaire bron"
    return None


def gevonden(ref: Path, v: Verzameling) -> None:
    regios, alias = regio_tabellen()
    with open(ref / GEVONDEN, newline="", encoding="utf-8") as f:
        rijen = list(csv.DictReader(f))
    # de periode van een document: de peiljaren van de cijfers die eruit worden overgenomen
    jaren: dict[str, set[str]] = {}
    for r in rijen:
        if not gevonden_overslaan(r):
            jaren.setdefault(r["vindplaats"], set()).add(r["peiljaar"])
    for r in rijen:
        omschrijving = f"gevonden '{r['indicator']}' {r['regio_naam']} {r['peiljaar']}"
        reden = gevonden_overslaan(r)
        gekozen = GEVONDEN_LABELS.get(r["indicator"]) or (
            (GGD_LABELS[r["indicator"]], r["leeftijd"]) if r["indicator"] in GGD_LABELS else None
        )
        if reden or not gekozen:
            v.sla_over(f"{omschrijving}: {reden or 'geen indicator in de registry'}")
            continue
        code, leeftijd = gekozen
        regio = alias.get(r["regio_code"], r["regio_code"])
        if regio not in regios:
            raise SystemExit(f"{omschrijving}: regio {regio} staat niet in data/regio.csv")
        if regio.startswith("WK") and regios[regio]["gemeente_code"] != "GM" + regio[2:6]:
            raise SystemExit(f"{omschrijving}: wijk {regio} hoort in data/regio.csv bij gemeente GM{regio[2:6]}")
        peil_ = gevonden_peil(r, code)
        if peil_ is None:
            raise SystemExit(f"{omschrijving}: peildatum '{r['peildatum']}' is niet 1 januari {r['peiljaar']}")
        if r["vindplaats"] in GEVONDEN_CBS:
            sleutel, tabel, titel, periode, kopie, toelichting = GEVONDEN_CBS[r["vindplaats"]]
            if not kopie and not r["vindplaats"].startswith(tabelpagina("CBS", tabel)):
                raise SystemExit(f"{omschrijving}: {r['vindplaats']} is niet de CBS-pagina van {tabel}")
            hid = v.bron(
                sleutel,
                soort="CBS StatLine" if tabel else "gepubliceerd document",
                bron="CBS",
                titel=titel,
                tabel_id=tabel,
                adres=tabelpagina("CBS", tabel) if tabel else "",
                gelezen_in=kopie,
                periode=periode,
                opgehaald_op=GEVONDEN_OP,
                licentie=LICENTIE,
                toelichting=toelichting,
            )
        else:
            js = sorted(jaren[r["vindplaats"]])
            periode = js[0] if len(js) == 1 else f"{js[0]}-{js[-1]}"
            hid = document_bron(v, r["vindplaats"], r["bron"], periode, opgehaald_op=GEVONDEN_OP)
        v.voeg_toe(
            "gevonden_2026_12",
            indicator_code=code,
            regio_code=regio,
            peiljaar=r["peiljaar"],
            peildatum=peil_[0],
            peildatum_precisie=peil_[1],
            leeftijd=leeftijd,
            waarde=getal(r["waarde"]),
            ondergrens=getal(r["ondergrens"]) if r["ondergrens"] else "",
            bovengrens=getal(r["bovengrens"]) if r["bovengrens"] else "",
            status="",
            herkomst_id=hid,
            citaat=r["gezien_in"],
        )


def schrijf(v: Verzameling) -> None:
    doel = DATA / "waarnemingen"
    doel.mkdir(parents=True, exist_ok=True)
    for oud in doel.glob("*.csv"):
        oud.unlink()
    for naam, rijen in v.rijen.items():
        rijen.sort(
            key=lambda r: (
                r["indicator_code"],
                r["regio_code"],
                r["peiljaar"],
                r["peildatum"],
                r["leeftijd"],
                r["herkomst_id"],
            )
        )
        # een kolom die alleen sommige bronnen vullen (peildatum_precisie), alleen in de bestanden die haar gebruiken
        kolommen = WAARNEMING_KOLOMMEN + [k for k in EXTRA_KOLOMMEN if any(r.get(k) for r in rijen)]
        with open(doel / f"{naam}.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, kolommen, lineterminator="\n", extrasaction="ignore")
            w.writeheader()
            w.writerows(rijen)
    with open(DATA / "bronnen.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, BRON_KOLOMMEN, lineterminator="\n")
        w.writeheader()
        for hid in sorted(v.bronnen):
            w.writerow({k: v.bronnen[hid].get(k, "") for k in BRON_KOLOMMEN})


def ontbrekende_bestanden(ref: Path) -> list[str]:
    """De bestanden die dit script uit de referentiemap leest en die er niet zijn (relatief aan de map)."""
    nodig = [f"cbs_exports/{bestand}" for bestand, *_ in GM_EXPORTS]
    nodig += ["real_values_ggd.csv", "real_values_bbv.csv", "seed_indicators.csv", GEVONDEN]
    return [naam for naam in nodig if not (ref / naam).is_file()]


def main(argv: list[str] | None = None) -> int:
    p = Opdrachtregel(prog="python tools/maak_ingebedde_data.py", description=__doc__.splitlines()[0])
    p.add_argument(
        "--referentie",
        type=Path,
        default=PROJECT.parent / "shared" / "reference",
        metavar="MAP",
        help="de map met het referentiemateriaal (standaard: ../shared/reference naast de projectmap)",
    )
    args = p.parse_args(argv)
    ontbreekt = ontbrekende_bestanden(args.referentie)
    if ontbreekt:  # vóór er iets geschreven wordt
        print(
            f"Fout: het referentiemateriaal is niet (volledig) gevonden in {args.referentie}.\n"
            f"Ontbreekt: {', '.join(ontbreekt)}.\n"
            "Geef de map op met --referentie MAP; data/ is niet veranderd.",
            file=sys.stderr,
        )
        return 1
    v = Verzameling()
    gm_exports(args.referentie, v)
    ggd_waarden(args.referentie, v)
    bbv_waarden(args.referentie, v)
    dronten_kerncijfers(args.referentie, v)
    kwb_gezien(v)
    gevonden(args.referentie, v)
    schrijf(v)
    totaal = sum(len(r) for r in v.rijen.values())
    print(f"{totaal} waarnemingen uit {len(v.bronnen)} bronnen geschreven naar {DATA}")
    print(f"{len(v.overgeslagen)} overgeslagen:")
    for reden in v.overgeslagen:
        print("  -", reden)
    return 0


if __name__ == "__main__":
    sys.exit(main())
