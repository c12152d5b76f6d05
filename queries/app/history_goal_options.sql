-- Purpose: the goals to choose between on the Över tid page, labelled with their level, e.g.
--          "KF-mål · KF1.1 Alla elever ska …"; the first strategic area is the default.
-- Grain:   one row per goal, top of the chain first.
-- Params:  none.
select
    goal_id,
    level,
    case level
        when 'kf-mål' then 'KF-mål'
        else upper(left(level, 1)) || substr(level, 2)
    end || ' · ' || goal_id || ' ' || case
        when length(title) > 70 then rtrim(left(title, 69)) || '…'
        else title
    end as label,
    goal_id = (select min(goal_id) from goals where level = 'område') as is_default,
from goals
order by level_rank, goal_id;
