-- Purpose: fill outcome_series from the outcomes table once it is loaded (load.sql; in an
--          incremental build, as kept and appended): the outcomes, not stg_outcomes, since a
--          large file may have gone straight in (etl/bulk.py).
-- Grain:   one row per series and period type (see schema.sql).
-- Params:  none.
insert into outcome_series
select indicator_id, subject, gender, period_type, count(*), count(value),
from outcomes
group by indicator_id, subject, gender, period_type
order by indicator_id, subject, gender, period_type;
