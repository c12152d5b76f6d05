-- Purpose: the Agenda 2030 goals and targets one goal names, with the global goal's Swedish
--          name, for the goal's page ("4.1 – God utbildning för alla").
-- Grain:   one row per code the goal names, in its order.
-- Params:  $goal_id.
select u.code, d.sdg, d.title,
from goals g, unnest(g.agenda2030) with ordinality as u(code, position)
join sdg_goals d on d.sdg = split_part(u.code, '.', 1)::integer
where g.goal_id = $goal_id
order by u.position;
