-- De band van de vergelijkingsgroepen (grootteklasse, selecties) van gemeenten, zonder de leden: per gemeente
-- waarvoor de groep geldt (`voor_gemeente`), groep, indicator, peiljaar en leeftijdsgroep één rij uit
-- afgeleid.vergelijkingsgroep_band (groep_aantal, groep_mediaan, groep_q1, groep_q3, band), met het cijfer en de
-- rang van de gemeente zelf (regio_code, regio_naam, waarde, rang; NULL als ze dat jaar geen cijfer heeft).
-- Dezelfde groepen als pagina/vergelijkingsgroep_waarden.sql (de ledenrijen, die een pagina pas op verzoek leest).
-- $indicatoren: lijst indicatorcodes; $gemeenten: lijst gemeentecodes.
-- Op de grote tabel (vergelijkingsgroep_waarden) filteren met `kolom = any($lijst)`, niet met
-- `list_contains($lijst, kolom)`: van list_contains met meer gemeenten maakt DuckDB alleen een zonemapfilter en
-- leest dan elke kolom van elke rij in de gelezen rijgroepen (Overzicht, landelijk: ~370.000 rijen voor 810);
-- `= any` wordt een semi-join die een filter in de scan zet (~20.000 rijen, een derde minder CPU). Op de kleine
-- tabellen is list_contains even snel of sneller.

with eigen as (
    select groep, peiljaar, regio_code as voor_gemeente
    from afgeleid.vergelijkingsgroep_leden
    where list_contains($gemeenten, regio_code)
),

banden as (
    select * from afgeleid.vergelijkingsgroep_band
    where list_contains($indicatoren, indicator_code)
),

eigen_cijfer as (
    select groep, indicator_code, peiljaar, leeftijd, regio_code, regio_naam, waarde, rang
    from afgeleid.vergelijkingsgroep_waarden
    where indicator_code = any($indicatoren::varchar[]) and regio_code = any($gemeenten::varchar[])
),

-- een join op groep met een voorwaarde op het peiljaar (grootteklasse: dat jaar; selectie: elk jaar): beide kanten
-- zijn klein (de groepen van een paar gemeenten, de banden van een paar indicatoren)
gekoppeld as (
    select e.voor_gemeente, b.*
    from banden as b
    join eigen as e on e.groep = b.groep and coalesce(e.peiljaar, b.peiljaar) = b.peiljaar
),

final as (
    select
        g.*,
        c.regio_code,
        c.regio_naam,
        c.waarde,
        c.rang
    from gekoppeld as g
    left join eigen_cijfer as c
        on
            c.groep = g.groep
            and c.indicator_code = g.indicator_code
            and c.peiljaar = g.peiljaar
            and c.leeftijd = g.leeftijd
            and c.regio_code = g.voor_gemeente
    order by g.voor_gemeente, g.groep_volgorde, g.indicator_code, g.leeftijd, g.peiljaar
)

select * from final;
