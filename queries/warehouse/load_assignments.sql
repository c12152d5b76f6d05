-- Purpose: the assignment tables from the staged sources (etl/build.py, after load.sql).
-- Grain:   statements; see schema.sql for each table's grain.
-- Params:  none.
insert into assignments
select
    assignment_id, title, kind, decided_by, decided_on, deadline, description, is_public, extra,
from stg_assignments
order by assignment_id;

insert into assignment_responsibility
select distinct assignment_id, unnest(responsible) as org_id
from stg_assignments
order by all;

insert into assignment_goals
select distinct assignment_id, unnest(goal_ids) as goal_id
from stg_assignments
order by all;

insert into assignment_status
select
    assignment_id, period, period_type, period_end, status, comment, reported_on, extra,
from stg_assignment_status
order by assignment_id, period_end, period;
