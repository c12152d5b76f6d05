-- Purpose: the trajectory over time: statuses of the goals at the given levels in every
--          evaluation period.
-- Grain:   one row per period, ordered by end date.
-- Params:  $levels: the goal levels to count, e.g. ['kf-mål', 'nämndmål'].
select
    s.period,
    s.period_end,
    count(*) as goal_count,
    -- status -> number of goals (only the statuses some goal has)
    histogram(s.effective_status) as status_counts,
from goal_status s
join goals g on g.goal_id = s.goal_id
where list_contains($levels, g.level)
group by all
order by s.period_end, s.period;
