-- Kan wat een schrijfactie raakte de kaderboom (marts/80_afgeleid_kader_indicatoren.sql) veranderen? Die leest de
-- cijfers alleen van de kaderindicatoren: elke rij van een gemeente en een registry-indicator uit kader_indicator.
-- Staat geen geraakte indicator ($indicatoren) in een kader van een geraakte gemeente ($regios; NULL: alle), dan
-- blijft elke rij van de kaderboom gelijk en slaat kompas.db.zet_afgeleid_vast haar over. Wat de kaderboom verder
-- leest (kaders, doelen, streefwaarden, uploads) valt onder queries/schrijven/kader_versie.sql.
select exists(
    select 1 from kader_indicator
    where
        list_contains($indicatoren::varchar[], indicator_code)
        and ($regios::varchar[] is null or list_contains($regios::varchar[], gemeente_code))
) as geraakt
