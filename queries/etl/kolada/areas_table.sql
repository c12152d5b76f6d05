-- Purpose: Kolada's areas (kommuner, regions, riket: id, name, type) of the Kolada sources, one
--          row per area and answer, kept until they are staged (etl/kolada/source.py).
-- Grain:   statement; the table holds one row per area and answer.
-- Params:  none.
create or replace temp table raw_kolada_areas (
    source varchar,        -- the folder's manifest.json, or the metadata file
    answer integer,        -- the answer's place in the order fetched (1 for a file)
    fetched_at timestamp,  -- when it was fetched (UTC); NULL for a file
    area varchar,
    title varchar,
    type varchar,
);
