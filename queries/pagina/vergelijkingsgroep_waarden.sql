-- De vergelijkingsgroepen van gemeenten (grootteklasse, selecties) voor indicatoren: elk lid met een cijfer en de
-- cijfers van de groep (view vergelijkingsgroep_waarden), per gemeente waarvoor de groep geldt (`voor_gemeente`).
-- Een grootteklasse geldt in de peiljaren waarin de gemeente zelf een inwonertal heeft in die klasse, een selectie
-- in elk peiljaar (vergelijkingsgroep_leden). Ook als de gemeente zelf dat jaar geen cijfer heeft, staat de groep
-- erin: dan heeft geen rij regio_code = voor_gemeente en is er geen rang.
-- De ledenlijst en de export bij een grafiek (op verzoek); de band zonder leden: vergelijkingsgroep_banden.sql.
-- $indicatoren: lijst indicatorcodes; $gemeenten: lijst gemeentecodes.

with eigen as (
    select groep, peiljaar, regio_code as voor_gemeente
    from afgeleid.vergelijkingsgroep_leden
    where list_contains($gemeenten, regio_code)
),

waarden as (
    select * from vergelijkingsgroep_waarden
    where list_contains($indicatoren, indicator_code)  -- een filter, geen semi-join: gaat mee de view in
),

-- twee gelijkheidsjoins (grootteklasse per peiljaar, selectie in elk peiljaar) in plaats van één join met 'of'
gekoppeld as (
    select e.voor_gemeente, w.*
    from waarden as w
    join eigen as e on e.groep = w.groep and e.peiljaar = w.peiljaar
    union all
    select e.voor_gemeente, w.*
    from waarden as w
    join eigen as e on e.groep = w.groep
    where e.peiljaar is null
),

final as (
    select *
    from gekoppeld
    order by voor_gemeente, groep_volgorde, indicator_code, leeftijd, peiljaar, rang, regio_volgorde
)

select * from final;
