-- Tijdreeksen van de gekozen indicatoren (één query voor alle indicatoren van een kader) voor de gekozen
-- regio's, aangevuld met Nederland en de GGD-regio's van de gekozen gemeenten; alleen voorkeurswaarden,
-- met interval. Elke indicator × leeftijdsgroep is een eigen reeks (kolom `reeks`): 18+ en 19+ worden
-- nooit één lijn. Kolommen: die van de macro grafiek_waarden (queries/marts/26_grafiek_waarden.sql: wat de pagina's,
-- grafieken, tabellen en de raadsrapportage lezen) plus `reeks`.
-- Een grafiek tekent alleen de rijen met `in_grafiek` (één waarde per regio-jaar), één lijn per `reeks_id`;
-- `trendbreuk` markeert de eerste waarde na een wissel van bronfamilie. De regel staat één keer, in
-- queries/marts/10_indicator_waarden.sql (en de bronfamilie in staging/30_stg_waarneming.sql); de andere rijen
-- blijven voor de tabel.
-- Parameters: $indicatoren (varchar[]), $regios (varchar[]).

with reeks_regios as (
    select regio_code from regios_bij($regios, false)
),

waarden as (
    select *
    from grafiek_waarden()
    where indicator_code in (select unnest($indicatoren::varchar[]))
        and is_voorkeur
        and regio_code in (select regio_code from reeks_regios)
),

final as (
    select
        *,
        indicator_code || ' | ' || leeftijd as reeks
    from waarden
)

select * from final
order by indicator_code, leeftijd, regio_volgorde, peiljaar, peildatum nulls first
