-- sleutel: indicator_code, regio_code (kompas.db.zet_afgeleid_vast herberekent alleen de rijen van de geraakte
-- indicatoren in de geraakte regio's)
-- Dekking: per regio, indicator en peiljaar het aantal waarden (niet NULL) en de leeftijdsgroepen.
create or replace table afgeleid.per_regio_jaar as
with waarden as (
    select * from afgeleid.indicator_waarden
    where
        ($indicatoren::varchar[] is null or list_contains($indicatoren::varchar[], indicator_code))
        and ($regios::varchar[] is null or list_contains($regios::varchar[], regio_code))
        and waarde is not null
),

final as (
    select
        regio_code,
        indicator_code,
        peiljaar,
        count(*) as aantal_waarden,
        list(distinct leeftijd order by leeftijd) as leeftijden
    from waarden
    group by all
)

select * from final
order by regio_code, indicator_code, peiljaar;
