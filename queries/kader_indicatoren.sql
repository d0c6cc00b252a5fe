-- Kaderboom van één gemeente: kader -> doel -> indicator in de eigen woorden van de gemeente, met de
-- gekoppelde registry-indicator, de laatste voorkeurswaarde (en landelijk), de nulmeting en de
-- streefwaarden (als lijst). De status tegenover de streefwaarde berekent kompas.status (Python).
-- Kaders zonder doelen en doelen zonder indicatoren staan er ook in (met NULL-kolommen).
-- Reeks: de leeftijdsgroep uit het kader; is die leeg, dan de reeks met het laatste peiljaar
-- ('totaal' gaat bij gelijk jaar voor).
-- Nulmeting: de waarde uit het kader; staat daar alleen een jaar, dan de voorkeurswaarde van de gemeente
-- in dat jaar uit dezelfde reeks (`nulmeting_herkomst` zegt welke).
-- Parameter: $gemeente (varchar).

with kaders as (
    select * from kader where gemeente_code = $gemeente
),

doelen as (
    select * from doel where kader_id in (select kader_id from kaders)
),

kader_indicatoren as (
    select * from kader_indicator where gemeente_code = $gemeente
),

streefwaarden as (
    select * from streefwaarde
    where kader_indicator_id in (select kader_indicator_id from kader_indicatoren)
),

indicatoren as (
    select * from indicator
),

waarden as (
    select *
    from kompas_afgeleid.indicator_waarden
    where regio_code = $gemeente
        and is_voorkeur
        and waarde is not null
        and indicator_code in (select indicator_code from kader_indicatoren)
),

kandidaten as (
    select ki.kader_indicator_id, w.*
    from kader_indicatoren as ki
    join waarden as w
        on w.indicator_code = ki.indicator_code
        and (ki.leeftijd is null or w.leeftijd = ki.leeftijd)
),

laatste as (
    select *
    from kandidaten
    qualify row_number() over (
        partition by kader_indicator_id
        order by peiljaar desc, (leeftijd = 'totaal') desc, peildatum desc nulls last, leeftijd
    ) = 1
),

eerste as (
    select k.kader_indicator_id, k.waarde, k.peiljaar
    from kandidaten as k
    join laatste as l using (kader_indicator_id)
    where k.leeftijd = l.leeftijd
    qualify row_number() over (partition by k.kader_indicator_id order by k.peiljaar, k.peildatum nulls first) = 1
),

nulmeting_waargenomen as (
    select k.kader_indicator_id, k.waarde, k.peiljaar
    from kandidaten as k
    join laatste as l using (kader_indicator_id)
    join kader_indicatoren as ki using (kader_indicator_id)
    where k.leeftijd = l.leeftijd and k.peiljaar = ki.nulmeting_jaar
    qualify row_number() over (partition by k.kader_indicator_id order by k.peildatum desc nulls last) = 1
),

streef_per_indicator as (
    select
        kader_indicator_id,
        list(
            struct_pack(jaar, tekst, soort, waarde, ondergrens, bovengrens, richting)
            order by jaar nulls last, tekst
        ) as streefwaarden
    from streefwaarden
    group by kader_indicator_id
),

final as (
    select
        k.gemeente_code,
        k.kader_id,
        k.naam as kader_naam,
        k.niveau as kader_niveau,
        k.document,
        k.omschrijving as kader_omschrijving,
        k.volgorde as kader_volgorde,
        d.doel_id,
        d.naam as doel_naam,
        d.volgorde as doel_volgorde,
        ki.kader_indicator_id,
        ki.omschrijving,
        ki.volgorde as indicator_volgorde,
        ki.indicator_code,
        i.naam as indicator_naam,
        coalesce(ki.eenheid, i.eenheid) as eenheid,
        i.decimalen,
        i.goede_richting,
        coalesce(l.leeftijd, ki.leeftijd) as leeftijd,
        ki.bron_genoemd,
        ki.bron_regels,
        ki.toelichting,
        l.peiljaar as laatste_peiljaar,
        l.peildatum as laatste_peildatum,
        l.waarde as laatste_waarde,
        l.ondergrens as laatste_ondergrens,
        l.bovengrens as laatste_bovengrens,
        l.landelijk_waarde,
        l.verschil_landelijk,
        l.significantie,
        l.oordeel,
        l.bron,
        l.herkomst_soort,
        l.berekend_uit,
        e.peiljaar as eerste_peiljaar,
        e.waarde as eerste_waarde,
        ki.nulmeting_jaar,
        ki.nulmeting_tekst,
        coalesce(ki.nulmeting_waarde, n.waarde) as nulmeting_waarde,
        case
            when ki.nulmeting_waarde is not null then 'kader'
            when n.waarde is not null then 'waarneming'
        end as nulmeting_herkomst,
        l.waarde - coalesce(ki.nulmeting_waarde, n.waarde) as verandering_sinds_nulmeting,
        s.streefwaarden
    from kaders as k
    left join doelen as d on d.kader_id = k.kader_id
    left join kader_indicatoren as ki on ki.doel_id = d.doel_id
    left join indicatoren as i on i.indicator_code = ki.indicator_code
    left join laatste as l on l.kader_indicator_id = ki.kader_indicator_id
    left join eerste as e on e.kader_indicator_id = ki.kader_indicator_id
    left join nulmeting_waargenomen as n on n.kader_indicator_id = ki.kader_indicator_id
    left join streef_per_indicator as s on s.kader_indicator_id = ki.kader_indicator_id
)

select * from final
order by kader_volgorde, kader_id, doel_volgorde, doel_id, indicator_volgorde, kader_indicator_id
