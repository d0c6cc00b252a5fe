-- Wat een schrijftransactie raakte (kompas.db.raakt), als de indicatoren en regio's waarvan de afgeleide rijen
-- opnieuw moeten (kompas.db.zet_afgeleid_vast).
-- Geraakt is, van de genoemde herkomsten ($herkomsten), elke cel (indicator, regio) waarin de rijen van die herkomst
-- in de oude stand (afgeleid.indicator_waarden, van de vorige commit) en in de nieuwe (stg_waarneming) verschillen,
-- en elke genoemde indicator ($indicatoren) in alle regio's. Een verversing vervangt een hele herkomst; kwamen haar
-- rijen gelijk terug, dan is er niets geraakt. Per cel worden het aantal rijen en de som van hun hash vergeleken
-- (zoals referentie_versie.sql), zodat ook een herkomst met miljoenen rijen weinig geheugen kost. Alleen in cellen
-- die in de oude stand rijen van die herkomsten hadden: een cel met alleen nieuwe rijen (een nieuwe upload) is geraakt
-- zonder vergelijking, en dan hoeven voorkeur en vingerafdruk van haar rijen niet te worden berekend.
-- Vergeleken wordt alles wat van zo'n rij in de afgeleide tabellen komt, behalve opgehaald_op: dat verandert bij elke
-- verversing voor elke rij van de herkomst, en kompas.db zet het in de rijen die niet opnieuw berekend worden gelijk
-- aan herkomst.opgehaald_op (zoals een volledige herberekening). Wel telt of de rij de voorkeursrij van haar cel is
-- (is_voorkeur): opgehaald_op beslist tussen twee StatLine-cijfers voor dezelfde cel (marts/05), dus een nieuwere
-- verversing kan de voorkeur laten wisselen zonder dat een cijfer verandert.
-- Een berekende waarde (indicatoren/05) wordt niet zelf vergeleken: ze volgt uit haar teller en noemer, en die
-- sluiten hieronder de berekende indicator in.
-- Indicatoren, gesloten over berekende_indicator: staat een van de drie van een berekening (de berekende indicator,
-- haar teller, haar noemer) erin, dan alle drie: een andere teller of noemer verandert de berekende waarde, en de
-- berekende waarde lezen vraagt de waarnemingen van teller en noemer (queries/indicatoren/05_ind_berekend_voor.sql).
-- Regio's: NULL (alle) als een indicator zonder regio genoemd is, als Nederland geraakt is (elke rij vergelijkt met
-- Nederland) of als het er meer dan $max_regios zijn (dan is alles lezen niet duurder); anders de geraakte regio's
-- plus Nederland.
with recursive nieuw_eigen as (  -- de rijen van de genoemde herkomsten nu
    select * from stg_waarneming
    where list_contains($herkomsten::varchar[], herkomst_id)
),

oud_eigen as (  -- en bij de vorige commit, zonder de berekende waarden; alleen de rijgroepen van hun indicatoren
    -- (afgeleid.per_herkomst_indicator, ook van de vorige commit; indicator_waarden is op indicator_code gesorteerd)
    select * from afgeleid.indicator_waarden
    where
        indicator_code in (
            select p.indicator_code from afgeleid.per_herkomst_indicator as p
            where list_contains($herkomsten::varchar[], p.herkomst_id)
        )
        and list_contains($herkomsten::varchar[], herkomst_id)
        and not (
            is_berekend
            and starts_with(citaat, 'berekend: ')
            and indicator_code in (select b.indicator_code from berekende_indicator as b)
        )
),

herkomst_indicator as (
    select herkomst_id, indicator_code from afgeleid.per_herkomst_indicator
    where not list_contains($herkomsten::varchar[], herkomst_id)
    union
    select herkomst_id, indicator_code from nieuw_eigen
),

gedeeld as (  -- indicatoren met rijen van meer herkomsten, of onder een oude code: daar kan de voorkeur wisselen
    select indicator_code from herkomst_indicator
    group by indicator_code
    having count(*) > 1
    union
    select indicator_code from nieuw_eigen
    where gepubliceerd_als is not null
),

oud as (
    select
        indicator_code,
        regio_code,
        count(*) as aantal,
        sum(hash(
            peiljaar, peildatum, peildatum_precisie, leeftijd, waarde, bron_decimalen, ondergrens, bovengrens, status,
            herkomst_id, citaat, berekend_uit, is_berekend, herkomst_soort, herkomst_titel, tabel_id, adres, gelezen_in,
            licentie, bron, bronfamilie, is_voorkeur
        )) as vingerafdruk
    from oud_eigen
    group by indicator_code, regio_code
),

te_vergelijken as (  -- de nieuwe rijen in cellen (indicator, regio) die al rijen van die herkomsten hadden; een cel
    -- met alleen nieuwe rijen is hoe dan ook geraakt (veranderd), zonder voorkeur en vingerafdruk
    select n.* from nieuw_eigen as n
    semi join oud as o on o.indicator_code = n.indicator_code and o.regio_code = n.regio_code
),

eigen_cellen as (
    select distinct indicator_code, regio_code, peiljaar, peildatum, leeftijd from te_vergelijken
    where indicator_code in (select g.indicator_code from gedeeld as g)
),

kandidaten as (  -- alle rijen in die cellen
    select
        w.indicator_code, w.regio_code, w.peiljaar, w.peildatum, w.leeftijd, w.herkomst_id, w.gepubliceerd_als,
        w.bron_rang, w.opgehaald_op
    from stg_waarneming as w
    semi join eigen_cellen as c
        on
            c.indicator_code = w.indicator_code
            and c.regio_code = w.regio_code
            and c.peiljaar = w.peiljaar
            and c.peildatum is not distinct from w.peildatum
            and c.leeftijd = w.leeftijd
),

voorkeur as (  -- in cellen met meer dan één rij: dezelfde keuze als is_voorkeur in marts/05_indicator_waarden_voor.sql
    select
        indicator_code, regio_code, peiljaar, peildatum, leeftijd, herkomst_id, gepubliceerd_als,
        row_number() over (
            cel order by voorkeur_volgorde(bron_rang, opgehaald_op, gepubliceerd_als, herkomst_id)
        ) = 1 as is_voorkeur
    from kandidaten
    window cel as (partition by indicator_code, regio_code, peiljaar, peildatum, leeftijd)
    qualify count(*) over cel > 1
),

nieuw as (
    select
        n.indicator_code,
        n.regio_code,
        count(*) as aantal,
        sum(hash(
            n.peiljaar, n.peildatum, n.peildatum_precisie, n.leeftijd, n.waarde, n.bron_decimalen, n.ondergrens,
            n.bovengrens, n.status, n.herkomst_id, n.citaat, n.berekend_uit, n.is_berekend, n.herkomst_soort,
            n.herkomst_titel, n.tabel_id, n.adres, n.herkomst_gelezen_in, n.herkomst_licentie, n.bron, n.bronfamilie,
            coalesce(v.is_voorkeur, true)
        )) as vingerafdruk
    from te_vergelijken as n
    left join voorkeur as v
        on
            v.indicator_code = n.indicator_code
            and v.regio_code = n.regio_code
            and v.peiljaar = n.peiljaar
            and v.peildatum is not distinct from n.peildatum
            and v.leeftijd = n.leeftijd
            and v.herkomst_id = n.herkomst_id
            and v.gepubliceerd_als is not distinct from n.gepubliceerd_als
    group by n.indicator_code, n.regio_code
),

veranderd as (  -- ook de oude en de nieuwe regio na een codewijziging (data/herindeling.csv)
    select
        o.indicator_code,
        o.regio_code
    from oud as o
    left join nieuw as n on o.indicator_code = n.indicator_code and o.regio_code = n.regio_code
    where o.aantal is distinct from n.aantal or o.vingerafdruk is distinct from n.vingerafdruk
    union all
    select distinct
        n.indicator_code,
        n.regio_code
    from nieuw_eigen as n
    anti join oud as o on o.indicator_code = n.indicator_code and o.regio_code = n.regio_code
),

rijen as (
    select indicator_code, regio_code from veranderd
    union
    select
        unnest($indicatoren::varchar[]) as indicator_code,
        null as regio_code
),

gesloten (indicator_code) as (
    select indicator_code from rijen
    union
    select drie.indicator_code
    from berekende_indicator as b
    inner join gesloten as g on g.indicator_code in (b.indicator_code, b.teller, b.noemer)
    cross join unnest([b.indicator_code, b.teller, b.noemer]) as drie (indicator_code)
),

regios as (
    select
        r.regio_code,
        coalesce(g.soort = 'land', true) as alle_regios
    from (select distinct regio_code from rijen) as r
    left join regio as g on g.regio_code = r.regio_code
),

final as (
    select
        (select coalesce(list(indicator_code order by indicator_code), []) from gesloten) as indicatoren,
        case
            when coalesce(bool_or(alle_regios), false) or count(*) > $max_regios then null
            else list(regio_code order by regio_code) || (select list(regio_code) from regio where soort = 'land')
        end as regios
    from regios
)

select * from final
