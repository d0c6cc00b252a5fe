-- Hoeveel waarden één indicator heeft in alle bronnen en alle regio's (wat de downloads van de indicatorpagina
-- bevatten), zonder de rijen zelf te lezen.
-- Parameter: $indicator (varchar).

with waarden as (
    select * from afgeleid.indicator_waarden where indicator_code = $indicator
),

final as (
    select count(*) as aantal_waarden
    from waarden
)

select * from final
