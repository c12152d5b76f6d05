-- Purpose: indicators with no outcome (utfall) with a value for the municipality itself, in
--          any period or gender, with what there is instead: rows with an empty value, and
--          values for other subjects (riket, groups, units), which may point to a wrong subject.
--          Counted from outcome_series, the build's row counts per series, so the page never
--          scans the outcomes themselves.
-- Grain:   one row per such indicator, by id.
-- Params:  none.
with
municipality as (
    select value as code from settings where key = 'municipality_code'
),
own as (
    select
        s.indicator_id,
        sum(s.value_count)::bigint as own_values,
        sum(s.row_count - s.value_count)::bigint as own_empty,
    from outcome_series s
    where s.subject = (select code from municipality)
    group by s.indicator_id
),
missing as (
    select i.indicator_id, i.title, coalesce(own.own_empty, 0) as own_empty,
    from indicators i
    left join own on own.indicator_id = i.indicator_id
    where coalesce(own.own_values, 0) = 0
),
others as (
    select s.indicator_id, sum(s.value_count)::bigint as other_values,
    from outcome_series s
    where s.indicator_id in (select indicator_id from missing)
        and s.subject <> (select code from municipality)
    group by s.indicator_id
)
select
    m.indicator_id,
    m.title,
    (
        select string_agg(gi.goal_id, ', ' order by gi.goal_id)
        from goal_indicators gi
        where gi.indicator_id = m.indicator_id
    ) as goals,
    m.own_empty,
    coalesce(x.other_values, 0) as other_values,
from missing m
left join others x on x.indicator_id = m.indicator_id
order by m.indicator_id;
