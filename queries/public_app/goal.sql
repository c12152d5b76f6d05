-- Purpose: one goal for its public page: what it is, who answers for it, its status in the
--          period, the assessment written for it, and whether part of what its status rests on
--          is not public (hidden_basis).
-- Grain:   one row (none when the goal is not in the warehouse).
-- Params:  $goal; $period.
select
    g.goal_id,
    g.title,
    g.level,
    g.description,
    g.valid_from,
    g.valid_to,
    (
        select string_agg(o.name, ', ' order by o.name)
        from goal_responsibility r
        join organisation o on o.org_id = r.org_id
        where r.goal_id = g.goal_id
    ) as responsible,
    s.effective_status as status,
    s.goal_id is not null as is_valid,
    a.analysis,
    a.actions,
    a.assessed_on,
    exists (from hidden_basis h where h.goal_id = g.goal_id and h.period = $period)
        as has_hidden_basis,
from goals g
left join goal_status s on s.goal_id = g.goal_id and s.period = $period
left join assessments a on a.goal_id = g.goal_id and a.period = $period
where g.goal_id = $goal;
