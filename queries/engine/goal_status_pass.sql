-- Purpose: computed, assessed and effective status of the goals of one height, in every
--          evaluation period (docs/rules.md §2–3). Children (lower heights) are already in
--          goal_status. The roll-up itself is engine/roll_up.sql.
-- Grain:   one row per goal valid in the period and period.
-- Params:  $height; $full_threshold; $partial_threshold; $preset;
--          $min_coverage; $eps.
with
todo as (
    select 0 as scenario, g.goal_id, p.period, p.period_end
    from goal_heights h
    join goals g on g.goal_id = h.goal_id
    join eval_periods p
        on (g.valid_from is null or g.valid_from <= p.year)
        and (g.valid_to is null or p.year <= g.valid_to)
    where h.height = $height
),
inputs as (
    select 0 as scenario, s.goal_id, s.period, s.weight, s.status
    from indicator_status s
    join todo t on t.goal_id = s.goal_id and t.period = s.period
    union all
    -- A child has a row in goal_status only for the periods it is valid in.
    select 0, l.parent_id, c.period, l.weight, c.effective_status
    from goal_links l
    join goal_status c on c.goal_id = l.child_id
    join todo t on t.goal_id = l.parent_id and t.period = c.period
),
{% include 'engine/roll_up.sql' %}
select
    c.goal_id, c.period,
    c.computed_status,
    a.status as assessed_status,
    coalesce(a.status, c.computed_status) as effective_status,
    c.score, c.coverage, c.n_inputs, c.n_assessable,
    coalesce(a.status <> c.computed_status, false) as status_differs,
    a.override_reason is not null as has_override_reason,
    c.period_end,
    $height as height,
from computed c
left join assessments a on a.goal_id = c.goal_id and a.period = c.period
order by c.goal_id, c.period;
