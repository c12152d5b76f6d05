-- Purpose: the goals below the vision, valid in the period, that name no Agenda 2030 goal or
--          target (goals.agenda2030 empty), for the Agenda 2030 page's list to go through.
-- Grain:   one row per goal, top of the chain first.
-- Params:  $period.
select g.goal_id, g.title, g.level, s.effective_status,
from goal_status s
join goals g using (goal_id)
where s.period = $period and g.level <> 'vision' and len(g.agenda2030) = 0
order by g.level_rank, g.goal_id;
