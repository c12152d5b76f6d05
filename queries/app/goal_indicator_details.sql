-- Purpose: the indicators of one goal in one period with target, outcome, trend and status,
--          for the goal's page in the drill-down.
-- Grain:   one row per indicator status row (goal, indicator, subject, gender).
-- Params:  $goal_id; $period.
select
    s.indicator_id,
    i.title,
    i.unit,
    coalesce(i.decimals, 1) as decimals,
    s.subject,
    s.gender,
    s.comparator,
    s.target_value,
    s.target_low,
    s.target_high,
    s.tolerance,
    s.value,
    s.value_period,
    s.prev_value,
    s.status,
    s.trend,
    s.target_period,
from indicator_status s
join indicators i on i.indicator_id = s.indicator_id
where s.goal_id = $goal_id and s.period = $period
order by s.indicator_id, s.subject, s.gender;
