-- Purpose: how many distinct values each key column of the fast-loaded outcomes has (the
--          dictionaries of outcome_code.sql), for the size of the repeat test's bitmap.
-- Grain:   one row.
-- Params:  none.
select
    (select count(*) from bulk_indicators) as indicators,
    (select count(*) from bulk_subjects) as subjects,
    (select count(*) from bulk_periods) as periods,
    (select count(*) from bulk_genders) as genders;
