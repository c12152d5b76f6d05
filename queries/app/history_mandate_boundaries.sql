-- Purpose: where a new mandate period starts on the Över tid chart. Swedish mandate periods
--          start on 1 January of every fourth year from 2019 (2019, 2023, 2027 …); a boundary
--          is drawn halfway between the last period ending before it and the first after it.
-- Grain:   one row per mandate start that falls inside the evaluated periods of the type.
-- Params:  $period_type: 'year', 'tertial', 'quarter' or 'month'.
with
axis as (
    select period_end, (row_number() over (order by period_end, period) - 1)::integer as x,
    from periods
    where is_evaluated and period_type = $period_type
),
years as (
    select unnest(range(min(year(period_end)), max(year(period_end)) + 1)) as year,
    from axis
)
select
    y.year,
    make_date(y.year, 1, 1) as mandate_start,
    'Ny mandatperiod ' || y.year as label,
    (select count(*) from axis a where a.period_end < make_date(y.year, 1, 1)) - 0.5 as x,
from years y
where (y.year - 2019) % 4 = 0
    and exists (select 1 from axis a where a.period_end < make_date(y.year, 1, 1))
    and exists (select 1 from axis a where a.period_end >= make_date(y.year, 1, 1))
order by y.year;
