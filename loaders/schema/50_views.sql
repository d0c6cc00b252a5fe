-- Publieke view voor analisten en controles: één rij per waarneming, met de landelijke waarde
-- voor dezelfde indicator, hetzelfde peiljaar (en dezelfde peildatum) en dezelfde leeftijdsgroep.
-- Bij meerdere bronnen voor hetzelfde cijfer is `is_voorkeur` waar voor de bron die het dashboard
-- toont: StatLine (CBS/RIVM) vóór upload vóór gepubliceerd document, daarna de nieuwste.
-- De landelijke waarde komt bij voorkeur uit dezelfde bron als de waarde zelf.

create or replace view indicator_waarden as
with waarnemingen as (
    select
        w.*,
        h.soort as herkomst_soort,
        h.bron as herkomst_bron,
        h.titel as herkomst_titel,
        h.tabel_id,
        h.adres,
        h.opgehaald_op,
        case h.soort when 'CBS StatLine' then 1 when 'RIVM StatLine' then 1 when 'upload' then 2 else 3 end as bron_rang
    from waarneming as w
    join herkomst as h using (herkomst_id)
),

gerangschikt as (
    select
        *,
        row_number() over (
            partition by indicator_code, regio_code, peiljaar, peildatum, leeftijd
            order by bron_rang, opgehaald_op desc nulls last, herkomst_id
        ) = 1 as is_voorkeur
    from waarnemingen
),

landelijk as (
    select
        w.indicator_code, w.regio_code, w.peiljaar, w.peildatum, w.leeftijd, w.herkomst_id,
        n.waarde as landelijk_waarde,
        n.ondergrens as landelijk_ondergrens,
        n.bovengrens as landelijk_bovengrens,
        n.herkomst_id as landelijk_herkomst_id,
        row_number() over (
            partition by w.indicator_code, w.regio_code, w.peiljaar, w.peildatum, w.leeftijd, w.herkomst_id
            order by (n.herkomst_id = w.herkomst_id) desc, n.is_voorkeur desc, n.herkomst_id
        ) as rang
    from gerangschikt as w
    join gerangschikt as n
        on n.regio_code = 'NL01'
        and n.indicator_code = w.indicator_code
        and n.peiljaar = w.peiljaar
        and n.peildatum is not distinct from w.peildatum
        and n.leeftijd = w.leeftijd
        and n.waarde is not null
),

final as (
    select
        g.indicator_code,
        i.naam as indicator_naam,
        i.eenheid,
        g.regio_code,
        r.regio_naam,
        r.soort as regio_soort,
        g.peiljaar,
        g.peildatum,
        g.leeftijd,
        g.waarde,
        g.ondergrens,
        g.bovengrens,
        g.status,
        l.landelijk_waarde,
        l.landelijk_ondergrens,
        l.landelijk_bovengrens,
        g.waarde - l.landelijk_waarde as verschil_landelijk,
        case
            when g.regio_code = 'NL01' or l.landelijk_waarde is null or g.waarde is null then null
            when g.ondergrens is null or g.bovengrens is null then null
            when l.landelijk_ondergrens is not null
                then l.landelijk_bovengrens < g.ondergrens or l.landelijk_ondergrens > g.bovengrens
            else l.landelijk_waarde < g.ondergrens or l.landelijk_waarde > g.bovengrens
        end as verschil_significant,
        g.herkomst_bron || coalesce(' (' || g.tabel_id || ')', '') || coalesce(', ' || g.adres, '') as bron,
        g.herkomst_soort,
        g.herkomst_id,
        l.landelijk_herkomst_id,
        g.opgehaald_op,
        g.citaat,
        g.berekend_uit,
        g.is_voorkeur
    from gerangschikt as g
    join indicator as i using (indicator_code)
    join regio as r using (regio_code)
    left join landelijk as l
        on l.rang = 1
        and l.indicator_code = g.indicator_code
        and l.regio_code = g.regio_code
        and l.peiljaar = g.peiljaar
        and l.peildatum is not distinct from g.peildatum
        and l.leeftijd = g.leeftijd
        and l.herkomst_id = g.herkomst_id
)

select * from final;
