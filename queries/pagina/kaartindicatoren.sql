-- De indicatoren met voorkeurswaarden voor gemeenten of wijken: per regiosoort de peiljaren, met naam, eenheid en
-- decimalen uit de registry (de keuzes van de kaartenpagina). De peiljaren komen uit de vastgezette samenvatting
-- afgeleid.kaart_jaren (queries/marts/75_afgeleid_kaart_jaren.sql), niet uit heel afgeleid.indicator_waarden.

with jaren as (
    select * from afgeleid.kaart_jaren
),

registry as (
    select * from indicator
),

final as (
    select
        j.indicator_code,
        r.naam as indicator_naam,
        r.eenheid,
        r.decimalen,
        r.soort as indicator_soort,
        j.regio_soort,
        j.peiljaar
    from jaren as j
    inner join registry as r using (indicator_code)
)

select * from final
order by indicator_naam, regio_soort, peiljaar
