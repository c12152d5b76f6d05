-- Purpose: every goal, from which the benchmark draws the parameters of the page queries
--          (bench/run.py).
-- Grain:   one row per goal, in id order.
-- Params:  none.
select goal_id from goals order by all;
