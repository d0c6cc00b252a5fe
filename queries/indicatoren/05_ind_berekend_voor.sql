-- ind_berekend: elke berekende indicator uit `berekende_indicator` (data/berekende_indicatoren.csv), met één
-- generiek model: teller / noemer × factor, uit de voorkeurswaarden (niet NULL) van teller en noemer in dezelfde
-- regio, hetzelfde peiljaar en dezelfde leeftijdsgroep (een noemer van 0 geeft geen waarde), alleen waar voor
-- die cel (regio, peiljaar) geen gepubliceerd cijfer van de indicator zelf bestaat. Herkomst, status en bron zijn
-- die van de teller; `citaat` zegt de berekening, `berekend_uit` waaruit (teller en noemer met hun tabel).
-- Vervangt de handgeschreven view ind_bijstand_per_1000 (tot en met sessie 3).
-- Een tabelmacro, zodat het schrijfpad (kompas.db.zet_afgeleid_vast) alleen de geraakte indicatoren herberekent;
-- de view ind_berekend (10_ind_berekend.sql) is deze macro voor alle indicatoren.
-- `indicatoren`, `regios`: NULL is alles; anders alleen de rijen van die indicatoren in die regio's. De indicatoren
-- moeten gesloten zijn over berekende_indicator (bij elke berekende indicator ook haar teller en noemer en
-- omgekeerd) en de regio's moeten Nederland (soort 'land') bevatten, want elke rij vergelijkt met Nederland;
-- kompas.db maakt ze zo met queries/schrijven/geraakt.sql. Het filter staat in de eerste stap, zodat DuckDB het
-- tot in de scan van `waarneming` duwt, onder alle vensterfuncties door (EXPLAIN: 'Filters: indicator_code IN ...').
drop view if exists ind_bijstand_per_1000;

create or replace macro ind_berekend_voor(indicatoren, regios) as table
with berekeningen as (
    select * from berekende_indicator
    where indicatoren is null or list_contains(indicatoren, indicator_code)
),

opgeslagen as (
    select * from waarneming
    where
        (indicatoren is null or list_contains(indicatoren, indicator_code))
        and (regios is null or list_contains(regios, regio_code))
),

waarnemingen as (
    select * from stg_waarneming
    where
        (indicatoren is null or list_contains(indicatoren, indicator_code))
        and (regios is null or list_contains(regios, regio_code))
),

bronnen as (
    -- per berekening haar teller en haar noemer, elk als rij: de koppeling hieronder is dan een gewone
    -- gelijkheid, zodat DuckDB alleen de waarnemingen van teller en noemer leest (en niets als een filter op
    -- indicator_code geen berekening overlaat; zie kompas.db.zet_afgeleid_vast)
    select indicator_code as berekende_code, teller as bron_code, leeftijd from berekeningen
    union all
    select indicator_code as berekende_code, noemer as bron_code, leeftijd from berekeningen
),

tellingen as (
    -- per berekening en cel de voorkeursbron, zoals in indicator_waarden
    select
        b.berekende_code,
        w.*
    from bronnen as b
    inner join waarnemingen as w
        on
            w.indicator_code = b.bron_code
            and w.leeftijd = b.leeftijd
            and w.waarde is not null
            -- een stand met een eigen peildatum (kwartaalstand) wordt niet gedeeld door het inwonertal van het jaar
            and w.peildatum is null
    qualify row_number() over (
        partition by b.berekende_code, w.indicator_code, w.regio_code, w.peiljaar, w.leeftijd
        order by voorkeur_volgorde(w.bron_rang, w.opgehaald_op, w.gepubliceerd_als, w.herkomst_id)
    ) = 1
),

tellers as (
    select t.*
    from tellingen as t
    inner join berekeningen as b
        on b.indicator_code = t.berekende_code and t.indicator_code = b.teller
),

noemers as (
    select t.*
    from tellingen as t
    inner join berekeningen as b
        on b.indicator_code = t.berekende_code and t.indicator_code = b.noemer
    where t.waarde > 0
),

gepubliceerd as (
    select distinct
        b.indicator_code,
        o.regio_code,
        o.peiljaar
    from berekeningen as b
    inner join opgeslagen as o
        on
            o.indicator_code = b.indicator_code
            and o.leeftijd = b.leeftijd
            and o.waarde is not null
),

berekend as (
    select
        b.indicator_code,
        t.regio_code,
        t.peiljaar,
        cast(null as date) as peildatum,
        cast(null as varchar) as peildatum_precisie,
        cast(null as integer) as bron_decimalen,  -- berekend: de decimalen van de indicator
        b.leeftijd,
        t.waarde / n.waarde * b.factor as waarde,
        cast(null as double) as ondergrens,
        cast(null as double) as bovengrens,
        t.status,
        t.herkomst_id,
        'berekend: ' || cast(round(t.waarde) as bigint) || ' ' || b.teller_woord
        || ' / ' || cast(round(n.waarde) as bigint) || ' ' || b.noemer_woord
        || ' × ' || replace(format('{:,}', b.factor), ',', '.') as citaat,
        b.teller || ' ' || coalesce(t.tabel_id, t.herkomst_id)
        || ' / ' || b.noemer || ' ' || coalesce(n.tabel_id, n.herkomst_id) as berekend_uit,
        true as is_berekend,
        t.herkomst_soort,
        t.herkomst_bron,
        t.herkomst_titel,
        t.tabel_id,
        t.adres,
        t.herkomst_gelezen_in,
        t.opgehaald_op,
        t.herkomst_licentie,
        t.bron,
        t.bron_rang,
        t.bronfamilie,
        t.gepubliceerd_als
    from tellers as t
    inner join berekeningen as b on t.berekende_code = b.indicator_code
    inner join noemers as n
        on
            t.berekende_code = n.berekende_code
            and t.regio_code = n.regio_code
            and t.peiljaar = n.peiljaar
    anti join gepubliceerd as g
        on
            t.berekende_code = g.indicator_code
            and t.regio_code = g.regio_code
            and t.peiljaar = g.peiljaar
),

final as (
    select * from berekend
)

select * from final;
