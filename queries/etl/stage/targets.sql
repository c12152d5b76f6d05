-- Purpose: typed targets; subject defaults to the municipality, gender to T, tolerance to 0.
-- Grain:   one row per target row in the sources.
-- Params:  none.
create or replace temp table stg_targets as
select
    r._file, r._sheet, r._row,
    goal_id,
    indicator_id,
    pc.period, pc.period_type, pc.period_start, pc.period_end,
    normalise_comparator(comparator) as comparator,
    parse_number(value) as value,
    parse_number(low) as low,
    parse_number(high) as high,
    coalesce(parse_number(tolerance), 0.0) as tolerance,
    coalesce(subject, municipality_code()) as subject,
    coalesce(upper(gender), 'T') as gender,
    extra,
from raw_targets r
left join period_codes pc on pc.raw = r.period;
