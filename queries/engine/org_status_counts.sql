-- Purpose: attainment per organisation (nämnd, styrelse …) in one period: statuses of the
--          goals it is responsible for, and how many of its own assessments differ from the
--          computed status.
-- Grain:   one row per organisation responsible for at least one goal valid in the period.
-- Params:  $period: a period code.
with counted as (
    -- Goals per organisation and status first, then one map per organisation: cheaper than
    -- histogram() over every goal row.
    select
        r.org_id, s.effective_status, count(*) as n,
        count(*) filter (where s.status_differs) as differs,
        count(*) filter (where s.status_differs and not s.has_override_reason)
            as differs_without_reason,
    from goal_responsibility r
    join goal_status s on s.goal_id = r.goal_id and s.period = $period
    group by r.org_id, s.effective_status
)
select
    o.org_id,
    o.name as org_name,
    o.type as org_type,
    sum(c.n)::bigint as goal_count,
    -- status -> number of goals (only the statuses some goal has)
    map_from_entries(list_sort(list({'k': c.effective_status, 'v': c.n::ubigint})))
        as status_counts,
    sum(c.differs)::bigint as differs_count,
    sum(c.differs_without_reason)::bigint as differs_without_reason_count,
from counted c
join organisation o on o.org_id = c.org_id
group by o.org_id, o.name, o.type
order by o.org_id;
