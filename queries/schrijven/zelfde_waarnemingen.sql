-- Of een verversing precies de rijen terugkreeg die van haar herkomst ($id) al in `waarneming` staan (loaders.cbs
-- .schrijf_in): dezelfde rijen, even vaak, in elke kolom die een verversing schrijft; de kolommen die ze niet schrijft
-- (peildatum, peildatum_precisie, berekend_uit) moeten in de opgeslagen rijen leeg zijn. Per rij geteld en vergeleken
-- met `is not distinct from` (NULL is gelijk aan NULL: een ontbrekend cijfer blijft ontbrekend); `except all` deed
-- hetzelfde, maar ~10x trager. Dan blijven de rijen staan en wordt alleen de herkomst vervangen; anders worden ze
-- vervangen.
-- Ingelezen: de Arrow-tabel `nieuwe_waarnemingen` (zoals loaders.cbs.schrijf_in ze invoegt).
with nu as (
    select
        indicator_code,
        regio_code,
        peiljaar,
        leeftijd,
        waarde,
        ondergrens,
        bovengrens,
        status,
        citaat,
        null::date as peildatum,
        null::varchar as peildatum_precisie,
        null::varchar as berekend_uit
    from nieuwe_waarnemingen
),

opgeslagen as (
    select
        indicator_code,
        regio_code,
        peiljaar,
        leeftijd,
        waarde,
        ondergrens,
        bovengrens,
        status,
        citaat,
        peildatum,
        peildatum_precisie,
        berekend_uit
    from waarneming
    where herkomst_id = $id
),

nu_geteld as (
    select
        *,
        count(*) as aantal
    from nu
    group by all
),

opgeslagen_geteld as (
    select
        *,
        count(*) as aantal
    from opgeslagen
    group by all
)

select not exists (
    select 1 from nu_geteld as a
    full outer join opgeslagen_geteld as b
        on
            a.indicator_code is not distinct from b.indicator_code
            and a.regio_code is not distinct from b.regio_code
            and a.peiljaar is not distinct from b.peiljaar
            and a.leeftijd is not distinct from b.leeftijd
            and a.waarde is not distinct from b.waarde
            and a.ondergrens is not distinct from b.ondergrens
            and a.bovengrens is not distinct from b.bovengrens
            and a.status is not distinct from b.status
            and a.citaat is not distinct from b.citaat
            and a.peildatum is not distinct from b.peildatum
            and a.peildatum_precisie is not distinct from b.peildatum_precisie
            and a.berekend_uit is not distinct from b.berekend_uit
            and a.aantal = b.aantal
    where a.aantal is null or b.aantal is null
) as zelfde
