-- Purpose: typed indicators; defaults applied (public = ja).
-- Grain:   one row per indicator row in the sources.
-- Params:  none.
create or replace temp table stg_indicators as
select
    _file, _sheet, _row,
    indicator_id,
    title,
    lower(direction) as direction,
    unit,
    try_cast(parse_integer(decimals) as integer) as decimals,
    lower(source) as source,
    upper(kolada_kpi) as kolada_kpi,
    description,
    coalesce(parse_bool(public), true) as is_public,
    extra,
from raw_indicators;
