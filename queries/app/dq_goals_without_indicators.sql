-- Purpose: goals that nothing can measure: no indicator and no child goal. A goal that rolls up
--          child goals needs no indicators of its own, so it is not listed.
-- Grain:   one row per such goal, top of the chain first.
-- Params:  none.
select
    g.goal_id,
    g.title,
    g.level,
    coalesce((
        select string_agg(coalesce(o.short_name, o.name), ', ' order by o.org_id)
        from goal_responsibility r
        join organisation o on o.org_id = r.org_id
        where r.goal_id = g.goal_id
    ), '–') as responsible,
    case
        when g.valid_from is null and g.valid_to is null then 'tills vidare'
        else coalesce(g.valid_from::varchar, '') || '–' || coalesce(g.valid_to::varchar, '')
    end as valid_years,
from goals g
where not exists (select 1 from goal_indicators gi where gi.goal_id = g.goal_id)
    and not exists (select 1 from goal_links l where l.parent_id = g.goal_id)
order by g.level_rank, g.goal_id;
