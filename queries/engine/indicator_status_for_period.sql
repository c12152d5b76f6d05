-- Purpose: indicator statuses of one period, as printed by `python -m etl status --indicators`.
-- Grain:   one row per goal, indicator, subject and gender, sorted by those.
-- Params:  $period: a period code.
select
    goal_id, indicator_id, period, subject, gender, comparator, target_value, target_low,
    target_high, tolerance, value, value_period, prev_value, status, trend, reference_value,
from indicator_status
where period = $period
order by goal_id, indicator_id, subject, gender;
