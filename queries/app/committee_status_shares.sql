-- Purpose: the share of an organisation's goals per effective status in every evaluated
--          period of the same type as $period (years, or tertials …): its trajectory over time.
-- Grain:   one row per period and status, oldest period first.
-- Params:  $namnd: an org_id; $period.
with counts as (
    select
        s.period,
        s.period_end,
        s.effective_status as status,
        count(*) as goal_count,
    from goal_status s
    join goal_responsibility r on r.goal_id = s.goal_id
    join periods p on p.period = s.period
    where r.org_id = $namnd
        and p.period_type = (select period_type from periods where period = $period)
    group by all
)
select
    *,
    goal_count / sum(goal_count) over (partition by period) as share,
from counts
order by period_end, period, status;
