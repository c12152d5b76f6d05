-- Purpose: how many goals at each level of the chain have each status in the period (the
--          headline figures of the overview).
-- Grain:   one row per goal level below the vision, top first.
-- Params:  $period.
select
    g.level,
    count(*) as goal_count,
    -- status -> number of goals (only the statuses some goal has)
    histogram(s.effective_status) as status_counts,
from goal_status s
join goals g on g.goal_id = s.goal_id
where s.period = $period and g.level <> 'vision'
group by g.level, g.level_rank
order by g.level_rank;
