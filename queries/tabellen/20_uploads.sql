-- Uploads van beleidsmedewerkers (loaders/excel.py). Eén upload = één werkblad van één bestand.
--
-- Dataset: dezelfde soort werkblad ('waarden' of 'streefwaarden') voor dezelfde gemeente(n), en
-- dezelfde bestandsnaam of dezelfde set indicatoren. Een nieuwe versie van een dataset vervangt de
-- vorige: de cijfers van de vorige versie verdwijnen uit `waarneming`, maar blijven bewaard in
-- `upload_waarde` / `upload_streefwaarde` (geschiedenis). Intrekken (`ingetrokken_op`) haalt de cijfers
-- van een upload weg en zet die van de versie die hij verving terug.

create table if not exists upload (
    upload_id          integer primary key,
    bestandsnaam       varchar not null,
    sha256             varchar not null,
    werkblad           varchar not null,
    soort              varchar not null check (soort in ('waarden', 'streefwaarden')),
    geupload_op        timestamp not null,
    door               varchar not null,
    gemeente_code      varchar not null,      -- bij meerdere gemeenten in één blad: 'GM0148,GM0303'
    dataset_sleutel    varchar not null,      -- soort|gemeenten|indicatoren
    rijen_totaal       integer not null,
    rijen_nieuw        integer not null,
    rijen_gewijzigd    integer not null,
    rijen_ongewijzigd  integer not null,
    rijen_vervallen    integer not null,      -- in de vorige versie, niet meer in deze
    vervangt_upload_id integer,
    ingetrokken_op     timestamp,
    ingetrokken_door   varchar
);

-- Alle geüploade waarden van elke versie (ook vervangen en ingetrokken): de geschiedenis.
-- De geldende versie staat daarnaast in `waarneming` met herkomst_id 'upload:<upload_id>'.
-- Een upload wordt nooit verwijderd (intrekken zet ingetrokken_op), dus hier kan een foreign key: in een nieuwe
-- database; een bestaande houdt haar tabel zoals die was (DuckDB voegt geen foreign key toe aan een bestaande tabel).
create table if not exists upload_waarde (
    upload_id      integer not null references upload (upload_id),
    rij            integer not null,          -- rijnummer in het werkblad
    kolom          varchar,                   -- kolomletter bij de brede vorm
    gemeente_code  varchar not null,
    indicator_code varchar not null,
    peiljaar       integer not null,
    leeftijd       varchar not null default 'totaal',
    waarde         double not null,
    bron           varchar,
    toelichting    varchar
);

-- Per upload één waarde per gemeente, indicator, peiljaar en leeftijdsgroep: excel_validatie weigert dubbele rijen
-- (tests/test_upload.py, 'dubbele rij'), en de sleutel van waarneming, waar dezelfde rijen staan, wordt bij elke
-- schrijfactie getoetst (kompas.db._toets_sleutel_waarneming). stg_waarneming koppelt de bron van een rij hierop.
-- Geen unieke index meer (tot en met sessie 11): die kostte bij een upload van 50.000 rijen ~0,05 s (invoegen en
-- checkpoint) en maakte elke kopie van de database groter, voor een sleutel die al twee keer bewaakt is.
drop index if exists upload_waarde_sleutel;

-- Geüploade streefwaarden en nulmetingen (alle versies). Welke gelden: view `geldende_upload_streefwaarde` (staging/).
create table if not exists upload_streefwaarde (
    upload_id          integer not null references upload (upload_id),
    rij                integer not null,
    kolom              varchar,
    gemeente_code      varchar not null,
    indicator_code     varchar,               -- registry-code; NULL als alleen de kader-formulering bekend is
    kader_indicator_id varchar,               -- als de indicator via de formulering van de gemeente is herkend
    indicator_tekst    varchar not null,      -- zoals in het bestand
    jaar               integer,
    tekst              varchar,               -- de streefwaarde zoals geschreven ('minimaal 85%')
    soort              varchar check (soort in ('punt', 'minimaal', 'maximaal', 'band', 'richting')),
    waarde             double,
    ondergrens         double,
    bovengrens         double,
    richting           varchar,
    nulmeting_jaar     integer,
    nulmeting_waarde   double,
    bron               varchar,
    toelichting        varchar
);

-- Zo heet een upload als bron van een cijfer: 'upload: bijstand.xlsx (23-11-2026, naam@gemeente.nl)'.
-- De kolom `bron` van een geüpload cijfer (staging/30_stg_waarneming.sql) is de eigen bron van zijn rij plus dit.
create or replace macro upload_herkomst(bestandsnaam, geupload_op, door) as
    'upload: ' || bestandsnaam || ' (' || strftime(geupload_op, '%d-%m-%Y') || ', ' || door || ')';
