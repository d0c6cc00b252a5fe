-- De indicatoren die een schrijftransactie raakte (kompas.db.raakt), gesloten over berekende_indicator: voor de
-- gedeeltelijke herberekening van de afgeleide tabellen (kompas.db.zet_afgeleid_vast).
-- Geraakt is elke genoemde indicator ($indicatoren) en elke indicator met een rij van een genoemde herkomst
-- ($herkomsten), in de oude stand (afgeleid.indicator_waarden, van de vorige commit) of de nieuwe (waarneming).
-- Sluiting: staat een van de drie van een berekening (de berekende indicator, haar teller, haar noemer) erin, dan
-- alle drie: een andere teller of noemer verandert de berekende waarde, en de berekende waarde lezen vraagt de
-- waarnemingen van teller en noemer (queries/indicatoren/05_ind_berekend_voor.sql).
with recursive genoemd as (
    select unnest($indicatoren::varchar[]) as indicator_code
    union
    select indicator_code from afgeleid.indicator_waarden
    where list_contains($herkomsten::varchar[], herkomst_id)
    union
    select indicator_code from waarneming
    where list_contains($herkomsten::varchar[], herkomst_id)
),

gesloten (indicator_code) as (
    select indicator_code from genoemd
    union
    select drie.indicator_code
    from berekende_indicator as b
    inner join gesloten as g on g.indicator_code in (b.indicator_code, b.teller, b.noemer)
    cross join unnest([b.indicator_code, b.teller, b.noemer]) as drie (indicator_code)
),

final as (
    select coalesce(list(distinct indicator_code order by indicator_code), []) as indicatoren
    from gesloten
)

select * from final
