-- Purpose: the status and trend of every goal–indicator link in every evaluation period
--          (docs/rules.md §1). Reads the engine's temporary tables eval_periods, status_links,
--          target_choices, status_series, outcome_lookups and reference_values
--          (attainment/compute.py makes them in that order) besides the warehouse's targets.
-- Grain:   one row per goal_id, indicator_id, period, subject, gender: one row per target row
--          chosen for the period, or one row (the municipality, T) when there is no target.
--          Stored in that order.
-- Params:  $municipality: the default subject; $eps: the comparison tolerance (1e-9).
with
target_links as materialized (
    -- Every target row with its link and series (materialised: so that the chosen periods, a
    -- small table, are joined to these rows rather than the other way round). The series
    -- judged is the target's subject's, except for better_than, whose subject is the
    -- reference (its series ref_series_no) and which judges the municipality's own.
    select
        l.link_no, l.pattern_no, l.valid_from, l.valid_to, l.goal_id, l.indicator_id,
        l.direction, l.weight, s.series_no, coalesce(t.subject, $municipality) as subject,
        s.gender, t.period as target_period, t.comparator, t.value as target_value,
        t.low as target_low, t.high as target_high, coalesce(t.tolerance, 0) as tolerance,
        r.series_no as ref_series_no,
    from targets t
    join status_links l using (goal_id, indicator_id)
    join status_series s
        on s.indicator_id = t.indicator_id
        and s.subject = if(
            t.comparator = 'better_than', $municipality, coalesce(t.subject, $municipality)
        )
        and s.gender = coalesce(t.gender, 'T')
    left join status_series r
        on t.comparator = 'better_than' and r.indicator_id = t.indicator_id
        and r.subject = t.subject and r.gender = coalesce(t.gender, 'T')
),
target_rows as (
    -- Every link in every evaluation period its goal is valid in, one row per target row of
    -- the period chosen for it.
    select
        t.link_no, c.period_no, t.goal_id, t.indicator_id, t.direction, c.period, t.series_no,
        t.subject, t.gender, t.target_period, t.comparator, t.target_value, t.target_low,
        t.target_high, t.tolerance, t.weight / c.n_rows as weight, t.ref_series_no,
    from target_links t
    join target_choices c on c.pattern_no = t.pattern_no and c.chosen_period = t.target_period
    where (t.valid_from is null or t.valid_from <= c.year)
        and (t.valid_to is null or c.year <= t.valid_to)
    union all
    select
        l.link_no, c.period_no, l.goal_id, l.indicator_id, l.direction, c.period, s.series_no,
        s.subject, s.gender, null, null, null, null, null, 0, l.weight / c.n_rows, null,
    from status_links l
    join status_series s
        on s.indicator_id = l.indicator_id and s.subject = $municipality and s.gender = 'T'
    join target_choices c on c.pattern_no = l.pattern_no and c.chosen_period is null
    where (l.valid_from is null or l.valid_from <= c.year)
        and (l.valid_to is null or c.year <= l.valid_to)
),
evaluated as (
    select
        r.link_no, r.period_no, r.series_no, r.goal_id, r.indicator_id, r.period, r.subject, r.gender,
        r.comparator, r.target_value, r.target_low, r.target_high, r.tolerance,
        v.value, v.value_period, v.prev_value, v.prev_period, r.target_period, r.weight,
        r.direction, r.ref_series_no,
        v.value - v.prev_value as change,
        x.value as reference_value, x.n_members as reference_members,
    from target_rows r
    left join outcome_lookups v using (series_no, period_no)
    -- better_than's reference: the area's value for the period of the municipality's own.
    left join reference_values x on x.series_no = r.ref_series_no and x.period = v.value_period
)
select
    goal_id, indicator_id, period, subject, gender, comparator, target_value, target_low,
    target_high, tolerance, value, value_period, prev_value,
    case
        when comparator is null then 'saknar målvärde'
        when value is null then 'saknar utfall'
        when comparator in ('increase', 'decrease') and prev_value is null then 'saknar utfall'
        when comparator = 'better_than' and reference_value is null then 'saknar utfall'
        when comparator = '>=' then case
            when value >= target_value - $eps then 'uppfyllt'
            when value >= target_value - tolerance - $eps or change > $eps then 'delvis'
            else 'ej uppfyllt'
        end
        when comparator = '<=' then case
            when value <= target_value + $eps then 'uppfyllt'
            when value <= target_value + tolerance + $eps or change < -$eps then 'delvis'
            else 'ej uppfyllt'
        end
        when comparator = 'between' then case
            when value between target_low - $eps and target_high + $eps then 'uppfyllt'
            when value between target_low - tolerance - $eps and target_high + tolerance + $eps
                then 'delvis'
            else 'ej uppfyllt'
        end
        when comparator = 'increase' then case
            when change > tolerance + $eps then 'uppfyllt'
            when abs(change) <= tolerance + $eps then 'delvis'
            else 'ej uppfyllt'
        end
        when comparator = 'decrease' then case
            when change < -tolerance - $eps then 'uppfyllt'
            when abs(change) <= tolerance + $eps then 'delvis'
            else 'ej uppfyllt'
        end
        -- Better in the indicator's direction; equal is not better. The build refuses
        -- better_than for a neutral indicator.
        when comparator = 'better_than' and direction = 'higher' then case
            when value > reference_value + $eps then 'uppfyllt'
            when value >= reference_value - tolerance - $eps then 'delvis'
            else 'ej uppfyllt'
        end
        when comparator = 'better_than' and direction = 'lower' then case
            when value < reference_value - $eps then 'uppfyllt'
            when value <= reference_value + tolerance + $eps then 'delvis'
            else 'ej uppfyllt'
        end
    end as status,
    case
        when change is null then 'ej jämförbart'
        when abs(change) <= tolerance + $eps then 'oförändrat'
        when direction = 'higher' then if(change > 0, 'bättre', 'sämre')
        when direction = 'lower' then if(change < 0, 'bättre', 'sämre')
        else 'ej jämförbart'
    end as trend,
    target_period, prev_period, weight, reference_value, reference_members,
from evaluated
-- A link's series are numbered in order of subject and gender; a better_than row's subject is
-- its reference's.
order by link_no, period_no, coalesce(ref_series_no, series_no);
