-- Kan wat een schrijfactie raakte het lidmaatschap van de vergelijkingsgroepen (marts/84_vergelijkingsgroep_leden.sql)
-- veranderen? Dat leest alleen de cijfers van de indicator van een grootteklasse (inwoners); zit die niet in de
-- geraakte indicatoren ($indicatoren), dan is het lidmaatschap gelijk: kompas.db.zet_afgeleid_vast vergelijkt het
-- dan niet (queries/schrijven/groep_leden_veranderd.sql) en zet afgeleid.vergelijkingsgroep_leden niet opnieuw vast.
-- De groepen zelf vallen onder queries/schrijven/groep_versie.sql.
select exists(
    select 1 from vergelijkingsgroep
    where groep_soort = 'grootteklasse' and list_contains($indicatoren::varchar[], indicator_code)
) as geraakt
