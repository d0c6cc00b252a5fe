-- helemaal bij een andere groep_versie (queries/schrijven/groep_versie.sql: de groepen en leden uit de configuratie)
-- alleen als groep_leden_geraakt (queries/schrijven/groep_leden_geraakt.sql: de indicator van een grootteklasse)
-- Wie in welke vergelijkingsgroep zit (de view vergelijkingsgroep_leden, marts/84), vastgezet: de banden en de
-- ledenlijst op een pagina (queries/pagina/) lezen dit. Zonder sleutel: helemaal (een paar
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
