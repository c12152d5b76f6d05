-- Purpose: the size of what compute_status produced, for the benchmark report (bench/run.py).
-- Grain:   one row of counts.
-- Params:  none.
select
    (select count(*) from goals) as goals,
    (select count(*) from periods) as periods,
    (select count(*) from goal_status) as goal_status_rows,
    (select count(*) from indicator_status) as indicator_status_rows;
