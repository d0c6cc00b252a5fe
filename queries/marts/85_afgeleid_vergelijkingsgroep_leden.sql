-- Wie in welke vergelijkingsgroep zit (de view vergelijkingsgroep_leden, marts/84), vastgezet: de banden op een
-- pagina (pagina/vergelijkingsgroep_banden.sql) en de cijfers van de groepen (marts/88) lezen dit. Zonder sleutel:
-- bij elke schrijfactie helemaal (een paar duizend rijen uit het inwonertal; een ander inwonertal kan elke
-- grootteklasse veranderen).

create or replace table afgeleid.vergelijkingsgroep_leden as
with leden as (
    select * from vergelijkingsgroep_leden
),

final as (
    select * from leden
)

select * from final
order by regio_code, groep, peiljaar;
