-- Purpose: the goal chain as a tree for one period: every path from a top goal (one without
--          parents) down to each goal valid in the period. A goal that feeds several parents
--          appears once under each of them, with its own path_id.
-- Grain:   one row per path (goal occurrence), in depth-first order.
-- Params:  $period.
with recursive
valid as (
    select s.goal_id, s.effective_status, s.computed_status, s.score,
    from goal_status s
    where s.period = $period
),
tree(path, goal_id) as (
    select [g.goal_id], g.goal_id
    from goals g
    join valid v on v.goal_id = g.goal_id
    where g.goal_id not in (select child_id from goal_links)
    union all
    select list_append(t.path, l.child_id), l.child_id
    from tree t
    join goal_links l on l.parent_id = t.goal_id
    join valid v on v.goal_id = l.child_id
)
select
    array_to_string(t.path, '/') as path_id,
    nullif(array_to_string(t.path[:-2], '/'), '') as parent_path_id,
    t.goal_id,
    len(t.path) - 1 as depth,
    t.path[2] as area_id,
    g.title,
    g.level,
    v.effective_status,
    v.computed_status,
    v.score,
from tree t
join goals g on g.goal_id = t.goal_id
join valid v on v.goal_id = t.goal_id
order by array_to_string(t.path, chr(1));
