-- Purpose: every distinct period text in the staged sources, parsed once, plus every period
--          code in canonical form (1900-2199). A period repeats millions of times in a large
--          outcomes file; parsing each distinct text once and joining is far cheaper than
--          parsing every row, and the canonical codes let the fast path for outcomes
--          (etl/bulk/outcomes.sql) join a file it has not staged. A template: etl/validate.py
--          creates the table from the texts of targets and assessments and the canonical codes
--          (adding = false), then adds the texts of the outcomes staged row by row that are not
--          in it yet (adding = true), once the fast path has decided.
-- Grain:   one row per distinct raw period text (period is NULL when it is malformed).
-- Params:  none; template: tables (whose period column is read), also_made_in (tables whose
--          made_in column is read too), adding.
select
    raw,
    parse_period(raw) as period,
    period_type(raw) as period_type,
    period_year(raw) as year,
    period_start(raw) as period_start,
    period_end(raw) as period_end,
from (
    {%- for table in tables %}
    {{ 'union ' if not loop.first }}select period as raw from {{ ('raw_' ~ table) | ident }}
    {%- endfor %}
    {%- for table in also_made_in %}
    union select made_in from {{ ('raw_' ~ table) | ident }}
    {%- endfor %}
    {%- if not adding %}
    union
    select year::varchar || suffix
    from range(1900, 2200) as y(year),
        unnest(
            ['', '-T1', '-T2', '-T3', '-H1', '-H2', '-Q1', '-Q2', '-Q3', '-Q4']
            || list_transform(range(1, 13), lambda m: '-' || lpad(m::varchar, 2, '0'))
        ) as s(suffix)
    {%- endif %}
)
where raw is not null
{%- if adding %}
    and raw not in (select raw from period_codes)
{%- endif %}
