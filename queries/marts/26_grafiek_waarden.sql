-- grafiek_waarden: pagina_waarden (marts/25, waar staat wie welke kolommen leest) zonder de details van de herkomst;
-- voor grafieken, kaarten, de tabel erbij en de raadsrapportage (queries/pagina/reeks_indicator.sql, vergelijking.sql,
-- kaartwaarden.sql).

create or replace macro grafiek_waarden() as table
select * exclude (status, oordeel, herkomst_soort, herkomst_titel, adres, gelezen_in, licentie, citaat, is_berekend)
from pagina_waarden();
