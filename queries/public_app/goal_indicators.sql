-- Purpose: the indicators that measure one goal, with their status in the period as the engine
--          computed it (outcome, target, status), for the public goal page.
-- Grain:   one row per indicator, subject and gender with a status row in the period; the
--          municipality first.
-- Params:  $goal; $period.
with municipality as (
    select value as code from settings where key = 'municipality_code'
)
select
    s.indicator_id,
    i.title,
    i.unit,
    i.decimals,
    case
        when s.subject = m.code then ''
        when s.subject = '0000' then 'riket'
        else coalesce(org.name, s.subject)
    end as subject_text,
    s.gender,
    s.comparator,
    s.target_value,
    s.target_low,
    s.target_high,
    s.tolerance,
    s.target_period,
    s.value,
    s.value_period,
    s.status,
from indicator_status s
join indicators i on i.indicator_id = s.indicator_id
cross join municipality m
left join organisation org on org.org_id = s.subject
where s.goal_id = $goal and s.period = $period
order by s.indicator_id, s.subject <> m.code, s.subject, list_position(['T', 'K', 'M'], s.gender);
