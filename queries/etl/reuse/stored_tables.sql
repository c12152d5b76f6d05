-- Purpose: the tables of the copy of a warehouse that an incremental build drops: all but
--          outcomes, whose rows it keeps (the build then makes the others anew).
-- Grain:   one row per table.
-- Params:  none.
select table_name
from duckdb_tables()
where database_name = current_database()
    and schema_name = 'main'
    and not temporary
    and table_name <> 'outcomes'
order by table_name
