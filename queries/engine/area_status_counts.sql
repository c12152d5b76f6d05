-- Purpose: attainment per strategic area in one period: the area's own status and the
--          statuses of every goal beneath it, however deep, each goal counted once.
-- Grain:   one row per strategic area (level område) valid in the period.
-- Params:  $period: a period code.
select
    a.goal_id as area_id,
    g.title as area_title,
    a.effective_status as area_status,
    a.score as area_score,
    count(s.goal_id) as goal_count,
    count(s.goal_id) filter (where s.effective_status = 'uppfyllt') as uppfyllt_count,
    count(s.goal_id) filter (where s.effective_status = 'delvis') as delvis_count,
    count(s.goal_id) filter (where s.effective_status = 'ej uppfyllt') as ej_uppfyllt_count,
    count(s.goal_id) filter (where s.effective_status = 'ej bedömt') as ej_bedomt_count,
from goal_status a
join goals g on g.goal_id = a.goal_id and g.level = 'område'
left join goal_closure c on c.ancestor_id = a.goal_id and c.distance > 0
left join goal_status s on s.goal_id = c.descendant_id and s.period = a.period
where a.period = $period
group by all
order by area_id;
