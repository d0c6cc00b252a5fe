-- Elke herkomst (tabel, document of upload): uitgever, tabel, titel, adres bij de uitgever en de kopie waarin het
-- cijfer gelezen is; periode, wanneer opgehaald of geüpload, de wijzigingsdatum van de tabel bij de uitgever
-- (Modified) en langs welke weg (OData v3/v4), licentie en hoeveel cijfers eruit komen (opgeslagen,
-- en berekend met deze herkomst als teller).

with herkomsten as (
    select * from herkomst
),

per_herkomst as (
    select * from afgeleid.per_herkomst
),

final as (
    select
        h.herkomst_id,
        h.soort as herkomst_soort,
        h.bron,
        h.titel,
        h.tabel_id,
        h.adres,
        h.gelezen_in,
        h.periode,
        h.opgehaald_op,
        h.tabel_gewijzigd,
        h.opgehaald_via,
        h.bestand_sha256,
        h.licentie,
        h.ingebed,
        h.toelichting,
        coalesce(p.aantal_cijfers, 0) as aantal_cijfers,
        coalesce(p.aantal_berekend, 0) as aantal_berekend,
        coalesce(p.aantal_indicatoren, 0) as aantal_indicatoren,
        p.eerste_peiljaar,
        p.laatste_peiljaar
    from herkomsten as h
    left join per_herkomst as p using (herkomst_id)
)

select * from final
order by herkomst_soort, bron, herkomst_id
