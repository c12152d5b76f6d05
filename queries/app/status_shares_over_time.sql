-- Purpose: the share of goals per status in every evaluated period of the same type as $period
--          (years, or tertials …), for the chart of the trajectory over time.
-- Grain:   one row per period and status, oldest period first.
-- Params:  $period; $levels: the goal levels counted.
with counts as (
    select s.period, s.period_end, s.effective_status as status, count(*) as goal_count,
    from goal_status s
    join goals g on g.goal_id = s.goal_id
    join periods p on p.period = s.period
    where p.period_type = (select period_type from periods where period = $period)
        and list_contains($levels, g.level)
    group by all
)
select
    *,
    goal_count / sum(goal_count) over (partition by period) as share,
from counts
order by period_end, period, status;
