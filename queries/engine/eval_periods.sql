-- Purpose: the evaluation periods of a build: every period of the warehouse that has outcomes
--          or assessments (a period that only has targets lies ahead).
-- Grain:   one row per period.
-- Params:  none.
select period, period_type, year, period_start, period_end from periods where is_evaluated;
