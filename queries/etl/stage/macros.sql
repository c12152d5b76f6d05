-- Purpose: macros that read the staged sources (so they exist only during a build).
-- Grain:   scalar macros.
-- Params:  none.

-- The municipality's code from the staged settings; the default subject of outcomes and targets.
create or replace temp macro municipality_code() as (
    select any_value(value) from raw_settings where lower(key) = 'municipality_code'
);
