-- Vergelijkingsgroepen (data/vergelijkingsgroepen.toml, geladen door loaders.ingebed.laad_referentie): de
-- grootteklassen van het CBS naar inwonertal, de selecties uit de configuratie en de keuze op een pagina.
-- Het lidmaatschap van een grootteklasse staat niet hier: dat volgt elk peiljaar uit de geladen inwoners
-- (queries/marts/84_vergelijkingsgroep_leden.sql).

create table if not exists vergelijkingsgroep (
    groep          varchar primary key,      -- 'inwoners_20000_50000', 'sociaal_kompas', 'eigen_keuze'
    groep_naam     varchar not null,         -- 'gemeenten met 20.000 tot 50.000 inwoners'
    groep_soort    varchar not null check (groep_soort in ('grootteklasse', 'selectie', 'keuze')),
    volgorde       integer not null,
    ondergrens     double,                   -- alleen bij een grootteklasse: inwoners vanaf (inclusief)
    bovengrens     double,                   -- alleen bij een grootteklasse: tot (exclusief); NULL: en meer
    indicator_code varchar,                  -- alleen bij een grootteklasse: de indicator van het inwonertal
    leeftijd       varchar,                  -- en haar leeftijdsgroep
    minimum_aantal integer not null,         -- een band pas vanaf zoveel leden met een cijfer
    bron           varchar,                  -- de definitie van de indeling (grootteklasse) of NULL
    toelichting    varchar
);

create table if not exists vergelijkingsgroep_lid (
    groep      varchar not null,             -- een selectie uit de configuratie
    regio_code varchar not null,
    primary key (groep, regio_code)
);
