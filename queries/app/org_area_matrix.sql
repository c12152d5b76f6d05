-- Purpose: the nämnd × strategic area matrix: for each organisation and area, the statuses of
--          the goals beneath the area that the organisation is responsible for.
-- Grain:   one row per organisation and area where the organisation has goals.
-- Params:  $period.
select
    o.org_id,
    coalesce(o.short_name, o.name) as org_name,
    a.goal_id as area_id,
    a.title as area_title,
    count(*) as goal_count,
    -- status -> number of goals (only the statuses some goal has)
    histogram(s.effective_status) as status_counts,
from goals a
join goal_closure c on c.ancestor_id = a.goal_id and c.distance > 0
join goal_status s on s.goal_id = c.descendant_id and s.period = $period
join goal_responsibility r on r.goal_id = s.goal_id
join organisation o on o.org_id = r.org_id
where a.level = 'område' and o.type in ('nämnd', 'styrelse', 'bolag')
group by all
order by o.org_id, a.goal_id;
