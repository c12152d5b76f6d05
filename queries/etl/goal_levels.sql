-- Purpose: the goal levels in order from the top of the chain (etl/schema.py GOAL_LEVELS),
--          with each level's rank; SQL reads the level order from here.
-- Grain:   one row per level.
-- Params:  $levels: the level names, top first.
select level, level_rank from unnest($levels::varchar[]) with ordinality as u(level, level_rank);
