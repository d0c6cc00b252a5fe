-- De handgeschreven view van bijstand per 1.000 zoals tot en met sessie 3 (queries/indicatoren/10_ind_bijstand_per_1000.sql),
-- hier alleen als ijkpunt voor tests/test_queries.py: de declaratie in data/berekende_indicatoren.csv moet precies
-- deze cijfers geven. Niet uitgevoerd door de app.
create or replace view ind_bijstand_per_1000 as
with tellingen as (
    select *
    from stg_waarneming
    where indicator_code in ('bijstand_personen', 'inwoners')
        and leeftijd = 'totaal'
        and waarde is not null
    -- per cel de voorkeursbron, zoals in indicator_waarden
    qualify row_number() over (
        partition by indicator_code, regio_code, peiljaar, leeftijd
        order by bron_rang, opgehaald_op desc nulls last, herkomst_id
    ) = 1
),

personen as (
    select * from tellingen where indicator_code = 'bijstand_personen'
),

inwoners as (
    select * from tellingen where indicator_code = 'inwoners' and waarde > 0
),

gepubliceerd as (
    select distinct regio_code, peiljaar
    from waarneming
    where indicator_code = 'bijstand_per_1000' and leeftijd = 'totaal' and waarde is not null
),

berekend as (
    select
        'bijstand_per_1000' as indicator_code,
        p.regio_code,
        p.peiljaar,
        cast(null as date) as peildatum,
        'totaal' as leeftijd,
        p.waarde / i.waarde * 1000 as waarde,
        cast(null as double) as ondergrens,
        cast(null as double) as bovengrens,
        p.status,
        p.herkomst_id,
        'berekend: ' || cast(round(p.waarde) as bigint) || ' personen / ' || cast(round(i.waarde) as bigint)
            || ' inwoners × 1.000' as citaat,
        'bijstand_personen ' || coalesce(p.tabel_id, p.herkomst_id)
            || ' / inwoners ' || coalesce(i.tabel_id, i.herkomst_id) as berekend_uit,
        true as is_berekend,
        p.herkomst_soort,
        p.herkomst_bron,
        p.herkomst_titel,
        p.tabel_id,
        p.adres,
        p.herkomst_gelezen_in,
        p.opgehaald_op,
        p.herkomst_licentie,
        p.bron,
        p.bron_rang,
        p.bronfamilie
    from personen as p
    join inwoners as i using (regio_code, peiljaar)
    anti join gepubliceerd as g using (regio_code, peiljaar)
),

final as (
    select * from berekend
)

select * from final;
