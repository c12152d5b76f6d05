-- Purpose: the periods the public pages report on, newest first: the evaluated full years (the
--          annual reports, årsredovisningar), or every evaluated period when no full year has
--          been evaluated yet. The first row is the one the pages show.
-- Grain:   one row per period.
-- Params:  none.
with evaluated as (
    select period, period_type, period_end from periods where is_evaluated
)
select period, period_type, period_end,
from evaluated
where period_type = 'year' or not exists (from evaluated where period_type = 'year')
order by period_end desc, period;
