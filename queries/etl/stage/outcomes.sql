-- Purpose: typed outcomes; subject defaults to the municipality, gender to T. An empty value
--          stays NULL (missing), never 0.
-- Grain:   one row per outcome row in the sources.
-- Params:  none.
create or replace temp table stg_outcomes as
select
    r._file, r._sheet, r._row,
    indicator_id,
    pc.period, pc.period_type, pc.period_start, pc.period_end,
    parse_number(value) as value,
    coalesce(subject, municipality_code()) as subject,
    coalesce(upper(gender), 'T') as gender,
    coalesce(parse_bool(preliminary), false) as is_preliminary,
    source,
    extra,
from raw_outcomes r
left join period_codes pc on pc.raw = r.period;
