-- De indicatoren waaruit het lidmaatschap van een vergelijkingsgroep volgt: het inwonertal van de grootteklassen
-- (data/vergelijkingsgroepen.toml). Raakt een schrijver er een, dan verandert (mogelijk) wie in welke klasse zit,
-- en daarmee de groep van elke indicator: kompas.db.zet_afgeleid_vast herberekent dan de tabellen in marts/ met
-- '-- helemaal als een indicator uit groep_indicatoren geraakt is' helemaal, niet alleen de geraakte indicatoren.
select coalesce(list(distinct indicator_code order by indicator_code), []) as indicatoren
from vergelijkingsgroep
where indicator_code is not null
