-- Purpose: the Kolada KPIs a staged model measures with (python -m etl kolada fetch --model).
-- Grain:   one row per distinct KPI id, in id order.
-- Params:  none.
select distinct kolada_kpi
from stg_indicators
where kolada_kpi is not null
order by kolada_kpi
