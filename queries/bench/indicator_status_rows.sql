-- Purpose: every row of indicator_status in a fixed order, so two engines' results can be
--          compared row by row (bench/city.py).
-- Grain:   one row per indicator_status row.
-- Params:  none.
select * from indicator_status order by all;
