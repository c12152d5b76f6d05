-- Purpose: the open data's goal_indicators.csv: which public indicators measure which public
--          goal, with their weights.
-- Grain:   one row per goal and indicator.
-- Params:  none.
select goal_id, indicator_id, weight from goal_indicators order by goal_id, indicator_id;
