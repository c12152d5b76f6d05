-- Purpose: an indicator's Kolada comparisons (kolada_comparisons) for the indicator page, with
--          the municipality's Kolada name (kolada_areas; else municipality_name, else the
--          code) and the indicator's direction, newest year first.
-- Grain:   one row per year (none when the indicator has no Kolada values to compare).
-- Params:  $indicator.
select
    c.*,
    coalesce(a.title, (select max(value) from settings where key = 'municipality_name'),
        c.municipality) as municipality_title,
    i.direction,
from kolada_comparisons c
join indicators i using (indicator_id)
left join kolada_areas a on a.area = c.municipality
where c.indicator_id = $indicator
order by try_cast(c.period as integer) desc nulls last, c.period desc;
