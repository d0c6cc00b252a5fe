-- De reeksbreuken die een opgehaalde tabel zelf publiceert (Kerncijfers: indelingswijziging 3, de afbakening van de
-- regio veranderde ten opzichte van het jaar ervoor), met de tabel als herkomst ($id). De vorige breuken van deze tabel
-- zijn al weg (loaders.cbs.schrijf_in). Ingelezen: de Arrow-tabel `opgehaalde_breuken` (regio_code, peiljaar).
insert into regio_breuk (regio_code, peiljaar, reden, herkomst_id)
select
    regio_code,
    peiljaar,
    $reden,
    $id
from opgehaalde_breuken
