-- sleutel: indicator_code (kompas.db.zet_afgeleid_vast herberekent alleen de rijen van de geraakte indicatoren)
-- Samenvatting per indicator voor de registry-, bronnen- en dekkingspagina (alleen waarden die er zijn,
-- niet NULL).
create or replace table afgeleid.per_indicator as
with waarden as (
    select * from afgeleid.indicator_waarden
    where
        ($indicatoren::varchar[] is null or list_contains($indicatoren::varchar[], indicator_code))
        and waarde is not null
),

final as (
    select
        indicator_code,
        count(*) as aantal_waarden,
        min(peiljaar) as eerste_peiljaar,
        max(peiljaar) as laatste_peiljaar,
        list(distinct leeftijd order by leeftijd) as leeftijden,
        count(distinct herkomst_id) as aantal_bronnen
    from waarden
    group by indicator_code
)

select * from final;
