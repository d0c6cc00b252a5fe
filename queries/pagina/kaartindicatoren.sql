-- De indicatoren met voorkeurswaarden voor gemeenten of wijken, per regiosoort en peiljaar: de keuzes van de
-- kaartenpagina (indicator, jaar), met naam, eenheid en decimalen uit de registry.

with waarden as (
    select *
    from afgeleid.indicator_waarden
    where is_voorkeur and regio_soort in ('gemeente', 'wijk')
),

final as (
    select distinct
        indicator_code,
        indicator_naam,
        eenheid,
        decimalen,
        indicator_soort,
        regio_soort,
        peiljaar
    from waarden
)

select * from final
order by indicator_naam, regio_soort, peiljaar
