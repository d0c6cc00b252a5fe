-- pagina_waarden: de kolommen van afgeleid.indicator_waarden die de pagina's lezen, één plek voor die lijst
-- (queries/pagina/reeks_indicator.sql, indicator_waarden_detail.sql, vergelijking.sql, kaartwaarden.sql): wat de
-- grafieken (kompas.grafieken.trend, GRAFIEKKOLOMMEN, de kaarten), de tabellen (kompas.tabellen.waarden_tabel,
-- alle_waarden_tabel, teksten.grafiek_tekst), de downloads en de raadsrapportage (kompas/rapport) lezen; niet alle
-- ~50 (elke kolom kost bij het binden en op een landelijke database bij het lezen). Wie meer nodig heeft, zet de
-- kolom hier bij. Een filter op de uitkomst gaat mee de scan in (de macro wordt in de query ingevoegd).
-- Na marts/20: de macro wordt bij het maken gebonden aan afgeleid.indicator_waarden.

create or replace macro pagina_waarden() as table
select
    indicator_code,
    indicator_naam,
    eenheid,
    decimalen,
    regio_code,
    regio_naam,
    regio_soort,
    regio_volgorde,
    regio_kleur,
    regio_vorm,
    peiljaar,
    peildatum,
    peildatum_precisie,
    leeftijd,
    waarde,
    ondergrens,
    bovengrens,
    status,
    landelijk_waarde,
    verschil_landelijk,
    significantie,
    oordeel,
    bron,
    herkomst_soort,
    herkomst_id,
    herkomst_titel,
    tabel_id,
    adres,
    gelezen_in,
    opgehaald_op,
    licentie,
    citaat,
    berekend_uit,
    is_berekend,
    is_voorkeur,
    bronfamilie,
    in_grafiek,
    trendbreuk,
    trendbreuk_reden,
    reeks_deel,
    reeks_id
from afgeleid.indicator_waarden;
