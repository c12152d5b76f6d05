-- Purpose: the trajectory over time: statuses of the goals at the given levels in every
--          evaluation period.
-- Grain:   one row per period, ordered by end date.
-- Params:  $levels: the goal levels to count, e.g. ['kf-mål', 'nämndmål'].
with counted as (
    -- Goals per period and status first, then one map per period: cheaper than histogram()
    -- over every goal row.
    select s.period, any_value(s.period_end) as period_end, s.effective_status, count(*) as n,
    from goal_status s
    semi join goals g on g.goal_id = s.goal_id and list_contains($levels, g.level)
    group by s.period, s.effective_status
)
select
    period,
    any_value(period_end) as period_end,
    sum(n)::bigint as goal_count,
    -- status -> number of goals (only the statuses some goal has)
    map_from_entries(list_sort(list({'k': effective_status, 'v': n::ubigint})))
        as status_counts,
from counted
group by period
order by period_end, period;
