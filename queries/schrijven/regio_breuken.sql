-- De reeksbreuken die de opgehaalde tabellen zelf publiceren (Kerncijfers: indelingswijziging 3, de afbakening van de
-- regio veranderde ten opzichte van het jaar ervoor), met de tabel als herkomst en reden. De vorige breuken van deze
-- tabellen zijn al weg (loaders.cbs.schrijf_in). Ingelezen: de Arrow-tabel `opgehaalde_breuken` (regio_code,
-- peiljaar, reden, herkomst_id); één statement voor alle tabellen van een verversing.
insert into regio_breuk (regio_code, peiljaar, reden, herkomst_id)
select
    regio_code,
    peiljaar,
    reden,
    herkomst_id
from opgehaalde_breuken
