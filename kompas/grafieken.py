"""Grafiekbouwers: pure functies die een `alt.Chart` teruggeven, zonder `configure_*`.

De Nederlandse getalnotatie (`opmaak.VEGA_LOCALE`) wordt één keer bij het tonen toegepast
(`voor_weergave`). Kleuren zijn kleurenblind-veilig (Okabe-Ito) en per regio overal gelijk.
"""

from __future__ import annotations

import altair as alt
import polars as pl

from kompas.opmaak import VEGA_LOCALE

# Okabe-Ito: onderscheidbaar bij de gangbare vormen van kleurenblindheid.
REGIO_KLEUREN = {
    "Dalfsen": "#0072B2",
    "Bronckhorst": "#E69F00",
    "Dronten": "#009E73",
    "Nederland": "#000000",
    "GGD IJsselland": "#56B4E9",
    "GGD Noord- en Oost-Gelderland": "#CC79A7",
    "GGD Flevoland": "#D55E00",
    "Overijssel": "#7F7F7F",
    "Gelderland": "#A0A0A0",
    "Flevoland": "#5F5F5F",
}


def kleurschaal(regio_namen: list[str]) -> alt.Scale:
    namen = [n for n in REGIO_KLEUREN if n in regio_namen] + [n for n in regio_namen if n not in REGIO_KLEUREN]
    return alt.Scale(domain=namen, range=[REGIO_KLEUREN.get(n, "#999999") for n in namen])


def y_as(eenheid: str, decimalen: int) -> alt.Axis:
    return alt.Axis(title=eenheid, format=f",.{decimalen}f")


def _tooltip(eenheid: str, decimalen: int) -> list:
    return [
        alt.Tooltip("regio_naam:N", title="Regio"),
        alt.Tooltip("peiljaar:Q", title="Peiljaar", format="d"),
        alt.Tooltip("leeftijd:N", title="Leeftijd"),
        alt.Tooltip("waarde:Q", title=eenheid, format=f",.{decimalen}f"),
        alt.Tooltip("ondergrens:Q", title="Ondergrens 95%", format=f",.{decimalen}f"),
        alt.Tooltip("bovengrens:Q", title="Bovengrens 95%", format=f",.{decimalen}f"),
    ]


def trend(
    reeks: pl.DataFrame,
    *,
    titel: str,
    eenheid: str,
    decimalen: int = 1,
    nulmeting: dict | None = None,
    streefwaarden: list[dict] | None = None,
    ondertitel: str | None = None,
) -> alt.LayerChart:
    """Trend per regio: lijn met punten, het 95%-interval als band, nulmeting en streefwaarde.

    `reeks` heeft kolommen regio_naam, peiljaar, leeftijd, waarde, ondergrens, bovengrens.
    Elke combinatie van regio en leeftijd is een eigen lijn: 18+ en 19+ worden nooit verbonden.
    `nulmeting`: {'jaar', 'waarde'}; `streefwaarden`: rijen met jaar, soort, waarde, ondergrens, bovengrens, tekst.
    """
    data = reeks.filter(pl.col("waarde").is_not_null())
    kleur = alt.Color("regio_naam:N", title="Regio", scale=kleurschaal(data["regio_naam"].unique().to_list()))
    x = alt.X("peiljaar:Q", title="Peiljaar", axis=alt.Axis(format="d", tickMinStep=1), scale=alt.Scale(zero=False))
    y = alt.Y("waarde:Q", axis=y_as(eenheid, decimalen), scale=alt.Scale(zero=False))
    basis = alt.Chart(data)

    interval_band = basis.transform_filter("isValid(datum.ondergrens) && isValid(datum.bovengrens)").mark_area(
        opacity=0.18
    ).encode(x=x, y=alt.Y("ondergrens:Q", axis=y_as(eenheid, decimalen)), y2="bovengrens:Q", color=kleur,
             detail="leeftijd:N")
    interval_streep = basis.transform_filter("isValid(datum.ondergrens) && isValid(datum.bovengrens)").mark_rule(
        opacity=0.6
    ).encode(x=x, y="ondergrens:Q", y2="bovengrens:Q", color=kleur)
    regio_lijnen = basis.mark_line(point=alt.OverlayMarkDef(size=60, filled=True)).encode(
        x=x,
        y=y,
        color=kleur,
        strokeDash=alt.StrokeDash("leeftijd:N", title="Leeftijd"),
        tooltip=_tooltip(eenheid, decimalen),
    )
    lagen: list[alt.Chart] = [interval_band, interval_streep, regio_lijnen]

    if nulmeting and nulmeting.get("waarde") is not None and nulmeting.get("jaar") is not None:
        nul = pl.DataFrame({"peiljaar": [nulmeting["jaar"]], "waarde": [float(nulmeting["waarde"])],
                            "label": [f"nulmeting {nulmeting['jaar']}"]})
        nulmeting_punt = alt.Chart(nul).mark_point(shape="square", size=120, filled=False, color="#333333").encode(
            x=x, y=y, tooltip=[alt.Tooltip("label:N", title="Nulmeting"),
                               alt.Tooltip("waarde:Q", title=eenheid, format=f",.{decimalen}f")])
        nulmeting_tekst = alt.Chart(nul).mark_text(dy=-12, fontSize=11, color="#333333").encode(x=x, y=y, text="label:N")
        lagen += [nulmeting_punt, nulmeting_tekst]

    punten = [s for s in (streefwaarden or []) if s.get("soort") in ("punt", "minimaal", "maximaal") and s.get("jaar")]
    if punten:
        vorm = {"punt": "diamond", "minimaal": "triangle-up", "maximaal": "triangle-down"}
        sw = pl.DataFrame({
            "peiljaar": [s["jaar"] for s in punten],
            "waarde": [float(s["waarde"]) for s in punten],
            "vorm": [vorm[s["soort"]] for s in punten],
            "tekst": [s.get("tekst") or "" for s in punten],
        })
        streef_punten = alt.Chart(sw).mark_point(size=140, filled=True, color="#D55E00").encode(
            x=x, y=y, shape=alt.Shape("vorm:N", scale=None),
            tooltip=[alt.Tooltip("peiljaar:Q", title="Jaar", format="d"), alt.Tooltip("tekst:N", title="Streefwaarde")])
        lagen.append(streef_punten)
    banden = [s for s in (streefwaarden or []) if s.get("soort") == "band" and s.get("jaar")]
    if banden:
        sb = pl.DataFrame({
            "peiljaar": [s["jaar"] for s in banden],
            "ondergrens": [float(s["ondergrens"]) for s in banden],
            "bovengrens": [float(s["bovengrens"]) for s in banden],
            "tekst": [s.get("tekst") or "" for s in banden],
        })
        streef_band = alt.Chart(sb).mark_rule(strokeWidth=8, opacity=0.5, color="#D55E00").encode(
            x=x, y=alt.Y("ondergrens:Q"), y2="bovengrens:Q", tooltip=[alt.Tooltip("tekst:N", title="Streefwaarde")])
        lagen.append(streef_band)
    zonder_jaar = [s for s in (streefwaarden or []) if not s.get("jaar") and s.get("waarde") is not None
                   and s.get("soort") in ("punt", "minimaal", "maximaal")]
    if zonder_jaar:
        sz = pl.DataFrame({"waarde": [float(s["waarde"]) for s in zonder_jaar],
                           "tekst": [s.get("tekst") or "" for s in zonder_jaar]})
        streef_lijn = alt.Chart(sz).mark_rule(strokeDash=[6, 4], color="#D55E00").encode(
            y="waarde:Q", tooltip=[alt.Tooltip("tekst:N", title="Streefwaarde")])
        lagen.append(streef_lijn)

    kop = alt.TitleParams(text=titel, subtitle=ondertitel or "", anchor="start")
    return alt.layer(*lagen).properties(title=kop, height=300)


def kleine_veelvouden(
    waarden: pl.DataFrame, *, titel: str, eenheid: str, decimalen: int = 1, kolommen: int = 4
) -> alt.FacetChart:
    """Eén paneel per regio, met dezelfde schaal, dezelfde kleur per regio als op elke pagina.

    `waarden` heeft kolommen regio_naam, peiljaar, leeftijd, waarde (en eventueel ondergrens/bovengrens).
    """
    data = waarden.filter(pl.col("waarde").is_not_null())
    kleur = alt.Color("regio_naam:N", title="Regio", scale=kleurschaal(data["regio_naam"].unique().to_list()),
                      legend=None)
    x = alt.X("peiljaar:Q", title="Peiljaar", axis=alt.Axis(format="d", tickMinStep=1), scale=alt.Scale(zero=False))
    y = alt.Y("waarde:Q", axis=y_as(eenheid, decimalen), scale=alt.Scale(zero=False))
    paneel_lijnen = alt.Chart().mark_line(point=alt.OverlayMarkDef(size=50, filled=True)).encode(
        x=x, y=y, color=kleur, strokeDash=alt.StrokeDash("leeftijd:N", title="Leeftijd"),
        tooltip=_tooltip(eenheid, decimalen))
    paneel_interval = alt.Chart().transform_filter("isValid(datum.ondergrens) && isValid(datum.bovengrens)").mark_rule(
        opacity=0.5).encode(x=x, y="ondergrens:Q", y2="bovengrens:Q", color=kleur)
    return (
        alt.layer(paneel_interval, paneel_lijnen, data=data)
        .properties(width=180, height=160)
        .facet(facet=alt.Facet("regio_naam:N", title=None, sort=list(REGIO_KLEUREN)), columns=kolommen)
        .resolve_scale(y="shared", x="shared")
        .properties(title=alt.TitleParams(text=titel, anchor="start"))
    )


def voor_weergave(grafiek: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """Past de Nederlandse locale één keer toe, vlak voor het tonen."""
    return grafiek.configure(locale=VEGA_LOCALE)
