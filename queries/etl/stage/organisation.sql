-- Purpose: typed organisation rows.
-- Grain:   one row per organisation row in the sources.
-- Params:  none.
create or replace temp table stg_organisation as
select
    _file, _sheet, _row,
    org_id,
    name,
    lower(type) as type,
    parent_id,
    short_name,
    extra,
from raw_organisation;
