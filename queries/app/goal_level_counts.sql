-- Purpose: how many goals there are at each level of the goal chain.
-- Grain:   one row per goal level, top of the chain first.
-- Params:  none.
select level, count(*) as goal_count,
from goals
group by level, level_rank
order by level_rank;
