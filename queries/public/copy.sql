-- Purpose: the public warehouse, which the dashboard reads in public mode (ROD_TRAD_MODE=public)
--          instead of the whole one: the goals and indicators marked public, their links,
--          targets, outcomes and statuses, Kolada's metadata and values of their KPIs, and the
--          assessments of public goals, the public uppdrag of public goals, copied from the whole warehouse attached as "warehouse". Nothing marked public = nej is written here,
--          and neither are the parts of public rows that are internal notes: the x_ columns
--          (extra), who assessed a goal, the reason an assessment overrides the computed status,
--          and the files the build read. A goal's statuses are its own, computed from every
--          input (that is how it was assessed); hidden_basis says where part of it is not public.
--          Run on the new public file after warehouse/schema.sql (etl/publish.py).
-- Grain:   statements; each table holds the public rows of its namesake.
-- Params:  none.
create temp table public_goals as select goal_id from warehouse.goals where is_public;
create temp table public_indicators as
select indicator_id from warehouse.indicators where is_public;

insert into settings from warehouse.settings;

insert into goals
select * replace (map()::map(varchar, varchar) as extra)
from warehouse.goals
where is_public;

-- A public goal whose parents are all internal hangs under its nearest public ancestors.
insert into goal_links
select parent_id, child_id, weight
from warehouse.goal_links
where parent_id in (from public_goals) and child_id in (from public_goals)
union
select c.ancestor_id, c.descendant_id, 1.0
from warehouse.goal_closure c
where c.descendant_id in (from public_goals) and c.ancestor_id in (from public_goals)
    and c.distance > 0
    and not exists (
        from warehouse.goal_links l
        where l.child_id = c.descendant_id and l.parent_id in (from public_goals)
    )
qualify c.distance = min(c.distance) over (partition by c.descendant_id)
order by all;

insert into goal_closure
select *
from warehouse.goal_closure
where ancestor_id in (from public_goals) and descendant_id in (from public_goals);

insert into goal_responsibility
select * from warehouse.goal_responsibility where goal_id in (from public_goals);

insert into organisation
select * replace (map()::map(varchar, varchar) as extra)
from warehouse.organisation
where org_id in (select org_id from goal_responsibility);

insert into indicators
select * replace (map()::map(varchar, varchar) as extra)
from warehouse.indicators
where is_public;

insert into goal_indicators
select * replace (map()::map(varchar, varchar) as extra)
from warehouse.goal_indicators
where goal_id in (from public_goals) and indicator_id in (from public_indicators);

insert into targets
select * replace (map()::map(varchar, varchar) as extra)
from warehouse.targets
where goal_id in (from public_goals) and indicator_id in (from public_indicators);

insert into outcomes
select * replace (map()::map(varchar, varchar) as extra, '' as source_path)
from warehouse.outcomes
where indicator_id in (from public_indicators);

insert into outcome_series
select * from warehouse.outcome_series where indicator_id in (from public_indicators);

-- Forecasts of the public indicators, for the same subjects as their outcomes.
insert into forecasts
select * replace (map()::map(varchar, varchar) as extra)
from warehouse.forecasts
where indicator_id in (from public_indicators);

-- Kolada's values of the public indicators' KPIs, with their revisions (Kolada's public figures).
insert into kolada_values
select * replace ('' as source_path)
from warehouse.kolada_values
where kpi in (select kolada_kpi from warehouse.indicators where indicator_id in (from public_indicators));

-- Kolada's own metadata of the public indicators' KPIs (Kolada's public words).
insert into kolada_kpis
select * replace ('' as source_path)
from warehouse.kolada_kpis
where kpi in (select kolada_kpi from warehouse.indicators where indicator_id in (from public_indicators));

-- Kolada's own metadata of its areas and groups (public words, which also name the reference of
-- a better_than target), and the model's peer group.
insert into kolada_areas select * replace ('' as source_path) from warehouse.kolada_areas;
insert into kolada_group_members
select * replace ('' as source_path) from warehouse.kolada_group_members;
insert into kolada_peer_group from warehouse.kolada_peer_group;

-- The comparisons of the public indicators: Kolada's values of areas whose outcomes are public
-- here too, and what the build computed from them.
insert into kolada_comparisons
select * from warehouse.kolada_comparisons where indicator_id in (from public_indicators);

insert into assessments
select * replace (
    null::varchar as assessed_by,
    null::varchar as override_reason,
    map()::map(varchar, varchar) as extra
)
from warehouse.assessments
where goal_id in (from public_goals);

insert into periods from warehouse.periods;
insert into statuses from warehouse.statuses;
insert into rule_presets from warehouse.rule_presets;
insert into organisation_types from warehouse.organisation_types;
insert into sdg_goals from warehouse.sdg_goals;
insert into period_types from warehouse.period_types;

-- Särskilda uppdrag marked public that serve a public goal, linked only to public goals and to
-- organisations that are public already; who decided an uppdrag only when that body is public.
-- An internal uppdrag is never written, even when it serves a public goal.
create temp table public_assignments as
select a.assignment_id
from warehouse.assignments a
where a.is_public
    and a.assignment_id in (
        select assignment_id from warehouse.assignment_goals where goal_id in (from public_goals)
    );

insert into assignments
select * replace (
    if(decided_by in (select org_id from organisation), decided_by, null) as decided_by,
    map()::map(varchar, varchar) as extra
)
from warehouse.assignments
where assignment_id in (from public_assignments);

insert into assignment_goals
select *
from warehouse.assignment_goals
where assignment_id in (from public_assignments) and goal_id in (from public_goals);

insert into assignment_responsibility
select *
from warehouse.assignment_responsibility
where assignment_id in (from public_assignments) and org_id in (select org_id from organisation);

insert into assignment_status
select * replace (map()::map(varchar, varchar) as extra)
from warehouse.assignment_status
where assignment_id in (from public_assignments);

insert into assignment_period_status
select * from warehouse.assignment_period_status where assignment_id in (from public_assignments);

insert into assignment_statuses from warehouse.assignment_statuses;

-- When the warehouse was built, without the files it was built from.
insert into load_log
select 'publicerat urval', '', null, null, max(built_at), any_value(format_version), '',
from warehouse.load_log;

create table indicator_status as
select *
from warehouse.indicator_status
where goal_id in (from public_goals) and indicator_id in (from public_indicators);

-- The goals (and periods) whose status rests in part on inputs that are not public: an
-- indicator marked public = nej, or a goal marked so, anywhere beneath them in the chain (the
-- status of a KF goal rests on its nämnd goals' statuses, and so on up). Their counts of
-- inputs and their coverage would tell about those inputs, so they are left out of goal_status
-- below.
create table hidden_basis as
with not_public_inputs as (
    select distinct goal_id, period
    from warehouse.indicator_status
    where indicator_id not in (from public_indicators)
    union
    select goal_id, period from warehouse.goal_status where goal_id not in (from public_goals)
)
select distinct c.ancestor_id as goal_id, n.period
from not_public_inputs n
join warehouse.goal_closure c on c.descendant_id = n.goal_id  -- distance 0: the goal itself
join warehouse.goal_status s on s.goal_id = c.ancestor_id and s.period = n.period
where c.ancestor_id in (from public_goals)
order by all;

create table goal_status as
select
    s.* replace (
        if(h.goal_id is null, s.coverage, null) as coverage,
        if(h.goal_id is null, s.n_inputs, null) as n_inputs,
        if(h.goal_id is null, s.n_assessable, null) as n_assessable
    ),
from warehouse.goal_status s
left join hidden_basis h using (goal_id, period)
where s.goal_id in (from public_goals)
order by s.goal_id, s.period;
