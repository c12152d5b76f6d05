-- Purpose: the organisations to choose between on the Nämnder page: every unit responsible
--          for at least one goal or uppdrag (a kommunalförbund may have uppdrag and no goals);
--          those that set goals of their own (organisation_types: styrelse, utskott, nämnder,
--          kommunalförbund, bolag) first, in the types' order, then the others.
-- Grain:   one row per organisation responsible for at least one goal or uppdrag.
-- Params:  none.
select o.org_id, o.name, o.type,
from organisation o
join organisation_types t using (type)
where exists (select 1 from goal_responsibility r where r.org_id = o.org_id)
    or exists (select 1 from assignment_responsibility r where r.org_id = o.org_id)
order by
    not t.is_committee,
    t.sort_order,
    o.name,
    o.org_id;
