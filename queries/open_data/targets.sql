-- Purpose: the open data's targets.csv: the targets of the public goals and indicators in the
--          interchange format. A target for a unit of the organisation that is not in the
--          public warehouse (no public goal of its own) is left out: the file could not name it.
-- Grain:   one row per goal, indicator, period, subject and gender.
-- Params:  none.
select
    goal_id, indicator_id, period, comparator, value, low, high, tolerance, subject, gender,
from targets
-- An area code (is_area_code in queries/etl/macros.sql), or an organisation of the file.
where regexp_full_match(subject, '\d{4}|G\d+') or subject in (select org_id from organisation)
order by goal_id, indicator_id, period_end, period, subject, gender;
