-- groepswaarden(leden, indicatoren): de cijfers van vergelijkingsgroepen, uit de geladen cijfers van hun leden. Eén
-- berekening voor de vastgezette tabel achter de publieke view (marts/88_afgeleid_vergelijkingsgroep_waarden.sql:
-- grootteklassen en selecties) en voor de keuze op een pagina (pagina/vergelijkingsgroep_keuze.sql: de gekozen
-- gemeenten als gebonden parameter).
--
-- `indicatoren`: lijst indicatorcodes, NULL is alle; gefilterd vóór de join met de leden.
-- `leden`: een lijst van {groep, peiljaar, regio_code}; peiljaar NULL = lid in elk peiljaar. De groep moet in de
--   tabel vergelijkingsgroep staan (naam, soort, minimum_aantal).
-- Per lid dat een cijfer heeft één rij: de grafiekwaarde (`in_grafiek`: voorkeursbron, waarde niet NULL, laatste
--   stand in het jaar) van een gemeente, per indicator, peiljaar en leeftijdsgroep. Andere leeftijdsgroepen
--   (18+ en 19+) zijn andere groepen van cijfers: nooit samen in één mediaan.
-- groep_aantal: leden met een cijfer (in die indicator, dat peiljaar, die leeftijdsgroep).
-- groep_mediaan, groep_q1, groep_q3: DuckDB quantile_cont (lineaire interpolatie tussen de gesorteerde waarden,
--   positie (n - 1) × p, zoals Excel KWARTIEL.INC en R type 7) met p = 0,5, 0,25 en 0,75.
-- band: groep_aantal >= minimum_aantal van de groep (data/vergelijkingsgroepen.toml); daaronder tekent een pagina
--   geen band maar zegt ze dat er te weinig gemeenten met een cijfer zijn.
-- rang: plaats van de gemeente onder de leden met een cijfer, 1 = de beste kant (goede_richting 'hoger': hoogste
--   waarde eerst; 'lager': laagste eerst). Bij 'neutraal' (zoals inwoners) is er geen beste kant: dan is rang de
--   plaats van laag naar hoog, en rang_richting zegt dat. Gelijke waarden delen een rang (rank(): 1, 2, 2, 4).

create or replace macro groepswaarden(leden, indicatoren) as table
with lid as (
    select unnest(leden, recursive := true)
),

groepen as (
    select * from vergelijkingsgroep
),

-- een eigen registratie telt elke gemeente op haar eigen manier (data/indicatoren.csv, soort): geen mediaan of rang
-- over gemeenten heen
waarden as (
    select * from afgeleid.indicator_waarden
    where
        (indicatoren is null or list_contains(indicatoren, indicator_code))
        and indicator_soort <> 'eigen registratie'
),

-- twee gelijkheidsjoins (lid in één peiljaar, lid in elk peiljaar) in plaats van één join met 'of': die zou een
-- nested loop worden
per_lid as (
    select l.groep, w.*
    from lid as l
    join waarden as w on w.regio_code = l.regio_code and w.peiljaar = l.peiljaar
    where l.peiljaar is not null
    union all
    select l.groep, w.*
    from lid as l
    join waarden as w on w.regio_code = l.regio_code
    where l.peiljaar is null
),

met_cijfer as (
    select
        g.groep,
        g.groep_naam,
        g.groep_soort,
        g.volgorde as groep_volgorde,
        g.minimum_aantal as groep_minimum,
        w.indicator_code,
        w.indicator_naam,
        w.eenheid,
        w.decimalen,
        w.goede_richting,
        w.leeftijd,
        w.peiljaar,
        w.regio_code,
        w.regio_naam,
        w.regio_volgorde,
        w.waarde,
        w.bron
    from per_lid as w
    join groepen as g on g.groep = w.groep
    where w.in_grafiek and w.regio_soort = 'gemeente'
),

-- de cijfers van de groep als aggregaat (één quantile_cont met drie kansen), daarna terug bij elk lid: veel
-- sneller dan drie vensterfuncties met quantile_cont
groep_jaar as (
    select
        groep,
        indicator_code,
        peiljaar,
        leeftijd,
        count(*) as groep_aantal,
        quantile_cont(waarde, [0.25, 0.5, 0.75]) as kwartielen
    from met_cijfer
    group by groep, indicator_code, peiljaar, leeftijd
),

final as (
    select
        m.*,
        j.groep_aantal,
        j.kwartielen[2] as groep_mediaan,
        j.kwartielen[1] as groep_q1,
        j.kwartielen[3] as groep_q3,
        j.groep_aantal >= m.groep_minimum as band,
        rank() over (
            partition by m.groep, m.indicator_code, m.peiljaar, m.leeftijd
            order by case when m.goede_richting = 'hoger' then -m.waarde else m.waarde end
        ) as rang,
        case m.goede_richting
            when 'hoger' then 'hoogste waarde eerst'
            when 'lager' then 'laagste waarde eerst'
            else 'van laag naar hoog (geen goede richting)'
        end as rang_richting
    from met_cijfer as m
    join groep_jaar as j using (groep, indicator_code, peiljaar, leeftijd)
)

select * from final;
