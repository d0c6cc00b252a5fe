-- Dekking: welke peiljaren elke indicator heeft, bij welke regio dan ook.
create or replace table afgeleid.per_indicator_jaar as
with per_regio_jaar as (
    select * from afgeleid.per_regio_jaar
),

final as (
    select distinct indicator_code, peiljaar
    from per_regio_jaar
)

select * from final;
