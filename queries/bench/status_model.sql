-- Purpose: the size of the model the status engine ran on, for the city-scale report
--          (bench/city.py).
-- Grain:   one row.
-- Params:  none.
select
    (select count(*) from goals) as goals,
    (select count(*) from indicators) as indicators,
    (select count(*) from goal_indicators) as links,
    (select count(*) from targets) as targets,
    (select count(*) from outcomes) as outcomes,
    (select count(*) from periods where is_evaluated) as periods,
    (select count(*) from indicator_status) as indicator_status_rows,
    (select count(*) from goal_status) as goal_status_rows;
