-- Purpose: typed assignments (särskilda uppdrag and aktiviteter); lists split, defaults applied
--          (kind = uppdrag, public = ja).
-- Grain:   one row per assignment row in the sources.
-- Params:  none.
create or replace temp table stg_assignments as
select
    _file, _sheet, _row,
    assignment_id,
    title,
    coalesce(lower(kind), 'uppdrag') as kind,
    coalesce(split_list(responsible), []) as responsible,
    decided_by,
    parse_date(decided_on) as decided_on,
    parse_date(deadline) as deadline,
    coalesce(split_list(goal_ids), []) as goal_ids,
    description,
    coalesce(parse_bool(public), true) as is_public,
    extra,
from raw_assignments;
