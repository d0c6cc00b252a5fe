-- Publieke view voor pagina's, analisten en controles, naast `indicator_waarden`: per vergelijkingsgroep
-- (grootteklasse naar inwoners en de selecties uit data/vergelijkingsgroepen.toml) elk lid met een cijfer, met
-- groep_aantal, groep_mediaan, groep_q1, groep_q3, band en rang. Wie lid is: marts/84_vergelijkingsgroep_leden.sql;
-- de berekening: marts/86_groepswaarden.sql (dezelfde als voor de keuze op een pagina), vastgezet bij elke
-- schrijfactie in afgeleid.vergelijkingsgroep_waarden (marts/88).
-- Dit zijn cijfers die Sociaal Kompas uitrekent uit de geladen cijfers van de leden (elk met zijn eigen bron);
-- gepubliceerde groepscijfers (BBV "gemeenten 25.000-50.000 inwoners") zijn een eigen reeks in indicator_waarden.

create or replace view vergelijkingsgroep_waarden as
with waarden as (
    select * from afgeleid.vergelijkingsgroep_waarden
),

final as (
    select * from waarden
)

select * from final;
