-- Purpose: the distinct key values of the outcomes loaded by the fast path, numbered from 0, so
--          that each key (indicator, subject, period, gender) maps to one integer for the
--          duplicate test, and each distinct value is checked once instead of once per row.
-- Grain:   one row per distinct value in each table.
-- Params:  none.
create or replace temp table bulk_indicators as
select indicator_id as v, row_number() over (order by indicator_id) - 1 as code
from (select distinct indicator_id from outcomes);

create or replace temp table bulk_subjects as
select subject as v, row_number() over (order by subject) - 1 as code
from (select distinct subject from outcomes);

create or replace temp table bulk_periods as
select period as v, row_number() over (order by period) - 1 as code
from (select distinct period from outcomes);

create or replace temp table bulk_genders as
select gender as v, row_number() over (order by gender) - 1 as code
from (select distinct gender from outcomes);
