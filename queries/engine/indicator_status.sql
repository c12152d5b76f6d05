-- Purpose: the status and trend of every goal–indicator link in every evaluation period
--          (docs/rules.md §1). Reads eval_periods(period, period_type, year, period_start,
--          period_end) besides the warehouse tables.
-- Grain:   one row per goal_id, indicator_id, period, subject, gender: one row per target row
--          chosen for the period, or one row (the municipality, T) when there is no target.
-- Params:  $municipality: the default subject; $max_age_months: how old an outcome may be;
--          $eps: the comparison tolerance (1e-9).
with
links as (
    select
        g.goal_id, gi.indicator_id, gi.weight as link_weight, i.direction,
        p.period, p.period_end,
    from goals g
    join eval_periods p
        on (g.valid_from is null or g.valid_from <= p.year)
        and (g.valid_to is null or p.year <= g.valid_to)
    join goal_indicators gi on gi.goal_id = g.goal_id
    join indicators i on i.indicator_id = gi.indicator_id
),
-- The target period: P itself, else the latest period ending before P (the longer on a tie).
exact_target as (
    select distinct l.goal_id, l.indicator_id, l.period,
    from links l
    join targets t
        on t.goal_id = l.goal_id and t.indicator_id = l.indicator_id and t.period = l.period
),
earlier_target_end as (
    select l.goal_id, l.indicator_id, l.period, t.period_end,
    from links l
    asof join targets t
        on t.goal_id = l.goal_id and t.indicator_id = l.indicator_id
        and t.period_end < l.period_end
),
chosen_target_period as (
    select goal_id, indicator_id, period, period as target_period, from exact_target
    union all
    select e.goal_id, e.indicator_id, e.period, t.period,
    from earlier_target_end e
    join targets t
        on t.goal_id = e.goal_id and t.indicator_id = e.indicator_id
        and t.period_end = e.period_end
    join periods tp on tp.period = t.period
    anti join exact_target x
        on x.goal_id = e.goal_id and x.indicator_id = e.indicator_id and x.period = e.period
    qualify row_number() over (
        partition by e.goal_id, e.indicator_id, e.period order by tp.period_start, t.period
    ) = 1
),
target_rows as (
    select
        l.*,
        coalesce(t.subject, $municipality) as subject,
        coalesce(t.gender, 'T') as gender,
        t.period as target_period, t.comparator, t.value as target_value,
        t.low as target_low, t.high as target_high, coalesce(t.tolerance, 0) as tolerance,
        -- A link with several target rows in a period shares its weight between them.
        l.link_weight / count(*) over (partition by l.goal_id, l.indicator_id, l.period)
            as weight,
    from links l
    left join chosen_target_period c using (goal_id, indicator_id, period)
    left join targets t
        on t.goal_id = l.goal_id and t.indicator_id = l.indicator_id
        and t.period = c.target_period
),
series as (
    select distinct indicator_id, subject, gender from target_rows
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
    select r.goal_id, r.indicator_id, r.period, r.subject, r.gender, o.period_end as value_end,
    from target_rows r
    asof join valued_outcomes o
        on o.indicator_id = r.indicator_id and o.subject = r.subject and o.gender = r.gender
        and o.period_end <= r.period_end
    where o.period_end >= r.period_end - to_months($max_age_months)
),
latest as (
    -- Of the outcomes ending that day: the one for P itself, else the longest period.
    select
        l.goal_id, l.indicator_id, l.period, l.subject, l.gender, l.value_end,
        o.value, o.period as value_period, o.period_type as value_period_type,
    from latest_end l
    join valued_outcomes o
        on o.indicator_id = l.indicator_id and o.subject = l.subject and o.gender = l.gender
        and o.period_end = l.value_end
    qualify row_number() over (
        partition by l.goal_id, l.indicator_id, l.period, l.subject, l.gender
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
    left join with_prev v using (goal_id, indicator_id, period, subject, gender)
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
