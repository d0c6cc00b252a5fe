"""Grafiekbouwers: pure functies die een `alt.Chart` teruggeven, zonder `configure_*`.

De Nederlandse getalnotatie (`opmaak.VEGA_LOCALE`) wordt één keer bij het tonen toegepast
(`voor_weergave`). Elke reeks heeft een eigen kleur, vorm en streep (`reeks_stijlen`), per regio overal gelijk.
Een lijn verbindt alleen waarden van één reeks (`reeks_id`, zie queries/marts/10_indicator_waarden.sql): een andere bron of
definitie is een onderbreking, met een noot in de ondertitel. Ook een jaar waarin de bron wel mat maar de regio geen
cijfer heeft, onderbreekt de lijn (`_onderbreek`, met een noot 'Onderbroken lijn: ...'): een lijn suggereert anders een
waarde die er niet is. Bij een bron die elk jaar publiceert (`jaarlijks`, data/bronfamilies.toml) is dat elk jaar
tussen twee cijfers van de regio. De band van een vergelijkingsgroep breekt zo bij een jaar zonder band.
"""

from __future__ import annotations

import fnmatch
import functools
import json
import math
import textwrap
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass

import altair as alt
import polars as pl

from kompas.db import DATA
from kompas.opmaak import VEGA_LOCALE, getal, is_aantal, leeg, peilmoment
from kompas.teksten import grafiek_ondertitel

# --- stijl per reeks: kleur, vorm en streep, per regio uit de data en naar regiosoort (niet per naam) -------------
#
# Gemeenten: kleur en vorm uit data/regio.csv (kolommen kleur en vorm; in de gegevens `regio_kleur` en
# `regio_vorm`), dus op elke pagina dezelfde. Daar staan Okabe-Ito-kleuren (onderscheidbaar bij de gangbare vormen
# van kleurenblindheid); tests/test_grafieken.py houdt elke kleur daar aan de contrastregel hieronder.
# GGD-regio, provincie, Nederland en elke toekomstige vergelijkingsgroep: neutraal (zwart en grijs), elk met een
# eigen vorm en streep, zodat ook zonder kleur te zien is welke lijn welke regio is.
# Contrast (WCAG 1.4.11, 3:1 tegen wit): Bronckhorsts #E69F00 haalt 2,25:1. De kleur blijft (dezelfde op elke
# pagina, zo afgesproken); haalt een kleur 3:1 niet, dan krijgt elke marker een donkere rand in dezelfde tint
# (`Stijl.rand`, minstens 4,5:1; voor #E69F00 is dat #966700), zodat elk meetpunt zichtbaar is. De lijn zelf
# blijft 2,25:1; de cijfers staan ook in de tabel eronder, en de legenda noemt elke reeks bij naam.


@dataclass(frozen=True)
class Stijl:
    kleur: str
    vorm: str  # Vega-vorm van de marker
    streep: tuple[int, ...] = ()  # strokeDash van de lijn; () is doorgetrokken

    @property
    def rand(self) -> str:
        """De rand van de marker: de kleur zelf als die 3:1 haalt, anders een donkerder tint van die kleur die
        duidelijk genoeg afsteekt (4,5:1; precies 3:1 is op een kleine marker nauwelijks te zien)."""
        return self.kleur.upper() if contrast(self.kleur) >= 3.0 else donkerder_tot(self.kleur, 4.5)


# een gemeente zonder kleur in de gegevens (een frame van buiten de database): de overige Okabe-Ito-kleuren
EXTRA_GEMEENTE_STIJLEN = (Stijl("#D55E00", "circle"), Stijl("#CC79A7", "triangle-down"), Stijl("#56B4E9", "cross"))
# per regiosoort; de tweede (derde) regio van dezelfde regiosoort in één grafiek krijgt de volgende variant
NEUTRALE_STIJLEN = {
    "land": (Stijl("#000000", "square"), Stijl("#000000", "diamond", (1, 3))),
    "ggd_regio": (
        Stijl("#4D4D4D", "triangle-up", (6, 3)),
        Stijl("#4D4D4D", "triangle-right", (10, 3)),
        Stijl("#4D4D4D", "triangle-left", (6, 3, 2, 3)),
    ),
    "provincie": (
        Stijl("#767676", "diamond", (2, 2)),
        Stijl("#767676", "square", (2, 4)),
        Stijl("#767676", "triangle-right", (4, 2, 1, 2)),
    ),
}
# een toekomstige vergelijkingsgroep (een andere regiosoort)
ANDERE_STIJLEN = (Stijl("#5E5E5E", "cross", (8, 3, 2, 3)), Stijl("#5E5E5E", "triangle-left", (3, 3)))

# De markers als veelhoek in het vak [-1, 1] (zoals Vega eigen vormen schaalt). Het legendasymbool is een stukje
# lijn met de marker erop (`legenda_symbool`): zo toont de legenda kleur, vorm én streep van elke reeks.
_CIRKEL = tuple((round(math.cos(i * math.pi / 8), 3), round(math.sin(i * math.pi / 8), 3)) for i in range(16))
VORMEN = {
    "circle": _CIRKEL,
    "square": ((-1, -1), (1, -1), (1, 1), (-1, 1)),
    "diamond": ((0, -1), (1, 0), (0, 1), (-1, 0)),
    "triangle-up": ((0, -1), (1, 1), (-1, 1)),
    "triangle-down": ((0, 1), (1, -1), (-1, -1)),
    "triangle-right": ((1, 0), (-1, 1), (-1, -1)),
    "triangle-left": ((-1, 0), (1, 1), (1, -1)),
    "cross": (
        (-1, -0.33),
        (-0.33, -0.33),
        (-0.33, -1),
        (0.33, -1),
        (0.33, -0.33),
        (1, -0.33),
        (1, 0.33),
        (0.33, 0.33),
        (0.33, 1),
        (-0.33, 1),
        (-0.33, 0.33),
        (-1, 0.33),
    ),
}


def legenda_symbool(vorm: str, schaal: float = 0.42) -> str:
    """SVG-pad voor de legenda: een horizontale lijn door het vak met de marker (verkleind) in het midden."""
    punten = "L".join(f"{x * schaal:g},{y * schaal:g}" for x, y in VORMEN[vorm])
    return f"M-1,0H1M{punten}Z"


def _luminantie(kleur: str) -> float:
    def kanaal(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(kleur.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return 0.2126 * kanaal(r) + 0.7152 * kanaal(g) + 0.0722 * kanaal(b)


def contrast(kleur: str, achtergrond: str = "#FFFFFF") -> float:
    """Contrastverhouding volgens WCAG 2.1 (1 tot 21)."""
    licht, donker = sorted((_luminantie(kleur), _luminantie(achtergrond)), reverse=True)
    return (licht + 0.05) / (donker + 0.05)


def donkerder_tot(kleur: str, minimum: float) -> str:
    """Dezelfde tint, stap voor stap donkerder tot het contrast tegen wit minstens `minimum` is."""
    r, g, b = (int(kleur.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    factor = 1.0
    uit = kleur.upper()
    while contrast(uit) < minimum and factor > 0:
        factor = round(factor - 0.05, 2)
        uit = "#{:02X}{:02X}{:02X}".format(*(round(c * factor) for c in (r, g, b)))
    return uit


def reeks_stijlen(regios: Sequence[tuple]) -> dict[str, Stijl]:
    """Stijl per regiocode voor de regio's van één grafiek, in legendavolgorde: (regio_code, regio_soort) of
    (regio_code, regio_soort, kleur, vorm), met kleur en vorm van een gemeente uit data/regio.csv.

    Een gemeente met kleur en vorm houdt die; elke andere regio krijgt een stijl naar haar regiosoort, en
    binnen een regiosoort een andere variant, zodat geen twee reeksen in één grafiek hetzelfde kleur-vorm-streeppatroon hebben.
    """
    stijlen: dict[str, Stijl] = {}
    for code, regiosoort, *eigen in regios:
        kleur, vorm = (*eigen, None, None)[:2]
        if regiosoort == "gemeente" and kleur and vorm:
            stijlen.setdefault(code, Stijl(kleur, vorm))
    bezet = {(s.kleur.upper(), s.vorm) for s in stijlen.values()}
    geteld: dict[str, int] = {}
    for code, regiosoort, *_ in regios:
        if code in stijlen:
            continue
        groep = regiosoort
        if groep == "gemeente":  # zonder eigen kleur: een Okabe-Ito-kleur die in deze grafiek nog vrij is
            varianten = (
                tuple(s for s in EXTRA_GEMEENTE_STIJLEN if (s.kleur, s.vorm) not in bezet) or EXTRA_GEMEENTE_STIJLEN
            )
        else:
            varianten = NEUTRALE_STIJLEN.get(groep, ANDERE_STIJLEN)
        n = geteld.get(groep, 0)
        geteld[groep] = n + 1
        stijl = varianten[n % len(varianten)]
        if n >= len(varianten):  # meer regio's van één regiosoort dan varianten: een eigen streep erbij
            stijl = Stijl(stijl.kleur, stijl.vorm, (n + 1, 2))
        stijlen[code] = stijl
    return stijlen


REGIOSOORT_VOLGORDE = {"gemeente": 0, "ggd_regio": 1, "provincie": 2, "land": 9}


def _regios(data: pl.DataFrame) -> pl.DataFrame:
    """De regio's van een grafiek (code, regiosoort, naam), in legendavolgorde: gemeente, GGD-regio, provincie,
    (een andere vergelijkingsgroep,) Nederland; daarbinnen op regio_volgorde."""
    kolommen = ["regio_code", "regio_soort", "regio_naam"]
    kolommen += [k for k in ("regio_kleur", "regio_vorm") if k in data.columns]  # uit data/regio.csv
    volgorde = ["regio_volgorde"] if "regio_volgorde" in data.columns else []
    return (
        data.select(kolommen + volgorde)
        .unique()
        .with_columns(
            pl.col("regio_soort")
            .replace_strict(REGIOSOORT_VOLGORDE, default=5, return_dtype=pl.Int32)
            .alias("_volgorde")
        )
        .sort(["_volgorde", *volgorde, "regio_code"])
        .drop("_volgorde")
    )


def _gestijld(data: pl.DataFrame) -> tuple[pl.DataFrame, dict[str, alt.Scale]]:
    """De stijlen van `reeks_stijlen` (op regiocode) als schalen op regio_naam (kleur, streep, legendasymbool) en
    als kolommen `stijl_kleur`, `stijl_rand` en `stijl_vorm` (voor de getekende lagen, zonder schaal).

    Waarom zo: Vega-Lite voegt kanalen met hetzelfde veld en domein samen in één legenda. Staan band, markers en
    rand op regio_naam, dan neemt de legenda de doorzichtigheid van de band over en haalt een legend=None de hele
    legenda weg. Daarom geeft één laag de legenda (in `trend`) en nemen de getekende lagen hun stijl uit deze
    kolommen, of uit een schaal met legend=None in een eigen, onafhankelijke schaal per laag.
    """
    regios = _regios(data)
    eigen = [regios[k] if k in regios.columns else [None] * regios.height for k in ("regio_kleur", "regio_vorm")]
    stijlen = reeks_stijlen(list(zip(regios["regio_code"], regios["regio_soort"], *eigen)))
    namen = regios["regio_naam"].to_list()
    per_naam = [stijlen[c] for c in regios["regio_code"]]
    schalen = {
        "kleur": alt.Scale(domain=namen, range=[s.kleur for s in per_naam]),
        "legenda_vorm": alt.Scale(domain=namen, range=[legenda_symbool(s.vorm) for s in per_naam]),
        "streep": alt.Scale(domain=namen, range=[list(s.streep) for s in per_naam]),
    }
    data = data.with_columns(
        pl.col("regio_code").replace_strict({c: s.kleur for c, s in stijlen.items()}).alias("stijl_kleur"),
        pl.col("regio_code").replace_strict({c: s.rand for c, s in stijlen.items()}).alias("stijl_rand"),
        pl.col("regio_code").replace_strict({c: s.vorm for c, s in stijlen.items()}).alias("stijl_vorm"),
    )
    return data, schalen


# Een aantal (eenheid 'aantal ...', zoals queries/marts/05_indicator_waarden_voor.sql `aantallen`) hangt af van de
# grootte van de regio: naast de gemeenten drukken Nederland (18 miljoen inwoners) of een GGD-regio hen op één as
# plat tegen de nullijn. Die regio's tekent een grafiek van een aantal daarom niet, en de ondertitel zegt dat.
GROTE_REGIOS = ("land", "ggd_regio", "provincie")


def eigen_decimalen(data: pl.DataFrame, decimalen: int) -> list[int]:
    """Per rij de decimalen om het cijfer te tonen: kolom `decimalen` (zoveel als de bron publiceerde, marts/05), nooit
    meer dan `decimalen` (die van de indicator); zonder die kolom of waarde die van de indicator."""
    eigen = data["decimalen"].to_list() if "decimalen" in data.columns else [None] * data.height
    return [decimalen if leeg(d) else min(int(d), decimalen) for d in eigen]


def _grafiekwaarden(
    reeks: pl.DataFrame, eenheid: str, decimalen: int = 1
) -> tuple[pl.DataFrame, list[dict], list[str]]:
    """De rijen die in een grafiek komen: een waarde, en `in_grafiek` (één per regio-jaar, zie queries/marts/10_indicator_waarden.sql),
    de onderbrekingen van de lijnen (`_onderbreek`), en bij een aantal de namen van de grote regio's die er niet in
    komen (`GROTE_REGIOS`; alleen als er ook een kleinere regio een cijfer heeft).

    Zonder `reeks_id` (een frame van buiten de database) is elke regio × leeftijd één lijn.
    """
    data = reeks.filter(pl.col("waarde").is_not_null())
    if "in_grafiek" in data.columns:
        data = data.filter(pl.col("in_grafiek"))
    weggelaten: list[str] = []
    if is_aantal(_eenheid(data, eenheid)) and "regio_soort" in data.columns:
        groot = pl.col("regio_soort").is_in(GROTE_REGIOS)
        if not data.filter(~groot).is_empty():
            weggelaten = _regios(data.filter(groot))["regio_naam"].to_list()
            data = data.filter(~groot)
    if "reeks_id" not in data.columns:
        data = data.with_columns(pl.concat_str("regio_code", "leeftijd", separator=" | ").alias("reeks_id"))
    data, onderbrekingen = _onderbreek(data, reeks)
    if "trendbreuk" not in data.columns:
        data = data.with_columns(pl.lit(False).alias("trendbreuk"))
    # de tekst van het peilmoment voor de tooltip: '2023', of 'stand maart 2017' waar de bron een peildatum geeft
    data = data.with_columns(
        pl.Series(
            "peilmoment",
            [
                peilmoment(r["peiljaar"], r.get("peildatum"), r.get("peildatum_precisie"))
                for r in data.iter_rows(named=True)
            ],
            dtype=pl.String,
        )
    )
    # de cijfers voor de tooltip als tekst, elk met zijn eigen decimalen; een Vega-format geldt voor de hele laag
    dec = eigen_decimalen(data, decimalen)
    data = data.with_columns(
        pl.Series(
            f"{k}_tekst", [getal(w, d) if not leeg(w) else None for w, d in zip(data[k], dec, strict=True)], pl.String
        )
        for k in ("waarde", "ondergrens", "bovengrens")
    )
    # alleen wat de grafiek gebruikt: de specificatie (en wat de browser krijgt) blijft klein
    return data.select(c for c in GRAFIEKKOLOMMEN if c in data.columns), onderbrekingen, weggelaten


BRONFAMILIES = DATA / "bronfamilies.toml"


@functools.cache
def _bronfamilies() -> dict[str, bool]:
    with BRONFAMILIES.open("rb") as bestand:
        return tomllib.load(bestand)["jaarlijks"]


def jaarlijks(bronfamilie: str | None) -> bool:
    """Publiceert deze bronfamilie elk jaar? Uit data/bronfamilies.toml: een exacte naam gaat voor een patroon
    ('gemeente *'), daarna het eerste patroon dat past; een familie die er niet staat (of None): nee."""
    if bronfamilie is None:
        return False
    families = _bronfamilies()
    if bronfamilie in families:
        return families[bronfamilie]
    return next((ja for patroon, ja in families.items() if fnmatch.fnmatchcase(bronfamilie, patroon)), False)


def _onderbreek(data: pl.DataFrame, reeks: pl.DataFrame) -> tuple[pl.DataFrame, list[dict]]:
    """Een lijn loopt niet over een jaar waarin dezelfde bron wel mat, maar de regio geen cijfer heeft: daar zou ze
    een waarde suggereren die niet bestaat (ontbrekend is ontbrekend, ook in een lijn).

    De jaren waarin de bron mat: elk peiljaar met een rij in `reeks` (ook een gepubliceerde rij zonder waarde, zoals
    een geheim cijfer) voor dezelfde leeftijdsgroep en bronfamilie, bij welke regio in de grafiek ook. Een bron die
    om de vier jaar meet (de Gezondheidsmonitor), blijft zo één lijn; Dronten met 2016 en 2022 naast Nederland met
    elk jaar wordt twee losse punten. Publiceert de bronfamilie elk jaar (`jaarlijks`, data/bronfamilies.toml), dan
    is bovendien elk jaar tussen twee cijfers van de regio een jaar waarin de bron mat: inwoners uit de Kerncijfers
    wijken en buurten met alleen 2019 en 2024 worden twee losse punten, ook als geen regio 2020-2023 heeft. Na een
    gat krijgt de reeks_id een volgnummer (een eigen lijn, ook voor het 95%-interval). Geeft de rijen en per regio
    (legendavolgorde) de jaren zonder cijfer: [{regio_naam, jaren}].
    """
    sleutel = [k for k in ("leeftijd", "bronfamilie") if k in data.columns]
    if data.is_empty():
        return data, []
    gemeten = reeks.select(*sleutel, pl.col("peiljaar").alias("_jaar")).unique()
    data = (
        data.with_row_index("_rij")
        .sort("reeks_id", "peiljaar")
        .with_columns(pl.col("peiljaar").shift(1).over("reeks_id").alias("_vorige"))
    )
    gemeten_tussen = (
        data.select("_rij", "_vorige", "peiljaar", *sleutel)
        .join(gemeten, on=sleutel, how="inner", nulls_equal=True)
        .filter((pl.col("_jaar") > pl.col("_vorige")) & (pl.col("_jaar") < pl.col("peiljaar")))
        .select("_rij", "_jaar")
    )
    # een bron die elk jaar publiceert: elk jaar tussen twee cijfers van de regio (alleen jaren, geen waarden)
    families = data["bronfamilie"].unique().to_list() if "bronfamilie" in data.columns else []
    jaarlijkse = [f for f in families if jaarlijks(f)]
    elk_jaar = (
        data.filter(pl.col("bronfamilie").is_in(jaarlijkse) & (pl.col("peiljaar") - pl.col("_vorige") > 1))
        .select("_rij", pl.int_ranges(pl.col("_vorige") + 1, pl.col("peiljaar")).alias("_jaar"))
        .explode("_jaar")
        .with_columns(pl.col("_jaar").cast(gemeten_tussen.schema["_jaar"]))
        if jaarlijkse
        else gemeten_tussen.clear()
    )
    gaten = pl.concat([gemeten_tussen, elk_jaar]).group_by("_rij").agg(pl.col("_jaar").unique().sort().alias("_gat"))
    data = data.join(gaten, on="_rij", how="left").with_columns(
        pl.col("_gat").is_not_null().cast(pl.Int32).cum_sum().over("reeks_id").alias("_stuk")
    )
    data = data.with_columns(
        pl.when(pl.col("_stuk") > 0)
        .then(pl.concat_str(pl.col("reeks_id"), pl.lit(" | na gat "), pl.col("_stuk").cast(pl.String)))
        .otherwise(pl.col("reeks_id"))
        .alias("reeks_id")
    )
    per_regio: dict[str, set[int]] = {}
    for naam, gat in data.filter(pl.col("_gat").is_not_null()).select("regio_naam", "_gat").iter_rows():
        per_regio.setdefault(naam, set()).update(gat)
    onderbrekingen = [
        {"regio_naam": naam, "jaren": sorted(per_regio[naam])}
        for naam in _regios(data)["regio_naam"]  # legendavolgorde
        if naam in per_regio
    ]
    return data.sort("_rij").drop("_rij", "_vorige", "_gat", "_stuk"), onderbrekingen


GRAFIEKKOLOMMEN = (
    "regio_code",
    "regio_soort",
    "regio_naam",
    "regio_volgorde",
    "regio_kleur",
    "regio_vorm",
    "peiljaar",
    "peilmoment",
    "leeftijd",
    "waarde",
    "ondergrens",
    "bovengrens",
    "waarde_tekst",
    "ondergrens_tekst",
    "bovengrens_tekst",
    "decimalen",
    "eenheid",
    "reeks_id",
    "trendbreuk",
    "trendbreuk_reden",
    "bronfamilie",
)


def trendbreuken(data: pl.DataFrame) -> list[dict]:
    """Per trendbreuk in de getekende waarden: regio_naam, peiljaar, van en naar (bronfamilie ervoor en erna) en reden
    (trendbreuk_reden: 'herindeling per 1-1-2021'; None bij een wissel van bronfamilie)."""
    if "bronfamilie" not in data.columns:
        return [
            {"regio_naam": r["regio_naam"], "peiljaar": r["peiljaar"]}
            for r in data.filter(pl.col("trendbreuk")).iter_rows(named=True)
        ]
    plaats = {code: i for i, code in enumerate(_regios(data)["regio_code"])}  # legendavolgorde
    met_vorige = data.sort("peiljaar").with_columns(
        pl.col("bronfamilie").shift(1).over(["regio_code", "leeftijd"]).alias("vorige_bronfamilie")
    )
    breuken = [
        {
            "regio_naam": r["regio_naam"],
            "peiljaar": r["peiljaar"],
            "van": r["vorige_bronfamilie"],
            "naar": r["bronfamilie"],
            "reden": r.get("trendbreuk_reden"),  # een herindeling of gewijzigde afbakening (regio_breuken)
            "_plaats": plaats[r["regio_code"]],
        }
        for r in met_vorige.filter(pl.col("trendbreuk")).iter_rows(named=True)
    ]
    return [
        {k: v for k, v in b.items() if k != "_plaats"}
        for b in sorted(breuken, key=lambda b: (b["peiljaar"], b["_plaats"]))
    ]


def _eenheid(data: pl.DataFrame, eenheid: str) -> str:
    """De eenheid van de cijfers zelf (registry, kolom `eenheid`) als die er is, anders de meegegeven."""
    if "eenheid" in data.columns:
        eenheden = data["eenheid"].drop_nulls().unique().to_list()
        if len(eenheden) == 1:
            return eenheden[0]
    return eenheid


# Een jaartal als heel getal zonder scheidingsteken (2017, niet 2.017). Niet 'd': daarmee liet Vega-Lite in Streamlit
# een jaar uit `values` weg waar geen cijfer bij staat (2017, 2019 zonder 2018; vl-convert tekende het wel).
JAAR = ".0f"


# Ruimte in pixels tussen het eerste en laatste cijfer en de rand van het plotvlak: Vega rondt een as af op ronde
# getallen, en een laagste cijfer van precies 44 lag zo half op de x-as (eenzaam, GGD Noord- en Oost-Gelderland);
# het eerste en laatste jaar lagen op de linker- en rechterrand. De jaren op de x-as blijven precies de peiljaren
# (`x_as`: values), dus daar zonder afronden.
X_RUIMTE = {"padding": 14, "nice": False}
Y_RUIMTE = {"padding": 10}


def x_as(data: pl.DataFrame, stap_max: int = 2) -> alt.Axis:
    """Peiljaren als hele jaren: een streepje per jaar (of per `stap_max` jaar als er meer dan 12 zijn), nooit
    een half jaar dat als hetzelfde jaartal twee keer op de as staat."""
    if data.is_empty():
        return alt.Axis(format=JAAR, tickMinStep=1)
    eerste, laatste = int(data["peiljaar"].min()), int(data["peiljaar"].max())
    stap = 1 if laatste - eerste <= 12 else stap_max
    return alt.Axis(format=JAAR, values=list(range(eerste, laatste + 1, stap)))


def as_decimalen(data: pl.DataFrame, decimalen: int) -> int:
    """De decimalen van de y-as: de meeste van de getekende cijfers (kolom `decimalen`, marts/05), nooit meer dan
    die van de indicator; een as in '7,00' naast cijfers die als '4%' gepubliceerd zijn, beweert een precisie die er
    niet is."""
    if "decimalen" not in data.columns or data["decimalen"].drop_nulls().is_empty():
        return decimalen
    return min(decimalen, int(data["decimalen"].drop_nulls().max()))


def y_as(eenheid: str, decimalen: int) -> alt.Axis:
    return alt.Axis(title=eenheid, format=f",.{decimalen}f")


def _tooltip(eenheid: str, decimalen: int) -> list:
    return [
        alt.Tooltip("regio_naam:N", title="Regio"),
        alt.Tooltip("peilmoment:N", title="Peiljaar"),  # met de peildatum waar de bron die geeft
        alt.Tooltip("leeftijd:N", title="Leeftijd"),
        # als tekst uit `_grafiekwaarden`: elk cijfer met de decimalen van zijn bron
        alt.Tooltip("waarde_tekst:N", title=eenheid),
        alt.Tooltip("ondergrens_tekst:N", title="Ondergrens 95%"),
        alt.Tooltip("bovengrens_tekst:N", title="Bovengrens 95%"),
    ]


def kaderindicator_opties(rij: dict, regio: str) -> dict:
    """De opties van `trend` voor één kaderindicator (een rij van afgeleid.kader_indicatoren) van gemeente `regio`:
    dezelfde op de Kaderspagina en in de raadsrapportage. De nulmeting met de decimalen zoals het kader haar schreef
    (`teksten.nulmeting_decimalen`)."""
    from kompas import teksten

    return {
        "titel": f"{rij['indicator_naam']} — {regio}",
        "regio": regio,
        "eenheid": rij["eenheid"],
        "decimalen": rij["decimalen"] or 0,
        "nulmeting": {
            "jaar": rij["nulmeting_jaar"],
            "waarde": rij["nulmeting_waarde"],
            "decimalen": teksten.nulmeting_decimalen(rij),
        },
        "streefwaarden": rij["streefwaarden"],
    }


def trend(
    reeks: pl.DataFrame,
    *,
    titel: str,
    eenheid: str,
    decimalen: int = 1,
    nulmeting: dict | None = None,
    streefwaarden: list[dict] | None = None,
    ondertitel: str | None = None,
    regio: str | None = None,
    groep: pl.DataFrame | None = None,
) -> alt.LayerChart:
    """Trend per regio: lijn met markers, het 95%-interval, nulmeting en streefwaarde, en de band van een
    vergelijkingsgroep.

    `reeks` heeft kolommen regio_code, regio_soort, regio_naam, peiljaar, leeftijd, waarde, ondergrens,
    bovengrens, en uit de database in_grafiek, reeks_id, trendbreuk en bronfamilie (queries/pagina/reeks_indicator.sql).
    Alleen `in_grafiek`-rijen worden getekend; elke `reeks_id` is een eigen lijn, dus een andere leeftijdsgroep
    of bronfamilie wordt nooit verbonden, en ook niet over een jaar waarin de bron mat maar de regio geen cijfer
    heeft (`_onderbreek`). De y-as heeft de eenheid van de cijfers (kolom `eenheid`, de registry).
    `regio`: de regio waar de grafiek over gaat; de ondertitel zegt wat er werkelijk getekend is (`grafiek_ondertitel`).
    `nulmeting`: {'jaar', 'waarde'}; `streefwaarden`: rijen met jaar, soort, waarde, ondergrens, bovengrens, tekst.
    `groep`: de cijfers van één vergelijkingsgroep per peiljaar en leeftijd (`kompas.tabellen.groep_band`); alleen
    jaren met `band` (genoeg leden met een cijfer) worden getekend: de middelste helft (groep_q1 tot groep_q3) als
    grijs vlak en de mediaan als gestreepte grijze lijn, elk met een eigen legenda die de groep en n noemt.
    """
    waarden, onderbrekingen, weggelaten = _grafiekwaarden(reeks, eenheid, decimalen)
    as_dec = as_decimalen(reeks.filter(pl.col("waarde").is_not_null()), decimalen)
    data, schaal = _gestijld(waarden)
    eenheid = _eenheid(data, eenheid)
    # onder de grafiek, in kolommen: de grafiek houdt haar breedte (ook op een telefoon) en geen naam valt weg
    legenda = alt.Legend(
        title="Regio",
        symbolOpacity=1,
        symbolStrokeWidth=2.5,
        symbolSize=600,
        labelLimit=260,
        orient="bottom",
        # drie kolommen naast elkaar passen niet op een telefoon (de laatste naam viel buiten de grafiek): daar één
        columns=alt.ExprRef(f"width < {SMAL} ? 1 : 3"),
    )
    # De legenda komt uit één onzichtbare laag (`legenda_symbolen`) met vulling, lijnkleur, streep en symbool op
    # regio_naam: één legenda, ook in oudere Vega-Lite-versies die kanalen uit verschillende lagen niet samenvoegen.
    # Alles wat getekend wordt, neemt zijn stijl uit de kolommen van `_gestijld`, zonder schaal en zonder legenda.
    legenda_kanalen = {
        "fill": alt.Fill("regio_naam:N", scale=schaal["kleur"], legend=legenda),
        "stroke": alt.Stroke("regio_naam:N", scale=schaal["kleur"], legend=legenda),
        "strokeDash": alt.StrokeDash("regio_naam:N", scale=schaal["streep"], legend=legenda),
        "shape": alt.Shape("regio_naam:N", scale=schaal["legenda_vorm"], legend=legenda),
    }
    vulling = alt.Fill("stijl_kleur:N", scale=None)
    lijnkleur = alt.Stroke("stijl_kleur:N", scale=None)
    # de streep als schaal (een lijst als kolom komt via Arrow niet als lijst in de browser); de eigen schaal per
    # laag (resolve_scale hieronder) houdt legend=None hier buiten de legenda
    streep = alt.StrokeDash("regio_naam:N", scale=schaal["streep"], legend=None)
    vorm = alt.Shape("stijl_vorm:N", scale=None)
    rand = alt.Stroke("stijl_rand:N", scale=None)
    x = alt.X("peiljaar:Q", title="Peiljaar", axis=x_as(data), scale=alt.Scale(zero=False, **X_RUIMTE))
    y = alt.Y("waarde:Q", axis=y_as(eenheid, as_dec), scale=alt.Scale(zero=False, **Y_RUIMTE))
    basis = alt.Chart(data)
    met_interval = basis.transform_filter("isValid(datum.ondergrens) && isValid(datum.bovengrens)")

    # fillOpacity/strokeOpacity, niet opacity: Vega-Lite neemt `opacity` van een laag over in de legendasymbolen
    interval_band = met_interval.mark_area(fillOpacity=0.15).encode(
        x=x,
        y=alt.Y("ondergrens:Q", axis=y_as(eenheid, as_dec)),
        y2="bovengrens:Q",
        fill=vulling,
        detail="reeks_id:N",
    )
    interval_streep = met_interval.mark_rule(strokeOpacity=0.7, strokeWidth=1.5).encode(
        x=x, y="ondergrens:Q", y2="bovengrens:Q", stroke=lijnkleur
    )
    regio_lijnen = basis.mark_line(strokeWidth=2.5).encode(
        x=x, y=y, stroke=lijnkleur, strokeDash=streep, detail="reeks_id:N", order="peiljaar:Q"
    )
    regio_punten = basis.mark_point(filled=True, size=90, opacity=1, strokeWidth=1.5).encode(
        x=x, y=y, fill=vulling, shape=vorm, stroke=rand, tooltip=_tooltip(eenheid, decimalen)
    )
    # tekent niets (geen rijen), maar geeft de legenda: het domein van de schalen is vast, dus elke regio staat erin
    legenda_symbolen = basis.transform_filter("false").mark_point(filled=True).encode(x=x, y=y, **legenda_kanalen)
    lagen: list[alt.Chart] = [interval_band, interval_streep, regio_lijnen, regio_punten, legenda_symbolen]
    groepslagen, groep_legendas = _groepslagen(groep, data, x, eenheid, decimalen)
    lagen = groepslagen + lagen  # onder de lijnen van de regio's

    breuken = trendbreuken(data)

    if nulmeting and nulmeting.get("waarde") is not None and nulmeting.get("jaar") is not None:
        nul = pl.DataFrame(
            {
                "peiljaar": [nulmeting["jaar"]],
                "waarde": [float(nulmeting["waarde"])],
                "label": [f"nulmeting {nulmeting['jaar']}"],
            }
        )
        nulmeting_punt = (
            alt.Chart(nul)
            .mark_point(shape="square", size=120, filled=False, color="#333333")
            .encode(
                x=x,
                y=y,
                tooltip=[
                    alt.Tooltip("label:N", title="Nulmeting"),
                    alt.Tooltip("waarde:Q", title=eenheid, format=f",.{nulmeting.get('decimalen', decimalen)}f"),
                ],
            )
        )
        nulmeting_tekst = (
            alt.Chart(nul).mark_text(dy=-12, fontSize=11, color="#333333").encode(x=x, y=y, text="label:N")
        )
        lagen += [nulmeting_punt, nulmeting_tekst]

    punten = [s for s in (streefwaarden or []) if s.get("soort") in ("punt", "minimaal", "maximaal") and s.get("jaar")]
    if punten:
        vorm_streef = {"punt": "diamond", "minimaal": "triangle-up", "maximaal": "triangle-down"}
        sw = pl.DataFrame(
            {
                "peiljaar": [s["jaar"] for s in punten],
                "waarde": [float(s["waarde"]) for s in punten],
                "vorm": [vorm_streef[s["soort"]] for s in punten],
                "tekst": [s.get("tekst") or "" for s in punten],
            }
        )
        streef_punten = (
            alt.Chart(sw)
            .mark_point(size=140, filled=True, color="#D55E00")
            .encode(
                x=x,
                y=y,
                shape=alt.Shape("vorm:N", scale=None),
                tooltip=[
                    alt.Tooltip("peiljaar:Q", title="Jaar", format=JAAR),
                    alt.Tooltip("tekst:N", title="Streefwaarde"),
                ],
            )
        )
        lagen.append(streef_punten)
    banden = [s for s in (streefwaarden or []) if s.get("soort") == "band" and s.get("jaar")]
    if banden:
        sb = pl.DataFrame(
            {
                "peiljaar": [s["jaar"] for s in banden],
                "ondergrens": [float(s["ondergrens"]) for s in banden],
                "bovengrens": [float(s["bovengrens"]) for s in banden],
                "tekst": [s.get("tekst") or "" for s in banden],
            }
        )
        streef_band = (
            alt.Chart(sb)
            .mark_rule(strokeWidth=8, strokeOpacity=0.5, color="#D55E00")
            .encode(
                x=x, y=alt.Y("ondergrens:Q"), y2="bovengrens:Q", tooltip=[alt.Tooltip("tekst:N", title="Streefwaarde")]
            )
        )
        lagen.append(streef_band)
    zonder_jaar = [
        s
        for s in (streefwaarden or [])
        if not s.get("jaar") and s.get("waarde") is not None and s.get("soort") in ("punt", "minimaal", "maximaal")
    ]
    if zonder_jaar:
        sz = pl.DataFrame(
            {"waarde": [float(s["waarde"]) for s in zonder_jaar], "tekst": [s.get("tekst") or "" for s in zonder_jaar]}
        )
        streef_lijn = (
            alt.Chart(sz)
            .mark_rule(strokeDash=[6, 4], color="#D55E00")
            .encode(y="waarde:Q", tooltip=[alt.Tooltip("tekst:N", title="Streefwaarde")])
        )
        lagen.append(streef_lijn)

    if breuken:
        lagen += _breuklagen(sorted({b["peiljaar"] for b in breuken}), x, y, data, groep, nulmeting, streefwaarden)

    regels = grafiek_ondertitel(
        regio,
        _regios(data)["regio_naam"].to_list(),
        breuken,
        data["leeftijd"].unique(maintain_order=True).to_list(),
        onderbrekingen=onderbrekingen,
        weggelaten=weggelaten,
    )
    kop = _kop(titel, regels + ([ondertitel] if ondertitel else []))
    # Eigen schalen per laag voor de stijlkanalen: anders voegt Vega-Lite (6.5, in Streamlit) de schaal zonder
    # domein (scale=None) van de getekende lagen samen met die van de legendalaag, en valt de legenda uiteen in vier.
    onafhankelijk = dict.fromkeys(("fill", "stroke", "shape", "strokeDash"), "independent")
    # Streamlit past de hele grafiek (titel, legenda onder, assen) in `height` (autosize fit): de hoogte groeit
    # met de regels van de legenda en de ondertitel, zodat het plotvlak zelf ongeveer 250 px houdt
    # (gerekend met de regiolegenda in één kolom, zoals op een telefoon; op een breed scherm, drie kolommen, wordt het
    # plotvlak daardoor hoger)
    legendaregels = _regios(data).height + groep_legendas
    hoogte = 330 + 26 * legendaregels + 16 * len(_korte_regels(kop.subtitle or []))  # op een telefoon: de meeste regels
    return alt.layer(*lagen).resolve_scale(**onafhankelijk).properties(title=kop, height=hoogte)


# Vega breekt een titel niet af maar kapt hem af met '…' waar de grafiek ophoudt: op een telefoon (390 px, een
# plotvlak van ~300 px) viel zo de helft van een trendbreuk of onderbroken lijn weg. Gemeten in Chromium op 390 px:
# ~50 tekens ondertitel en ~36 tekens titel passen. Op een breder plotvlak passen er naar verhouding meer (~6,5 px per
# teken); daar staat de ondertitel in langere regels (ONDERTITEL_BREED), niet als smalle kolom boven een brede grafiek.
ONDERTITEL_TEKENS = 46
TITEL_TEKENS_SMAL = 32
SMAL = 500  # px plotvlak (het Vega-signaal `width`): daaronder de titel in regels van TITEL_TEKENS_SMAL
ONDERTITEL_BREED = ((800, 76), (None, 120))  # (plotvlak smaller dan px, tekens per regel); vanaf SMAL px


def _regels(tekst: str, tekens: int) -> list[str]:
    return textwrap.wrap(tekst, tekens, break_long_words=False, break_on_hyphens=False) or [tekst]


def _korte_regels(regels: list[str] | str, tekens: int = ONDERTITEL_TEKENS) -> list[str] | str:
    """De regels van een ondertitel in regels van hoogstens `tekens` tekens (een woord wordt niet gebroken);
    '' zonder regels."""
    return [
        kort for regel in ([regels] if isinstance(regels, str) else regels) for kort in _regels(regel, tekens)
    ] or ""


def _titel_tekst(titel: str) -> str | dict:
    """Een titel die op een smalle grafiek niet past: een Vega-expressie op `width` die hem daar in regels zet en op
    een brede grafiek (het scherm, de raadsrapportage) op één regel laat."""
    smal = _regels(titel, TITEL_TEKENS_SMAL)
    if len(smal) == 1:
        return titel
    return {
        "expr": f"width < {SMAL} ? {json.dumps(smal, ensure_ascii=False)} : {json.dumps(titel, ensure_ascii=False)}"
    }


def _ondertitel_tekst(regels: list[str] | str) -> list[str] | str | dict:
    """De ondertitel naar de breedte van het plotvlak (het Vega-signaal `width`): onder SMAL px in regels van
    ONDERTITEL_TEKENS tekens (een telefoon), daarboven in de langere regels van ONDERTITEL_BREED. Past elke regel op
    een telefoon, dan gewoon de regels."""
    kort = _korte_regels(regels)
    treden = [(SMAL, kort)] + [(grens, _korte_regels(regels, tekens)) for grens, tekens in ONDERTITEL_BREED]
    if all(r == kort for _, r in treden):
        return kort
    uitdrukking = json.dumps(treden[-1][1], ensure_ascii=False)
    for grens, r in reversed(treden[:-1]):
        uitdrukking = f"width < {grens} ? {json.dumps(r, ensure_ascii=False)} : {uitdrukking}"
    return {"expr": uitdrukking}


def _kop(titel: str, ondertitel: list[str]) -> alt.TitleParams:
    """De titel en ondertitel van een grafiek of kaart, zo dat op een telefoon geen regel wordt afgekapt. De ondertitel
    staat hier als de regels zelf (een geldige Vega-Lite-specificatie); `weergave_spec` zet ze in regels naar de
    breedte van de grafiek (`_ondertitel_tekst`)."""
    return alt.TitleParams(text=_titel_tekst(titel), subtitle=ondertitel or "", anchor="start")


GROEP_VLAK = "#BBBBBB"  # neutraal grijs: geen kleur van een gemeente (Okabe-Ito) en geen streefwaarde (oranje)
GROEP_LIJN = "#555555"  # 7,5:1 tegen wit


# Het label 'trendbreuk' staat verticaal langs de streep (breuken in opeenvolgende jaren staan zo niet over elkaar).
# Boven langs de streep viel het over een cijfer dat dat jaar bovenaan stond (problematische schulden, Dronten:
# Nederland 2023 en 2024). Nu midden in het grootste lege stuk van de streep, in de eenheid van de y-as: zo blijft
# het, bij elke hoogte van het plotvlak, zo ver mogelijk van wat dat jaar getekend is.
MARKER_PX = 8  # een halve marker (size 90) met marge
PLOTVLAK_PX = 150  # het kleinste plotvlak: een grafiek op een telefoon (390 px), gemeten in Chromium


NULMETING_TEKST_PX = 20  # de tekst 'nulmeting 2017' boven haar vierkantje (dy -12, 11 px letters)


def _bezet_per_jaar(
    data: pl.DataFrame, nulmeting: dict | None, streefwaarden: list[dict] | None
) -> tuple[dict[int, list[tuple[float, float, int]]], list[float]]:
    """Wat in elk jaar op de y-as getekend is, als stukken (van, tot, px erboven) in de eenheid van de as: een marker
    is een punt, een interval of streefband een stuk; de nulmeting heeft haar tekst erboven. En alle getekende
    y-waarden (voor het bereik van de as)."""
    bezet: dict[int, list[tuple[float, float, int]]] = {}
    for r in data.select("peiljaar", "waarde", "ondergrens", "bovengrens").iter_rows(named=True):
        bezet.setdefault(r["peiljaar"], []).append((r["waarde"], r["waarde"], 0))
        if r["ondergrens"] is not None and r["bovengrens"] is not None:
            bezet[r["peiljaar"]].append((r["ondergrens"], r["bovengrens"], 0))
    for s, boven in [(nulmeting or {}, NULMETING_TEKST_PX), *((s, 0) for s in streefwaarden or [])]:
        if not s.get("jaar"):
            continue
        for van, tot in ((s.get("waarde"), s.get("waarde")), (s.get("ondergrens"), s.get("bovengrens"))):
            if van is not None and tot is not None:
                bezet.setdefault(s["jaar"], []).append((float(van), float(tot), boven))
    waarden = [w for stukken in bezet.values() for van, tot, _ in stukken for w in (van, tot)]
    waarden += [float(s["waarde"]) for s in streefwaarden or [] if s.get("waarde") is not None]
    return bezet, waarden


def breuklabel_plekken(
    jaren: list[int], bezet: dict[int, list[tuple[float, float, int]]], laagste: float, hoogste: float
) -> list[tuple[int, float]]:
    """Waar het label van elke trendbreuk komt, als (jaar, waarde op de y-as): midden in het grootste lege stuk
    tussen `laagste` en `hoogste` (het bereik van wat getekend is) dat dat jaar overlaat; een marker telt als een
    stuk van 2 x MARKER_PX op het kleinste plotvlak, een tekst erboven (px) komt daar bij."""
    plekken = []
    pixel = (hoogste - laagste) / PLOTVLAK_PX
    for jaar in jaren:
        gaten, vorige = [], laagste
        stukken = (
            (van - MARKER_PX * pixel, tot + (MARKER_PX + boven) * pixel) for van, tot, boven in bezet.get(jaar, [])
        )
        for van, tot in sorted(stukken):
            if van > vorige:
                gaten.append((vorige, van))
            vorige = max(vorige, tot)
        gaten.append((vorige, max(vorige, hoogste)))
        van, tot = max(gaten, key=lambda g: g[1] - g[0])
        plekken.append((jaar, (van + tot) / 2))
    return plekken


def _breuklagen(
    jaren: list[int],
    x: alt.X,
    y: alt.Y,
    data: pl.DataFrame,
    groep: pl.DataFrame | None,
    nulmeting: dict | None,
    streefwaarden: list[dict] | None,
) -> list[alt.Chart]:
    """De gestippelde streep in elk jaar van een trendbreuk en het label 'trendbreuk' (`breuklabel_plekken`)."""
    bezet, waarden = _bezet_per_jaar(data, nulmeting, streefwaarden)
    if groep is not None and not groep.is_empty():  # de band telt mee voor het bereik van de as
        band = groep.filter(pl.col("band"))
        waarden += band["groep_q1"].drop_nulls().to_list() + band["groep_q3"].drop_nulls().to_list()
    laagste, hoogste = min(waarden, default=0.0), max(waarden, default=0.0)
    lagen = [alt.Chart(pl.DataFrame({"peiljaar": jaren})).mark_rule(strokeDash=[2, 3], color="#4D4D4D").encode(x=x)]
    tekst = {"angle": 270, "baseline": "bottom", "dx": -2, "fontSize": 11, "color": "#333333"}
    if hoogste <= laagste:  # alles op één hoogte: dan is boven langs de streep vrij
        labels = alt.Chart(pl.DataFrame({"peiljaar": jaren, "label": ["trendbreuk"] * len(jaren)}))
        return [*lagen, labels.mark_text(align="right", y=2, **tekst).encode(x=x, text="label:N")]
    plekken = breuklabel_plekken(jaren, bezet, laagste, hoogste)
    labels = pl.DataFrame(plekken, schema={"peiljaar": pl.Int64, "waarde": pl.Float64}, orient="row")
    lagen.append(
        alt.Chart(labels.with_columns(label=pl.lit("trendbreuk")))
        .mark_text(align="center", **tekst)
        .encode(x=x, y=y, text="label:N")
    )
    return lagen


def _groepslagen(
    groep: pl.DataFrame | None, data: pl.DataFrame, x: alt.X, eenheid: str, decimalen: int, kort: bool = False
) -> tuple[list[alt.Chart], int]:
    """De band van een vergelijkingsgroep (zie `trend`): lagen en het aantal legendaregels dat ze toevoegen.
    Alleen de leeftijdsgroepen die de grafiek zelf toont; elke leeftijdsgroep een eigen vlak (detail).
    `kort`: voor een smal paneel (kleine veelvouden) een korte legenda ('Groep (n = 6)'); de naam van de groep
    staat dan in de ondertitel boven de panelen (`groep_regel`)."""
    from kompas import teksten

    if groep is None or groep.is_empty():
        return [], 0
    # een jaar zonder band (te weinig leden met een cijfer) onderbreekt vlak en mediaan: geen lijn over dat jaar heen
    getekend = (
        groep.filter(pl.col("leeftijd").is_in(data["leeftijd"].unique().to_list()))
        .sort("leeftijd", "peiljaar")
        .with_columns(
            pl.concat_str(
                pl.col("leeftijd"), pl.lit(" | "), (~pl.col("band")).cast(pl.Int32).cum_sum().over("leeftijd")
            ).alias("groep_lijn")
        )
        .filter(pl.col("band"))
    )
    if getekend.is_empty():
        return [], 0
    getekend_aantallen = getekend["groep_aantal"].to_list()
    namen = getekend["groep_naam"].unique(maintain_order=True).to_list()
    # een gemeente die in de loop van de jaren van grootteklasse wisselt: elk jaar de eigen klasse
    naam = namen[0] if len(namen) == 1 else "gemeenten van dezelfde grootte (CBS-grootteklasse van dat jaar)"
    getekend = getekend.with_columns(
        pl.concat_str(
            pl.col("groep_naam"), pl.lit(" ("), pl.col("groep_aantal").cast(pl.String), pl.lit(" met een cijfer)")
        ).alias("groep_tekst"),
    ).select("peiljaar", "leeftijd", "groep_lijn", "groep_q1", "groep_q3", "groep_mediaan", "groep_tekst")
    basis = alt.Chart(getekend)
    tooltip = [
        alt.Tooltip("groep_tekst:N", title="Vergelijkingsgroep"),
        alt.Tooltip("peiljaar:Q", title="Peiljaar", format=JAAR),
        alt.Tooltip("leeftijd:N", title="Leeftijd"),
        alt.Tooltip("groep_mediaan:Q", title=f"Mediaan ({eenheid})", format=f",.{decimalen}f"),
        alt.Tooltip("groep_q1:Q", title="25%", format=f",.{decimalen}f"),
        alt.Tooltip("groep_q3:Q", title="75%", format=f",.{decimalen}f"),
    ]
    groep_vlak = basis.mark_area(fillOpacity=0.4, color=GROEP_VLAK).encode(
        x=x,
        y=alt.Y("groep_q1:Q", axis=y_as(eenheid, as_decimalen(data, decimalen))),
        y2="groep_q3:Q",
        detail="groep_lijn:N",
        tooltip=tooltip,
    )
    groep_mediaan = basis.mark_line(strokeWidth=2, strokeDash=[6, 3], color=GROEP_LIJN).encode(
        x=x,
        y=alt.Y("groep_mediaan:Q", axis=y_as(eenheid, as_decimalen(data, decimalen))),
        detail="groep_lijn:N",
        order="peiljaar:Q",
        tooltip=tooltip,
    )
    # één eigen legenda boven de grafiek (de regio's staan eronder): de groep met n als titel, vlak en mediaan als
    # regels; uit een laag zonder rijen met een vast domein, zoals de regiolegenda (zie `trend`)
    delen = list(teksten.GROEP_LEGENDA_KORT if kort else teksten.GROEP_LEGENDA)
    legenda = alt.Legend(
        title=teksten.groep_legenda_titel("groep" if kort else naam, getekend_aantallen),
        orient="top",
        direction="vertical",
        titleLimit=700,
        labelLimit=700,
        symbolOpacity=1,
        symbolStrokeWidth=2,
        symbolSize=400,
    )
    groep_legenda = (
        basis.transform_filter("false")
        .mark_point(filled=True)
        .encode(
            x=x,
            y=alt.Y("groep_mediaan:Q"),
            fill=alt.Fill(
                "groep_deel:N", scale=alt.Scale(domain=delen, range=[GROEP_VLAK, GROEP_LIJN]), legend=legenda
            ),
            stroke=alt.Stroke(
                "groep_deel:N", scale=alt.Scale(domain=delen, range=[GROEP_VLAK, GROEP_LIJN]), legend=legenda
            ),
            shape=alt.Shape("groep_deel:N", scale=alt.Scale(domain=delen, range=["square", "stroke"]), legend=legenda),
            strokeDash=alt.StrokeDash(
                "groep_deel:N", scale=alt.Scale(domain=delen, range=[[1, 0], [6, 3]]), legend=legenda
            ),
        )
    )
    return [groep_vlak, groep_mediaan, groep_legenda], 2 + len(legenda.title)


def kleine_veelvouden(
    waarden: pl.DataFrame,
    *,
    titel: str,
    eenheid: str,
    decimalen: int = 1,
    regios: list[str] | None = None,
    groep: pl.DataFrame | None = None,
) -> dict:
    """Eén paneel per regio, met dezelfde schaal en dezelfde stijl per regio als op elke pagina.

    Geeft {'titel', 'ondertitel' (regels: elke trendbreuk), 'panelen': [(regio_naam, alt.LayerChart)]}: losse
    grafieken van vaste breedte, zodat de pagina ze laat doorlopen op een volgende rij zodra het scherm smaller
    is (een Vega-facet heeft een vast aantal kolommen en steekt op een telefoon buiten beeld). De schaal is
    gedeeld doordat elk paneel hetzelfde domein (x en y, met de intervalgrenzen) krijgt.
    `waarden` heeft de kolommen van `trend`. Binnen een paneel is de streep de leeftijdsgroep; elke `reeks_id`
    is een eigen lijn (geen lijn over een trendbreuk). `regios`: de namen van de gekozen regio's; wie daarvan geen
    waarde heeft (en dus geen paneel), noemt de ondertitel: 'Geen gegevens voor Raalte'.
    `groep`: de band van een vergelijkingsgroep zoals bij `trend`, met `voor_gemeente` per gemeente haar eigen groep
    (zonder die kolom: dezelfde groep in elk paneel); `extra_hoogte` in de uitkomst: per paneel wat de legenda van
    de band erbij vraagt, zodat elk plotvlak even hoog blijft (dezelfde schaal).
    """
    getekend, onderbrekingen, weggelaten = _grafiekwaarden(waarden, eenheid, decimalen)
    as_dec = as_decimalen(waarden.filter(pl.col("waarde").is_not_null()), decimalen)
    data, _ = _gestijld(getekend)
    eenheid = _eenheid(data, eenheid)
    banden = groep.filter(pl.col("band")) if groep is not None and not groep.is_empty() else None
    grenzen = pl.concat([data["waarde"], data["ondergrens"].drop_nulls(), data["bovengrens"].drop_nulls()])
    if banden is not None:
        grenzen = pl.concat([grenzen, banden["groep_q1"], banden["groep_q3"]])
    y_domein = [float(grenzen.min()), float(grenzen.max())] if not grenzen.is_empty() else None
    x_domein = [int(data["peiljaar"].min()), int(data["peiljaar"].max())] if not data.is_empty() else None
    lijnkleur = alt.Stroke("stijl_kleur:N", scale=None)
    vulling = alt.Fill("stijl_kleur:N", scale=None)
    vorm = alt.Shape("stijl_vorm:N", scale=None)
    rand = alt.Stroke("stijl_rand:N", scale=None)
    leeftijd = alt.StrokeDash(
        "leeftijd:N", title="Leeftijd", legend=alt.Legend(symbolOpacity=1, symbolStrokeWidth=2, orient="bottom")
    )
    x = alt.X(
        "peiljaar:Q", title="Peiljaar", axis=x_as(data, 4), scale=alt.Scale(zero=False, domain=x_domein, **X_RUIMTE)
    )
    y = alt.Y("waarde:Q", axis=y_as(eenheid, as_dec), scale=alt.Scale(zero=False, domain=y_domein, **Y_RUIMTE))
    from kompas import teksten

    panelen = []
    extra_hoogte: dict[str, int] = {}
    groepregels: list[str] = []
    for regio_code, regio_naam in _regios(data).select("regio_code", "regio_naam").iter_rows():
        paneel_data = data.filter(pl.col("regio_naam") == regio_naam)
        paneel = alt.Chart(paneel_data)
        paneel_groep = banden
        if banden is not None and "voor_gemeente" in banden.columns:
            paneel_groep = banden.filter(pl.col("voor_gemeente") == regio_code)
        groepslagen, regels = _groepslagen(paneel_groep, paneel_data, x, eenheid, decimalen, kort=True)
        extra_hoogte[regio_naam] = 34 * regels  # gemeten in Chromium: regels plus de ruimte tot het plotvlak
        if groepslagen:
            groepregels.append(
                teksten.groep_regel(regio_naam, paneel_groep, paneel_data["leeftijd"].unique().to_list())
            )
        paneel_lijnen = paneel.mark_line(strokeWidth=2).encode(
            x=x, y=y, stroke=lijnkleur, strokeDash=leeftijd, detail="reeks_id:N", order="peiljaar:Q"
        )
        paneel_punten = paneel.mark_point(filled=True, size=60, opacity=1, strokeWidth=1.2).encode(
            x=x, y=y, fill=vulling, shape=vorm, stroke=rand, tooltip=_tooltip(eenheid, decimalen)
        )
        paneel_interval = (
            paneel.transform_filter("isValid(datum.ondergrens) && isValid(datum.bovengrens)")
            .mark_rule(strokeOpacity=0.6)
            .encode(x=x, y="ondergrens:Q", y2="bovengrens:Q", stroke=lijnkleur)
        )
        panelen.append(
            (
                regio_naam,
                alt.layer(*groepslagen, paneel_interval, paneel_lijnen, paneel_punten)
                .resolve_scale(**dict.fromkeys(("fill", "stroke", "shape", "strokeDash"), "independent"))
                .properties(width=200, height=160, title=alt.TitleParams(regio_naam, anchor="start")),
            )
        )
    zonder = [naam for naam in regios or [] if naam not in {naam for naam, _ in panelen}]
    return {
        "titel": titel,
        "ondertitel": grafiek_ondertitel(
            None,
            [],
            trendbreuken(data),
            zonder_gegevens=zonder,
            onderbrekingen=onderbrekingen,
            weggelaten=weggelaten,
        )
        + groepregels,
        "panelen": panelen,
        "extra_hoogte": extra_hoogte,
    }


def voor_weergave(grafiek: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """Past de Nederlandse locale één keer toe, vlak voor het tonen, en haalt de losse punten, lijnen en banden uit
    de toegankelijkheidsboom (`aria = false` per markering).

    Vega geeft anders elke groep markeringen een rol 'graphics-symbol', ook een lege laag (een streefwaarde die
    er niet is, de legendalaag) zonder naam: axe meldt dat als ernstig (svg-img-alt), en een schermlezer leest
    een rij naamloze symbolen voor. De grafiek als geheel heeft een naam (`alt`, kompas.weergave.grafiek) en de
    cijfers staan in de tabel eronder; de assen en de legenda houden hun eigen labels.
    """
    # per markering, niet `mark`: die geldt ook voor de buitenste groep, en dan verliest de grafiek zelf
    # haar rol en naam ('graphics-document', aria-label uit `alt`)
    geen_aria = {
        f"configure_{markering}": {"aria": False}
        for markering in ("line", "point", "rule", "area", "text", "square", "geoshape")
    }
    grafiek = grafiek.configure(locale=VEGA_LOCALE)
    for methode, opties in geen_aria.items():
        grafiek = getattr(grafiek, methode)(**opties)
    return grafiek


def weergave_spec(grafiek: alt.TopLevelMixin) -> dict:
    """De Vega-Lite-specificatie zoals ze getoond wordt (de pagina's, de raadsrapportage): `voor_weergave`, zonder
    schemavalidatie bij elke weergave (~25 ms per grafiek; tests/test_grafieken.py valideert de specificaties), en de
    ondertitel in regels naar de breedte van de grafiek (`_ondertitel_tekst`). Vega-Lite zet een expressie in elke
    titeleigenschap om in een Vega-signaal, ook in de ondertitel, al noemt zijn schema dat daar niet; daarom pas hier."""
    spec = voor_weergave(grafiek).to_dict(validate=False)
    titel = spec.get("title")
    if isinstance(titel, dict) and titel.get("subtitle"):
        titel["subtitle"] = _ondertitel_tekst(titel["subtitle"])
    return spec


# --- kaarten: gemeenten van Nederland en de wijken van een gemeente ---------------------------------------------
#
# De geometrie (data/geo/, zie de README daar: CBS/PDOK, bewerkt door cartomap) staat in de specificatie zelf
# (inline `values`, nooit een URL): de browser haalt niets bij een andere host. De waarden komen er met een
# lookup op de regiocode bij. Een regio zonder waarde staat in een eigen grijze laag met 'geen gegevens' in legenda
# en tooltip, nooit als kleur van de schaal. De schaal is sequentieel ('blues', goed te lezen bij kleurenblindheid).

GEO = DATA / "geo"
GEMEENTEN_GEO = GEO / "gemeenten_2024.topojson"
WIJKEN_GEO = GEO / "wijken_2024_dalfsen_bronckhorst_dronten.geojson"
GEEN_GEGEVENS = "geen gegevens"
GEEN_GEGEVENS_KLEUR = "#BDBDBD"
KAART_SCHEMA = "blues"
KAART_BRON = "Kaart: CBS/PDOK, bewerkt door cartomap (cartomap/nl), gebiedsindeling 2024"


@functools.lru_cache(maxsize=1)
def gemeente_topologie() -> dict:
    """De TopoJSON van de 342 gemeenten van 2024 (object `gemeente_2024`, eigenschap `statcode` = GM-code)."""
    return json.loads(GEMEENTEN_GEO.read_text(encoding="utf-8"))


def _oppervlak_teken(ring: list) -> float:
    """Tweemaal de oppervlakte met teken (schoenveterformule, lengte als x): positief is tegen de klok in."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:]))


def _voor_d3(geometrie: dict) -> dict:
    """Draait de ringen zoals d3-geo (Vega) ze verwacht: buitenring met de klok mee, gaten ertegenin.

    GeoJSON (RFC 7946) schrijft het omgekeerde voor; d3 leest een buitenring tegen de klok in als 'de hele wereld
    behalve deze wijk' en tekent dan een vlak over de hele kaart."""

    def veelhoek(ringen: list) -> list:
        return [ring[::-1] if (_oppervlak_teken(ring) > 0) == (i == 0) else ring for i, ring in enumerate(ringen)]

    if geometrie["type"] == "Polygon":
        return {**geometrie, "coordinates": veelhoek(geometrie["coordinates"])}
    return {**geometrie, "coordinates": [veelhoek(v) for v in geometrie["coordinates"]]}


@functools.lru_cache(maxsize=1)
def _wijkvormen() -> dict:
    vormen = json.loads(WIJKEN_GEO.read_text(encoding="utf-8"))
    return {**vormen, "features": [{**f, "geometry": _voor_d3(f["geometry"])} for f in vormen["features"]]}


def wijkvormen(gemeente_code: str) -> list[dict]:
    """De GeoJSON-features van de wijken van één gemeente (eigenschappen code, naam, gemeente_code)."""
    return [f for f in _wijkvormen()["features"] if f["properties"]["gemeente_code"] == gemeente_code]


def _kaartlagen(
    vormen: alt.InlineData,
    sleutel: str,
    naam: str,
    waarden: pl.DataFrame,
    *,
    titel: str,
    eenheid: str,
    decimalen: int,
    regio: str,
    codes: Sequence[str],
    omlijnd: Sequence[str] | None = None,
) -> list[alt.Chart]:
    """De gekleurde laag (regio's met een waarde) en de grijze laag (zonder), elk met Nederlandse tooltip. `codes`:
    de regio's van de kaart; heeft elk een waarde, dan geen grijze laag (en geen 'geen gegevens' in de legenda).
    `omlijnd`: de regio's die dik omlijnd worden, in een laag erbovenop met dezelfde tooltip (Vega vult de omlijning
    doorzichtig, dus zij vangt de muis: zonder tooltip toonde een omlijnde regio haar cijfer nooit).
    De tooltip toont elk cijfer met zijn eigen decimalen (als tekst: `eigen_decimalen`), de legenda de meeste van de
    getekende cijfers (`as_decimalen`, zoals de y-as van een trend): '4%' wordt nooit '4,00'."""
    met_waarde = waarden.filter(pl.col("waarde").is_not_null())
    teksten = [getal(w, d) for w, d in zip(met_waarde["waarde"], eigen_decimalen(met_waarde, decimalen), strict=True)]
    rijen = met_waarde.select(
        pl.col("regio_code"),
        pl.col("regio_naam"),
        pl.col("waarde"),
        pl.Series("waarde_tekst", teksten, pl.String),
        pl.col("peiljaar").cast(pl.Int64),
    ).to_dicts()
    opzoeken = alt.LookupData(
        data=alt.InlineData(values=rijen), key="regio_code", fields=["regio_naam", "waarde", "waarde_tekst", "peiljaar"]
    )
    legenda_decimalen = as_decimalen(met_waarde, decimalen)
    basis = (
        alt.Chart(vormen)
        .transform_lookup(lookup=sleutel, from_=opzoeken)
        .transform_calculate(naam=f"isValid(datum.regio_naam) ? datum.regio_naam : {naam}")
    )
    gekleurd = (
        basis.transform_filter("isValid(datum.waarde)")
        .mark_geoshape(stroke="#FFFFFF", strokeWidth=0.4)
        .encode(
            fill=alt.Fill(
                "waarde:Q",
                scale=alt.Scale(scheme=KAART_SCHEMA),
                legend=alt.Legend(title=eenheid, format=f",.{legenda_decimalen}f", orient="bottom"),
            ),
            tooltip=[alt.Tooltip("naam:N", title=regio), alt.Tooltip("waarde_tekst:N", title=eenheid)],
        )
    )
    grijs = (
        basis.transform_filter("!isValid(datum.waarde)")
        .transform_calculate(waarde_tekst=f"'{GEEN_GEGEVENS}'")
        .mark_geoshape(stroke="#FFFFFF", strokeWidth=0.4)
        .encode(
            fill=alt.Fill(
                "waarde_tekst:N",
                scale=alt.Scale(domain=[GEEN_GEGEVENS], range=[GEEN_GEGEVENS_KLEUR]),
                legend=alt.Legend(title=None, orient="bottom", symbolType="square", symbolSize=200, symbolOpacity=1),
            ),
            tooltip=[alt.Tooltip("naam:N", title=regio), alt.Tooltip("waarde_tekst:N", title=eenheid)],
        )
    )
    # zonder enige waarde geen kleurschaal (een lege legenda toont anders 'NaN')
    if met_waarde.is_empty():
        lagen = [grijs]
    else:
        lagen = [gekleurd] if set(met_waarde["regio_code"].to_list()).issuperset(codes) else [grijs, gekleurd]
    if omlijnd is not None:
        lijst = ", ".join(f"'{c}'" for c in omlijnd)
        omlijning = (
            basis.transform_filter(f"indexof([{lijst}], datum.{sleutel}) >= 0")
            .transform_calculate(waarde_tekst=f"isValid(datum.waarde_tekst) ? datum.waarde_tekst : '{GEEN_GEGEVENS}'")
            .mark_geoshape(filled=False, stroke="#000000", strokeWidth=2.5)
            .encode(tooltip=[alt.Tooltip("naam:N", title=regio), alt.Tooltip("waarde_tekst:N", title=eenheid)])
        )
        lagen.append(omlijning)
    return lagen


def gemeentekaart(
    waarden: pl.DataFrame,
    *,
    titel: str,
    eenheid: str,
    decimalen: int = 1,
    focus: Sequence[str] = (),
) -> alt.LayerChart:
    """Kaart van alle 342 gemeenten (2024) met de waarde van één indicator en één jaar.

    `waarden`: één rij per gemeente met regio_code, regio_naam, waarde, peiljaar (queries/pagina/kaartwaarden.sql);
    een gemeente zonder rij is grijs met 'geen gegevens'. `focus`: de GM-codes van de gemeenten van het kompas
    (regiosoort 'gemeente' in `regio`), dik omlijnd.
    """
    vormen = alt.InlineData(
        values=gemeente_topologie(), format=alt.DataFormat(type="topojson", feature="gemeente_2024")
    )
    lagen = _kaartlagen(
        vormen,
        "properties.statcode",
        "datum.properties.statnaam",
        waarden,
        titel=titel,
        eenheid=eenheid,
        decimalen=decimalen,
        regio="Gemeente",
        codes=[v["properties"]["statcode"] for v in gemeente_topologie()["objects"]["gemeente_2024"]["geometries"]],
        omlijnd=focus,
    )
    kop = _kop(titel, [KAART_BRON])
    return (
        alt.layer(*lagen)
        .resolve_scale(fill="independent")
        .project(type="mercator")
        .properties(title=kop, width="container", height=600)
    )


def wijkkaart(
    waarden: pl.DataFrame, gemeente_code: str, *, titel: str, eenheid: str, decimalen: int = 1
) -> alt.LayerChart:
    """Kaart van de wijken (2024) van één gemeente met de waarde van één indicator en één jaar.

    `waarden`: één rij per wijk (regio_code is de wijkcode, WK…); een wijk zonder rij is grijs met 'geen gegevens'.
    """
    vormen = alt.InlineData(
        values={"type": "FeatureCollection", "features": wijkvormen(gemeente_code)},
        format=alt.DataFormat(type="json", property="features"),
    )
    lagen = _kaartlagen(
        vormen,
        "properties.code",
        "datum.properties.naam",
        waarden,
        titel=titel,
        eenheid=eenheid,
        decimalen=decimalen,
        regio="Wijk",
        codes=[f["properties"]["code"] for f in vormen.values["features"]],
    )
    kop = _kop(titel, [KAART_BRON])
    return (
        alt.layer(*lagen)
        .resolve_scale(fill="independent")
        .project(type="mercator")
        .properties(title=kop, width="container", height=480)
    )


def kaart_bijschrift(waarden: pl.DataFrame, gemeente_code: str | None = None, focus: Sequence[str] = ()) -> str:
    """De regel onder een kaart: welke gemeenten omlijnd zijn, welke regio's grijs (geen gegevens), en de herkomst
    van de kaart. Namen uit de geometrie, zodat ook een regio zonder cijfer bij naam genoemd wordt."""
    met_cijfer = set(waarden["regio_code"].to_list())
    delen = []
    if gemeente_code:
        zonder = [
            f["properties"]["naam"] for f in wijkvormen(gemeente_code) if f["properties"]["code"] not in met_cijfer
        ]
        if zonder:
            delen.append(f"Grijs, geen gegevens: {', '.join(zonder)}.")
    else:
        vormen = gemeente_topologie()["objects"]["gemeente_2024"]["geometries"]
        namen = {v["properties"]["statcode"]: v["properties"]["statnaam"] for v in vormen}
        if focus:
            delen.append(f"Dik omlijnd: {', '.join(namen.get(c, c) for c in focus)}.")
        zonder = sum(code not in met_cijfer for code in namen)
        if zonder:
            delen.append(f"Grijs, geen gegevens: {zonder} van de {len(namen)} gemeenten.")
    return " ".join([*delen, f"{KAART_BRON}."])
