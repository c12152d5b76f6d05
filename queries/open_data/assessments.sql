-- Purpose: the open data's assessments.csv: the nämnd's own assessments of the public goals,
--          as the public warehouse holds them (without who assessed and the reason for an
--          override, which it does not publish).
-- Grain:   one row per goal and period.
-- Params:  none.
select
    goal_id,
    period,
    status,
    if(assessed_by in (select org_id from organisation), assessed_by, null) as assessed_by,
    analysis,
    actions,
    override_reason,
    assessed_on,
from assessments
order by goal_id, period_end, period;
