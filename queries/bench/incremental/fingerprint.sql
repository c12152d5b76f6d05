-- Purpose: a fingerprint of a warehouse, to compare an incremental build with a full one
--          (bench/incremental.py): the row count and an order-independent hash of each table,
--          the load log without its build time. A template: the tables come from etl/build.py.
-- Grain:   one row per table, in the order given.
-- Params:  none.
{% for table in tables %}
select {{ loop.index }} as position, '{{ table }}' as table_name, count(*) as row_count,
    sum(hash(t)::hugeint) as row_hash,
from (
    select * {{- ' exclude (built_at)' if table == 'load_log' }} from {{ table | ident }}
) t
{% if not loop.last %}union all{% endif %}
{% endfor %}
order by position
