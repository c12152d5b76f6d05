-- Purpose: the outcome each series (engine/status_series.sql) is judged by in each evaluation
--          period (docs/rules.md §1): the latest outcome within the age limit, the one for the
--          period itself or else the longest on its end date, and the latest earlier outcome of
--          the same period type. They depend only on the series and the period, not on the goal:
--          a municipality's goals share a few hundred indicators, so each lookup is made once
--          and joined to every link that asks for it.
-- Grain:   one row per series_no and period_no that has an outcome within the age limit.
-- Params:  $max_age_months: how old an outcome may be.
with
valued_outcomes as (
    -- Only the series the links ask for: a few per indicator out of every municipality's.
    select s.series_no, o.period, o.period_type, o.period_end, o.value, p.period_start,
    from outcomes o
    join status_series s
        on s.indicator_id = o.indicator_id and s.subject = o.subject and s.gender = o.gender
    join periods p on p.period = o.period
    where o.value is not null
),
latest_end as (
    -- The end date of the latest outcome ending no later than P, if within the age limit.
    select r.series_no, r.period, r.period_no, o.period_end as value_end,
    from (select s.series_no, e.period, e.period_no, e.period_end, from status_series s, eval_periods e) r
    asof join valued_outcomes o on o.series_no = r.series_no and o.period_end <= r.period_end
    where o.period_end >= r.period_end - to_months($max_age_months)
),
latest as (
    -- Of the outcomes ending that day: the one for P itself, else the longest period.
    select
        l.series_no, l.period_no, l.value_end,
        o.value, o.period as value_period, o.period_type as value_period_type,
    from latest_end l
    join valued_outcomes o on o.series_no = l.series_no and o.period_end = l.value_end
    qualify row_number() over (
        partition by l.series_no, l.period_no
        order by o.period = l.period desc, o.period_start, o.period
    ) = 1
)
-- The latest earlier outcome of the same period type (one per end date and type).
select
    l.series_no, l.period_no, l.value, l.value_period, o.value as prev_value,
    o.period as prev_period,
from latest l
asof left join valued_outcomes o
    on o.series_no = l.series_no and o.period_type = l.value_period_type
    and o.period_end < l.value_end;
