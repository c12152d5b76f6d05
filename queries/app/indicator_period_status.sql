-- Purpose: the indicator's status in the selected period for every goal it measures, as the
--          attainment engine computed it: target, outcome, previous outcome, trend and status,
--          and for better_than the reference (reference_value, reference_name).
-- Grain:   one row per goal, subject and gender (one row per target row chosen for the
--          period, or one row for the municipality in total when the link has no target).
-- Params:  $indicator; $period.
with municipality as (
    select value as code from settings where key = 'municipality_code'
)
select
    s.goal_id,
    g.title as goal_title,
    g.level,
    s.subject,
    case
        -- better_than: the value is the municipality's own; subject names the reference
        when s.subject = m.code or s.comparator = 'better_than' then ''
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
    s.prev_value,
    s.prev_period,
    s.status,
    s.trend,
    s.reference_value,
    {% include 'shared/reference_name.sql' %} as reference_name,
from indicator_status s
join goals g on g.goal_id = s.goal_id
-- the names of better_than's references
left join ({% include 'shared/reference_names.sql' %}) rn
    on s.comparator = 'better_than' and rn.area = s.subject
cross join municipality m
left join organisation org on org.org_id = s.subject
where s.indicator_id = $indicator and s.period = $period
order by g.level_rank, s.goal_id, s.subject <> m.code, s.subject,
    list_position(['T', 'K', 'M'], s.gender);
