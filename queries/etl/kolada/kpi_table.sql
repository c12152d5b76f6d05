-- Purpose: the KPI metadata of the Kolada folders among the sources, one row per KPI and answer,
--          kept until the folders' metadata is staged (etl/kolada/source.py).
-- Grain:   statement; the table holds one row per KPI and answer.
-- Params:  none.
create or replace temp table raw_kolada_kpis (
    manifest varchar,
    answer integer,
    fetched_at timestamp,
    kpi varchar,
    title varchar,
    description varchar,
    operating_area varchar,
    perspective varchar,
    is_divided_by_gender boolean,
    publication_date date,
    prel_publication_date date,
    publ_period varchar,
);
