-- Purpose: the distinct values of one key column of the outcomes the fast path stored, numbered
--          from 0, so that each key (indicator, subject, period, gender) maps to one integer for
--          the repeat test (outcome_repeats.sql), and each distinct value is checked once
--          instead of once per row (outcome_checks.sql). Only the rows of the files just
--          stored count: rows an incremental build kept were checked when they were stored, and
--          a kept row whose key has a value that no new row has cannot repeat a new row's key.
--          A template: the column comes from etl/bulk.py.
-- Grain:   one row per distinct value.
-- Params:  $paths: the files just stored (outcomes.source_path).
select v, row_number() over (order by v) - 1 as code
from (
    select distinct {{ column | ident }} as v
    from outcomes
    where list_contains($paths, source_path)
)
