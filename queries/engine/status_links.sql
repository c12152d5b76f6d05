-- Purpose: every goal–indicator link as the engine needs it, numbered in key order, with the
--          pattern of its target periods: the sorted list of its target rows' periods (a period
--          as often as it has target rows). The target a link uses in a period depends only on
--          that pattern, and a municipality's links share a few of them (every year, every
--          tertial, …), so engine/target_choices.sql chooses once per pattern.
-- Grain:   one row per goal_id, indicator_id.
-- Params:  none.
with patterns as (
    select goal_id, indicator_id, list_sort(list(period)) as pattern,
    from targets
    group by goal_id, indicator_id
)
select
    gi.goal_id, gi.indicator_id, gi.weight, i.direction, g.valid_from, g.valid_to,
    row_number() over (order by gi.goal_id, gi.indicator_id) as link_no,
    coalesce(p.pattern, []) as pattern,
    dense_rank() over (order by coalesce(p.pattern, [])) as pattern_no,
from goal_indicators gi
join goals g using (goal_id)
join indicators i using (indicator_id)
left join patterns p using (goal_id, indicator_id);
