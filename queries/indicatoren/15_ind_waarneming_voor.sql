-- ind_waarneming_voor: opgeslagen (stg_waarneming) én berekende waarden (ind_*), in één vorm; hierop rust de
-- publieke view indicator_waarden (marts/05_indicator_waarden_voor.sql, marts/10_indicator_waarden.sql).
-- `indicatoren`, `regios`: NULL is alles; anders alleen de rijen van die indicatoren in die regio's. De indicatoren
-- moeten gesloten zijn over berekende_indicator (bij elke berekende indicator ook haar teller en noemer en
-- omgekeerd) en de regio's moeten Nederland (soort 'land') bevatten, want elke rij vergelijkt met Nederland;
-- kompas.db maakt ze zo met queries/schrijven/geraakt.sql. Het filter staat in de eerste stap, zodat DuckDB het
-- tot in de scan van `waarneming` duwt, onder alle vensterfuncties door (EXPLAIN: 'Filters: indicator_code IN ...').

create or replace macro ind_waarneming_voor(indicatoren, regios) as table
with opgeslagen as (
    select * from stg_waarneming
    where
        (indicatoren is null or list_contains(indicatoren, indicator_code))
        and (regios is null or list_contains(regios, regio_code))
),

berekend as (
    select * from ind_berekend_voor(indicatoren, regios)
),

final as (
    select * from opgeslagen
    union all by name
    select * from berekend
)

select * from final;
