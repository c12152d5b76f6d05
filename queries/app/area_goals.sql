-- Purpose: the goals to choose from once a strategic area is chosen: the area itself and every
--          goal beneath it; with a null $area, the goals outside every area (the vision …).
-- Grain:   one row per goal, top of the chain first.
-- Params:  $area: the goal id of an area (goals.is_area), or null.
select g.goal_id, g.title, g.level,
from goals g
where case
    when $area is null then not exists (
        select 1
        from goal_closure c
        join goals a on a.goal_id = c.ancestor_id
        where c.descendant_id = g.goal_id and a.is_area
    )
    else exists (
        select 1 from goal_closure c where c.ancestor_id = $area and c.descendant_id = g.goal_id
    )
end
order by g.level_rank, g.goal_id;
