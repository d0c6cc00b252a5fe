-- Vergelijking van indicatoren tussen regio's (plus Nederland, de regio van soort 'land') over een periode:
-- voorkeurswaarden met landelijke waarde,
-- verschil en significantie (de kolommen van de macro grafiek_waarden, queries/marts/26_grafiek_waarden.sql:
-- wat de pagina's lezen). De grafiek tekent alleen
-- `in_grafiek`, één lijn per `reeks_id` (trendbreukregel: queries/marts/10_indicator_waarden.sql).
-- Parameters: $indicatoren (varchar[]), $regios (varchar[]), $jaar_van, $jaar_tot (integer).
-- Nederland komt in dezelfde lijst als de gekozen regio's (geen `or regio_soort = 'land'`): dan gaat het
-- regiofilter mee in de scan en leest DuckDB alleen de rijen van die regio's (landelijk 3x sneller).

with waarden as (
    select *
    from grafiek_waarden()
    where is_voorkeur
        and indicator_code in (select unnest($indicatoren::varchar[]))
        and regio_code in (
            select unnest($regios::varchar[])
            union all
            select regio_code from regio where soort = 'land'
        )
        and peiljaar between $jaar_van and $jaar_tot
),

final as (
    select * from waarden
)

select * from final
order by indicator_code, leeftijd, regio_volgorde, peiljaar, peildatum nulls first
