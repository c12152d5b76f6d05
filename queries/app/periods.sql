-- Purpose: the periods the engine evaluated, newest first, with a Swedish label and a flag
--          for the default choice (the latest; a full year before a tertial ending the same day).
-- Grain:   one row per evaluated period.
-- Params:  none.
with labelled as (
    select
        period,
        period_type,
        period_end,
        case period_type
            when 'year' then period || ' (helår)'
            when 'tertial' then left(period, 4) || ' tertial ' || right(period, 1) || ' (jan–'
                || ['apr', 'aug', 'dec'][right(period, 1)::integer] || ')'
            when 'quarter' then left(period, 4) || ' kvartal ' || right(period, 1)
            else ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti',
                'september', 'oktober', 'november', 'december'][month(period_end)]
                || ' ' || left(period, 4)
        end as label,
    from periods
    where is_evaluated
)
select
    *,
    row_number() over (order by period_end desc, period_type = 'year' desc, period) = 1
        as is_default,
from labelled
order by period_end desc, period_type = 'year' desc, period;
