-- Purpose: indicators that measure at least one goal but have no target (målvärde) for any of
--          their goals, in any period. Indicators that measure no goal are context only and
--          are not listed.
-- Grain:   one row per such indicator, by id.
-- Params:  none.
select
    i.indicator_id,
    i.title,
    string_agg(gi.goal_id, ', ' order by gi.goal_id) as goals,
from indicators i
join goal_indicators gi on gi.indicator_id = i.indicator_id
where not exists (select 1 from targets t where t.indicator_id = i.indicator_id)
group by i.indicator_id, i.title
order by i.indicator_id;
