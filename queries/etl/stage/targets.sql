-- Purpose: typed targets; subject defaults to the municipality, gender to T, tolerance to 0.
-- Grain:   one row per target row in the sources.
-- Params:  none.
create or replace temp table stg_targets as
select
    _file, _sheet, _row,
    goal_id,
    indicator_id,
    parse_period(period) as period,
    normalise_comparator(comparator) as comparator,
    parse_number(value) as value,
    parse_number(low) as low,
    parse_number(high) as high,
    coalesce(parse_number(tolerance), 0.0) as tolerance,
    coalesce(subject, municipality_code()) as subject,
    coalesce(upper(gender), 'T') as gender,
    extra,
from raw_targets;
