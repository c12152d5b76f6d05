-- Purpose: the goal levels Översikt's headline figures and its trend count: the setting
--          headline_levels (levels separated by ";"), else $default.
-- Grain:   one row per level, in the order given.
-- Params:  $default: the default levels (etl/schema.py DEFAULT_HEADLINE_LEVELS).
select lower(trim(level)) as level,
from unnest(coalesce(
    (select string_split(value, ';') from settings where key = 'headline_levels'),
    $default::varchar[]
)) with ordinality as u(level, position)
where trim(level) <> ''
order by position;
