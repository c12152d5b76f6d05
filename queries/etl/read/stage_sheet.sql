-- Purpose: move the temp table "sheet" (text columns c0..cN) into raw_<table>: each cell
--          cleaned once in the inner query, blank rows left out. The x_ columns become a map
--          without the empty cells, or a constant empty map when there are none (which costs
--          nothing on a file of millions of outcome rows). A template: the table, the format
--          column of each sheet column and the x_ columns come from etl/sources.py, which takes
--          them from etl/schema.py and the file's header.
-- Grain:   one row per non-blank row of the sheet.
-- Params:  $file; $sheet (NULL for a CSV file); $extra_names: the x_ column names, when any.
insert into {{ ('raw_' ~ table) | ident }}
    (_file, _sheet, _row, {% for name in known %}{{ name | ident }}, {% endfor %}extra)
select
    $file,
    $sheet,
    _row,
    {%- for source in known.values() %}
    {{ source | ident }},
    {%- endfor %}
    {% if extra -%}
    map_from_entries(list_filter(
        list_zip($extra_names, [{% for source in extra.values() %}{{ source | ident }}{{ ", " if not loop.last }}{% endfor %}]::varchar[]),
        lambda e: e[2] is not null
    ))
    {%- else -%}
    map()::map(varchar, varchar)
    {%- endif %}
from (
    select
        {{ 'rowid + 2' if numbered_by_order else '_row' }} as _row,
        {%- for source in cleaned %}
        clean_cell({{ source | ident }}) as {{ source | ident }},
        {%- endfor %}
    from sheet
)
where coalesce({% for source in cleaned %}{{ source | ident }}{{ ", " if not loop.last }}{% endfor %}) is not null;
