-- Purpose: references to goals, indicators, organisations and uppdrag that do not exist (from
--          every table that names them), and targets for an indicator that is not linked to
--          the goal.
--          References into a table that could not be read ($refused: a file or sheet of it was
--          refused as a whole) are not checked: every one would be reported, for one fault.
-- Grain:   one row per problem: file, sheet, row, column, found, expected, and the unknown id
--          and the table it should be in (for the "menade du" of etl/validate.py).
-- Params:  $refused: the tables not read in full.
with
goal_parents as (
    select _file, _sheet, _row, unnest(parent_ids) as parent_id from stg_goals
),
goal_orgs as (
    select _file, _sheet, _row, 'responsible' as col, unnest(responsible) as org_id from stg_goals
    union all
    select _file, _sheet, _row, 'responsible', unnest(responsible) from stg_assignments
    union all
    select _file, _sheet, _row, 'decided_by', decided_by from stg_assignments
    where decided_by is not null
),
served_goals as (
    select _file, _sheet, _row, unnest(goal_ids) as goal_id from stg_assignments
),
-- Only subjects the user wrote: an empty one defaults to municipality_code (checked by
-- settings.sql), and a bad code there must not be reported again on every defaulted row.
subjects as (
    select _file, _sheet, _row, subject from raw_targets where subject is not null
    union all
    -- Tens of millions of outcome rows share a few hundred subjects: test each subject once.
    select _file, _sheet, _row, subject from raw_outcomes
    where subject in (
        select subject from (select distinct subject from raw_outcomes)
        where not is_area_code(subject)
    )
)
select _file, _sheet, _row, 'parent_ids', format('okänt mål "{}"', parent_id),
    'goal_id för ett mål i goals', parent_id, 'goals',
from goal_parents where parent_id not in (select goal_id from stg_goals where goal_id is not null)
    and not list_contains($refused, 'goals')
union all
select _file, _sheet, _row, col, format('okänd organisation "{}"', org_id),
    'org_id för en rad i organisation', org_id, 'organisation',
from goal_orgs where org_id not in (select org_id from stg_organisation where org_id is not null)
    and not list_contains($refused, 'organisation')
union all
select _file, _sheet, _row, 'parent_id', format('okänd organisation "{}"', parent_id),
    'org_id för en rad i organisation', parent_id, 'organisation',
from stg_organisation
where parent_id not in (select org_id from stg_organisation where org_id is not null)
    and not list_contains($refused, 'organisation')
union all
select _file, _sheet, _row, 'goal_id', format('okänt mål "{}"', goal_id), 'goal_id för ett mål i goals',
    goal_id, 'goals',
from (
    select _file, _sheet, _row, goal_id from stg_goal_indicators
    union all select _file, _sheet, _row, goal_id from stg_targets
    union all select _file, _sheet, _row, goal_id from stg_assessments
)
where goal_id not in (select goal_id from stg_goals where goal_id is not null)
    and not list_contains($refused, 'goals')
union all
select _file, _sheet, _row, 'goal_ids', format('okänt mål "{}"', goal_id),
    'goal_id för ett mål i goals', goal_id, 'goals',
from served_goals
where goal_id not in (select goal_id from stg_goals where goal_id is not null)
    and not list_contains($refused, 'goals')
union all
select _file, _sheet, _row, 'assignment_id', format('okänt uppdrag "{}"', assignment_id),
    'assignment_id för ett uppdrag i assignments', assignment_id, 'assignments',
from stg_assignment_status
where assignment_id not in (
    select assignment_id from stg_assignments where assignment_id is not null
)
    and not list_contains($refused, 'assignments')
union all
select _file, _sheet, _row, 'indicator_id', format('okänd indikator "{}"', indicator_id),
    'indicator_id för en indikator i indicators', indicator_id, 'indicators',
from (
    select _file, _sheet, _row, indicator_id from stg_goal_indicators
    union all select _file, _sheet, _row, indicator_id from stg_targets
    union all select _file, _sheet, _row, indicator_id from stg_forecasts
)
where indicator_id not in (select indicator_id from stg_indicators where indicator_id is not null)
    and not list_contains($refused, 'indicators')
union all
-- Outcomes are checked with an anti-join: tens of millions of rows against a few thousand ids.
select o._file, o._sheet, o._row, 'indicator_id', format('okänd indikator "{}"', o.indicator_id),
    'indicator_id för en indikator i indicators', o.indicator_id, 'indicators',
from stg_outcomes o anti join stg_indicators i on o.indicator_id = i.indicator_id
where o.indicator_id is not null and not list_contains($refused, 'indicators')
union all
select t._file, t._sheet, t._row, 'indicator_id',
    format('indikatorn "{}" är inte kopplad till målet "{}"', t.indicator_id, t.goal_id),
    'en rad i goal_indicators för samma goal_id och indicator_id', null, null,
from stg_targets t
anti join stg_goal_indicators l on t.goal_id = l.goal_id and t.indicator_id = l.indicator_id
where t.goal_id in (select goal_id from stg_goals)
    and t.indicator_id in (select indicator_id from stg_indicators)
    and not list_contains($refused, 'goal_indicators')
union all
select _file, _sheet, _row, 'assessed_by', format('okänd organisation "{}"', assessed_by),
    'org_id för en rad i organisation', assessed_by, 'organisation',
from stg_assessments
where assessed_by not in (select org_id from stg_organisation where org_id is not null)
    and not list_contains($refused, 'organisation')
union all
select _file, _sheet, _row, 'subject', format('okänt subjekt "{}"', subject),
    'en kommunkod (fyra siffror, 0000 = riket), ett Kolada-grupp-id (G…) eller ett org_id',
    subject, 'organisation',
from subjects
where not is_area_code(subject) and not list_contains($refused, 'organisation')
    and subject not in (select org_id from stg_organisation where org_id is not null);
