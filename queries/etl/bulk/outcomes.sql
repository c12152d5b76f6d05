-- Purpose: the fast path for a large outcomes file: rows typed by DuckDB's CSV reader (the temp
--          view bulk_source, created by etl/bulk.py) go straight into the warehouse table.
--          Anything unusual makes the statement fail (a cell the reader cannot type, a NULL in a
--          NOT NULL column: an unknown period, a missing indicator, a preliminary flag that is
--          not ja/nej), and the file then takes the row-by-row path, which reports each problem.
-- Grain:   one row per row of the file, in the file's order.
-- Params:  none.
insert into outcomes
select
    s.indicator_id,
    coalesce(s.subject, municipality_code()),
    coalesce(upper(s.gender), 'T'),
    pc.period, pc.period_type, pc.period_start, pc.period_end,
    s.value,
    -- NULL (and so a failed insert) for a flag that is neither empty nor a yes or no.
    case when s.preliminary is null then false else parse_bool(s.preliminary) end,
    s.source,
    map()::map(varchar, varchar),
from bulk_source s
left join period_codes pc on pc.raw = s.period;
