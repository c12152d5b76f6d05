-- Purpose: the status and trend of every goal–indicator link in every evaluation period
--          (docs/rules.md §1). Reads eval_periods(period, period_type, year, period_start,
--          period_end) besides the warehouse tables.
-- Grain:   one row per goal_id, indicator_id, period, subject, gender: one row per target row
--          chosen for the period, or one row (the municipality, T) when there is no target.
-- Params:  $municipality: the default subject; $max_age_months: how old an outcome may be;
--          $eps: the comparison tolerance (1e-9).
with
-- The target of a link in P: the target rows of P itself, else those of the latest period
-- ending before P (the longer on a tie), else none. A link has a dozen or so target periods and
-- there are a few dozen evaluation periods, so each of the link's target end dates is matched
-- to the evaluation periods it serves (a range join of two small tables) instead of searching
-- the link's targets once per period.
target_periods as (
    select goal_id, indicator_id, period, any_value(period_end) as period_end, count(*) as n_rows,
    from targets
    group by goal_id, indicator_id, period
),
target_ends as (
    -- Per link and end date: the period chosen there (the longer, then the smaller code) and
    -- all the link's target periods ending that day.
    select
        t.goal_id, t.indicator_id, t.period_end,
        arg_min({'period': t.period, 'n_rows': t.n_rows}, (tp.period_start, t.period)) as chosen,
        list(t.period) as periods,
    from target_periods t
    join periods tp on tp.period = t.period
    group by t.goal_id, t.indicator_id, t.period_end
    union all
    -- Before the link's first target end: no target.
    select goal_id, indicator_id, '-infinity'::date, null, [], from goal_indicators
),
target_spans as (
    -- An end date's chosen period serves the periods ending after it and no later than the
    -- link's next target end date, except the link's own target periods at that next date.
    select
        s.goal_id, s.indicator_id, s.period_end, s.chosen.period as chosen_period,
        coalesce(s.chosen.n_rows, 1) as n_rows,
        lead(s.period_end, 1, 'infinity'::date) over link as next_end,
        lead(s.periods, 1, []) over link as next_periods,
        g.valid_from, g.valid_to, gi.weight as link_weight, i.direction,
    from target_ends s
    join goal_indicators gi using (goal_id, indicator_id)
    join goals g using (goal_id)
    join indicators i using (indicator_id)
    window link as (partition by s.goal_id, s.indicator_id order by s.period_end)
),
link_periods as (
    -- Every link in every evaluation period its goal is valid in, with its target period.
    -- A link with several target rows in a period shares its weight between them.
    select
        x.goal_id, x.indicator_id, i.direction, p.period, p.period_end, x.period as chosen_period,
        gi.weight / x.n_rows as weight,
    from target_periods x
    join goal_indicators gi using (goal_id, indicator_id)
    join goals g using (goal_id)
    join indicators i using (indicator_id)
    join eval_periods p
        on p.period = x.period
        and (g.valid_from is null or g.valid_from <= p.year)
        and (g.valid_to is null or p.year <= g.valid_to)
    union all
    select
        s.goal_id, s.indicator_id, s.direction, p.period, p.period_end, s.chosen_period,
        s.link_weight / s.n_rows,
    from target_spans s
    join eval_periods p
        on p.period_end > s.period_end and p.period_end <= s.next_end
        and (s.valid_from is null or s.valid_from <= p.year)
        and (s.valid_to is null or p.year <= s.valid_to)
    where not (p.period_end = s.next_end and list_contains(s.next_periods, p.period))
),
target_rows as (
    select
        l.* exclude (chosen_period),
        coalesce(t.subject, $municipality) as subject,
        coalesce(t.gender, 'T') as gender,
        t.period as target_period, t.comparator, t.value as target_value,
        t.low as target_low, t.high as target_high, coalesce(t.tolerance, 0) as tolerance,
    from link_periods l
    left join targets t
        on t.goal_id = l.goal_id and t.indicator_id = l.indicator_id
        and t.period = l.chosen_period
),
-- The outcome lookups below depend only on the series and the period, not on the goal: a
-- municipality's goals share a few hundred indicators, so each lookup is made once per series
-- and period and joined to every link that asks for it.
series as (
    -- Every series a link may ask for: its targets' subjects and genders, or the municipality
    -- in total when it has no target (more than target_rows asks for; the extra lookups are
    -- never joined).
    select distinct indicator_id, coalesce(subject, $municipality) as subject,
        coalesce(gender, 'T') as gender,
    from targets
    union
    select distinct indicator_id, $municipality, 'T', from goal_indicators
),
series_periods as (
    select s.*, p.period, p.period_end, from series s cross join eval_periods p
),
valued_outcomes as (
    -- Only the series the targets ask for: a few per indicator out of every municipality's.
    select
        o.indicator_id, o.subject, o.gender, o.period, o.period_type, o.period_end, o.value,
        p.period_start,
    from outcomes o
    semi join series s
        on s.indicator_id = o.indicator_id and s.subject = o.subject and s.gender = o.gender
    join periods p on p.period = o.period
    where o.value is not null
),
latest_end as (
    -- The end date of the latest outcome ending no later than P, if within the age limit.
    select r.indicator_id, r.subject, r.gender, r.period, o.period_end as value_end,
    from series_periods r
    asof join valued_outcomes o
        on o.indicator_id = r.indicator_id and o.subject = r.subject and o.gender = r.gender
        and o.period_end <= r.period_end
    where o.period_end >= r.period_end - to_months($max_age_months)
),
latest as (
    -- Of the outcomes ending that day: the one for P itself, else the longest period.
    select
        l.indicator_id, l.subject, l.gender, l.period, l.value_end,
        o.value, o.period as value_period, o.period_type as value_period_type,
    from latest_end l
    join valued_outcomes o
        on o.indicator_id = l.indicator_id and o.subject = l.subject and o.gender = l.gender
        and o.period_end = l.value_end
    qualify row_number() over (
        partition by l.indicator_id, l.subject, l.gender, l.period
        order by o.period = l.period desc, o.period_start, o.period
    ) = 1
),
with_prev as (
    -- The latest earlier outcome of the same period type (one per end date and type).
    select l.*, o.value as prev_value, o.period as prev_period,
    from latest l
    asof left join valued_outcomes o
        on o.indicator_id = l.indicator_id and o.subject = l.subject and o.gender = l.gender
        and o.period_type = l.value_period_type and o.period_end < l.value_end
),
evaluated as (
    select
        r.goal_id, r.indicator_id, r.period, r.subject, r.gender, r.comparator,
        r.target_value, r.target_low, r.target_high, r.tolerance,
        v.value, v.value_period, v.prev_value, v.prev_period, r.target_period, r.weight,
        r.direction,
        v.value - v.prev_value as change,
    from target_rows r
    left join with_prev v using (indicator_id, subject, gender, period)
)
select
    goal_id, indicator_id, period, subject, gender, comparator, target_value, target_low,
    target_high, tolerance, value, value_period, prev_value,
    case
        when comparator is null then 'saknar målvärde'
        when value is null then 'saknar utfall'
        when comparator in ('increase', 'decrease') and prev_value is null then 'saknar utfall'
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
    end as status,
    case
        when change is null then 'ej jämförbart'
        when abs(change) <= tolerance + $eps then 'oförändrat'
        when direction = 'higher' then if(change > 0, 'bättre', 'sämre')
        when direction = 'lower' then if(change < 0, 'bättre', 'sämre')
        else 'ej jämförbart'
    end as trend,
    target_period, prev_period, weight,
from evaluated
order by goal_id, indicator_id, period, subject, gender;
