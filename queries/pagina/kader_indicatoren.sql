-- Kaderboom van één gemeente, uit de vastgezette tabel `afgeleid.kader_indicatoren`
-- (queries/marts/80_afgeleid_kader_indicatoren.sql):
-- kader -> doel -> indicator met laatste waarde, landelijk, nulmeting en streefwaarden (document en upload).
-- Parameter: $gemeente (varchar).

with boom as (
    select * from afgeleid.kader_indicatoren where gemeente_code = $gemeente
),

final as (
    select * from boom
)

select * from final
order by kader_volgorde, kader_id, doel_volgorde, doel_id, indicator_volgorde, kader_indicator_id
