-- Purpose: typed status reports of assignments, one per assignment and follow-up period.
-- Grain:   one row per assignment_status row in the sources.
-- Params:  none.
create or replace temp table stg_assignment_status as
select
    r._file, r._sheet, r._row,
    assignment_id,
    pc.period, pc.period_type, pc.period_start, pc.period_end,
    lower(status) as status,
    comment,
    parse_date(reported_on) as reported_on,
    extra,
from raw_assignment_status r
left join period_codes pc on pc.raw = r.period;
