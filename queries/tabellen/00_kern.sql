-- Kern van het datamodel: regio's, de indicatorregistry, herkomst en waarnemingen.
-- Alle tabellen worden door loaders/ gevuld; pagina's lezen via queries/pagina/.

create table if not exists regio (
    regio_code     varchar primary key,      -- GM0148, GG1009, PV23, NL01, WK014801
    regio_naam     varchar not null,
    soort          varchar not null check (soort in ('gemeente', 'ggd_regio', 'provincie', 'land', 'wijk')),
    ggd_regio_code varchar,                  -- alleen bij een gemeente
    provincie_code varchar,                  -- bij een gemeente en een GGD-regio
    volgorde       integer not null,
    kleur          varchar,                  -- alleen bij een gemeente: lijnkleur in elke grafiek ('#0072B2')
    vorm           varchar,                  -- alleen bij een gemeente: marker in elke grafiek ('circle')
    gemeente_code  varchar,                  -- alleen bij een wijk: de gemeente waarin ze ligt
    focus          boolean default false     -- alleen bij een gemeente: de pagina's tonen haar standaard
);
-- een database van vóór kleur, vorm en wijken krijgt de kolommen erbij; de oude soortcontrole (zonder 'wijk')
-- vervangt loaders.ingebed.laad_referentie, die de tabel toch helemaal opnieuw vult (met kleur en vorm)
alter table regio add column if not exists kleur varchar;
alter table regio add column if not exists vorm varchar;
alter table regio add column if not exists gemeente_code varchar;
alter table regio add column if not exists focus boolean default false;
-- Herkomst van een regio: NULL bij een regio uit data/regio.csv; bij een regio uit de codelijst van een opgehaalde
-- tabel (alle gemeenten van Nederland, de wijken van de focusgemeenten; loaders.cbs) de herkomst_id van die tabel,
-- met code en naam zoals die codelijst ze geeft. Een bouw uit data/ laat deze regio's staan (loaders.ingebed).
alter table regio add column if not exists herkomst_id varchar;

-- Codes waaronder een bron een regio kent: NL00 (Kerncijfers wijken en buurten) is Nederland (NL01).
create table if not exists regio_alias (
    bron_code  varchar primary key,
    regio_code varchar not null
);

-- Gemeentelijke herindelingen (data/herindeling.csv, door de beheerder bij te houden uit de lijst van CBS).
-- 'codewijziging': dezelfde gemeente onder een nieuwe code; de reeks loopt door onder nieuw_code (de verversing leest
-- oud_code als nieuw_code, stg_waarneming ook voor al opgeslagen cijfers). 'samenvoeging': oud_code gaat op in
-- nieuw_code; de oude gemeente blijft een historische regio (haar reeks houdt op) en de reeks van nieuw_code is
-- vanaf `per` gebroken (trendbreuk, marts/10_indicator_waarden.sql).
create table if not exists herindeling (
    oud_code   varchar not null,
    oud_naam   varchar not null,
    nieuw_code varchar not null,
    nieuw_naam varchar not null,
    per        date not null,                 -- datum van de herindeling (meestal 1 januari)
    soort      varchar not null check (soort in ('samenvoeging', 'codewijziging')),
    bron       varchar not null               -- de lijst waaruit de rij komt, met adres
);

-- Reeksbreuken die een opgehaalde tabel zelf publiceert: de Kerncijfers wijken en buurten geven per gemeente, wijk en
-- buurt IndelingswijzigingGemeenteWijkBuurt; code 3 (afbakening veranderd ten opzichte van het jaar ervoor) breekt de
-- reeks van die regio in dat peiljaar. Vervangen bij elke verversing van de tabel (herkomst_id).
create table if not exists regio_breuk (
    regio_code  varchar not null,
    peiljaar    integer not null,
    reden       varchar not null,             -- 'afbakening gewijzigd (CBS 85984NED)'
    herkomst_id varchar not null
);

create table if not exists indicator (
    indicator_code varchar primary key,
    naam           varchar not null,
    thema          varchar not null,
    definitie      varchar not null,
    eenheid        varchar not null,          -- '%', 'per 1.000 inwoners', 'aantal'
    decimalen      integer not null,
    goede_richting varchar not null check (goede_richting in ('hoger', 'lager', 'neutraal')),
    soort          varchar not null check (soort in ('enquête', 'registratie', 'eigen registratie')),
    bron           varchar not null,
    bron_tabel     varchar,
    bron_kolom     varchar,
    licentie       varchar not null,
    berekening     varchar,                   -- hoe een berekende waarde tot stand komt
    min_waarde     double,
    max_waarde     double,
    toelichting    varchar
);

-- Berekende indicatoren, als gegevens (data/berekende_indicatoren.csv): waarde = teller / noemer × factor, uit de
-- voorkeurswaarden van dezelfde regio, hetzelfde peiljaar en dezelfde leeftijdsgroep, alleen waar geen gepubliceerd
-- cijfer voor die cel bestaat. Het ene generieke model is queries/indicatoren/10_ind_berekend.sql.
create table if not exists berekende_indicator (
    indicator_code varchar primary key,       -- de berekende indicator (registry)
    teller         varchar not null,          -- indicator_code van de teller
    noemer         varchar not null,          -- indicator_code van de noemer (alleen waarden > 0)
    factor         integer not null,          -- 1000: per 1.000
    leeftijd       varchar not null,          -- leeftijdsgroep van teller, noemer en uitkomst
    teller_woord   varchar not null,          -- in het citaat: 'berekend: 300 personen / 30000 inwoners × 1.000'
    noemer_woord   varchar not null
);

-- Herkomst: waar een cijfer vandaan komt. Elke waarneming verwijst naar precies één herkomst.
-- Eerst de uitgever met zijn eigen tabel en pagina (bron, tabel_id, adres); is het cijfer gelezen in een kopie
-- (een GitHub-kopie van een CBS-export, een begroting of nieuwsbericht dat het cijfer overneemt), dan staat die
-- kopie apart in gelezen_in. Een titel is nooit alleen de naam van de uitgever.
create table if not exists herkomst (
    herkomst_id     varchar primary key,      -- 'ingebed:cbs-83674NED', 'cbs:85984NED', 'upload:3'
    soort           varchar not null check (
        soort in ('CBS StatLine', 'RIVM StatLine', 'gepubliceerd document', 'upload')
    ),
    bron            varchar not null,         -- de uitgever, die het cijfer publiceerde ('CBS', 'gemeente Dronten')
    titel           varchar,                  -- tabel of publicatie ('Gezondheidsmonitor; ... 2020')
    tabel_id        varchar,                  -- id van de StatLine-tabel van de uitgever, waar bekend
    adres           varchar,                  -- pagina bij de uitgever (URL), of bij een upload de bestandsnaam
    gelezen_in      varchar,                  -- kopie waarin het cijfer gelezen is, met adres; NULL: bij de uitgever
    periode         varchar,
    opgehaald_op    timestamp,                -- opgehaald, overgenomen of geüpload
    tabel_gewijzigd timestamp,                -- 'Modified' van een CBS-tabel
    bestand_sha256  varchar,
    licentie        varchar,
    ingebed         boolean not null default false,  -- meegeleverd in data/
    toelichting     varchar
);
-- een database van vóór gelezen_in krijgt de kolom erbij (kompas.db past het schema bij elke schrijfactie toe)
alter table herkomst add column if not exists gelezen_in varchar;
-- de meting achter de cijfers (zie bronfamilie in staging/30_stg_waarneming.sql), waar de loader die kent
-- (data/cbs_tabellen.toml); NULL: afgeleid uit bron en titel
alter table herkomst add column if not exists bronfamilie varchar;
-- langs welke weg een live tabel kwam ('OData v4 (https://datasets.cbs.nl/...)'); NULL bij ingebedde cijfers en uploads
alter table herkomst add column if not exists opgehaald_via varchar;
-- bij een live tabel: de vingerafdruk van de rijen die haar laatste verversing in waarneming schreef of liet staan
-- (loaders.cbs._rijen_afdruk); is die van een nieuwe verversing dezelfde, dan staan haar rijen er al. NULL bij
-- ingebedde cijfers en uploads (en een tabel van vóór de kolom: haar rijen worden dan in SQL vergeleken)
alter table herkomst add column if not exists rijen_afdruk varchar;

create table if not exists waarneming (
    indicator_code varchar not null,
    regio_code     varchar not null,
    peiljaar       integer not null,
    peildatum      date,                      -- waar de bron een standdatum geeft (1 oktober 2020)
    leeftijd       varchar not null default 'totaal',  -- '18+', '19+', '65+', '18-64', 'totaal'
    waarde         double,                    -- NULL: ontbreekt ('.') of geheim ('x')
    ondergrens     double,                    -- 95%-interval, waar de bron het geeft
    bovengrens     double,
    status         varchar,                   -- 'voorlopig', 'nader voorlopig', 'definitief'
    herkomst_id    varchar not null,
    citaat         varchar,                   -- vindplaats binnen de bron
    berekend_uit   varchar                    -- bij een berekende waarde: waaruit
);
-- Noemt de bron alleen een maand ('maart 2017'), dan is peildatum de eerste van die maand en zegt
-- peildatum_precisie 'maand' dat de dag niet bekend is (getoond als 'stand maart 2017'); NULL: de datum zoals gegeven.
alter table waarneming add column if not exists peildatum_precisie varchar;
-- Met hoeveel decimalen de bron het cijfer publiceerde (de tekst in het document: '4' -> 0, '4,82' -> 2; bij een
-- CBS/RIVM-tabel Decimals van de meting); NULL: onbekend (uploads, berekende cijfers), dan de decimalen van de
-- indicator. Getoond wordt nooit meer dan die van de indicator (marts/05, kompas.teksten.decimalen_van).
alter table waarneming add column if not exists decimalen integer;

-- Sleutel: één cijfer per indicator, regio, peiljaar, peildatum, leeftijdsgroep en herkomst (peildatum mag leeg zijn;
-- dan telt 'geen peildatum' als één waarde). Geen index maar een toets vóór elke commit
-- (queries/schrijven/dubbele_waarneming.sql, kompas.db): een unieke index hierop was op landelijke schaal meer dan de
-- helft van het bestand (600 MB bij 5,7 miljoen waarnemingen), en elke schrijfactie kopieert het hele bestand. De
-- toets kijkt alleen naar de rijen die de schrijver raakte (kompas.db.raakt, en de herkomsten waarvan hij rijen
-- toevoegde), bij een schrijver die niets zegt naar alle. Een dubbel cijfer geeft een Nederlandse DatabaseFout
-- (kompas.db) en er wordt niets vastgelegd.
-- Geen foreign keys naar indicator, regio of herkomst: elke bouw vervangt registry, regio's, herkomst en de
-- ingebedde cijfers in één transactie, en DuckDB (2.0) weigert het verwijderen van een sleutel waarnaar een rij
-- verwees die in dezelfde transactie al is verwijderd. Een indicator of bron uit data/ halen kon dan niet meer.
-- Dat elk cijfer een bekende indicator, regio en herkomst heeft, toetst tests/test_ingebed.py.
drop index if exists waarneming_sleutel;
