-- Beleidskaders van de gemeenten: kader (of opgave / beleidsveld / programma) -> doel -> indicator,
-- in de eigen woorden van de gemeente, met document en regel. Gevuld uit data/kaders/*.toml door
-- loaders/kaders.py (laad_kaders), dat alle tabellen hieronder in één keer vervangt.
-- bron_regels: regelnummers in het brondocument, ';'-gescheiden, bereiken met '-' ('36-41;59').

create table if not exists kader (
    kader_id       varchar primary key,        -- 'GM0303-bestaanszekerheid'
    gemeente_code  varchar not null,
    document       varchar not null,           -- titel van het beleidsdocument
    geldig_van     integer,                    -- eerste jaar waarvoor het document geldt
    geldig_tot     integer,                    -- laatste jaar
    niveau         varchar not null,           -- 'opgave', 'kader', 'beleidsveld', 'programma', 'doelstelling'
    naam           varchar not null,
    omschrijving   varchar,
    volgorde       integer not null,
    bron_regels    varchar,                    -- regels in het brondocument
    bronbestand    varchar,                    -- het brondocument zoals bewaard (seed-bestand)
    kaderbestand   varchar                     -- het bestand in data/kaders/ waar dit kader staat
);
alter table kader add column if not exists bronbestand varchar;
alter table kader add column if not exists kaderbestand varchar;
alter table kader add column if not exists geldig_van integer;
alter table kader add column if not exists geldig_tot integer;

create table if not exists doel (
    doel_id      varchar primary key,          -- kader_id + '.1', '.2', ...
    kader_id     varchar not null,
    naam         varchar not null,
    volgorde     integer not null,
    bron_regels  varchar
);

create table if not exists kader_indicator (
    kader_indicator_id varchar primary key,    -- doel_id + '.1', '.2', ...
    doel_id            varchar not null,
    gemeente_code      varchar not null,
    omschrijving       varchar not null,       -- de eigen formulering van de gemeente
    indicator_code     varchar,                -- koppeling met de registry; NULL als die er (nog) niet is
    leeftijd           varchar,                -- welke leeftijdsgroep van de registry-indicator bedoeld is
    bron_genoemd       varchar,                -- bron zoals het document die noemt
    eenheid            varchar,
    nulmeting_jaar     integer,
    nulmeting_waarde   double,
    nulmeting_tekst    varchar,                -- zoals geschreven ('26%', '82% (2017)', '2017')
    volgorde           integer not null,
    bron_regels        varchar,
    toelichting        varchar
);

create table if not exists streefwaarde (
    kader_indicator_id varchar not null,
    jaar               integer,                -- NULL: geen jaar genoemd
    tekst              varchar not null,       -- de oorspronkelijke tekst ('minimaal 85%')
    soort              varchar not null check (soort in ('punt', 'minimaal', 'maximaal', 'band', 'richting')),
    waarde             double,
    ondergrens         double,
    bovengrens         double,
    richting           varchar check (richting in ('stijging', 'daling', 'gelijk')),
    strikt             boolean not null default false  -- '>30%', 'hoger dan': de grens zelf haalt het niet
);
alter table streefwaarde add column if not exists strikt boolean default false;
-- Eén streefwaarde per kaderindicator en jaar (ook 'geen jaar' één keer). Geen foreign keys tussen de
-- kadertabellen: laad_kaders vervangt ze alle in één transactie (zie waarneming_sleutel in 00_kern.sql).
create unique index if not exists streefwaarde_sleutel on streefwaarde (kader_indicator_id, coalesce(jaar, -1));

-- Indicatoren uit de documenten die bewust niet zijn opgenomen, met de reden.
create table if not exists kader_weggelaten (
    gemeente_code varchar not null,
    document      varchar not null,
    omschrijving  varchar not null,
    reden         varchar not null,
    bron_regels   varchar
);

-- Maatschappelijke effecten boven de doelen (Dronten): context, geen meetbare indicator.
create table if not exists maatschappelijk_effect (
    effect_id     varchar primary key,         -- 'GM0303-E1'
    gemeente_code varchar not null,
    document      varchar not null,
    naam          varchar not null,
    volgorde      integer not null,
    bron_regels   varchar
);

-- Aan welke maatschappelijke effecten een doel bijdraagt.
create table if not exists doel_effect (
    doel_id   varchar not null,
    effect_id varchar not null
);
create unique index if not exists doel_effect_sleutel on doel_effect (doel_id, effect_id);

-- Kerncijfers (context met landelijke waarde) die een gemeente bij een kader toont; geen stuurindicatoren.
-- De cijfers zelf staan in waarneming (data/waarnemingen/); hier alleen welke bij welk kader horen.
create table if not exists kader_kerncijfer (
    kader_id       varchar not null,
    indicator_code varchar not null,
    leeftijd       varchar not null default 'totaal',
    omschrijving   varchar not null,           -- zoals het document het kerncijfer noemt
    volgorde       integer not null,
    bron_regels    varchar
);
create unique index if not exists kader_kerncijfer_sleutel on kader_kerncijfer (kader_id, indicator_code, leeftijd);
