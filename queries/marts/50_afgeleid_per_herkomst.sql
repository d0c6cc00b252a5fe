-- sleutel: herkomst_id (kompas.db.zet_afgeleid_vast herberekent alleen de herkomsten die in de oude of nieuwe
-- rijen van de geraakte indicatoren voorkomen)
-- Samenvatting per herkomst (bron) voor de bronnenpagina.
create or replace table afgeleid.per_herkomst as
with waarden as (
    select * from afgeleid.indicator_waarden
    where $herkomsten::varchar[] is null or list_contains($herkomsten::varchar[], herkomst_id)
),

final as (
    select
        herkomst_id,
        count(*) filter (where not is_berekend) as aantal_cijfers,
        count(*) filter (where is_berekend) as aantal_berekend,
        count(distinct indicator_code) as aantal_indicatoren,
        min(peiljaar) as eerste_peiljaar,
        max(peiljaar) as laatste_peiljaar
    from waarden
    group by herkomst_id
)

select * from final;
