-- sleutel: indicator_code (kompas.db.zet_afgeleid_vast herberekent alleen de rijen van de geraakte indicatoren)
-- Dekking: welke peiljaren elke indicator heeft (een waarde, niet NULL), bij welke regio dan ook: dezelfde paren als
-- in afgeleid.per_regio_jaar, maar gelezen uit afgeleid.indicator_waarden, dat op indicator staat (een filter op
-- indicator_code leest daar weinig rijgroepen; per_regio_jaar staat op regio en wordt bij één indicator helemaal
-- gelezen).
create or replace table afgeleid.per_indicator_jaar as
with waarden as (
    select indicator_code, peiljaar from afgeleid.indicator_waarden
    where
        ($indicatoren::varchar[] is null or list_contains($indicatoren::varchar[], indicator_code))
        and waarde is not null
),

final as (
    select distinct indicator_code, peiljaar
    from waarden
)

select * from final;
