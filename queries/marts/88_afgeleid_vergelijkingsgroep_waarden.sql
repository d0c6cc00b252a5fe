-- sleutel: indicator_code, peiljaar (kompas.db.zet_afgeleid_vast herberekent alleen de rijen van de geraakte
-- indicatoren in de peiljaren waarin hun afgeleid.indicator_waarden veranderden: een groep, haar kwartielen en
-- rangen gelden per peiljaar en lezen alleen de waarden van dat peiljaar)
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
with leden as (  -- een selectie (peiljaar NULL) geldt in elk jaar
    select list(struct_pack(groep := groep, peiljaar := peiljaar, regio_code := regio_code)) as leden
    from vergelijkingsgroep_leden
    where $jaren::integer[] is null or peiljaar is null or list_contains($jaren::integer[], peiljaar)
),

final as (
    select * from groepswaarden((select leden from leden), $indicatoren::varchar[])
    where $jaren::integer[] is null or list_contains($jaren::integer[], peiljaar)
)

select * from final
order by indicator_code, groep, peiljaar, leeftijd, rang, regio_volgorde;
