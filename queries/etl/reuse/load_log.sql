-- Purpose: the load log of a warehouse, without the build time: what an incremental build
--          compares the sources with (etl/incremental.py), first in the warehouse itself, then
--          in its copy, to see that no other build replaced it in between.
-- Grain:   one row per source file and table, in a fixed order.
-- Params:  none.
select source_path, sha256, table_name, row_count, format_version, code_sha256
from load_log
order by all
