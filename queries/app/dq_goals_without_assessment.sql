-- Purpose: KF goals and nämnd goals valid in the period that have no assessment
--          (bedömning) for it, with the status the engine computed in its place.
-- Grain:   one row per such goal, top of the chain first.
-- Params:  $period.
select
    g.goal_id,
    g.title,
    g.level,
    coalesce((
        select string_agg(coalesce(o.short_name, o.name), ', ' order by o.org_id)
        from goal_responsibility r
        join organisation o on o.org_id = r.org_id
        where r.goal_id = g.goal_id
    ), '–') as responsible,
    s.computed_status,
from goal_status s
join goals g on g.goal_id = s.goal_id
where s.period = $period
    and g.level in ('kf-mål', 'nämndmål')
    and not exists (
        select 1 from assessments a where a.goal_id = s.goal_id and a.period = s.period
    )
order by g.level_rank, g.goal_id;
