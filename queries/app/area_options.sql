-- Purpose: the first step of choosing a goal or an indicator: the strategic areas (goals.is_area), labelled "O1 Utbildning och livslångt lärande", and a last row
--          with a null area_id for what lies outside every area (the vision; indicators that
--          measure no goal under an area), with how many goals and indicators each one holds.
-- Grain:   one row per strategic area, by id, then the row for outside the areas.
-- Params:  none.
with
goal_area as (
    select c.descendant_id as goal_id, c.ancestor_id as area_id,
    from goal_closure c
    join goals a on a.goal_id = c.ancestor_id
    where a.is_area
),
areas as (
    select goal_id as area_id, goal_id || ' ' || title as label,
    from goals
    where is_area
    union all
    select null, null
)
select
    a.area_id,
    a.label,
    case
        when a.area_id is null
            then (select count(*) from goals where goal_id not in (select goal_id from goal_area))
        else (select count(*) from goal_area ga where ga.area_id = a.area_id)
    end as goal_count,
    case
        when a.area_id is null then (
            select count(*) from indicators i
            where i.indicator_id not in (
                select gi.indicator_id
                from goal_indicators gi
                join goal_area ga on ga.goal_id = gi.goal_id
            )
        )
        else (
            select count(distinct gi.indicator_id)
            from goal_indicators gi
            join goal_area ga on ga.goal_id = gi.goal_id
            where ga.area_id = a.area_id
        )
    end as indicator_count,
from areas a
order by a.area_id nulls last;
