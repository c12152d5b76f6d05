-- Purpose: the nämnd × strategic area matrix: for each organisation and area, the statuses of
--          the goals beneath the area that the organisation is responsible for.
-- Grain:   one row per organisation and area where the organisation has goals.
-- Params:  $period.
with counted as (
    -- Goals per organisation, area and status first, then one map per organisation and
    -- area: cheaper than histogram() over every goal row.
    select r.org_id, c.ancestor_id as area_id, s.effective_status, count(*) as n,
    from goals a
    join goal_closure c on c.ancestor_id = a.goal_id and c.distance > 0
    join goal_status s on s.goal_id = c.descendant_id and s.period = $period
    join goal_responsibility r on r.goal_id = s.goal_id
    semi join (
        select o.org_id from organisation o join organisation_types t using (type)
        where t.is_committee
    ) o on o.org_id = r.org_id
    where a.is_area
    group by r.org_id, c.ancestor_id, s.effective_status
)
select
    o.org_id,
    coalesce(o.short_name, o.name) as org_name,
    a.goal_id as area_id,
    a.title as area_title,
    sum(x.n)::bigint as goal_count,
    -- status -> number of goals (only the statuses some goal has)
    map_from_entries(list_sort(list({'k': x.effective_status, 'v': x.n::ubigint})))
        as status_counts,
from counted x
join organisation o on o.org_id = x.org_id
join goals a on a.goal_id = x.area_id
group by o.org_id, o.short_name, o.name, a.goal_id, a.title
order by o.org_id, a.goal_id;
