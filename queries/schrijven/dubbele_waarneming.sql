-- De sleutel van waarneming (queries/tabellen/00_kern.sql): één cijfer per indicator, regio, peiljaar, peildatum
-- (leeg telt als één waarde), leeftijdsgroep en herkomst. kompas.db toetst haar vóór elke commit, alleen op de rijen
-- die de schrijver raakte: die van de herkomsten en indicatoren die hij noemde (kompas.db.raakt) en van elke herkomst
-- waarvan hij een rij toevoegde (kompas.db._toets_sleutel_waarneming zet die in $herkomsten); $alles (een schrijver
-- die niets zei): alle rijen. Geeft de eerste dubbele sleutel, of niets.
-- De lijsten komen als vaste waarden binnen, zodat DuckDB ze als filter in de scan van waarneming duwt en alleen de
-- rijgroepen van die herkomsten leest (een subquery hier liet de toets elke keer alle rijen lezen).
select
    indicator_code,
    regio_code,
    peiljaar,
    peildatum,
    leeftijd,
    herkomst_id
from waarneming
where
    $alles
    or list_contains($herkomsten::varchar[], herkomst_id)
    or list_contains($indicatoren::varchar[], indicator_code)
group by all
having count(*) > 1
order by all
limit 1
