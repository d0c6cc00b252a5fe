-- ind_berekend: de berekende waarden van alle indicatoren (de tabelmacro ind_berekend_voor, 05_ind_berekend_voor.sql).
create or replace view ind_berekend as
select * from ind_berekend_voor(null::varchar[], null::varchar[])
