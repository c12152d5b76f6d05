-- Purpose: each Kolada area's name and type as the latest source gives it (a fetched answer
--          before a file; among files, the last by name), for kolada_areas.
-- Grain:   one row per area.
-- Params:  none.
create or replace temp table stg_kolada_areas as
select area, title, type, source,
from raw_kolada_areas
qualify row_number() over (
    partition by area order by fetched_at desc nulls last, answer desc, source desc
) = 1;
