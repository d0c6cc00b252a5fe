-- De indicatorregistry met wat er aan waarden is (aantal, jaren, leeftijdsgroepen), voor keuzelijsten en
-- de indicatorinformatie. Parameter: $indicator (varchar of NULL = alle).

with registry as (
    select *
    from indicator
    where $indicator::varchar is null or indicator_code = $indicator::varchar
),

waarden as (
    select indicator_code, peiljaar, leeftijd, herkomst_id
    from kompas_afgeleid.indicator_waarden
    where waarde is not null
        and ($indicator::varchar is null or indicator_code = $indicator::varchar)
),

beschikbaar as (
    select
        indicator_code,
        count(*) as aantal_waarden,
        min(peiljaar) as eerste_peiljaar,
        max(peiljaar) as laatste_peiljaar,
        list(distinct leeftijd order by leeftijd) as leeftijden,
        count(distinct herkomst_id) as aantal_bronnen
    from waarden
    group by indicator_code
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
        r.soort,
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
