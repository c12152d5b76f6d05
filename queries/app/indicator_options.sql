-- Purpose: the indicators to choose between on the indicator page, labelled
--          "N15505 · Åk 9 meritvärde kommunala skolor (17 ämnen)".
-- Grain:   one row per indicator, by id.
-- Params:  none.
select indicator_id, indicator_id || ' · ' || title as label,
from indicators
order by indicator_id;
