-- Purpose: the strategic areas (goals.is_area) one goal lies under, to open the
--          goal's area when a link names only the goal; an area lies under itself.
-- Grain:   one row per area, by id; a single row with a null area_id for a goal outside every
--          area (the vision …); no rows for a goal that does not exist.
-- Params:  $goal.
select a.goal_id as area_id,
from goals g
left join goal_closure c on c.descendant_id = g.goal_id
    and c.ancestor_id in (select goal_id from goals where is_area)
left join goals a on a.goal_id = c.ancestor_id
where g.goal_id = $goal
order by a.goal_id;
