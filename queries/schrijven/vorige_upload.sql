-- De geldende upload die een nieuw werkblad vervangt: dezelfde soort en gemeente(n), en dezelfde bestandsnaam
-- of dezelfde dataset (soort|gemeenten|indicatoren). Zie tabellen/20_uploads.sql.
with geldend as (
    select * from geldende_upload
),

final as (
    select upload_id
    from geldend
    where
        soort = $werkbladsoort
        and gemeente_code = $gemeente
        and (bestandsnaam = $bestand or dataset_sleutel = $sleutel)
    order by upload_id desc
    limit 1
)

select * from final
