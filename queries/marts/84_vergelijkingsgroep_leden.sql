-- Wie in welke vergelijkingsgroep zit (data/vergelijkingsgroepen.toml, tabellen vergelijkingsgroep en
-- vergelijkingsgroep_lid), één rij per groep × gemeente × peiljaar.
--
-- Grootteklasse: elk peiljaar opnieuw, uit het eigen geladen inwonertal van de gemeente in datzelfde peiljaar (de
--   indicator en leeftijdsgroep van de klasse, de grafiekwaarde: voorkeursbron, laatste stand in het jaar). Een
--   gemeente zonder dat cijfer zit dat jaar in geen enkele grootteklasse: niets geschat, geen ander jaar.
--   Klassegrenzen: van ondergrens (inclusief) tot bovengrens (exclusief).
-- Selectie: de leden uit de configuratie, voor elk peiljaar (peiljaar NULL, inwoners NULL).
-- De keuze op een pagina heeft geen leden hier: die geeft de paginaquery mee (pagina/vergelijkingsgroep_keuze.sql).

create or replace view vergelijkingsgroep_leden as
with groepen as (
    select * from vergelijkingsgroep
),

waarden as (
    select * from afgeleid.indicator_waarden
),

grootteklasse as (
    select g.groep, w.peiljaar, w.regio_code, w.waarde as inwoners
    from groepen as g
    join waarden as w
        on w.indicator_code = g.indicator_code
        and w.leeftijd = g.leeftijd
        and w.waarde >= g.ondergrens
        and (g.bovengrens is null or w.waarde < g.bovengrens)
    where g.groep_soort = 'grootteklasse' and w.regio_soort = 'gemeente' and w.in_grafiek
),

selectie as (
    select l.groep, cast(null as integer) as peiljaar, l.regio_code, cast(null as double) as inwoners
    from vergelijkingsgroep_lid as l
    join groepen as g using (groep)
    where g.groep_soort = 'selectie'
),

final as (
    select * from grootteklasse
    union all
    select * from selectie
)

select * from final;
