-- Beleidskaders van de gemeenten: kader (of opgave / beleidsveld / programma) -> doel -> indicator,
-- in de eigen woorden van de gemeente, met document en regel. Gevuld uit data/kaders/ door loaders/kaders.py.

create table if not exists kader (
    kader_id       varchar primary key,        -- 'GM0303-bestaanszekerheid'
    gemeente_code  varchar not null,
    document       varchar not null,           -- titel van het beleidsdocument
    niveau         varchar not null,           -- 'opgave', 'kader', 'beleidsveld', 'programma', 'doelstelling'
    naam           varchar not null,
    omschrijving   varchar,
    volgorde       integer not null,
    bron_regels    varchar                     -- regels in het brondocument
);

create table if not exists doel (
    doel_id      varchar primary key,
    kader_id     varchar not null,
    naam         varchar not null,
    volgorde     integer not null,
    bron_regels  varchar
);

create table if not exists kader_indicator (
    kader_indicator_id varchar primary key,
    doel_id            varchar not null,
    gemeente_code      varchar not null,
    omschrijving       varchar not null,       -- de eigen formulering van de gemeente
    indicator_code     varchar,                -- koppeling met de registry; NULL als die er (nog) niet is
    leeftijd           varchar,                -- welke leeftijdsgroep van de registry-indicator bedoeld is
    bron_genoemd       varchar,                -- bron zoals het document die noemt
    eenheid            varchar,
    nulmeting_jaar     integer,
    nulmeting_waarde   double,
    nulmeting_tekst    varchar,                -- zoals geschreven ('26%', '2017')
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
    richting           varchar check (richting in ('stijging', 'daling', 'gelijk'))
);

-- Indicatoren uit de documenten die bewust niet zijn opgenomen, met de reden.
create table if not exists kader_weggelaten (
    gemeente_code varchar not null,
    document      varchar not null,
    omschrijving  varchar not null,
    reden         varchar not null,
    bron_regels   varchar
);
