-- Purpose: the settings of the model as key/value text, for the rule parameters
--          (attainment/rules.py).
-- Grain:   one row per key.
-- Params:  none.
select key, value from settings;
