-- Purpose: rows whose key repeats an earlier row (in file order), naming where it first
--          appeared. Few keys repeat: aggregating one 64-bit hash of the key is much cheaper
--          than aggregating the key's text columns; a hash collision only adds a candidate,
--          which the exact partition then sees as a single row. A template: the table and its
--          key columns come from etl/schema.py.
-- Grain:   one row per repeated row: _file, _sheet, _row, column, found, expected.
-- Params:  $column: the key's column names as shown; $expected: what a unique key looks like.
{%- set key_columns %}{% for k in key %}{{ k | ident }}{{ ", " if not loop.last }}{% endfor %}{% endset %}
with
repeated as (
    select hash({{ key_columns }}) as key_hash
    from {{ ('stg_' ~ table) | ident }}
    where {% for k in key %}{{ k | ident }} is not null{{ " and " if not loop.last }}{% endfor %}
    group by key_hash
    having count(*) > 1
),
keyed as (
    select
        _file, _sheet, _row,
        {% for k in key %}coalesce({{ k | ident }}::varchar, ''){{ " || ' / ' || " if not loop.last }}{% endfor %} as key_text,
        first_value(_file || coalesce(', blad ' || _sheet, '') || ', rad ' || _row) over w
            as first_at,
        row_number() over w as n,
    from {{ ('stg_' ~ table) | ident }}
    where hash({{ key_columns }}) in (select key_hash from repeated)
    window w as (partition by {{ key_columns }} order by _file, _sheet, _row)
)
select
    _file, _sheet, _row, $column,
    format('"{}" finns redan ({})', key_text, first_at),
    $expected,
from keyed
where n > 1
