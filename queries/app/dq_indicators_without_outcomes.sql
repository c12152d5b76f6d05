-- Purpose: indicators with no outcome (utfall) with a value for the municipality itself, in
--          any period or gender, with what there is instead: rows with an empty value, and
--          values for other subjects (riket, groups, units), which may point to a wrong subject.
-- Grain:   one row per such indicator, by id.
-- Params:  $period: only for the link to the indicator page (may be null).
with
municipality as (
    select value as code from settings where key = 'municipality_code'
),
counts as (
    select
        o.indicator_id,
        count(*) filter (where o.subject = m.code and o.value is not null) as own_values,
        count(*) filter (where o.subject = m.code and o.value is null) as own_empty,
        count(*) filter (where o.subject <> m.code and o.value is not null) as other_values,
    from outcomes o, municipality m
    group by o.indicator_id
)
select
    i.indicator_id,
    i.title,
    (
        select string_agg(gi.goal_id, ', ' order by gi.goal_id)
        from goal_indicators gi
        where gi.indicator_id = i.indicator_id
    ) as goals,
    coalesce(c.own_empty, 0) as own_empty,
    coalesce(c.other_values, 0) as other_values,
    'indikator?indicator=' || url_encode(i.indicator_id)
        || coalesce('&period=' || url_encode($period), '') as indicator_url,
from indicators i
left join counts c on c.indicator_id = i.indicator_id
where coalesce(c.own_values, 0) = 0
order by i.indicator_id;
