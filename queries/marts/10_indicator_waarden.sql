-- Publieke view voor pagina's, analisten en controles: één rij per waarde, voor alle indicatoren (de tabelmacro
-- indicator_waarden_voor, 05_indicator_waarden_voor.sql, zegt wat elke kolom betekent).
create or replace view indicator_waarden as
select * from indicator_waarden_voor(null::varchar[], null::varchar[])
