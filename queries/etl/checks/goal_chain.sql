-- Purpose: goals placed under a goal of a lower level (a kf-mål under a nämndmål), and goals
--          valid from a year after they stop being valid.
-- Grain:   one row per problem: file, sheet, row, column, found, expected.
-- Params:  none (the level order comes from the temp table goal_levels).
with ranked as (
    select g.*, l.level_rank from stg_goals g join goal_levels l using (level)
),
links as (
    select c._file, c._sheet, c._row, c.goal_id, c.level, c.level_rank, p.goal_id as parent_id,
        p.level as parent_level, p.level_rank as parent_rank,
    from ranked c, unnest(c.parent_ids) as u(parent_id)
    join ranked p on p.goal_id = u.parent_id
)
select _file, _sheet, _row, 'parent_ids',
    format('målet (nivå {}) ligger under "{}" (nivå {}), som är en lägre nivå', level, parent_id,
        parent_level),
    format('ett överordnat mål på nivån {} eller högre (ordningen är {})', level,
        (select string_agg(level, ' › ' order by level_rank) from goal_levels)),
from links
where level_rank < parent_rank
union all
select _file, _sheet, _row, 'valid_from',
    format('valid_from {} är efter valid_to {}', valid_from, valid_to),
    'valid_from samma år som valid_to eller tidigare',
from stg_goals
where valid_from > valid_to;
