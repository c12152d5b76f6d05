-- Purpose: the open data's settings.csv: the public warehouse's settings, in the interchange
--          format (docs/format.md), so that python -m etl build reads the files back.
-- Grain:   one row per settings key.
-- Params:  none.
select key, value from settings order by key;
