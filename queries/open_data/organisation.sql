-- Purpose: the open data's organisation.csv: the organisations in the public warehouse (those
--          responsible for a public goal). A parent that is not among them is left out, so
--          every parent_id refers to a row of the file.
-- Grain:   one row per organisation.
-- Params:  none.
select
    org_id,
    name,
    type,
    if(parent_id in (select org_id from organisation), parent_id, null) as parent_id,
    short_name,
from organisation
order by org_id;
