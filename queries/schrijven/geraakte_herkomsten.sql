-- De herkomsten met een rij van een van de geraakte indicatoren in afgeleid.indicator_waarden: vóór en na het
-- herberekenen van die tabel gevraagd, samen de herkomsten waarvan de samenvatting (afgeleid.per_herkomst)
-- opnieuw moet (kompas.db.zet_afgeleid_vast).
select coalesce(list(distinct herkomst_id order by herkomst_id), []) as herkomsten
from afgeleid.indicator_waarden
where list_contains($indicatoren::varchar[], indicator_code)
