-- stg_waarneming: elke opgeslagen waarneming met haar herkomst, de bronrang, de bronfamilie en `bron`: de tekst
-- die pagina's en downloads als bron noemen (uitgever, tabel, vindplaats, 'gelezen in'; bij een upload de eigen
-- bron van de rij plus bestand, datum en wie, niet alle bronnen van het werkblad). Een view: ze rekent bij elke
-- query opnieuw, dus een upload of verversing is direct zichtbaar en er is niets dat kan verouderen.

create or replace view stg_waarneming as
with waarneming_bron as (
    select * from waarneming
),

herkomst_bron as (
    select * from herkomst
),

codewijziging as (  -- dezelfde gemeente onder een nieuwe code (data/herindeling.csv): de reeks loopt door
    select oud_code, nieuw_code from herindeling where soort = 'codewijziging'
),

upload_rij_bron as (
    -- per geüpload cijfer de bron uit zijn eigen rij (zonder bron: de eigen registratie van de gemeente)
    select
        'upload:' || u.upload_id as herkomst_id,
        uw.gemeente_code as regio_code,
        uw.indicator_code,
        uw.peiljaar,
        uw.leeftijd,
        coalesce(uw.bron, 'eigen registratie gemeente ' || r.regio_naam)
            || ', ' || upload_herkomst(u.bestandsnaam, u.geupload_op, u.door) as bron
    from upload_waarde as uw
    join upload as u using (upload_id)
    join regio as r on r.regio_code = uw.gemeente_code
),

final as (
    select
        w.indicator_code,
        coalesce(cw.nieuw_code, w.regio_code) as regio_code,
        -- de code waaronder het cijfer gepubliceerd is, als die door een codewijziging een andere werd; in dezelfde
        -- cel gaat een cijfer onder de nieuwe code voor (marts/05, indicatoren/05)
        case when cw.nieuw_code is not null then w.regio_code end as gepubliceerd_als,
        w.peiljaar,
        w.peildatum,
        w.peildatum_precisie,
        -- de decimalen waarmee de bron het cijfer publiceerde (waarneming.decimalen); niet bij een opgeslagen
        -- berekend cijfer: dat kreeg zijn decimalen van de deling, niet van een bron
        case when w.berekend_uit is null then w.decimalen end as bron_decimalen,
        w.leeftijd,
        w.waarde,
        w.ondergrens,
        w.bovengrens,
        w.status,
        w.herkomst_id,
        w.citaat,
        w.berekend_uit,
        w.berekend_uit is not null as is_berekend,
        h.soort as herkomst_soort,
        h.bron as herkomst_bron,
        h.titel as herkomst_titel,
        h.tabel_id,
        h.adres,
        h.gelezen_in as herkomst_gelezen_in,
        h.opgehaald_op,
        h.licentie as herkomst_licentie,
        case
            -- een upload: de eigen bron van de rij, met bestand, datum en wie (upload_rij_bron)
            when h.soort = 'upload' then coalesce(
                ub.bron, h.bron || coalesce(' (' || h.tabel_id || ')', '') || coalesce(', ' || h.adres, '')
            )
            -- uitgever met zijn eigen tabel en pagina eerst, de kopie waarin het cijfer gelezen is daarna:
            -- 'CBS StatLine, tabel 85012NED Gezondheidsmonitor; ..., https://www.cbs.nl/... (gelezen in: ...)'
            else h.bron
                || coalesce(' StatLine, tabel ' || h.tabel_id, '')
                || coalesce(case when h.tabel_id is null then ', ' else ' ' end || h.titel, '')
                || coalesce(', ' || h.adres, '')
                || coalesce(' (gelezen in: ' || h.gelezen_in || ')', '')
        end as bron,
        -- StatLine (CBS/RIVM) vóór upload vóór gepubliceerd document
        case h.soort
            when 'CBS StatLine' then 1 when 'RIVM StatLine' then 1 when 'upload' then 2 else 3
        end as bron_rang,
        -- Bronfamilie: de meting of registratie achter het cijfer, los van waar het gelezen is. Een lijn in een
        -- grafiek verbindt alleen cijfers uit één familie; een wissel is een trendbreuk
        -- (marts/10_indicator_waarden.sql).
        -- Kent de loader de familie (herkomst.bronfamilie, uit data/cbs_tabellen.toml: de titel van een StatLine-
        -- tabel noemt haar vaak niet), dan telt die; anders de eerste regel die past:
        --   upload                          een upload (eigen registratie van de gemeente)
        --   Gezondheidsmonitor Jongvolwassenen / Jeugd / Volwassenen en Ouderen: elke herkomst die de
        --       Gezondheidsmonitor noemt, of ze nu uit CBS 83674NED/85012NED, RIVM 50120NED of een document
        --       ('Gezondheidsmonitor VO' is Volwassenen en Ouderen, 'Corona Gezondheidsmonitor' is de ronde 2022)
        --   CBS Kerncijfers wijken en buurten  elke jaargang (één tabel per jaar)
        --   andere StatLine-tabel           per tabel ('CBS StatLine 85984NED')
        --   document van een gemeente       per gemeente ('gemeente Dronten'): niet dezelfde meting als CBS/GGD
        --   Kinderen in Tel (Verwey-Jonker Instituut), LISA, CBS: per uitgever, ook als de vindplaats verschilt
        --   verder                          de bron zoals genoemd
        coalesce(h.bronfamilie, case
            when h.soort = 'upload' then 'upload (eigen registratie)'
            when concat_ws(' ', h.bron, h.titel) ilike '%gezondheidsmonitor%jongvolwassenen%'
                then 'Gezondheidsmonitor Jongvolwassenen'
            when concat_ws(' ', h.bron, h.titel) ilike '%gezondheidsmonitor%jeugd%' then 'Gezondheidsmonitor Jeugd'
            when concat_ws(' ', h.bron, h.titel) ilike '%gezondheidsmonitor%'
                then 'Gezondheidsmonitor Volwassenen en Ouderen'
            when h.titel ilike 'kerncijfers wijken en buurten%' then 'CBS Kerncijfers wijken en buurten'
            when h.soort in ('CBS StatLine', 'RIVM StatLine') then h.soort || ' ' || coalesce(h.tabel_id, h.herkomst_id)
            when h.bron ilike 'gemeente %' then h.bron
            when h.bron ilike '%kinderen in tel%' or h.bron ilike 'verwey%jonker%'
                then 'Kinderen in Tel (Verwey-Jonker Instituut)'
            when h.bron ilike 'lisa%' then 'LISA'
            when h.bron ilike 'cbs%' then 'CBS'
            else h.bron
        end) as bronfamilie
    from waarneming_bron as w
    join herkomst_bron as h using (herkomst_id)
    left join codewijziging as cw on cw.oud_code = w.regio_code
    -- een upload heeft per gemeente, indicator, peiljaar en leeftijd één rij (excel_validatie weigert dubbele)
    left join upload_rij_bron as ub
        on ub.herkomst_id = w.herkomst_id
        and ub.regio_code = w.regio_code
        and ub.indicator_code = w.indicator_code
        and ub.peiljaar = w.peiljaar
        and ub.leeftijd = w.leeftijd
)

select * from final;
