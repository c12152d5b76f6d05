-- Purpose: the kinds of period from their one source, etl/period_types.csv.
-- Grain:   one row per period type.
-- Params:  $path: etl/period_types.csv.
insert into period_types
select period_type, label, part_prefix, sort_order, explanation,
from read_csv(
    $path,
    header = true,
    delim = ',',
    quote = '"',
    auto_detect = false,
    columns = {
        'period_type': 'varchar', 'label': 'varchar', 'part_prefix': 'varchar',
        'sort_order': 'integer', 'explanation': 'varchar'
    }
)
order by sort_order;
