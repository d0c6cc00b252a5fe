-- Dekking: per indicator × gemeente × peiljaar of er een waarde is. De peiljaren van een indicator zijn
-- de jaren waarin die indicator ergens (in welke regio ook) een waarde heeft; een indicator zonder enige
-- waarde krijgt per gemeente één rij met peiljaar NULL.
-- Parameter: $gemeenten (varchar[]).

with gekozen as (
    select unnest($gemeenten::varchar[]) as regio_code
),

indicatoren as (
    select * from indicator
),

regios as (
    select * from regio
),

jaren as (
    select * from afgeleid.per_indicator_jaar
),

aanwezig as (
    select *
    from afgeleid.per_regio_jaar
    where regio_code in (select regio_code from gekozen)
),

raster as (
    select i.indicator_code, i.naam as indicator_naam, i.thema, g.regio_code, j.peiljaar
    from indicatoren as i
    cross join gekozen as g
    left join jaren as j using (indicator_code)
),

final as (
    select
        r.indicator_code,
        r.indicator_naam,
        r.thema,
        r.regio_code,
        g.regio_naam,
        g.volgorde as regio_volgorde,
        r.peiljaar,
        a.indicator_code is not null as aanwezig,
        coalesce(a.aantal_waarden, 0) as aantal_waarden,
        coalesce(a.leeftijden, []::varchar[]) as leeftijden
    from raster as r
    join regios as g on g.regio_code = r.regio_code
    left join aanwezig as a
        on a.indicator_code = r.indicator_code
        and a.regio_code = r.regio_code
        and a.peiljaar = r.peiljaar
)

select * from final
order by thema, indicator_code, regio_volgorde, peiljaar
