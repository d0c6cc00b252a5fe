-- Alle waarden van één indicator met hun herkomst, uit alle bronnen (ook die niet de voorkeur hebben),
-- voor de verantwoording op de indicatorpagina: van de gemeenten $gemeenten, hun wijken (soort 'wijk' met die
-- gemeente in gemeente_code), hun GGD-regio's en Nederland; met $gemeenten NULL van elke regio (de downloads).
-- Parameters: $indicator (varchar), $gemeenten (varchar[] of NULL).

with getoonde_regios as (
    select regio_code from regios_bij($gemeenten, true)
),

waarden as (
    select * from afgeleid.indicator_waarden
    where
        indicator_code = $indicator
        and ($gemeenten::varchar[] is null or regio_code in (select regio_code from getoonde_regios))
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
        peiljaar,
        peildatum,
        peildatum_precisie,
        waarde,
        ondergrens,
        bovengrens,
        status,
        landelijk_waarde,
        verschil_landelijk,
        significantie,
        oordeel,
        is_voorkeur,
        is_berekend,
        berekend_uit,
        bron,
        herkomst_soort,
        herkomst_id,
        herkomst_titel,
        tabel_id,
        adres,
        gelezen_in,
        opgehaald_op,
        licentie,
        citaat
    from waarden
)

select * from final
order by
    leeftijd asc, regio_volgorde asc, regio_code asc, peiljaar asc, peildatum asc nulls first, is_voorkeur desc,
    herkomst_id asc
