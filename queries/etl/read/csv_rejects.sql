-- Purpose: the rows of the last CSV file that DuckDB's reader rejected, with what it found
--          (line 1 is the header).
-- Grain:   one row per rejected line.
-- Params:  none.
select
    line,
    list(error_type order by byte_position) as error_types,
    list(try_cast(regexp_extract(error_message, 'Found: (\d+)', 1) as integer)) as field_counts,
    any_value(error_message) as message,
from csv_rejects
group by line
order by line;
