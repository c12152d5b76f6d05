-- Purpose: typed settings from raw_settings (keys lower-cased).
-- Grain:   one row per settings row in the sources.
-- Params:  none.
create or replace temp table stg_settings as
select
    _file, _sheet, _row,
    lower(key) as key,
    value,
from raw_settings;
