-- Purpose: the Kolada values as outcome rows of every indicator whose kolada_kpi names their
--          KPI (several indicators may share one): every area Kolada answered for (the
--          municipality, riket 0000, the län, groups, other municipalities), all genders; a
--          null value stays missing. source = kolada, so they are credited "Källa: Kolada".
-- Grain:   one row per indicator, area, year and gender.
-- Params:  none.
insert into raw_outcomes (_file, _sheet, _row, indicator_id, period, value, subject, gender, source)
select
    k.manifest,
    null,
    row_number() over (order by i.indicator_id, k.area, k.gender, k.year),
    i.indicator_id,
    k.year::varchar,
    k.value::varchar,
    k.area,
    k.gender,
    'kolada',
from stg_kolada k
join raw_indicators i on upper(trim(i.kolada_kpi)) = k.kpi;
