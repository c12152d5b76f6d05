-- Purpose: heavy but real URL parameters for the page benchmark (bench/scenarios.py): the goal
--          with most indicators, the nämnd responsible for most goals and the indicator with
--          most outcome rows (ties broken by id).
-- Grain:   one row; a column is null when its table is empty.
-- Params:  none.
select
    (
        select goal_id from goal_indicators
        group by all order by count(*) desc, goal_id limit 1
    ) as goal,
    (
        select org_id from goal_responsibility
        group by all order by count(*) desc, org_id limit 1
    ) as namnd,
    (
        select indicator_id from outcomes
        group by all order by count(*) desc, indicator_id limit 1
    ) as indicator;
