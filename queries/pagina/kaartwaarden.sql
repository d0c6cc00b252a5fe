-- Kaartwaarden: per regio van één regiosoort (alle gemeenten, of de wijken van één gemeente) en leeftijdsgroep
-- de laatste voorkeurswaarde van één indicator in één peiljaar (meer peildata in dat jaar: de laatste), met de
-- kolommen van de macro pagina_waarden (queries/marts/25_pagina_waarden.sql: wat de pagina's lezen).
-- Parameters: $indicator (varchar), $jaar (integer), $regiosoort ('gemeente' of 'wijk'),
-- $gemeente (varchar: bij wijken de gemeente waarin ze liggen; null: alle regio's van de regiosoort).

with waarden as (
    select *
    from pagina_waarden()
    where is_voorkeur
        and indicator_code = $indicator
        and peiljaar = $jaar
        and regio_soort = $regiosoort
),

regios as (
    select
        regio_code,
        gemeente_code
    from regio
),

in_gemeente as (
    select w.*
    from waarden as w
    inner join regios as r on w.regio_code = r.regio_code
    where $gemeente::varchar is null or r.gemeente_code = $gemeente::varchar
),

final as (
    select *
    from in_gemeente
    qualify row_number() over (partition by regio_code, leeftijd order by peildatum desc nulls last) = 1
)

select * from final
order by leeftijd, regio_volgorde, regio_naam
