-- sleutel: indicator_code (kompas.db.zet_afgeleid_vast herberekent alleen de rijen van de geraakte indicatoren)
-- helemaal als groep_leden_veranderd (zie marts/88)
-- helemaal bij een andere groep_versie (zie marts/88)
-- De band van elke vergelijkingsgroep: per groep, indicator, peiljaar en leeftijdsgroep één rij met groep_aantal,
-- groep_mediaan, groep_q1, groep_q3 en band, zonder de leden. Wat de grafieken bij elke rerun lezen
-- (pagina/vergelijkingsgroep_banden.sql); de ledenlijst leest een pagina pas als iemand erom vraagt. Geen eigen
-- berekening: de rijen van afgeleid.vergelijkingsgroep_waarden (marts/88), één keer per groep en jaar.

create or replace table afgeleid.vergelijkingsgroep_band as
with waarden as (
    select * from afgeleid.vergelijkingsgroep_waarden
    where $indicatoren::varchar[] is null or list_contains($indicatoren::varchar[], indicator_code)
),

final as (
    select distinct
        groep,
        groep_naam,
        groep_soort,
        groep_volgorde,
        groep_minimum,
        indicator_code,
        indicator_naam,
        eenheid,
        decimalen,
        goede_richting,
        rang_richting,
        leeftijd,
        peiljaar,
        groep_aantal,
        groep_mediaan,
        groep_q1,
        groep_q3,
        band
    from waarden
)

select * from final
order by indicator_code, groep, peiljaar, leeftijd;
