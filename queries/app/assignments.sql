-- Purpose: särskilda uppdrag and aktiviteter with their status in a period (carried forward,
--          warehouse/assignment_period_status.sql): on the page Uppdrag (every one), on a
--          goal in Målkedjan (those serving $goal) and on the Nämnder page (those $org is
--          responsible for). The responsible bodies and the one that decided by name. Not goals:
--          nothing here is counted with them.
-- Grain:   one row per assignment listed in the period, the passed deadlines first, then by
--          deadline and id.
-- Params:  $period: a period code; $goal: a goal_id or NULL for every goal; $org: an org_id or
--          NULL for every organisation.
with
responsible as (
    select r.assignment_id, string_agg(coalesce(o.name, r.org_id), ', ' order by r.org_id)
        as responsible_names,
    from assignment_responsibility r
    left join organisation o using (org_id)
    group by r.assignment_id
),
served as (
    select assignment_id, list(goal_id order by goal_id) as goal_ids,
    from assignment_goals
    group by assignment_id
)
select
    a.assignment_id, a.title, a.kind, a.description,
    coalesce(r.responsible_names, '') as responsible_names,
    d.name as decided_by_name,
    a.decided_on, a.deadline,
    s.status, v.label as status_label, v.symbol as status_symbol,
    s.reported_period, s.comment, s.reported_on, s.deadline_passed,
    coalesce(g.goal_ids, []) as goal_ids,
from assignment_period_status s
join assignments a using (assignment_id)
left join assignment_statuses v on v.code = s.status
left join organisation d on d.org_id = a.decided_by
left join responsible r using (assignment_id)
left join served g using (assignment_id)
where s.period = $period
    and ($goal::varchar is null
        or a.assignment_id in (select assignment_id from assignment_goals where goal_id = $goal))
    and ($org::varchar is null
        or a.assignment_id in (
            select assignment_id from assignment_responsibility where org_id = $org
        ))
order by s.deadline_passed desc, a.deadline nulls last, a.assignment_id;
