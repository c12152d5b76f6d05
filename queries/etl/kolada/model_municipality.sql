-- Purpose: the municipality code the model's settings name, to check a Kolada folder against.
-- Grain:   one value (NULL when the settings do not name one).
-- Params:  none.
select max(trim(value)) from raw_settings where lower(trim(key)) = 'municipality_code';
