-- Schema voor de vastgezette afgeleide tabellen (queries/marts/20_afgeleid_*.sql en verder).
create schema if not exists afgeleid;
