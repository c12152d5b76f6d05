-- Purpose: references of assignments and their status reports that point nowhere: unknown
--          organisations (responsible, decided_by), goals (goal_ids) and assignments
--          (assignment_status.assignment_id), and a deadline before the decision. References
--          into a table not read in full ($refused) are not checked, as in references.sql.
-- Grain:   one row per problem: file, sheet, row, column, found, expected.
-- Params:  $refused: the tables not read in full.
with
orgs as (select org_id from stg_organisation where org_id is not null),
responsible as (
    select _file, _sheet, _row, unnest(responsible) as org_id from stg_assignments
),
served as (
    select _file, _sheet, _row, unnest(goal_ids) as goal_id from stg_assignments
)
select _file, _sheet, _row, 'responsible', format('okänd organisation "{}"', org_id),
    'org_id för en rad i organisation',
from responsible
where org_id not in (from orgs) and not list_contains($refused, 'organisation')
union all
select _file, _sheet, _row, 'decided_by', format('okänd organisation "{}"', decided_by),
    'org_id för en rad i organisation',
from stg_assignments
where decided_by not in (from orgs) and not list_contains($refused, 'organisation')
union all
select _file, _sheet, _row, 'goal_ids', format('okänt mål "{}"', goal_id),
    'goal_id för ett mål i goals',
from served
where goal_id not in (select goal_id from stg_goals where goal_id is not null)
    and not list_contains($refused, 'goals')
union all
select _file, _sheet, _row, 'assignment_id', format('okänt uppdrag "{}"', assignment_id),
    'assignment_id för ett uppdrag i assignments',
from stg_assignment_status
where assignment_id not in (
    select assignment_id from stg_assignments where assignment_id is not null
)
    and not list_contains($refused, 'assignments')
union all
select _file, _sheet, _row, 'deadline', format('"{}" är före beslutsdagen {}', deadline, decided_on),
    'en sista dag som inte är före decided_on',
from stg_assignments where deadline < decided_on
order by 1, 2, 3;
