-- Purpose: how many goals at each level of the chain have each status in the period (the
--          headline figures of the overview).
-- Grain:   one row per goal level below the vision, top first.
-- Params:  $period.
with counted as (
    -- Goals per level and status first, then one map per level: cheaper than histogram()
    -- over every goal row.
    select g.level, g.level_rank, s.effective_status, count(*) as n,
    from goal_status s
    join goals g on g.goal_id = s.goal_id
    where s.period = $period and g.level <> 'vision'
    group by g.level, g.level_rank, s.effective_status
)
select
    level,
    sum(n)::bigint as goal_count,
    -- status -> number of goals (only the statuses some goal has)
    map_from_entries(list_sort(list({'k': effective_status, 'v': n::ubigint})))
        as status_counts,
from counted
group by level, level_rank
order by level_rank;
