-- Purpose: one staging table raw_<table> per table of the format: the cells as trimmed text,
--          where each row came from (_file, _sheet, _row) and the x_ columns as a map.
--          A template: the tables and columns come from etl/schema.py.
-- Grain:   statements; each table holds one row per non-blank source row.
-- Params:  none.
{% for table in tables %}
create or replace temp table {{ ('raw_' ~ table.name) | ident }} (
    _file varchar,
    _sheet varchar,
    _row bigint,
    {%- for column in table.columns %}
    {{ column.name | ident }} varchar,
    {%- endfor %}
    extra map(varchar, varchar),
);
{% endfor %}
