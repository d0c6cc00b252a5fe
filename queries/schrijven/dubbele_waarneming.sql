-- De sleutel van waarneming (queries/tabellen/00_kern.sql): één cijfer per indicator, regio, peiljaar, peildatum
-- (leeg telt als één waarde), leeftijdsgroep en herkomst. kompas.db toetst haar vóór elke commit, alleen op de rijen
-- die de schrijver raakte: die van de herkomsten en indicatoren die hij noemde (kompas.db.raakt: $herkomsten,
-- $indicatoren) en van elke herkomst waarvan hij een rij toevoegde (een nieuwe rij krijgt een rowid boven
-- $hoogste_rowid, de hoogste bij het begin van de transactie, ook als hij de herkomst niet noemde); $alles (een
-- schrijver die niets zei): alle rijen. Geeft de eerste dubbele sleutel, of niets.
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
    or herkomst_id in (select distinct n.herkomst_id from waarneming as n where n.rowid > $hoogste_rowid)
group by all
having count(*) > 1
order by all
limit 1
