-- Purpose: the indicators of one goal in one period with target, outcome, trend and status,
--          for the goal's page in the drill-down and the public goal page; subject_text says
--          whom a row is about ('' for the municipality itself), reference_name whom a
--          better_than row compares it with; for the municipality's own rows (gender T) of a
--          Kolada indicator, its comparison in the outcome's year (kolada_comparisons):
--          riket's value, the peers' median, the place among kommuner.
-- Grain:   one row per indicator status row (goal, indicator, subject, gender).
-- Params:  $goal_id; $period.
with municipality as (
    select value as code from settings where key = 'municipality_code'
)
select
    s.indicator_id,
    i.title,
    i.unit,
    coalesce(i.decimals, 1) as decimals,
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
    s.value,
    s.value_period,
    s.prev_value,
    s.status,
    s.trend,
    s.reference_value,
    {% include 'shared/reference_name.sql' %} as reference_name,
    s.target_period,
    c.riket_value,
    c.peer_median,
    c.peer_group_title,
    c.place,
    c.places,
    c.place_band,
from indicator_status s
join indicators i on i.indicator_id = s.indicator_id
-- the names of better_than's references
left join ({% include 'shared/reference_names.sql' %}) rn
    on s.comparator = 'better_than' and rn.area = s.subject
cross join municipality m
left join organisation org on org.org_id = s.subject
left join kolada_comparisons c on c.indicator_id = s.indicator_id and c.period = s.value_period
    and s.subject = m.code and s.gender = 'T'
where s.goal_id = $goal_id and s.period = $period
order by s.indicator_id, s.subject, s.gender;
