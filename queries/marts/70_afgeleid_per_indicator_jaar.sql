-- sleutel: indicator_code (kompas.db.zet_afgeleid_vast herberekent alleen de rijen van de geraakte indicatoren)
-- Dekking: welke peiljaren elke indicator heeft, bij welke regio dan ook.
create or replace table afgeleid.per_indicator_jaar as
with per_regio_jaar as (
    select * from afgeleid.per_regio_jaar
    where $indicatoren::varchar[] is null or list_contains($indicatoren::varchar[], indicator_code)
),

final as (
    select distinct indicator_code, peiljaar
    from per_regio_jaar
)

select * from final;
