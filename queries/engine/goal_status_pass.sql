-- Purpose: computed, assessed and effective status of the goals of one height, in every
--          evaluation period (docs/rules.md §2–3). Children (lower heights) are already in
--          goal_status_rows. The roll-up itself is engine/roll_up.sql; a scenario there is one
--          goal in one period, numbered by goal_no and period_no.
-- Grain:   one row per goal valid in the period and period.
-- Params:  $height; $full_threshold; $partial_threshold; $preset;
--          $min_coverage; $eps.
with
todo as (
    select
        h.goal_no * 4294967296 + p.period_no as scenario, g.goal_id, p.period, p.period_end,
        h.goal_no, p.period_no,
    from goal_heights h
    join goals g on g.goal_id = h.goal_id
    join eval_periods p
        on (g.valid_from is null or g.valid_from <= p.year)
        and (g.valid_to is null or p.year <= g.valid_to)
    where h.height = $height
),
inputs as (
    -- A goal has indicator rows, and a child goal rows, only in periods they are valid in; an
    -- input of a period the goal is not valid in has no scenario in todo and is not counted.
    select h.goal_no * 4294967296 + p.period_no as scenario, s.weight, s.status,
    from indicator_status s
    join goal_heights h on h.goal_id = s.goal_id
    join eval_periods p on p.period = s.period
    where h.height = $height
    union all
    select h.goal_no * 4294967296 + c.period_no, l.weight, c.effective_status,
    from goal_links l
    join goal_heights h on h.goal_id = l.parent_id
    join goal_status_rows c on c.goal_id = l.child_id
    where h.height = $height
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
    c.goal_no, c.period_no,
from computed c
left join assessments a on a.goal_id = c.goal_id and a.period = c.period;
