-- Purpose: the open data's goals.csv: the public goals in the interchange format, their
--          parents and responsible organisations as ;-separated lists again (from goal_links
--          and goal_responsibility).
-- Grain:   one row per goal.
-- Params:  none.
select
    g.goal_id,
    g.title,
    g.level,
    (
        select string_agg(l.parent_id, ';' order by l.parent_id)
        from goal_links l
        where l.child_id = g.goal_id
    ) as parent_ids,
    (
        select string_agg(r.org_id, ';' order by r.org_id)
        from goal_responsibility r
        where r.goal_id = g.goal_id
    ) as responsible,
    g.valid_from,
    g.valid_to,
    g.description,
    nullif(array_to_string(g.agenda2030, ';'), '') as agenda2030,
    g.is_public as public,
    g.weight,
from goals g
order by g.goal_id;
