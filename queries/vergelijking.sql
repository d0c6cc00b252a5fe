-- Vergelijking van indicatoren tussen regio's over een periode: voorkeurswaarden met landelijke waarde,
-- verschil, significantie en oordeel.
-- Parameters: $indicatoren (varchar[]), $regios (varchar[]), $jaar_van, $jaar_tot (integer).

with waarden as (
    select *
    from kompas_afgeleid.indicator_waarden
    where is_voorkeur
        and indicator_code in (select unnest($indicatoren::varchar[]))
        and regio_code in (select unnest($regios::varchar[]))
        and peiljaar between $jaar_van and $jaar_tot
),

final as (
    select
        indicator_code,
        indicator_naam,
        thema,
        eenheid,
        decimalen,
        goede_richting,
        regio_code,
        regio_naam,
        regio_soort,
        regio_volgorde,
        leeftijd,
        peiljaar,
        peildatum,
        waarde,
        ondergrens,
        bovengrens,
        landelijk_waarde,
        verschil_landelijk,
        significantie,
        oordeel,
        oordeel_grondslag,
        bron,
        herkomst_soort,
        licentie,
        berekend_uit
    from waarden
)

select * from final
order by indicator_code, leeftijd, regio_volgorde, peiljaar, peildatum nulls first
