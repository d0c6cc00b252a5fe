-- sleutel: indicator_code, regio_code (kompas.db.zet_afgeleid_vast herberekent alleen de rijen van de geraakte
-- indicatoren in de geraakte regio's)
-- De laatste voorkeurswaarde (niet NULL) van elke reeks (indicator, regio, leeftijdsgroep), voor het overzicht.
create or replace table afgeleid.laatste_waarden as
with waarden as (
    select * from afgeleid.indicator_waarden
    where
        ($indicatoren::varchar[] is null or list_contains($indicatoren::varchar[], indicator_code))
        and ($regios::varchar[] is null or list_contains($regios::varchar[], regio_code))
        and is_voorkeur and waarde is not null
),

final as (
    select *
    from waarden
    qualify row_number() over (
        partition by indicator_code, regio_code, leeftijd
        order by peiljaar desc, peildatum desc nulls last
    ) = 1
)

select * from final
order by regio_code, indicator_code, leeftijd;
