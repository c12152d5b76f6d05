-- Purpose: every period, from which the benchmark draws the parameters of the page queries
--          (bench/run.py).
-- Grain:   one row per period, in code order.
-- Params:  none.
select period from periods order by all;
