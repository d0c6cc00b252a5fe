-- De vergelijkingsgroep die iemand op een pagina kiest: dezelfde berekening als de publieke view
-- vergelijkingsgroep_waarden (marts/86_groepswaarden.sql), met de gekozen gemeenten als leden in elk peiljaar.
-- Naam en minimum: de groep van soort 'keuze' in data/vergelijkingsgroepen.toml.
-- $indicatoren: lijst indicatorcodes; $leden: lijst gemeentecodes (minstens één).

with keuze as (
    select groep from vergelijkingsgroep where groep_soort = 'keuze'
),

leden as (
    select list_transform(
        $leden,
        lambda code: struct_pack(
            groep := keuze.groep, peiljaar := cast(null as integer), regio_code := code  -- noqa: RF03
        )
    ) as leden
    from keuze
),

final as (
    select * from groepswaarden((select leden from leden), $indicatoren::varchar[])
    order by indicator_code, leeftijd, peiljaar, rang, regio_volgorde
)

select * from final;
