-- Kaartwaarden: per regio (alle gemeenten, en de wijken van één gemeente) en leeftijdsgroep de laatste
-- voorkeurswaarde van één indicator in één peiljaar (meer peildata in dat jaar: de laatste), met de kolommen van de
-- macro grafiek_waarden (queries/marts/26_grafiek_waarden.sql: wat de pagina's lezen). Beide kaarten in één query: de
-- pagina deelt op regio_soort.
-- Parameters: $indicator (varchar), $jaar (integer), $gemeente (varchar: de gemeente van de wijken).

with waarden as (
    select *
    from grafiek_waarden()
    where is_voorkeur
        and indicator_code = $indicator
        and peiljaar = $jaar
        and regio_soort in ('gemeente', 'wijk')
),

regios as (
    select
        regio_code,
        gemeente_code
    from regio
),

op_kaart as (
    select w.*
    from waarden as w
    inner join regios as r on w.regio_code = r.regio_code
    where w.regio_soort = 'gemeente' or r.gemeente_code = $gemeente::varchar
),

final as (
    select *
    from op_kaart
    qualify row_number() over (partition by regio_code, leeftijd order by peildatum desc nulls last) = 1
)

select * from final
order by leeftijd, regio_volgorde, regio_naam
