-- regios_bij: de regio's die een pagina bij de gekozen regio's toont: die regio's zelf, hun GGD-regio's en
-- Nederland (soort 'land'); met `met_wijken` ook de wijken van de gekozen gemeenten (soort 'wijk' met die gemeente
-- in gemeente_code). Eén plek voor deze regel (queries/pagina/reeks_indicator.sql, indicator_waarden_detail.sql).

create or replace macro regios_bij(gekozen_codes, met_wijken) as table
with gekozen as (
    select unnest(gekozen_codes::varchar[]) as regio_code
),

regios as (
    select * from regio
),

final as (
    select regio_code from gekozen
    union
    select r.ggd_regio_code from regios as r inner join gekozen using (regio_code) where r.ggd_regio_code is not null
    union
    select regio_code from regios where soort = 'land'
    union
    select r.regio_code from regios as r inner join gekozen as g on r.gemeente_code = g.regio_code
    where met_wijken and r.soort = 'wijk'
)

select * from final;
