-- Vingerafdruk van wat de vergelijkingsgroepen (marts/84, 88, 89 en 95) behalve de cijfers lezen: de groepen uit
-- data/vergelijkingsgroepen.toml (naam, soort, grenzen, minimum) en de leden van de selecties. Verschilt die van die
-- bij de vorige commit (afgeleid.schema_versie), dan maakt kompas.db.zet_afgeleid_vast die tabellen helemaal opnieuw.
select hash(
    (select coalesce(sum(hash(vergelijkingsgroep)), 0) from vergelijkingsgroep),
    (select coalesce(sum(hash(vergelijkingsgroep_lid)), 0) from vergelijkingsgroep_lid)
)::varchar as groep
