-- Purpose: the settings that carry the attainment rules (thresholds, preset …), read into
--          attainment.rules.Rules for the reference lines of the Över tid chart.
-- Grain:   one row per settings key.
-- Params:  none.
select key, value,
from settings
order by key;
