-- Is het lidmaatschap van de vergelijkingsgroepen veranderd sinds de vorige commit? De view vergelijkingsgroep_leden
-- (marts/84, uit de zojuist bijgewerkte afgeleid.indicator_waarden: het inwonertal van de grootteklasse) tegenover
-- afgeleid.vergelijkingsgroep_leden (marts/95, nog van de vorige commit: die wordt pas daarna opnieuw vastgezet).
-- Een ander inwonertal kan een gemeente in een andere klasse zetten, en dat verandert de groep van elke indicator:
-- dan herberekent kompas.db.zet_afgeleid_vast de tabellen met '-- helemaal als groep_leden_veranderd' helemaal.
-- Alleen wie in welke groep zit telt (niet het inwonertal zelf): een ander inwonertal in dezelfde klasse herberekent
-- alleen de geraakte indicatoren.
with nieuw as (
    select groep, peiljaar, regio_code from vergelijkingsgroep_leden
),

oud as (
    select groep, peiljaar, regio_code from afgeleid.vergelijkingsgroep_leden
),

alleen_nieuw as (
    select * from nieuw
    except all
    select * from oud
),

alleen_oud as (
    select * from oud
    except all
    select * from nieuw
)

select exists (from alleen_nieuw) or exists (from alleen_oud) as veranderd
