-- Vingerafdruk van de referentie waarop elke afgeleide rij rust: regio's, de indicatorregistry, de berekende
-- indicatoren en de breuken in een regio (herindelingen, data/herindeling.csv; gewijzigde afbakening, regio_breuk):
-- een breuk verandert de reeksen van alle indicatoren van die regio. Verschilt die van de vingerafdruk bij de vorige
-- commit (afgeleid.schema_versie), dan herberekent kompas.db.zet_afgeleid_vast alles, ook als de
-- schrijver alleen een paar indicatoren noemde.
select hash(
    (select coalesce(sum(hash(regio)), 0) from regio),
    (select coalesce(sum(hash(indicator)), 0) from indicator),
    (select coalesce(sum(hash(berekende_indicator)), 0) from berekende_indicator),
    (select coalesce(sum(hash(herindeling)), 0) from herindeling),
    (select coalesce(sum(hash(regio_breuk)), 0) from regio_breuk)
)::varchar as referentie
