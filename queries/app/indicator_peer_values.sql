-- Purpose: the Kolada values (gender T) of the peer group's members for one indicator and
--          year, for the indicator page's list under its comparison: each member other than
--          the municipality, by its Kolada name, best first in the indicator's direction
--          (by name for a neutral one), a member without a value last.
-- Grain:   one row per member of the peer group other than the municipality.
-- Params:  $indicator; $period (the year).
with code as (select max(value) as code from settings where key = 'municipality_code')
select
    m.member_id,
    coalesce(a.title, m.member_id) as title,
    o.value,
from kolada_peer_group g
join kolada_group_members m using (group_id)
join indicators i on i.indicator_id = $indicator
left join kolada_areas a on a.area = m.member_id
left join outcomes o on o.indicator_id = $indicator and o.period = $period
    and o.subject = m.member_id and o.gender = 'T' and lower(o.source) = 'kolada'
where m.member_id <> (select code from code)
order by
    o.value is null,
    case i.direction when 'higher' then -o.value when 'lower' then o.value end nulls last,
    coalesce(a.title, m.member_id);
