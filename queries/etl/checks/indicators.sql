-- Purpose: indicators whose decimals is a whole number the dashboard cannot show: below zero,
--          or more than it prints. (A decimals that is no integer is a cell problem.)
-- Grain:   one row per problem: file, sheet, row, column, found, expected.
-- Params:  $max_decimals: the most decimals a number is shown with.
select _file, _sheet, _row, 'decimals', format('{} decimaler', decimals),
    format('ett heltal från 0 till {}', $max_decimals),
from raw_indicators
where parse_integer(decimals) < 0 or parse_integer(decimals) > $max_decimals;
