-- Purpose: targets whose comparator lacks the numbers it needs (>= and <= need value; between
--          needs low and high with low <= high). Emptiness is judged on the raw cells, so a
--          non-numeric value is reported once, by the cell check, not again here.
-- Grain:   one row per problem: file, sheet, row, column, found, expected.
-- Params:  none.
select _file, _sheet, _row, 'value',
    format('jämförelsen {} utan målvärde', normalise_comparator(comparator)), 'ett tal i value',
from raw_targets
where normalise_comparator(comparator) in ('>=', '<=') and value is null
union all
select _file, _sheet, _row, if(low is null, 'low', 'high'),
    'between utan ' || if(low is null and high is null, 'low och high', if(low is null, 'low', 'high')),
    'tal i både low och high',
from raw_targets
where normalise_comparator(comparator) = 'between' and (low is null or high is null)
union all
select _file, _sheet, _row, 'low', format('low {} är större än high {}', low, high),
    'low mindre än eller lika med high',
from stg_targets
where comparator = 'between' and low > high;
