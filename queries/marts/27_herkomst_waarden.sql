-- herkomst_waarden: pagina_waarden (marts/25, waar staat wie welke kolommen leest) zonder wat alleen een grafiek
-- tekent (kleur, vorm, trendbreuken); voor de tabel met herkomst en de downloads
-- (queries/pagina/indicator_waarden_detail.sql).

create or replace macro herkomst_waarden() as table
select * exclude (regio_kleur, regio_vorm, bronfamilie, in_grafiek, trendbreuk, trendbreuk_reden, reeks_deel, reeks_id)
from pagina_waarden();
