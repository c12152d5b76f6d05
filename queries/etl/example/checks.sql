-- Purpose: the indicator statuses that the example generator (etl/example/) describes in its
--          assessment texts, read from the engine's indicator_status, with the period of the
--          series' latest outcome even when it is too old to count (latest_period).
-- Grain:   one row per indicator_status row of the given periods.
-- Params:  $periods: the report periods (varchar[]).
select
    s.goal_id, s.period, s.indicator_id, s.gender, s.status, s.comparator, s.target_value,
    s.target_low, s.target_high, s.tolerance, s.value, s.value_period, s.prev_value,
    s.prev_period, o.period as latest_period,
from indicator_status s
join periods p on p.period = s.period
asof left join (select * from outcomes where value is not null) o
    on o.indicator_id = s.indicator_id and o.subject = s.subject and o.gender = s.gender
    and o.period_end <= p.period_end
where list_contains($periods, s.period)
order by s.goal_id, s.period, s.indicator_id, s.gender;
