-- Leescache van de view `indicator_waarden` (loaders/schema/50_views.sql) voor de paginaqueries.
--
-- De view rekent bij elke query voorkeur, landelijke waarde, significantie en vorige meting opnieuw uit;
-- op een database met alle gemeenten kost dat per query honderden ms. kompas.gegevens zet de view daarom
-- één keer per geopende database vast in een in-memory database `kompas_afgeleid`, die alle cursors van
-- dezelfde verbinding delen. kompas.db.Lezer opent een nieuwe verbinding zodra de database is vervangen
-- (verversing, upload); de cache verdwijnt met de oude verbinding en wordt bij de eerste query opnieuw
-- gemaakt. De inhoud is precies de view: niets wordt hier berekend dat de view niet ook geeft.
-- Gesorteerd op indicator en regio, zodat een filter op indicator_code weinig rijgroepen leest.

attach if not exists ':memory:' as kompas_afgeleid (read_only false);

create table if not exists kompas_afgeleid.indicator_waarden as
with waarden as (
    select * from indicator_waarden
),

final as (
    select * from waarden
)

select * from final
order by indicator_code, regio_code, leeftijd, peiljaar, peildatum;
