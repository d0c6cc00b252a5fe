-- Elke upload (nieuwste eerst) met zijn tellingen en of hij nog geldt; met $id één upload, met null alle.
-- Voor de uploadpagina en de opdrachtregel (kompas.gegevens.uploads) en het intrekken (loaders.excel.intrekbaar).

with uploads as (
    select * from upload
),

geldend as (
    select upload_id from geldende_upload
),

final as (
    select
        u.upload_id,
        u.bestandsnaam,
        u.werkblad,
        u.soort as werkbladsoort,
        u.geupload_op,
        u.door,
        u.gemeente_code,
        u.rijen_totaal,
        u.rijen_nieuw,
        u.rijen_gewijzigd,
        u.rijen_ongewijzigd,
        u.rijen_vervallen,
        u.vervangt_upload_id,
        u.ingetrokken_op,
        u.ingetrokken_door,
        g.upload_id is not null as geldend,
        u.sha256
    from uploads as u
    left join geldend as g using (upload_id)
    where $id is null or u.upload_id = $id
)

select * from final
order by upload_id desc
