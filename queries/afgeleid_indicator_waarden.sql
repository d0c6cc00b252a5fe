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

-- Samenvattingen voor de registry-, bronnen- en dekkingspagina (alleen waarden die er zijn, niet NULL).
create table if not exists kompas_afgeleid.per_indicator as
with waarden as (
    select * from kompas_afgeleid.indicator_waarden where waarde is not null
),

final as (
    select
        indicator_code,
        count(*) as aantal_waarden,
        min(peiljaar) as eerste_peiljaar,
        max(peiljaar) as laatste_peiljaar,
        list(distinct leeftijd order by leeftijd) as leeftijden,
        count(distinct herkomst_id) as aantal_bronnen
    from waarden
    group by indicator_code
)

select * from final;

create table if not exists kompas_afgeleid.per_herkomst as
with waarden as (
    select * from kompas_afgeleid.indicator_waarden
),

final as (
    select
        herkomst_id,
        count(*) filter (where not is_berekend) as aantal_cijfers,
        count(*) filter (where is_berekend) as aantal_berekend,
        count(distinct indicator_code) as aantal_indicatoren,
        min(peiljaar) as eerste_peiljaar,
        max(peiljaar) as laatste_peiljaar
    from waarden
    group by herkomst_id
)

select * from final;

create table if not exists kompas_afgeleid.per_regio_jaar as
with waarden as (
    select * from kompas_afgeleid.indicator_waarden where waarde is not null
),

final as (
    select
        regio_code,
        indicator_code,
        peiljaar,
        count(*) as aantal_waarden,
        list(distinct leeftijd order by leeftijd) as leeftijden
    from waarden
    group by all
)

select * from final
order by regio_code, indicator_code, peiljaar;

create table if not exists kompas_afgeleid.per_indicator_jaar as
select distinct indicator_code, peiljaar from kompas_afgeleid.per_regio_jaar;
