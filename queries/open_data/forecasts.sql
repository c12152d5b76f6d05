-- Purpose: the open data's forecasts.csv: the forecasts of the public indicators in the
--          interchange format (the public warehouse holds no others).
-- Grain:   one row per indicator, period, made_in, subject and gender.
-- Params:  none.
select indicator_id, period, made_in, value, subject, gender, comment,
from forecasts
order by indicator_id, subject, gender, period, made_in;
