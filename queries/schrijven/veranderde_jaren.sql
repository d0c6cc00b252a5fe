-- De peiljaren waarin afgeleid.indicator_waarden bij deze schrijfactie veranderde (kompas.db.zet_afgeleid_vast, na het
-- opnieuw vastzetten van de rijen van de geraakte indicatoren ($indicatoren) in de geraakte regio's ($regios)):
-- elk peiljaar met een rij die er vóór de schrijfactie niet precies zo stond (temp.afgeleid_voor), of die er niet meer
-- staat. Een afgeleide tabel met `-- sleutel: indicator_code, peiljaar` wordt alleen voor die jaren herberekend; geen
-- verandering is een lege lijst.
with nieuw as (
    select * from afgeleid.indicator_waarden
    where
        list_contains($indicatoren::varchar[], indicator_code)
        and list_contains($regios::varchar[], regio_code)
),

erbij as (
    select * from nieuw
    except all
    select * from temp.afgeleid_voor
),

eraf as (
    select * from temp.afgeleid_voor
    except all
    select * from nieuw
),

veranderd as (
    select peiljaar from erbij
    union all
    select peiljaar from eraf
)

select coalesce(list(distinct peiljaar order by peiljaar), []) as jaren
from veranderd
