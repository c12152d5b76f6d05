-- Purpose: whether the warehouse already holds statuses for a period.
-- Grain:   one row.
-- Params:  $period: a period code.
select exists (select 1 from goal_status where period = $period) as has_period;
