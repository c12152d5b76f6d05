-- Purpose: every row of goal_status in a fixed order, so two engines' results can be compared
--          row by row (bench/city.py).
-- Grain:   one row per goal_status row.
-- Params:  none.
select * from goal_status order by all;
