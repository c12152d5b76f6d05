-- Purpose: the goals an organisation is responsible for in one period, with the computed
--          status, its own assessed status, the effective status and the score.
-- Grain:   one row per goal of the organisation that is valid in the period, top level first.
-- Params:  $namnd: an org_id; $period.
select
    g.goal_id,
    g.level,
    g.title,
    s.computed_status,
    s.assessed_status,
    s.effective_status,
    s.score,
    s.coverage,
    s.status_differs,
    s.has_override_reason,
from goal_responsibility r
join goals g on g.goal_id = r.goal_id
join goal_status s on s.goal_id = r.goal_id and s.period = $period
where r.org_id = $namnd
order by g.level_rank, g.goal_id;
