-- Purpose: indicators that measure at least one goal but have no target (målvärde) for any of
--          their goals, in any period. Indicators that measure no goal are context only and
--          are not listed.
-- Grain:   one row per such indicator, by id.
-- Params:  $period: only for the link to the indicator page (may be null).
select
    i.indicator_id,
    i.title,
    string_agg(gi.goal_id, ', ' order by gi.goal_id) as goals,
    'indicator?indicator=' || url_encode(i.indicator_id)
        || coalesce('&period=' || url_encode($period), '') as indicator_url,
from indicators i
join goal_indicators gi on gi.indicator_id = i.indicator_id
where not exists (select 1 from targets t where t.indicator_id = i.indicator_id)
group by i.indicator_id, i.title
order by i.indicator_id;
