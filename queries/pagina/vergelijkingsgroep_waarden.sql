-- De vergelijkingsgroepen van gemeenten (grootteklasse, selecties) voor indicatoren: elk lid met een cijfer en de
-- cijfers van de groep (view vergelijkingsgroep_waarden), per gemeente waarvoor de groep geldt (`voor_gemeente`).
-- Een grootteklasse geldt in de peiljaren waarin de gemeente zelf een inwonertal heeft in die klasse, een selectie
-- in elk peiljaar (vergelijkingsgroep_leden). Ook als de gemeente zelf dat jaar geen cijfer heeft, staat de groep
-- erin: dan heeft geen rij regio_code = voor_gemeente en is er geen rang.
-- $indicatoren: lijst indicatorcodes; $gemeenten: lijst gemeentecodes.

with eigen as (
    select groep, peiljaar, regio_code as voor_gemeente
    from vergelijkingsgroep_leden
    where regio_code in (select unnest($gemeenten))
),

waarden as (
    select * from vergelijkingsgroep_waarden
    where indicator_code in (select unnest($indicatoren))
),

final as (
    select e.voor_gemeente, w.*
    from waarden as w
    join eigen as e
        on e.groep = w.groep
        and (e.peiljaar is null or e.peiljaar = w.peiljaar)
    order by e.voor_gemeente, w.groep_volgorde, w.indicator_code, w.leeftijd, w.peiljaar, w.rang, w.regio_volgorde
)

select * from final;
