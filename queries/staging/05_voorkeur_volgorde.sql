-- voorkeur_volgorde: welke rij een cel toont als er meer zijn voor dezelfde indicator, regio, peiljaar, peildatum en
-- leeftijdsgroep; de kleinste waarde wint (`order by voorkeur_volgorde(...)`). Eén plek voor deze volgorde: is_voorkeur
-- in marts/05_indicator_waarden_voor.sql, de teller en noemer van een berekening in
-- indicatoren/05_ind_berekend_voor.sql en de vergelijking van oud en nieuw in schrijven/geraakt.sql.
-- 1. bron_rang (stg_waarneming): StatLine (CBS/RIVM) vóór upload vóór gepubliceerd document;
-- 2. het laatst opgehaalde of geüploade cijfer (geen tijd: achteraan);
-- 3. een cijfer onder de eigen code vóór een cijfer dat onder een oude code is gepubliceerd (gepubliceerd_als,
--    na een codewijziging in data/herindeling.csv), en tussen oude codes op code;
-- 4. herkomst_id, zodat de keuze nooit van de volgorde van de rijen afhangt.
-- Binnen een struct sorteert DuckDB een lege waarde achter elke andere (tests/test_queries.py).

create or replace macro voorkeur_volgorde(bron_rang, opgehaald_op, gepubliceerd_als, herkomst_id) as {
    'bron_rang': bron_rang,
    'nieuwste_eerst': -epoch_us(opgehaald_op),
    'onder_oude_code': gepubliceerd_als is not null,
    'oude_code': gepubliceerd_als,
    'herkomst_id': herkomst_id
};
