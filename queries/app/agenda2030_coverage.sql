-- Purpose: Agenda 2030 on its page: for each of the 17 global goals, our goals that serve it
--          (goals.agenda2030 names the global goal or one of its targets, "4" or "4.1") and
--          valid in the period, with their statuses; a last row (sdg null) for the goals below
--          the vision that name no global goal.
-- Grain:   one row per global goal, 1 to 17, then the row of the goals without a code.
-- Params:  $period.
with
coded as (
    select s.goal_id, s.effective_status, split_part(unnest(g.agenda2030), '.', 1)::integer as sdg,
    from goal_status s
    join goals g using (goal_id)
    where s.period = $period
),
serving as (
    select distinct goal_id, effective_status, sdg from coded
    union all
    select s.goal_id, s.effective_status, null
    from goal_status s
    join goals g using (goal_id)
    where s.period = $period and g.level <> 'vision' and len(g.agenda2030) = 0
),
counted as (
    select sdg, effective_status, count(*) as n, list(goal_id order by goal_id) as goal_ids,
    from serving
    group by sdg, effective_status
),
per_goal as (
    select
        sdg,
        sum(n)::bigint as goal_count,
        map_from_entries(list_sort(list({'k': effective_status, 'v': n::ubigint})))
            as status_counts,
        list_sort(flatten(list(goal_ids))) as goal_ids,
    from counted
    group by sdg
)
select
    d.sdg,
    d.title,
    coalesce(p.goal_count, 0) as goal_count,
    coalesce(p.status_counts, map()) as status_counts,
    coalesce(p.goal_ids, []) as goal_ids,
from sdg_goals d
left join per_goal p using (sdg)
union all
select null, null, goal_count, status_counts, goal_ids,
from per_goal
where sdg is null
order by sdg nulls last;
