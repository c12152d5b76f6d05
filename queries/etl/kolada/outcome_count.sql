-- Purpose: how many outcome rows one Kolada folder gave (for the load log).
-- Grain:   one value.
-- Params:  $manifest (the folder's manifest.json as the sources name it).
select count(*) from raw_outcomes where _file = $manifest;
