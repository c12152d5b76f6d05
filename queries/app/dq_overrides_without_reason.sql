-- Purpose: assessments (bedömningar) in the period whose status differs from the status the
--          engine computed, without an override_reason saying why.
-- Grain:   one row per such goal, top of the chain first.
-- Params:  $period.
select
    g.goal_id,
    g.title,
    g.level,
    s.computed_status,
    s.assessed_status,
    coalesce(o.short_name, o.name, a.assessed_by) as assessed_by,
    strftime(a.assessed_on, '%Y-%m-%d') as assessed_on,
from goal_status s
join goals g on g.goal_id = s.goal_id
join assessments a on a.goal_id = s.goal_id and a.period = s.period
left join organisation o on o.org_id = a.assessed_by
where s.period = $period and s.status_differs and not s.has_override_reason
order by g.level_rank, g.goal_id;
