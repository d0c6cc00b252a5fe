-- Publieke view voor pagina's, analisten en controles: één rij per waarde (opgeslagen of berekend,
-- zie indicatoren/), met alles wat een pagina over die waarde zegt.
--
-- Voorkeur: bij meerdere bronnen voor dezelfde cel (indicator, regio, peiljaar, peildatum, leeftijd) is
--   `is_voorkeur` waar voor de bron die het dashboard toont: StatLine (CBS/RIVM) vóór upload vóór
--   gepubliceerd document, daarna de laatst opgehaalde, daarna een cijfer onder de eigen code vóór een cijfer dat
--   door een codewijziging hierheen kwam (`gepubliceerd_als`), daarna herkomst_id.
-- Landelijk: de waarde van Nederland (NL01) voor dezelfde indicator, hetzelfde peiljaar, dezelfde peildatum
--   en dezelfde leeftijdsgroep; bij voorkeur uit dezelfde herkomst als de waarde zelf, anders de
--   voorkeurswaarde van Nederland. Andere leeftijdsgroepen (18+ tegenover 19+) worden nooit gekoppeld.
-- Significantie (alleen waar de waarde een 95%-interval heeft):
--   - heeft Nederland ook een interval: 'significant hoger/lager' als de intervallen elkaar niet overlappen;
--     raken de grenzen elkaar (gelijke grens), dan is dat overlap: 'geen significant verschil';
--   - heeft Nederland geen interval: 'significant hoger/lager' als de landelijke waarde buiten het interval
--     van de regio ligt (op de grens telt als erbinnen);
--   - zonder interval bij de regio, of zonder landelijke waarde: 'niet te zeggen'; voor Nederland zelf NULL.
-- Oordeel ('beter', 'slechter', 'gelijk', 'niet te zeggen'; NULL voor Nederland zelf), met goede_richting:
--   - met interval: significant in de goede richting = 'beter', in de verkeerde = 'slechter',
--     geen significant verschil = 'gelijk';
--   - registratiecijfers zonder interval: het teken van het verschil met Nederland (0 = 'gelijk');
--     `oordeel_grondslag` zegt dat;
--   - enquêtecijfers zonder interval, richting 'neutraal' of geen landelijke waarde: 'niet te zeggen'.
-- Een aantal (eenheid 'aantal', 'aantal huishoudens', ...) hangt af van de grootte van de regio: 300 personen met
--   bijstand tegenover 450.000 in Nederland is geen 'beter'. Het krijgt geen landelijke waarde, geen verschil en geen
--   significantie (NULL), en oordeel 'niet te zeggen' met die grondslag; een verhoudingsgetal (per 1.000, %) wel.
-- Bron: de tekst onder elke grafiek en tegel. Voor CBS, RIVM en documenten: uitgever, StatLine-tabel en titel,
--   adres bij de uitgever, en waar het cijfer in een kopie gelezen is '(gelezen in: ...)'.
-- Vorige meting: de vorige voorkeurswaarde (niet NULL) van dezelfde reeks (indicator, regio, leeftijd) uit
--   dezelfde bronfamilie en hetzelfde tijdvak van de regio (zie Trendbreuk: een verandering over een wissel van bron
--   of definitie, of over een herindeling, heen zegt niets),
--   op volgorde van peiljaar en peildatum; alleen ingevuld op voorkeursrijen.
-- Grafiek (`in_grafiek`): per regio-jaar (indicator, regio, peiljaar, leeftijd) staat precies één waarde in een
--   grafiek: van de voorkeurswaarden (niet NULL) die met de laatste peildatum in dat jaar (de meest recente
--   stand; een jaarcijfer zonder peildatum gaat voor een stand met datum). Twee standen in één jaar (1 januari
--   en 1 oktober 2020) worden zo nooit een verticale zigzag; de andere blijven in de tabel, gemarkeerd.
-- Trendbreuk: een lijn verbindt alleen grafiekwaarden van één reeks: dezelfde indicator, dezelfde definitie en
--   leeftijdsgroep (18+ en 19+ zijn aparte reeksen) en dezelfde bronfamilie (`bronfamilie`,
--   staging/30_stg_waarneming.sql).
--   `trendbreuk` is waar op de eerste grafiekwaarde na een wissel van bronfamilie binnen (indicator, regio,
--   leeftijd), op volgorde van peiljaar; `reeks_deel` telt vanaf 1 en gaat bij elke trendbreuk één omhoog;
--   `reeks_id` (regio | indicator | leeftijd | deel) is de lijn waarop de waarde ligt. Buiten de grafiek:
--   `trendbreuk` onwaar, `reeks_deel` en `reeks_id` NULL. Een wissel van leeftijdsgroep is altijd een andere lijn.
--   Ook de regio zelf kan veranderen (`regio_breuken`): een samenvoeging in data/herindeling.csv breekt de reeks van
--   de nieuwe gemeente (nieuw_code) bij het eerste peiljaar op of na `per` (1 januari: dat jaar; anders het jaar erna),
--   ook als haar reeks daar pas begint; een gewijzigde afbakening die een tabel zelf publiceert (regio_breuk,
--   Kerncijfers indelingswijziging 3) breekt de reeks in dat peiljaar, als er een eerdere waarde is.
--   `trendbreuk_reden` zegt dan waarom ('herindeling per 1-1-2021'); NULL bij een wissel van bronfamilie.
--
-- Een tabelmacro, zodat het schrijfpad (kompas.db.zet_afgeleid_vast) alleen de geraakte indicatoren herberekent;
-- de publieke view indicator_waarden (10_indicator_waarden.sql) is deze macro voor alle indicatoren.
-- Elke stap hieronder rekent per indicator (partitie of koppeling op indicator_code): de rijen van één indicator
-- hangen alleen af van de waarnemingen van die indicator (en bij een berekende van haar teller en noemer).
-- `indicatoren`, `regios`: NULL is alles; anders alleen de rijen van die indicatoren in die regio's. De indicatoren
-- moeten gesloten zijn over berekende_indicator (bij elke berekende indicator ook haar teller en noemer en
-- omgekeerd) en de regio's moeten Nederland (soort 'land') bevatten, want elke rij vergelijkt met Nederland;
-- kompas.db maakt ze zo met queries/schrijven/geraakt.sql. Het filter staat in de eerste stap, zodat DuckDB het
-- tot in de scan van `waarneming` duwt, onder alle vensterfuncties door (EXPLAIN: 'Filters: indicator_code IN ...').
-- De vensterfuncties rekenen op smalle rijen (`smal`: de sleutels, de volgorde en de waarde, met een rijnummer); pas
-- `final` haalt de andere kolommen van elke rij er op dat rijnummer één keer bij. Een venster sorteert alle kolommen
-- die het meedraagt: vijf vensters over de ~26 kolommen van `waarden` kostten bij een upload van 50.000 rijen het
-- grootste deel van deze query.

create or replace macro indicator_waarden_voor(indicatoren, regios) as table
with waarden as materialized (  -- eenmaal berekend: smal leest er de sleutels uit, final de rest
    select
        *,
        row_number() over () as rij
    from ind_waarneming_voor(indicatoren, regios)
),

smal as (  -- wat de vensters en de koppeling met Nederland lezen; final haalt de andere kolommen op rij erbij
    select
        rij,
        indicator_code,
        regio_code,
        peiljaar,
        peildatum,
        peildatum_precisie,
        leeftijd,
        waarde,
        bron_decimalen,
        ondergrens,
        bovengrens,
        herkomst_id,
        bronfamilie,
        bron_rang,
        opgehaald_op,
        gepubliceerd_als
    from waarden
),

indicatoren as (
    select * from indicator
),

regios as (
    select * from regio
),

regio_breuken as (
    select
        nieuw_code as regio_code,
        cast(year(per) + case when strftime(per, '%m-%d') = '01-01' then 0 else 1 end as integer) as peiljaar,
        'herindeling per ' || strftime(per, '%-d-%-m-%Y') as reden,
        true as is_herindeling
    from herindeling
    where soort = 'samenvoeging'
    union all
    select
        regio_code,
        peiljaar,
        reden,
        false as is_herindeling
    from regio_breuk
),

land as (   -- Nederland: de regio van soort 'land' (data/regio.csv), niet een vaste code
    select regio_code from regio where soort = 'land'
),

gerangschikt as (
    select
        *,
        row_number() over (
            partition by indicator_code, regio_code, peiljaar, peildatum, leeftijd
            order by voorkeur_volgorde(bron_rang, opgehaald_op, gepubliceerd_als, herkomst_id)
        ) = 1 as is_voorkeur
    from smal
),

grafiek as (
    select
        *,
        is_voorkeur and waarde is not null and row_number() over (
            partition by indicator_code, regio_code, peiljaar, leeftijd, (is_voorkeur and waarde is not null)
            order by peildatum desc nulls first, herkomst_id asc
        ) = 1 as in_grafiek
    from gerangschikt
),

tijdvakken as (  -- per regio-jaar: hoeveel regiobreuken er tot en met dat jaar zijn (alleen regio's met een breuk)
    select
        w.regio_code,
        w.peiljaar,
        count(*) as breuk_tijdvak,
        bool_or(b.is_herindeling and b.peiljaar = w.peiljaar) as herindeling_nu
    from (
        select distinct regio_code, peiljaar from grafiek
        where regio_code in (select regio_code from regio_breuken)
    ) as w
    join regio_breuken as b on b.regio_code = w.regio_code and b.peiljaar <= w.peiljaar
    group by w.regio_code, w.peiljaar
),

met_tijdvak as (
    select
        g.*,
        coalesce(t.breuk_tijdvak, 0) as breuk_tijdvak,
        coalesce(t.herindeling_nu, false) as herindeling_nu
    from grafiek as g
    left join tijdvakken as t on t.regio_code = g.regio_code and t.peiljaar = g.peiljaar
),

met_regiobreuk as (
    select
        *,
        in_grafiek and coalesce(lag(breuk_tijdvak) over lijn <> breuk_tijdvak, herindeling_nu) as regiobreuk,
        lag(peiljaar) over lijn as vorig_grafiekjaar,
        in_grafiek and coalesce(lag(bronfamilie) over lijn <> bronfamilie, false) as bronbreuk
    from met_tijdvak
    window lijn as (partition by indicator_code, regio_code, leeftijd, in_grafiek order by peiljaar)
),

breuk_redenen as (  -- de regiobreuken tussen de vorige grafiekwaarde en deze
    select
        m.indicator_code,
        m.regio_code,
        m.leeftijd,
        m.peiljaar,
        string_agg(distinct b.reden, '; ' order by b.reden) as trendbreuk_reden
    from met_regiobreuk as m
    join regio_breuken as b
        on b.regio_code = m.regio_code
        and b.peiljaar <= m.peiljaar
        and b.peiljaar > coalesce(m.vorig_grafiekjaar, m.peiljaar - 1)
    where m.regiobreuk
    group by m.indicator_code, m.regio_code, m.leeftijd, m.peiljaar
),

met_breuk as (
    select
        m.*,
        r.trendbreuk_reden,
        m.bronbreuk or m.regiobreuk as trendbreuk
    from met_regiobreuk as m
    left join breuk_redenen as r
        on m.regiobreuk
        and r.indicator_code = m.indicator_code
        and r.regio_code = m.regio_code
        and r.leeftijd = m.leeftijd
        and r.peiljaar = m.peiljaar
),

met_reeks as (
    select
        *,
        case when in_grafiek then cast(1 + sum(cast(trendbreuk as integer)) over (
            partition by indicator_code, regio_code, leeftijd, in_grafiek
            order by peiljaar rows between unbounded preceding and current row
        ) as integer) end as reeks_deel
    from met_breuk
),

met_vorige as (
    select
        *,
        -- een eigen partitie voor de voorkeursrijen met een waarde; de rest krijgt hieronder NULL
        lag(peiljaar) over reeks as lag_peiljaar,
        lag(peildatum) over reeks as lag_peildatum,
        lag(peildatum_precisie) over reeks as lag_peildatum_precisie,
        lag(waarde) over reeks as lag_waarde,
        lag(bron_decimalen) over reeks as lag_bron_decimalen
    from met_reeks
    window reeks as (
        partition by
            indicator_code, regio_code, leeftijd, bronfamilie, breuk_tijdvak, (is_voorkeur and waarde is not null)
        order by peiljaar, peildatum nulls first
    )
),

aantallen as (  -- een aantal (eenheid 'aantal ...') hangt af van de grootte van de regio: nooit naast Nederland
    select indicator_code from indicatoren
    where eenheid like 'aantal%'
),

nederland as (
    select
        indicator_code, peiljaar, peildatum, leeftijd, herkomst_id, is_voorkeur, waarde, bron_decimalen, ondergrens,
        bovengrens
    from gerangschikt
    where
        regio_code in (select regio_code from land) and waarde is not null
        and indicator_code not in (select a.indicator_code from aantallen as a)
),

gekoppeld as (
    select
        w.*,
        coalesce(zelfde.herkomst_id, voorkeur.herkomst_id) as landelijk_herkomst_id,
        case when zelfde.herkomst_id is not null then zelfde.waarde else voorkeur.waarde end as landelijk_waarde,
        case when zelfde.herkomst_id is not null then zelfde.bron_decimalen else voorkeur.bron_decimalen end
            as landelijk_bron_decimalen,
        case when zelfde.herkomst_id is not null then zelfde.ondergrens else voorkeur.ondergrens end
            as landelijk_ondergrens,
        case when zelfde.herkomst_id is not null then zelfde.bovengrens else voorkeur.bovengrens end
            as landelijk_bovengrens
    from met_vorige as w
    left join nederland as zelfde
        on zelfde.indicator_code = w.indicator_code
        and zelfde.peiljaar = w.peiljaar
        and zelfde.peildatum is not distinct from w.peildatum
        and zelfde.leeftijd = w.leeftijd
        and zelfde.herkomst_id = w.herkomst_id
    left join nederland as voorkeur
        on voorkeur.indicator_code = w.indicator_code
        and voorkeur.peiljaar = w.peiljaar
        and voorkeur.peildatum is not distinct from w.peildatum
        and voorkeur.leeftijd = w.leeftijd
        and voorkeur.is_voorkeur
),

beoordeeld as (
    select
        g.*,
        g.waarde - g.landelijk_waarde as verschil_landelijk,
        case
            when g.regio_code in (select regio_code from land) then null
            when g.indicator_code in (select a.indicator_code from aantallen as a) then null
            when g.waarde is null or g.landelijk_waarde is null then 'niet te zeggen'
            when g.ondergrens is null or g.bovengrens is null then 'niet te zeggen'
            when g.landelijk_ondergrens is not null and g.landelijk_bovengrens is not null then
                case
                    when g.landelijk_bovengrens < g.ondergrens then 'significant hoger'
                    when g.landelijk_ondergrens > g.bovengrens then 'significant lager'
                    else 'geen significant verschil'
                end
            when g.landelijk_waarde < g.ondergrens then 'significant hoger'
            when g.landelijk_waarde > g.bovengrens then 'significant lager'
            else 'geen significant verschil'
        end as significantie
    from gekoppeld as g
),

final as (
    select
        b.indicator_code,
        i.naam as indicator_naam,
        i.thema,
        i.eenheid,
        -- de decimalen om dit cijfer te tonen: zoveel als de bron publiceerde, nooit meer dan de indicator
        -- (registry); landelijk en vorige evenzo, een verschil met de kleinste van de twee (kompas.teksten)
        least(i.decimalen, coalesce(b.bron_decimalen, i.decimalen)) as decimalen,
        i.decimalen as indicator_decimalen,
        b.bron_decimalen,
        least(i.decimalen, coalesce(b.landelijk_bron_decimalen, i.decimalen)) as landelijk_decimalen,
        i.goede_richting,
        i.soort as indicator_soort,
        b.regio_code,
        r.regio_naam,
        r.soort as regio_soort,
        r.volgorde as regio_volgorde,
        r.kleur as regio_kleur,  -- de stijl van een gemeente in elke grafiek (data/regio.csv)
        r.vorm as regio_vorm,
        b.peiljaar,
        b.peildatum,
        v.peildatum_precisie,
        b.leeftijd,
        b.waarde,
        b.ondergrens,
        b.bovengrens,
        v.status,
        b.landelijk_waarde,
        b.landelijk_ondergrens,
        b.landelijk_bovengrens,
        b.verschil_landelijk,
        case
            when b.significantie in ('significant hoger', 'significant lager') then true
            when b.significantie = 'geen significant verschil' then false
        end as verschil_significant,
        b.significantie,
        case
            when r.soort = 'land' then null
            when b.verschil_landelijk is null or i.goede_richting = 'neutraal' then 'niet te zeggen'
            when b.significantie = 'geen significant verschil' then 'gelijk'
            when b.significantie = 'significant hoger' then
                case i.goede_richting when 'hoger' then 'beter' else 'slechter' end
            when b.significantie = 'significant lager' then
                case i.goede_richting when 'lager' then 'beter' else 'slechter' end
            when i.soort = 'enquête' then 'niet te zeggen'
            when b.verschil_landelijk = 0 then 'gelijk'
            when (b.verschil_landelijk > 0) = (i.goede_richting = 'hoger') then 'beter'
            else 'slechter'
        end as oordeel,
        case
            when r.soort = 'land' then null
            when b.indicator_code in (select a.indicator_code from aantallen as a)
                then 'aantal (hangt af van de grootte van de regio)'
            when b.verschil_landelijk is null then 'geen landelijke waarde'
            when i.goede_richting = 'neutraal' then 'geen goede richting (neutraal)'
            when b.significantie <> 'niet te zeggen' then '95%-intervallen'
            when i.soort = 'enquête' then 'enquêtecijfer zonder interval'
            else 'teken van het verschil (registratie zonder interval)'
        end as oordeel_grondslag,
        case when b.is_voorkeur and b.waarde is not null then b.lag_peiljaar end as vorige_peiljaar,
        case when b.is_voorkeur and b.waarde is not null then b.lag_peildatum end as vorige_peildatum,
        case when b.is_voorkeur and b.waarde is not null then b.lag_peildatum_precisie end
            as vorige_peildatum_precisie,
        case when b.is_voorkeur and b.waarde is not null then b.lag_waarde end as vorige_waarde,
        case
            when b.is_voorkeur and b.waarde is not null
                then least(i.decimalen, coalesce(b.lag_bron_decimalen, i.decimalen))
        end as vorige_decimalen,
        case when b.is_voorkeur and b.waarde is not null then b.waarde - b.lag_waarde end as verandering,
        v.bron,  -- zie staging/30_stg_waarneming.sql
        v.herkomst_soort,
        b.herkomst_id,
        v.herkomst_titel,
        v.tabel_id,
        v.adres,
        v.herkomst_gelezen_in as gelezen_in,
        b.opgehaald_op,
        v.herkomst_licentie as licentie,
        b.landelijk_herkomst_id,
        v.citaat,
        v.berekend_uit,
        v.is_berekend,
        b.is_voorkeur,
        b.bronfamilie,
        b.in_grafiek,
        b.trendbreuk,
        b.trendbreuk_reden,
        b.reeks_deel,
        case when b.in_grafiek then concat_ws(' | ', b.regio_code, b.indicator_code, b.leeftijd, b.reeks_deel) end
            as reeks_id
    from beoordeeld as b
    join waarden as v on v.rij = b.rij
    join indicatoren as i on i.indicator_code = b.indicator_code
    join regios as r on r.regio_code = b.regio_code
)

select * from final;
