-- Purpose: the statuses of assignments from their one source, etl/assignment_statuses.csv.
-- Grain:   one row per status.
-- Params:  $path: etl/assignment_statuses.csv.
insert into assignment_statuses
select code, label, symbol, sort_order, is_closed, explanation,
from read_csv(
    $path,
    header = true,
    delim = ',',
    quote = '"',
    auto_detect = false,
    columns = {
        'code': 'varchar', 'label': 'varchar', 'symbol': 'varchar', 'sort_order': 'integer',
        'is_closed': 'boolean', 'explanation': 'varchar'
    }
)
order by sort_order;
