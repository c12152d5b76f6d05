-- Purpose: the open data's indicators.csv: the public indicators in the interchange format.
-- Grain:   one row per indicator.
-- Params:  none.
select
    indicator_id,
    title,
    direction,
    unit,
    decimals,
    source,
    kolada_kpi,
    description,
    is_public as public,
from indicators
order by indicator_id;
