-- Purpose: what would change one goal's computed status in one period, computed by the
--          engine's own roll-up (engine/roll_up.sql) on changed inputs:
--          - scenario kind 'lift', k = 0, 1, …: the k inputs that gain most turned to the best
--            status (the greatest weight × (1 − score) first; ties in the order of the goal's
--            inputs, indicators first); k = 0 is the goal as it is;
--          - kind 'data', k = 1, 2, …: the k heaviest inputs that do not score (no target, no
--            outcome, not assessed) given a status that scores (the lowest: only the coverage
--            matters), for a goal that cannot be assessed for want of data.
-- Grain:   one row per scenario (kind, k), in order of kind and k.
-- Params:  $goal_id; $period; $preset; $full_threshold; $partial_threshold; $min_coverage;
--          $eps.
with
given as (
    select
        row_number() over (order by r.input_kind = 'mål', r.input_id, r.subject, r.gender)
            as input_no,
        r.input_kind, r.input_id, r.status, r.weight, v.score,
    from (
        {% set with_comparisons = false %}
        {% include 'engine/goal_input_rows.sql' %}
    ) r
    left join statuses v on v.code = r.status
),
best as (select code from statuses where rank = (select max(rank) from statuses)),
lowest as (select code from statuses where rank = (select min(rank) from statuses)),
ranked as (
    select
        g.*,
        case when g.status <> (select code from best) then row_number() over (
            partition by g.status <> (select code from best)
            order by g.weight * (1 - coalesce(g.score, 0)) desc, g.input_no
        ) end as lift_rank,
        case when g.score is null then row_number() over (
            partition by g.score is null order by g.weight desc, g.input_no
        ) end as data_rank,
    from given g
),
scenarios as (
    select 'lift' as kind, 0 as k
    union all
    select 'lift', lift_rank from ranked where lift_rank is not null
    union all
    select 'data', data_rank from ranked where data_rank is not null
),
changed as (
    -- Every input in every scenario, and whether (and when) the scenario changes it.
    select
        s.kind || ':' || s.k as scenario, s.kind, s.k, r.*,
        case when s.kind = 'lift' then r.lift_rank else r.data_rank end as taken,
        coalesce(taken <= s.k, false) as is_changed,
    from scenarios s
    cross join ranked r
),
todo as (
    select s.kind || ':' || s.k as scenario, $goal_id as goal_id, p.period, p.period_end,
    from scenarios s
    join periods p on p.period = $period
),
inputs as (
    select
        scenario, $goal_id as goal_id, $period as period, weight,
        case
            when not is_changed then status
            when kind = 'lift' then (select code from best)
            else (select code from lowest)
        end as status,
    from changed
),
{% include 'engine/roll_up.sql' %},
changes as (
    select
        scenario,
        list(input_kind order by taken) filter (where is_changed) as changed_kinds,
        list(input_id order by taken) filter (where is_changed) as changed_ids,
    from changed
    group by scenario
)
select s.kind, s.k, c.computed_status, c.score, c.coverage, ch.changed_kinds, ch.changed_ids,
from scenarios s
join computed c on c.scenario = s.kind || ':' || s.k
left join changes ch on ch.scenario = c.scenario
order by s.kind, s.k;
