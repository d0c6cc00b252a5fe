-- Kaderboom van gemeenten (één op de Kaderspagina, de gekozen in één query op het Overzicht), uit de vastgezette
-- tabel `afgeleid.kader_indicatoren` (queries/marts/80_afgeleid_kader_indicatoren.sql):
-- kader -> doel -> indicator met laatste waarde, landelijk, nulmeting en streefwaarden (document en upload).
-- Parameter: $gemeenten (varchar[]).

with boom as (
    select * from afgeleid.kader_indicatoren where gemeente_code = any($gemeenten::varchar[])
),

final as (
    select * from boom
)

select * from final
order by gemeente_code, kader_volgorde, kader_id, doel_volgorde, doel_id, indicator_volgorde, kader_indicator_id
