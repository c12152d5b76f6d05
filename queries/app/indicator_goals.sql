-- Purpose: the goals one indicator measures, with how many target rows each link has and which
--          links share the same targets (so the page only offers a choice of target line when
--          the goals' targets differ).
-- Grain:   one row per goal linked to the indicator, top of the chain first.
-- Params:  $indicator; $period: the selected period, for is_valid (may be null).
with target_sets as (
    select
        goal_id,
        count(*) as target_count,
        -- Everything that draws the target line; equal for goals whose targets are the same.
        md5(string_agg(
            concat_ws('|', period, comparator, value, low, high, tolerance, subject, gender),
            ';' order by period_end, period, subject, gender
        )) as target_set,
    from targets
    where indicator_id = $indicator
    group by goal_id
)
select
    g.goal_id,
    g.title,
    g.level,
    g.goal_id || ' · ' || g.title as label,
    gi.weight,
    -- Valid in the year of $period (docs/rules.md: only valid goals get a status).
    coalesce(
        (g.valid_from is null or g.valid_from <= p.year)
            and (g.valid_to is null or p.year <= g.valid_to),
        true
    ) as is_valid,
    coalesce(t.target_count, 0) as target_count,
    t.target_set,
    count(distinct t.target_set) over () as target_set_count,
from goal_indicators gi
join goals g on g.goal_id = gi.goal_id
left join target_sets t on t.goal_id = gi.goal_id
left join periods p on p.period = $period
where gi.indicator_id = $indicator
order by g.level_rank, g.goal_id;
