-- Purpose: the values of an indicator's Kolada KPI that a later fetch changed (kolada_values:
--          revised_from, revised_at), for the indicator page beside its values: for the same
--          areas as its chart, the municipality (total, women, men), riket and Kolada's groups
--          in total. The label is the chart's series label.
-- Grain:   one row per revised value (area, year, gender), the latest revision first.
-- Params:  $indicator.
with
municipality as (
    select
        (select value from settings where key = 'municipality_code') as code,
        (select value from settings where key = 'municipality_name') as name,
)
select
    v.area,
    v.year,
    v.gender,
    case
        when v.area = m.code then coalesce(m.name, 'Kommunen')
            || case v.gender when 'K' then ', kvinnor' when 'M' then ', män' else '' end
        when v.area = '0000' then 'Riket'
        else v.area || ' (ovägt medel)'
    end as series_label,
    v.revised_from,
    v.value,
    v.revised_at,
from indicators i
join kolada_values v on v.kpi = i.kolada_kpi
cross join municipality m
where i.indicator_id = $indicator
    and v.revised_at is not null
    and (
        v.area = m.code
        or v.gender = 'T' and (v.area = '0000' or regexp_full_match(v.area, 'G[0-9]+'))
    )
order by
    v.revised_at desc,
    v.area <> m.code, v.area <> '0000', v.area,
    list_position(['T', 'K', 'M'], v.gender),
    v.year desc;
