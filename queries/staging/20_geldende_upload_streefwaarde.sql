-- Streefwaarden uit de geldende uploads, met de upload als herkomst. Voor de kaderpagina's, naast
-- de streefwaarden uit de beleidsdocumenten (tabel streefwaarde).
create or replace view geldende_upload_streefwaarde as
select s.*, u.bestandsnaam, u.werkblad, u.geupload_op, u.door, 'upload:' || u.upload_id as herkomst_id
from upload_streefwaarde as s
join geldende_upload as u using (upload_id);
