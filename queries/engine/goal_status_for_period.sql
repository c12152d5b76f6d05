-- Purpose: goal statuses of one period, as printed by `python -m etl status`.
-- Grain:   one row per goal valid in the period, sorted by goal_id.
-- Params:  $period: a period code.
select goal_id, period, computed_status, assessed_status, effective_status, score, coverage,
from goal_status
where period = $period
order by goal_id;
