-- Purpose: what the Över tid page says about one goal: title, level, the years it is valid,
--          who is responsible, and the latest evaluated period in which it has a status (a
--          full year before a tertial ending the same day).
-- Grain:   one row (none for an unknown goal).
-- Params:  $goal: a goal_id.
select
    g.goal_id,
    g.title,
    g.level,
    g.valid_from,
    g.valid_to,
    g.description,
    (
        select string_agg(coalesce(o.name, r.org_id), ', ' order by r.org_id)
        from goal_responsibility r
        left join organisation o on o.org_id = r.org_id
        where r.goal_id = g.goal_id
    ) as responsible,
    (
        select arg_max(s.period, (p.period_end, p.period_type = 'year'))
        from goal_status s join periods p on p.period = s.period
        where s.goal_id = g.goal_id
    ) as latest_period,
from goals g
where g.goal_id = $goal;
