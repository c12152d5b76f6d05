-- Purpose: the name of every area a better_than target may be compared with: "riket" for 0000,
--          else Kolada's title of the area or of the group. Included as a relation (rn) by the
--          queries that include shared/reference_name.sql.
-- Grain:   one row per area or group id.
-- Params:  none.
select area, arg_min(name, rank) as name,
from (
    select '0000' as area, 'riket' as name, 0 as rank
    union all
    select area, title, 1, from kolada_areas
    union all
    select group_id, group_title, 2, from kolada_group_members
)
group by area
