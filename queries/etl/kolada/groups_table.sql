-- Purpose: Kolada's municipality groups with their members, of the Kolada sources, one row per
--          group, member and answer, kept until they are staged (etl/kolada/source.py).
-- Grain:   statement; the table holds one row per group, member and answer.
-- Params:  none.
create or replace temp table raw_kolada_groups (
    source varchar,        -- the folder's manifest.json, or the group file
    answer integer,        -- the answer's place in the order fetched (1 for a file)
    fetched_at timestamp,  -- when it was fetched (UTC); NULL for a file
    group_id varchar,
    group_title varchar,
    member_id varchar,
);
