-- ind_waarneming: opgeslagen én berekende waarden van alle indicatoren (de tabelmacro ind_waarneming_voor,
-- 15_ind_waarneming_voor.sql).
create or replace view ind_waarneming as
select * from ind_waarneming_voor(null::varchar[], null::varchar[])
