-- Purpose: forecasts that cannot be one: of an unknown indicator, of a period that is not a
--          year, or made at a period that does not end within the year before its end.
--          References into a table not read in full ($refused) are not checked.
-- Grain:   one row per problem: file, sheet, row, column, found, expected.
-- Params:  $refused: the tables not read in full.
select _file, _sheet, _row, 'indicator_id', format('okänd indikator "{}"', indicator_id),
    'indicator_id för en indikator i indicators',
from stg_forecasts
where indicator_id not in (select indicator_id from stg_indicators where indicator_id is not null)
    and not list_contains($refused, 'indicators')
union all
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
