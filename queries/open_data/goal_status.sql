-- Purpose: the open data's beraknat/goal_status.csv: each public goal's status per evaluated
--          period as Röd tråd computed it (docs/rules.md), beside the nämnd's assessment and
--          the effective status. Our own computation: never credited to Kolada.
-- Grain:   one row per goal and period.
-- Params:  none.
select
    goal_id,
    period,
    computed_status,
    assessed_status,
    effective_status,
    score,
    coverage,
from goal_status
order by goal_id, period_end, period;
