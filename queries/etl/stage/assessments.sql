-- Purpose: typed assessments (the nämnd's own judgement per goal and period).
-- Grain:   one row per assessment row in the sources.
-- Params:  none.
create or replace temp table stg_assessments as
select
    r._file, r._sheet, r._row,
    goal_id,
    pc.period, pc.period_type, pc.period_start, pc.period_end,
    lower(status) as status,
    assessed_by,
    analysis,
    actions,
    override_reason,
    parse_date(assessed_on) as assessed_on,
    extra,
from raw_assessments r
left join period_codes pc on pc.raw = r.period;
