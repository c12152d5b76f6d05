-- Purpose: how many goals at each level of the chain have each status in the period (the
--          headline figures of the overview).
-- Grain:   one row per goal level below the vision, top first.
-- Params:  $period.
select
    g.level,
    count(*) as goal_count,
    count(*) filter (where s.effective_status = 'uppfyllt') as uppfyllt_count,
    count(*) filter (where s.effective_status = 'delvis') as delvis_count,
    count(*) filter (where s.effective_status = 'ej uppfyllt') as ej_uppfyllt_count,
    count(*) filter (where s.effective_status = 'ej bedömt') as ej_bedomt_count,
from goal_status s
join goals g on g.goal_id = s.goal_id
where s.period = $period and g.level <> 'vision'
group by g.level, g.level_rank
order by g.level_rank;
