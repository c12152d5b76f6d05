-- Purpose: the ids a reference may name, for suggesting the one a misspelt reference meant.
-- Grain:   one row per id and table: the table (goals, organisation, indicators, assignments)
--          and the id.
-- Params:  none.
select 'goals', goal_id from stg_goals where goal_id is not null
union all
select 'organisation', org_id from stg_organisation where org_id is not null
union all
select 'indicators', indicator_id from stg_indicators where indicator_id is not null
union all
select 'assignments', assignment_id from stg_assignments where assignment_id is not null;
