-- Purpose: each goal's height in the chain: 0 for a goal without children, else one more than
--          its highest child. The engine scores goals in order of height, so children are done
--          before their parents. goal_no numbers the goals in key order.
-- Grain:   one row per goal.
-- Params:  none.
with recursive down(goal_id, node_id, distance) as (
    select goal_id, goal_id, 0 from goals
    union
    select d.goal_id, l.child_id, d.distance + 1
    from down d join goal_links l on l.parent_id = d.node_id
)
select goal_id, max(distance) as height, row_number() over (order by goal_id) as goal_no,
from down
group by goal_id
order by goal_id;
