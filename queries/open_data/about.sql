-- Purpose: what the open data's page and read-me say about where it comes from: the
--          municipality, its notice, the licence (the default when the settings name none),
--          and when the warehouse was built.
-- Grain:   one row.
-- Params:  $default_licence: the licence when the settings name none (etl/schema.py).
select
    (select value from settings where key = 'municipality_code') as municipality_code,
    (select value from settings where key = 'municipality_name') as municipality_name,
    (select value from settings where key = 'data_notice') as data_notice,
    coalesce((select value from settings where key = 'licence'), $default_licence) as licence,
    (select max(built_at) from load_log) as built_at_utc;
