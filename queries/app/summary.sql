-- Purpose: what the start page and the sidebar show about the warehouse as a whole.
-- Grain:   one row.
-- Params:  none.
select
    (select value from settings where key = 'municipality_name') as municipality_name,
    (select value from settings where key = 'municipality_code') as municipality_code,
    (select value from settings where key = 'data_notice') as data_notice,
    (select string_agg(title, ' / ' order by goal_id) from goals where level = 'vision') as vision,
    (select count(*) from goals) as goal_count,
    (select count(*) from goals where level = 'område') as area_count,
    (select count(*) from indicators) as indicator_count,
    -- Rows, with or without a value: a count without a filter reads no column (40 M rows in
    -- a few ms), where counting the values scanned them all.
    (select count(*) from outcomes) as outcome_rows,
    (select arg_max(period, (period_end, period_type = 'year')) from periods where is_evaluated)
        as latest_period,
    (select max(built_at) from load_log) as built_at_utc,
