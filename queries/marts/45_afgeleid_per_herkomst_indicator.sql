-- sleutel: indicator_code (kompas.db.zet_afgeleid_vast herberekent alleen de rijen van de geraakte indicatoren)
-- Samenvatting per herkomst (bron) en indicator; de view afgeleid.per_herkomst (50_afgeleid_per_herkomst.sql) telt
-- die op per herkomst. Per indicator, zodat een schrijfactie die één indicator raakt niet alle rijen van een grote
-- herkomst opnieuw hoeft te tellen.
create or replace table afgeleid.per_herkomst_indicator as
with waarden as (
    select * from afgeleid.indicator_waarden
    where $indicatoren::varchar[] is null or list_contains($indicatoren::varchar[], indicator_code)
),

final as (
    select
        herkomst_id,
        indicator_code,
        count(*) filter (where not is_berekend) as aantal_cijfers,
        count(*) filter (where is_berekend) as aantal_berekend,
        min(peiljaar) as eerste_peiljaar,
        max(peiljaar) as laatste_peiljaar
    from waarden
    group by herkomst_id, indicator_code
)

select * from final;
