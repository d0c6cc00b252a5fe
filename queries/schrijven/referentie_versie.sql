-- Vingerafdruk van de referentie waarop elke afgeleide rij rust: regio's, de indicatorregistry en de berekende
-- indicatoren. Verschilt die van de vingerafdruk bij de vorige commit (afgeleid.schema_versie), dan herberekent
-- kompas.db.zet_afgeleid_vast alles, ook als de schrijver alleen een paar indicatoren noemde.
select hash(
    (select coalesce(sum(hash(regio)), 0) from regio),
    (select coalesce(sum(hash(indicator)), 0) from indicator),
    (select coalesce(sum(hash(berekende_indicator)), 0) from berekende_indicator)
)::varchar as referentie
