-- Purpose: the status vocabulary from its one source, attainment/statuses.csv. A status whose
--          score a setting replaces (delvis: partly_score) takes the model's value.
-- Grain:   one row per status.
-- Params:  $path: attainment/statuses.csv.
insert into statuses
select
    s.code,
    s.rank,
    coalesce(try_cast(setting.value as double), s.score) as score,
    s.label,
    s.phrase,
    s.symbol,
    s.colour,
    s.sort_order,
    s.is_goal_status,
    s.not_assessable_reason,
from read_csv(
    $path,
    header = true,
    delim = ',',
    quote = '"',
    auto_detect = false,
    columns = {
        'code': 'varchar', 'rank': 'integer', 'score': 'double', 'score_setting': 'varchar',
        'label': 'varchar', 'phrase': 'varchar', 'plural': 'varchar', 'symbol': 'varchar',
        'colour': 'varchar', 'badge_colour': 'varchar', 'marker': 'varchar',
        'sort_order': 'integer', 'is_goal_status': 'boolean',
        'not_assessable_reason': 'varchar', 'explanation': 'varchar'
    }
) s
left join settings setting on setting.key = s.score_setting
order by s.sort_order;
