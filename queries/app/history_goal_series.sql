-- Purpose: one goal across every evaluated period of one type: computed, assessed and
--          effective status, score and coverage, whether the goal was valid, and whether the
--          effective status changed since the goal's previous period. x is the period's
--          position on the chart's axis (0, 1, …), shared with history_mandate_boundaries;
--          tick_label its axis label ("2024"; "T2", with "<br>2024" under a year's first period).
-- Grain:   one row per evaluated period of type $period_type, oldest first (none for an
--          unknown goal).
-- Params:  $goal: a goal_id; $period_type: a period_types.period_type ('year', 'tertial' …).
with series as (
    select
        p.period,
        p.period_end,
        p.year,
        p.part_label,
        (g.valid_from is null or g.valid_from <= p.year)
            and (g.valid_to is null or p.year <= g.valid_to) as is_valid,
        s.computed_status,
        s.assessed_status,
        s.effective_status,
        s.score,
        s.coverage,
        coalesce(s.status_differs, false) as status_differs,
        coalesce(s.has_override_reason, false) as has_override_reason,
    from periods p
    join goals g on g.goal_id = $goal
    left join goal_status s on s.goal_id = g.goal_id and s.period = p.period
    where p.is_evaluated and p.period_type = $period_type
)
select
    (row_number() over (order by period_end, period) - 1)::integer as x,
    case
        when $period_type = 'year' then period
        else part_label || if(
            row_number() over (partition by year order by period_end, period) = 1,
            '<br>' || year,
            ''
        )
    end as tick_label,
    * exclude (part_label),
    lag(effective_status ignore nulls) over (order by period_end, period) as previous_status,
    coalesce(effective_status <> previous_status, false) as status_changed,
from series
order by period_end, period;
