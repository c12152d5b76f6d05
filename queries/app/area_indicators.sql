-- Purpose: the indicators to choose from once a strategic area is chosen, labelled
--          "N15505 · Åk 9 meritvärde kommunala skolor (17 ämnen)": those that measure the area
--          or a goal beneath it; with a null $area, those that measure no goal under any area.
-- Grain:   one row per indicator, by id.
-- Params:  $area: the goal id of an area (goals.is_area), or null.
with in_areas as (
    select gi.indicator_id, c.ancestor_id as area_id,
    from goal_indicators gi
    join goal_closure c on c.descendant_id = gi.goal_id
    join goals a on a.goal_id = c.ancestor_id
    where a.is_area
)
select i.indicator_id, i.indicator_id || ' · ' || i.title as label,
from indicators i
where case
    when $area is null then i.indicator_id not in (select indicator_id from in_areas)
    else i.indicator_id in (select indicator_id from in_areas where area_id = $area)
end
order by i.indicator_id;
