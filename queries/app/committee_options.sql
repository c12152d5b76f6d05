-- Purpose: the organisations to choose between on the Nämnder page: every unit responsible
--          for at least one goal; styrelse, nämnder and bolag first, then the others.
-- Grain:   one row per organisation responsible for at least one goal.
-- Params:  none.
select o.org_id, o.name, o.type,
from organisation o
where exists (select 1 from goal_responsibility r where r.org_id = o.org_id)
order by
    case o.type when 'styrelse' then 1 when 'nämnd' then 2 when 'bolag' then 3 else 4 end,
    o.name,
    o.org_id;
