-- Purpose: attainment per organisation (nämnd, styrelse …) in one period: statuses of the
--          goals it is responsible for, and how many of its own assessments differ from the
--          computed status.
-- Grain:   one row per organisation responsible for at least one goal valid in the period.
-- Params:  $period: a period code.
select
    o.org_id,
    o.name as org_name,
    o.type as org_type,
    count(*) as goal_count,
    -- status -> number of goals (only the statuses some goal has)
    histogram(s.effective_status) as status_counts,
    count(*) filter (where s.status_differs) as differs_count,
    count(*) filter (where s.status_differs and not s.has_override_reason)
        as differs_without_reason_count,
from goal_responsibility r
join organisation o on o.org_id = r.org_id
join goal_status s on s.goal_id = r.goal_id and s.period = $period
group by all
order by org_id;
