-- Purpose: the nämnd's own assessment of a goal in a period, for the drill-down: its status,
--          analysis and actions, and who assessed it by name (the id only when the organisation
--          is not in the model).
-- Grain:   one row; no row when the goal is not valid in the period.
-- Params:  $goal_id; $period.
select
    s.assessed_status,
    a.analysis,
    a.actions,
    coalesce(o.name, a.assessed_by) as assessed_by,
    a.assessed_on,
from goal_status s
left join assessments a on a.goal_id = s.goal_id and a.period = s.period
left join organisation o on o.org_id = a.assessed_by
where s.goal_id = $goal_id and s.period = $period;
