-- Purpose: the target line of one goal–indicator link for the indicator chart: each target
--          row, and the last target carried forward to the series' latest outcome (a target
--          applies until a later one replaces it, docs/rules.md §1) while the goal is valid.
-- Grain:   one row per subject, gender and target end date (on a tie, the target of the chart's
--          period type, else the longer period), plus at most one carried row per subject and
--          gender; by subject, gender, end date.
-- Params:  $indicator; $goal; $period_type: the period type the chart shows.
with
municipality as (
    select
        (select value from settings where key = 'municipality_code') as code,
        (select value from settings where key = 'municipality_name') as name,
),
chosen as (
    select t.*,
    from targets t
    join periods p on p.period = t.period
    where t.indicator_id = $indicator and t.goal_id = $goal
    qualify row_number() over (
        partition by t.subject, t.gender, t.period_end
        order by t.period_type = $period_type desc, p.period_start, t.period
    ) = 1
),
last_targets as (
    select * from chosen
    qualify row_number() over (partition by subject, gender order by period_end desc) = 1
),
carried as (
    -- Up to the latest outcome of the series, but not past the last year the goal applies.
    select l.* replace (
        least(o.period_end, coalesce(make_date(g.valid_to, 12, 31), o.period_end))
            as period_end
    ),
    from last_targets l
    join goals g on g.goal_id = l.goal_id
    join (
        select subject, gender, max(period_end) as period_end,
        from outcomes
        where indicator_id = $indicator and period_type = $period_type and value is not null
        group by subject, gender
    ) o on o.subject = l.subject and o.gender = l.gender
    where least(o.period_end, coalesce(make_date(g.valid_to, 12, 31), o.period_end))
        > l.period_end
),
points as (
    select *, false as is_carried, from chosen
    union all by name
    select *, true as is_carried, from carried
)
select
    p.subject,
    p.gender,
    'Målvärde'
        || case p.gender when 'K' then ', kvinnor' when 'M' then ', män' else '' end
        || case
            when p.subject = m.code then ''
            when p.subject = '0000' then ', riket'
            else ', ' || coalesce(org.name, p.subject)
        end as series_label,
    p.period,
    p.period_end,
    p.comparator,
    p.value,
    p.low,
    p.high,
    p.tolerance,
    p.is_carried,
    if(p.comparator = 'better_than', coalesce(rn.name, p.subject), null) as reference_name,
from points p
cross join municipality m
left join organisation org on org.org_id = p.subject
-- the names of better_than's references
left join ({% include 'shared/reference_names.sql' %}) rn
    on p.comparator = 'better_than' and rn.area = p.subject
order by p.subject <> m.code, p.subject, list_position(['T', 'K', 'M'], p.gender), p.period_end,
    p.is_carried;
