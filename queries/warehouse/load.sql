-- Purpose: fill the warehouse tables from the validated staging tables (stg_*), in key order so
--          that two builds from the same sources give identical tables. Outcomes that
--          etl/bulk.py wrote straight from their files are already in place (stg_outcomes is
--          then empty). Every table filled here but outcomes comes from the model's files
--          alone, so an incremental build (etl/incremental.py) keeps them as they are; periods
--          depend on the outcomes too and are filled by periods.sql in every build.
-- Grain:   see schema.sql.
-- Params:  none (the level order comes from the temp table goal_levels, the licences from
--          the temp table licences).
-- Rule numbers are stored in canonical form ("0,5" becomes "0.5") so every reader can parse them,
-- and a licence as the format writes it ("cc-by-4.0" becomes "CC BY 4.0").
insert into settings
select
    key,
    case
        when key in (
            'full_threshold', 'partial_threshold', 'partly_score', 'min_coverage',
            'max_outcome_age_years'
        ) then parse_number(value)::varchar
        when key = 'rule_preset' then lower(value)
        when key = 'licence'
            then (select licence from licences where spelling = licence_spelling(value))
        else value
    end,
from stg_settings
order by key;

insert into organisation
select org_id, name, type, parent_id, short_name, extra from stg_organisation order by org_id;

-- The areas Översikt groups by: the strategic areas (level område), or in a model without
-- that level (Heby: inriktningar directly beneath the vision) the highest level beneath it.
insert into goals
with ranked as (select * from stg_goals join goal_levels using (level))
select
    goal_id, title, level, level_rank,
    coalesce(
        level_rank = (
            select coalesce(
                min(level_rank) filter (where level = 'område'),
                min(level_rank) filter (where level <> 'vision')
            )
            from ranked
        ),
        false  -- a model of nothing but a vision has no areas
    ) as is_area,
    valid_from, valid_to, description, agenda2030, is_public, weight, extra,
from ranked
order by goal_id;

insert into goal_links
select distinct u.parent_id, g.goal_id, g.weight
from stg_goals g, unnest(g.parent_ids) as u(parent_id)
order by all;

insert into goal_closure
with recursive walk(ancestor_id, descendant_id, distance) as (
    select goal_id, goal_id, 0 from stg_goals
    union
    select w.ancestor_id, l.child_id, w.distance + 1
    from walk w join goal_links l on l.parent_id = w.descendant_id
)
select ancestor_id, descendant_id, min(distance)
from walk
group by all
order by all;

insert into goal_responsibility
select distinct g.goal_id, u.org_id
from stg_goals g, unnest(g.responsible) as u(org_id)
order by all;

insert into indicators
select
    indicator_id, title, direction, unit, decimals, source, kolada_kpi, description, is_public,
    extra,
from stg_indicators
order by indicator_id;

insert into goal_indicators
select goal_id, indicator_id, weight, extra from stg_goal_indicators order by goal_id, indicator_id;

insert into targets
select
    goal_id, indicator_id, period, period_type, period_end, comparator, value, low, high,
    tolerance, subject, gender, extra,
from stg_targets
order by goal_id, indicator_id, period_end, period, subject, gender;

insert into outcomes
select
    indicator_id, subject, gender, period, period_type, period_start, period_end, value,
    is_preliminary, source, extra, _file,
from stg_outcomes
order by indicator_id, subject, gender, period_end, period;

insert into kolada_values
select
    kpi, area, year, gender, value, status, member_count, fetched_at, revised_from, revised_at,
    manifest,
from stg_kolada
order by kpi, area, gender, year;

insert into kolada_kpis
select
    kpi, title, description, operating_area, perspective, is_divided_by_gender,
    publication_date, prel_publication_date, publ_period, is_discontinued, fetched_at, manifest,
from stg_kolada_kpis
order by kpi;

insert into kolada_areas
select area, title, type, source from stg_kolada_areas order by area;

insert into kolada_group_members
select group_id, group_title, member_id, source from stg_kolada_groups order by group_id, member_id;

-- The peer group (docs/format.md, kolada_peer_group): the setting's group, else the one a Kolada
-- folder was fetched for, else the newest "Liknande kommuner, övergripande, <kommun>," group
-- (the edition's year ends the title), as python -m etl kolada fetch --peers auto chooses it;
-- only a group among the sources, whose title is known.
insert into kolada_peer_group
with code as (
    select max(trim(value)) as code from stg_settings where key = 'municipality_code'
),
groups as (select distinct group_id, group_title from stg_kolada_groups),
candidates as (
    select upper(trim(value)) as group_id, 1 as choice, 'setting' as chosen_by
    from stg_settings
    where key = 'kolada_peer_group' and lower(trim(value)) <> 'auto'
    union all
    select group_id, 2, 'fetch' from raw_kolada_peers
    union all
    select g.group_id, 3, 'title'
    from groups g, code
    join stg_kolada_areas a on a.area = code.code
    where starts_with(g.group_title, 'Liknande kommuner, övergripande, ' || a.title || ',')
)
select c.group_id, g.group_title, c.chosen_by
from candidates c
join groups g using (group_id)
order by c.choice, g.group_title desc
limit 1;

insert into forecasts
select indicator_id, subject, gender, period, made_in, value, comment, extra,
from stg_forecasts
order by indicator_id, subject, gender, period, made_in;

insert into assessments
select
    goal_id, period, period_type, period_end, status, assessed_by, analysis,
    actions, override_reason, assessed_on, extra,
from stg_assessments
order by goal_id, period_end, period;
