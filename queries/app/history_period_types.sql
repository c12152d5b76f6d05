-- Purpose: the period types (helår, tertial …) in which one goal has statuses, for the
--          period-type choice of the Över tid chart; years first.
-- Grain:   one row per period type with at least one status of the goal.
-- Params:  $goal: a goal_id.
select
    p.period_type,
    case p.period_type
        when 'year' then 'Helår'
        when 'tertial' then 'Tertial'
        when 'quarter' then 'Kvartal'
        else 'Månad'
    end as type_label,
    count(*) as status_count,
from goal_status s
join periods p on p.period = s.period
where s.goal_id = $goal
group by p.period_type
order by
    any_value(
        case p.period_type when 'year' then 1 when 'tertial' then 2 when 'quarter' then 3 else 4 end
    );
