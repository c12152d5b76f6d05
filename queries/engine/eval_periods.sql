-- Purpose: the evaluation periods of a build: every period of the warehouse that has outcomes
--          or assessments (a period that only has targets lies ahead), numbered in code order
--          (the engine's tables are stored in that order).
-- Grain:   one row per period.
-- Params:  none.
select
    period, period_type, year, period_start, period_end,
    row_number() over (order by period) as period_no,
from periods
where is_evaluated;
