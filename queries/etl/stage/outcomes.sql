-- Purpose: typed outcomes; subject defaults to the municipality, gender to T. An empty value
--          stays NULL (missing), never 0.
-- Grain:   one row per outcome row in the sources.
-- Params:  none.
create or replace temp table stg_outcomes as
select
    _file, _sheet, _row,
    indicator_id,
    parse_period(period) as period,
    parse_number(value) as value,
    coalesce(subject, municipality_code()) as subject,
    coalesce(upper(gender), 'T') as gender,
    coalesce(parse_bool(preliminary), false) as is_preliminary,
    source,
    extra,
from raw_outcomes;
