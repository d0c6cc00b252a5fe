-- sleutel: indicator_code, regio_code (kompas.db.zet_afgeleid_vast herberekent alleen de rijen van de geraakte
-- indicatoren in de geraakte regio's)
-- Vastgezette afgeleide tabellen in schema `afgeleid` (deze en de volgende in marts/), voor de paginaqueries
-- in queries/pagina/.
--
-- De view `indicator_waarden` (marts/10_indicator_waarden.sql) rekent bij elke query voorkeur, landelijke waarde,
-- significantie en vorige meting opnieuw uit; op een database met alle gemeenten kost dat seconden.
-- kompas.db.schrijf_transactie voert de marts daarom uit aan het eind van elke schrijftransactie
-- (bouw, verversing, upload, intrekken), vóór de commit: lezers krijgen een database waarin de
-- afgeleide tabellen precies bij de waarnemingen passen, en hoeven alleen nog te selecteren. Zegt de schrijver wat
-- hij raakte (kompas.db.raakt), dan vervangt kompas.db alleen de rijen van die indicatoren ($indicatoren; NULL: alles).
-- De inhoud is precies de view: niets wordt hier berekend dat de view niet ook geeft.
-- Gesorteerd op indicator en regio, zodat een filter op indicator_code weinig rijgroepen leest.
-- Daarna schrijft kompas.db `afgeleid.schema_versie`: met welke versie van de SQL dit gemaakt is;
-- een database met een andere versie werkt de start van de app of 'python -m loaders build' bij.

create or replace table afgeleid.indicator_waarden as
with waarden as (
    select * from indicator_waarden_voor($indicatoren::varchar[], $regios::varchar[])
),

final as (
    select * from waarden
)

select * from final
order by indicator_code, regio_code, leeftijd, peiljaar, peildatum;
