-- Purpose: the goals to choose from in a selector, top of the chain first.
-- Grain:   one row per goal.
-- Params:  none.
select goal_id, title, level, level_rank,
from goals
order by level_rank, goal_id;
