-- Purpose: the goals directly under one goal (an area's goals, a goal's sub-goals) with their
--          status in the period, for the public area and goal pages.
-- Grain:   one row per child goal valid in the period, by level and id.
-- Params:  $goal; $period.
select
    g.goal_id,
    g.title,
    g.level,
    (
        select string_agg(o.name, ', ' order by o.name)
        from goal_responsibility r
        join organisation o on o.org_id = r.org_id
        where r.goal_id = g.goal_id
    ) as responsible,
    s.effective_status as status,
from goal_links l
join goals g on g.goal_id = l.child_id
join goal_status s on s.goal_id = g.goal_id and s.period = $period
where l.parent_id = $goal
order by g.level_rank, g.goal_id;
