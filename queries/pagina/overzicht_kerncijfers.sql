-- Kerncijfers voor de overzichtspagina: per kopindicator (data/overzicht.csv) × gemeente de laatste
-- voorkeurswaarde met landelijke waarde, verschil, significantie, oordeel, vorige meting en bron.
-- Een gemeente zonder cijfer krijgt een rij met waarde NULL (niet: geen rij), zodat de pagina
-- "geen gegevens" kan zeggen.
-- Parameters: $gemeenten (varchar[]), en de kopindicatoren als gelijke lijsten $themas, $codes,
-- $leeftijden (varchar[]) en $volgordes (integer[]).

with kopindicatoren as (
    select
        unnest($themas::varchar[]) as thema,
        unnest($codes::varchar[]) as indicator_code,
        unnest($leeftijden::varchar[]) as leeftijd,
        unnest($volgordes::integer[]) as volgorde
),

gekozen_gemeenten as (
    select unnest($gemeenten::varchar[]) as regio_code
),

indicatoren as (
    select * from indicator
),

regios as (
    select * from regio
),

laatste as (
    select *
    from afgeleid.laatste_waarden
    where regio_code in (select regio_code from gekozen_gemeenten)
        and indicator_code in (select indicator_code from kopindicatoren)
),

raster as (
    select k.*, g.regio_code
    from kopindicatoren as k
    cross join gekozen_gemeenten as g
),

final as (
    select
        r.thema,
        r.volgorde,
        r.indicator_code,
        i.naam as indicator_naam,
        i.eenheid,
        coalesce(l.decimalen, i.decimalen) as decimalen,  -- van het cijfer zelf (marts/05)
        l.landelijk_decimalen,
        l.vorige_decimalen,
        i.goede_richting,
        i.soort as indicator_soort,
        r.leeftijd,
        r.regio_code,
        g.regio_naam,
        g.volgorde as regio_volgorde,
        l.peiljaar,
        l.peildatum,
        l.peildatum_precisie,
        l.waarde,
        l.ondergrens,
        l.bovengrens,
        l.status,
        l.landelijk_waarde,
        l.landelijk_ondergrens,
        l.landelijk_bovengrens,
        l.verschil_landelijk as verschil,
        l.significantie,
        l.oordeel,
        l.oordeel_grondslag,
        l.vorige_peiljaar,
        l.vorige_peildatum,
        l.vorige_peildatum_precisie,
        l.vorige_waarde,
        l.verandering,
        l.bron,
        l.herkomst_soort,
        l.herkomst_id,
        l.tabel_id,
        l.adres,
        l.opgehaald_op,
        coalesce(l.licentie, i.licentie) as licentie,
        l.berekend_uit,
        l.citaat
    from raster as r
    join indicatoren as i using (indicator_code)
    join regios as g on g.regio_code = r.regio_code
    left join laatste as l
        on l.indicator_code = r.indicator_code
        and l.leeftijd = r.leeftijd
        and l.regio_code = r.regio_code
)

select * from final
order by volgorde, regio_volgorde
