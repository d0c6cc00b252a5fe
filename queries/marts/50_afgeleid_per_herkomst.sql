-- Samenvatting per herkomst (bron) voor de bronnenpagina: de som over haar indicatoren
-- (afgeleid.per_herkomst_indicator, 45_afgeleid_per_herkomst_indicator.sql). Een view: een paar rijen per herkomst.
create or replace view afgeleid.per_herkomst as
with per_indicator as (
    select * from afgeleid.per_herkomst_indicator
),

final as (
    select
        herkomst_id,
        cast(sum(aantal_cijfers) as bigint) as aantal_cijfers,
        cast(sum(aantal_berekend) as bigint) as aantal_berekend,
        count(*) as aantal_indicatoren,
        min(eerste_peiljaar) as eerste_peiljaar,
        max(laatste_peiljaar) as laatste_peiljaar
    from per_indicator
    group by herkomst_id
)

select * from final;
