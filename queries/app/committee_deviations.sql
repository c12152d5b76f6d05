-- Purpose: where an organisation's own assessment differs from the computed status in one
--          period: both statuses, the reason given for the override (if any) and the analysis.
-- Grain:   one row per goal of the organisation whose assessed status differs from the
--          computed one in the period, top level first.
-- Params:  $namnd: an org_id; $period.
select
    g.goal_id,
    g.level,
    g.title,
    s.computed_status,
    s.assessed_status,
    s.score,
    s.coverage,
    nullif(trim(a.override_reason), '') as override_reason,
    nullif(trim(a.analysis), '') as analysis,
    nullif(trim(a.actions), '') as actions,
    coalesce(o.name, a.assessed_by) as assessed_by,
    a.assessed_on,
from goal_responsibility r
join goal_status s on s.goal_id = r.goal_id and s.period = $period
join goals g on g.goal_id = s.goal_id
left join assessments a on a.goal_id = s.goal_id and a.period = s.period
left join organisation o on o.org_id = a.assessed_by
where r.org_id = $namnd and s.status_differs
order by g.level_rank, g.goal_id;
