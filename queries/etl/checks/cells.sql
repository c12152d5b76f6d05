-- Purpose: every bad cell of one staged table in one scan: a cheap filter keeps the bad rows,
--          and only for those are the messages built (a table of forty million outcomes is
--          read once). A template: the table and its checks come from etl/validate.py, which
--          takes them from etl/schema.py; each check has a rule (required, enum or a cell kind)
--          and a number n for its parameters.
-- Grain:   one row per bad cell: _file, _sheet, _row, column, found, expected.
-- Params:  per check n: $column_n, $found_n (a format string for the cell, or the text
--          for a missing required cell), $expected_n;
--          $choices_n for an enum check; $max_cell: the longest cell (a length check's found
--          is formatted with the cell's length, not its text).
{%- macro valid(kind, v) -%}
{%- if kind == 'number' -%} parse_number({{ v }}) is not null
{%- elif kind == 'positive' -%} parse_number({{ v }}) > 0
{%- elif kind == 'non_negative' -%} parse_number({{ v }}) >= 0
{%- elif kind == 'integer' -%} parse_integer({{ v }}) is not null
{%- elif kind == 'year' -%} parse_year({{ v }}) is not null
{%- elif kind == 'bool' -%} parse_bool({{ v }}) is not null
{#- Periods repeat: they were parsed once per distinct text into period_codes. -#}
{%- elif kind == 'period' -%} {{ v }} in (select raw from period_codes where period is not null)
{%- elif kind == 'date' -%} parse_date({{ v }}) is not null
{%- elif kind == 'sdg_list' -%} list_bool_and(list_transform(split_list({{ v }}), lambda x: is_sdg(x)))
{%- endif -%}
{%- endmacro -%}
{%- macro normalised(column, v) -%}
{%- if column == 'gender' -%} upper({{ v }})
{%- elif column == 'comparator' -%} normalise_comparator({{ v }})
{%- else -%} lower({{ v }})
{%- endif -%}
{%- endmacro -%}
{%- macro bad(check) -%}
{%- set v = check.column | ident -%}
{%- if check.rule == 'required' -%} {{ v }} is null
{%- elif check.rule == 'length' -%} length({{ v }}) > $max_cell
{%- elif check.rule == 'enum' -%}
{{ v }} is not null and not list_contains($choices_{{ check.n }}, {{ normalised(check.column, v) }})
{%- else -%}
{{ v }} is not null and not coalesce({{ valid(check.rule, v) }}, false)
{%- endif -%}
{%- endmacro %}
select _file, _sheet, _row, p.column, p.found, p.expected
from (
    select
        _file, _sheet, _row,
        unnest([
            {%- for check in checks %}
            case when {{ bad(check) }} then {
                'column': $column_{{ check.n }},
                {#- A required cell that is missing has no text to show. #}
                'found': {% if check.rule == 'required' %}$found_{{ check.n }}
                    {%- elif check.rule == 'length' %}format($found_{{ check.n }}, length({{ check.column | ident }}))
                    {%- else %}format($found_{{ check.n }}, {{ check.column | ident }}){% endif %},
                'expected': $expected_{{ check.n }},
            } end{{ "," if not loop.last }}
            {%- endfor %}
        ]) as p
    from {{ ('raw_' ~ table) | ident }}
    where {% for check in checks %}({{ bad(check) }}){{ " or " if not loop.last }}{% endfor %}
)
where p is not null
