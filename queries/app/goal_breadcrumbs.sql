-- Purpose: every chain from a top goal down to one goal (its breadcrumbs); several when the
--          goal or one of its ancestors feeds more than one parent.
-- Grain:   one row per chain; the lists hold the crumbs top first.
-- Params:  $goal_id.
with recursive
up(path) as (
    select [$goal_id]
    union all
    select list_prepend(l.parent_id, u.path)
    from up u
    join goal_links l on l.child_id = u.path[1]
),
chains as (
    select row_number() over (order by array_to_string(path, chr(1))) as chain_no, path,
    from up
    where path[1] not in (select child_id from goal_links)
),
crumbs as (
    select chain_no, unnest(path) as goal_id, unnest(generate_series(1, len(path))) as position,
    from chains
)
select
    c.chain_no,
    list(c.goal_id order by c.position) as goal_ids,
    list(g.title order by c.position) as titles,
    list(g.level order by c.position) as levels,
    list(g.is_area order by c.position) as is_areas,
from crumbs c
join goals g on g.goal_id = c.goal_id
group by c.chain_no
order by c.chain_no;
