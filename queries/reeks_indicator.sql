-- Tijdreeks van één indicator voor de gekozen regio's, aangevuld met Nederland en de GGD-regio's van de
-- gekozen gemeenten; alleen voorkeurswaarden, met interval. Elke leeftijdsgroep is een eigen reeks
-- (kolom `reeks`): 18+ en 19+ worden nooit één lijn.
-- Parameters: $indicator (varchar), $regios (varchar[]), $leeftijden (varchar[] of NULL = alle).

with gekozen as (
    select unnest($regios::varchar[]) as regio_code
),

regios as (
    select * from regio
),

reeks_regios as (
    select regio_code from gekozen
    union
    select r.ggd_regio_code from regios as r join gekozen as g using (regio_code) where r.ggd_regio_code is not null
    union
    select 'NL01'
),

waarden as (
    select *
    from kompas_afgeleid.indicator_waarden
    where indicator_code = $indicator
        and is_voorkeur
        and regio_code in (select regio_code from reeks_regios)
        and ($leeftijden::varchar[] is null or list_contains($leeftijden::varchar[], leeftijd))
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
        leeftijd,
        indicator_code || ' | ' || leeftijd as reeks,
        peiljaar,
        peildatum,
        waarde,
        ondergrens,
        bovengrens,
        status,
        landelijk_waarde,
        verschil_landelijk,
        significantie,
        oordeel,
        verandering,
        bron,
        herkomst_soort,
        herkomst_id,
        licentie,
        berekend_uit,
        is_berekend
    from waarden
)

select * from final
order by leeftijd, regio_volgorde, peiljaar, peildatum nulls first
