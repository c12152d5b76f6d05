-- Purpose: every distinct period text in the sources, parsed once. A period repeats millions
--          of times in a large outcomes file; parsing each distinct text once and joining is
--          far cheaper than parsing every row.
-- Grain:   one row per distinct raw period text (period is NULL when it is malformed).
-- Params:  none.
create or replace temp table period_codes as
select
    raw,
    parse_period(raw) as period,
    period_type(raw) as period_type,
    period_year(raw) as year,
    period_start(raw) as period_start,
    period_end(raw) as period_end,
from (
    select period as raw from raw_targets
    union select period from raw_outcomes
    union select period from raw_assessments
)
where raw is not null;
