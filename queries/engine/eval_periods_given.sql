-- Purpose: evaluation periods given by code (python -m etl status --period P evaluates any
--          period on demand), parsed by the shared period macros and numbered in code order.
-- Grain:   one row per given code.
-- Params:  $periods: a list of period codes.
select
    parse_period(p) as period,
    period_type(p) as period_type,
    period_year(p) as year,
    period_start(p) as period_start,
    period_end(p) as period_end,
    row_number() over (order by parse_period(p)) as period_no,
from unnest($periods::varchar[]) as u(p);
