-- Purpose: what the start page and the sidebar show about the warehouse as a whole.
-- Grain:   one row.
-- Params:  none.
-- One aggregate per table, not a subquery per figure: DuckDB plans a dozen one-row subqueries
-- as a dozen cross joins, and ordering those took longer than answering them.
with
setting as (
    select
        any_value(value) filter (where key = 'municipality_name') as municipality_name,
        any_value(value) filter (where key = 'municipality_code') as municipality_code,
        any_value(value) filter (where key = 'data_notice') as data_notice,
    from settings
),
goal_counts as (
    select
        string_agg(title, ' / ' order by goal_id) filter (where level = 'vision') as vision,
        count(*) as goal_count,
        count(*) filter (where is_area) as area_count,
        any_value(level) filter (where is_area) as area_level,
    from goals
)
select
    s.municipality_name,
    s.municipality_code,
    s.data_notice,
    g.vision,
    g.goal_count,
    g.area_count,
    g.area_level,
    (select count(*) from indicators) as indicator_count,
    -- Rows, with or without a value: a count without a filter reads no column (40 M rows in
    -- a few ms), where counting the values scanned them all.
    (select count(*) from outcomes) as outcome_rows,
    (select arg_max(period, (period_end, period_type = 'year')) from periods where is_evaluated)
        as latest_period,
    (select max(built_at) from load_log) as built_at_utc,
from setting s, goal_counts g;
