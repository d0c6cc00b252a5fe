-- De regio's uit de codelijsten van de opgehaalde tabellen (loaders.cbs.bereik_van: alle gemeenten, de wijken van de
-- focusgemeenten) als rij in `regio`, met de tabel als herkomst (herkomst_id). Code en naam zijn die van de codelijst.
-- Een regio uit data/regio.csv (herkomst_id NULL) blijft zoals ze is. Noemen twee tabellen dezelfde regio, dan geldt
-- de naam uit de tabel met de laatste wijzigingsdatum (herkomst.tabel_gewijzigd; bij gelijke datum de laatste in de
-- volgorde van de verversing, `volgorde`): CBS schrijft een nieuwe naam in de nieuwste tabellen. Volgorde: na de
-- regio's uit regio.csv, op code (gemeenten vóór wijken). Eén statement voor alle tabellen van een verversing.
-- Ingelezen: de Arrow-tabel `opgehaalde_regios` (regio_code, regio_naam, soort, gemeente_code, herkomst_id, volgorde).
insert into regio (regio_code, regio_naam, soort, volgorde, gemeente_code, focus, herkomst_id)
with kandidaat as (  -- per regio de tabel met de laatste wijzigingsdatum
    select
        n.*,
        deze.tabel_gewijzigd
    from opgehaalde_regios as n
    left join herkomst as deze on deze.herkomst_id = n.herkomst_id
    qualify row_number() over (
        partition by n.regio_code order by deze.tabel_gewijzigd desc nulls last, n.volgorde desc
    ) = 1
)

select
    n.regio_code,
    n.regio_naam,
    n.soort,
    case n.soort when 'gemeente' then 10000 else 1000000 end + cast(substr(n.regio_code, 3) as integer) as volgorde,
    n.gemeente_code,
    false as focus,
    n.herkomst_id
from kandidaat as n
left join regio as r on r.regio_code = n.regio_code
left join herkomst as eerder on eerder.herkomst_id = r.herkomst_id
where
    r.regio_code is null
    or (
        r.herkomst_id is not null
        and (
            r.herkomst_id = n.herkomst_id
            or eerder.tabel_gewijzigd is null
            or eerder.tabel_gewijzigd <= n.tabel_gewijzigd
        )
    )
on conflict (regio_code) do update set
    regio_naam = excluded.regio_naam,
    soort = excluded.soort,
    gemeente_code = excluded.gemeente_code,
    herkomst_id = excluded.herkomst_id
-- een regio die al precies zo staat (dezelfde tabel opnieuw ververst) niet opnieuw schrijven: minder te schrijven bij
-- de checkpoint
where
    regio.regio_naam is distinct from excluded.regio_naam
    or regio.soort is distinct from excluded.soort
    or regio.gemeente_code is distinct from excluded.gemeente_code
    or regio.herkomst_id is distinct from excluded.herkomst_id;
