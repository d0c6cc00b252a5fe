-- De geldende uploads: niet ingetrokken en niet vervangen door een geldende nieuwere versie
-- (tabel upload, tabellen/20_uploads.sql).
create or replace view geldende_upload as
select u.*
from upload as u
where u.ingetrokken_op is null
  and not exists (
      select 1 from upload as n
      where n.vervangt_upload_id = u.upload_id and n.ingetrokken_op is null
  );
