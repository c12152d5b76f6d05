-- Purpose: each Kolada value as the latest answer gives it, with the value it replaced and
--          when (a revision), for kolada_values and the outcomes (etl/kolada/source.py).
-- Grain:   one row per folder, KPI, area, year and gender; deleted values are dropped.
-- Params:  none.
create or replace temp table stg_kolada as
with versions as (
    select
        *,
        lag(value) over series as earlier_value,
        lag(fetched_at) over series as earlier_fetched_at,
        count(*) over (partition by manifest, kpi, area, year, gender) as versions,
        row_number() over (partition by manifest, kpi, area, year, gender order by answer desc) as newest,
    from raw_kolada
    window series as (partition by manifest, kpi, area, year, gender order by answer)
)
select
    manifest, kpi, area, year, gender, value, status, member_count, fetched_at,
    if(versions > 1 and value is distinct from earlier_value, earlier_value, null)
        as revised_from,
    if(versions > 1 and value is distinct from earlier_value, fetched_at, null) as revised_at,
from versions
where newest = 1 and not is_deleted;
