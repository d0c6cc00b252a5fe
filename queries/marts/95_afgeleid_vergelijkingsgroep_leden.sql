-- Wie in welke vergelijkingsgroep zit (de view vergelijkingsgroep_leden, marts/84), vastgezet: de banden en de
-- ledenlijst op een pagina (queries/pagina/) lezen dit. Zonder sleutel: bij elke schrijfactie helemaal (een paar
-- duizend rijen uit het inwonertal). Als laatste: tot hier is dit de stand van de vorige commit, waarmee
-- queries/schrijven/groep_leden_veranderd.sql het nieuwe lidmaatschap vergelijkt (marts/88 en 89).

create or replace table afgeleid.vergelijkingsgroep_leden as
with leden as (
    select * from vergelijkingsgroep_leden
),

final as (
    select * from leden
)

select * from final
order by regio_code, groep, peiljaar;
