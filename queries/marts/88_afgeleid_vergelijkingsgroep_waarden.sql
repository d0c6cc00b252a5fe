-- sleutel: indicator_code (kompas.db.zet_afgeleid_vast herberekent alleen de rijen van de geraakte indicatoren)
-- helemaal als groep_leden_veranderd (queries/schrijven/: een ander inwonertal zette een gemeente in een andere
-- grootteklasse, en dat verandert de groep van elke indicator)
-- helemaal bij een andere groep_versie (queries/schrijven/groep_versie.sql: de groepen en leden uit de configuratie)
-- De cijfers van de vergelijkingsgroepen uit data/vergelijkingsgroepen.toml (grootteklassen naar inwoners en de
-- selecties), vastgezet bij elke schrijfactie: per groep elk lid met een cijfer, met groep_aantal, groep_mediaan,
-- groep_q1, groep_q3, band en rang. Wie lid is: marts/84_vergelijkingsgroep_leden.sql; de berekening: de macro
-- groepswaarden (marts/86_groepswaarden.sql, dezelfde als voor de keuze op een pagina). De publieke view
-- vergelijkingsgroep_waarden (marts/90) selecteert hieruit; de banden per groep staan in marts/89.
-- Op volgorde van indicator: een filter op indicator_code leest weinig rijgroepen.

create or replace table afgeleid.vergelijkingsgroep_waarden as
with leden as (
    select list(struct_pack(groep := groep, peiljaar := peiljaar, regio_code := regio_code)) as leden
    from vergelijkingsgroep_leden
),

final as (
    select * from groepswaarden((select leden from leden), $indicatoren::varchar[])
)

select * from final
order by indicator_code, groep, peiljaar, leeftijd, rang, regio_volgorde;
