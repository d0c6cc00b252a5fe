-- Alle waarden van één indicator met hun herkomst, uit alle bronnen (ook die niet de voorkeur hebben),
-- voor de verantwoording op de indicatorpagina: van de gemeenten $gemeenten, hun wijken (soort 'wijk' met die
-- gemeente in gemeente_code), hun GGD-regio's en Nederland; met $gemeenten NULL van elke regio (de downloads).
-- Kolommen: die van de macro herkomst_waarden (queries/marts/27_herkomst_waarden.sql).
-- Parameters: $indicator (varchar), $gemeenten (varchar[] of NULL).

with getoonde_regios as (
    select regio_code from regios_bij($gemeenten, true)
),

waarden as (
    select * from herkomst_waarden()
    where
        indicator_code = $indicator
        and ($gemeenten::varchar[] is null or regio_code in (select regio_code from getoonde_regios))
),

final as (
    select *
    from waarden
)

select * from final
order by
    leeftijd asc, regio_volgorde asc, regio_code asc, peiljaar asc, peildatum asc nulls first, is_voorkeur desc,
    herkomst_id asc
