-- De indicatorregistry met wat er aan waarden is (aantal, jaren, leeftijdsgroepen, aantal bronnen), voor
-- keuzelijsten en de indicatorinformatie.

with registry as (
    select * from indicator
),

beschikbaar as (
    select * from afgeleid.per_indicator
),

final as (
    select
        r.indicator_code,
        r.naam,
        r.thema,
        r.definitie,
        r.eenheid,
        r.decimalen,
        r.goede_richting,
        r.soort as indicator_soort,
        r.bron,
        r.bron_tabel,
        r.bron_kolom,
        r.licentie,
        r.berekening,
        r.min_waarde,
        r.max_waarde,
        r.toelichting,
        coalesce(b.aantal_waarden, 0) as aantal_waarden,
        b.eerste_peiljaar,
        b.laatste_peiljaar,
        coalesce(b.leeftijden, []::varchar[]) as leeftijden,
        coalesce(b.aantal_bronnen, 0) as aantal_bronnen
    from registry as r
    left join beschikbaar as b using (indicator_code)
)

select * from final
order by thema, naam
