-- Purpose: the fast path for an outcomes file: rows typed by DuckDB's CSV reader go
--          straight into the warehouse table. Anything unusual makes the statement fail (a cell
--          the reader cannot type, a NULL in a NOT NULL column: an unknown period, a missing
--          indicator, a preliminary flag that is not ja/nej), and the file then takes the
--          row-by-row path, which reports each problem. A template: the file's fields c0..cN
--          and the format column each holds come from etl/bulk.py; a format column the file
--          lacks is NULL.
-- Grain:   one row per row of the file, in the file's order.
-- Params:  $path: the file, as the load log names it (each row's source_path); $delim;
--          $columns: {c0: varchar, …}, the file's fields.
insert into outcomes
with bulk_source as (
    select
        {%- for column in columns %}
        {% if column.field is none -%}
        null::varchar
        {%- else -%}
        {{ column.field | ident }}
        {%- endif %} as {{ column.name | ident }},
        {%- endfor %}
    from read_csv(
        $path,
        header = true,
        delim = $delim,
        quote = '"',
        escape = '"',
        columns = $columns,
        auto_detect = false,
        encoding = 'utf-8'
    )
)
select
    s.indicator_id,
    coalesce(s.subject, municipality_code()),
    coalesce(upper(s.gender), 'T'),
    pc.period, pc.period_type, pc.period_start, pc.period_end,
    -- The cast fails (and the file takes the row-by-row path) on text that is no number; an
    -- underscore, which the cast would skip, fails it too.
    case when contains(s.value, '_') then error('underscore in a number') else s.value::double end,
    -- NULL (and so a failed insert) for a flag that is neither empty nor a yes or no.
    case when s.preliminary is null then false else parse_bool(s.preliminary) end,
    s.source,
    map()::map(varchar, varchar),
    $path,
from bulk_source s
left join period_codes pc on pc.raw = s.period;
