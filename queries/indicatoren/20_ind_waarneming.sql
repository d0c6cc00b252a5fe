-- ind_waarneming: opgeslagen (stg_waarneming) én berekende waarden (ind_*), in één vorm; hierop rust de
-- publieke view indicator_waarden (marts/10_indicator_waarden.sql).

create or replace view ind_waarneming as
with opgeslagen as (
    select * from stg_waarneming
),

berekend as (
    select * from ind_berekend
),

final as (
    select * from opgeslagen
    union all by name
    select * from berekend
)

select * from final;
