-- Purpose: computed, assessed and effective status of the goals of one height, in every
--          evaluation period (docs/rules.md §2–3). Children (lower heights) are already in
--          goal_status.
-- Grain:   one row per goal valid in the period and period.
-- Params:  $height; $full_threshold; $partial_threshold; $preset;
--          $min_coverage; $eps.
with
todo as (
    select g.goal_id, p.period, p.period_end
    from goal_heights h
    join goals g on g.goal_id = h.goal_id
    join eval_periods p
        on (g.valid_from is null or g.valid_from <= p.year)
        and (g.valid_to is null or p.year <= g.valid_to)
    where h.height = $height
),
inputs as (
    select s.goal_id, s.period, s.weight, s.status
    from indicator_status s
    join todo t on t.goal_id = s.goal_id and t.period = s.period
    union all
    -- A child has a row in goal_status only for the periods it is valid in.
    select l.parent_id, c.period, l.weight, c.effective_status
    from goal_links l
    join goal_status c on c.goal_id = l.child_id
    join todo t on t.goal_id = l.parent_id and t.period = c.period
),
scored as (
    -- Each status's score and rank come from the vocabulary (statuses, with the model's
    -- partly_score); a status without them is not assessable.
    select i.*, v.score, v.rank as status_rank,
    from inputs i
    left join statuses v on v.code = i.status
),
summed as (
    select
        t.goal_id, t.period, t.period_end,
        count(s.status) as n_inputs,
        count(s.score) as n_assessable,
        sum(s.weight) as total_weight,
        coalesce(sum(s.weight) filter (where s.score is not null), 0) as assessable_weight,
        sum(s.weight * s.score) / sum(s.weight) filter (where s.score is not null) as score,
        min(s.status_rank) as worst_rank,
    from todo t
    left join scored s on s.goal_id = t.goal_id and s.period = t.period
    group by t.goal_id, t.period, t.period_end
),
computed as (
    select
        *,
        assessable_weight / total_weight as coverage,
        case
            when n_assessable = 0 or assessable_weight / total_weight < $min_coverage - $eps
                then 'ej bedömt'
            when $preset = 'worst_of' then (select code from statuses where rank = worst_rank)
            when $preset = 'all' then case
                when worst_rank = (select max(rank) from statuses) then 'uppfyllt'
                when score > $eps then 'delvis'
                else 'ej uppfyllt'
            end
            when score >= $full_threshold - $eps then 'uppfyllt'
            when score >= $partial_threshold - $eps then 'delvis'
            else 'ej uppfyllt'
        end as computed_status,
    from summed
)
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
