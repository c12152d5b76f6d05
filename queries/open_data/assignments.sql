-- Purpose: the open data's assignments.csv: the public uppdrag of public goals in the
--          interchange format, their responsible organisations and goals as ;-separated lists
--          again (from assignment_responsibility and assignment_goals, which the public
--          warehouse holds only as far as they are public).
-- Grain:   one row per assignment.
-- Params:  none.
select
    a.assignment_id,
    a.title,
    a.kind,
    (
        select string_agg(r.org_id, ';' order by r.org_id)
        from assignment_responsibility r
        where r.assignment_id = a.assignment_id
    ) as responsible,
    a.decided_by,
    a.decided_on,
    a.deadline,
    (
        select string_agg(g.goal_id, ';' order by g.goal_id)
        from assignment_goals g
        where g.assignment_id = a.assignment_id
    ) as goal_ids,
    a.description,
    a.is_public as public,
from assignments a
order by a.assignment_id;
