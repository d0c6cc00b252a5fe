-- sleutel: indicator_code (kompas.db.zet_afgeleid_vast herberekent alleen de rijen van de geraakte indicatoren)
-- helemaal bij een andere kader_versie (queries/schrijven/kader_versie.sql: kaders, doelen, streefwaarden, uploads)
-- alleen als kader_geraakt (queries/schrijven/kader_geraakt.sql: een geraakte indicator in een kader van een geraakte
-- gemeente)
-- Kaderboom van elke gemeente: kader -> doel -> indicator in de eigen woorden van de gemeente, met de
-- gekoppelde registry-indicator, de laatste voorkeurswaarde (en landelijk), de nulmeting en de
-- streefwaarden (als lijst). De status tegenover de streefwaarde berekent kompas.status (Python).
-- Kaders zonder doelen en doelen zonder indicatoren staan er ook in (met NULL-kolommen).
-- Eenheid: `eenheid` is die van de registry-indicator (de cijfers zijn registry-cijfers); `kader_eenheid` is de
-- formulering uit het kader, alleen als tekst.
-- Reeks: de leeftijdsgroep uit het kader; is die leeg, dan de reeks met het laatste peiljaar
-- ('totaal' gaat bij gelijk jaar voor).
-- Streefwaarden: die uit het beleidsdocument en die uit geldende uploads (`geldende_upload_streefwaarde`,
-- herkend aan de formulering van de gemeente of aan de registry-code). Een geüploade streefwaarde voor
-- hetzelfde jaar vervangt die uit het document (de nieuwste upload telt); elke streefwaarde zegt in
-- `herkomst` waar ze vandaan komt.
-- Nulmeting: uit de nieuwste upload die er een geeft, anders uit het kader; staat daar alleen een jaar, dan
-- de voorkeurswaarde van de gemeente in dat jaar uit dezelfde reeks (`nulmeting_herkomst` zegt welke).
create or replace table afgeleid.kader_indicatoren as
with kaders as (
    select * from kader
),

doelen as (
    select * from doel
),

kader_indicatoren as (
    select * from kader_indicator
),

indicatoren as (
    select * from indicator
),

document_streefwaarden as (
    select * from streefwaarde
),

upload_streefwaarden as (
    select * from geldende_upload_streefwaarde   -- staging/20_geldende_upload_streefwaarde.sql
),

kader_reeksen as (
    select distinct gemeente_code as regio_code, indicator_code from kader_indicatoren
),

waarden as (
    select w.*
    from afgeleid.indicator_waarden as w
    semi join kader_reeksen using (regio_code, indicator_code)
    where
        ($indicatoren::varchar[] is null or list_contains($indicatoren::varchar[], indicator_code))
        and w.is_voorkeur and w.waarde is not null
),

uit_upload as (
    -- herkend aan de formulering van de gemeente (kader_indicator_id), of aan de registry-code
    select ki.kader_indicator_id, s.* exclude (kader_indicator_id)
    from upload_streefwaarden as s
    join kader_indicatoren as ki
        on ki.gemeente_code = s.gemeente_code
        and (
            ki.kader_indicator_id = s.kader_indicator_id
            or (s.kader_indicator_id is null and ki.indicator_code = s.indicator_code)
        )
),

upload_streef as (
    select
        kader_indicator_id, jaar, tekst, soort, waarde, ondergrens, bovengrens, richting,
        upload_herkomst(bestandsnaam, geupload_op, door) as herkomst  -- tabellen/20_uploads.sql
    from uit_upload
    where soort is not null
    qualify row_number() over (
        partition by kader_indicator_id, jaar order by geupload_op desc, herkomst_id desc, rij asc
    ) = 1
),

document_streef as (
    select
        s.kader_indicator_id, s.jaar, s.tekst, s.soort, s.waarde, s.ondergrens, s.bovengrens, s.richting,
        'kader: ' || k.document as herkomst
    from document_streefwaarden as s
    join kader_indicatoren using (kader_indicator_id)
    join doelen using (doel_id)
    join kaders as k using (kader_id)
    where not exists (
        select 1 from upload_streef as u
        where u.kader_indicator_id = s.kader_indicator_id and u.jaar is not distinct from s.jaar
    )
),

streefwaarden as (
    select * from upload_streef
    union all
    select * from document_streef
),

upload_nulmeting as (
    select
        kader_indicator_id, nulmeting_jaar, nulmeting_waarde,
        upload_herkomst(bestandsnaam, geupload_op, door) as herkomst  -- tabellen/20_uploads.sql
    from uit_upload
    where nulmeting_jaar is not null or nulmeting_waarde is not null
    qualify row_number() over (partition by kader_indicator_id order by geupload_op desc, herkomst_id desc, rij asc) = 1
),

kandidaten as (
    select ki.kader_indicator_id, w.*
    from kader_indicatoren as ki
    join waarden as w
        on w.regio_code = ki.gemeente_code
        and w.indicator_code = ki.indicator_code
        and (ki.leeftijd is null or w.leeftijd = ki.leeftijd)
),

nulmetingen as (
    -- een nulmeting uit een upload vervangt die uit het kader
    select
        ki.kader_indicator_id,
        case when u.kader_indicator_id is not null then u.nulmeting_jaar else ki.nulmeting_jaar end as nulmeting_jaar,
        case when u.kader_indicator_id is not null then u.nulmeting_waarde else ki.nulmeting_waarde end
            as nulmeting_waarde,
        case when u.kader_indicator_id is null then ki.nulmeting_tekst end as nulmeting_tekst,
        u.herkomst as upload_herkomst
    from kader_indicatoren as ki
    left join upload_nulmeting as u using (kader_indicator_id)
),

laatste as (
    select *
    from kandidaten
    qualify row_number() over (
        partition by kader_indicator_id
        order by peiljaar desc, (leeftijd = 'totaal') desc, peildatum desc nulls last, leeftijd asc
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
    join nulmetingen as nm using (kader_indicator_id)
    where k.leeftijd = l.leeftijd and k.peiljaar = nm.nulmeting_jaar
    qualify row_number() over (partition by k.kader_indicator_id order by k.peildatum desc nulls last) = 1
),

streef_per_indicator as (
    select
        kader_indicator_id,
        list(
            struct_pack(jaar, tekst, soort, waarde, ondergrens, bovengrens, richting, herkomst)
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
        k.geldig_van,
        k.geldig_tot,
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
        -- de eenheid van de cijfers is die van de registry-indicator (as, tooltip, nulmeting, marge van de status);
        -- de eenheid zoals het kader die noemt ('aantal (trend t.o.v. landelijk)') staat apart, als tekst
        i.eenheid,
        ki.eenheid as kader_eenheid,
        i.decimalen,
        i.goede_richting,
        i.soort as indicator_soort,
        coalesce(l.leeftijd, ki.leeftijd) as leeftijd,
        ki.bron_genoemd,
        ki.bron_regels,
        ki.toelichting,
        l.peiljaar as laatste_peiljaar,
        l.peildatum as laatste_peildatum,
        l.peildatum_precisie as laatste_peildatum_precisie,
        l.waarde as laatste_waarde,
        l.decimalen as laatste_decimalen,  -- zoveel als de bron publiceerde, nooit meer dan i.decimalen (marts/05)
        l.landelijk_decimalen,
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
        nm.nulmeting_jaar,
        nm.nulmeting_tekst,
        coalesce(nm.nulmeting_waarde, n.waarde) as nulmeting_waarde,
        case
            when nm.nulmeting_waarde is not null then coalesce(nm.upload_herkomst, 'kader')
            when n.waarde is not null then 'waarneming'
        end as nulmeting_herkomst,
        l.waarde - coalesce(nm.nulmeting_waarde, n.waarde) as verandering_sinds_nulmeting,
        s.streefwaarden
    from kaders as k
    left join doelen as d on d.kader_id = k.kader_id
    left join kader_indicatoren as ki on ki.doel_id = d.doel_id
    left join indicatoren as i on i.indicator_code = ki.indicator_code
    left join nulmetingen as nm on nm.kader_indicator_id = ki.kader_indicator_id
    left join laatste as l on l.kader_indicator_id = ki.kader_indicator_id
    left join eerste as e on e.kader_indicator_id = ki.kader_indicator_id
    left join nulmeting_waargenomen as n on n.kader_indicator_id = ki.kader_indicator_id
    left join streef_per_indicator as s on s.kader_indicator_id = ki.kader_indicator_id
    where $indicatoren::varchar[] is null or list_contains($indicatoren::varchar[], ki.indicator_code)
)

select * from final
order by gemeente_code, kader_volgorde, kader_id, doel_volgorde, doel_id, indicator_volgorde, kader_indicator_id;
