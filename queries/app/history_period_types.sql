-- Purpose: the period types (helår, tertial …) in which one goal has statuses, for the
--          period-type choice of the Över tid chart; years first, in period_types' order.
-- Grain:   one row per period type with at least one status of the goal.
-- Params:  $goal: a goal_id.
select
    p.period_type,
    any_value(t.label) as type_label,
    count(*) as status_count,
from goal_status s
join periods p on p.period = s.period
join period_types t on t.period_type = p.period_type
where s.goal_id = $goal
group by p.period_type
order by any_value(t.sort_order);
