-- Purpose: the values of a Kolada folder (python -m etl kolada fetch), one row per value of
--          every answer, kept until the folder's outcomes are staged (etl/kolada/source.py).
-- Grain:   statement; the table holds one row per KPI, area, year, gender and answer.
-- Params:  none.
create or replace temp table raw_kolada (
    manifest varchar,      -- the folder's manifest.json, as the sources name it
    answer integer,        -- the answer's place in the order fetched (1 = first)
    fetched_at timestamp,  -- when the answer was fetched (UTC)
    kpi varchar,
    area varchar,
    year bigint,
    gender varchar,
    value double,
    status varchar,
    member_count bigint,
    is_deleted boolean,
);
