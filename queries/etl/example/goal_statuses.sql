-- Purpose: the goal statuses that the example generator (etl/example/) assesses and describes,
--          read from the engine's goal_status.
-- Grain:   one row per goal valid in the period and period of the given periods.
-- Params:  $periods: the report periods (varchar[]).
select goal_id, period, computed_status, effective_status, height,
from goal_status
where list_contains($periods, period)
order by goal_id, period;
