-- Purpose: every goal–indicator link, from which the benchmark draws the indicator (and goal)
--          a user opens on the indicator page (bench/run.py).
-- Grain:   one row per link, by goal then indicator.
-- Params:  none.
select goal_id, indicator_id from goal_indicators order by goal_id, indicator_id;
