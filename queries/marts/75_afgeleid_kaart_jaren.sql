-- sleutel: indicator_code (kompas.db.zet_afgeleid_vast herberekent alleen de rijen van de geraakte indicatoren)
-- Kaarten: per indicator en regiosoort (gemeente, wijk) de peiljaren met een voorkeurswaarde, voor de keuzes van de
-- kaartenpagina (queries/pagina/kaartindicatoren.sql), zodat die niet heel afgeleid.indicator_waarden leest.
create or replace table afgeleid.kaart_jaren as
with waarden as (
    select * from afgeleid.indicator_waarden
    where
        ($indicatoren::varchar[] is null or list_contains($indicatoren::varchar[], indicator_code))
        and is_voorkeur
        and regio_soort in ('gemeente', 'wijk')
),

final as (
    select distinct
        indicator_code,
        regio_soort,
        peiljaar
    from waarden
)

select * from final
order by indicator_code, regio_soort, peiljaar;
