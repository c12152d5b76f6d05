-- Purpose: the greatest height in the goal chain (-1 without goals): the number of passes the
--          engine makes, one per height.
-- Grain:   one value.
-- Params:  none.
select coalesce(max(height), -1) as max_height from goal_heights;
