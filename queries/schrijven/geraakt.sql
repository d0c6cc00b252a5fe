-- Wat een schrijftransactie raakte (kompas.db.raakt), als de indicatoren en regio's waarvan de afgeleide rijen
-- opnieuw moeten (kompas.db.zet_afgeleid_vast).
-- Geraakt is elke rij van een genoemde herkomst ($herkomsten), in de oude stand (afgeleid.indicator_waarden, van de
-- vorige commit) en in de nieuwe (stg_waarneming), en elke genoemde indicator ($indicatoren) in alle regio's.
-- Indicatoren, gesloten over berekende_indicator: staat een van de drie van een berekening (de berekende indicator,
-- haar teller, haar noemer) erin, dan alle drie: een andere teller of noemer verandert de berekende waarde, en de
-- berekende waarde lezen vraagt de waarnemingen van teller en noemer (queries/indicatoren/05_ind_berekend_voor.sql).
-- Regio's: NULL (alle) als een indicator zonder regio genoemd is, als Nederland geraakt is (elke rij vergelijkt met
-- Nederland) of als het er meer dan $max_regios zijn (dan is alles lezen niet duurder); anders de geraakte regio's
-- plus Nederland.
with recursive rijen as (
    select indicator_code, regio_code from afgeleid.indicator_waarden
    where list_contains($herkomsten::varchar[], herkomst_id)
    union
    select indicator_code, regio_code from stg_waarneming  -- de regio na een codewijziging (data/herindeling.csv)
    where list_contains($herkomsten::varchar[], herkomst_id)
    union
    select unnest($indicatoren::varchar[]) as indicator_code, null as regio_code
),

gesloten (indicator_code) as (
    select indicator_code from rijen
    union
    select drie.indicator_code
    from berekende_indicator as b
    inner join gesloten as g on g.indicator_code in (b.indicator_code, b.teller, b.noemer)
    cross join unnest([b.indicator_code, b.teller, b.noemer]) as drie (indicator_code)
),

regios as (
    select
        r.regio_code,
        coalesce(g.soort = 'land', true) as alle_regios
    from (select distinct regio_code from rijen) as r
    left join regio as g on g.regio_code = r.regio_code
),

final as (
    select
        (select coalesce(list(indicator_code order by indicator_code), []) from gesloten) as indicatoren,
        case
            when coalesce(bool_or(alle_regios), false) or count(*) > $max_regios then null
            else list(regio_code order by regio_code) || (select list(regio_code) from regio where soort = 'land')
        end as regios
    from regios
)

select * from final
