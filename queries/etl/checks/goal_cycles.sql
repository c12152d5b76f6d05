-- Purpose: cycles in the goal chain, each named once by its goals in order
--          (e.g. "A → B → C → A"), reported on the row of its smallest goal_id.
-- Grain:   one row per cycle: file, sheet, row, column, found, expected.
-- Params:  none.
with recursive
links as (
    select distinct g.goal_id as child_id, u.parent_id
    from stg_goals g, unnest(g.parent_ids) as u(parent_id)
    where u.parent_id in (select goal_id from stg_goals)
),
walk(start_id, node_id, path, closed) as (
    select child_id, parent_id, [child_id, parent_id], child_id = parent_id from links
    union all
    select w.start_id, l.parent_id, list_append(w.path, l.parent_id), l.parent_id = w.start_id
    from walk w join links l on l.child_id = w.node_id
    where not w.closed and not list_contains(w.path[2:], l.parent_id)
),
cycles as (
    -- Keep each cycle once: the walk that starts at the cycle's smallest goal_id.
    select distinct path from walk where closed and start_id = list_min(path)
)
select g._file, g._sheet, g._row, 'parent_ids',
    format('målkedjan går i cirkel: {}', array_to_string(c.path, ' → ')),
    'en kedja utan cirklar: inget mål får ligga under sig självt',
from cycles c
join stg_goals g on g.goal_id = c.path[1];
