-- Purpose: attainment per strategic area: its status and score in the period and in the
--          previous comparable period, and the statuses of every goal beneath it (however
--          deep, each counted once). The overview's area cards show this.
-- Grain:   one row per strategic area valid in the period.
-- Params:  $period.
with
previous_period as (
    -- The latest evaluated period of the same type that ends before $period.
    select arg_max(p.period, p.period_end) as period
    from periods p
    join periods c on c.period = $period
    where p.is_evaluated and p.period_type = c.period_type and p.period_end < c.period_end
),
counted as (
    -- The goals beneath each area (however deep, each once) per status first, then one map
    -- per area: cheaper than histogram() over every goal row.
    select a.goal_id as area_id, s.effective_status, count(s.goal_id) as n,
    from goal_status a
    join goals g on g.goal_id = a.goal_id and g.is_area
    left join goal_closure c on c.ancestor_id = a.goal_id and c.distance > 0
    left join goal_status s on s.goal_id = c.descendant_id and s.period = a.period
    where a.period = $period
    group by a.goal_id, s.effective_status
),
counts as (
    select
        area_id,
        sum(n)::bigint as goal_count,
        -- status -> number of goals (only the statuses some goal has; NULL without goals)
        map_from_entries(
            list_sort(
                list({'k': effective_status, 'v': n::ubigint})
                    filter (where effective_status is not null)
            )
        ) as status_counts,
    from counted
    group by area_id
)
select
    c.area_id,
    g.title as area_title,
    now.effective_status as status,
    now.score,
    (select period from previous_period) as previous_period,
    before.effective_status as previous_status,
    before.score as previous_score,
    now.score - before.score as score_change,
    c.* exclude (area_id),
from counts c
join goals g on g.goal_id = c.area_id
join goal_status now on now.goal_id = c.area_id and now.period = $period
left join goal_status before
    on before.goal_id = c.area_id and before.period = (select period from previous_period)
order by c.area_id;
