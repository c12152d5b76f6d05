-- Purpose: one goal's status in one period, with the nämnd's reason for an override.
-- Grain:   one row (none when the goal is not valid in the period).
-- Params:  $goal_id; $period.
select s.*, a.override_reason, a.analysis, a.actions, a.assessed_by, a.assessed_on,
from goal_status s
left join assessments a on a.goal_id = s.goal_id and a.period = s.period
where s.goal_id = $goal_id and s.period = $period;
