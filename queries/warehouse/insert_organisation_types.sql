-- Purpose: the organisation types from their one source, etl/organisation_types.csv.
-- Grain:   one row per type.
-- Params:  $path: etl/organisation_types.csv.
insert into organisation_types
select type, label, plural, is_committee, sort_order, explanation,
from read_csv(
    $path,
    header = true,
    delim = ',',
    quote = '"',
    auto_detect = false,
    columns = {
        'type': 'varchar', 'label': 'varchar', 'plural': 'varchar', 'is_committee': 'boolean',
        'sort_order': 'integer', 'explanation': 'varchar'
    }
)
order by sort_order;
