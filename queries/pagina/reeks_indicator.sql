-- Tijdreeksen van de gekozen indicatoren (één query voor alle indicatoren van een kader) voor de gekozen
-- regio's, aangevuld met Nederland en de GGD-regio's van de gekozen gemeenten; alleen voorkeurswaarden,
-- met interval. Elke indicator × leeftijdsgroep is een eigen reeks (kolom `reeks`): 18+ en 19+ worden
-- nooit één lijn. Kolommen (plus `reeks`): wat de pagina's, de grafiek (kompas.grafieken.trend, GRAFIEKKOLOMMEN),
-- de tabel bij de grafiek (kompas.tabellen.waarden_tabel, teksten.grafiek_tekst) en de raadsrapportage
-- (kompas/rapport: herkomst_id, verschil_landelijk, tabel_id, opgehaald_op) lezen; niet alle ~50 van
-- afgeleid.indicator_waarden (elke kolom kost op een landelijke database leestijd). Wie meer nodig heeft, zet
-- de kolom hier bij.
-- Een grafiek tekent alleen de rijen met `in_grafiek` (één waarde per regio-jaar), één lijn per `reeks_id`;
-- `trendbreuk` markeert de eerste waarde na een wissel van bronfamilie. De regel staat één keer, in
-- queries/marts/10_indicator_waarden.sql (en de bronfamilie in staging/30_stg_waarneming.sql); de andere rijen
-- blijven voor de tabel.
-- Parameters: $indicatoren (varchar[]), $regios (varchar[]).

with reeks_regios as (
    select regio_code from regios_bij($regios, false)
),

waarden as (
    select *
    from afgeleid.indicator_waarden
    where indicator_code in (select unnest($indicatoren::varchar[]))
        and is_voorkeur
        and regio_code in (select regio_code from reeks_regios)
),

final as (
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
        landelijk_waarde,
        verschil_landelijk,
        significantie,
        bron,
        herkomst_id,
        tabel_id,
        opgehaald_op,
        berekend_uit,
        is_voorkeur,
        bronfamilie,
        in_grafiek,
        trendbreuk,
        trendbreuk_reden,
        reeks_deel,
        reeks_id,
        indicator_code || ' | ' || leeftijd as reeks
    from waarden
)

select * from final
order by indicator_code, leeftijd, regio_volgorde, peiljaar, peildatum nulls first
