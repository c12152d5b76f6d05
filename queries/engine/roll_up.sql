-- Purpose: the roll-up of docs/rules.md §2, the one definition of a goal's computed status.
--          Included by goal_status_pass.sql, which scores every goal of one height, and by
--          goal_what_if.sql, which scores one goal again with some of its inputs changed. The
--          including query defines the CTEs todo(scenario, goal_id, period, period_end, …), one
--          row per scenario (one goal in one period, as it is or with changed inputs), and
--          inputs(scenario, weight, status, …); this part adds scored, sums, summed and
--          computed.
-- Grain:   CTEs; computed has one row per row of todo (all its columns), with computed_status,
--          score, coverage, n_inputs and n_assessable.
-- Params:  $preset; $full_threshold; $partial_threshold; $min_coverage; $eps.
scored as (
    -- Each status's score and rank come from the vocabulary (statuses, with the model's
    -- partly_score); a status without them is not assessable.
    select i.*, v.score, v.rank as status_rank,
    from inputs i
    left join statuses v on v.code = i.status
),
sums as (
    select
        s.scenario,
        count(s.status) as n_inputs,
        count(s.score) as n_assessable,
        sum(s.weight) as total_weight,
        sum(s.weight) filter (where s.score is not null) as assessable_weight,
        sum(s.weight * s.score) / sum(s.weight) filter (where s.score is not null) as score,
        min(s.status_rank) as worst_rank,
    from scored s
    group by s.scenario
),
summed as (
    -- A scenario without inputs counts none.
    select
        t.*,
        coalesce(s.n_inputs, 0) as n_inputs,
        coalesce(s.n_assessable, 0) as n_assessable,
        s.total_weight,
        coalesce(s.assessable_weight, 0) as assessable_weight,
        s.score,
        s.worst_rank,
    from todo t
    left join sums s using (scenario)
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
