-- Purpose: typed assessments (the nämnd's own judgement per goal and period).
-- Grain:   one row per assessment row in the sources.
-- Params:  none.
create or replace temp table stg_assessments as
select
    _file, _sheet, _row,
    goal_id,
    parse_period(period) as period,
    lower(status) as status,
    assessed_by,
    analysis,
    actions,
    override_reason,
    parse_date(assessed_on) as assessed_on,
    extra,
from raw_assessments;
