-- Purpose: forecasts that cannot be one: of a period that is not a year, or made at a period
--          that does not end within the year before its end. (An unknown indicator is checked
--          with every other reference, in references.sql.)
-- Grain:   one row per problem: file, sheet, row, column, found, expected.
-- Params:  none.
select _file, _sheet, _row, 'period', format('"{}" är inget år', period),
    'året som prognosen gäller, t.ex. 2025',
from stg_forecasts
where period_type is not null and period_type <> 'year'
union all
select _file, _sheet, _row, 'made_in', format('"{}" ligger inte inom året {} före dess slut', made_in, period),
    'delåret då prognosen gjordes, t.ex. 2025-T2 för 2025',
from stg_forecasts
where period_type = 'year' and made_in is not null
    and not (year(made_in_end) = year(period_end) and made_in_end < period_end)
order by 1, 2, 3;
