-- Purpose: the number of rows of each warehouse table, for the build's report. A template:
--          the table names come from etl/build.py.
-- Grain:   one row per table, in the order given.
-- Params:  none.
{% for table in tables %}
select {{ loop.index }} as position, '{{ table }}' as table_name, count(*) as row_count
from {{ table | ident }}
{% if not loop.last %}union all{% endif %}
{% endfor %}
order by position
