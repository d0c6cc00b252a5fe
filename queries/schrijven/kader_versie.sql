-- Vingerafdruk van wat de kaderboom (marts/80_afgeleid_kader_indicatoren.sql) behalve de cijfers leest: kaders,
-- doelen, kaderindicatoren, streefwaarden uit documenten en de streefwaarden en nulmetingen van de geldende uploads.
-- Verschilt die van die bij de vorige commit (afgeleid.schema_versie), dan maakt kompas.db.zet_afgeleid_vast de
-- kaderboom helemaal opnieuw; anders alleen de rijen van de geraakte indicatoren.
select hash(
    (select coalesce(sum(hash(kader)), 0) from kader),
    (select coalesce(sum(hash(doel)), 0) from doel),
    (select coalesce(sum(hash(kader_indicator)), 0) from kader_indicator),
    (select coalesce(sum(hash(streefwaarde)), 0) from streefwaarde),
    (select coalesce(sum(hash(geldende_upload_streefwaarde)), 0) from geldende_upload_streefwaarde)
)::varchar as kader
