-- Purpose: the strategic areas (goals.is_area) of the goals one indicator measures,
--          to open the indicator's area when a link names only the indicator.
-- Grain:   one row per area, by id; a single row with a null area_id for an indicator that
--          measures no goal under any area; no rows for an indicator that does not exist.
-- Params:  $indicator.
select distinct a.goal_id as area_id,
from indicators i
left join goal_indicators gi on gi.indicator_id = i.indicator_id
left join goal_closure c on c.descendant_id = gi.goal_id
    and c.ancestor_id in (select goal_id from goals where is_area)
left join goals a on a.goal_id = c.ancestor_id
where i.indicator_id = $indicator
order by a.goal_id;
