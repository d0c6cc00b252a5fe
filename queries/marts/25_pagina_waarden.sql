-- De kolommen van afgeleid.indicator_waarden die de pagina's lezen, één plek voor die lijsten; niet alle ~50 (elke
-- kolom kost bij het binden en op een landelijke database bij het lezen). Wie meer nodig heeft, zet de kolom hier
-- bij. Een filter op de uitkomst gaat mee de scan in (een macro wordt in de query ingevoegd).
-- - pagina_waarden() (hier): alles wat een pagina leest;
-- - grafiek_waarden() (marts/26): zonder de details van de herkomst, voor grafieken, kaarten en de tabel erbij
--   (kompas.grafieken.trend, GRAFIEKKOLOMMEN, de kaarten, kompas.tabellen.waarden_tabel, teksten.grafiek_tekst) en de
--   raadsrapportage (kompas/rapport): queries/pagina/reeks_indicator.sql, vergelijking.sql, kaartwaarden.sql;
-- - herkomst_waarden() (marts/27): zonder wat alleen een grafiek tekent (kleur, vorm, trendbreuken), voor de tabel met
--   herkomst en de downloads (kompas.tabellen.alle_waarden_tabel): queries/pagina/indicator_waarden_detail.sql.
-- Na marts/20: een macro wordt bij het maken gebonden aan afgeleid.indicator_waarden.

create or replace macro pagina_waarden() as table
select
    indicator_code,
    indicator_naam,
    eenheid,
    decimalen,  -- van dit cijfer: zoveel als de bron publiceerde, nooit meer dan de indicator (marts/05)
    indicator_decimalen,
    landelijk_decimalen,
    indicator_soort,  -- registratie of enquête: teksten.significantie_tekst
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
