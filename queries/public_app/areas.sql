-- Purpose: the strategic areas (goals at the level område) for the public start page and area
--          pages: each area's own status in the period, and the statuses of the goals directly
--          under it (the goals fullmäktige set for the area, and public goals whose parents are
--          not public), each valid goal counted once.
-- Grain:   one row per area; with $area null, the areas valid in the period, else that area
--          (none when it is not an area).
-- Params:  $period; $area: an area's goal id, or null for all.
select
    a.goal_id as area_id,
    a.title,
    a.description,
    s.effective_status as status,
    count(c.goal_id) as goal_count,
    -- status -> number of goals (only the statuses some goal has)
    coalesce(histogram(c.effective_status) filter (where c.goal_id is not null), map())
        as status_counts,
from goals a
left join goal_status s on s.goal_id = a.goal_id and s.period = $period
left join goal_links l on l.parent_id = a.goal_id
left join goal_status c on c.goal_id = l.child_id and c.period = $period
where a.is_area
    and (a.goal_id = $area or $area is null and s.goal_id is not null)
group by all
order by a.goal_id;
