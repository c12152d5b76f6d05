-- Purpose: typed goals; lists split, defaults applied (public = ja, weight = 1).
-- Grain:   one row per goal row in the sources.
-- Params:  none.
create or replace temp table stg_goals as
select
    _file, _sheet, _row,
    goal_id,
    title,
    lower(level) as level,
    coalesce(split_list(parent_ids), []) as parent_ids,
    coalesce(split_list(responsible), []) as responsible,
    parse_year(valid_from) as valid_from,
    parse_year(valid_to) as valid_to,
    description,
    coalesce(split_list(agenda2030), []) as agenda2030,
    coalesce(parse_bool(public), true) as is_public,
    coalesce(parse_number(weight), 1.0) as weight,
    extra,
from raw_goals;
