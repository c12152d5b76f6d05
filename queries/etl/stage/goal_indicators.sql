-- Purpose: typed goal-indicator links; weight defaults to 1.
-- Grain:   one row per link row in the sources.
-- Params:  none.
create or replace temp table stg_goal_indicators as
select
    _file, _sheet, _row,
    goal_id,
    indicator_id,
    coalesce(parse_number(weight), 1.0) as weight,
    extra,
from raw_goal_indicators;
